"""The SQLite listing path (tuples, ids as one JSON array) gives what the generic one does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.generate import write
from timeline.db import Database, init_database
from timeline.io.interchange import import_file
from timeline.query import Filters, list_events, list_ids, load_records, sqlite_ids

FILTERS = [
    Filters(),
    Filters(statuses=()),
    Filters(limit=25, offset=40),
    Filters(order="desc", limit=30),
    Filters(date_from=date(2019, 1, 1), date_to=date(2020, 12, 31)),
    Filters(date_from=date(2019, 1, 1), date_to=date(2020, 12, 31), categories=["strike"]),
    Filters(date_from=date(1990, 1, 1), date_to=date(2026, 1, 1), order="desc", limit=20),
    Filters(date_from=date(2000, 1, 1), date_to=date(2010, 6, 30), limit=7, offset=3),
    Filters(date_from=date(2000, 1, 1), offset=5),
    Filters(date_from=date(2000, 1, 1), date_to=date(2005, 1, 1), within=True),
    Filters(date_to=date(1995, 1, 1), actors=["Iran"], limit=50),
    Filters(date_from=date(2030, 1, 1)),
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Database:
    tmp: Path = tmp_path_factory.mktemp("paths")
    db = str(tmp / "t.db")
    init_database(db)
    import_file(Database(db), write(tmp / "events.jsonl", 800, seed=11))
    return Database(db)


@pytest.mark.parametrize("filters", FILTERS, ids=range(len(FILTERS)))
def test_sqlite_path_matches_generic_path(filled: Database, filters: Filters) -> None:
    generic = load_records(filled.rows, list_ids(filled.rows, filters))
    fast = list_events(filled, filters)
    assert sqlite_ids(filled, filters) == list_ids(filled.rows, filters)
    assert fast == generic
    # Same key order and types, so the JSON output is byte for byte the same.
    assert [list(r) for r in fast] == [list(r) for r in generic]
    assert [[type(v) for v in r.values()] for r in fast] == [
        [type(v) for v in r.values()] for r in generic
    ]


def test_records_do_not_share_lists(filled: Database) -> None:
    records = list_events(filled, Filters(limit=50))
    lists = [id(r[key]) for r in records for key in ("actors", "sources")]
    assert len(set(lists)) == len(lists)
