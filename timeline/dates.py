"""Dates as the timeline stores them: an inclusive span and its precision.

Three things live here:

* :class:`DateSpan`, the stored form (``start``, ``end``, ``precision``);
* :func:`span_from_value` / :func:`value_of`, the bridge to TIMEX3 values
  (``2020-01-03``, ``2019-05``, ``2019-W20``, ``2019-FA``, ``2019-Q3``, ``199``);
* :func:`parse_date`, typed input from a curator (``Jan 21-22, 2020``,
  ``fall 2019``, ``last Tuesday``...) and :func:`render`, the compact listing
  form (``2020-01-21..22``).

dateparser is imported only for free-form relative input that the rules here
do not cover, so listing and rendering stay cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.errors import InvalidDate

PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade", "range")
"""Finest first: this is also the tie-break order of chronological listings."""

PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
"""Meteorological seasons of the northern hemisphere; winter starts in December."""

SEASON_WORDS = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

MONTH_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, 1-based: what the calendar module gives in the C locale
(Python's, for dates), spelled out so a listing need not import it."""

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES):
    if _name:
        MONTHS[_name.lower()] = _number
        MONTHS[_name[:3].lower()] = _number
MONTHS["sept"] = 9

WEEKDAYS = {name.lower(): number for number, name in enumerate(DAY_NAMES)}

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    """The number of days in a month (the calendar module's ``monthrange(...)[1]``)."""
    if not 1 <= month <= 12:
        raise ValueError(f"bad month number {month}; must be 1-12")
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """An inclusive span of days and the precision it was known to."""

    start: date
    end: date
    precision: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidDate(
                f"the span ends ({self.end}) before it starts ({self.start}); "
                "put the earlier date first"
            )
        if not isinstance(self.precision, str) or self.precision not in PRECISION_RANK:
            raise InvalidDate(
                f"unknown date precision {self.precision!r}; use one of {', '.join(PRECISIONS)}"
            )

    @property
    def days(self) -> int:
        """Length of the span in days minus one (0 for a single day)."""
        return (self.end - self.start).days

    def __str__(self) -> str:
        return render(self)


# --------------------------------------------------------------------------
# Spans of calendar units


def day_span(day: date) -> DateSpan:
    return DateSpan(day, day, "day")


def _in_calendar(
    what: str, first: Callable[[], date], last: Callable[[], date]
) -> tuple[date, date]:
    """The first and last day of ``what``, or InvalidDate when either falls outside
    the calendar Python knows (years 1 to 9999)."""
    try:
        return first(), last()
    except (ValueError, OverflowError):
        raise InvalidDate(f"{what} falls outside the calendar (years 1 to 9999)") from None


def month_span(year: int, month: int) -> DateSpan:
    start, end = _in_calendar(
        f"{year:04d}-{month:02d}",
        lambda: date(year, month, 1),
        lambda: date(year, month, days_in_month(year, month)),
    )
    return DateSpan(start, end, "month")


def year_span(year: int) -> DateSpan:
    start, end = _in_calendar(str(year), lambda: date(year, 1, 1), lambda: date(year, 12, 31))
    return DateSpan(start, end, "year")


def week_span(year: int, week: int) -> DateSpan:
    if not 1 <= year <= 9999:
        raise InvalidDate(f"{year:04d}-W{week:02d} falls outside the calendar (years 1 to 9999)")
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise InvalidDate(f"{year}-W{week:02d} is not a week: {year} has no week {week}") from None
    start, end = _in_calendar(
        f"{year}-W{week:02d}", lambda: monday, lambda: monday + timedelta(days=6)
    )
    return DateSpan(start, end, "week")


def season_span(year: int, season: str) -> DateSpan:
    first, last = SEASONS[season]
    end_year = year + 1 if season == "WI" else year
    start, end = _in_calendar(
        f"{year:04d}-{season}",
        lambda: date(year, first, 1),
        lambda: date(end_year, last, days_in_month(end_year, last)),
    )
    return DateSpan(start, end, "season")


def quarter_span(year: int, quarter: int) -> DateSpan:
    if not 1 <= quarter <= 4:
        raise InvalidDate(f"{year}-Q{quarter} is not a quarter: use Q1 to Q4")
    first = 3 * quarter - 2
    start, end = _in_calendar(
        f"{year:04d}-Q{quarter}",
        lambda: date(year, first, 1),
        lambda: date(year, first + 2, days_in_month(year, first + 2)),
    )
    return DateSpan(start, end, "quarter")


def decade_span(decade_start: int) -> DateSpan:
    start, end = _in_calendar(
        f"the {decade_start}s",
        lambda: date(decade_start, 1, 1),
        lambda: date(decade_start + 9, 12, 31),
    )
    return DateSpan(start, end, "decade")


def shifted(day: date, days: int) -> date:
    """``day`` moved by ``days``, held at the calendar's first or last day."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def checked_date(year: int, month: int, day: int, text: str | None = None) -> date:
    """``date(year, month, day)`` with a message a curator understands."""
    shown = text or f"{year:04d}-{month:02d}-{day:02d}"
    if not 1 <= month <= 12:
        raise InvalidDate(f"{shown} is not a date: there is no month {month}")
    last = days_in_month(year, month) if 1 <= year <= 9999 else 31
    if not 1 <= year <= 9999:
        raise InvalidDate(f"{shown} is not a date: year {year} is out of range")
    if not 1 <= day <= last:
        raise InvalidDate(f"{shown} is not a date: {MONTH_NAMES[month]} {year} has {last} days")
    return date(year, month, day)


# --------------------------------------------------------------------------
# TIMEX3 values

_VALUE_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_VALUE_MONTH = re.compile(r"(\d{4})-(\d{2})")
_VALUE_YEAR = re.compile(r"(\d{4})")
_VALUE_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_VALUE_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_VALUE_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_VALUE_DECADE = re.compile(r"(\d{3})")


def span_from_value(value: str) -> DateSpan | None:
    """The span of a TIMEX3 date value, or None for values that name no span
    (``PAST_REF``, ``XXXX-10-07``, durations...)."""
    if m := _VALUE_DAY.fullmatch(value):
        return day_span(checked_date(int(m[1]), int(m[2]), int(m[3]), value))
    if m := _VALUE_MONTH.fullmatch(value):
        if not 1 <= int(m[2]) <= 12:
            return None
        return month_span(int(m[1]), int(m[2]))
    if m := _VALUE_YEAR.fullmatch(value):
        return year_span(int(m[1])) if int(m[1]) >= 1 else None
    if m := _VALUE_WEEK.fullmatch(value):
        try:
            week = week_span(int(m[1]), int(m[2]))
        except InvalidDate:
            return None
        if value.endswith("-WE"):  # the weekend: Saturday and Sunday of that week
            return DateSpan(week.end - timedelta(days=1), week.end, "range")
        return week
    if m := _VALUE_SEASON.fullmatch(value):
        return season_span(int(m[1]), m[2])
    if m := _VALUE_QUARTER.fullmatch(value):
        return quarter_span(int(m[1]), int(m[2]))
    if m := _VALUE_DECADE.fullmatch(value):
        return decade_span(int(m[1]) * 10) if int(m[1]) >= 1 else None
    return None


def value_of(span: DateSpan) -> str:
    """The TIMEX3-style value of a span (ranges as ``START/END``)."""
    s = span.start
    if span.precision == "day" and span.days == 0:
        return s.isoformat()
    if span.precision == "month":
        return f"{s.year:04d}-{s.month:02d}"
    if span.precision == "year":
        return f"{s.year:04d}"
    if span.precision == "week":
        year, week, _ = s.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if span.precision == "season":
        code = next(k for k, (first, _) in SEASONS.items() if first == s.month)
        return f"{s.year:04d}-{code}"
    if span.precision == "quarter":
        return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
    if span.precision == "decade":
        return f"{s.year // 10:03d}"
    return f"{span.start.isoformat()}/{span.end.isoformat()}"


def render(span: DateSpan) -> str:
    """Compact listing form: ``2020-01-03``, ``2019-05``, ``2019-W20``,
    ``2019-FA``, ``2019-Q3``, ``1990s``, ``2020-01-21..22``."""
    if span.precision == "decade":
        return f"{span.start.year}s"
    if span.precision != "range" and not (span.precision == "day" and span.days):
        return value_of(span)
    s, e = span.start, span.end
    if (s.year, s.month) == (e.year, e.month):
        tail = f"{e.day:02d}"
    elif s.year == e.year:
        tail = f"{e.month:02d}-{e.day:02d}"
    else:
        tail = e.isoformat()
    return f"{s.isoformat()}..{tail}"


def make_span(start: date, end: date, precision: str | None = None) -> DateSpan:
    """A span from two dates, naming the precision when none is given."""
    if precision is None:
        precision = "day" if start == end else "range"
    return DateSpan(start, end, precision)
