"""Overlap windows (``list --from`` without ``--within``) as index-bounded queries.

An overlap window cannot bound ``date_start`` by itself: an event that started
long before ``--from`` still overlaps it. Each date precision's longest stored
span gives that bound, so there is one query ("arm") per precision present,
each served by the ``(date_precision, [category,] date_start)`` indexes (see
:func:`window_ids`); on SQLite the arms run one by one, each bounded by the
rows already found (:func:`sqlite_window_ids`). The SQL of each arm is
:func:`timeline.query.build_query`'s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from timeline.dates import PRECISION_RANK, PRECISIONS, shifted
from timeline.query import Filters, build_query
from timeline.query_records import Fetch

if TYPE_CHECKING:
    from timeline.db import Database


def precision_spans(fetch: Fetch) -> dict[str, int]:
    """The longest stored span (days) of each date precision present.

    One index probe each on ``(date_precision, span_days)``.
    """
    sql = " UNION ALL ".join(
        f"SELECT {rank} AS r, (SELECT max(span_days) FROM events WHERE date_precision = :p{rank})"
        " AS m"
        for rank in range(len(PRECISIONS))
    )
    found = fetch(sql, {f"p{rank}": name for rank, name in enumerate(PRECISIONS)})
    return {PRECISIONS[int(r["r"])]: int(r["m"]) for r in found if r["m"] is not None}


def window_arms(fetch: Fetch, filters: Filters) -> list[tuple[str, str, dict[str, Any]]]:
    """One statement per date precision present, each bounded by its longest span
    and returning at most ``offset + limit`` rows in order (see :func:`window_ids`):
    ``(precision, sql, params)``."""
    need = None if filters.limit is None else filters.offset + filters.limit
    arm = replace(filters, limit=need, offset=0)
    return [
        (precision, *build_query(arm, span, precision, prefix=f"{precision}_"))
        for precision, span in precision_spans(fetch).items()
    ]


def window_query(fetch: Fetch, filters: Filters) -> tuple[str, dict[str, Any]]:
    """The arms of :func:`window_arms` as one statement ("" when there are no events)."""
    arms, params = [], {}
    for precision, sql, values in window_arms(fetch, filters):
        arms.append(f"SELECT * FROM ({sql}) AS {precision}_arm")
        params.update(values)
    return " UNION ALL ".join(arms), params


def window_ids(fetch: Fetch, filters: Filters) -> list[int]:
    """Ids for an overlap window (``--from`` without ``--within``), in listing order.

    An event overlaps from ``date_from`` on when ``date_end >= date_from``; its
    ``date_start`` is then at least ``date_from`` minus its span. Bounding by
    the longest span in the whole database would make one decade-long event
    widen every scan by ten years, so there is one query per date precision,
    each bounded by that precision's own longest span and served by the
    ``(date_precision, [category,] date_start)`` indexes; each returns at most
    ``offset + limit`` rows in order, and the merge keeps the listing order
    (date, finer precision first, end, id).
    """
    need = None if filters.limit is None else filters.offset + filters.limit
    sql, params = window_query(fetch, filters)
    rows = fetch(sql, params) if sql else []
    rows.sort(
        key=lambda r: (
            str(r["date_start"]),
            PRECISION_RANK.get(r["date_precision"], 99),
            str(r["date_end"]),
            r["id"],
        ),
        reverse=filters.order == "desc",
    )
    end = None if need is None else need
    return [int(r["id"]) for r in rows[filters.offset : end]]


def sqlite_window_ids(database: Database, filters: Filters) -> list[int]:
    """:func:`window_ids` on SQLite.

    The arms run one by one (SQLite runs them faster than their UNION ALL),
    widest precision first in ascending order, since their events start
    earliest. Once ``offset + limit`` rows are in hand, the last of them bounds
    ``date_start`` for the arms still to run: an event starting after it cannot
    make the cut, and an arm that can only hold such events is not run at all.
    """
    need = None if filters.limit is None else filters.offset + filters.limit
    if need == 0:
        return []
    assert filters.date_from is not None
    arm = replace(filters, limit=need, offset=0)
    desc = filters.order == "desc"
    spans = list(precision_spans(database.rows).items())
    if not desc:
        spans.sort(key=lambda item: -item[1])
    # Rows as their listing sort key: (date_start, precision rank, date_end, id).
    keys: list[tuple[str, int, str, int]] = []
    bound: str | None = None
    for precision, span in spans:
        if bound is not None:
            if desc:
                if filters.date_to is not None and filters.date_to.isoformat() < bound:
                    continue
            elif shifted(filters.date_from, -span).isoformat() > bound:
                continue
        sql, params = build_query(arm, span, precision, f"{precision}_", bound)
        rank = PRECISION_RANK.get(precision, 99)
        keys.extend((start, rank, end, pk) for pk, start, end, _ in database.tuples(sql, params))
        if need is not None and len(keys) >= need:
            keys.sort(reverse=desc)
            del keys[need:]
            bound = keys[-1][0]
    keys.sort(reverse=desc)
    return [k[3] for k in keys[filters.offset : need]]
