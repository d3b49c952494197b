"""Concurrent writers: 8 processes adding 500 events each lose nothing and see no lock errors."""

from __future__ import annotations

import multiprocessing
import traceback
from datetime import date

from timeline.dates import DateSpan
from timeline.db import Database
from timeline.editing import add_event
from timeline.events import EventInput
from timeline.query import count_events

PROCESSES = 8
EACH = 500


def _writer(url: str, worker: int, errors: multiprocessing.Queue[str]) -> None:
    database = Database(url)
    try:
        for i in range(EACH):
            day = date(2000 + worker, 1 + i % 12, 1 + i % 28)
            add_event(
                database,
                EventInput(
                    span=DateSpan(day, day, "day"),
                    category="statement",
                    summary=f"worker {worker} event {i}",
                    # Shared actors: concurrent first uses race to create them.
                    actors=[(f"Actor {i % 5}", "initiator"), ("Iran", "target")],
                ),
            )
    except BaseException:
        errors.put(traceback.format_exc())
        raise
    finally:
        database.dispose()


def test_eight_processes_add_4000_events(db: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    errors: multiprocessing.Queue[str] = ctx.Queue()
    workers = [ctx.Process(target=_writer, args=(db, n, errors)) for n in range(PROCESSES)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=600)
    reported = []
    while not errors.empty():
        reported.append(errors.get())
    assert not reported, reported[0]
    assert [w.exitcode for w in workers] == [0] * PROCESSES
    database = Database(db)
    assert count_events(database) == PROCESSES * EACH
    rows = database.rows("SELECT count(*) AS n FROM changes WHERE action = 'add'")
    assert rows[0]["n"] == PROCESSES * EACH
    names = database.rows("SELECT count(*) AS n FROM actors")
    assert names[0]["n"] == 6
    database.dispose()
