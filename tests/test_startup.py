"""Start-up stays lean: `timeline --help` and a SQLite listing import no heavy module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "alembic", "dateparser", "pydantic", "psycopg")

SCRIPT = """
import sys
sys.argv = ["timeline", *sys.argv[1:]]
from timeline.cli import main
try:
    main()
except SystemExit:
    pass
heavy = [m for m in {heavy!r} if m in sys.modules]
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
"""


def _heavy_after(*args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(heavy=HEAVY), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    line = [x for x in done.stderr.splitlines() if x.startswith("HEAVY:")][-1]
    return [m for m in line[len("HEAVY:") :].split(",") if m]


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("list",),
        ("list", "--from", "2019-01-01", "--to", "2020-12-31", "-c", "strike", "-f", "jsonl"),
        ("show", "nope"),
    ],
)
def test_reads_import_nothing_heavy(tmp_path: Path, args: tuple[str, ...]) -> None:
    from timeline.migrate import init_database

    db = str(tmp_path / "t.db")
    init_database(db)
    assert _heavy_after("--db", db, *args) == []
