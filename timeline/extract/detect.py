"""Finding events in a document: sentences, clauses, triggers, actors, roles,
modality and the date of each event.

Rules, not a model: every category has trigger patterns mapped to a CAMEO
code; actors come from the gazetteer; the date is the temporal expression of
the clause the trigger is in (then of its sentence, then the narrative date of
its paragraph), never the publication date. Dates can also be implied: by a
presidential term ("under the Obama administration"), by an event referred to
("after the killing of ..." runs from that event to publication), by a present
perfect or "Since then" (from the story's last date to publication), or by an
earlier telling of the same event. Quoted events do not take the date of the
saying. Planned, possible, denied and hypothetical events are flagged.

This module walks the sentences and clauses of a text for trigger hits; each hit
becomes an event in :mod:`~timeline.extract.candidate`, which draws on
:mod:`~timeline.extract.roles`, :mod:`~timeline.extract.event_dates`,
:mod:`~timeline.extract.references` and :mod:`~timeline.extract.modality`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from timeline.dates import DateSpan, render
from timeline.extract.candidate import (
    CALL_FOR,
    Candidate,
    SentenceContext,
    TextContext,
    build_candidate,
)
from timeline.extract.clause_hits import (
    ASIDE,
    anonymous,
    attribution,
    clause_hits,
    dated_saying,
    kind_of,
    later_hits,
    referred_hits,
)
from timeline.extract.event_dates import indices_in, narrative_floor, owners, paragraph_starts
from timeline.extract.gazetteer import Gazetteer, with_pairs
from timeline.extract.implied import implied_dates
from timeline.extract.modality import mask_dates
from timeline.extract.references import (
    NOUN_REFERENCE,
    OWN_ACT,
    REFERENCE,
    SOON,
    after_named,
    after_reference,
    commemorated,
    disaster_told,
    offset_span,
    told_here_at,
)
from timeline.extract.sentences import Span, clauses, quotations, quoted_at, sentences
from timeline.extract.triggers import (
    APPEAL,
    STATEMENTS,
    TRIGGERS,
    Hit,
    Trigger,
    all_hits,
    hits_in,
)

EXTRACTOR = "rules"
EXTRACTOR_VERSION = "0.1"


def _opening_reference(
    text: str,
    clause: Span,
    hit: Hit,
    hits: Sequence[tuple[Trigger, Hit]],
    mention_starts: Sequence[int],
) -> bool:
    """Whether ``hit`` tells an event referred to ahead of every other event of the
    clause ("After the U.S. imposed sanctions in May, Iran attacked tankers")."""
    reference = REFERENCE.search(text, clause.start, hit.start)
    return (
        reference is not None
        and all(other.start > hit.start for _, other in hits if other is not hit)
        and told_here_at(text, reference.start(), hit.start, mention_starts)
    )


_TOLD_EVENT_CAME = re.compile(
    r"\s*(?:the|this|that|it)\s+(?:[\w-]+\s+){0,2}(?:came|was|happened|occurred)\b", re.I
)


def _word_at(text: str, start: int) -> str:
    """The word at ``start``, lower case."""
    m = re.match(r"\w+", text[start : start + 20])
    return m[0].lower() if m else ""


def _reference_after(
    text: str,
    clause: Span,
    hit: Hit,
    hits: Sequence[tuple[Trigger, Hit]],
    mention_starts: Sequence[int],
) -> Span | None:
    """The stretch of the clause, after ``hit``, that tells an event it refers to
    ("..., five days after the U.S. killed Soleimani in Baghdad"), if any: from the
    "after" to the next comma or the clause's end."""
    for _, other in hits:
        if other.start <= hit.start:
            continue
        reference = REFERENCE.search(text, hit.end, other.start)
        if reference is not None and told_here_at(
            text, reference.start(), other.start, mention_starts
        ):
            comma = text.find(",", other.end, clause.end)
            return Span(reference.start(), clause.end if comma < 0 else comma)
    return None


_COORDINATED = re.compile(r"\s+(?:and|but|while|whereas|then)\s", re.I)
"""After a comma, a clause of its own with its own subject or verb (not a relative
clause, as in "Oman, which hosted talks in 2013, mediated again")."""


def _dated_within(
    dates: Sequence[Any], starts: Sequence[int], span: Span, precisions: tuple[str, ...] = ()
) -> bool:
    """Whether a resolved date expression stands inside ``span`` (of one of
    ``precisions``, when given)."""
    return any(
        dates[i].span is not None and (not precisions or dates[i].span.precision in precisions)
        for i in indices_in(dates, span, starts)
    )


def _count_back(
    parts: Sequence[Span],
    in_sentence: Sequence[Candidate],
    counted_back: Sequence[tuple[Candidate, Span, str, bool]],
) -> None:
    """An event referred to by "N days after/before" with no date of its own is
    dated from the event of its clause: "On Oct. 29, ten days after warships shelled
    two platforms, Reagan banned imports" (the shelling on Oct. 19), whichever of
    the two was read first."""
    referred = {id(c) for c, *_ in counted_back}
    for candidate, own, lead, ahead in counted_back:
        clause = next((p for p in parts if p.start <= own.start < p.end), None)
        if clause is None:
            continue
        base = next(
            (
                c
                for c in in_sentence
                if id(c) not in referred
                and c.span is not None
                and not c.relative
                and clause.start <= c.trigger_start < clause.end
                and not own.start <= c.trigger_start < own.end
            ),
            None,
        )
        if base is None or base.span is None:
            continue
        span = offset_span(lead, base.span, 1 if ahead else -1)
        if span is not None:
            candidate.span, candidate.date_text = span, render(span)


def _own_parts(
    text: str, sentence: Span, candidates: Sequence[Candidate], parts_of: Mapping[int, int]
) -> None:
    """Two events of one kind read in one sentence cite their own parts of it (from
    where each part starts to where the next begins), so each mention has a span of
    its own."""
    kinds: dict[str, list[Candidate]] = {}
    for c in candidates:
        kinds.setdefault(c.category, []).append(c)
    for same in kinds.values():
        if len(same) < 2:
            continue
        starts = sorted({parts_of.get(id(c), sentence.start) for c in same})
        for c in same:
            start = parts_of.get(id(c), sentence.start)
            later = [s for s in starts if s > start]
            end = later[0] if later else sentence.end
            chunk = text[start:end]
            left = len(chunk) - len(chunk.lstrip())
            right = len(chunk.rstrip(" ,;\n"))
            if right > left:
                c.start, c.end = start + left, start + right
                c.quote = text[c.start : c.end]


_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3}"  # WASHINGTON, THE HAGUE
    r"(?:,\s+(?:[A-Z][a-z]+\.?\s+)?[A-Z][a-z]+\.?(?=,|\s*[-—–(]))?"  # , Calif.
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"  # , Oct. 8, 1999
    r"(?:\s*\([^()\n]{1,40}\))?"  # (Reuters)
    r"\s*(?:--?|—|–)\s"
)
"""A wire story's dateline: the place in capitals, the day, the agency, a dash."""


def dateline(text: str) -> Span | None:
    """Where the dateline opening a story is (in its first lines), if it has one."""
    m = _DATELINE.search(text, 0, 600)
    return Span(m.start(), m.end()) if m is not None else None


def detect(
    text: str,
    gazetteer: Gazetteer,
    dates: Sequence[Any],
    published: date | None = None,
) -> list[Candidate]:
    """Candidate events in ``text`` given its temporal expressions (from the tagger).

    Each clause yields at most one event per category, and a statement by a named
    actor when it reports no other event, when the statement is more than "said"
    (a threat, a demand, a rejection...) or when the saying has its own date
    ("Blinken said on February 6 that ...").
    """
    year = published.year if published else None
    # In text order, with the dates presidential terms imply; lookups bisect offsets.
    dates = sorted([*dates, *implied_dates(text, published)], key=lambda d: d.start)
    mentions = with_pairs(text, gazetteer.find(text, year), gazetteer)
    head = dateline(text)
    if head is not None:
        # "WASHINGTON, Oct. 8 (Reuters) -": where and when it was filed, not what happened
        dates = [d for d in dates if not head.start <= d.start < head.end]
        mentions = [m for m in mentions if not head.start <= m.start < head.end]
    masked = mask_dates(text, dates)
    # (hits inside an anniversary, and strikes of a sentence about a disaster, tell nothing)
    spans = sentences(text)
    disasters = [s for s in spans if disaster_told(text, s.start)]
    event_hits = [
        [
            h
            for h in hits
            if not commemorated(text, h.start)
            and not (
                trigger.category == "strike" and any(d.start <= h.start < d.end for d in disasters)
            )
        ]
        for trigger, hits in zip(TRIGGERS, all_hits(text, TRIGGERS), strict=True)
    ]
    statement_hits = all_hits(text, STATEMENTS)
    quotes = quotations(text)
    starts = [d.start for d in dates]
    mention_starts = [m.start for m in mentions]
    found: list[Candidate] = []
    paragraphs = paragraph_starts(text)
    categories: set[str] = set()  # of the events told so far
    owned_so_far: dict[int, str] = {}  # dates naming an event ("the 2015 deal"), to here
    parts_of: dict[int, int] = {}  # candidate -> where its part of the sentence starts
    doc = TextContext(text, masked, dates, starts, published, owned_so_far, categories)
    for sentence in spans:
        floor = narrative_floor(text, paragraphs, sentence.start)
        # The actors near the sentence (all the rules look no further).
        low = bisect.bisect_left(mention_starts, sentence.start - 150)
        high = bisect.bisect_right(mention_starts, sentence.end + 50)
        near, near_starts = mentions[low:high], mention_starts[low:high]
        parts = clauses(text, sentence)
        in_sentence: list[Candidate] = []
        counted_back: list[tuple[Candidate, Span, str, bool]] = []
        place = SentenceContext(sentence, near, near_starts, floor)
        owned_so_far |= owners(
            dates,
            text,
            sentence,
            [
                (trigger.category, hit.start)
                for trigger, trigger_hits in zip(TRIGGERS, event_hits, strict=True)
                for hit in hits_in(trigger_hits, sentence)
            ],
            starts,
        )
        for number, clause in enumerate(parts):
            previous = parts[number - 1] if number else None
            after: DateSpan | None = None
            after_at = -1  # where the reference that gives ``after`` is
            stretch: Span | None = None  # where an event referred to is told
            told = 0  # events the clause reports outside quotations
            named_lead: Span | None = None
            named = NOUN_REFERENCE.search(text, clause.start, clause.end)
            if named is not None:
                # "Overnight after the strike, Iran summoned the Swiss envoy": what the
                # clause tells came after the strike told before.
                after = after_named(
                    named,
                    text[clause.start : named.start()],
                    [*reversed(in_sentence), *reversed(found)],
                    published,
                )
                after_at = named.start() if after is not None else -1
                # "The day after the capture": its words date nothing of their own.
                named_lead = Span(clause.start, named.end()) if after is not None else None
            # A clause reporting no other event may still report a statement; one that
            # does reports a statement only if it is more than "said" or dated itself.
            for table, matches in ((TRIGGERS, event_hits), (STATEMENTS, statement_hits)):
                hits = clause_hits(text, masked, clause, table, matches, near, near_starts)
                first_hits = list(hits.values())
                if table is TRIGGERS:
                    hits_in_order = [
                        *hits.values(),
                        *later_hits(text, clause, table, matches, hits),
                        *referred_hits(text, clause, table, matches, hits, near_starts),
                    ]
                    # An event referred to and told here ("After X did Y, Z did W")
                    # first: what the clause tells after it is dated from it.
                    listed = list(hits_in_order)  # (a list being sorted reads as empty)
                    hits_in_order.sort(
                        key=lambda pair: (
                            not _opening_reference(text, clause, pair[1], listed, near_starts)
                        )
                    )
                else:
                    hits_in_order = list(hits.values())
                for trigger, hit in hits_in_order:
                    quote = quoted_at(quotes, hit.start)
                    plain = trigger.subtype == "statement"
                    if table is STATEMENTS and (
                        quote is not None
                        or (told and plain and not dated_saying(hit, dates, starts))
                        # "a network that it said smuggled oil": an aside, not a statement
                        or ASIDE.search(text, max(0, hit.start - 40), hit.start)
                        # "Iran freed the sailors on Wednesday, the Pentagon said."
                        or (
                            plain
                            and any(c.modality == "asserted" for c in in_sentence)
                            and attribution(text, sentence, hit)
                        )
                        or (plain and anonymous(text, sentence, hit))
                    ):
                        continue
                    lead_in = text[clause.start : hit.start]
                    reference = REFERENCE.search(lead_in) if table is TRIGGERS else None
                    if reference and OWN_ACT.match(text, clause.start + reference.start()):
                        reference = None  # "after withdrawing from": the subject's own act
                    told_here = reference is not None and told_here_at(
                        text, clause.start + reference.start(), hit.start, near_starts
                    )
                    if reference is not None:
                        # "after the killing of...": an event told elsewhere, whose date
                        # bounds what this clause reports ("after his call for talks"
                        # refers to an appeal, a statement).
                        category, subtype = trigger.category, trigger.subtype
                        if category == "talks" and CALL_FOR.search(lead_in):
                            category, subtype = APPEAL.category, APPEAL.subtype
                        soon = bool(SOON.search(lead_in[: reference.start()]))
                        after_at = after_at if after else clause.start + reference.start()
                        after = after or after_reference(
                            category,
                            subtype,
                            itertools.chain(reversed(in_sentence), reversed(found)),
                            published,
                            soon,
                        )
                        if not told_here:
                            continue
                    own_clause, own_after, other = clause, after, named_lead
                    if told_here and reference is not None:
                        # The event referred to is dated by its own stretch, or by how
                        # long before this clause's event it came ("five days after").
                        comma = text.find(",", hit.end, clause.end)
                        own_clause = Span(
                            clause.start + reference.start(), clause.end if comma < 0 else comma
                        )
                        other = Span(sentence.start, own_clause.start)  # this clause's event
                        lead = text[clause.start : own_clause.start]
                        dated = [c.span for c in in_sentence if c.span and not c.relative]
                        if not dated and _TOLD_EVENT_CAME.match(lead):
                            # "The seizure came a day before ... struck": the event
                            # just told is the one it is counted from.
                            dated = [c.span for c in found if c.span and not c.relative]
                        ahead = _word_at(text, own_clause.start) == "before"
                        own_after = (
                            offset_span(lead, dated[-1], 1 if ahead else -1) if dated else None
                        )
                    elif stretch is not None and hit.start >= stretch.end:
                        # "After X did Y on June 20, Z did W": W is not of June 20, nor X's.
                        own_clause, other = Span(stretch.end, clause.end), stretch
                    else:
                        # "Iran fired missiles on January 8, days after the U.S. killed
                        # Soleimani in Baghdad": the reference that follows is not this
                        # event's (its actors, its dates).
                        later = (
                            _reference_after(text, clause, hit, hits_in_order, near_starts)
                            if table is TRIGGERS
                            else None
                        )
                        comma = text.rfind(",", clause.start, hit.start)
                        if later is not None:
                            own_clause, other = Span(clause.start, later.start), later
                        elif (trigger, hit) not in first_hits or any(
                            clause.start <= c.trigger_start < comma for c in in_sentence
                        ):
                            # "Israel struck on June 13, and U.S. bombers struck the sites
                            # on June 22", "..., and Ahmadinejad announced their release 12
                            # days later": a later stretch with a date of its own has it.
                            tail = Span(comma + 1, clause.end)
                            if (
                                comma > clause.start
                                and _COORDINATED.match(text, comma + 1)
                                and _dated_within(dates, starts, tail, ("day", "week", "month"))
                            ):
                                own_clause, other = tail, Span(clause.start, comma)
                    candidate = build_candidate(
                        doc,
                        place,
                        own_clause,
                        previous,
                        trigger,
                        hit,
                        own_after,
                        quote,
                        after_at,
                        other,
                    )
                    if (
                        candidate is not None
                        and told_here
                        and reference is not None
                        and own_after is None
                        and own_clause is not clause
                        and not _dated_within(dates, starts, own_clause)
                    ):
                        # "On April 18, four days after the frigate struck a mine, U.S.
                        # forces destroyed ...": counted from this clause's event once
                        # it is dated (see _count_back).
                        lead = text[clause.start : own_clause.start]
                        ahead = _word_at(text, own_clause.start) == "before"
                        counted_back.append((candidate, own_clause, lead, ahead))
                    if candidate is not None and not any(
                        kind_of(c.category, c.subtype)
                        == kind_of(candidate.category, candidate.subtype)
                        and c.span == candidate.span
                        and clause.start <= c.trigger_start < clause.end
                        # (one still to be counted back has no date of its own yet)
                        and not any(c is waiting for waiting, *_ in counted_back)
                        for c in in_sentence
                    ):
                        in_sentence.append(candidate)
                        # (an event it reports but cannot date leaves the saying to tell)
                        told += (
                            quote is None
                            and candidate.modality == "asserted"
                            and candidate.span is not None
                        )
                        if (
                            told_here
                            and reference is not None
                            and candidate.span is not None
                            and _word_at(text, own_clause.start) != "before"
                        ):
                            # What the clause tells after the reference came after it:
                            # "two weeks after" it, or some time up to publication.
                            stretch = own_clause
                            after_at = own_clause.start
                            lead = text[clause.start : own_clause.start]
                            after = offset_span(lead, candidate.span, 1) or after_reference(
                                candidate.category,
                                candidate.subtype,
                                [candidate],
                                published,
                                bool(SOON.search(lead)),
                            )
                            # "Iran fired missiles at US bases, days after the U.S. killed
                            # Soleimani on January 3": the clause's undated event too.
                            for earlier in in_sentence[:-1]:
                                if (
                                    after is not None
                                    and earlier.span is None
                                    and earlier.modality == "asserted"
                                    and clause.start <= earlier.trigger_start < own_clause.start
                                ):
                                    earlier.span, earlier.relative = after, True
                                    earlier.date_text = render(after)
                        comma = text.rfind(",", clause.start, hit.start)
                        parts_of[id(candidate)] = (
                            comma + 1 if (trigger, hit) not in first_hits else clause.start
                        )
        _count_back(parts, in_sentence, counted_back)
        _own_parts(text, sentence, in_sentence, parts_of)
        found.extend(in_sentence)
        categories.update(c.category for c in in_sentence)
        if any(c.subtype == "release" for c in in_sentence):
            categories.add("deal")  # "Iran freed five Americans ... the swap": told
    return found
