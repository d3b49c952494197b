"""Migrations on real data: a database made at the first migration and filled with
100,000 events upgrades to the newest schema with every row intact."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from timeline.db import HEAD, KNOWN_REVISIONS, Database
from timeline.migrate import upgrade

EVENTS = 100_000
TABLES = ("events", "actors", "event_actors", "documents", "mentions", "changes")


def _fill(database: Database) -> None:
    """Raw inserts in the shape of the first schema (fast: no ORM, one transaction)."""
    import sqlite3

    from timeline.config import sqlite_path

    conn = sqlite3.connect(sqlite_path(database.url))
    stamp = "2026-01-01T00:00:00+00:00"
    precisions = ("day", "week", "month", "year", "decade", "range")
    with conn:
        conn.executemany(
            "INSERT INTO actors (id, name, kind, country, aliases) VALUES (?, ?, 'state', ?, ?)",
            [
                (i, f"Actor {i}", "IRN" if i % 2 else None, json.dumps([f"A{i}"]))
                for i in range(1, 21)
            ],
        )
        conn.executemany(
            "INSERT INTO documents (id, title, created_at) VALUES (?, ?, ?)",
            [(f"doc-{i}", f"Title {i} – ü", stamp) for i in range(1000)],
        )
        conn.executemany(
            "INSERT INTO events (id, uid, date_start, date_end, date_precision, date_text, "
            "span_days, category, subtype, summary, location, direction, intensity, cameo_code, "
            "status, confidence, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'strike', NULL, ?, 'Baghdad', 'escalation', -10.0, "
            "'190', 'confirmed', ?, ?, ?)",
            (
                (
                    i,
                    f"m{i:07d}",
                    f"{1979 + i % 47}-01-01",
                    f"{1979 + i % 47}-01-{1 + i % 28:02d}",
                    precisions[i % len(precisions)],
                    None if i % 3 else f"text {i}",
                    i % 28,
                    f"summary {i} 'quoted' ; DROP TABLE events; -- ✓",
                    (i % 100) / 100,
                    stamp,
                    stamp,
                )
                for i in range(1, EVENTS + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
            ((i, 1 + i % 20, "initiator") for i in range(1, EVENTS + 1)),
        )
        conn.executemany(
            "INSERT INTO mentions (event_id, document_id, char_start, char_end, quote, extractor, "
            "created_at) VALUES (?, ?, ?, ?, ?, 'hand', ?)",
            (
                (i, f"doc-{i % 1000}", i % 50, i % 50 + 60, None, stamp)
                for i in range(1, EVENTS + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO changes (event_uid, action, before, after, at, author, note) "
            "VALUES (?, 'import', NULL, ?, ?, 'curator', NULL)",
            ((f"m{i:07d}", json.dumps({"n": i}), stamp) for i in range(1, EVENTS + 1)),
        )
    conn.close()


def _fingerprint(database: Database) -> dict[str, tuple[int, str]]:
    """Row count and a digest of every row of every table, in primary key order."""
    out = {}
    for table in TABLES:
        rows = database.rows(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608
        digest = hashlib.sha256()
        for row in rows:
            digest.update(json.dumps(row, sort_keys=True, default=str).encode())
        out[table] = (len(rows), digest.hexdigest())
    return out


def test_first_revision_with_100k_events_upgrades_intact(tmp_path: Path) -> None:
    path = str(tmp_path / "old.db")
    Path(path).touch()
    first = KNOWN_REVISIONS[0]
    assert upgrade(path, first) == first
    database = Database(path)
    _fill(database)
    database._checked = True  # read the old schema without the "too old" refusal
    before = _fingerprint(database)
    database.dispose()
    assert before["events"][0] == EVENTS

    assert upgrade(path, "head") == HEAD
    after_db = Database(path)
    after_db.check_schema()
    assert _fingerprint(after_db) == before
    import sqlite3

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    after_db.dispose()
