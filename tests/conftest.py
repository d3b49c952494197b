"""Shared fixtures: a fresh database on every backend, and the CLI runner.

PostgreSQL tests take the server from TIMELINE_TEST_POSTGRES_URL; each test
gets a schema of its own, dropped afterwards. When the variable is unset the
PostgreSQL variants skip, unless TIMELINE_REQUIRE_POSTGRES=1 (set by .ci/run),
in which case they fail so CI can never silently skip them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
POSTGRES_ENV = "TIMELINE_TEST_POSTGRES_URL"


def postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("TIMELINE_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{POSTGRES_ENV} is not set but TIMELINE_REQUIRE_POSTGRES=1")
        pytest.skip(f"set {POSTGRES_ENV} to run the PostgreSQL variant")
    return url


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh, empty schema on the test server."""
    base = postgres_url()
    assert base is not None
    import sqlalchemy as sa

    from timeline.config import database_url

    admin = sa.create_engine(database_url(base))
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{database_url(base)}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database location with nothing in it yet, on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "timeline.db")
    else:
        yield request.getfixturevalue("pg_schema_url")


@pytest.fixture
def db(empty_db: str) -> Iterator[str]:
    """An initialised, empty timeline database on each backend."""
    from timeline.migrate import init_database

    init_database(empty_db)
    yield empty_db


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


class Cli:
    """Invoke ``timeline --db DB ...`` and check the outcome."""

    def __init__(self, runner: CliRunner, db: str) -> None:
        self.runner = runner
        self.db = db

    def __call__(self, *args: str, code: int = 0, input: str | None = None) -> str:
        result = self.runner.invoke(app, ["--db", self.db, *args], input=input)
        assert result.exit_code == code, result.output
        return result.output

    def fails(self, *args: str, code: int = 1) -> str:
        """Run a command that must fail; returns stderr (one line, no traceback)."""
        result = self.runner.invoke(app, ["--db", self.db, *args])
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.stderr


@pytest.fixture
def cli(runner: CliRunner, db: str) -> Cli:
    return Cli(runner, db)


def seeds_or_skip() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared/seeds beside the project)")
    return SEEDS
