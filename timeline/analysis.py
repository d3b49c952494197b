"""The questions the timeline exists for: how hot was each period, and what
back-channel contact followed each escalation?

Pure functions over interchange records (:func:`escalation_by_period`,
:func:`responses`, :func:`summarise`) and loaders that read the live timeline
through :func:`timeline.query.list_events`. Rejected candidates are left out.

Rules, also used by the Datasette views (:mod:`timeline.io.datasette`):

* an event belongs to the period its span starts in;
* a *contact* is a de-escalation event of a contact category (message,
  visit, talks, deal); it *follows* an escalation when it starts on or after
  the escalation's first day and at most ``window`` days after its last day;
  its *lag* is the days from the escalation's last day to the contact's first
  (0 when they overlap).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from timeline.errors import InvalidValue
from timeline.io.records import Record, names
from timeline.query import Filters, list_events
from timeline.vocab import CATEGORIES, CONTACT_CATEGORIES

if TYPE_CHECKING:
    from timeline.db import Database

PERIODS = ("week", "month", "quarter", "year")
DEFAULT_WINDOW = 14


# ---------------------------------------------------------------- escalation


def period_start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if by == "year":
        return date(day.year, 1, 1)
    raise InvalidValue(f"unknown period {by!r}; choose one of: {', '.join(PERIODS)}")


def next_period(start: date, by: str) -> date:
    if by == "week":
        return start + timedelta(days=7)
    step = {"month": 1, "quarter": 3, "year": 12}[by]
    months = start.year * 12 + start.month - 1 + step
    return date(months // 12, months % 12 + 1, 1)


def period_label(start: date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year}-{start.month:02d}"
    if by == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


@dataclass
class Period:
    """One row of the escalation index."""

    period: str
    start: str
    events: int = 0
    escalation: int = 0
    de_escalation: int = 0
    neutral: int = 0
    escalation_intensity: float = 0.0
    de_escalation_intensity: float = 0.0
    net_intensity: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def escalation_by_period(records: Sequence[Record], by: str = "month") -> list[Period]:
    """Counts and summed intensity per period, empty periods included, oldest first."""
    if not records:
        period_start(date.today(), by)  # validates ``by``
        return []
    starts = [date.fromisoformat(r["date_start"]) for r in records]
    first, last = period_start(min(starts), by), period_start(max(starts), by)
    table: dict[date, Period] = {}
    cursor = first
    while cursor <= last:
        table[cursor] = Period(period_label(cursor, by), cursor.isoformat())
        try:
            cursor = next_period(cursor, by)
        except (OverflowError, ValueError):  # the calendar's last period
            break
    for record, day in zip(records, starts, strict=True):
        row = table[period_start(day, by)]
        intensity = float(record["intensity"])
        row.events += 1
        row.net_intensity += intensity
        if record["direction"] == "escalation":
            row.escalation += 1
            row.escalation_intensity += intensity
        elif record["direction"] == "de-escalation":
            row.de_escalation += 1
            row.de_escalation_intensity += intensity
        else:
            row.neutral += 1
    for row in table.values():
        row.net_intensity = round(row.net_intensity, 2)
        row.escalation_intensity = round(row.escalation_intensity, 2)
        row.de_escalation_intensity = round(row.de_escalation_intensity, 2)
    return list(table.values())


def load_escalation(
    database: Database,
    by: str = "month",
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Period]:
    """The escalation index of the events starting between ``date_from`` and ``date_to``."""
    period_start(date(2000, 1, 1), by)
    records = list_events(database, Filters(date_from=date_from, date_to=date_to))
    if date_from is not None:
        records = [r for r in records if r["date_start"] >= date_from.isoformat()]
    return escalation_by_period(records, by)


# ---------------------------------------------------------------- responses


def parse_window(text: str) -> int:
    """``14d``, ``14``, ``2w`` -> days."""
    m = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", text.lower())
    if not m:
        raise InvalidValue(f"window {text!r} is not a number of days; use e.g. 14d or 2w")
    days = int(m[1]) * (7 if m[2] == "w" else 1)
    if days > 3660:
        raise InvalidValue(f"window {text!r} is longer than ten years; use a shorter one")
    return days


@dataclass
class Contact:
    record: Record
    lag: int

    @property
    def intermediaries(self) -> list[str]:
        return names(self.record, "intermediary")


@dataclass
class Response:
    """An escalation and the contacts that followed it, soonest first."""

    escalation: Record
    contacts: list[Contact] = field(default_factory=list)

    @property
    def first_lag(self) -> int | None:
        return self.contacts[0].lag if self.contacts else None


def is_contact(record: Record) -> bool:
    return record["direction"] == "de-escalation" and record["category"] in CONTACT_CATEGORIES


def responses(
    records: Sequence[Record],
    window: int = DEFAULT_WINDOW,
    categories: Sequence[str] = (),
) -> list[Response]:
    """For each escalation (of ``categories``, default any), the contacts within ``window``."""
    for name in categories:
        if name not in CATEGORIES:
            raise InvalidValue(f"unknown category {name!r}; choose one of: {', '.join(CATEGORIES)}")
    contacts = [r for r in records if is_contact(r)]
    out = []
    for record in records:
        if record["direction"] != "escalation":
            continue
        if categories and record["category"] not in categories:
            continue
        start = date.fromisoformat(record["date_start"])
        end = date.fromisoformat(record["date_end"])
        found = []
        for candidate in contacts:
            begins = date.fromisoformat(candidate["date_start"])
            lag = (begins - end).days
            if begins >= start and lag <= window:
                found.append(Contact(candidate, max(0, lag)))
        found.sort(key=lambda c: (c.lag, c.record["date_start"]))
        out.append(Response(record, found))
    return out


@dataclass
class Summary:
    escalations: int
    followed: int
    window: int
    noun: str
    median_lag: float | None
    channel: str | None
    channel_uses: int

    def sentence(self) -> str:
        if not self.escalations:
            return f"No {self.noun} in the timeline."
        text = (
            f"{self.followed} of {self.escalations} {self.noun} "
            f"{'was' if self.escalations == 1 else 'were'} followed by a contact "
            f"within {self.window} days"
        )
        if self.median_lag is not None:
            lag = f"{self.median_lag:g}"
            text += f"; median lag {lag} day{'' if lag == '1' else 's'}"
        if self.channel:
            text += f"; most used channel: {self.channel}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__, sentence=self.sentence())


def summarise(found: Sequence[Response], window: int, categories: Sequence[str] = ()) -> Summary:
    """How many escalations got a contact, the median first lag, the busiest intermediary."""
    followed = [r for r in found if r.contacts]
    lags = [r.first_lag for r in followed if r.first_lag is not None]
    channels: Counter[str] = Counter()
    seen: set[str] = set()
    for response in found:
        for contact in response.contacts:
            if contact.record["id"] in seen:
                continue
            seen.add(contact.record["id"])
            channels.update(contact.intermediaries or ["direct"])
    channel, uses = (channels.most_common(1)[0]) if channels else (None, 0)
    if len(categories) == 1:
        noun = categories[0] + ("es" if categories[0].endswith("ch") else "s")
    else:
        noun = "escalation events"
    return Summary(
        escalations=len(found),
        followed=len(followed),
        window=window,
        noun=noun,
        median_lag=statistics.median(lags) if lags else None,
        channel=channel,
        channel_uses=uses,
    )


def load_responses(
    database: Database, window: int = DEFAULT_WINDOW, categories: Sequence[str] = ()
) -> tuple[list[Response], Summary]:
    found = responses(list_events(database, Filters()), window, categories)
    return found, summarise(found, window, categories)
