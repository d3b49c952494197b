"""Scoring extracted events against a gold annotation.

A system event matches a gold event when both are from the same document and
category and the system's date span lies inside the gold span. Matching is
one-to-one per document (each gold event is found at most once); further
system events matching an already found gold event are duplicates -- when they
share an actor with it (or either side names none). One that shares no actor
with any gold event it fits is another event whose span merely lies inside a
wide gold span: it counts as wrong, not as a duplicate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Item:
    document: str
    category: str
    start: date
    end: date
    label: str = ""
    actors: frozenset[str] = frozenset()


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    found: int = 0
    correct: int = 0
    duplicates: int = 0
    missed: list[Item] = field(default_factory=list)
    wrong: list[Item] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.system += other.system
        self.found += other.found
        self.correct += other.correct
        self.duplicates += other.duplicates
        self.missed += other.missed
        self.wrong += other.wrong


def matches(system: Item, gold: Item) -> bool:
    return (
        system.document == gold.document
        and system.category == gold.category
        and gold.start <= system.start
        and system.end <= gold.end
    )


def _same_actors(system: Item, gold: Item) -> bool:
    return not system.actors or not gold.actors or bool(system.actors & gold.actors)


def score_document(gold: Sequence[Item], system: Sequence[Item]) -> Score:
    result = Score(gold=len(gold), system=len(system))
    taken: set[int] = set()
    # Tightest gold spans first, so a wide gold event does not take a narrow one's match.
    for s in sorted(system, key=lambda i: (i.end - i.start).days):
        options = [g for g in range(len(gold)) if matches(s, gold[g])]
        if not options:
            result.wrong.append(s)
            continue
        free = [g for g in options if g not in taken]
        if free:
            best = min(free, key=lambda g: (gold[g].end - gold[g].start).days)
            taken.add(best)
        elif any(_same_actors(s, gold[g]) for g in options):
            result.duplicates += 1
        else:
            result.wrong.append(s)
            continue
        result.correct += 1
    result.found = len(taken)
    result.missed = [g for i, g in enumerate(gold) if i not in taken]
    return result


def score(gold: Iterable[Item], system: Iterable[Item]) -> dict[str, Score]:
    """Scores per document and under ``"overall"``."""
    by_doc: dict[str, tuple[list[Item], list[Item]]] = {}
    for g in gold:
        by_doc.setdefault(g.document, ([], []))[0].append(g)
    for s in system:
        by_doc.setdefault(s.document, ([], []))[1].append(s)
    results = {doc: score_document(g, s) for doc, (g, s) in sorted(by_doc.items())}
    overall = Score()
    for r in results.values():
        overall.add(r)
    results["overall"] = overall
    return results


def gold_items(records: Iterable[dict[str, Any]]) -> list[Item]:
    return [
        Item(
            r["document"],
            r["category"],
            date.fromisoformat(r["date_start"]),
            date.fromisoformat(r["date_end"]),
            r.get("gold_id", ""),
            frozenset(a["name"] for a in r.get("actors") or ()),
        )
        for r in records
        if r.get("date_start")
    ]
