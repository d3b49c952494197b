"""Crash safety: `timeline import` killed with SIGKILL at 20 random moments leaves
none or all of that import, and a database that opens and passes an integrity check."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.generate import write
from tests.cli.test_io_cli import LINE, write_lines
from timeline.db import Database
from timeline.migrate import init_database

KILLS = 20
EVENTS = 8000


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()


def _start_import(db: Path, source: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "timeline.cli", "--db", str(db), "import", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_import_killed_at_random_moments_is_all_or_nothing(tmp_path: Path) -> None:
    source = write(tmp_path / "big.jsonl", EVENTS, seed=11)
    empty = tmp_path / "empty.db"
    init_database(str(empty))
    seeded = tmp_path / "seeded.db"
    init_database(str(seeded))
    small = write_lines(tmp_path / "small.jsonl", *[dict(LINE, id=f"s{i}") for i in range(10)])
    subprocess.run(
        [sys.executable, "-m", "timeline.cli", "--db", str(seeded), "import", str(small)],
        check=True,
        capture_output=True,
    )
    for path in (empty, seeded):  # everything into the main file, so a copy is whole
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    expected_indexes = _indexes(empty)

    # How long a whole import takes here, to kill anywhere within it.
    timing = tmp_path / "timing.db"
    shutil.copy(empty, timing)
    began = time.monotonic()
    assert _start_import(timing, source).wait() == 0
    duration = time.monotonic() - began

    rng = random.Random(20)
    outcomes = []
    for attempt in range(KILLS):
        base = empty if attempt % 2 == 0 else seeded
        before = 0 if base is empty else 10
        db = tmp_path / f"kill{attempt}.db"
        shutil.copy(base, db)
        proc = _start_import(db, source)
        time.sleep(rng.uniform(0.05, duration * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()

        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            changes = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
            links = conn.execute("SELECT count(*) FROM event_actors").fetchone()[0]
        finally:
            conn.close()
        assert events in (before, before + EVENTS), (attempt, events)
        assert changes == events
        assert (links == 2 * before) if events == before else links > 2 * events
        assert _indexes(db) == expected_indexes
        database = Database(str(db))
        assert len(database.rows("SELECT id FROM events LIMIT 1")) == min(events, 1)
        database.dispose()
        outcomes.append(events == before)
    # The moments were spread over the import: some kills landed before the end.
    assert any(outcomes), outcomes
