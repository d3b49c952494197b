"""An import into an empty database drops the secondary indexes and builds them again
at the end, inside its transaction: the schema afterwards is the migrated one."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import events
from timeline.db import Database
from timeline.errors import ImportFailed
from timeline.io.interchange import import_file


def schema(db: str) -> list[Any]:
    """Every table, column, constraint and index, as the database describes them."""
    database = Database(db)
    try:
        if database.is_sqlite:
            return database.rows(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
            )
        columns = database.rows(
            "SELECT table_name, column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "ORDER BY table_name, ordinal_position"
        )
        constraints = database.rows(
            "SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def "
            "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
            "ORDER BY conname"
        )
        indexes = database.rows(
            "SELECT tablename, indexname, replace(indexdef, current_schema() || '.', '') AS def "
            "FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
        )
        return [columns, constraints, indexes]
    finally:
        database.dispose()


def write(path: Path, records: list[dict[str, Any]], bad: dict[str, Any]) -> Path:
    """The records and one bad line, as jsonl (the SQL path on SQLite) or csv (Python)."""
    rows = [*records, bad]
    if path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return path
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]), lineterminator="\n")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()})
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_schema_after_import_is_the_migrated_one(db: str, tmp_path: Path, suffix: str) -> None:
    migrated = schema(db)
    assert "ix_events_category_date_start" in json.dumps(migrated)
    records = [dict(r) for r in events(300, seed=2)]
    path = write(tmp_path / f"in{suffix}", records, dict(records[0], id="bad", category="strke"))
    # A failed import (all or nothing) leaves the schema as it was...
    with pytest.raises(ImportFailed):
        import_file(Database(db), path)
    assert schema(db) == migrated
    # ...and so does one into the empty database (indexes dropped, built again)...
    assert import_file(Database(db), path, skip_invalid=True).imported == 300
    assert schema(db) == migrated
    # ...and one into a database that already holds events (indexes kept).
    more = [dict(r, id=f"m{n}") for n, r in enumerate(records[:20])]
    path = write(tmp_path / f"more{suffix}", more, dict(more[0], id="bad2", category="strke"))
    assert import_file(Database(db), path, skip_invalid=True).imported == 20
    assert schema(db) == migrated
    database = Database(db)
    assert database.rows("SELECT count(*) AS n FROM events")[0]["n"] == 320
    database.dispose()
