"""Finding events in a document: sentences, clauses, triggers, actors, roles,
modality and the date of each event.

Rules, not a model: every category has trigger patterns mapped to a CAMEO
code; actors come from the gazetteer; the date is the temporal expression of
the clause the trigger is in (then of its sentence), never the publication
date. Planned, possible, denied and hypothetical events are flagged.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.dates import DateSpan
from timeline.extract.event_dates import clip_to_publication, event_date, owners
from timeline.extract.gazetteer import ActorMention, Gazetteer

EXTRACTOR = "rules"
EXTRACTOR_VERSION = "0.1"


@dataclass(frozen=True)
class Trigger:
    category: str
    cameo: str
    subtype: str | None
    pattern: re.Pattern[str]


def _t(category: str, cameo: str, subtype: str | None, pattern: str) -> Trigger:
    return Trigger(category, cameo, subtype, re.compile(pattern, re.IGNORECASE))


# Order matters: the first trigger found in a clause wins ties at equal position.
TRIGGERS: tuple[Trigger, ...] = (
    _t("strike", "186", "assassination", r"\b(?:assassinat\w+|killing of|killed|kills)\b"),
    _t(
        "strike",
        "195",
        "air strike",
        r"\b(?:(?:air|drone|missile|rocket|aerial|retaliatory)\s+(?:strike|attack)s?"
        r"|airstrikes?|shot down|downed)\b",
    ),
    _t(
        "strike",
        "190",
        "attack",
        r"\b(?:struck|bombed|bombing|shelled|attacked|assault(?:ed)?\s+on|carried\s+out\s+(?:\w+\s+){0,2}(?:assault|attack|strike)s?|raided|has\s+hit|have\s+hit|targeted|launched\s+(?:\w+\s+){0,2}(?:strikes?|attacks?|missiles?|rockets?)"
        r"|fired\s+(?:\w+\s+){0,2}(?:missiles?|rockets?)|retaliated|retaliation|strikes? on|attacks? on)\b",
    ),
    _t("other", "17", "seizure", r"\b(?:seized|seizure of|captured|detained)\b"),
    _t(
        "deal",
        "0841",
        "prisoner release",
        r"\b(?:prisoner\s+(?:swap|exchange|release)|released|freed|release of|swap)\b",
    ),
    _t(
        "deal",
        "057",
        "agreement",
        r"\b(?:nuclear\s+deal|deal|agreement|accord|JCPOA|signed|struck\s+a\s+deal|reached\s+an?\s+(?:deal|agreement|understanding))\b",
    ),
    _t(
        "sanction",
        "163",
        "sanctions",
        r"\b(?:impos\w+\s+(?:\w+\s+){0,3}(?:sanctions|blockade|embargo)|blockade|sanctions\s+(?:on|against)|new\s+sanctions|additional\s+(?:\w+\s+)?sanctions"
        r"|sanctioned|blacklist\w*|designated|maximum pressure|embargo)\b",
    ),
    _t(
        "message",
        "040",
        "message",
        r"\b(?:messages?|letters?|notes?)\b(?=.{0,80}?\b(?:sen[dt]|pass(?:ed)?|deliver(?:ed)?|carr(?:y|ied)|convey(?:ed)?|exchang(?:e|ed)|relay(?:ed)?|through|via)\b)"
        r"|\b(?:sen[dt]|pass(?:ed)?|deliver(?:ed)?|carr(?:y|ied)|convey(?:ed)?|exchang(?:e|ed)|relay(?:ed)?)\s+(?:\w+\s+){0,4}(?:messages?|letters?|notes?)\b"
        r"|\basked\s+(?:[\w-]+\s+){1,5}to\s+(?:represent|convey|pass|carry|deliver|relay|mediate|exert|use\s+its\s+influence)\b",
    ),
    _t(
        "talks",
        "046",
        "talks",
        r"\b(?:talks|negotiations?|negotiated|negotiating|met|(?<!to\s)meet|meeting|discussed|called\s+(?!for\b|on\b)(?=(?-i:[A-Z]))|mediated|mediating|mediation|dialogue|discussions?|held\s+(?:\w+\s+){0,2}talks|spoke\s+(?:\w+\s+){0,2}with|phoned|telephoned|phone\s+call)\b",
    ),
    _t(
        "visit",
        "042",
        "visit",
        r"\b(?:visited|visit(?:s|ing)?\s+(?:to\s+)?(?-i:[A-Z])\w+|travel+ed\s+to|trip\s+to|flew\s+to|arrived\s+in|landed\s+in)\b",
    ),
    _t("other", "16", "withdrawal", r"\b(?:withdr[ae]w\w*|pulled\s+out)\s+(?:\w+\s+){0,3}from\b"),
)

STATEMENTS: tuple[Trigger, ...] = (
    _t("statement", "13", "threat", r"\b(?:threatened|warned|vowed)\b"),
    _t("statement", "10", "demand", r"\b(?:demanded|insisted)\b"),
    _t("statement", "12", "rejection", r"\b(?:refused|rejected|disowned|dismissed|ruled\s+out)\b"),
    _t("statement", "11", "criticism", r"\b(?:condemned|criticized|criticised|denounced)\b"),
    _t("statement", "020", "appeal", r"\b(?:urged|called\s+(?:on|for))\b"),
    _t("statement", "030", "offer", r"\b(?:offered|was\s+willing|is\s+willing|willing\s+to)\b"),
    _t("statement", "010", "statement", r"\b(?:said|announced|declared|announcing|stated|told)\b"),
)
"""Statements count only where a sentence reports nothing else, and only from a named actor."""

_MODALITY = (
    (
        "denied",
        re.compile(
            r"\b(?:denied|denies|deny|no\s+signs?\s+of|never|did\s+not|didn't|has\s+not|hasn't|false|rumou?rs?|refus\w+)\b",
            re.I,
        ),
    ),
    ("hypothetical", re.compile(r"\b(?:if|unless|whether|would\s+have)\b", re.I)),
    (
        "planned",
        re.compile(
            r"\b(?:will|plans?\s+to|planned|scheduled|set\s+to|expected\s+to|to\s+be\s+held|upcoming|called\s+for|proposed|proposals?|intends?\s+to|aims?\s+to|would)\b",
            re.I,
        ),
    ),
    (
        "possible",
        re.compile(r"\b(?:may|might|could|possibl\w+|potential\w*|perhaps|likely)\b", re.I),
    ),
)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:U\.S|U\.N|U\.K|E\.U|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|Inc|Co|Lt|Col|Maj|Capt|Gov|Amb)\.|\b[A-Z]\.)$"
)
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s+(?=(?:but|while|whereas|although|though|and\s+(?:then\s+)?(?:the|a|an|Iran|U\.S\.|[A-Z]\w+\s+\w+ed)|after|before|when|which|who)\b)"
)
_ROLE_INTERMEDIARY = (
    r"(?:through|via|by way of|mediated by|with the help of|hosted by|brokered by)\s+(?:the\s+)?{actor}",
    r"{actor}\s*(?:'s?\s+\w+(?:\s+\w+)?\s+)?(?:mediat\w+|brokered|hosted|carried|delivered|relayed|passed|conveyed|facilitated)",
    r"asked\s+{actor}\s+to",
    r"(?:a|an)\s+{actor}\s+(?:delegation|envoy|intermediary|mediator)",
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A trigger match at absolute offsets."""

    start: int
    end: int


def _all_hits(text: str, table: Sequence[Trigger]) -> list[list[Hit]]:
    """Every match of every trigger in the text, in order (one scan per trigger)."""
    return [[Hit(m.start(), m.end()) for m in t.pattern.finditer(text)] for t in table]


def _first_in(hits: Sequence[Hit], span: Span) -> Hit | None:
    index = bisect.bisect_left([h.start for h in hits], span.start)
    if index < len(hits) and hits[index].start < span.end:
        return hits[index]
    return None


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


def sentences(text: str) -> list[Span]:
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATIONS.search(text[max(start, m.start() - 6) : m.start()]):
            continue
        if text[start : m.start()].strip():
            spans.append(Span(start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(Span(start, len(text)))
    return [_strip(text, s) for s in spans]


def _strip(text: str, span: Span) -> Span:
    chunk = text[span.start : span.end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    return Span(span.start + left, span.start + right)


def clauses(text: str, sentence: Span) -> list[Span]:
    chunk = text[sentence.start : sentence.end]
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(chunk):
        out.append(Span(sentence.start + start, sentence.start + m.start()))
        start = m.end()
    out.append(Span(sentence.start + start, sentence.end))
    return [s for s in out if s.end > s.start]


def mask_dates(text: str, dates: Sequence[Any]) -> str:
    """The text with its temporal expressions blanked ("May" is a month, not a modal)."""
    chars = list(text)
    for d in dates:
        chars[d.start : d.end] = " " * (d.end - d.start)
    return "".join(chars)


def modality_of(text: str, clause: Span, trigger_start: int) -> str:
    before = text[clause.start : trigger_start]
    around = text[max(clause.start, trigger_start - 60) : min(clause.end, trigger_start + 40)]
    for name, pattern in _MODALITY:
        scope = around if name in ("planned", "possible") else before + around
        if pattern.search(scope):
            return name
    return "asserted"


@functools.lru_cache(maxsize=4096)
def _role_patterns(surface: str) -> tuple[re.Pattern[str], ...]:
    """The intermediary patterns for one way of naming an actor, compiled once."""
    name = re.escape(surface)
    return tuple(re.compile(p.format(actor=name)) for p in _ROLE_INTERMEDIARY)


def _roles(
    text: str,
    clause: Span,
    sentence: Span,
    trigger: Trigger,
    trigger_start: int,
    mentions: Sequence[ActorMention],
) -> list[tuple[str, str]]:
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    if not in_clause:
        in_clause = [m for m in mentions if sentence.start <= m.start < sentence.end]
    roles: dict[str, str] = {}
    chunk = text[sentence.start : sentence.end]
    for m in in_clause:
        for pattern in _role_patterns(text[m.start : m.end]):
            if pattern.search(chunk):
                roles.setdefault(m.actor, "intermediary")
                break
    if trigger.category in ("talks", "deal"):
        # "met in Oman": a third country where two others meet is the host.
        for m in in_clause:
            lead_in = text[max(sentence.start, m.start - 4) : m.start]
            others_named = {o.actor for o in in_clause if o.actor != m.actor}
            if re.search(r"\bin\s+$", lead_in) and len(others_named) >= 2:
                roles.setdefault(m.actor, "intermediary")
    others = [m for m in in_clause if m.actor not in roles]
    if trigger.category in ("talks", "deal", "message"):
        for m in others:
            roles.setdefault(m.actor, "participant")
        parties = [a for a, r in roles.items() if r == "participant"]
        if trigger.category == "message" and len(parties) >= 2:
            first = min((m for m in others if m.actor in parties), key=lambda m: m.start)
            roles[first.actor] = "initiator"
            for a in parties:
                if a != first.actor:
                    roles[a] = "target"
    else:
        earlier = [m for m in others if m.start < trigger_start]
        later = [m for m in others if m.start >= trigger_start]
        if earlier:
            roles.setdefault(earlier[-1].actor, "initiator")
        for m in later:
            roles.setdefault(m.actor, "target")
        for m in earlier[:-1]:
            roles.setdefault(m.actor, "participant")
    return list(roles.items())


_QUOTES = '"“”'
_SPEAKER_GAP = re.compile(
    r"(?:['’]s)?(?:\s+(?:(?-i:[a-z])[\w-]*|Foreign|Ministry|Minister|Secretary|State|President|"
    r"Department|Office|Spokesman|Spokesperson|Council|Government|Leader)){0,5}\s*",
)


def _speaker(text: str, m: Hit, clause: Span, mentions: Sequence[ActorMention]) -> bool:
    """A statement needs a named actor as its speaker: just before the verb
    ("Tehran warned", "Iran's foreign ministry said") or just after it
    ("said the State Department"), outside any quotation."""
    start, end = m.start, m.end
    for mention in mentions:
        if start - 45 <= mention.end <= start and _SPEAKER_GAP.fullmatch(text[mention.end : start]):
            return True
        if end <= mention.start <= end + 25 and not any(
            q in text[end : mention.start] for q in _QUOTES
        ):
            return True
    return False


_APPEAL = re.compile(
    r"(?:call(?:ed|s|ing)?\s+for|urg\w+|propos\w+|offer\w*|willing\s+to|come\s+to|"
    r"push\w*\s+for|press\w*\s+for)\s+(?:\w+[\s-]+){0,3}$",
    re.IGNORECASE,
)
APPEAL = Trigger("statement", "020", "appeal", re.compile("appeal"))


_REFERENCE = re.compile(
    r"\b(?:after|following|since|before|amid|in\s+response\s+to|in\s+retaliation\s+for)"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+['’]s?\s+){0,3}(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
VISIT = Trigger("visit", "042", "visit", re.compile("visit"))


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


def _concluded(text: str, clause: Span, m: Hit, dates: Sequence[Any]) -> bool:
    """An agreement is an event when the clause says it was concluded, or when a
    date names it ("the 2015 nuclear deal")."""
    if _CONCLUDED.search(text[clause.start : clause.end]):
        return True
    start = m.start
    return any(
        d.span is not None and 0 <= start - d.end <= 25 and clause.start <= d.start for d in dates
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
) -> Candidate | None:
    trigger_start = m.start
    appeal = trigger.category == "talks" and _APPEAL.search(text[clause.start : trigger_start])
    if appeal:
        trigger = APPEAL  # a call for talks is a statement that happened, not talks
    actors = _roles(text, clause, sentence, trigger, trigger_start, mentions)
    if not actors:
        return None
    if trigger.category == "talks" and not appeal:
        trigger, actors = _visit_or_talks(text, clause, trigger, trigger_start, actors, mentions)
    if trigger.category == "statement" and not any(r == "initiator" for _, r in actors):
        return None
    if trigger.category == "statement" and not appeal and not _speaker(text, m, clause, mentions):
        return None
    if trigger.subtype == "agreement" and not _concluded(text, clause, m, dates):
        return None  # "the nuclear deal" named in passing is no new event
    expression, narrative = event_date(
        dates, text, clause, previous, sentence, trigger_start, trigger.category, owned
    )
    if narrative and trigger.category == "statement":
        expression = None  # what someone "has said" has no date of its own
    confidence = 0.4 if narrative else 0.6
    span = expression.span if expression is not None else None
    modality = "asserted" if appeal else modality_of(masked, clause, trigger_start)
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
        date_text=expression.text if expression is not None else None,
        actors=actors,
        modality=modality,
        confidence=round(confidence, 2),
    )


def detect(
    text: str,
    gazetteer: Gazetteer,
    dates: Sequence[Any],
    published: date | None = None,
) -> list[Candidate]:
    """Candidate events in ``text`` given its temporal expressions (from the tagger).

    Each clause yields at most one event per category; a sentence that reports
    no other event may yield a statement by a named actor.
    """
    year = published.year if published else None
    mentions = gazetteer.find(text, year)
    masked = mask_dates(text, dates)
    event_hits, statement_hits = _all_hits(text, TRIGGERS), _all_hits(text, STATEMENTS)
    found: list[Candidate] = []
    for sentence in sentences(text):
        parts = clauses(text, sentence)
        in_sentence: list[Candidate] = []
        owned = owners(
            dates,
            text,
            sentence,
            [
                (trigger.category, hit.start)
                for trigger, trigger_hits in zip(TRIGGERS, event_hits, strict=True)
                for hit in trigger_hits
                if sentence.start <= hit.start < sentence.end
            ],
        )
        for number, clause in enumerate(parts):
            previous = parts[number - 1] if number else None
            # A clause reporting no other event may still report a statement.
            for table, matches in ((TRIGGERS, event_hits), (STATEMENTS, statement_hits)):
                hits: dict[str, tuple[Trigger, Hit]] = {}
                for trigger, trigger_hits in zip(table, matches, strict=True):
                    hit = _first_in(trigger_hits, clause)
                    if hit is not None and trigger.category not in hits:
                        hits[trigger.category] = (trigger, hit)
                produced = 0
                for trigger, hit in hits.values():
                    if table is TRIGGERS and _REFERENCE.search(text[clause.start : hit.start]):
                        continue  # "after the killing of...": an event told elsewhere
                    candidate = _candidate(
                        text,
                        sentence,
                        clause,
                        previous,
                        trigger,
                        hit,
                        dates,
                        owned,
                        mentions,
                        published,
                        masked,
                    )
                    if candidate is not None:
                        in_sentence.append(candidate)
                        produced += 1
                if produced:
                    break
        found.extend(in_sentence)
    return found
