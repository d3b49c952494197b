"""Typed dates -> spans, and the compact rendering."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.date_input import parse_date
from timeline.dates import DateSpan, make_span, render, span_from_value, value_of
from timeline.errors import InvalidDate

AS_OF = date(2020, 1, 9)  # a Thursday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2020-01-03", "2020-01-03", "2020-01-03", "day"),
        ("Jan 3, 2020", "2020-01-03", "2020-01-03", "day"),
        ("January 3 2020", "2020-01-03", "2020-01-03", "day"),
        ("3 January 2020", "2020-01-03", "2020-01-03", "day"),
        ("3rd of Jan. 2020", "2020-01-03", "2020-01-03", "day"),
        ("May 2019", "2019-05-01", "2019-05-31", "month"),
        ("2019-05", "2019-05-01", "2019-05-31", "month"),
        ("2019", "2019-01-01", "2019-12-31", "year"),
        ("2019-W20", "2019-05-13", "2019-05-19", "week"),
        ("fall 2019", "2019-09-01", "2019-11-30", "season"),
        ("autumn 2019", "2019-09-01", "2019-11-30", "season"),
        ("winter 2019", "2019-12-01", "2020-02-29", "season"),
        ("2019-Q3", "2019-07-01", "2019-09-30", "quarter"),
        ("1990s", "1990-01-01", "1999-12-31", "decade"),
        ("the 1990s", "1990-01-01", "1999-12-31", "decade"),
        ("2020-01-21..2020-01-22", "2020-01-21", "2020-01-22", "range"),
        ("2020-01-21..22", "2020-01-21", "2020-01-22", "range"),
        ("2020-01-30..02-02", "2020-01-30", "2020-02-02", "range"),
        ("2019-05..2019-07", "2019-05-01", "2019-07-31", "range"),
        ("Jan 21-22, 2020", "2020-01-21", "2020-01-22", "range"),
        ("21-22 January 2020", "2020-01-21", "2020-01-22", "range"),
        ("25/12/2019", "2019-12-25", "2019-12-25", "day"),
        ("yesterday", "2020-01-08", "2020-01-08", "day"),
        ("today", "2020-01-09", "2020-01-09", "day"),
        ("last Tuesday", "2020-01-07", "2020-01-07", "day"),
        ("next Friday", "2020-01-10", "2020-01-10", "day"),
        ("last week", "2019-12-30", "2020-01-05", "week"),
        ("last month", "2019-12-01", "2019-12-31", "month"),
        ("last year", "2019-01-01", "2019-12-31", "year"),
        ("two years ago", "2018-01-01", "2018-12-31", "year"),
        ("3 days ago", "2020-01-06", "2020-01-06", "day"),
    ],
)
def test_forms(text: str, start: str, end: str, precision: str) -> None:
    span = parse_date(text, AS_OF)
    assert (span.start.isoformat(), span.end.isoformat(), span.precision) == (start, end, precision)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31 Feb 2020", "31 Feb 2020 is not a date: February 2020 has 29 days"),
        ("2019-02-29", "2019-02-29 is not a date: February 2019 has 28 days"),
        ("2020-13", "no month 13"),
        ("2020-13-01", "no month 13"),
        ("03/04/2020", "ambiguous"),
        ("2020-01-22..2020-01-21", "ends before it starts"),
        ("Jan 22-21, 2020", "second day must come after the first"),
        ("2019-W60", "has no week 60"),
        ("2019-Q5", "not a quarter"),
        ("", "empty date"),
        ("2020..", "open range"),
        ("12345678", "cannot read"),
        ("blorptastic", "cannot read"),
    ],
)
def test_refusals_say_why(text: str, message: str) -> None:
    with pytest.raises(InvalidDate, match=message):
        parse_date(text, AS_OF)


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        (make_span(date(2020, 1, 3), date(2020, 1, 3)), "2020-01-03"),
        (DateSpan(date(2019, 5, 1), date(2019, 5, 31), "month"), "2019-05"),
        (DateSpan(date(2019, 1, 1), date(2019, 12, 31), "year"), "2019"),
        (DateSpan(date(2019, 5, 13), date(2019, 5, 19), "week"), "2019-W20"),
        (DateSpan(date(2019, 9, 1), date(2019, 11, 30), "season"), "2019-FA"),
        (DateSpan(date(2019, 7, 1), date(2019, 9, 30), "quarter"), "2019-Q3"),
        (DateSpan(date(1990, 1, 1), date(1999, 12, 31), "decade"), "1990s"),
        (make_span(date(2020, 1, 21), date(2020, 1, 22)), "2020-01-21..22"),
        (make_span(date(2020, 1, 30), date(2020, 2, 2)), "2020-01-30..02-02"),
        (make_span(date(2019, 12, 30), date(2020, 1, 2)), "2019-12-30..2020-01-02"),
    ],
)
def test_render(span: DateSpan, shown: str) -> None:
    assert render(span) == shown
    assert parse_date(shown) == span


@pytest.mark.parametrize(
    "value", ["2020-01-03", "2019-05", "2019", "2019-W20", "2019-FA", "2019-WI", "2019-Q3", "199"]
)
def test_value_round_trip(value: str) -> None:
    span = span_from_value(value)
    assert span is not None and value_of(span) == value


@pytest.mark.parametrize("value", ["PAST_REF", "XXXX-10-07", "P1W", "2019-13", "0000", ""])
def test_values_without_span(value: str) -> None:
    assert span_from_value(value) is None


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)), st.integers(0, 400))
def test_rendered_ranges_parse_back(start: date, length: int) -> None:
    from datetime import timedelta

    end = min(start + timedelta(days=length), date(9999, 12, 31))
    span = make_span(start, end)
    assert parse_date(render(span)) == span


@given(st.text(max_size=40))
def test_any_text_parses_or_is_refused(text: str) -> None:
    try:
        span = parse_date(text, AS_OF)
    except InvalidDate as err:
        assert str(err)
    else:
        assert span.start <= span.end


def test_month_and_day_names_and_lengths_match_calendar() -> None:
    import calendar

    from timeline.dates import DAY_NAMES, MONTH_NAMES, days_in_month

    assert list(MONTH_NAMES) == list(calendar.month_name)
    assert list(DAY_NAMES) == list(calendar.day_name)
    for year in (1, 4, 100, 1900, 1999, 2000, 2019, 2020, 2100, 2400, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]


def test_a_weekend_value_spans_saturday_and_sunday() -> None:
    from timeline.dates import span_from_value

    span = span_from_value("2025-W19-WE")
    assert span is not None
    assert (span.start, span.end) == (date(2025, 5, 10), date(2025, 5, 11))
    week = span_from_value("2025-W19")
    assert week is not None and (week.start, week.end) == (date(2025, 5, 5), date(2025, 5, 11))
