"""The anchor (publication date) and the tense of a clause, for the temporal tagger."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from timeline.dates import DateSpan
from timeline.errors import InvalidDate
from timeline.extract.temporal_rules import (
    BE_WORDS,
    FUTURE_CUES,
    FUTURE_PREPOSITIONS,
    NOT_PAST_ED,
    PAST_CUES,
    PRESENT_CUES,
    words,
)

NEEDS_TO = words("set going plan plans planning intend intends aims hope hopes due")
INTENT_TO = words(
    "agreed agrees agree agreement plan plans planned decided decision offer offered bid "
    "proposal proposed promised pledged vowed hopes hoped wants wanted seeks sought aims"
)
"""Before "to" and a verb, they put what follows after the time of the verb."""
NOT_BEFORE_VERBS = words("to a an the its their his her our this that these those still very newly")
_PREV_WORD = re.compile(r"([A-Za-z]+)\W*$")
_ANCHOR = re.compile(r"(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ][\d:.]*(?:Z|[+-][\d:]+)?)?")


@dataclass(frozen=True, slots=True)
class Anchor:
    """What is known of the publication date: a year, maybe a month, maybe a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        if self.month is None or self.day is None:
            return None
        return date(self.year, self.month, self.day)


def parse_anchor(published: str | date | None) -> Anchor | None:
    """``2020-01-09``, ``2023-06``, ``2019``, a date or None; raises InvalidDate otherwise."""
    if published is None:
        return None
    if isinstance(published, datetime):
        published = published.date()
    if isinstance(published, date):
        return Anchor(published.year, published.month, published.day)
    text = published.strip()
    if not text:
        return None
    m = _ANCHOR.fullmatch(text)
    if not m:
        raise InvalidDate(
            f"publication date {published!r} is not a date; give it as YYYY-MM-DD, YYYY-MM or YYYY"
        )
    year = int(m[1])
    month = int(m[2]) if m[2] else None
    day = int(m[3]) if m[3] else None
    try:
        if month is not None:
            date(max(year, 1), month, day or 1)
    except ValueError:
        raise InvalidDate(f"publication date {published!r} is not a valid calendar date") from None
    if year < 1:
        raise InvalidDate(f"publication date {published!r} has no valid year")
    return Anchor(year, month, day)


# --------------------------------------------------------------------------
# Tense of the clause around an expression

_ABBREVIATIONS = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bvs)"
_TOKEN = re.compile(
    r"[A-Za-z]+(?:'[a-z]+)?"
    r"|(?<=[a-z]{3})[.!?](?=\s|$)"
    rf"|(?<=[A-Za-z0-9)]){_ABBREVIATIONS}\.(?=\s+[\"'“‘(]?[A-Z])"
    r"|[;!?\"“”]"
)
_BOUNDARY = frozenset('.!?;"“”')


def _classify(tokens: list[str], i: int) -> str | None:
    """The tense a token signals (``past``, ``future``, ``present``), or None."""
    w = tokens[i].lower()
    prev = tokens[i - 1].lower() if i > 0 else ""
    if w in FUTURE_CUES:
        if w in NEEDS_TO:
            nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if nxt in ("to", "for") or (w == "due" and prev in BE_WORDS):
                return "future"  # "is due to", "is due in Tehran on Sunday"
            return None
        return "future"
    participle = w in PAST_CUES or (len(w) > 4 and w.endswith("ed") and w not in NOT_PAST_ED)
    if participle:
        if prev in BE_WORDS or prev in NOT_BEFORE_VERBS or w.startswith("un"):
            return None  # passive, or an adjective such as "the reduced dividend"
        return "past"
    if w == "to" and prev in ("is", "are", "was", "were"):
        return "future"  # "is to resume trading Tuesday"
    if w == "to" and prev in INTENT_TO:
        # "agreed to buy the line in February": what was agreed lies ahead (not "agreed
        # to a ceasefire on Tuesday", "relayed an offer to Tehran": no verb follows)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt[:1].islower() and nxt.lower() not in NOT_BEFORE_VERBS:
            return "future"
        return None
    if w in PRESENT_CUES:
        return "present"
    return None


_IN_RELATIVE_CLAUSE = re.compile(r"(?:,\s+which|\b(?:who|whom|whose))\b[^,.;:!?\"“”]*$")
"""A date in a relative clause ("the hikers, whom Iranian forces detained on July 31"):
background, not the day the story has reached."""


def clause_tense(text: str, start: int, end: int) -> str | None:
    """``past`` or ``future`` from the verbs nearest the expression in its sentence."""
    left = _TOKEN.findall(text, max(0, start - 120), start)
    before = left[-1].lower() if left else ""
    if before in FUTURE_PREPOSITIONS:
        return "future"
    for i in range(len(left) - 1, max(-1, len(left) - 15), -1):
        if left[i] in _BOUNDARY:
            break
        tense = _classify(left, i)
        if tense == "present":
            return None
        if tense:
            return tense
    right = _TOKEN.findall(text, end, min(len(text), end + 100))
    for i, token in enumerate(right[:8]):
        if token in _BOUNDARY:
            break
        tense = _classify(right, i)
        if tense == "present":
            return None
        if tense:
            return tense
    return "future" if before == "by" else None


# --------------------------------------------------------------------------
# Calendar arithmetic


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_days(day: date, delta: int) -> date | None:
    try:
        return day + timedelta(days=delta)
    except OverflowError:
        return None


def week_value(day: date, delta_weeks: int = 0, weekend: bool = False) -> str | None:
    shifted = shift_days(day, 7 * delta_weeks)
    if shifted is None:
        return None
    year, week, _ = shifted.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def day_value(day: date) -> str:
    return day.isoformat()


NEAR_MONTHS = 2
"""A year-less month (or day) this close to the anchor is taken in the anchor's year
whatever the tense: tense cues are less reliable than proximity at short range."""


def resolve_month(anchor: Anchor, month: int, tense: str | None, strict: bool = False) -> int:
    """The year of a year-less month: the latest past one, the next future one, or the
    nearest one when the tense is unknown. ``strict`` excludes the anchor month itself."""
    if anchor.month is None:
        return anchor.year
    here = anchor.month
    diff = month - here
    if strict or abs(diff) > NEAR_MONTHS:
        if tense == "past":
            return anchor.year if (month < here if strict else month <= here) else anchor.year - 1
        if tense == "future":
            return anchor.year if (month > here if strict else month >= here) else anchor.year + 1
    if diff > 6:
        return anchor.year - 1
    if diff < -7:  # a month up to seven back is more often past than five ahead
        return anchor.year + 1
    return anchor.year


def resolve_month_day(anchor: Anchor, month: int, day: int, tense: str | None) -> int:
    """The year of a year-less month and day, by tense, else the nearest."""
    if anchor.month is None:
        return anchor.year
    if anchor.day is None:
        return resolve_month(anchor, month, tense)
    here = (anchor.month, anchor.day)
    diff = (month - anchor.month) * 31 + (day - anchor.day)
    if abs(diff) > NEAR_MONTHS * 31:
        if tense == "past":
            return anchor.year if (month, day) <= here else anchor.year - 1
        if tense == "future":
            return anchor.year if (month, day) >= here else anchor.year + 1
    if diff > 183:
        return anchor.year - 1
    if diff < -7 * 31:  # as for a month: up to seven back is more often past than five ahead
        return anchor.year + 1
    return anchor.year


def resolve_weekday(anchor: date, weekday: int, tense: str | None, rel: str = "") -> date | None:
    """The date of a weekday (1 = Monday) near the anchor."""
    here = anchor.isoweekday()
    back = (here - weekday) % 7
    ahead = (weekday - here) % 7
    if rel in ("last", "this past", "the previous"):
        return shift_days(anchor, -(back or 7))
    if rel in ("next", "this coming", "the following"):
        return shift_days(anchor, ahead or 7)
    if tense == "future" or (rel == "this" and tense != "past"):
        return shift_days(anchor, ahead)
    return shift_days(anchor, -back)


# --------------------------------------------------------------------------
# What the resolvers share


THIRDS = {"early": 0, "beginning": 0, "start": 0, "mid": 1, "middle": 1, "late": 2, "end": 2}
"""Which third of a month, season or year a modifier names."""


def mod_range(year: int, month: int | None, mod: str | None) -> DateSpan | None:
    """The part of a month or year an ``early``/``mid``/``late`` modifier names."""
    if not mod:
        return None
    words = mod.lower().split()  # "late", "the end of"
    mod = words[1] if words[0] == "the" and len(words) > 1 else words[0]
    third = THIRDS.get(mod)
    if third is None:
        return None
    if month is None:
        first = 1 + 4 * third
        last_month = first + 3
        end = date(year, last_month, calendar.monthrange(year, last_month)[1])
        return DateSpan(date(year, first, 1), end, "range")
    last = calendar.monthrange(year, month)[1]
    bounds = ((1, 10), (11, 20), (21, last))[third]
    return DateSpan(date(year, month, bounds[0]), date(year, month, bounds[1]), "range")


@dataclass
class Resolved:
    type: str
    value: str
    span: DateSpan | None = None
    start: int | None = None


@dataclass
class Context:
    """The document being tagged and what was mentioned so far."""

    text: str
    anchor: Anchor | None
    last_day: date | None = None
    last_year: int | None = None
    last_quarter: tuple[int, int] | None = None
    last_span: DateSpan | None = None
    _tense: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str | None:
        key = (start, end)
        if key not in self._tense:
            self._tense[key] = clause_tense(self.text, start, end)
        return self._tense[key]

    def sentence_start(self, start: int) -> bool:
        """Whether only punctuation or quotes separate ``start`` from a sentence end."""
        i = start - 1
        while i >= 0 and (self.text[i].isspace() or self.text[i] in "\"'`“‘(_"):
            i -= 1
        return i < 0 or self.text[i] in ".!?:;\n"

    def previous_word(self, start: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, start - 30), start)
        return m[1].lower() if m else ""

    def remember(self, rule: str, span: DateSpan | None, start: int | None = None) -> None:
        if span is None:
            return
        anchor_day = self.anchor.date if self.anchor else None
        if (
            span.precision == "day"
            and span.days == 0
            and not (anchor_day is not None and span.start > anchor_day)
            and not (
                start is not None
                and _IN_RELATIVE_CLAUSE.search(self.text, max(0, start - 80), start)
            )
        ):
            # (a deadline ahead, "until July 1", is no day told: "the same day",
            # "two days later" count from the events before it)
            self.last_day = span.start
        self.last_year = span.start.year
        if rule not in ("ago", "year_ago", "the_quarter"):
            self.last_span = span
        # A forecast quarter is rarely what "the year-ago quarter" compares with.
        future = anchor_day is not None and span.start > anchor_day
        if span.precision == "quarter" and rule == "quarter" and not future:
            self.last_quarter = (span.start.year, (span.start.month - 1) // 3 + 1)
