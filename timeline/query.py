"""Filters -> one SQL query in chronological order, and the listings built on it.

The SQL is plain text with ``:name`` parameters so the same statement runs on
the standard library's ``sqlite3`` (fast start-up) and on SQLAlchemy for
PostgreSQL. User values only ever travel as parameters. Overlap windows
(``--from`` without ``--within``) are planned in :mod:`timeline.query_window`;
the events found are read as interchange records by :mod:`timeline.query_records`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from timeline.dates import PRECISION_RANK, shifted
from timeline.errors import InvalidValue
from timeline.query_records import Fetch, Row, load_records, sqlite_records

if TYPE_CHECKING:
    from timeline.db import Database

_RANK_SQL = (
    "CASE e.date_precision "
    + " ".join(f"WHEN '{name}' THEN {rank}" for name, rank in PRECISION_RANK.items())
    + " ELSE 99 END"
)

DEFAULT_STATUSES = ("confirmed", "candidate")


MAX_ROWS = 2**61
"""The largest limit or offset passed on to the database."""


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
        # More rows than any database holds means all of them (and stays a number
        # SQLite and PostgreSQL can bind, offset + limit included).
        if self.limit is not None:
            self.limit = min(self.limit, MAX_ROWS)
        self.offset = min(self.offset, MAX_ROWS)


class _Params:
    def __init__(self, prefix: str = "p") -> None:
        self.prefix = prefix
        self.values: dict[str, Any] = {}

    def add(self, value: Any) -> str:
        name = f"{self.prefix}{len(self.values)}"
        self.values[name] = value
        return f":{name}"

    def many(self, values: Sequence[Any]) -> str:
        return ", ".join(self.add(v) for v in values)


def like_escape(text: str) -> str:
    """``text`` for a ``LIKE ... ESCAPE '\\'`` pattern: its ``%`` and ``_`` are literal."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


ACTOR_MATCH = (
    "({a}name = {raw} OR lower({a}name) = {low} OR lower({a}aliases) LIKE {alias} ESCAPE '\\')"
)
"""An actor by exact name, lower-cased name or alias. SQLite's ``lower`` folds ASCII
only, so the exact name is tried too: "Ōman" finds "Ōman" on every backend."""


def actor_match(raw: str, low: str, alias: str, table: str = "") -> str:
    return ACTOR_MATCH.format(a=f"{table}." if table else "", raw=raw, low=low, alias=alias)


def actor_params(name: str) -> tuple[str, str, str]:
    """(exact name, lower-cased name, alias pattern) for :func:`actor_match`."""
    raw = name.strip()
    low = raw.lower()
    return raw, low, f"%{like_escape(json.dumps(low))}%"


def _actor_clause(p: _Params, names: Sequence[str], role: str | None) -> str:
    """Events with an actor (by name or alias, any case) in ``role`` (None: any)."""
    tests = []
    for name in names:
        raw, low, alias = actor_params(name)
        tests.append(actor_match(p.add(raw), p.add(low), p.add(alias), "a"))
    role_sql = f" AND ea.role = {p.add(role)}" if role else ""
    return (
        "e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
        f"WHERE ({' OR '.join(tests)}){role_sql})"
    )


def build_query(
    filters: Filters,
    longest_span: int | None = None,
    precision: str | None = None,
    prefix: str = "p",
    start_bound: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """The SQL selecting event ids (and their dates) in order, and its parameters.

    ``longest_span`` (days) lets an overlap window bound ``date_start`` from
    below so the date index limits the scan; ``precision`` restricts the query
    to events of that date precision (see :func:`timeline.query_window.window_ids`);
    ``start_bound`` (an ISO day) keeps only events starting on or before it (on
    or after it in descending order).
    """
    p = _Params(prefix)
    where: list[str] = []
    f = filters
    if precision is not None:
        where.append(f"e.date_precision = {p.add(precision)}")
    # ``start_bound`` tightens the existing bound on date_start rather than
    # adding one: a third range term makes SQLite prefer a worse index.
    before = start_bound if start_bound is not None and f.order != "desc" else None
    after = start_bound if start_bound is not None and f.order == "desc" else None
    if f.date_to is not None:
        if f.within:
            where.append(f"e.date_end <= {p.add(f.date_to)}")
        else:
            highest: date | str = f.date_to
            if before is not None:
                highest, before = min(f.date_to.isoformat(), before), None
            where.append(f"e.date_start <= {p.add(highest)}")
    if before is not None:
        where.append(f"e.date_start <= {p.add(before)}")
    if f.date_from is not None:
        if f.within:
            where.append(f"e.date_start >= {p.add(f.date_from)}")
        else:
            where.append(f"e.date_end >= {p.add(f.date_from)}")
            if longest_span is not None:
                start = shifted(f.date_from, -longest_span)
                lowest: date | str = start
                if after is not None:
                    lowest, after = max(start.isoformat(), after), None
                where.append(f"e.date_start >= {p.add(lowest)}")
    if after is not None:
        where.append(f"e.date_start >= {p.add(after)}")
    if f.categories:
        where.append(f"e.category IN ({p.many(f.categories)})")
    if f.directions:
        where.append(f"e.direction IN ({p.many(f.directions)})")
    if f.statuses:
        where.append(f"e.status IN ({p.many(f.statuses)})")
    if f.uids:
        where.append(f"e.uid IN ({p.many(f.uids)})")
    if f.text:
        # lower() on both sides, and the text as typed: SQLite folds ASCII only.
        low = p.add(f"%{like_escape(f.text.lower())}%")
        raw = p.add(f"%{like_escape(f.text)}%")
        where.append(
            f"(lower(e.summary) LIKE {low} ESCAPE '\\' OR e.summary LIKE {raw} ESCAPE '\\')"
        )
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
    sql = "SELECT e.id, e.date_start, e.date_end, e.date_precision FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += (
        f" ORDER BY e.date_start {direction}, {_RANK_SQL} {direction}, "
        f"e.date_end {direction}, e.id {direction}"
    )
    if f.limit is not None or f.offset:
        sql += f" LIMIT {p.add(-1 if f.limit is None else f.limit)} OFFSET {p.add(f.offset)}"
    return sql, p.values


def list_ids(fetch: Fetch, filters: Filters) -> list[int]:
    """Event ids matching ``filters``, in listing order."""
    if filters.date_from is not None and not filters.within:
        # Imported here: query_window builds its arms with build_query (an
        # import cycle at module level), and plain listings never need it.
        from timeline.query_window import window_ids

        return window_ids(fetch, filters)
    sql, params = build_query(filters)
    return [int(r["id"]) for r in fetch(sql, params)]


def sqlite_ids(database: Database, filters: Filters) -> list[int]:
    """:func:`list_ids` on SQLite, with rows as tuples (the listing's fast path)."""
    if filters.date_from is not None and not filters.within:
        from timeline.query_window import sqlite_window_ids  # as in list_ids

        return sqlite_window_ids(database, filters)
    sql, params = build_query(filters)
    return [r[0] for r in database.tuples(sql, params)]


def list_events(database: Database, filters: Filters) -> list[Row]:
    """The events matching ``filters``, chronologically, as interchange records.

    On SQLite rows come back as tuples and the ids travel as one JSON array
    (:func:`sqlite_ids`, :func:`sqlite_records`); elsewhere :func:`list_ids`
    and :func:`load_records`. Both give the same records.
    """
    if database.is_sqlite:
        return sqlite_records(database, sqlite_ids(database, filters))
    return load_records(database.rows, list_ids(database.rows, filters))


def iter_events(database: Database, filters: Filters, size: int = 2000) -> Iterator[list[Row]]:
    """:func:`list_events`, ``size`` records at a time: memory stays bounded however
    many events match (the ordered ids are streamed from the database)."""
    if size < 1:
        raise InvalidValue("the batch size must be at least 1")
    sql, params = build_query(filters)
    for rows in database.iter_rows(sql, params, size):
        ids = [int(r["id"]) for r in rows]
        if database.is_sqlite:
            yield sqlite_records(database, ids)
        else:
            yield load_records(database.rows, ids)


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
