"""Schema commands and every way a database can be wrong."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import Cli
from timeline.cli import app
from timeline.db import HEAD


def run(runner: CliRunner, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def test_init_prints_revision_and_is_idempotent(runner: CliRunner, empty_db: str) -> None:
    assert HEAD in run(runner, "--db", empty_db, "init")
    assert HEAD in run(runner, "init", "--db", empty_db)
    assert run(runner, "--db", empty_db, "db", "current").strip() == HEAD
    assert "base" in run(runner, "--db", empty_db, "db", "downgrade", "base")
    assert run(runner, "--db", empty_db, "db", "current").strip() == "base"
    assert HEAD in run(runner, "--db", empty_db, "db", "upgrade")


def test_db_from_environment(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    result = runner.invoke(app, ["init"], env={"TIMELINE_DB": str(path)})
    assert result.exit_code == 0, result.output
    assert path.exists()


def test_missing_directory(runner: CliRunner, tmp_path: Path) -> None:
    out = run(runner, "--db", str(tmp_path / "nope" / "t.db"), "init", code=1)
    assert "does not exist" in out and "mkdir -p" in out


def test_not_initialised(runner: CliRunner, tmp_path: Path) -> None:
    out = run(runner, "--db", str(tmp_path / "t.db"), "list", code=1)
    assert "no database at" in out and " init`" in out


def test_not_a_database_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello, this is not SQLite\n" * 100)
    assert "not a timeline database" in run(runner, "--db", str(path), "list", code=1)
    assert "not a timeline database" in run(runner, "--db", str(path), "init", code=1)


def test_foreign_sqlite_database(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE birds (name TEXT)")
    conn.close()
    assert "not a timeline database" in run(runner, "--db", str(path), "list", code=1)
    assert "not a timeline database" in run(runner, "--db", str(path), "init", code=1)


def test_database_newer_than_program(cli: Cli) -> None:
    from timeline.db import Database

    database = Database(cli.db)
    with database.engine.begin() as conn:
        import sqlalchemy as sa

        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    assert "newer than this program" in cli.fails("list")
    assert "newer than this program" in cli.fails("init")


def test_unreachable_postgres(runner: CliRunner) -> None:
    url = "postgresql+psycopg://postgres@127.0.0.1:1/nothing?connect_timeout=2"
    out = run(runner, "--db", url, "list", code=1)
    assert "cannot reach the PostgreSQL server" in out
    out = run(runner, "--db", url, "init", code=1)
    assert "cannot reach the PostgreSQL server" in out


def test_help_teaches(runner: CliRunner) -> None:
    out = run(runner, "--help")
    for command in (
        "init",
        "add",
        "list",
        "show",
        "edit",
        "confirm",
        "reject",
        "delete",
        "history",
        "import",
        "export",
        "db",
    ):
        assert command in out
    assert "Example" in run(runner, "add", "--help")


def test_sqlite_runs_with_foreign_keys_wal_and_busy_timeout(tmp_path: Path) -> None:
    from timeline.db import Database
    from timeline.migrate import init_database

    path = tmp_path / "t.db"
    init_database(path)
    database = Database(path)
    with database.engine.connect() as conn:
        import sqlalchemy as sa

        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA busy_timeout")).scalar() == 30000
    assert database.rows("PRAGMA foreign_keys")[0]["foreign_keys"] == 1
    database.dispose()


def test_unsupported_or_empty_database_names(runner: CliRunner) -> None:
    out = run(runner, "--db", "mysql://user@host/db", "list", code=1)
    assert "mysql:// databases are not supported" in out and "Traceback" not in out
    out = run(runner, "--db", "", "list", code=1)
    assert "the database path is empty" in out
