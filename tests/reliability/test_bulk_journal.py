"""An import into an empty SQLite database runs with a rollback journal when no one
else has the database open (each page written once), WAL otherwise; the database
is in WAL again afterwards, and other connections work meanwhile."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_io_cli import LINE, write_lines
from timeline import db_sqlite, raw_transaction
from timeline.db import Database
from timeline.errors import DatabaseError, ImportFailed
from timeline.io.interchange import import_file
from timeline.migrate import init_database


@pytest.fixture
def switches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """What each bulk transaction's journal switch answered."""
    seen: list[bool] = []
    real = raw_transaction._bulk_journal

    def spy(conn: sqlite3.Connection) -> bool:
        seen.append(real(conn))
        return seen[-1]

    monkeypatch.setattr(raw_transaction, "_bulk_journal", spy)
    yield seen


def _mode(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def _source(tmp_path: Path, prefix: str, n: int = 5) -> Path:
    lines = [dict(LINE, id=f"{prefix}{i}") for i in range(n)]
    return write_lines(tmp_path / f"{prefix}.jsonl", *lines)


def test_empty_database_rollback_journal_then_wal(tmp_path: Path, switches: list[bool]) -> None:
    db = tmp_path / "t.db"
    init_database(str(db))
    database = Database(str(db))
    database.rows("SELECT 1")  # this object's own read connection is open
    assert import_file(database, _source(tmp_path, "a")).imported == 5
    # A second import: the database holds events now, so WAL throughout.
    assert import_file(database, _source(tmp_path, "b")).imported == 5
    assert switches == [True, False]
    assert _mode(db) == "wal"
    assert not (tmp_path / "t.db-journal").exists()
    assert database.rows("SELECT count(*) AS n FROM events") == [{"n": 10}]
    database.dispose()


def test_another_connection_keeps_wal(tmp_path: Path, switches: list[bool]) -> None:
    db = tmp_path / "t.db"
    init_database(str(db))
    other = sqlite3.connect(db)
    other.execute("SELECT count(*) FROM events").fetchall()
    try:
        assert import_file(Database(str(db)), _source(tmp_path, "a")).imported == 5
    finally:
        other.close()
    assert switches == [False]
    assert _mode(db) == "wal"


def test_a_failed_import_goes_back_to_wal(tmp_path: Path, switches: list[bool]) -> None:
    db = tmp_path / "t.db"
    init_database(str(db))
    bad = write_lines(tmp_path / "bad.jsonl", dict(LINE, id="x1"), "{not json")
    with pytest.raises(ImportFailed, match="line 2"):
        import_file(Database(str(db)), bad)
    assert switches == [True]
    assert _mode(db) == "wal"
    assert Database(str(db)).rows("SELECT count(*) AS n FROM events") == [{"n": 0}]


def test_readers_work_while_a_load_holds_a_rollback_journal(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    init_database(str(db))
    loader = sqlite3.connect(db, isolation_level=None)
    assert loader.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    loader.execute("BEGIN IMMEDIATE")
    loader.execute("INSERT INTO actors (name, kind, aliases) VALUES ('Oman', 'state', '[]')")
    try:
        # A reader opening now cannot switch the database to WAL; it reads anyway.
        reader = Database(str(db))
        assert reader.rows("SELECT count(*) AS n FROM actors") == [{"n": 0}]
        reader.dispose()
    finally:
        loader.execute("COMMIT")
        loader.execute("PRAGMA journal_mode = WAL")
        loader.close()


def test_a_read_kept_waiting_by_a_load_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.db"
    init_database(str(db))
    monkeypatch.setattr(db_sqlite, "BUSY_TIMEOUT_S", 0.2)
    loader = sqlite3.connect(db, isolation_level=None)
    assert loader.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    loader.execute("BEGIN EXCLUSIVE")  # as a load does once its pages spill to the file
    try:
        reader = Database(str(db))
        with pytest.raises(DatabaseError, match="stayed locked .* try again"):
            reader.rows("SELECT count(*) AS n FROM events")
        reader.dispose()
    finally:
        loader.execute("ROLLBACK")
        loader.execute("PRAGMA journal_mode = WAL")
        loader.close()
