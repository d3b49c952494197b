"""Where the database is: ``--db``, else ``TIMELINE_DB``, else ``timeline.db`` here."""

from __future__ import annotations

import os
from pathlib import Path

from timeline.errors import DatabaseError

DEFAULT_DB = "timeline.db"
ENV_VAR = "TIMELINE_DB"
SUPPORTED = ("sqlite:///", "postgresql+psycopg://")
"""The URLs this program runs on: SQLite files and PostgreSQL through psycopg."""


def database_url(db: str | Path | None = None) -> str:
    """An SQLAlchemy URL for a path or URL given by the user (or the default).

    A path in a directory that does not exist is refused here, before SQLite
    would fail with a cryptic "unable to open database file".
    """
    raw = str(db) if db is not None else os.environ.get(ENV_VAR) or DEFAULT_DB
    if not raw.strip():
        raise DatabaseError("the database path is empty; give a file path or a URL to --db")
    if "://" in raw:
        if raw.startswith("postgres://"):
            raw = "postgresql+psycopg://" + raw[len("postgres://") :]
        elif raw.startswith("postgresql://"):
            raw = "postgresql+psycopg://" + raw[len("postgresql://") :]
        if not raw.startswith(SUPPORTED):
            raise DatabaseError(
                f"{raw.split('://', 1)[0]}:// databases are not supported; give a file path "
                "(SQLite) or postgresql://user@host/name"
            )
        return raw
    path = Path(raw).expanduser()
    if path.is_dir():
        raise DatabaseError(
            f"{raw} is a directory; give a database file path such as {raw}/timeline.db"
        )
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise DatabaseError(
            f"directory {parent} does not exist; "
            f"create it (mkdir -p {parent}) or choose another --db"
        )
    return f"sqlite:///{path.resolve()}"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> str:
    """The file path of an ``sqlite:///`` URL."""
    return url.split(":///", 1)[1] if ":///" in url else ":memory:"
