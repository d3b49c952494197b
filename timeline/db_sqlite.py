"""SQLite through the standard library's ``sqlite3``, as every part of the program opens it.

* :func:`sqlite_pragmas`: the settings of every SQLite connection (foreign keys,
  busy timeout, WAL), whether SQLAlchemy, a bulk load or a read opened it;
* :class:`SqliteReader`: the read path of :class:`timeline.db.Database` on
  SQLite, which goes around SQLAlchemy so that a listing does not pay its
  import: rows as dicts, as tuples or streamed, dates bound as ISO strings,
  and a lock held past the busy timeout reported as a user's error.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from timeline.errors import DatabaseError

BUSY_TIMEOUT_S = 30.0
READ_CACHE_KB = 16384


def is_busy(err: BaseException) -> bool:
    """Whether ``err`` is SQLite's "database is locked" (or busy)."""
    if not isinstance(err, sqlite3.OperationalError):
        return False
    text = str(err).lower()
    return "locked" in text or "busy" in text


def sqlite_pragmas(conn: Any) -> None:
    """Every SQLite connection's settings: foreign keys, busy timeout, WAL."""
    cur = conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    try:
        cur.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as err:
        # A bulk load into an empty database runs with a rollback journal and
        # holds the lock the switch needs (see raw_transaction._bulk_journal);
        # it goes back to WAL itself, and meanwhile this connection works in
        # that mode.
        if not is_busy(err):
            raise
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _bound(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as bound: dates as ISO strings."""
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}


class SqliteReader:
    """The connection a :class:`timeline.db.Database` reads a SQLite file through."""

    def __init__(self, path: str) -> None:
        if not Path(path).exists():
            raise DatabaseError(
                f"no database at {path}; create it with `timeline --db {path} init`"
            )
        self.path = path
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        try:
            with self.busy_is_an_error():
                sqlite_pragmas(conn)
                # Repeated reads (a listing touches eight index ranges and three
                # tables) stay in SQLite's own cache instead of going back to the
                # OS for every page: up to 16 MB, taken only as pages are read.
                conn.execute(f"PRAGMA cache_size = -{READ_CACHE_KB}")
        except sqlite3.DatabaseError as err:
            conn.close()
            raise DatabaseError(
                f"{path} is not a timeline database ({err}); "
                "check the --db path or create a new one with `timeline init`"
            ) from None
        except DatabaseError:
            conn.close()
            raise
        self.conn = conn

    @contextmanager
    def busy_is_an_error(self) -> Iterator[None]:
        """A lock held past the busy timeout becomes a user's error.

        Readers never wait in WAL mode; they do while a bulk load into an empty
        database holds it with a rollback journal (see raw_transaction.py).
        """
        try:
            yield
        except sqlite3.OperationalError as err:
            if not is_busy(err):
                raise
            raise DatabaseError(
                f"{self.path} stayed locked for {BUSY_TIMEOUT_S:.0f} s by another "
                "process writing to it (a large import); try again when it has finished"
            ) from None

    def rows(self, sql: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """One read query's rows as dicts."""
        bound = _bound(params)
        with self.busy_is_an_error():
            cur = self.conn.execute(sql, bound)
            return [dict(r) for r in cur.fetchall()]

    def tuples(self, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """One read query's rows as tuples in column order."""
        bound = _bound(params)
        cur = self.conn.cursor()
        try:
            cur.row_factory = None
            with self.busy_is_an_error():
                cur.execute(sql, bound)
                return cur.fetchall()
        finally:
            cur.close()

    def iter_rows(
        self, sql: str, params: Mapping[str, Any], size: int
    ) -> Iterator[list[dict[str, Any]]]:
        """One read query's rows as dicts, ``size`` at a time."""
        bound = _bound(params)
        cur = self.conn.cursor()
        try:
            with self.busy_is_an_error():
                cur.execute(sql, bound)
                part = cur.fetchmany(size)
            while part:
                yield [dict(r) for r in part]
                with self.busy_is_an_error():
                    part = cur.fetchmany(size)
        finally:
            cur.close()

    def close(self) -> None:
        self.conn.close()
