"""Filters -> one SQL query in chronological order, and events as interchange records.

The SQL is plain text with ``:name`` parameters so the same statement runs on
the standard library's ``sqlite3`` (fast start-up) and on SQLAlchemy for
PostgreSQL. User values only ever travel as parameters.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from timeline.dates import PRECISION_RANK
from timeline.errors import InvalidValue

if TYPE_CHECKING:
    from timeline.db import Database

Row = dict[str, Any]
Fetch = Callable[[str, Mapping[str, Any]], list[Row]]

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

_RANK_SQL = (
    "CASE e.date_precision "
    + " ".join(f"WHEN '{name}' THEN {rank}" for name, rank in PRECISION_RANK.items())
    + " ELSE 99 END"
)

DEFAULT_STATUSES = ("confirmed", "candidate")


@dataclass
class Filters:
    """What ``timeline list`` can ask for. Dates are inclusive day bounds."""

    date_from: date | None = None
    date_to: date | None = None
    within: bool = False
    categories: Sequence[str] = ()
    actors: Sequence[str] = ()
    initiators: Sequence[str] = ()
    targets: Sequence[str] = ()
    intermediaries: Sequence[str] = ()
    directions: Sequence[str] = ()
    statuses: Sequence[str] = DEFAULT_STATUSES
    text: str | None = None
    source: str | None = None
    limit: int | None = None
    offset: int = 0
    order: str = "asc"
    uids: Sequence[str] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidValue(
                f"--from ({self.date_from}) is after --to ({self.date_to}); swap them"
            )
        if self.order not in ("asc", "desc"):
            raise InvalidValue(f"unknown order {self.order!r}; use asc or desc")
        if self.limit is not None and self.limit < 0:
            raise InvalidValue("--limit must be zero or more")
        if self.offset < 0:
            raise InvalidValue("--offset must be zero or more")


class _Params:
    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def add(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f":{name}"

    def many(self, values: Sequence[Any]) -> str:
        return ", ".join(self.add(v) for v in values)


def _actor_clause(p: _Params, names: Sequence[str], role: str | None) -> str:
    """Events with an actor (by name or alias, any case) in ``role`` (None: any)."""
    tests = []
    for name in names:
        low = name.strip().lower()
        alias = json.dumps(low)
        tests.append(
            f"(lower(a.name) = {p.add(low)} OR lower(a.aliases) LIKE {p.add(f'%{alias}%')})"
        )
    role_sql = f" AND ea.role = {p.add(role)}" if role else ""
    return (
        "e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
        f"WHERE ({' OR '.join(tests)}){role_sql})"
    )


def build_query(filters: Filters, longest_span: int | None = None) -> tuple[str, dict[str, Any]]:
    """The SQL selecting event ids in order, and its parameters.

    ``longest_span`` (days) lets an overlap window bound ``date_start`` from
    below so the date index limits the scan.
    """
    p = _Params()
    where: list[str] = []
    f = filters
    if f.date_to is not None:
        column = "e.date_end" if f.within else "e.date_start"
        where.append(f"{column} <= {p.add(f.date_to)}")
    if f.date_from is not None:
        if f.within:
            where.append(f"e.date_start >= {p.add(f.date_from)}")
        else:
            where.append(f"e.date_end >= {p.add(f.date_from)}")
            if longest_span is not None:
                lowest = f.date_from - timedelta(days=longest_span)
                where.append(f"e.date_start >= {p.add(lowest)}")
    if f.categories:
        where.append(f"e.category IN ({p.many(f.categories)})")
    if f.directions:
        where.append(f"e.direction IN ({p.many(f.directions)})")
    if f.statuses:
        where.append(f"e.status IN ({p.many(f.statuses)})")
    if f.uids:
        where.append(f"e.uid IN ({p.many(f.uids)})")
    if f.text:
        escaped = f.text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.append(f"lower(e.summary) LIKE {p.add(f'%{escaped}%')} ESCAPE '\\'")
    if f.source:
        where.append(
            f"e.id IN (SELECT m.event_id FROM mentions m WHERE m.document_id = {p.add(f.source)})"
        )
    for names, role in (
        (f.actors, None),
        (f.initiators, "initiator"),
        (f.targets, "target"),
        (f.intermediaries, "intermediary"),
    ):
        if names:
            where.append(_actor_clause(p, names, role))
    direction = "DESC" if f.order == "desc" else "ASC"
    sql = "SELECT e.id FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += (
        f" ORDER BY e.date_start {direction}, {_RANK_SQL} {direction}, "
        f"e.date_end {direction}, e.id {direction}"
    )
    if f.limit is not None or f.offset:
        sql += f" LIMIT {p.add(-1 if f.limit is None else f.limit)} OFFSET {p.add(f.offset)}"
    return sql, p.values


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


def longest_span(fetch: Fetch) -> int:
    found = fetch("SELECT max(span_days) AS m FROM events", {})
    return int(found[0]["m"] or 0) if found else 0


def list_events(database: Database, filters: Filters) -> list[Row]:
    """The events matching ``filters``, chronologically, as interchange records."""
    fetch = database.rows
    span = longest_span(fetch) if filters.date_from is not None and not filters.within else None
    sql, params = build_query(filters, span)
    ids = [r["id"] for r in fetch(sql, params)]
    return load_records(fetch, ids)


def count_events(database: Database) -> int:
    return int(database.rows("SELECT count(*) AS n FROM events")[0]["n"])


def list_findings(
    database: Database, document: str | None = None, reason: str | None = None
) -> list[Row]:
    """What extraction kept aside: undated events and planned/possible/denied ones."""
    where, params = [], {}
    if document:
        where.append("document_id = :d")
        params["d"] = document
    if reason:
        where.append("reason = :r")
        params["r"] = reason
    sql = (
        "SELECT id, document_id AS document, char_start AS start, char_end AS end_, quote, "
        "category, subtype, cameo_code, actors, modality, reason, date_text, date_start, "
        "date_end, date_precision, confidence FROM findings"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY document_id, char_start, id"
    )
    rows = database.rows(sql, params)
    for row in rows:
        row["end"] = row.pop("end_")
        row["actors"] = json.loads(row["actors"] or "[]")
    return rows
