"""ics, TimelineJS and ACLED exports, each read back by the consumer it is for."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.sample_timeline import EVENTS

KEPT = [e for e in EVENTS if e["status"] != "rejected"]

# The parts of the TimelineJS JSON format (knightlab.com/docs/json-format.html) we produce.
DATE = {
    "type": "object",
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
        "display_date": {"type": "string"},
    },
    "required": ["year"],
    "dependentRequired": {"day": ["month"]},
    "additionalProperties": False,
}
TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
TIMELINEJS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date"],
                "properties": {
                    "start_date": DATE,
                    "end_date": DATE,
                    "text": TEXT,
                    "group": {"type": "string"},
                    "unique_id": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
    },
}


def test_ics_is_read_by_icalendar(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    import icalendar

    out = tmp_path / "timeline.ics"
    cli("export", "--format", "ics", "-o", str(out))
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    cal = icalendar.Calendar.from_ical(raw)
    assert not cal.errors
    entries: dict[str, Any] = {str(v["UID"]).split("@")[0]: v for v in cal.walk("VEVENT")}
    assert sorted(entries) == sorted(e["id"] for e in KEPT)
    strike = entries["soleimani"]
    assert str(strike["SUMMARY"]) == "US drone strike kills Qassem Soleimani, in Baghdad"
    assert strike["DTSTART"].dt == date(2020, 1, 3)
    assert strike["DTEND"].dt == date(2020, 1, 4)
    assert str(strike["LOCATION"]) == "Baghdad"
    assert "Actors: United States > Iran" in str(strike["DESCRIPTION"])
    month = entries["sanct19"]
    assert (month["DTSTART"].dt, month["DTEND"].dt) == (date(2019, 9, 1), date(2019, 10, 1))
    assert entries["doha"]["STATUS"] == "TENTATIVE"
    assert not isinstance(strike["DTSTART"].dt, datetime)


def test_ics_folds_long_lines_without_breaking_characters() -> None:
    import icalendar

    from timeline.io.ics import to_ics

    long = dict(KEPT[1], summary="Ā" * 200 + "; a, b\\c\nnext")
    cal = icalendar.Calendar.from_ical(to_ics([long]).encode("utf-8"))
    entry: Any = cal.walk("VEVENT")[0]
    assert str(entry["SUMMARY"]) == "Ā" * 200 + "; a, b\\c\nnext"


def test_timelinejs_matches_the_schema(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    import jsonschema

    out = tmp_path / "timeline.json"
    cli("export", "-f", "timelinejs", "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    slides = {s["unique_id"]: s for s in data["events"]}
    assert len(slides) == len(KEPT)
    assert slides["event-soleimani"]["start_date"] == {
        "year": 2020,
        "month": 1,
        "day": 3,
        "display_date": "2020-01-03",
    }
    assert "end_date" not in slides["event-soleimani"]
    assert slides["event-soleimani"]["group"] == "strike"
    assert slides["event-sanct19"]["start_date"] == {
        "year": 2019,
        "month": 9,
        "display_date": "2019-09",
    }
    assert slides["event-jcpoa"]["start_date"] == {"year": 2015, "display_date": "2015"}
    assert slides["event-doha"]["end_date"] == {"year": 2023, "month": 8, "day": 20}
    assert slides["event-q3stmt"]["end_date"] == {"year": 2019, "month": 9}
    assert slides["event-swiss20"]["start_date"]["display_date"] == "2020-01-04..05"
    starts = [(s["start_date"]["year"], s["start_date"].get("month", 1)) for s in data["events"]]
    assert starts == sorted(starts)


def test_acled_csv(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    from timeline.io.acled import COLUMNS

    out = tmp_path / "acled.csv"
    cli("export", "-f", "acled", "-o", str(out))
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = {r["event_id_cnty"]: r for r in reader}
    assert len(rows) == len(KEPT)
    strike = rows["TLsoleimani"]
    assert strike["event_date"] == "2020-01-03"
    assert strike["year"] == "2020"
    assert strike["time_precision"] == "1"
    assert strike["event_type"] == "Explosions/Remote violence"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert (strike["actor1"], strike["actor2"]) == ("United States", "Iran")
    assert strike["source"] == "The Daily"
    assert rows["TLasad"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert rows["TLasad"]["source"] == "doc-c"
    assert rows["TLswiss20"]["time_precision"] == "2"
    assert rows["TLsanct19"]["time_precision"] == "3"
    assert rows["TLsanct19"]["event_date"] == "2019-09-01"
    assert "[date: 2019-09, month precision]" in rows["TLsanct19"]["notes"]
    swap = rows["TLswap"]
    assert (swap["event_type"], swap["sub_event_type"]) == ("Strategic developments", "Agreement")
    assert (swap["actor1"], swap["assoc_actor_1"]) == ("United States", "Iran")
    assert "intermediary: Qatar" in swap["tags"] and "[via Qatar]" in swap["notes"]
    assert all(r["event_date"] for r in rows.values())


def test_exports_to_standard_output(cli: Cli, sample_db: str) -> None:
    out = cli("export", "-f", "timelinejs")
    data: dict[str, Any] = json.loads(out)
    assert len(data["events"]) == len(KEPT)
    assert cli("export", "-f", "ics").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("fmt", ["ics", "timelinejs", "acled"])
def test_exports_of_an_empty_timeline(cli: Cli, fmt: str) -> None:
    assert cli("export", "-f", fmt)


def test_unknown_export_format(cli: Cli) -> None:
    err = cli.fails("export", "-f", "xml", code=2)
    assert "timelinejs" in err and "acled" in err
