"""The raw write transaction of bulk loads: a DB-API connection, no SQLAlchemy.

:meth:`timeline.db.Database.raw_transaction` opens one; into an empty SQLite
database it may run with a rollback journal instead of WAL
(:func:`_bulk_journal`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from timeline.config import sqlite_path
from timeline.db_sqlite import BUSY_TIMEOUT_S, sqlite_pragmas
from timeline.errors import DatabaseError

if TYPE_CHECKING:
    from timeline.db import Database


def _bulk_journal(conn: sqlite3.Connection) -> bool:
    """Into a database without events, run a bulk load with a rollback journal.

    With WAL every page of the load is written twice (to the log, then by the
    checkpoint into the database: 3 of 28 s for 1,000,000 events); with a
    rollback journal, pages new to the file need no journal and are written
    once. SQLite allows the switch only when no other connection has the
    database open; otherwise the load runs in WAL. True when switched (the
    caller goes back to WAL after the load).
    """
    try:
        if conn.execute("SELECT 1 FROM events LIMIT 1").fetchone():
            return False
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        return False
    if str(mode).lower() != "delete":
        return False
    conn.execute("PRAGMA synchronous = FULL")  # (a rollback journal's safe setting)
    return True


class RawTransaction:
    """A DB-API connection inside one transaction; SQL is written with ``?`` marks."""

    def __init__(self, database: Database, foreign_keys: bool = True, bulk: bool = False) -> None:
        self.is_sqlite = database.is_sqlite
        self.conn: Any
        self.journal_switched = False
        if database.is_sqlite:
            path = sqlite_path(database.url)
            conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            sqlite_pragmas(conn)
            # Bulk loads write many pages: a bigger page cache (32 MB) spills less.
            conn.execute("PRAGMA cache_size = -32768")
            if not foreign_keys:
                conn.execute("PRAGMA foreign_keys = OFF")
            self.journal_switched = bulk and _bulk_journal(conn)
            try:
                conn.execute("BEGIN IMMEDIATE")  # waits up to the busy timeout
            except sqlite3.OperationalError as err:
                self._back_to_wal(conn)
                conn.close()
                raise DatabaseError(
                    f"{path} stayed busy with other writers for {BUSY_TIMEOUT_S:.0f} s "
                    f"({err}); try again"
                ) from None
            self.conn = conn
            self.integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
        else:
            import psycopg

            try:
                self.conn = psycopg.connect(database.url.replace("+psycopg", "", 1))
            except psycopg.OperationalError as err:
                raise database.unreachable(err) from None
            self.integrity_errors = (psycopg.errors.IntegrityError,)
        self.cur = self.conn.cursor()

    def sql(self, text: str) -> str:
        return text if self.is_sqlite else text.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self.cur.execute(self.sql(sql), params)
        return list(self.cur.fetchall()) if self.cur.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.cur.executemany(self.sql(sql), rows)

    def copy(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """PostgreSQL: ``COPY table (columns) FROM STDIN`` of ``rows``."""
        assert not self.is_sqlite
        if not rows:
            return
        with self.cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def savepoint(self, name: str) -> None:
        self.cur.execute(f"SAVEPOINT {name}")

    def release(self, name: str) -> None:
        self.cur.execute(f"RELEASE SAVEPOINT {name}")

    def rollback_to(self, name: str) -> None:
        self.cur.execute(f"ROLLBACK TO SAVEPOINT {name}")
        self.cur.execute(f"RELEASE SAVEPOINT {name}")

    def commit(self) -> None:
        try:
            if self.is_sqlite:
                self.conn.execute("COMMIT")
                self._back_to_wal(self.conn)
            else:
                self.conn.commit()
        finally:
            self.conn.close()

    def rollback(self) -> None:
        try:
            if self.is_sqlite:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self._back_to_wal(self.conn)
            else:
                self.conn.rollback()
        finally:
            self.conn.close()

    def _back_to_wal(self, conn: sqlite3.Connection) -> None:
        """After a bulk load with a rollback journal (if another connection holds
        a lock now, the next connection to open the database switches)."""
        if self.journal_switched:
            with suppress(sqlite3.OperationalError):
                conn.execute("PRAGMA journal_mode = WAL")
