"""Scoring of temporal expressions against gold: span and value precision/recall/F1.

Expressions are ``(start, end, value)`` triples. A system expression matches a
gold one *strictly* when the offsets are equal and *relaxed* when they overlap.
For values, a system expression counts when it overlaps a gold expression with
the same value (values compared without their time part, ``2020-01-03T10:00``
equals ``2020-01-03``). Matching is one-to-one, greedy in text order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

Expression = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and the precision/recall/F1 they give."""

    correct_system: int
    correct_gold: int
    system: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct_system / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.correct_system + other.correct_system,
            self.correct_gold + other.correct_gold,
            self.system + other.system,
            self.gold + other.gold,
        )


def strip_time(value: str) -> str:
    """The date part of a TIMEX3 value (``2020-01-03T10:00`` -> ``2020-01-03``)."""
    index = value.find("T")
    if index > 0 and (value[index - 1].isdigit() or value[index - 1] == "X"):
        return value[:index]
    return value


def overlaps(a: Expression, b: Expression) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(
    system: Sequence[Expression],
    gold: Sequence[Expression],
    same: Callable[[Expression, Expression], bool],
) -> Score:
    used: set[int] = set()
    correct = 0
    for s in system:
        for i, g in enumerate(gold):
            if i not in used and same(s, g):
                used.add(i)
                correct += 1
                break
    return Score(correct, correct, len(system), len(gold))


def strict_span(system: Sequence[Expression], gold: Sequence[Expression]) -> Score:
    return _match(system, gold, lambda s, g: (s[0], s[1]) == (g[0], g[1]))


def relaxed_span(system: Sequence[Expression], gold: Sequence[Expression]) -> Score:
    return _match(system, gold, overlaps)


def value_score(system: Sequence[Expression], gold: Sequence[Expression]) -> Score:
    return _match(
        system, gold, lambda s, g: overlaps(s, g) and strip_time(s[2]) == strip_time(g[2])
    )


def score_documents(
    pairs: Iterable[tuple[Sequence[Expression], Sequence[Expression]]],
) -> dict[str, Score]:
    """Strict span, relaxed span and value scores summed over (system, gold) pairs."""
    total = {
        "strict": Score(0, 0, 0, 0),
        "relaxed": Score(0, 0, 0, 0),
        "value": Score(0, 0, 0, 0),
    }
    for system, gold in pairs:
        total["strict"] += strict_span(system, gold)
        total["relaxed"] += relaxed_span(system, gold)
        total["value"] += value_score(system, gold)
    return total
