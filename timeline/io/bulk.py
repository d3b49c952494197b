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
  driver's connection, explicit event ids, actors and documents in caches;
* a short change-log row per event (no second copy of the record);
* into an empty database, secondary indexes are dropped and rebuilt at the
  end, inside the same transaction.

Memory stays bounded: a few batches of records, the actor cache, the ids of
the documents written (at most :data:`MAX_DOCUMENTS`).
"""

from __future__ import annotations

import functools
import itertools
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.errors import ImportFailed
from timeline.events import UID_ALPHABET, current_author, now_iso
from timeline.query import actor_match, actor_params

if TYPE_CHECKING:
    from timeline.io.bulk_parse import Rows
    from timeline.io.interchange import ImportResult
    from timeline.raw_transaction import RawTransaction

BATCH = 2000
MAX_DOCUMENTS = 200_000
"""Document ids remembered as written, at most (a set of about 20 MB)."""
INDEXED_TABLES = ("events", "event_actors", "mentions", "changes")
SORT_THREADS = 2
"""SQLite helper threads for the index sorts after a load (two cores measured)."""
SORT_RUN_KB = 2000
"""SQLite page cache while the indexes are built, which is also the size of
each sorted run the helper threads make (smaller or larger runs measured slower)."""

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
"""PostgreSQL: the tables ``COPY`` fills, with the columns of :meth:`BulkLoader.complete`."""


class BulkLoader:
    """Inserts validated lines in batches inside one raw transaction."""

    def __init__(
        self, tx: RawTransaction, path: Path, skip_invalid: bool, result: ImportResult
    ) -> None:
        self.tx = tx
        self.path = path
        self.skip_invalid = skip_invalid
        self.result = result
        self.actors: dict[str, tuple[int, str]] = {}
        self.actor_ids: dict[str, int] = {}
        """Actor ids by the names as given (the fast lookup before :meth:`actor`)."""
        self.text_docs: dict[str, str | None] = {}
        self.documents: set[str] = set()
        """Documents this import has written (cleared when it grows large)."""
        self.stamp = now_iso()
        self.author = current_author()
        self.source = path.name
        # Event ids follow line numbers (id = first_id + line - 1): file order is
        # id order whichever path a line takes, and an id names its line.
        first = tx.execute("SELECT max(id) FROM events")[0][0] or 0
        if tx.is_sqlite:
            seq = tx.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
        else:
            seq = tx.execute(
                "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
                + str(tx.execute("SELECT pg_get_serial_sequence('events', 'id')")[0][0])
            )
        if seq and seq[0][0] is not None:
            first = max(first, int(seq[0][0]))
        self.first_id = first + 1
        self.dropped: list[str] = []
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

    # ------------------------------------------------------------ indexes

    def drop_indexes_if_empty(self) -> None:
        """Into an empty database, build the secondary indexes once at the end.

        Dropped and created again (the same statements) inside the import's
        transaction, so the schema afterwards is the migrated one and a killed
        import leaves them all in place. On PostgreSQL the foreign keys of the
        tables written go the same way.
        """
        tx = self.tx
        if tx.execute("SELECT 1 FROM events LIMIT 1"):
            return
        if tx.is_sqlite:
            marks = ", ".join("?" for _ in INDEXED_TABLES)
            found = tx.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks})",
                INDEXED_TABLES,
            )
        else:  # indexes of constraints (primary and unique keys) stay
            found = tx.execute(
                "SELECT indexname, indexdef FROM pg_indexes i "
                "WHERE schemaname = current_schema() AND tablename = ANY(?) AND NOT EXISTS ("
                "SELECT 1 FROM pg_constraint c WHERE c.conindid = "
                "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)",
                (list(INDEXED_TABLES),),
            )
        for name, sql in found:  # (each index is faster built after the load)
            tx.execute(f'DROP INDEX "{name}"')
            self.dropped.append(sql)
        if not tx.is_sqlite:
            # The server checks a foreign key row by row (a trigger each); added
            # back after the load, each is checked by one join. (SQLite's are
            # off for the import: it writes the rows they refer to itself.)
            for table, name, definition in tx.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' "
                "AND connamespace = current_schema()::regnamespace "
                "AND conrelid::regclass::text = ANY(?) ORDER BY conname",
                (list(INDEXED_TABLES),),
            ):
                tx.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
                self.dropped.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')

    def advance_sequence(self) -> None:
        """PostgreSQL: explicit ids do not move the id sequence; move it past them."""
        if not self.tx.is_sqlite:
            self.tx.execute(
                "SELECT setval(pg_get_serial_sequence('events', 'id'), "
                "greatest((SELECT max(id) FROM events), 1))"
            )

    def write_documents(self) -> None:
        """SQLite: the documents new to the database, in id order (see ``WRITE_DOCUMENTS``)."""
        if self.tx.is_sqlite:
            self.tx.execute(WRITE_DOCUMENTS, (self.stamp,))
            self.tx.execute("DROP TABLE temp.new_documents")

    def rebuild_indexes(self) -> None:
        """Create the dropped indexes again. SQLite sorts each index's keys with
        helper threads (the parsing worker is done by now, its core is free) in
        runs of the size of a small page cache: sorted and merged in parallel,
        about a third faster than one thread's in-memory sort (13.6 s against
        7.8 to 11.7 s for the then twelve indexes at 1,000,000 events)."""
        if not self.dropped:
            return
        if self.tx.is_sqlite:
            cache = self.tx.execute("PRAGMA cache_size")[0][0]
            self.tx.execute(f"PRAGMA threads = {SORT_THREADS}")
            self.tx.execute(f"PRAGMA cache_size = -{SORT_RUN_KB}")
        for sql in self.dropped:
            self.tx.execute(sql)
        self.dropped = []
        if self.tx.is_sqlite:
            self.tx.execute("PRAGMA threads = 0")
            self.tx.execute(f"PRAGMA cache_size = {int(cache)}")

    # ------------------------------------------------------------ lines

    def actor(self, name: str) -> tuple[int, str]:
        key = name.strip().lower()
        found = self.actors.get(key)
        if found is None:
            raw, low, alias = actor_params(name)
            rows = self.tx.execute(
                f"SELECT id, name FROM actors WHERE {actor_match('?', '?', '?')} "
                "ORDER BY (name = ?) DESC, (lower(name) = ?) DESC, id LIMIT 1",
                (raw, low, alias, raw, low),
            )
            if rows:
                found = (int(rows[0][0]), str(rows[0][1]))
            else:
                rows = self.tx.execute(
                    "INSERT INTO actors (name, kind, aliases) VALUES (?, 'state', '[]') "
                    "RETURNING id",
                    (name.strip(),),
                )
                found = (int(rows[0][0]), name.strip())
            self.actors[key] = found
        self.actor_ids[name] = found[0]
        return found

    def quote(self, document: str, start: int | None, end: int | None, quote: Any) -> Any:
        """The quote as the hand path stores it: from the document text when not given."""
        if quote is not None or start is None or end is None:
            return quote
        if document not in self.text_docs:
            if len(self.text_docs) > 50_000:
                self.text_docs.clear()
            rows = self.tx.execute("SELECT text FROM documents WHERE id = ?", (document,))
            self.text_docs[document] = rows[0][0] if rows else None
        text = self.text_docs[document]
        return (text[start:end] or None) if text else None

    def new_uid(self) -> str:
        while True:
            uid = "".join(secrets.choice(UID_ALPHABET) for _ in range(8))
            if not self.tx.execute(
                "SELECT 1 FROM events WHERE uid = ? UNION ALL SELECT 1 FROM changes "
                "WHERE event_uid = ?",
                (uid, uid),
            ):
                return uid

    def forget(self) -> None:
        """After a rollback: what the caches say was written may be gone."""
        self.actors.clear()
        self.actor_ids.clear()
        self.documents.clear()

    def complete(self, rows: Rows) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
        """Events, documents, actor links and mentions of a batch, as inserted:
        uids made up where none was given, actor names resolved, quotes taken
        from the documents' text where only a span was given."""
        events, names, mentions = rows
        missing = [i for i, row in enumerate(events) if row[1] is None]
        if missing:
            events = list(events)
            for i in missing:
                events[i] = (events[i][0], self.new_uid(), *events[i][2:])
        get, actor = self.actor_ids.get, self.actor
        # (the same actor twice in an event, by two of its names: one link)
        actors = list(dict.fromkeys((pk, get(n) or actor(n)[0], role) for pk, n, role in names))
        spans = [i for i, m in enumerate(mentions) if m[4] is None and None not in m[2:4]]
        if spans:
            mentions = list(mentions)
            for i in spans:
                pk, doc, s, e, _, *rest = mentions[i]
                mentions[i] = (pk, doc, s, e, self.quote(doc, s, e, None), *rest)
        if len(self.documents) > MAX_DOCUMENTS:
            self.documents.clear()
        new = {m[1] for m in mentions} - self.documents
        self.documents |= new
        documents = [(doc, self.stamp) for doc in sorted(new)]
        return events, documents, actors, mentions

    def insert(self, rows: Rows) -> None:
        events, documents, actors, mentions = self.complete(rows)
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
            self.forget()  # actors and documents created in the batch are gone with it
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
            self.forget()
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
    loader.drop_indexes_if_empty()
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
    if finishing is not None and loader.dropped:
        finishing("building indexes")
    loader.write_documents()
    loader.rebuild_indexes()
    loader.advance_sequence()
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
