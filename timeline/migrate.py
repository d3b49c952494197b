"""Alembic run from code: create, upgrade, downgrade a timeline database.

Alembic is the only thing that changes the schema; :func:`init_database`
runs it from code on a shared connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from timeline.config import sqlite_path
from timeline.db import HEAD, KNOWN_REVISIONS, Database
from timeline.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(database: Database, connection: Connection | None = None) -> Config:
    """An Alembic config for this database, sharing ``connection`` when given."""
    import sys

    from alembic.config import Config

    # Alembic's default stream is bound when it is first imported; pass the live one.
    cfg = Config(stdout=sys.stdout)
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


def _migrate(database: Database, action: str, revision: str) -> str | None:
    from alembic import command
    from alembic.util.exc import CommandError

    current = database.revision()
    if current is not None and current not in KNOWN_REVISIONS:
        raise DatabaseError(
            f"{database.display_url} is at schema revision {current}, newer than this program "
            f"knows (newest: {HEAD}); upgrade timeline"
        )
    with database.connect() as conn:
        cfg = alembic_config(database, conn)
        try:
            if action == "upgrade":
                command.upgrade(cfg, revision)
            else:
                command.downgrade(cfg, revision)
        except CommandError as err:
            raise DatabaseError(f"cannot {action} to {revision}: {err}") from None
        conn.commit()
    database.dispose()
    reached = database.revision()
    database.dispose()  # (no connection left open behind the caller's back)
    return reached


def init_database(db: str | Path | None = None) -> str:
    """Create the database or upgrade it to the newest revision; returns it."""
    database = Database(db)
    if database.is_sqlite:
        Path(sqlite_path(database.url)).touch(exist_ok=True)
    return _migrate(database, "upgrade", "head") or "base"


def upgrade(db: str | Path | None = None, revision: str = "head") -> str:
    return _migrate(Database(db), "upgrade", revision) or "base"


def downgrade(db: str | Path | None = None, revision: str = "-1") -> str:
    return _migrate(Database(db), "downgrade", revision) or "base"


def current_revision(db: str | Path | None = None) -> str:
    database = Database(db)
    if database.is_sqlite and not Path(sqlite_path(database.url)).exists():
        raise DatabaseError(
            f"no database at {sqlite_path(database.url)}; create it with `timeline init`"
        )
    return database.revision() or "base"
