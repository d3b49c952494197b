"""Which date an event takes: the temporal expression of its clause, then of its
sentence, then the narrative date of its paragraph; never the publication date.

A date that modifies another trigger's noun ("the 2015 nuclear deal") belongs
to that trigger; a "when" clause takes the date of the clause it hangs on
("on Tuesday, when Iran launched strikes"); an event that happened cannot end
after the article was published.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from timeline.dates import DateSpan


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_ATTACHED_GAP = re.compile(r"[^,;.:()\"“”—–]{0,30}")
_NOT_MODIFIERS = re.compile(
    r"\b(?:after|before|when|since|following|until|while|in|on|at|by|for|from|with|to|of|"
    r"and|or|but|that|which|who|was|were|is|are|has|had|have|been)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(r"\s*(?:when|as|where)\b", re.IGNORECASE)


def owners(
    dates: Sequence[Any], text: str, scope: Located, trigger_starts: Sequence[tuple[str, int]]
) -> dict[int, str]:
    """Date expressions (by index) that modify a trigger noun right after them, with
    that trigger's category: "the 2015 Iran nuclear deal" -> deal."""
    owned: dict[int, str] = {}
    for index, expression in enumerate(dates):
        if not scope.start <= expression.start < scope.end:
            continue
        for category, start in trigger_starts:
            gap = text[expression.end : start]
            if (
                0 <= start - expression.end <= 30
                and _ATTACHED_GAP.fullmatch(gap)
                and not _NOT_MODIFIERS.search(gap)
            ):
                owned[index] = category
    return owned


def _usable(
    dates: Sequence[Any], scope: Located, category: str, owned: Mapping[int, str]
) -> list[Any]:
    return [
        d
        for i, d in enumerate(dates)
        if scope.start <= d.start < scope.end
        and d.span is not None
        and owned.get(i, category) == category
    ]


def event_date(
    dates: Sequence[Any],
    text: str,
    clause: Located,
    previous: Located | None,
    sentence: Located,
    trigger_start: int,
    category: str,
    owned: Mapping[int, str],
) -> tuple[Any | None, bool]:
    """The expression dating an event, and whether it came from the narrative
    (an earlier sentence) rather than the event's own sentence."""
    if previous is not None and _WHEN.match(text[clause.start : clause.end]):
        inherited = _usable(dates, previous, category, owned)
        if inherited:
            return inherited[-1], False
    for scope in (clause, sentence):
        inside = _usable(dates, scope, category, owned)
        if inside:
            return min(inside, key=lambda d: abs(d.start - trigger_start)), False
    floor = text.rfind("\n\n", 0, sentence.start)
    floor = 0 if floor < 0 else floor + 2
    earlier = [d for d in dates if floor <= d.start < sentence.start and d.span is not None]
    return (earlier[-1], True) if earlier else (None, False)


def clip_to_publication(span: DateSpan, published: date | None) -> DateSpan:
    """Something that happened ended by the publication date ("this week" in a
    Thursday article is Monday to Thursday)."""
    if published is None or not span.start <= published < span.end:
        return span
    return DateSpan(span.start, published, "day" if span.start == published else "range")
