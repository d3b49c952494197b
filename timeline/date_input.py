"""Typed date input -> :class:`~timeline.dates.DateSpan`.

Curators type dates the way they read them: ``2020-01-03``, ``Jan 3, 2020``,
``3 January 2020``, ``May 2019``, ``2019-05``, ``2019``, ``2019-W20``,
``fall 2019``, ``2019-Q3``, ``1990s``, ranges ``2020-01-21..2020-01-22`` or
``Jan 21-22, 2020``, and relative ``yesterday`` or ``last Tuesday`` (relative
to ``as_of``, default today). Anything impossible or ambiguous is refused with
a message that says why.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.dates import (
    MONTHS,
    SEASON_WORDS,
    WEEKDAYS,
    DateSpan,
    checked_date,
    day_span,
    decade_span,
    make_span,
    month_span,
    quarter_span,
    season_span,
    span_from_value,
    week_span,
    year_span,
)
from timeline.errors import InvalidDate

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?P<year>\d{4})"

_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"), "iso_day"),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})"), "iso_month"),
    (re.compile(r"(?P<y>\d{4})"), "year"),
    (re.compile(r"(?P<y>\d{4})-?w(?P<w>\d{1,2})"), "week"),
    (re.compile(r"(?P<y>\d{4})-?q(?P<q>\d)"), "quarter"),
    (re.compile(r"q(?P<q>\d)\s+(?P<y>\d{4})"), "quarter"),
    (re.compile(r"(?P<y>\d{4})-(?P<s>sp|su|fa|wi)"), "season_code"),
    (re.compile(r"(?P<s>spring|summer|fall|autumn|winter)(?:\s+of)?\s+(?P<y>\d{4})"), "season"),
    (re.compile(r"(?:the\s+)?(?P<y>\d{3})0'?s"), "decade"),
    (re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR), "mdy"),
    (re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR), "dmy"),
    (re.compile(_MONTH + r",?\s+" + _YEAR), "month_year"),
    (
        re.compile(_MONTH + r"\s+(?P<d>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2}),?\s+" + _YEAR),
        "md_range",
    ),
    (
        re.compile(r"(?P<d>\d{1,2})\s*[-–]\s*(?P<d2>\d{1,2})\s+" + _MONTH + r",?\s+" + _YEAR),
        "dm_range",
    ),
    (re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})"), "slashed"),
]

_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _form(kind: str, m: re.Match[str], text: str) -> DateSpan:
    g = m.groupdict()
    if kind == "iso_day":
        return day_span(checked_date(int(g["y"]), int(g["m"]), int(g["d"]), text))
    if kind == "iso_month":
        if not 1 <= int(g["m"]) <= 12:
            raise InvalidDate(f"{text} is not a date: there is no month {int(g['m'])}")
        return month_span(int(g["y"]), int(g["m"]))
    if kind == "year":
        return year_span(int(g["y"]))
    if kind == "week":
        return week_span(int(g["y"]), int(g["w"]))
    if kind == "quarter":
        return quarter_span(int(g["y"]), int(g["q"]))
    if kind == "season_code":
        return season_span(int(g["y"]), g["s"].upper())
    if kind == "season":
        return season_span(int(g["y"]), SEASON_WORDS[g["s"]])
    if kind == "decade":
        return decade_span(int(g["y"]) * 10)
    if kind in ("mdy", "dmy"):
        return day_span(checked_date(int(g["year"]), _month(g["month"]), int(g["d"]), text))
    if kind == "month_year":
        return month_span(int(g["year"]), _month(g["month"]))
    if kind in ("md_range", "dm_range"):
        year, month = int(g["year"]), _month(g["month"])
        start = checked_date(year, month, int(g["d"]), text)
        end = checked_date(year, month, int(g["d2"]), text)
        if end <= start:
            raise InvalidDate(f"{text} is not a range: the second day must come after the first")
        return make_span(start, end)
    # slashed: only unambiguous when one number cannot be a month
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if a <= 12 and b <= 12 and a != b:
        raise InvalidDate(
            f"{text} is ambiguous (month/day or day/month?); "
            f"write {y}-{a:02d}-{b:02d} or {y}-{b:02d}-{a:02d}"
        )
    month, day = (a, b) if a <= 12 else (b, a)
    return day_span(checked_date(y, month, day, text))


def _relative(text: str, as_of: date) -> DateSpan | None:
    if text in _RELATIVE_DAYS:
        return day_span(as_of + timedelta(days=_RELATIVE_DAYS[text]))
    m = re.fullmatch(r"(last|this|next)\s+(week|month|year|\w+day)", text)
    if m:
        step = {"last": -1, "this": 0, "next": 1}[m[1]]
        unit = m[2]
        if unit == "week":
            year, week, _ = (as_of + timedelta(weeks=step)).isocalendar()
            return week_span(year, week)
        if unit == "month":
            month_index = as_of.year * 12 + as_of.month - 1 + step
            return month_span(month_index // 12, month_index % 12 + 1)
        if unit == "year":
            return year_span(as_of.year + step)
        if unit in WEEKDAYS:
            delta = WEEKDAYS[unit] - as_of.weekday()
            if step < 0:
                delta = delta - 7 if delta >= 0 else delta
            elif step > 0:
                delta = delta + 7 if delta <= 0 else delta
            return day_span(as_of + timedelta(days=delta))
        return None
    m = re.fullmatch(
        r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(day|week|month|year)s?\s+ago",
        text,
    )
    if m:
        from timeline.extract.temporal_rules import NUMBER_WORDS

        n = int(m[1]) if m[1].isdigit() else NUMBER_WORDS[m[1]]
        if m[2] == "day":
            return day_span(as_of - timedelta(days=n))
        if m[2] == "week":
            year, week, _ = (as_of - timedelta(weeks=n)).isocalendar()
            return week_span(year, week)
        if m[2] == "month":
            month_index = as_of.year * 12 + as_of.month - 1 - n
            return month_span(month_index // 12, month_index % 12 + 1)
        return year_span(as_of.year - n)
    return None


def _single(text: str, as_of: date | None) -> DateSpan:
    for pattern, kind in _FORMS:
        m = pattern.fullmatch(text)
        if m:
            return _form(kind, m, text)
    try:
        relative = _relative(text, as_of or date.today())
    except OverflowError:
        raise InvalidDate(f"{text!r} falls outside the calendar (years 1 to 9999)") from None
    if relative is not None:
        return relative
    return _dateparser(text, as_of)


def _dateparser(text: str, as_of: date | None) -> DateSpan:
    """Free-form input the rules above do not cover, read by dateparser."""
    if not re.search(r"[a-z]", text) or len(text) > 60:
        raise InvalidDate(
            f"cannot read {text!r} as a date; write e.g. 2020-01-03, May 2019 or 2019"
        )
    import warnings
    from datetime import datetime

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import dateparser

        base = datetime.combine(as_of or date.today(), datetime.min.time())
        settings = {
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": False,
            "RETURN_TIME_AS_PERIOD": False,
        }
        found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        raise InvalidDate(
            f"cannot read {text!r} as a date; write e.g. 2020-01-03, Jan 3 2020, May 2019, "
            "2019-W20, fall 2019, 2019-Q3, 1990s or 2020-01-21..2020-01-22"
        )
    return day_span(found.date())


def _range_end(start: DateSpan, text: str, as_of: date | None) -> DateSpan:
    """The end of ``A..B`` where B may omit what it shares with A (``2020-01-21..22``)."""
    if re.fullmatch(r"\d{1,2}", text):
        s = start.start
        return day_span(checked_date(s.year, s.month, int(text), f"{s:%Y-%m}-{text}"))
    if re.fullmatch(r"\d{1,2}-\d{1,2}", text):
        month, day = (int(x) for x in text.split("-"))
        return day_span(checked_date(start.start.year, month, day, f"{start.start.year}-{text}"))
    return _single(text, as_of)


def parse_date(text: str, as_of: date | None = None) -> DateSpan:
    """Read a typed date, range or relative date (relative to ``as_of`` or today)."""
    raw = text
    text = " ".join(text.strip().lower().split())
    if not text:
        raise InvalidDate("empty date; write e.g. 2020-01-03, May 2019 or 2019")
    if ".." in text:
        left, _, right = text.partition("..")
        if not left.strip() or not right.strip():
            raise InvalidDate(f"{raw!r} is an open range; write START..END")
        first = _single(left.strip(), as_of)
        last = _range_end(first, right.strip(), as_of)
        if last.end < first.start:
            raise InvalidDate(f"{raw!r} ends before it starts; put the earlier date first")
        if first.start == last.start and first.end == last.end:
            return first
        return make_span(first.start, last.end, "range")
    try:
        return _single(text, as_of)
    except InvalidDate as err:
        message = str(err)
        if raw.strip() and text in message:
            message = message.replace(text, raw.strip(), 1)
        raise InvalidDate(message) from None


def parse_bound(text: str, as_of: date | None = None, end: bool = False) -> date:
    """A ``--from``/``--to`` bound: the first (or last) day of the typed date."""
    span = parse_date(text, as_of)
    return span.end if end else span.start


def iso_day(text: str, field: str = "date") -> date:
    """A strict ``YYYY-MM-DD`` day, with a message naming what is wrong."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text) if isinstance(text, str) else None
    if not m:
        raise InvalidDate(f"{field} must be an ISO day (YYYY-MM-DD), got {text!r}")
    return checked_date(int(m[1]), int(m[2]), int(m[3]), text)


def span_from_record(start: str, end: str, precision: str) -> DateSpan:
    """A span from interchange fields, checked."""
    return DateSpan(iso_day(start, "date_start"), iso_day(end, "date_end"), precision)


__all__ = ["parse_bound", "parse_date", "span_from_record", "span_from_value"]
