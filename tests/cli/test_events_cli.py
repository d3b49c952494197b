"""Curating by hand through the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Cli


def add(cli: Cli, *args: str) -> str:
    return cli("add", *args).strip()


def test_add_prints_a_short_url_safe_id(cli: Cli) -> None:
    uid = add(cli, "--date", "2020-01-03", "--category", "strike")
    assert len(uid) == 8 and uid.isalnum() and uid.islower()


def test_add_then_show_keeps_every_field(cli: Cli) -> None:
    uid = add(
        cli,
        "--date",
        "Jan 21-22, 2020",
        "--category",
        "talks",
        "--summary",
        "Swiss channel passes notes",
        "--actor",
        "United States:initiator",
        "--actor",
        "Iran:target",
        "--actor",
        "Switzerland:intermediary",
        "--subtype",
        "indirect talks",
        "--location",
        "Geneva",
        "--confidence",
        "0.8",
        "--source",
        "doc-1:10-42",
    )
    record = json.loads(cli("show", uid, "--format", "json"))
    assert record["date_start"] == "2020-01-21"
    assert record["date_end"] == "2020-01-22"
    assert record["date_precision"] == "range"
    assert record["date_text"] == "Jan 21-22, 2020"
    assert record["cameo_code"] == "046"
    assert record["intensity"] == 7.0
    assert record["direction"] == "de-escalation"
    assert record["status"] == "confirmed"
    assert record["confidence"] == 0.8
    assert record["actors"] == [
        {"name": "United States", "role": "initiator"},
        {"name": "Iran", "role": "target"},
        {"name": "Switzerland", "role": "intermediary"},
    ]
    assert record["sources"] == [{"document": "doc-1", "start": 10, "end": 42, "quote": None}]
    text = cli("show", uid)
    assert "2020-01-21..22" in text and "Switzerland (intermediary)" in text


def test_intensity_defaults_from_cameo_then_category(cli: Cli) -> None:
    visit = add(cli, "-d", "2019-06-12", "-c", "visit")
    sanction = add(cli, "-d", "2019-06", "-c", "sanction", "--cameo", "163")
    release = add(cli, "-d", "2023-09-18", "-c", "deal", "--cameo", "0841")
    threat = add(cli, "-d", "2019", "-c", "statement", "--cameo", "13")
    aerial = add(cli, "-d", "2020-01-08", "-c", "strike", "--cameo", "195")
    values = {
        r["id"]: (r["intensity"], r["direction"])
        for r in map(json.loads, cli("list", "-f", "jsonl").splitlines())
    }
    assert values[visit] == (1.9, "de-escalation")
    assert values[sanction] == (-8.0, "escalation")
    assert values[release] == (7.0, "de-escalation")
    assert values[threat] == (-6.0, "escalation")
    assert values[aerial] == (-10.0, "escalation")


def test_list_orders_by_date_then_finer_precision(cli: Cli) -> None:
    year = add(cli, "-d", "2020", "-c", "statement")
    month = add(cli, "-d", "2020-01", "-c", "statement")
    day = add(cli, "-d", "2020-01-01", "-c", "statement")
    early = add(cli, "-d", "2019-12-31", "-c", "statement")
    ids = [r["id"] for r in map(json.loads, cli("list", "-f", "jsonl").splitlines())]
    assert ids == [early, day, month, year]
    desc = [
        r["id"] for r in map(json.loads, cli("list", "-f", "jsonl", "--order", "desc").splitlines())
    ]
    assert desc == list(reversed(ids))


def test_list_window_overlaps_unless_within(cli: Cli) -> None:
    year = add(cli, "-d", "2019", "-c", "sanction")
    may = add(cli, "-d", "2019-05-12", "-c", "strike")
    add(cli, "-d", "2018-03-01", "-c", "strike")
    overlap = [
        r["id"]
        for r in json.loads(cli("list", "--from", "May 2019", "--to", "2019-05", "-f", "json"))
    ]
    assert overlap == [year, may]
    inside = [
        r["id"]
        for r in json.loads(
            cli("list", "--from", "May 2019", "--to", "2019-05", "--within", "-f", "json")
        )
    ]
    assert inside == [may]


def test_list_filters(cli: Cli) -> None:
    strike = add(
        cli,
        "-d",
        "2020-01-03",
        "-c",
        "strike",
        "-a",
        "United States:initiator",
        "-a",
        "Iran:target",
        "--summary",
        "Drone strike at the airport",
    )
    talks = add(
        cli,
        "-d",
        "2020-01-10",
        "-c",
        "talks",
        "-a",
        "Oman:intermediary",
        "-a",
        "Iran:participant",
        "--source",
        "d2",
    )
    rejected = add(cli, "-d", "2020-01-11", "-c", "message", "--status", "rejected")
    candidate = add(cli, "-d", "2020-01-12", "-c", "message", "--status", "candidate")

    def ids(*args: str) -> list[str]:
        return [r["id"] for r in map(json.loads, cli("list", "-f", "jsonl", *args).splitlines())]

    assert ids() == [strike, talks, candidate]
    assert ids("--status", "all") == [strike, talks, rejected, candidate]
    assert ids("--status", "rejected") == [rejected]
    assert ids("--category", "strike", "--category", "talks") == [strike, talks]
    assert ids("--category", "strike,talks") == [strike, talks]
    assert ids("--actor", "iran") == [strike, talks]
    assert ids("--initiator", "United States") == [strike]
    assert ids("--target", "Iran") == [strike]
    assert ids("--intermediary", "Oman") == [talks]
    assert ids("--direction", "escalation") == [strike]
    assert ids("--text", "AIRPORT") == [strike]
    assert ids("--text", "%") == []
    assert ids("--source", "d2") == [talks]
    assert ids("--limit", "1", "--offset", "1") == [talks]


def test_list_table_fits_the_terminal(cli: Cli, monkeypatch: object) -> None:
    import os

    add(cli, "-d", "2020-01-03", "-c", "strike", "--summary", "word " * 60)
    os.environ["COLUMNS"] = "80"
    try:
        out = cli("list")
    finally:
        del os.environ["COLUMNS"]
    assert all(len(line) <= 80 for line in out.splitlines()), out
    assert "2020-01-03" in out


def test_list_table_cuts_neither_dates_nor_ids(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    uid = add(
        cli,
        "-d",
        "2009-01-20..2017-01-20",
        "-c",
        "statement",
        "-a",
        "United States:initiator",
        "-a",
        "Islamic Republic of Iran:target",
        "-a",
        "Switzerland:intermediary",
        "--summary",
        "word " * 60,
    )
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("list")
    assert all(len(line) <= 80 for line in out.splitlines()), out
    assert f"{uid}  2009-01-20..2017-01-20  " in out
    assert "word word" in out  # the summary keeps some room
    # Written to a file or a pipe (no terminal, no COLUMNS), nothing is cut.
    monkeypatch.delenv("COLUMNS")
    out = cli("list")
    assert "…" not in out and ("word " * 59 + "word") in out, out
    assert "Islamic Republic of Iran" in out


def test_list_csv(cli: Cli) -> None:
    import csv
    import io

    add(cli, "-d", "2020-01-03", "-c", "strike", "-a", "Iran:target")
    rows = list(csv.DictReader(io.StringIO(cli("list", "-f", "csv"))))
    assert rows[0]["category"] == "strike"
    assert json.loads(rows[0]["actors"]) == [{"name": "Iran", "role": "target"}]


def test_edit_changes_fields_and_logs_history(cli: Cli) -> None:
    uid = add(cli, "-d", "2020-01-07", "-c", "message", "-a", "Switzerland:intermediary")
    out = cli(
        "edit",
        uid,
        "--date",
        "2020-01-08",
        "--summary",
        "Note via the Swiss",
        "--add-actor",
        "Qatar:intermediary",
        "--remove-actor",
        "Switzerland:intermediary",
        "--cameo",
        "046",
    )
    assert "date_start" in out and "summary" in out
    record = json.loads(cli("show", uid, "-f", "json"))
    assert record["date_start"] == "2020-01-08"
    assert record["actors"] == [{"name": "Qatar", "role": "intermediary"}]
    assert record["intensity"] == 7.0
    history = cli("history", uid)
    assert "add" in history and "edit" in history
    assert '"2020-01-07" -> "2020-01-08"' in history
    changes = json.loads(cli("history", uid, "-f", "json"))
    assert [c["action"] for c in changes] == ["add", "edit"]
    assert changes[1]["before"]["date_start"] == "2020-01-07"


def test_confirm_reject_and_delete_are_logged(cli: Cli) -> None:
    a = add(cli, "-d", "2020-01-07", "-c", "message", "--status", "candidate")
    b = add(cli, "-d", "2020-01-08", "-c", "message", "--status", "candidate")
    assert f"{a}: confirmed" in cli("confirm", a, b)
    assert f"{a}: already confirmed" in cli("confirm", a)
    cli("reject", b)
    assert json.loads(cli("show", b, "-f", "json"))["status"] == "rejected"
    assert "deleted" in cli("delete", a, "--note", "duplicate")
    assert "no event" in cli.fails("show", a)
    actions = [c["action"] for c in json.loads(cli("history", a, "-f", "json"))]
    assert actions == ["add", "status", "delete"]


def test_relative_dates_use_as_of(cli: Cli) -> None:
    uid = add(cli, "-d", "last Tuesday", "-c", "strike", "--as-of", "2020-01-09")
    assert json.loads(cli("show", uid, "-f", "json"))["date_start"] == "2020-01-07"
    uid = add(cli, "-d", "yesterday", "-c", "strike", "--as-of", "2020-01-09")
    assert json.loads(cli("show", uid, "-f", "json"))["date_start"] == "2020-01-08"


def test_add_prompts_for_missing_fields_in_a_terminal(cli: Cli, monkeypatch: object) -> None:
    import timeline.cli.eventcmds as cmds

    cmds._interactive = lambda: True
    try:
        uid = cli("add", input="2020-01-03\nstrike\nA strike\n").strip().splitlines()[-1]
    finally:
        import importlib

        importlib.reload(cmds)
    assert json.loads(cli("show", uid, "-f", "json"))["summary"] == "A strike"


def test_errors_are_one_line_without_traceback(cli: Cli) -> None:
    assert "unknown category 'strke'" in cli.fails("add", "-d", "2020", "-c", "strke")
    assert "strike, visit" in cli.fails("add", "-d", "2020", "-c", "strke")
    assert "31 Feb 2020 is not a date" in cli.fails("add", "-d", "31 Feb 2020", "-c", "strike")
    assert "after --to" in cli.fails("list", "--from", "2021", "--to", "2020")
    assert "no event with id 'nope'" in cli.fails("show", "nope")
    assert "no event" in cli.fails("edit", "nope", "--summary", "x")
    assert "no event" in cli.fails("confirm", "nope")
    assert "unknown role" in cli.fails("add", "-d", "2020", "-c", "strike", "-a", "Oman:mediator")
    assert "Goldstein" in cli.fails("add", "-d", "2020", "-c", "strike", "--intensity", "11")
    err = cli.fails("add", "-d", "2020", "-c", "strke")
    assert len(err.strip().splitlines()) == 1


def test_missing_required_options_without_terminal(cli: Cli) -> None:
    out = cli("add", "--category", "strike", code=2)
    assert "--date is required" in out


def test_plain_options_are_checked_without_pydantic(cli: Cli) -> None:
    err = cli.fails("list", "--limit", "many", code=2)
    assert "not a valid integer" in err
    assert "No events match." in cli("list", "--limit", " 5")


def test_a_source_span_too_large_is_refused(cli: Cli) -> None:
    span = "d1:3000000000-3000000009"
    err = cli.fails("add", "--date", "2020-01-03", "--category", "strike", "--source", span)
    assert "too large" in err and "Traceback" not in err
