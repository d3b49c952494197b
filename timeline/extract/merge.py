"""Same event, several mentions: grouping candidates and matching stored events.

Two mentions are of the same event when they share the category, their date
spans are compatible (one lies inside the other), their actors overlap (or one
side names none) and their initiators, when both name one, are the same, as are
the officials who made two statements. A mention dated only as after another
event ("since then") is one only with a mention of the same span and the same
named doer: its range holds the event it follows, and other events of the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.dates import DateSpan
from timeline.extract.candidate import Candidate

KINDS_BY_SUBTYPE = ("statement", "other")
"""Categories whose subtypes are different kinds of event (a threat is no offer, a
refusal no withdrawal): mentions of them are one event only with one subtype."""


def spans_compatible(a: DateSpan, b: DateSpan) -> bool:
    """One span lies inside the other."""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def actors_overlap(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]]) -> bool:
    names_a = {n.lower() for n, _ in a}
    names_b = {n.lower() for n, _ in b}
    return not names_a or not names_b or bool(names_a & names_b)


def initiators_agree(a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]]) -> bool:
    """Two mentions whose doers are both named, and differ, are of different events
    ("Iran announced ..." and "Pompeo said ..." in the same week)."""
    doers_a = {n.lower() for n, r in a if r == "initiator"}
    doers_b = {n.lower() for n, r in b if r == "initiator"}
    return not doers_a or not doers_b or bool(doers_a & doers_b)


@dataclass
class Group:
    """Candidates of one document that describe one event."""

    mentions: list[Candidate] = field(default_factory=list)

    @property
    def lead(self) -> Candidate:
        """The mention with the finest date, then the most actors, then the first."""
        return min(
            self.mentions,
            key=lambda c: (c.span.days if c.span else 10**6, -len(c.actors), c.start),
        )

    @property
    def actors(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for mention in [self.lead, *self.mentions]:
            for name, role in mention.actors:
                seen.setdefault(name, role)
        return list(seen.items())

    @property
    def confidence(self) -> float:
        return min(1.0, max(c.confidence for c in self.mentions) + 0.1 * (len(self.mentions) - 1))


def _same_doer(a: Candidate, b: Candidate) -> bool:
    doers = {n for n, r in a.actors if r == "initiator"}
    return bool(doers) and doers == {n for n, r in b.actors if r == "initiator"}


def group_candidates(candidates: Sequence[Candidate]) -> list[Group]:
    """Dated candidates of one document merged into groups (one per event)."""
    groups: list[Group] = []
    for candidate in candidates:
        assert candidate.span is not None
        for group in groups:
            lead = group.lead
            assert lead.span is not None
            if (
                lead.category == candidate.category
                and (lead.category not in KINDS_BY_SUBTYPE or lead.subtype == candidate.subtype)
                and spans_compatible(lead.span, candidate.span)
                and (
                    not (lead.relative or candidate.relative)
                    or (lead.span == candidate.span and _same_doer(lead, candidate))
                )
                and actors_overlap(group.actors, candidate.actors)
                and initiators_agree(lead.actors, candidate.actors)
                and (lead.speaker is None or candidate.speaker in (None, lead.speaker))
            ):
                group.mentions.append(candidate)
                break
        else:
            groups.append(Group([candidate]))
    return groups


def matches_record(group: Group, record: dict[str, Any]) -> bool:
    """Whether a stored event (interchange record) is the group's event."""
    lead = group.lead
    if lead.span is None or record["category"] != lead.category:
        return False
    if lead.category in KINDS_BY_SUBTYPE and record.get("subtype", lead.subtype) != lead.subtype:
        return False
    stored = DateSpan(
        date.fromisoformat(record["date_start"]),
        date.fromisoformat(record["date_end"]),
        record["date_precision"],
    )
    theirs = [(a["name"], a["role"]) for a in record["actors"]]
    return spans_compatible(stored, lead.span) and actors_overlap(theirs, group.actors)
