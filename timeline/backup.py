"""Backups: SQLite's online backup API; PostgreSQL points to pg_dump.

``backup`` copies a live database page by page while others keep reading and
writing (SQLite restarts the copy if a writer changes it midway), so the copy
is always one consistent state. ``restore`` checks the backup (a timeline
database that passes ``PRAGMA integrity_check``) before replacing anything,
then copies it over the target in one step under the write lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from timeline.config import sqlite_path
from timeline.db import KNOWN_REVISIONS, Database
from timeline.db_sqlite import BUSY_TIMEOUT_S
from timeline.errors import DatabaseError


def _pg_pointer(database: Database, action: str) -> DatabaseError:
    url = database.display_url.replace("postgresql+psycopg://", "postgresql://")
    if action == "backup":
        hint = f"pg_dump --format=custom --file OUT.dump '{url}'"
    else:
        hint = f"pg_restore --clean --if-exists --dbname '{url}' BACKUP.dump"
    return DatabaseError(
        f"timeline {action} works on SQLite files; for PostgreSQL use the server's tools: {hint}"
    )


def check_backup(path: Path) -> str:
    """The schema revision of a backup file; refuses anything that is not a sound one."""
    if not path.is_file():
        raise DatabaseError(f"{path} does not exist; give a file made by `timeline backup`")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise DatabaseError(f"{path} is not a timeline backup ({err})") from None
    if problems != ["ok"]:
        raise DatabaseError(f"{path} is damaged ({problems[0]}); use another backup")
    if not found or found[0][0] not in KNOWN_REVISIONS:
        raise DatabaseError(f"{path} is not a timeline backup this program can read")
    return str(found[0][0])


def backup(database: Database, out: str | Path, force: bool = False) -> Path:
    """Copy the (live) SQLite database to ``out``; returns the path."""
    if not database.is_sqlite:
        raise _pg_pointer(database, "backup")
    database.check_schema()
    target = Path(out).expanduser()
    if target.is_dir():
        raise DatabaseError(f"{target} is a directory; give a file name such as {target}/tl.db")
    if target.exists() and not force:
        raise DatabaseError(f"{target} already exists; choose another name or use --force")
    if not target.parent.exists():
        raise DatabaseError(f"directory {target.parent} does not exist")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(sqlite_path(database.url), timeout=BUSY_TIMEOUT_S)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)
        # A self-contained file: no -wal beside it.
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
        source.close()
    check_backup(partial)
    partial.replace(target)
    return target


def restore(database: Database, source: str | Path) -> str:
    """Replace the SQLite database's content with the backup; returns its revision."""
    if not database.is_sqlite:
        raise _pg_pointer(database, "restore")
    path = Path(source).expanduser()
    revision = check_backup(path)
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dest = sqlite3.connect(sqlite_path(database.url), timeout=BUSY_TIMEOUT_S)
    try:
        dest.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        src.backup(dest)
        dest.execute("PRAGMA journal_mode = WAL")
    finally:
        dest.close()
        src.close()
    return revision
