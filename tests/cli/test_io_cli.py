"""Import and export in the interchange format."""

from __future__ import annotations

import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import Cli
from timeline.cli import iocmds
from timeline.db import Database
from timeline.io.bulk_parse import BATCH
from timeline.io.interchange import count_lines, import_file

LINE = {
    "id": "abc123",
    "date_start": "2020-01-03",
    "date_end": "2020-01-03",
    "date_precision": "day",
    "date_text": "January 3",
    "category": "strike",
    "subtype": "drone strike",
    "summary": "Drone strike kills a commander",
    "location": "Baghdad",
    "direction": "escalation",
    "intensity": -10.0,
    "cameo_code": "195",
    "status": "confirmed",
    "confidence": 1.0,
    "actors": [{"name": "United States", "role": "initiator"}, {"name": "Iran", "role": "target"}],
    "sources": [{"document": "doc-a", "start": 5, "end": 60, "quote": None}],
    "created_at": "2026-01-01T00:00:00+00:00",
    "updated_at": "2026-01-02T00:00:00+00:00",
}


def write_lines(path: Path, *records: dict[str, object] | str) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
        encoding="utf-8",
    )
    return path


def test_import_then_export_round_trips(cli: Cli, tmp_path: Path) -> None:
    second = dict(
        LINE,
        id="def456",
        date_start="2019-05-01",
        date_end="2019-05-31",
        date_precision="month",
        category="talks",
        cameo_code="046",
        intensity=7.0,
        direction="de-escalation",
        actors=[{"name": "Oman", "role": "intermediary"}],
        sources=[],
    )
    source = write_lines(tmp_path / "in.jsonl", LINE, second)
    assert "Imported 2 events" in cli("import", str(source))
    first_export = cli("export")
    lines = [json.loads(x) for x in first_export.splitlines()]
    assert [r["id"] for r in lines] == ["def456", "abc123"]
    assert lines[1] == LINE
    out = tmp_path / "out.jsonl"
    cli("export", "-o", str(out))
    assert out.read_text(encoding="utf-8") == first_export


def test_history_of_an_imported_event(cli: Cli, tmp_path: Path) -> None:
    """An import leaves one short change per event (file and line); the first edit
    records the event as imported in its ``before``, as every edit does."""
    write_lines(tmp_path / "in.jsonl", dict(LINE, id="other"), LINE)
    cli("import", str(tmp_path / "in.jsonl"))
    text = cli("history", "abc123")
    assert " import by " in text and "note: in.jsonl, line 2" in text
    cli("edit", "abc123", "--summary", "A drone strike")
    rows = json.loads(cli("history", "abc123", "--format", "json"))
    assert [(r["action"], r["before"], r["after"]) for r in rows[:1]] == [("import", None, None)]
    assert rows[1]["action"] == "edit"
    before = {k: v for k, v in rows[1]["before"].items() if k != "updated_at"}
    assert before == {k: v for k, v in LINE.items() if k != "updated_at"}
    assert rows[1]["after"]["summary"] == "A drone strike"
    assert 'summary: "Drone strike kills a commander" -> "A drone strike"' in cli(
        "history", "abc123"
    )


def test_round_trip_through_a_second_database(cli: Cli, tmp_path: Path, runner: object) -> None:
    from timeline.migrate import init_database

    write_lines(tmp_path / "in.jsonl", LINE)
    cli("import", str(tmp_path / "in.jsonl"))
    cli("export", "-o", str(tmp_path / "a.jsonl"))
    other = Cli(cli.runner, str(tmp_path / "other.db"))
    init_database(other.db)
    other("import", str(tmp_path / "a.jsonl"))
    other("export", "-o", str(tmp_path / "b.jsonl"))
    assert (tmp_path / "a.jsonl").read_text() == (tmp_path / "b.jsonl").read_text()


def test_csv_round_trip(cli: Cli, tmp_path: Path) -> None:
    write_lines(tmp_path / "in.jsonl", LINE)
    cli("import", str(tmp_path / "in.jsonl"))
    cli("export", "--format", "csv", "-o", str(tmp_path / "a.csv"))
    other = Cli(cli.runner, str(tmp_path / "other.db"))
    from timeline.migrate import init_database

    init_database(other.db)
    other("import", str(tmp_path / "a.csv"))
    assert json.loads(other("export")) == LINE


def test_one_bad_line_imports_nothing(cli: Cli, tmp_path: Path) -> None:
    bad = dict(LINE, id="bad1", category="strke")
    path = write_lines(tmp_path / "in.jsonl", LINE, bad)
    err = cli.fails("import", str(path))
    assert "line 2" in err and "category" in err and "nothing was imported" in err
    assert cli("export") == ""


def test_bad_json_says_what_and_where_in_one_phrase(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    for text, said in (
        ('{"summary": "cut', "Unterminated string starting at column 13"),
        ('{"summary": "a\tb"}', "Invalid control character at column 15"),
        ('{"summary" "x"}', "Expecting ':' delimiter at column 12"),
    ):
        path.write_text(text + "\n", encoding="utf-8")
        err = cli.fails("import", str(path))
        assert f"line 1: not valid JSON ({said});" in err, err
        assert " at at " not in err


def test_skip_invalid_imports_the_rest(cli: Cli, tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "in.jsonl",
        LINE,
        "{not json",
        dict(LINE, id="x2", date_start="2020-02-30"),
        dict(LINE, id="x3", date_start="2020-02-01", date_end="2020-01-01"),
        dict(LINE, id="x4", intensity="strong"),
        dict(LINE, id="abc123"),
        dict(LINE, id="x5", date_precision=None),
    )
    result = cli.runner.invoke(
        __import__("timeline.cli", fromlist=["app"]).app,
        ["--db", cli.db, "import", str(path), "--skip-invalid"],
    )
    assert result.exit_code == 0, result.output
    assert "Imported 1 events" in result.stdout
    assert "6 lines skipped" in result.stdout
    for number, word in (
        (2, "JSON"),
        (3, "February"),
        (4, "before"),
        (5, "intensity"),
        (6, "already appears on line 1"),
        (7, "date_precision"),
    ):
        assert f"skipped line {number}:" in result.stderr and word in result.stderr


def test_import_errors(cli: Cli, tmp_path: Path) -> None:
    assert "does not exist" in cli.fails("import", str(tmp_path / "missing.jsonl"))
    (tmp_path / "latin.jsonl").write_bytes('{"summary": "caf\xe9"}\n'.encode("latin-1"))
    assert "not UTF-8" in cli.fails("import", str(tmp_path / "latin.jsonl"))
    assert "directory" in cli.fails("import", str(tmp_path))
    path = write_lines(tmp_path / "x.jsonl", dict(LINE, colour="red"))
    assert "colour: unknown field" in cli.fails("import", str(path))


def test_import_existing_id_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", LINE)
    cli("import", str(path))
    assert "already exists" in cli.fails("import", str(path))


def test_import_documents_metadata(cli: Cli, tmp_path: Path) -> None:
    docs = tmp_path / "sources.csv"
    docs.write_text(
        "document,title,publisher,author,published,url\n"
        "doc-a,A title,The Paper,,2020-01-09,\n"
        "doc-b,,,,2023-06,\n",
        encoding="utf-8",
    )
    path = write_lines(tmp_path / "in.jsonl", LINE)
    assert "2 documents" in cli("import", str(path), "--documents", str(docs))
    from timeline.db import Database

    rows = Database(cli.db).rows(
        "SELECT id, title, published, published_precision FROM documents ORDER BY id"
    )
    assert rows == [
        {
            "id": "doc-a",
            "title": "A title",
            "published": "2020-01-09",
            "published_precision": "day",
        },
        {"id": "doc-b", "title": None, "published": "2023-06-01", "published_precision": "month"},
    ]


def test_events_added_after_an_import_get_new_ids(cli: Cli, tmp_path: Path) -> None:
    lines = [dict(LINE, id=f"n{i}") for i in range(5)]
    cli("import", str(write_lines(tmp_path / "in.jsonl", *lines)))
    uid = cli("add", "--date", "2021-01-01", "--category", "talks").strip()
    cli("import", str(write_lines(tmp_path / "more.jsonl", dict(LINE, id="later"))))
    assert [r["id"] for r in map(json.loads, cli("export").splitlines())][-3:] == [
        "n4",
        "later",
        uid,
    ]


def test_dates_of_the_wrong_type_are_reported(cli: Cli, tmp_path: Path) -> None:
    # Found by the hostile-input property test: a list where a date field belongs.
    path = write_lines(tmp_path / "in.jsonl", LINE, dict(LINE, id="b", date_precision=[None]))
    assert "line 2: date_precision: expected text, got list" in cli.fails("import", str(path))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_import_shows_progress_on_a_terminal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [dict(LINE, id=f"p{i}") for i in range(2 * BATCH + 10)]
    source = write_lines(tmp_path / "many.jsonl", *lines)
    terminal = _Terminal()
    monkeypatch.setattr(iocmds, "sys", SimpleNamespace(stderr=terminal))
    assert f"Imported {len(lines)} events" in cli("import", str(source))
    assert "Importing" in terminal.getvalue() and "100%" in terminal.getvalue()
    # Into the empty database the indexes are built after the last line: said so.
    assert "Importing (building indexes)" in terminal.getvalue()


def test_import_reports_the_lines_reached(db: str, tmp_path: Path) -> None:
    lines: list[dict[str, object] | str] = [dict(LINE, id=f"p{i}") for i in range(2 * BATCH + 10)]
    lines[BATCH + 3] = "{not json"
    source = write_lines(tmp_path / "many.jsonl", *lines)
    reached: list[int] = []
    result = import_file(Database(db), source, skip_invalid=True, progress=reached.append)
    assert result.imported == len(lines) - 1
    assert reached == sorted(reached) and len(reached) >= 3
    assert reached[-1] == len(lines) == count_lines(source)


def test_import_says_what_is_left_after_the_last_line(db: str, tmp_path: Path) -> None:
    source = write_lines(tmp_path / "a.jsonl", *[dict(LINE, id=f"a{i}") for i in range(5)])
    stages: list[str] = []
    import_file(Database(db), source, finishing=stages.append)
    assert stages == ["building indexes"]  # (the database was empty)
    source = write_lines(tmp_path / "b.jsonl", *[dict(LINE, id=f"b{i}") for i in range(5)])
    import_file(Database(db), source, finishing=stages.append)
    assert stages == ["building indexes"]  # (nothing long left: indexes kept)


def test_count_lines(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    for text, n in (("", 0), ("a", 1), ("a\n", 1), ("a\nb", 2), ("a\n\nb\n", 3)):
        path.write_text(text, encoding="utf-8")
        assert count_lines(path) == n, text


def test_offsets_too_large_for_the_database_are_reported(cli: Cli, tmp_path: Path) -> None:
    source = write_lines(
        tmp_path / "big.jsonl",
        LINE,
        dict(LINE, id="big1", sources=[{"document": "d1", "start": 3_000_000_000, "end": None}]),
        dict(LINE, id="big2", sources=[{"document": "d1", "start": 1, "end": 10**30}]),
    )
    err = cli.fails("import", str(source))
    assert "line 2" in err and "too large" in err and "Traceback" not in err
    assert "Imported 1 events, 2 lines skipped" in cli("import", "--skip-invalid", str(source))


def test_many_rows_keep_their_order(db: str, tmp_path: Path) -> None:
    """Actor links and sources go in many rows a statement: each event's stay in
    the order given, whatever the batch's size."""
    names = ["Oman", "Iran", "Qatar", "United States", "Iraq", "Switzerland"]
    roles = ["initiator", "target", "intermediary", "participant"]
    records = []
    for i in range(75):  # (more than one statement's worth of rows, and a remainder)
        actors = [
            {"name": names[(i + k) % len(names)], "role": roles[(i * 3 + k) % len(roles)]}
            for k in range(i % 4 + 1)
        ]
        sources = [
            {"document": f"doc{(i * 7 + k) % 11}", "start": k, "end": k + 9, "quote": f"q{i}.{k}"}
            for k in range(i % 3 + 1)
        ]
        records.append(dict(LINE, id=f"o{i}", actors=actors, sources=sources))
    source = write_lines(tmp_path / "order.jsonl", *records)
    assert import_file(Database(db), source).imported == len(records)
    from timeline.io.interchange import export_records

    exported = {r["id"]: r for r in export_records(Database(db))}
    for record in records:
        assert exported[record["id"]]["actors"] == record["actors"]
        assert exported[record["id"]]["sources"] == record["sources"]
