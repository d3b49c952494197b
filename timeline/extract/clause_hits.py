"""Which trigger hits of a clause tell its events: one hit per kind of event (the
first, unless an earlier one stands before a comma or outside a reference), the
hits of a kind told again later in the clause, and which verbs of saying make a
statement of their own."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from timeline.extract.gazetteer import ActorMention
from timeline.extract.references import REFERENCE, in_reference, told_here_at
from timeline.extract.roles import speaker_of
from timeline.extract.sentences import Span
from timeline.extract.triggers import Hit, Trigger, first_in, hits_in


def dated_saying(hit: Hit, dates: Sequence[Any], starts: Sequence[int]) -> bool:
    """A reporting verb with its own date: "said on February 6", "on Wednesday said",
    "said in written comments on February 7". ``starts`` are the dates' offsets."""
    low = bisect.bisect_left(starts, hit.start - 60)
    high = bisect.bisect_right(starts, hit.end + 40)
    return any(
        d.span is not None and (0 <= d.start - hit.end <= 40 or 0 <= hit.start - d.end <= 25)
        for d in dates[low:high]
    )


ASIDE = re.compile(
    r"(?:\b(?:that|which|who|whom)\s+(?:it|he|she|they|(?:[\w.-]+\s+){0,2}(?:officials|"
    r"diplomats|sources))|(?-i:\b[a-z]+s)\s+(?:it|they))\s+$",
    re.I,
)
"""'a network that it said smuggled oil', 'talks that U.S. officials said began',
'firms it accused of': what the doer says of someone, in passing."""


_ATTRIBUTION_BEFORE = re.compile(r",\s+(?:according\s+to\s+)?[^,;:\"“”]{1,70}\s+$")
_ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:(?:on|late|early)\s+\w+(?:\s+\w+)?\s*)?(?:[.;]|$|,\s+(?:adding|citing|according)\b)"
)


def attribution(text: str, sentence: Span, hit: Hit) -> bool:
    """ "..., a senior State Department official said.": the source of what the
    sentence told, at its end, not a statement of its own."""
    return bool(
        _ATTRIBUTION_BEFORE.search(text, max(sentence.start, hit.start - 72), hit.start)
        and _ATTRIBUTION_AFTER.match(text, hit.end, sentence.end)
    )


_ANONYMOUS = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|(?:asked|declined)\s+not\s+to\s+be\s+"
    r"(?:named|identified)|who\s+(?:asked|declined)\s+to\s+be\s+(?:named|identified)|"
    r"not\s+authori[sz]ed\s+to\s+speak)\b",
    re.I,
)


def anonymous(text: str, sentence: Span, hit: Hit) -> bool:
    """ "..., said a European diplomat who spoke on condition of anonymity": a source
    the reporter keeps unnamed, not a statement of a state."""
    return _ANONYMOUS.search(text, max(sentence.start, hit.start - 120), sentence.end) is not None


def kind_of(category: str, subtype: str | None) -> str:
    """What competes in a clause: one event per category, except that "other" holds
    unrelated kinds (a seizure and a release are two events)."""
    return f"other:{subtype}" if category == "other" else category


def _after_first(
    clause: Span,
    table: Sequence[Trigger],
    matches: Sequence[Sequence[Hit]],
    first: Mapping[str, tuple[Trigger, Hit]],
) -> Iterator[tuple[str, Trigger, Hit, Hit]]:
    """Each hit in the clause after the first hit of its kind: (kind, trigger, the
    first hit, the later hit), in order for each trigger."""
    for trigger, trigger_hits in zip(table, matches, strict=True):
        kind = kind_of(trigger.category, trigger.subtype)
        if kind not in first:
            continue
        head = first[kind][1]
        index = bisect.bisect_right(trigger_hits, head.start, key=lambda h: h.start)
        for hit in trigger_hits[index:]:
            if hit.start >= clause.end:
                break
            yield kind, trigger, head, hit


def referred_hits(
    text: str,
    clause: Span,
    table: Sequence[Trigger],
    matches: Sequence[Sequence[Hit]],
    first: Mapping[str, tuple[Trigger, Hit]],
    mention_starts: Sequence[int],
) -> list[tuple[Trigger, Hit]]:
    """Later hits of a category already found in the clause that tell the event it
    refers to ("Iran seized a tanker after Britain detained one"): a second event."""
    referred: dict[Trigger, Hit] = {}
    for _, trigger, head, hit in _after_first(clause, table, matches, first):
        if trigger in referred:
            continue
        reference = REFERENCE.search(text, head.end, hit.start)
        if reference is not None and told_here_at(
            text, reference.start(), hit.start, mention_starts
        ):
            referred[trigger] = hit
            continue
        # "Four days after the frigate struck a mine, U.S. forces destroyed two
        # platforms": the first hit was the one referred to, this one is the clause's.
        opening = REFERENCE.search(text, clause.start, head.start)
        if (
            opening is not None
            and "," in text[head.end : hit.start]
            and told_here_at(text, opening.start(), head.start, mention_starts)
        ):
            referred[trigger] = hit
    return list(referred.items())


def later_hits(
    text: str,
    clause: Span,
    table: Sequence[Trigger],
    matches: Sequence[Sequence[Hit]],
    first: Mapping[str, tuple[Trigger, Hit]],
) -> list[tuple[Trigger, Hit]]:
    """Hits of a category already found in the clause that stand in a later
    comma-delimited stretch of it ("who came close to a meeting last fall, spoke
    with Rouhani after the strikes"): maybe a second event of that kind."""
    later: dict[tuple[str, int], tuple[Trigger, Hit]] = {}
    done: set[Trigger] = set()
    for kind, trigger, head, hit in _after_first(clause, table, matches, first):
        if trigger in done or "," not in text[head.end : hit.start]:
            continue
        segment = text.rfind(",", head.end, hit.start)
        later.setdefault((kind, segment), (trigger, hit))
        done.add(trigger)
    return sorted(later.values(), key=lambda th: th[1].start)


def _spoken(
    text: str,
    clause: Span,
    table: Sequence[Trigger],
    matches: Sequence[Sequence[Hit]],
    mentions: Sequence[ActorMention],
    mention_starts: Sequence[int],
) -> tuple[Trigger, Hit] | None:
    """The first verb of saying in the clause whose speaker is named, if any."""
    said = [
        (hit.start, trigger, hit)
        for trigger, trigger_hits in zip(table, matches, strict=True)
        for hit in hits_in(trigger_hits, clause)
    ]
    for _, trigger, hit in sorted(said, key=lambda t: t[0]):
        if speaker_of(text, hit, mentions, mention_starts) is not None:
            return trigger, hit
    return None


_AFTER = re.compile(r"\b(?:after|following|in\s+(?:response|retaliation)\s+(?:to|for))\s", re.I)


def clause_hits(
    text: str,
    masked: str,
    clause: Span,
    table: Sequence[Trigger],
    matches: Sequence[Sequence[Hit]],
    mentions: Sequence[ActorMention],
    mention_starts: Sequence[int],
) -> dict[str, tuple[Trigger, Hit]]:
    """The hit that tells each kind of event in ``clause`` (``masked``: the text with
    its dates blanked, where speakers are looked for)."""
    hits: dict[str, tuple[Trigger, Hit]] = {}
    for trigger, trigger_hits in zip(table, matches, strict=True):
        hit = first_in(trigger_hits, clause)
        if hit is None:
            continue
        kind = kind_of(trigger.category, trigger.subtype)
        if kind not in hits:
            hits[kind] = (trigger, hit)
        elif hit.end <= hits[kind][1].start and (
            "," in text[hit.end : hits[kind][1].start]
            or in_reference(text, clause.start, hits[kind][1].start)
            # "ordered airstrikes ... after a rocket attack on Erbil killed a contractor"
            or _AFTER.search(text, hit.end, hits[kind][1].start) is not None
        ):
            # "Iran fired missiles on January 8, days after the U.S. killed":
            # a hit inside a reference does not hide the clause's own event,
            # nor does a consequence told after a comma ("fired missiles at
            # bases in Iraq, killing a dozen": the firing is the event).
            hits[kind] = (trigger, hit)
    eased = hits.get("other:sanctions eased")
    if eased is not None and "sanction" in hits:
        start = hits["sanction"][1].start
        if eased[1].start <= start <= eased[1].end + 5:
            del hits["sanction"]  # "lifted sanctions on Iran": no new sanction
    said = hits.get("statement")
    if said is not None and speaker_of(masked, said[1], mentions, mention_starts) is None:
        # "the Foreign Ministry called the attacks piracy and said Iran
        # reserved the right": a later verb of saying may name the speaker.
        hits["statement"] = (
            _spoken(masked, clause, table, matches, mentions, mention_starts) or said
        )
    return hits
