"""Opening a timeline database: engine, SQLite pragmas, reads, schema checks.

Two ways in, one database:

* :meth:`Database.engine` / :meth:`Database.session` (SQLAlchemy) for writes
  and for PostgreSQL;
* :meth:`Database.rows` for reads, which on SQLite uses the standard
  library's ``sqlite3`` directly (:mod:`timeline.db_sqlite`) so a listing does
  not pay SQLAlchemy's import.

Bulk loads write through :meth:`Database.raw_transaction` (the driver's own
connection, :mod:`timeline.raw_transaction`); Alembic, run from code, is in
:mod:`timeline.migrate`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from timeline.config import database_url, is_sqlite, sqlite_path
from timeline.db_sqlite import BUSY_TIMEOUT_S, SqliteReader, is_busy, sqlite_pragmas
from timeline.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

    from timeline.raw_transaction import RawTransaction

KNOWN_REVISIONS = ("0001_initial", "0002_findings", "0003_window_index", "0004_drop_span_index")
"""Every migration this program ships, oldest first (a test keeps it in step)."""

HEAD = KNOWN_REVISIONS[-1]
WRITE_ATTEMPTS = 8
T = TypeVar("T")

Row = dict[str, Any]


class Database:
    """A timeline database named by a path or URL (see :mod:`timeline.config`)."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.url = database_url(db)
        self.is_sqlite = is_sqlite(self.url)
        self._checked = False
        self._raw: SqliteReader | None = None
        self._reader: Connection | None = None

    def __repr__(self) -> str:
        return f"Database({self.display_url!r})"

    @property
    def display_url(self) -> str:
        """The URL without a password, for messages."""
        if self.is_sqlite:
            return sqlite_path(self.url)
        head, sep, tail = self.url.partition("://")
        if "@" in tail:
            creds, _, host = tail.rpartition("@")
            tail = creds.split(":", 1)[0] + "@" + host
        return head + sep + tail

    # ------------------------------------------------------------------ engine

    @cached_property
    def engine(self) -> Engine:
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import NullPool

        # No pool: a command opens a connection or two and ends; nothing lingers.
        if self.is_sqlite:
            engine = create_engine(
                self.url, connect_args={"timeout": BUSY_TIMEOUT_S}, poolclass=NullPool
            )

            @event.listens_for(engine, "connect")
            def _on_connect(dbapi_conn: Any, _record: Any) -> None:
                sqlite_pragmas(dbapi_conn)
                # SQLAlchemy, not the driver, starts transactions (below).
                dbapi_conn.isolation_level = None

            @event.listens_for(engine, "begin")
            def _on_begin(conn: Connection) -> None:
                # Take the write lock up front: a deferred transaction that reads
                # and then writes fails at once (SQLITE_BUSY_SNAPSHOT) when another
                # writer got in between; an immediate one waits its turn.
                conn.exec_driver_sql("BEGIN IMMEDIATE")

            return engine
        return create_engine(self.url, poolclass=NullPool)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A SQLAlchemy connection, with connection failures as user errors."""
        from sqlalchemy.exc import OperationalError

        try:
            conn = self.engine.connect()
        except OperationalError as err:
            raise self.unreachable(err) from None
        with conn:
            yield conn

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on error."""
        from sqlalchemy.orm import Session

        self.check_schema()
        with self.connect() as conn, Session(bind=conn) as session, session.begin():
            yield session

    def write(self, work: Callable[[Session], T], attempts: int = WRITE_ATTEMPTS) -> T:
        """Run ``work(session)`` in one write transaction, retrying transient conflicts.

        A transaction that loses a race (SQLite busy or locked past the busy
        timeout, a PostgreSQL serialization failure or deadlock, a unique key
        taken by a concurrent writer) is rolled back and run again, with a
        growing random pause, up to ``attempts`` times; ``work`` must therefore
        only change the database through ``session``. Nobody sees
        "database is locked": after the last attempt the error names the cause.
        """
        import random
        import time

        from sqlalchemy.exc import DBAPIError

        for attempt in range(1, attempts + 1):
            try:
                with self.session() as session:
                    return work(session)
            except DBAPIError as err:
                kind = transient_kind(err.orig)
                if kind is None or (kind == "unique" and attempt >= 3):
                    raise
                if attempt == attempts:
                    raise DatabaseError(
                        f"{self.display_url} stayed busy with other writers through "
                        f"{attempts} attempts ({_first_line(err)}); try again"
                    ) from None
                time.sleep(random.uniform(0.01, min(1.0, 0.02 * 2**attempt)))
        raise AssertionError("unreachable")

    def unreachable(self, err: Exception) -> DatabaseError:
        """The user's error for a database that cannot be opened or reached."""
        if self.is_sqlite:
            return DatabaseError(f"cannot open {self.display_url}: {_first_line(err)}")
        return DatabaseError(
            f"cannot reach the PostgreSQL server at {self.display_url}: {_first_line(err)}; "
            "is it running and is the URL right?"
        )

    def dispose(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if "engine" in self.__dict__:
            self.engine.dispose()
        if self._raw is not None:
            self._raw.close()
            self._raw = None

    # ------------------------------------------------------------------ raw writes

    @contextmanager
    def raw_transaction(
        self, foreign_keys: bool = True, bulk: bool = False
    ) -> Iterator[RawTransaction]:
        """One write transaction on the driver's own connection (bulk loads).

        SQLite: the standard library's ``sqlite3`` with ``BEGIN IMMEDIATE`` (the
        write lock is taken up front, waiting up to the busy timeout); PostgreSQL:
        psycopg. ``foreign_keys=False`` skips SQLite's per-row foreign key checks,
        for callers that only write references they have just checked. ``bulk``:
        into an empty SQLite database, a rollback journal instead of WAL for this
        transaction when no one else has the database open. Committed
        when the block ends, rolled back on any error, so a killed process leaves
        nothing half-written.
        """
        # (imported here: timeline.raw_transaction imports this module)
        from timeline.raw_transaction import RawTransaction

        self.check_schema()
        if bulk:  # (this object's own connections would keep the journal in WAL)
            self.dispose()
        tx = RawTransaction(self, foreign_keys, bulk)
        try:
            yield tx
        except BaseException:
            tx.rollback()
            raise
        else:
            tx.commit()

    # ------------------------------------------------------------------ reads

    def _sqlite_raw(self) -> SqliteReader:
        if self._raw is None:
            self._raw = SqliteReader(sqlite_path(self.url))
        return self._raw

    def rows(self, sql: str, params: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one read query with ``:name`` parameters; rows as dicts.

        Dates come back as ISO strings on every backend.
        """
        self.check_schema()
        return self._rows(sql, params or {})

    def _rows(self, sql: str, params: Mapping[str, Any]) -> list[Row]:
        if self.is_sqlite:
            return self._sqlite_raw().rows(sql, params)
        from sqlalchemy import text

        # One connection for every read of this Database, in autocommit mode so
        # it holds no transaction (or lock) between statements.
        if self._reader is None:
            from sqlalchemy.exc import OperationalError

            try:
                conn = self.engine.connect()
            except OperationalError as err:
                raise self.unreachable(err) from None
            self._reader = conn.execution_options(isolation_level="AUTOCOMMIT")
        result = self._reader.execute(text(sql), dict(params))
        return [
            {k: v.isoformat() if isinstance(v, date) else v for k, v in m.items()}
            for m in result.mappings()
        ]

    def tuples(self, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """Like :meth:`rows`, rows as tuples in column order (SQLite only, the fast path)."""
        assert self.is_sqlite, "Database.tuples is for SQLite"
        self.check_schema()
        return self._sqlite_raw().tuples(sql, params or {})

    def iter_rows(
        self, sql: str, params: Mapping[str, Any] | None = None, size: int = 2000
    ) -> Iterator[list[Row]]:
        """Like :meth:`rows`, streamed ``size`` rows at a time (for whole-table reads)."""
        self.check_schema()
        params = params or {}
        if self.is_sqlite:
            yield from self._sqlite_raw().iter_rows(sql, params, size)
            return
        from sqlalchemy import text

        with self.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=size).execute(
                text(sql), dict(params)
            )
            for chunk in result.mappings().partitions(size):
                yield [
                    {k: v.isoformat() if isinstance(v, date) else v for k, v in m.items()}
                    for m in chunk
                ]

    def table_names(self) -> list[str]:
        if self.is_sqlite:
            sql = (
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        else:
            sql = (
                "SELECT table_name AS name FROM information_schema.tables "
                "WHERE table_schema = current_schema() ORDER BY table_name"
            )
        return [r["name"] for r in self._rows(sql, {})]

    def revision(self) -> str | None:
        """The schema revision, None for an empty database."""
        try:
            names = self.table_names()
        except sqlite3.DatabaseError as err:
            raise DatabaseError(
                f"{self.display_url} is not a timeline database ({err}); "
                "check the --db path or create a new one with `timeline init`"
            ) from None
        if "alembic_version" not in names:
            if [n for n in names if not n.startswith("sqlite_")]:
                raise DatabaseError(
                    f"{self.display_url} is not a timeline database (it holds other tables); "
                    "choose another --db"
                )
            return None
        found = self._rows("SELECT version_num FROM alembic_version", {})
        return str(found[0]["version_num"]) if found else None

    def check_schema(self) -> None:
        """Refuse an uninitialised, foreign, outdated or too new database."""
        if self._checked:
            return
        revision = self.revision()
        if revision is None:
            raise DatabaseError(
                f"{self.display_url} has no timeline schema yet; run `timeline init` first"
            )
        if revision not in KNOWN_REVISIONS:
            raise DatabaseError(
                f"{self.display_url} is at schema revision {revision}, newer than this program "
                f"knows (newest: {HEAD}); upgrade timeline"
            )
        if revision != HEAD:
            raise DatabaseError(
                f"{self.display_url} is at schema revision {revision}, older than this program's "
                f"{HEAD}; run `timeline init` to upgrade it"
            )
        self._checked = True


def transient_kind(err: BaseException | None) -> str | None:
    """ "busy", "conflict" or "unique" for an error worth retrying; None otherwise."""
    if isinstance(err, sqlite3.OperationalError):
        return "busy" if is_busy(err) else None
    if isinstance(err, sqlite3.IntegrityError):
        return "unique" if "unique constraint" in str(err).lower() else None
    state = getattr(err, "sqlstate", None)
    if state in ("40001", "40P01", "55P03"):
        return "conflict"
    if state == "23505":
        return "unique"
    return None


def _first_line(err: Exception) -> str:
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__
