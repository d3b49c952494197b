"""`timeline backup` and `timeline restore`: a restored backup exports identically."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_io_cli import LINE, write_lines
from tests.conftest import Cli


def _fill(cli: Cli, tmp_path: Path) -> str:
    lines = [dict(LINE, id=f"e{i}", summary=f"event {i} – ünïcode") for i in range(30)]
    cli("import", str(write_lines(tmp_path / "in.jsonl", *lines)))
    cli("edit", "e3", "--summary", "edited after import")
    cli("delete", "e4")
    return cli("export")


def test_backup_then_restore_exports_identically(cli: Cli, db: str, tmp_path: Path) -> None:
    if "://" in db:
        err = cli.fails("backup", str(tmp_path / "b.db"))
        assert "pg_dump" in err
        assert "pg_restore" in cli.fails("restore", str(tmp_path / "b.db"))
        return
    before = _fill(cli, tmp_path)
    assert "Backed up" in cli("backup", str(tmp_path / "b.db"))
    assert "already exists" in cli.fails("backup", str(tmp_path / "b.db"))
    # The original changes after the backup; restoring brings the old state back.
    cli("delete", "e5")
    cli("add", "--date", "2021-01-01", "--category", "talks")
    assert cli("export") != before
    assert "Restored" in cli("restore", str(tmp_path / "b.db"))
    assert cli("export") == before
    history = json.loads(cli("history", "e3", "--format", "json"))
    assert [h["action"] for h in history] == ["import", "edit"]
    # And into a database that did not exist.
    other = Cli(cli.runner, str(tmp_path / "fresh.db"))
    other("restore", str(tmp_path / "b.db"))
    assert other("export") == before


def test_restore_refuses_what_is_not_a_backup(cli: Cli, db: str, tmp_path: Path) -> None:
    if "://" in db:
        pytest.skip("SQLite files only")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert "not a timeline backup" in cli.fails("restore", str(junk))
    assert "does not exist" in cli.fails("restore", str(tmp_path / "missing.db"))
