"""The SQLite listing path (tuples, ids as one JSON array) gives what the generic one does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.generate import write
from timeline.db import Database
from timeline.io.interchange import import_file
from timeline.migrate import init_database
from timeline.query import Filters, list_events, list_ids, sqlite_ids
from timeline.query_records import load_records

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


WINDOWS = [
    (date(1979, 1, 1), date(2026, 12, 31)),
    (date(2019, 1, 1), date(2020, 12, 31)),
    (date(2005, 6, 1), date(2005, 6, 30)),
    (date(1991, 1, 1), None),
    (date(2012, 3, 4), date(2012, 3, 4)),
]


@pytest.mark.parametrize("window", WINDOWS, ids=range(len(WINDOWS)))
def test_bounded_window_arms_keep_the_answer(
    filled: Database, window: tuple[date, date | None]
) -> None:
    """Arms bounded by the rows already found (and arms skipped) change nothing."""
    for order in ("asc", "desc"):
        for categories in ([], ["strike"], ["talks", "deal"]):
            for limit, offset in ((0, 0), (1, 0), (5, 0), (20, 7), (100, 0), (None, 3), (3, 500)):
                f = Filters(
                    date_from=window[0],
                    date_to=window[1],
                    categories=categories,
                    order=order,
                    limit=limit,
                    offset=offset,
                )
                assert sqlite_ids(filled, f) == list_ids(filled.rows, f), f


def test_events_starting_on_the_bound_are_kept(tmp_path: Path) -> None:
    """The bound is inclusive: a finer event starting the same day still comes first."""
    from timeline.date_input import parse_date
    from timeline.editing import add_event
    from timeline.events import EventInput

    db = str(tmp_path / "t.db")
    init_database(db)
    database = Database(db)
    uids = {
        text: add_event(database, EventInput(span=parse_date(text), category="strike"))
        for text in ("2019", "2019-01", "2019-01-01", "2019-06", "2019-06-01")
    }
    asc = Filters(date_from=date(2019, 1, 1), limit=1)
    assert [r["id"] for r in list_events(database, asc)] == [uids["2019-01-01"]]
    desc = Filters(date_from=date(2019, 1, 1), date_to=date(2019, 12, 31), order="desc", limit=1)
    assert [r["id"] for r in list_events(database, desc)] == [uids["2019-06"]]
    for f in (asc, desc):
        assert sqlite_ids(database, f) == list_ids(database.rows, f)
    database.dispose()


def test_bounded_arms_use_the_window_index(filled: Database) -> None:
    """A bounded arm is planned as the plain one: same index, date_start bounded both ways."""
    from timeline.query import build_query
    from timeline.query_window import precision_spans

    def searches(sql: str, params: dict[str, object]) -> list[str]:
        plan = [r["detail"] for r in filled.rows("EXPLAIN QUERY PLAN " + sql, params)]
        return [line for line in plan if line.startswith("SEARCH e ")]

    for order in ("asc", "desc"):
        for categories in ([], ["strike"]):
            f = Filters(
                date_from=date(2019, 1, 1),
                date_to=date(2020, 12, 31),
                categories=categories,
                order=order,
                limit=100,
            )
            for precision, span in precision_spans(filled.rows).items():
                plain = searches(*build_query(f, span, precision, f"{precision}_"))
                bounded = searches(*build_query(f, span, precision, f"{precision}_", "2019-06-01"))
                assert bounded == plain, (bounded, plain)
                sql, params = build_query(f, span, precision, f"{precision}_", "2019-06-01")
                starts = [str(r["date_start"]) for r in filled.rows(sql, params)]
                if order == "asc":
                    assert all(s <= "2019-06-01" for s in starts)
                else:
                    assert all(s >= "2019-06-01" for s in starts)
                index = "category_date_start" if categories else "date_start"
                assert f"USING INDEX ix_events_date_precision_{index} " in plain[0]
                assert "date_start>? AND date_start<?" in plain[0]
