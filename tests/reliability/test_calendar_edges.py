"""Events on the calendar's first and last days (0001-01-01, 9999-12-31), and typed
dates beyond them: every command answers or says why in one line, never a traceback."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import Cli
from timeline.dates import season_span, shifted, week_span, year_span
from timeline.errors import InvalidDate


@pytest.fixture
def edges(cli: Cli) -> Cli:
    cli("add", "--date", "0001-01-01", "--category", "talks", "--summary", "first day")
    cli("add", "--date", "9999-12-31", "--category", "strike", "--summary", "last day")
    cli("add", "--date", "0001-01-01..0001-01-20", "--category", "deal", "--summary", "a range")
    return cli


def test_listings_and_analysis_at_the_edges(edges: Cli) -> None:
    assert "a range" in edges("list", "--from", "0001-01-03", "--to", "0001-01-04")
    assert "last day" in edges("list", "--from", "9999-12-30")
    for period in ("week", "month", "quarter", "year"):
        assert "net intensity" in edges("escalation", "--by", period, "--from", "9999")
    assert "escalation" in edges("responses")


def test_exports_at_the_edges(edges: Cli) -> None:
    ics = edges("export", "--format", "ics")
    assert "DTSTART;VALUE=DATE:99991231" in ics and "DURATION:P1D" in ics
    assert "DTEND;VALUE=DATE:00010102" in ics
    assert "9999-12-31" in edges("export", "--format", "csv")


def test_chart_at_the_edges(edges: Cli, tmp_path: object) -> None:
    pytest.importorskip("matplotlib")
    out = f"{tmp_path}/edges.png"
    assert "Drew 3 events" in edges("chart", out)


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--from", "9999-W52"],
        ["add", "--date", "winter 9999", "--category", "strike"],
        ["list", "--as-of", "0001-01-01", "--from", "last week"],
        ["list", "--as-of", "9999-12-31", "--from", "next month"],
    ],
)
def test_dates_beyond_the_calendar_are_refused(cli: Cli, args: list[str]) -> None:
    err = cli.fails(*args)
    assert "outside the calendar" in err and "Traceback" not in err


def test_calendar_units_and_shifts() -> None:
    with pytest.raises(InvalidDate, match="outside the calendar"):
        week_span(9999, 52)
    with pytest.raises(InvalidDate, match="outside the calendar"):
        season_span(9999, "WI")
    with pytest.raises(InvalidDate, match="outside the calendar"):
        year_span(10000)
    assert week_span(9999, 51).end == date(9999, 12, 26)
    assert shifted(date(1, 1, 5), -10) == date.min
    assert shifted(date(9999, 12, 30), 7) == date.max
    assert shifted(date(2020, 1, 1), -1) == date(2019, 12, 31)
