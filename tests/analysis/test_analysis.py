"""The escalation index and the responses analysis, as functions and as commands."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from tests.conftest import Cli
from tests.sample_timeline import EVENTS, ev
from timeline.analysis import (
    escalation_by_period,
    parse_window,
    period_start,
    responses,
    summarise,
)
from timeline.errors import InvalidValue

KEPT = [e for e in EVENTS if e["status"] != "rejected"]


def test_period_starts() -> None:
    day = date(2020, 8, 19)
    assert period_start(day, "week") == date(2020, 8, 17)
    assert period_start(day, "month") == date(2020, 8, 1)
    assert period_start(day, "quarter") == date(2020, 7, 1)
    assert period_start(day, "year") == date(2020, 1, 1)
    with pytest.raises(InvalidValue, match="week, month, quarter, year"):
        period_start(day, "fortnight")


def test_escalation_by_month_fills_empty_months() -> None:
    records = [e for e in KEPT if "2019-06" <= e["date_start"] < "2020-02"]
    rows = escalation_by_period(records, "month")
    assert [r.period for r in rows][:4] == ["2019-06", "2019-07", "2019-08", "2019-09"]
    assert rows[-1].period == "2020-01"
    june = rows[0]
    assert (june.events, june.escalation, june.de_escalation, june.net_intensity) == (2, 1, 1, -9)
    assert rows[1].neutral == 1 and rows[2].events == 0
    january = rows[-1]
    assert january.escalation_intensity == -20 and january.de_escalation_intensity == 2.9
    assert january.net_intensity == -17.1


def test_responses_to_strikes() -> None:
    found = responses(KEPT, 14, ["strike"])
    by_id = {r.escalation["id"]: [(c.record["id"], c.lag) for c in r.contacts] for r in found}
    assert by_id == {
        "drone19": [("swiss19", 4)],
        "soleimani": [("swiss20", 1), ("emir", 9)],
        "asad": [("emir", 4)],
        "tower22": [],
    }
    summary = summarise(found, 14, ["strike"])
    assert summary.sentence() == (
        "3 of 4 strikes were followed by a contact within 14 days; median lag 4 days; "
        "most used channel: Switzerland"
    )


def test_responses_window_and_overlap() -> None:
    strike = ev("s", "2020-01-10", "2020-01-12", "range", "strike", -10.0, "s", [])
    during = ev("d", "2020-01-11", "2020-01-11", "day", "talks", 7.0, "d", [])
    before = ev("b", "2020-01-09", "2020-01-09", "day", "talks", 7.0, "b", [])
    late = ev("l", "2020-01-20", "2020-01-20", "day", "deal", 8.0, "l", [])
    hostile = ev("h", "2020-01-13", "2020-01-13", "day", "message", -2.0, "h", [])
    records = [before, strike, during, hostile, late]
    (only,) = responses(records, 7, ["strike"])
    assert [(c.record["id"], c.lag) for c in only.contacts] == [("d", 0)]
    (wider,) = responses(records, 8, ["strike"])
    assert [c.record["id"] for c in wider.contacts] == ["d", "l"]
    assert summarise([wider], 8).sentence().endswith("median lag 0 days; most used channel: direct")


def test_summary_without_escalations() -> None:
    assert summarise([], 14, ["strike"]).sentence() == "No strikes in the timeline."


def test_parse_window() -> None:
    assert parse_window("14d") == 14
    assert parse_window("2w") == 14
    assert parse_window("10") == 10
    with pytest.raises(InvalidValue, match="14d"):
        parse_window("two weeks")


def test_escalation_command(cli: Cli, sample_db: str) -> None:
    out = cli("escalation", "--by", "year")
    lines = out.splitlines()
    assert lines[0].split() == ["period", "events", "esc", "de-esc", "net"]
    row_2020 = next(line for line in lines if line.strip().startswith("2020"))
    assert row_2020.split()[:5] == ["2020", "4", "2", "2", "-17.1"]
    assert "█" in row_2020 and row_2020.rstrip().endswith("|")
    assert "full bar" in lines[-1]
    data = json.loads(
        cli("escalation", "--by", "month", "--from", "2020-01", "--to", "2020-01", "-f", "json")
    )
    assert data == [
        {
            "period": "2020-01",
            "start": "2020-01-01",
            "events": 4,
            "escalation": 2,
            "de_escalation": 2,
            "neutral": 0,
            "escalation_intensity": -20.0,
            "de_escalation_intensity": 2.9,
            "net_intensity": -17.1,
        }
    ]
    rows = list(csv.DictReader(io.StringIO(cli("escalation", "--by", "quarter", "-f", "csv"))))
    assert rows[0]["period"] == "2015-Q1" and rows[-1]["period"] == "2024-Q1"
    assert sum(int(r["events"]) for r in rows) == len(KEPT)


def test_escalation_command_errors(cli: Cli) -> None:
    assert "No events" in cli("escalation")
    assert "fortnight" in cli.fails("escalation", "--by", "fortnight", code=2)


def test_responses_command(cli: Cli, sample_db: str) -> None:
    out = cli("responses", "--window", "14d", "--category", "strike")
    assert out.strip().splitlines()[-1] == (
        "3 of 4 strikes were followed by a contact within 14 days; median lag 4 days; "
        "most used channel: Switzerland"
    )
    assert "+9d" in out and "Qatar" in out and "no contact within the window" in out
    data = json.loads(cli("responses", "-w", "2w", "-f", "json"))
    assert data["summary"]["escalations"] == 5
    assert data["summary"]["followed"] == 3
    first = data["responses"][0]
    assert first["escalation"]["id"] == "drone19"
    assert first["contacts"][0]["intermediaries"] == ["Switzerland"]
    assert first["contacts"][0]["lag_days"] == 4
    assert "1 of 4 strikes" in cli("responses", "-w", "1", "-c", "strike")


def test_responses_command_errors(cli: Cli) -> None:
    assert "14d" in cli.fails("responses", "--window", "soon")
    assert "strke" in cli.fails("responses", "-c", "strke")
