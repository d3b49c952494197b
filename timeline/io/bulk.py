"""Bulk import: the file streamed, validated, inserted in batches.

Same contract as the event-by-event path it replaced: all or nothing in one
transaction (or the valid lines with ``skip_invalid``), errors with their line
number, and one ``changes`` row per imported event: action ``import``, the
file and line in ``note``, no ``before``/``after`` (the event as imported is
the events row itself; the first edit records it as its ``before``, as every
edit does). What makes it fast:

* parsing and validating (:mod:`timeline.io.bulk_parse`, :mod:`timeline.io.bulk_validate`:
  a fast validator for the common, already-normal record, the reference one for
  the rest) run in a worker process for a large file (:mod:`timeline.io.bulk_worker`),
  while this process writes;
* ``executemany`` (SQLite) or ``COPY`` (PostgreSQL) of whole batches on the
  driver's connection, explicit event ids, actors and documents in caches
  (:mod:`timeline.io.bulk_complete`);
* a short change-log row per event (no second copy of the record);
* into an empty database, secondary indexes are dropped and rebuilt at the
  end, inside the same transaction (:mod:`timeline.io.bulk_schema`).

Memory stays bounded: a few batches of records, the actor cache, the ids of
the documents written (at most :data:`~timeline.io.bulk_complete.MAX_DOCUMENTS`).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.errors import ImportFailed
from timeline.events import current_author, now_iso
from timeline.io.bulk_complete import BatchCompleter
from timeline.io.bulk_schema import (
    advance_sequence,
    drop_indexes_if_empty,
    first_event_id,
    rebuild_indexes,
)

if TYPE_CHECKING:
    from timeline.io.bulk_parse import Rows
    from timeline.io.interchange import ImportResult
    from timeline.raw_transaction import RawTransaction

BATCH = 2000

EVENT_COLUMNS = (
    "id",
    "uid",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "span_days",
    "category",
    "subtype",
    "summary",
    "location",
    "direction",
    "intensity",
    "cameo_code",
    "status",
    "confidence",
    "created_at",
    "updated_at",
)
ACTOR_COLUMNS = ("event_id", "actor_id", "role")
MENTION_COLUMNS = (
    "event_id",
    "document_id",
    "char_start",
    "char_end",
    "quote",
    "extractor",
    "created_at",
)
ROWS_PER_STATEMENT = 32
"""SQLite: rows per ``INSERT ... VALUES (...), (...)`` statement. A statement step
per row is much of ``executemany``'s cost for narrow rows (alone, 32 rows a
statement insert actor links in half the time, events rows in four fifths; the
whole import's own work, 6 % less at 200,000 events)."""


@functools.cache
def insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    """``INSERT INTO table (columns) VALUES`` with ``rows`` groups of marks."""
    group = f"({', '.join('?' for _ in columns)})"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([group] * rows)}"


def insert_rows(tx: RawTransaction, table: str, columns: tuple[str, ...], rows: list[Any]) -> None:
    """SQLite: ``rows`` inserted in order, :data:`ROWS_PER_STATEMENT` a statement."""
    step = ROWS_PER_STATEMENT
    whole = len(rows) - len(rows) % step
    if whole:
        flat = itertools.chain.from_iterable
        tx.executemany(
            insert_sql(table, columns, step),
            [list(flat(rows[i : i + step])) for i in range(0, whole, step)],
        )
    if whole < len(rows):
        tx.executemany(insert_sql(table, columns, 1), rows[whole:])


WRITE_DOCUMENTS = (
    "INSERT INTO documents (id, created_at) SELECT DISTINCT id, ? FROM temp.new_documents "
    "WHERE true ORDER BY id ON CONFLICT (id) DO NOTHING"
)
"""SQLite: documents new to the database, inserted in id order once the events are in
(foreign keys are checked by the import itself; at 1,000,000 events, 250,000 ids
inserted in random order cost 1.9 s, in order a fraction of that)."""
INSERT_CHANGES = (
    "INSERT INTO changes (event_uid, action, at, author, note) "
    "SELECT uid, 'import', ?, ?, ? || ', line ' || CAST(id - ? AS TEXT) FROM events "
    "WHERE id BETWEEN ? AND ? ORDER BY id"
)

COPY_TABLES = (("event_actors", ACTOR_COLUMNS), ("mentions", MENTION_COLUMNS))
"""PostgreSQL: the tables ``COPY`` fills, with the columns of
:meth:`~timeline.io.bulk_complete.BatchCompleter.complete`."""


class BulkLoader:
    """Inserts validated lines in batches inside one raw transaction."""

    def __init__(
        self, tx: RawTransaction, path: Path, skip_invalid: bool, result: ImportResult
    ) -> None:
        self.tx = tx
        self.path = path
        self.skip_invalid = skip_invalid
        self.result = result
        self.stamp = now_iso()
        self.author = current_author()
        self.source = path.name
        self.completer = BatchCompleter(tx, self.stamp)
        # Event ids follow line numbers (id = first_id + line - 1): file order is
        # id order whichever path a line takes, and an id names its line.
        self.first_id = first_event_id(tx)
        if tx.is_sqlite:  # new documents, written in id order at the end
            tx.execute("CREATE TEMP TABLE IF NOT EXISTS new_documents (id TEXT)")
            tx.execute("DELETE FROM temp.new_documents")
        else:  # (created here, outside the savepoints of the batches)
            tx.execute("CREATE TEMP TABLE doc_stage (id text) ON COMMIT DROP")

    # ------------------------------------------------------------ problems

    def fail(self, number: int, message: str) -> None:
        if not self.skip_invalid:
            raise ImportFailed(
                f"{self.path}, line {number}: {message}; nothing was imported "
                "(fix the line or use --skip-invalid)"
            )
        self.result.skipped.append((number, message))

    # ------------------------------------------------------------ batches

    def insert(self, rows: Rows) -> None:
        events, documents, actors, mentions = self.completer.complete(rows)
        tx = self.tx
        if tx.is_sqlite:
            insert_rows(tx, "temp.new_documents", ("id",), [(doc,) for doc, _ in documents])
            insert_rows(tx, "events", EVENT_COLUMNS, events)
            insert_rows(tx, "event_actors", ACTOR_COLUMNS, actors)
            insert_rows(tx, "mentions", MENTION_COLUMNS, mentions)
        else:
            self.copy(events, documents, actors, mentions)
        # One short change-log row per event, from the events just written.
        tx.execute(
            INSERT_CHANGES,
            (self.stamp, self.author, self.source, self.first_id - 1, events[0][0], events[-1][0]),
        )

    def copy(self, events: list[Any], documents: list[Any], *rest: list[Any]) -> None:
        """PostgreSQL: ``COPY`` each table (documents through a staging table, to
        skip the ones already there)."""
        tx = self.tx
        tx.copy("doc_stage", ("id",), [(doc,) for doc, _ in documents])
        tx.execute(
            "INSERT INTO documents (id, created_at) SELECT DISTINCT id, ? FROM doc_stage "
            "ON CONFLICT (id) DO NOTHING",
            (self.stamp,),
        )
        tx.execute("DELETE FROM doc_stage")
        tx.copy("events", EVENT_COLUMNS, events)
        for (table, columns), rows in zip(COPY_TABLES, rest, strict=True):
            tx.copy(table, columns, rows)

    def write(self, rows: Rows) -> None:
        if not rows[0]:
            return
        self.tx.savepoint("batch")
        try:
            self.insert(rows)
        except self.tx.integrity_errors:
            self.tx.rollback_to("batch")
            self.completer.forget()  # actors and documents created in the batch are gone with it
            for one in split(rows):
                self.insert_one(one)
            return
        self.tx.release("batch")
        self.result.imported += len(rows[0])

    def insert_one(self, rows: Rows) -> None:
        """After a failed batch: line by line, to name the line at fault."""
        pk, uid = rows[0][0][0], rows[0][0][1]
        self.tx.savepoint("line")
        try:
            self.insert(rows)
        except self.tx.integrity_errors as err:
            self.tx.rollback_to("line")
            self.completer.forget()
            self.fail(pk - self.first_id + 1, self.duplicate_message(uid, err))
            return
        self.tx.release("line")
        self.result.imported += 1

    def duplicate_message(self, uid: str | None, err: Exception) -> str:
        rows = self.tx.execute("SELECT id FROM events WHERE uid = ?", (uid,)) if uid else []
        if not rows:
            return f"cannot store this event: {str(err).splitlines()[0]}"
        line = int(rows[0][0]) - self.first_id + 1
        if line >= 1:
            return f"id: {uid!r} already appears on line {line}"
        return f"an event with id {uid!r} already exists"

    # ------------------------------------------------------------ the end

    def write_documents(self) -> None:
        """SQLite: the documents new to the database, in id order (see ``WRITE_DOCUMENTS``)."""
        if self.tx.is_sqlite:
            self.tx.execute(WRITE_DOCUMENTS, (self.stamp,))
            self.tx.execute("DROP TABLE temp.new_documents")


def bulk_import(
    tx: RawTransaction,
    path: Path,
    fmt: str,
    skip_invalid: bool,
    result: ImportResult,
    progress: Callable[[int], None] | None = None,
    finishing: Callable[[str], None] | None = None,
) -> None:
    """Stream ``path`` into the database inside ``tx``; ``progress`` gets the line
    number reached after each batch, ``finishing`` what is left to do once every
    line is in, when that takes a while (the indexes of an empty database).

    The lines are parsed and validated by :mod:`timeline.io.bulk_parse` (in a
    worker process for a large file, :mod:`timeline.io.bulk_worker`) while this
    process writes the batches.
    """
    from timeline.io.bulk_worker import parsed_batches

    loader = BulkLoader(tx, path, skip_invalid, result)
    dropped = drop_indexes_if_empty(tx)
    with parsed_batches(path, fmt, loader.first_id, loader.stamp) as batches:
        for errors, rows in batches:
            for number, message in errors:
                loader.fail(number, message)
            loader.write(rows)
            if progress is not None:
                events = rows[0]
                last = [errors[-1][0]] if errors else []
                if events:
                    last.append(events[-1][0] - loader.first_id + 1)
                if last:
                    progress(max(last))
    if finishing is not None and dropped:
        finishing("building indexes")
    loader.write_documents()
    rebuild_indexes(tx, dropped)
    advance_sequence(tx)
    result.skipped.sort()


def split(rows: Rows) -> Iterator[Rows]:
    """The rows of a batch, one line (event) at a time."""
    events, actors, mentions = rows
    by_event: dict[int, tuple[list[Any], list[Any]]] = {row[0]: ([], []) for row in events}
    for link in actors:
        by_event[link[0]][0].append(link)
    for mention in mentions:
        by_event[mention[0]][1].append(mention)
    for row in events:
        links, its_mentions = by_event[row[0]]
        yield [row], links, its_mentions
