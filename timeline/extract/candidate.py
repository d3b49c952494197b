"""One event found in a document (:class:`Candidate`), and how a trigger found in a
clause becomes one: its actors and their roles, the checks that it reports a new
event (not "the nuclear deal" named in passing, nor the state of "Americans
detained in Iran"), its date, its modality and its confidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.dates import DateSpan, render
from timeline.extract.event_dates import (
    SINCE_BEFORE,
    SINCE_THEN,
    clip_to_publication,
    event_date,
    present_perfect,
)
from timeline.extract.gazetteer import ActorMention
from timeline.extract.implied import administration_of
from timeline.extract.modality import modality_of
from timeline.extract.references import (
    ANAPHORA,
    CAME_AFTER,
    PRECEDED,
    counted_reference,
    told_before,
)
from timeline.extract.roles import relative_head, relative_subject, roles_of, speaker_of
from timeline.extract.sentences import Span
from timeline.extract.triggers import APPEAL, VISIT, Hit, Trigger


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


_BEFORE_NAMED = re.compile(
    r"\s*(?:(?:just|shortly|even|long)\s+)?before\s+(?:the|his|her|its|their|that)\s+[\w-]+"
    r"(?:\s+[\w-]+)?\s*,",
    re.IGNORECASE,
)
"""A clause opening "Before the signing," (no count of days): what it tells came
some time before the event named, not on the day the narrative last told."""


CALL_FOR = re.compile(
    r"(?:call(?:ed|s|ing)?\s+for|urg\w+|propos\w+|offer\w*|willing\s+to|come\s+to|"
    r"push\w*\s+for|press\w*\s+for)\s+(?:\w+[\s-]+){0,3}$",
    re.IGNORECASE,
)
"""Words before a trigger of talks that make it a call for talks ("urged Iran to
hold talks"): a statement."""


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


_PRIVATE_TRAVELLERS = re.compile(
    r"\b(?:citizens|nationals|prisoners|detainees|hostages|captives|tourists|students|"
    r"journalists|families|passengers)\b",
    re.IGNORECASE,
)
"""Who travels as no state's envoy: their trips are no state visits."""


_JUDGED = re.compile(
    r"\b(?:called|described|praised|hailed|welcomed|criticized|criticised|condemned|"
    r"defended|denounced|questioned)\s+$",
    re.IGNORECASE,
)
"""Before "the <event>": a verdict on an event told before, not a new telling."""


_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+(?:exchange|return)\s+for)\s+(?:[\w'’-]+\s+){0,3}$",
    re.I,
)
"""Before an event still to come: "a gesture ahead of nuclear talks", or a term of a
bargain, "in exchange for a relaxation of sanctions"."""


_CONCLUDED = re.compile(
    r"\b(?:signed|reached|struck|agreed|worked\s+out|concluded|clinched|sealed|culminated|"
    r"secured|brokered|finali[sz]ed|restored|re-?established|inked|initial+ed|nailed\s+down|"
    r"hammered\s+out|came\s+to\s+terms)\b",
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


def _same_stretch(text: str, clause: Span, position: int, other: int) -> bool:
    """Whether two offsets of a clause lie between the same commas."""
    low, high = sorted((position, other))
    return low >= clause.start and "," not in text[low:high]


# "Five Americans detained in Iran were flown out": a participle after a noun,
# with its own phrase, before the sentence's finite verb describes a state the
# subject was in; the sentence's date is the flight's, not the detention's.
_REDUCED_RELATIVE_BEFORE = re.compile(r"\b(?:[a-z]+s|[A-Z][a-z]+(?:ans|is|ese))\s+$")
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


_ADDRESSED = re.compile(
    r"\b(?:told|addressed|briefed|spoke\s+(?:to|at|before))\s+(?:a|an|the)\s+(?:[\w.-]+\s+){0,3}$",
    re.I,
)
"""Before a meeting's noun: what was said to the meeting, not talks held."""


@dataclass
class TextContext:
    """What every candidate of one text is built from (``owned`` and ``told`` grow as
    the text is read)."""

    text: str
    masked: str
    """The text with its dates blanked (where speakers are looked for)."""
    dates: Sequence[Any]
    starts: Sequence[int]
    """The dates' offsets."""
    published: date | None
    owned: dict[int, str]
    """Dates naming an event ("the 2015 deal"), by offset, up to the sentence read."""
    told: Container[str]
    """The categories of the events told so far."""


@dataclass
class SentenceContext:
    """The sentence a trigger stands in, with the actors named near it."""

    sentence: Span
    mentions: Sequence[ActorMention]
    mention_starts: Sequence[int]
    floor: int | None
    """Where the narrative the sentence belongs to starts (its paragraph's first date)."""


_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:\w+ly|not|never|already|also|been)\s+)*(?:[\w-]+,?\s+(?:or\s+|and\s+)?){0,3}$",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:whose|which|who|whom)\b", re.I)


def _before_its_main_clause(text: str, clause: Span, trigger_start: int, date_end: int) -> bool:
    """Whether the trigger is a past perfect in a relative clause that follows the date
    of the main clause: "Last spring Washington agreed ... after Kuwait, whose ships
    Iran had attacked, turned to Moscow" (the attacks came before). (A past perfect
    in reported speech keeps the date of the saying, as the seed gold has it: "In
    early January, ... quoted the ambassador as saying that a delegation had carried
    a message".)"""
    had = _PAST_PERFECT.search(text, max(clause.start, trigger_start - 60), trigger_start)
    if had is None or date_end > had.start():
        return False
    return _RELATIVE.search(text, date_end, had.start()) is not None


def build_candidate(
    doc: TextContext,
    place: SentenceContext,
    clause: Span,
    previous: Span | None,
    trigger: Trigger,
    m: Hit,
    after: DateSpan | None = None,
    quote: tuple[int, int] | None = None,
    after_at: int = -1,
    exclude: Span | None = None,
) -> Candidate | None:
    """The event that ``trigger``, found at ``m`` in ``clause``, reports; None when it
    reports no new one (no actor, a statement with no speaker, a deal named in
    passing, a state, an event told before). Dates in ``exclude`` (a stretch of
    the sentence about another event) do not date it."""
    text, masked, dates, starts = doc.text, doc.masked, doc.dates, doc.starts
    published, owned, told = doc.published, doc.owned, doc.told
    sentence, mentions, mention_starts, floor = (
        place.sentence,
        place.mentions,
        place.mention_starts,
        place.floor,
    )
    trigger_start = m.start
    head = relative_head(text, clause, sentence, trigger_start, mentions)
    if head is not None:  # "X, which ..., did": the event is in what follows the comma
        subject: ActorMention | None = head[0]
        exclude = Span(clause.start, head[1])  # (nor date it: "which ... since 1980,")
        clause = Span(head[1], clause.end)
    else:  # "X, which did ...": X did it
        subject = relative_subject(text, clause, sentence, trigger_start, mentions)
    appeal = trigger.category == "talks" and CALL_FOR.search(text[clause.start : trigger_start])
    if appeal:
        trigger = APPEAL  # a call for talks is a statement that happened, not talks
    actors = roles_of(text, clause, sentence, trigger, trigger_start, mentions, subject)
    if not actors:
        return None
    if trigger.category == "talks" and not appeal:
        trigger, actors = _visit_or_talks(text, clause, trigger, trigger_start, actors, mentions)
    speaker = None
    if trigger.category == "statement":
        speaker = speaker_of(masked, m, mentions, mention_starts)
    if speaker is not None and (speaker.actor, "initiator") not in actors:
        # "Iran's mission to the United Nations said": the speaker's side said it.
        actors = [
            (speaker.actor, "initiator"),
            *(
                (a, "participant" if r == "initiator" else r)
                for a, r in actors
                if a != speaker.actor
            ),
        ]
    if trigger.category == "statement" and not any(r == "initiator" for _, r in actors):
        return None
    if trigger.category == "statement" and not appeal and speaker is None:
        return None
    if trigger.category == "talks" and _ADDRESSED.search(
        text, max(clause.start, trigger_start - 50), trigger_start
    ):
        return None  # "told a ministerial meeting of the Security Council": a statement
    if trigger.category == "visit" and not any(m.start <= a.start <= m.end + 30 for a in mentions):
        return None  # "a trip to the Middle East": no state visited
    if trigger.category == "visit" and _PRIVATE_TRAVELLERS.search(
        text, clause.start, trigger_start
    ):
        return None  # "five US citizens held in Iran landed in Doha": no state's visit
    if trigger.subtype == "agreement" and not _concluded(text, clause, m, dates, starts):
        return None  # "the nuclear deal" named in passing is no new event
    if _reduced_relative(text, m):
        return None  # "Americans detained in Iran were freed": a state, not this event
    anaphora = ANAPHORA.search(text, max(clause.start, trigger_start - 30), trigger_start)
    if anaphora is not None and counted_reference(text, anaphora.start()):
        anaphora = None  # "ten days after the Hamas assault": told here, dated by the count
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
        exclude,
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
    if (
        narrative
        and trigger.category == "statement"
        and (perfect or expression is None or expression.span.precision != "day")
    ):
        # What someone "has said" has no date of its own; what someone said is of the
        # day the paragraph last told ("On Saturday, Iran admitted ... Rouhani called
        # it a tragedy"), not of a month or year named before.
        expression = None
    if narrative and _BEFORE_NAMED.match(text, clause.start):
        # "Before the signing, Erdogan warned ...": some time before the day just told.
        expression = None
    if PRECEDED.search(text, max(clause.start, trigger_start - 40), trigger_start):
        expression = None  # "the swap, which followed years of talks": the talks came before
    if (
        expression is not None
        and trigger.category != "statement"
        and _before_its_main_clause(text, clause, trigger_start, expression.end)
    ):
        # "Kuwait, whose ships Iran had attacked, turned to Moscow last spring": done
        # before that time, not in it.
        expression = None
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
    elif (
        perfect
        and expression is not None
        and published is not None
        and trigger.category != "other"  # (a state begun then: "has represented since 1980")
        and SINCE_BEFORE.search(text, max(0, expression.start - 12), expression.start)
        and expression.span.start < published
    ):
        # "have launched more than 60 attacks since Oct. 17": from then to publication.
        since = DateSpan(expression.span.start, published, "range")

    if (
        anaphora
        and trigger.category in told
        and _JUDGED.search(text, max(clause.start, anaphora.start() - 20), anaphora.start())
    ):
        return None  # "Raisi on Tuesday called the swap a humanitarian step": told before
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
        # ("a week after the signing, on May 24": the day named, which agrees, is kept)
        and not after.start <= expression.span.start <= expression.span.end <= after.end
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
    if modality == "asserted" and _AHEAD_OF.search(
        text, max(clause.start, trigger_start - 50), trigger_start
    ):
        modality = "planned"  # the talks are to come, the relief is a promise
        if span is not None and published is not None and span.end <= published:
            span, expression = None, None  # the gesture's day, not the talks'
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
