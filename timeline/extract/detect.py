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
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.dates import DateSpan, render
from timeline.extract.event_dates import (
    SINCE_THEN,
    clip_to_publication,
    event_date,
    narrative_floor,
    owners,
    paragraph_starts,
    present_perfect,
)
from timeline.extract.gazetteer import ActorMention, Gazetteer
from timeline.extract.implied import administration_of, implied_dates
from timeline.extract.modality import mask_dates, modality_of
from timeline.extract.references import (
    ANAPHORA,
    CAME_AFTER,
    OWN_ACT,
    PRECEDED,
    REFERENCE,
    SOON,
    after_reference,
    told_before,
)
from timeline.extract.roles import quotations, quoted_at, roles_of, speaker_of
from timeline.extract.sentences import Span, clauses, sentences
from timeline.extract.triggers import (
    APPEAL,
    STATEMENTS,
    TRIGGERS,
    VISIT,
    Hit,
    Trigger,
    all_hits,
    first_in,
)

EXTRACTOR = "rules"
EXTRACTOR_VERSION = "0.1"


@dataclass
class Candidate:
    """One event found in a document, with its provenance."""

    category: str
    cameo_code: str
    subtype: str | None
    start: int
    end: int
    quote: str
    trigger: str
    trigger_start: int
    span: DateSpan | None
    date_text: str | None
    actors: list[tuple[str, str]] = field(default_factory=list)
    modality: str = "asserted"
    location: str | None = None
    confidence: float = 0.5
    speaker: str | None = None  # the official who made a statement, when named
    relative: bool = False  # dated as after another event ("since then", "after the strike")

    @property
    def dated(self) -> bool:
        return self.span is not None

    @property
    def summary(self) -> str:
        def names(role: str) -> str:
            return " and ".join(n for n, r in self.actors if r == role)

        who = names("initiator") or names("participant") or "Unknown actor"
        target = names("target")
        via = names("intermediary")
        text = f"{who}: {self.subtype or self.category}"
        if target:
            text += (
                f" against {target}" if self.category in ("strike", "sanction") else f" to {target}"
            )
        if via:
            text += f" via {via}"
        return text


_APPEAL = re.compile(
    r"(?:call(?:ed|s|ing)?\s+for|urg\w+|propos\w+|offer\w*|willing\s+to|come\s+to|"
    r"push\w*\s+for|press\w*\s+for)\s+(?:\w+[\s-]+){0,3}$",
    re.IGNORECASE,
)


def _visit_or_talks(
    text: str,
    clause: Span,
    trigger: Trigger,
    trigger_start: int,
    actors: list[tuple[str, str]],
    mentions: Sequence[ActorMention],
) -> tuple[Trigger, list[tuple[str, str]]]:
    """ "X met with Y officials in <Y's capital>" is X's visit to Y."""
    inside = [m for m in mentions if clause.start <= m.start < clause.end]
    subject = [m for m in inside if m.start < trigger_start]
    place = [
        m
        for m in inside
        if m.start > trigger_start and re.search(r"\bin\s+$", text[m.start - 4 : m.start])
    ]
    if not subject or not place or subject[-1].actor == place[-1].actor:
        return trigger, actors
    if any(role == "intermediary" for _, role in actors):
        return trigger, actors
    host, guest = place[-1].actor, subject[-1].actor
    rest = [(n, "participant") for n, _ in actors if n not in (host, guest)]
    return VISIT, [(guest, "initiator"), (host, "target"), *rest]


_CONCLUDED = re.compile(
    r"\b(?:signed|reached|struck|agreed|worked\s+out|concluded|clinched|sealed|culminated|"
    r"secured|brokered|finali[sz]ed)\b",
    re.IGNORECASE,
)


def _concluded(
    text: str, clause: Span, m: Hit, dates: Sequence[Any], starts: Sequence[int]
) -> bool:
    """An agreement is an event when the clause says it was concluded, or when a
    date names it ("the 2015 nuclear deal")."""
    if _CONCLUDED.search(text[clause.start : clause.end]):
        return True
    start = m.start
    window = dates[bisect.bisect_left(starts, clause.start) : bisect.bisect_left(starts, start)]
    return any(d.span is not None and 0 <= start - d.end <= 25 for d in window)


def _dated(hit: Hit, dates: Sequence[Any], starts: Sequence[int]) -> bool:
    """A reporting verb with its own date: "said on February 6", "on Wednesday said",
    "said in written comments on February 7". ``starts`` are the dates' offsets."""
    low = bisect.bisect_left(starts, hit.start - 60)
    high = bisect.bisect_right(starts, hit.end + 40)
    return any(
        d.span is not None and (0 <= d.start - hit.end <= 40 or 0 <= hit.start - d.end <= 25)
        for d in dates[low:high]
    )


def _same_stretch(text: str, clause: Span, position: int, other: int) -> bool:
    """Whether two offsets of a clause lie between the same commas."""
    low, high = sorted((position, other))
    return low >= clause.start and "," not in text[low:high]


# "Five Americans detained in Iran were flown out": a participle after a noun,
# with its own phrase, before the sentence's finite verb describes a state the
# subject was in; the sentence's date is the flight's, not the detention's.
_REDUCED_RELATIVE_BEFORE = re.compile(r"(?<![A-Z])[a-z]+s\s+$")
_REDUCED_RELATIVE_AFTER = re.compile(
    r"\s+(?:in|by|at|from|since|for|on|inside)\s+(?:[\w.'’-]+\s+){0,5}?"
    r"(?:were|was|are|is|have|has|had|remain(?:ed|s)?)\b"
)
_AUXILIARY = re.compile(r"\b(?:were|was|are|is|been|being|be|had|has|have)\s+$")


def _reduced_relative(text: str, m: Hit) -> bool:
    if not text[m.start : m.end].endswith("ed"):
        return False
    before = text[max(0, m.start - 30) : m.start]
    return bool(
        _REDUCED_RELATIVE_BEFORE.search(before)
        and not _AUXILIARY.search(before)
        and _REDUCED_RELATIVE_AFTER.match(text, m.end)
    )


def _candidate(
    text: str,
    sentence: Span,
    clause: Span,
    previous: Span | None,
    trigger: Trigger,
    m: Hit,
    dates: Sequence[Any],
    owned: dict[int, str],
    mentions: Sequence[ActorMention],
    published: date | None,
    masked: str,
    after: DateSpan | None = None,
    quote: tuple[int, int] | None = None,
    mention_starts: Sequence[int] = (),
    floor: int | None = None,
    told: Container[str] = (),
    starts: Sequence[int] = (),
    after_at: int = -1,
) -> Candidate | None:
    trigger_start = m.start
    appeal = trigger.category == "talks" and _APPEAL.search(text[clause.start : trigger_start])
    if appeal:
        trigger = APPEAL  # a call for talks is a statement that happened, not talks
    actors = roles_of(text, clause, sentence, trigger, trigger_start, mentions)
    if not actors:
        return None
    if trigger.category == "talks" and not appeal:
        trigger, actors = _visit_or_talks(text, clause, trigger, trigger_start, actors, mentions)
    if trigger.category == "statement" and not any(r == "initiator" for _, r in actors):
        return None
    speaker = None
    if trigger.category == "statement":
        speaker = speaker_of(masked, m, mentions, mention_starts)
    if trigger.category == "statement" and not appeal and speaker is None:
        return None
    if trigger.category == "visit" and not any(m.start <= a.start <= m.end + 30 for a in mentions):
        return None  # "a trip to the Middle East": no state visited
    if trigger.subtype == "agreement" and not _concluded(text, clause, m, dates, starts):
        return None  # "the nuclear deal" named in passing is no new event
    if _reduced_relative(text, m):
        return None  # "Americans detained in Iran were freed": a state, not this event
    anaphora = ANAPHORA.search(text, max(clause.start, trigger_start - 30), trigger_start)
    since_then = clause.start == sentence.start and SINCE_THEN.match(text, sentence.start)
    perfect = present_perfect(text, clause, trigger_start, m.end)
    expression, narrative = event_date(
        dates,
        text,
        clause,
        previous,
        sentence,
        trigger_start,
        trigger.category,
        owned,
        # What "has happened" lies between the story's last date and publication,
        # wherever in the article that date was told.
        0 if perfect and trigger.category != "statement" else floor,
        published,
        starts,
    )
    shortly_before: DateSpan | None = None
    if (
        narrative
        and expression is not None
        and CAME_AFTER.search(text, clause.start, trigger_start)
    ):
        # "His call came just days after he underscored ...": what was underscored
        # happened shortly before the call (of the narrative): in its month, by its end.
        first = expression.span.start.replace(day=1)
        shortly_before = DateSpan(first, expression.span.end, "range")
    if narrative and trigger.category == "statement":
        expression = None  # what someone "has said" has no date of its own
    if PRECEDED.search(text, max(clause.start, trigger_start - 40), trigger_start):
        expression = None  # "the swap, which followed years of talks": the talks came before
    if quote is not None and expression is not None and not quote[0] <= expression.start < quote[1]:
        # Quoted speech: the date of the saying outside the quotation is not the date
        # of the events the speaker mentions.
        expression = None
    since: DateSpan | None = None
    # "Since then, messages have been exchanged", "militias have carried out attacks"
    # after a dated event: some time between it and publication.
    if (
        narrative
        and (since_then or perfect)
        and expression is not None
        and published is not None
        and expression.span.start < published
    ):
        since = DateSpan(expression.span.start, published, "range")

    if anaphora and (expression is None or narrative) and trigger.category in told:
        return None  # "these talks", "the attack": an event told before, not a new one
    confidence = 0.4 if narrative else 0.6
    span = since or shortly_before or (expression.span if expression is not None else None)
    relative = since is not None or shortly_before is not None
    if after is not None and (
        expression is None
        or narrative
        or _same_stretch(text, clause, trigger_start, after_at)
        and not _same_stretch(text, clause, trigger_start, expression.start)
    ):
        # "..., spoke with Rouhani following the missile strikes": the event referred
        # to in the trigger's own stretch of the clause dates it.
        span, expression, confidence, relative = after, None, 0.4, True
    if span is None and quote is None:
        # "killed three U.S. soldiers in Jordan", told before as "the deaths of three
        # U.S. soldiers in Jordan last month": the same event, the same date.
        expression = told_before(text, m.end, sentence.start, dates, starts, owned)
        span = expression.span if expression is not None else None
        confidence = 0.4
    if span is None:
        # "the administration's campaign": during the term of the administration acting.
        span = administration_of(text, sentence.start, trigger_start, published)
        confidence = 0.4 if span is not None else confidence
    modality = (
        "asserted"
        if appeal
        else modality_of(
            masked, clause, trigger_start, m.end, saying=trigger.category == "statement"
        )
    )
    if span is not None and published is not None and span.start > published:
        modality = "planned" if modality == "asserted" else modality
    if span is not None and modality == "asserted":
        span = clip_to_publication(span, published)
    if len(actors) > 1:
        confidence += 0.2
    return Candidate(
        category=trigger.category,
        cameo_code=trigger.cameo,
        subtype=trigger.subtype,
        start=sentence.start,
        end=sentence.end,
        quote=text[sentence.start : sentence.end],
        trigger=text[m.start : m.end],
        trigger_start=trigger_start,
        span=span,
        date_text=expression.text if expression is not None else (render(span) if span else None),
        actors=actors,
        modality=modality,
        confidence=round(confidence, 2),
        speaker=speaker.via if speaker is not None else None,
        relative=relative,
    )


def _later_hits(
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
    for trigger, trigger_hits in zip(table, matches, strict=True):
        if trigger.category not in first:
            continue
        head = first[trigger.category][1]
        index = bisect.bisect_right(trigger_hits, head.start, key=lambda h: h.start)
        for position in range(index, len(trigger_hits)):
            hit = trigger_hits[position]
            if hit.start >= clause.end:
                break
            if "," in text[head.end : hit.start]:
                segment = text.rfind(",", head.end, hit.start)
                later.setdefault((trigger.category, segment), (trigger, hit))
                break
    return sorted(later.values(), key=lambda th: th[1].start)


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
    mentions = gazetteer.find(text, year)
    masked = mask_dates(text, dates)
    event_hits, statement_hits = all_hits(text, TRIGGERS), all_hits(text, STATEMENTS)
    quotes = quotations(text)
    starts = [d.start for d in dates]
    mention_starts = [m.start for m in mentions]
    found: list[Candidate] = []
    paragraphs = paragraph_starts(text)
    categories: set[str] = set()  # of the events told so far
    owned_so_far: dict[int, str] = {}  # dates naming an event ("the 2015 deal"), to here
    parts_of: dict[int, int] = {}  # candidate -> where its part of the sentence starts
    for sentence in sentences(text):
        floor = narrative_floor(text, paragraphs, sentence.start)
        # The actors near the sentence (all the rules look no further).
        low = bisect.bisect_left(mention_starts, sentence.start - 150)
        high = bisect.bisect_right(mention_starts, sentence.end + 50)
        near, near_starts = mentions[low:high], mention_starts[low:high]
        parts = clauses(text, sentence)
        in_sentence: list[Candidate] = []
        owned = owned_so_far
        owned |= owners(
            dates,
            text,
            sentence,
            [
                (trigger.category, trigger_hits[i].start)
                for trigger, trigger_hits in zip(TRIGGERS, event_hits, strict=True)
                for i in range(
                    bisect.bisect_left(trigger_hits, sentence.start, key=lambda h: h.start),
                    bisect.bisect_left(trigger_hits, sentence.end, key=lambda h: h.start),
                )
            ],
            starts,
        )
        for number, clause in enumerate(parts):
            previous = parts[number - 1] if number else None
            after: DateSpan | None = None
            after_at = -1  # where the reference that gives ``after`` is
            told = 0  # events the clause reports outside quotations
            # A clause reporting no other event may still report a statement; one that
            # does reports a statement only if it is more than "said" or dated itself.
            for table, matches in ((TRIGGERS, event_hits), (STATEMENTS, statement_hits)):
                hits: dict[str, tuple[Trigger, Hit]] = {}
                for trigger, trigger_hits in zip(table, matches, strict=True):
                    hit = first_in(trigger_hits, clause)
                    if hit is not None and trigger.category not in hits:
                        hits[trigger.category] = (trigger, hit)
                first_hits = list(hits.values())
                if table is TRIGGERS:
                    hits_in_order = [
                        *hits.values(),
                        *_later_hits(text, clause, table, matches, hits),
                    ]
                else:
                    hits_in_order = list(hits.values())
                for trigger, hit in hits_in_order:
                    quote = quoted_at(quotes, hit.start)
                    plain = trigger.subtype == "statement"
                    if table is STATEMENTS and (
                        quote is not None or (told and plain and not _dated(hit, dates, starts))
                    ):
                        continue
                    lead_in = text[clause.start : hit.start]
                    reference = REFERENCE.search(lead_in) if table is TRIGGERS else None
                    if reference and OWN_ACT.match(text, clause.start + reference.start()):
                        reference = None  # "after withdrawing from": the subject's own act
                    if reference is not None:
                        # "after the killing of...": an event told elsewhere, whose date
                        # bounds what this clause reports ("after his call for talks"
                        # refers to an appeal, a statement).
                        category, subtype = trigger.category, trigger.subtype
                        if category == "talks" and _APPEAL.search(lead_in):
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
                        continue
                    candidate = _candidate(
                        text,
                        sentence,
                        clause,
                        previous,
                        trigger,
                        hit,
                        dates,
                        owned,
                        near,
                        published,
                        masked,
                        after,
                        quote,
                        near_starts,
                        floor,
                        categories,
                        starts,
                        after_at,
                    )
                    if candidate is not None and not any(
                        c.category == candidate.category
                        and c.span == candidate.span
                        and clause.start <= c.trigger_start < clause.end
                        for c in in_sentence
                    ):
                        in_sentence.append(candidate)
                        told += quote is None
                        comma = text.rfind(",", clause.start, hit.start)
                        parts_of[id(candidate)] = (
                            comma + 1 if (trigger, hit) not in first_hits else clause.start
                        )
        _own_parts(text, sentence, in_sentence, parts_of)
        found.extend(in_sentence)
        categories.update(c.category for c in in_sentence)
    return found
