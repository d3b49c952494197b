"""The SQLite fast path of the import gives what the Python path gives, line for line."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import events
from timeline.db import Database, init_database
from timeline.io import bulk
from timeline.io.interchange import export_records, import_file


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
        if rng.random() < 0.05:
            out.append("")
        out.append(json.dumps(r, ensure_ascii=rng.random() < 0.5))
    return out


def _import(path: Path, db: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    init_database(str(db))
    if not fast:
        monkeypatch.setattr(bulk, "sqlite_json_import", None)
    result = import_file(Database(str(db)), path, skip_invalid=True)
    monkeypatch.undo()
    database = Database(str(db))
    history = database.rows(
        "SELECT event_uid, action, before, after, note FROM changes ORDER BY event_uid, id"
    )
    # Row ids of links and actors follow insertion order, which differs; the
    # export (actors and sources in their order) and the events table do not.
    rows = {
        "events": database.rows("SELECT * FROM events ORDER BY id"),
        "actors": database.rows("SELECT name, kind, aliases FROM actors ORDER BY name"),
        "documents": database.rows("SELECT id, text FROM documents ORDER BY id"),
    }
    for row in rows["events"]:
        row.pop("created_at") if row["created_at"] > "2026-11-01" else None
        row.pop("updated_at") if row["updated_at"] > "2026-11-01" else None
    out = export_records(database)
    database.dispose()
    return result, [tuple(h.values()) for h in history], rows, out


def test_fast_path_matches_python_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    fast = _import(source, tmp_path / "fast.db", True, monkeypatch)
    slow = _import(source, tmp_path / "slow.db", False, monkeypatch)
    assert fast[0] == slow[0]  # the same count and the same skipped lines, same reasons
    assert fast[0].skipped and fast[0].imported > 300
    assert fast[2] == slow[2]
    # One short change per imported event: its file and line, no second copy of the record.
    assert fast[1] == slow[1]
    assert len(fast[1]) == fast[0].imported
    assert {h[1:4] for h in fast[1]} == {("import", None, None)}
    assert {h[4].split(", line ")[0] for h in fast[1]} == {"in.jsonl"}
    strip = [{k: v for k, v in r.items() if v is None or str(v) < "2026-11"} for r in fast[3]]
    assert strip == [
        {k: v for k, v in r.items() if v is None or str(v) < "2026-11"} for r in slow[3]
    ]
