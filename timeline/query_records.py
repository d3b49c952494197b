"""Events as interchange records (:data:`EVENT_FIELDS`), loaded by their integer ids.

:func:`load_records` runs on any backend (rows as dicts, the ids in chunks);
:func:`sqlite_records`, the listing's fast path on SQLite, reads rows as tuples
and passes the ids as one JSON array. Both give the same records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.db import Database

Row = dict[str, Any]
Fetch = Callable[[str, Mapping[str, Any]], list[Row]]
"""A read query run with ``:name`` parameters (:meth:`timeline.db.Database.rows`)."""

EVENT_FIELDS = (
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "category",
    "subtype",
    "summary",
    "location",
    "direction",
    "intensity",
    "cameo_code",
    "status",
    "confidence",
    "actors",
    "sources",
    "created_at",
    "updated_at",
)
"""The interchange format, in its key order."""


def _in(fetch: Fetch, sql: str, ids: Sequence[int]) -> list[Row]:
    rows: list[Row] = []
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        names = {f"i{n}": v for n, v in enumerate(chunk)}
        rows.extend(fetch(sql.format(ids=", ".join(f":{n}" for n in names)), names))
    return rows


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def load_records(fetch: Fetch, ids: Sequence[int]) -> list[Row]:
    """Events with these integer ids as interchange records, in the same order."""
    if not ids:
        return []
    events = {
        r["pk"]: r
        for r in _in(
            fetch,
            "SELECT id AS pk, uid AS id, date_start, date_end, date_precision, date_text, "
            "category, subtype, summary, location, direction, intensity, cameo_code, status, "
            "confidence, created_at, updated_at FROM events WHERE id IN ({ids})",
            ids,
        )
    }
    actors: dict[int, list[Row]] = {}
    for r in _in(
        fetch,
        "SELECT ea.event_id, a.name, ea.role FROM event_actors ea "
        "JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN ({ids}) ORDER BY ea.id",
        ids,
    ):
        actors.setdefault(r["event_id"], []).append({"name": r["name"], "role": r["role"]})
    sources: dict[int, list[Row]] = {}
    for r in _in(
        fetch,
        "SELECT event_id, document_id, char_start, char_end, quote FROM mentions "
        "WHERE event_id IN ({ids}) ORDER BY id",
        ids,
    ):
        sources.setdefault(r["event_id"], []).append(
            {
                "document": r["document_id"],
                "start": r["char_start"],
                "end": r["char_end"],
                "quote": r["quote"],
            }
        )
    records = []
    for pk in ids:
        row = events.get(pk)
        if row is None:
            continue
        row = {k: _iso(v) for k, v in row.items()}
        row["intensity"] = float(row["intensity"])
        row["actors"] = actors.get(pk, [])
        row["sources"] = sources.get(pk, [])
        records.append({k: row[k] for k in EVENT_FIELDS})
    return records


_EVENT_COLUMNS_SQL = (
    "SELECT id, uid, date_start, date_end, date_precision, date_text, category, subtype, "
    "summary, location, direction, intensity, cameo_code, status, confidence, created_at, "
    "updated_at FROM events WHERE id IN (SELECT value FROM json_each(:ids))"
)
_ACTORS_SQL = (
    "SELECT ea.event_id, a.name, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
    "WHERE ea.event_id IN (SELECT value FROM json_each(:ids)) ORDER BY ea.id"
)
_SOURCES_SQL = (
    "SELECT event_id, document_id, char_start, char_end, quote FROM mentions "
    "WHERE event_id IN (SELECT value FROM json_each(:ids)) ORDER BY id"
)


def sqlite_records(database: Database, ids: Sequence[int]) -> list[Row]:
    """:func:`load_records` on SQLite: three set-based queries, ids passed as one JSON array."""
    if not ids:
        return []
    param = {"ids": json.dumps(list(ids))}
    actors: dict[int, list[Row]] = {}
    for event_id, name, role in database.tuples(_ACTORS_SQL, param):
        found = actors.get(event_id)
        if found is None:
            actors[event_id] = found = []
        found.append({"name": name, "role": role})
    sources: dict[int, list[Row]] = {}
    for event_id, document, start, end, quote in database.tuples(_SOURCES_SQL, param):
        found = sources.get(event_id)
        if found is None:
            sources[event_id] = found = []
        found.append({"document": document, "start": start, "end": end, "quote": quote})
    events = {row[0]: row for row in database.tuples(_EVENT_COLUMNS_SQL, param)}
    records = []
    for pk in ids:
        row = events.get(pk)
        if row is None:
            continue
        records.append(
            {
                "id": row[1],
                "date_start": row[2],
                "date_end": row[3],
                "date_precision": row[4],
                "date_text": row[5],
                "category": row[6],
                "subtype": row[7],
                "summary": row[8],
                "location": row[9],
                "direction": row[10],
                "intensity": float(row[11]),
                "cameo_code": row[12],
                "status": row[13],
                "confidence": row[14],
                "actors": actors.get(pk, []),
                "sources": sources.get(pk, []),
                "created_at": row[15],
                "updated_at": row[16],
            }
        )
    return records
