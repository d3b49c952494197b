"""Date windows: bounded by an index per precision, and the same answer as brute force."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from benchmarks.generate import write
from timeline.dates import PRECISION_RANK
from timeline.db import Database
from timeline.io.interchange import export_records, import_file
from timeline.query import Filters, list_events
from timeline.query_window import window_query


@pytest.fixture
def filled(db: str, tmp_path: Path) -> Database:
    import_file(Database(db), write(tmp_path / "events.jsonl", 600, seed=7))
    return Database(db)


def _brute(records: list[dict[str, object]], f: Filters) -> list[str]:
    assert f.date_from is not None and f.date_to is not None
    lo, hi = f.date_from.isoformat(), f.date_to.isoformat()
    chosen = [
        r
        for r in records
        if str(r["date_end"]) >= lo
        and str(r["date_start"]) <= hi
        and (not f.categories or r["category"] in f.categories)
        and r["status"] in f.statuses
    ]
    chosen.sort(
        key=lambda r: (
            str(r["date_start"]),
            PRECISION_RANK[str(r["date_precision"])],
            str(r["date_end"]),
            str(r["id"]),
        ),
        reverse=f.order == "desc",
    )
    end = None if f.limit is None else f.offset + f.limit
    return [str(r["id"]) for r in chosen[f.offset : end]]


@pytest.mark.parametrize(
    "window",
    [
        dict(date_from=date(2019, 1, 1), date_to=date(2020, 12, 31)),
        dict(date_from=date(2019, 1, 1), date_to=date(2020, 12, 31), categories=["strike"]),
        dict(date_from=date(1985, 3, 1), date_to=date(1985, 3, 1), limit=5),
        dict(date_from=date(2000, 1, 1), date_to=date(2010, 6, 30), limit=7, offset=3),
        dict(date_from=date(1990, 1, 1), date_to=date(2026, 1, 1), order="desc", limit=20),
        dict(date_from=date(2030, 1, 1), date_to=date(2031, 1, 1)),
    ],
)
def test_window_matches_brute_force(filled: Database, window: dict[str, object]) -> None:
    f = Filters(**window)  # type: ignore[arg-type]
    expected = _brute(export_records(filled), f)
    assert [r["id"] for r in list_events(filled, f)] == expected
    filled.dispose()


def test_window_query_plan_is_bounded_by_an_index(filled: Database) -> None:
    if not filled.is_sqlite:
        pytest.skip("the plan shown is SQLite's")
    for categories in ([], ["strike"]):
        f = Filters(
            date_from=date(2019, 1, 1), date_to=date(2020, 12, 31), categories=categories, limit=100
        )
        sql, params = window_query(filled.rows, f)
        plan = [r["detail"] for r in filled.rows("EXPLAIN QUERY PLAN " + sql, params)]
        print("\n".join(plan))
        searches = [line for line in plan if line.startswith("SEARCH e ")]
        assert len(searches) == len(PRECISION_RANK)  # one arm per precision, all present
        for line in searches:
            assert "USING INDEX ix_events_date_precision_" in line, line
            assert "date_precision=?" in line and "date_start>? AND date_start<?" in line, line
        assert not [line for line in plan if line.startswith("SCAN e")], plan
    filled.dispose()
