"""A file parsed by the import's worker process gives what parsing in-process gives."""

from __future__ import annotations

import io
import json
import random
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import events
from timeline.db import Database
from timeline.errors import ImportFailed, TimelineError
from timeline.io import bulk_parse, bulk_validate, bulk_worker
from timeline.io.interchange import export_records, import_file
from timeline.migrate import init_database


def _lines() -> list[str]:
    rng = random.Random(3)
    out: list[str] = []
    for n, record in enumerate(events(400, seed=5)):
        r: dict[str, Any] = dict(record)
        pick = n % 17
        if pick == 1:
            del r["intensity"]  # default from the CAMEO code (Python path)
        elif pick == 2:
            r.update(direction=None, status="", cameo_code="", date_text="")
        elif pick == 3:
            r.update(confidence=1, intensity=7)  # whole numbers
        elif pick == 4:
            r["actors"] = [*r["actors"], dict(r["actors"][0])]  # same actor twice
        elif pick == 5:
            r["id"] = f"g{(n - 5):08d}"  # an id used on an earlier line
        elif pick == 6:
            r["category"] = "Strike "  # normalised by the Python path
        elif pick == 7:
            r["sources"] = [{"document": "doc-ü", "start": 3, "end": 9, "quote": None}]
        elif pick == 8:
            r["actors"] = [{"name": " Oman ", "role": "intermediary"}, {"name": "oman"}]
        elif pick == 9:
            r.update(date_start="2020-02-30")
        elif pick == 10:
            r.update(summary="Ōman ☢ 'quoted' %_;", created_at=None, updated_at="")
        elif pick == 11:
            out.append("{not json")
            continue
        elif pick == 12:
            r["colour"] = "red"
        elif pick == 13:
            r["confidence"] = 0.1 + 0.2  # needs 17 digits
        elif pick == 14:  # a key twice: JSON readers keep the last one
            out.append(json.dumps(r)[:-1] + ', "summary": "the second summary"}')
            continue
        elif pick == 15:
            del r["id"]  # the import makes one up
        elif pick == 16:  # a span of a document whose text is known: the quote from it
            r["sources"] = [{"document": "doc-with-text", "start": 4, "end": 9}]
        if rng.random() < 0.05:
            out.append("")
        out.append(json.dumps(r, ensure_ascii=rng.random() < 0.5))
    return out


def _given(uid: str) -> str | None:
    """The id as the file gave it (the generator's), None for one the import made up."""
    return uid if re.fullmatch(r"g[0-9]{8}", uid) else None


def _import(path: Path, db: str, worker: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    init_database(db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO documents (id, text, created_at) "
            "VALUES ('doc-with-text', 'The quick brown fox', '2026-01-01')"
        )
    conn.close()
    monkeypatch.setattr(bulk_worker, "WORKER_MIN_BYTES", 0 if worker else 10**12)
    started: list[int] = []

    class Counted(bulk_worker.Worker):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            started.append(self.proc.pid)

    monkeypatch.setattr(bulk_worker, "Worker", Counted)
    result = import_file(Database(db), path, skip_invalid=True)
    monkeypatch.undo()
    assert len(started) == (1 if worker else 0)
    database = Database(db)
    # Ids the import made up (lines without one) differ from run to run.
    history = database.rows(
        "SELECT event_uid, action, before, after, note FROM changes ORDER BY id"
    )
    for change in history:
        change["event_uid"] = _given(change["event_uid"])
    # Row ids of links and actors follow insertion order, which differs; the
    # export (actors and sources in their order) and the events table do not.
    rows = {
        "events": database.rows("SELECT * FROM events ORDER BY id"),
        "actors": database.rows("SELECT name, kind, aliases FROM actors ORDER BY name"),
        "documents": database.rows("SELECT id, text FROM documents ORDER BY id"),
    }
    for row in rows["events"]:
        row["uid"] = _given(row["uid"])
        row.pop("created_at") if row["created_at"] > "2026-11-01" else None
        row.pop("updated_at") if row["updated_at"] > "2026-11-01" else None
    out = export_records(database)
    database.dispose()
    return result, [tuple(h.values()) for h in history], rows, out


def test_worker_matches_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "in.jsonl"
    # Several batches; the copies repeat ids (reported as such).
    lines = _lines()
    copies = 2 * bulk_parse.BATCH // len(lines) + 1
    source.write_text("\n".join(lines * copies) + "\n", encoding="utf-8")
    fast = _import(source, str(tmp_path / "fast.db"), True, monkeypatch)
    slow = _import(source, str(tmp_path / "slow.db"), False, monkeypatch)
    assert fast[0] == slow[0]  # the same count and the same skipped lines, same reasons
    assert fast[0].skipped and fast[0].imported > 300
    assert fast[2] == slow[2]
    # One short change per imported event: its file and line, no second copy of the record.
    assert fast[1] == slow[1]
    assert len(fast[1]) == fast[0].imported
    assert {h[1:4] for h in fast[1]} == {("import", None, None)}
    assert {h[4].split(", line ")[0] for h in fast[1]} == {"in.jsonl"}
    quotes = [s["quote"] for r in fast[3] for s in r["sources"] if s["document"] == "doc-with-text"]
    assert quotes and set(quotes) == {"quick"}
    assert any(h[0] is None for h in fast[1])  # lines without an id got one
    strip = [{k: v for k, v in r.items() if v is None or str(v) < "2026-11"} for r in fast[3]]
    assert strip == [
        {k: v for k, v in r.items() if v is None or str(v) < "2026-11"} for r in slow[3]
    ]


def test_worker_stops_when_the_importer_is_gone(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_lines() * 20) + "\n", encoding="utf-8")
    worker = bulk_worker.Worker(source, "jsonl", 1, "2026-01-01T00:00:00+00:00")
    try:
        assert worker.proc.stdout is not None
        worker.proc.stdout.close()  # as when the importing process is killed
        assert worker.proc.wait(timeout=60) == 0
    finally:
        worker.close()


def test_worker_reports_a_file_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "latin1.jsonl"
    text = "\n".join(_lines()) + "\n"
    source.write_bytes(text.encode() + '{"summary": "caf\xe9"}\n'.encode("latin-1"))
    init_database(str(tmp_path / "t.db"))
    monkeypatch.setattr(bulk_worker, "WORKER_MIN_BYTES", 0)
    with pytest.raises(ImportFailed, match=r"is not UTF-8 text \(byte \d+\); convert it"):
        import_file(Database(str(tmp_path / "t.db")), source)
    assert Database(str(tmp_path / "t.db")).rows("SELECT count(*) AS n FROM events") == [{"n": 0}]


def test_a_worker_that_dies_is_reported_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    worker = bulk_worker.Worker(source, "jsonl", 1, "2026-01-01T00:00:00+00:00")
    try:
        worker.proc.kill()  # as the kernel's out-of-memory killer would
        with pytest.raises(TimelineError, match="parsing process stopped") as caught:
            list(worker)
        assert "\n" not in str(caught.value)
    finally:
        worker.close()


def test_a_message_cut_short_is_reported_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    worker = bulk_worker.Worker(source, "jsonl", 1, "2026-01-01T00:00:00+00:00")
    try:
        worker.proc.kill()
        worker.proc.wait()
        assert worker.proc.stdout is not None
        worker.proc.stdout.close()  # what it wrote is replaced by half a message
        worker.proc.stdout = io.BytesIO((1000).to_bytes(4, "big") + b"\xe9" * 10)
        with pytest.raises(TimelineError, match="parsing process stopped"):
            list(worker)
    finally:
        worker.close()


def test_the_fast_row_is_the_reference_validators_row() -> None:
    """Wherever the fast path accepts a record, the reference validator gives the same row
    (same values and types: 1 and 1.0 differ here); elsewhere it declines, nothing appended."""
    stamp = "2026-01-01T00:00:00+00:00"
    odd: list[dict[str, Any]] = [
        {"intensity": 2**70},
        {"intensity": True},
        {"confidence": False},
        {"actors": {}, "sources": ""},
        {"actors": "ab"},
        {"date_start": "2020-W01-1"},
        {"date_start": "2021-01-01"},
        {"id": "bad id!"},
        {"date_precision": ["day"]},
        {"cameo_code": " 19"},
        {"sources": [{"document": "d", "start": True}]},
        {"summary": "", "created_at": "", "updated_at": "", "status": "", "intensity": 3},
        {"created_at": "2025-05-05T00:00:00+00:00", "direction": None, "intensity": None},
    ]
    base = {
        "date_start": "2020-01-01",
        "date_end": "2020-12-31",
        "date_precision": "year",
        "category": "strike",
    }
    records = []
    for line in _lines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    records += [{**base, **o} for o in odd]
    accepted = 0
    for number, record in enumerate(records, start=1):
        actors: list[Any] = []
        mentions: list[Any] = []
        try:
            row = bulk_validate.fast_row(record, number, stamp, actors, mentions)
        except (ValueError, TypeError):
            assert actors == mentions == []
            continue
        accepted += 1
        uid, cols, names, sources = bulk_validate.validate(record)
        created = cols[14] or stamp
        assert repr(row) == repr((number, uid, *cols[:14], created, cols[15] or created))
        assert actors == [(number, name, role) for name, role in names]
        assert mentions == [(number, d, s, e, q, "hand", stamp) for d, s, e, q in sources]
    assert accepted > len(records) // 2
