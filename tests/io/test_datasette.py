"""The Datasette export, checked in real Datasette through its in-process client."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.sample_timeline import EVENTS

KEPT = [e for e in EVENTS if e["status"] != "rejected"]


def export(cli: Cli, tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "export.db"
    text = cli("export", "datasette", str(out), *args)
    assert f"Exported {len(KEPT)} events" in text
    assert "datasette " in text and "--metadata" in text
    return out


def fetch(out: Path, metadata: dict[str, Any], *paths: str) -> list[Any]:
    """GET each path from Datasette; JSON bodies decoded, HTML as text."""
    from datasette.app import Datasette

    async def run() -> list[Any]:
        ds = Datasette([str(out)], metadata=metadata)
        await ds.invoke_startup()
        found = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            is_json = ".json" in path.split("?")[0]
            found.append(response.json() if is_json else response.text)
        return found

    return asyncio.run(run())


def test_datasette_serves_the_export(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    out = export(cli, tmp_path)
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    page, table, search, doc_search, between, through, after, by_month, responses = fetch(
        out,
        metadata,
        "/export/events",
        "/export/events.json?_size=max",
        "/export/events.json?_search=Hawk&_shape=array",
        "/export/documents.json?_search=diplomats&_shape=array",
        "/export/events_between.json?from=2020-01-01&to=2020-01-31&_shape=array",
        "/export/contacts_through.json?intermediary=switz&_shape=array",
        "/export/after_strikes.json?days=14&_shape=array",
        "/export/escalation_by_month.json?_shape=array",
        "/export/responses.json?_shape=array",
    )
    # The events page renders, with the default facets.
    assert "sorted by date_start" in page and "One row per event, flat" in page
    assert "Soleimani" in page
    for facet in ("category", "direction", "date_precision", "actors", "date_start"):
        assert f'data-column="{facet}"' in page
    assert set(table["facet_results"]) == {
        "category",
        "direction",
        "date_precision",
        "actors",
        "date_start",
    }
    actor_facet = {f["value"]: f["count"] for f in table["facet_results"]["actors"]["results"]}
    assert actor_facet["Qatar"] == 3
    # The JSON API returns the events in date order.
    columns = table["columns"]
    rows = [dict(zip(columns, r, strict=True)) for r in table["rows"]]
    assert [r["id"] for r in rows] == [e["id"] for e in sorted(KEPT, key=_order)]
    assert [r["date_start"] for r in rows] == sorted(r["date_start"] for r in rows)
    soleimani = next(r for r in rows if r["id"] == "soleimani")
    assert json.loads(soleimani["actors"]) == ["United States", "Iran"]
    assert soleimani["actors_text"] == "United States > Iran"
    assert soleimani["sources"] == 1
    # Full-text search finds an event by a word of its quote, a document by its text.
    assert [r["id"] for r in search] == ["drone19"]
    assert [r["id"] for r in doc_search] == ["doc-b"]
    # Each canned query runs and returns rows.
    assert [r["id"] for r in between] == ["soleimani", "swiss20", "asad", "emir"]
    assert [r["id"] for r in through] == ["swiss19", "swiss20"]
    followed = [(r["escalation_id"], r["contact_id"], r["lag_days"]) for r in after]
    assert followed == [
        ("drone19", "swiss19", 4),
        ("soleimani", "swiss20", 1),
        ("soleimani", "emir", 9),
        ("asad", "emir", 4),
        ("tower22", None, None),
    ]
    # The views.
    june = next(r for r in by_month if r["month"] == "2019-06")
    assert (june["events"], june["escalation_events"], june["net_intensity"]) == (2, 1, -9.0)
    assert {r["escalation_id"] for r in responses} == {
        e["id"] for e in KEPT if e["direction"] == "escalation"
    }


def _order(event: dict[str, Any]) -> tuple[str, int, str]:
    from timeline.dates import PRECISION_RANK

    return event["date_start"], PRECISION_RANK[event["date_precision"]], event["date_end"]


def test_export_shape(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    out = export(cli, tmp_path)
    conn = sqlite3.connect(out)
    try:
        fks = {
            (t, r[3], r[2])
            for t in ("event_actors", "mentions")
            for r in conn.execute(f"PRAGMA foreign_key_list({t})")
        }
        assert fks == {
            ("event_actors", "event_id", "events"),
            ("event_actors", "actor_id", "actors"),
            ("mentions", "event_id", "events"),
            ("mentions", "document_id", "documents"),
        }
        indexed = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        for column in ("date_start", "category", "direction"):
            assert f"idx_events_{column}" in indexed
        views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='view'")}
        assert views == {"escalation_by_month", "responses"}
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        (text,) = conn.execute("SELECT text FROM documents WHERE id = 'doc-a'").fetchone()
        assert "Global Hawk" in text
        assert conn.execute("SELECT count(*) FROM events WHERE id = 'rejected'").fetchone() == (0,)
    finally:
        conn.close()
    import sqlite_utils

    from timeline.io.datasette import ensure_db_shape

    again = sqlite_utils.Database(out)
    ensure_db_shape(again)  # the finishing step can run twice
    assert again.table("events").search("Hawk")
    again.close()


def test_metadata(cli: Cli, sample_db: str, tmp_path: Path) -> None:
    export(cli, tmp_path, "--metadata", str(tmp_path / "meta.yml"))
    import yaml

    data = yaml.safe_load((tmp_path / "meta.yml").read_text(encoding="utf-8"))
    assert data["title"] and data["license"] and data["source"]
    events = data["databases"]["export"]["tables"]["events"]
    assert events["sort"] == "date_start"
    assert {"array": "actors"} in events["facets"] and {"date": "date_start"} in events["facets"]
    assert "intensity" in events["columns"]
    queries = data["databases"]["export"]["queries"]
    assert set(queries) == {"events_between", "contacts_through", "after_strikes"}
    assert ":from" in queries["events_between"]["sql"]
    assert ":intermediary" in queries["contacts_through"]["sql"]
    assert ":days" in queries["after_strikes"]["sql"]


def test_empty_timeline_exports(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "export.db"
    assert "Exported 0 events" in cli("export", "datasette", str(out))
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    (rows,) = fetch(out, metadata, "/export/events.json?_shape=array")
    assert rows == []


def test_destination_errors(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "export.db"
    cli("export", "datasette", str(out))
    assert "--replace" in cli.fails("export", "datasette", str(out))
    cli("export", "datasette", str(out), "--replace")
    assert ".db" in cli.fails("export", "datasette", str(tmp_path / "export.txt"))
    assert "does not exist" in cli.fails("export", "datasette", str(tmp_path / "no" / "x.db"))
    if "://" not in cli.db:
        assert "live timeline" in cli.fails("export", "datasette", cli.db, "--replace")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_serve(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import subprocess

    calls: list[list[str]] = []

    def call(command: list[str]) -> int:
        calls.append(command)
        return 0

    monkeypatch.setattr(subprocess, "call", call)
    out = tmp_path / "export.db"
    cli("export", "datasette", str(out), "--serve", "--port", "8123")
    (command,) = calls
    assert command[1:4] == ["-m", "datasette", "serve"]
    assert str(out) in command and "8123" in command and "--metadata" in command

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    err = cli.fails("export", "datasette", str(out), "--replace", "--serve")
    assert "pip install 'timeline[datasette]'" in err and "datasette " in err


def _contents(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table and view of an export, rows in stored order."""
    conn = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"
            )
        ]
        return {name: conn.execute(f'SELECT * FROM "{name}"').fetchall() for name in names}
    finally:
        conn.close()


def test_export_in_batches_gives_the_same_database(sample_db: str, tmp_path: Path) -> None:
    from timeline.db import Database
    from timeline.io.datasette import EVENT_COLUMNS, build_datasette, event_row
    from timeline.query import Filters, list_events

    database = Database(sample_db)
    seen: list[tuple[int, int]] = []
    exports = {}
    for batch in (1, 3, 10_000):
        out = tmp_path / f"b{batch}.db"
        build_datasette(
            database,
            out,
            tmp_path / f"b{batch}.json",
            batch=batch,
            progress=(lambda done, total: seen.append((done, total))) if batch == 3 else None,
        )
        exports[batch] = _contents(out)
    assert exports[1] == exports[3] == exports[10_000]
    # The rows the export held before it streamed: every kept record, in listing order.
    records = list_events(database, Filters())
    assert exports[1]["events"] == [
        tuple(event_row(r).get(c) for c in EVENT_COLUMNS) for r in records
    ]
    assert [row[1:] for row in exports[1]["event_actors"]] == [
        (r["id"], name_id, a["role"])
        for r in records
        for a in r["actors"]
        for name_id in [dict((n, i) for i, n, *_ in exports[1]["actors"])[a["name"]]]
    ]
    assert seen[0] == (0, len(KEPT)) and seen[-1] == (len(KEPT), len(KEPT))
    assert [done for done, _ in seen] == sorted({0, *range(3, len(KEPT), 3), len(KEPT)})
    database.dispose()


def test_every_exported_event_column_is_described() -> None:
    """The events table's columns (with their types) and the metadata's descriptions
    are declared in two modules; they must name the same columns."""
    from timeline.io import datasette, datasette_metadata

    assert set(datasette_metadata.EVENT_COLUMNS) == set(datasette.EVENT_COLUMNS)
