"""Bulk import: the file streamed line by line, validated, inserted in batches.

Same contract as the event-by-event path it replaced: all or nothing in one
transaction (or the valid lines with ``skip_invalid``), errors with their line
number, and one ``changes`` row per imported event: action ``import``, the
file and line in ``note``, no ``before``/``after`` (the event as imported is
the events row itself; the first edit records it as its ``before``, as every
edit does). What makes it fast:

* a fast validator for the common, already-normal record; anything else goes
  through :func:`~timeline.io.interchange.record_to_input`, the reference, which
  also writes the error messages;
* ``executemany`` of whole batches on the driver's connection, explicit event
  ids, actors in a cache, documents by ``INSERT ... ON CONFLICT DO NOTHING``;
* a short change-log row per event (no second copy of the record);
* into an empty SQLite database, secondary indexes are dropped and rebuilt at
  the end, inside the same transaction.

Memory stays bounded: a batch of records, the actor cache, and four bytes per
imported event to name the line of an earlier duplicate id.
"""

from __future__ import annotations

import json
import queue
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline import vocab
from timeline.dates import PRECISION_RANK
from timeline.errors import ImportFailed, TimelineError
from timeline.events import UID_ALPHABET, UID_PATTERN, _author, now_iso
from timeline.query import EVENT_FIELDS, actor_match, actor_params

if TYPE_CHECKING:
    from timeline.db import RawTransaction
    from timeline.io.interchange import ImportResult

BATCH = 2000
FIELD_SET = frozenset(EVENT_FIELDS)
TEXT_FIELDS = ("date_text", "subtype", "summary", "location")
INDEXED_TABLES = ("events", "event_actors", "mentions", "changes")
KEEP_INDEXES: frozenset[str] = frozenset()
"""Secondary indexes kept up while loading (none: each is faster built after)."""

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
INSERT_EVENT = (
    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in EVENT_COLUMNS)})"
)
INSERT_ACTOR = "INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)"
INSERT_MENTION = (
    "INSERT INTO mentions (event_id, document_id, char_start, char_end, quote, extractor, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_DOCUMENT = "INSERT INTO documents (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING"
INSERT_CHANGE = "INSERT INTO changes (event_uid, action, at, author, note) VALUES (?, ?, ?, ?, ?)"

COPY_TABLES = (
    ("event_actors", ("event_id", "actor_id", "role")),
    (
        "mentions",
        ("event_id", "document_id", "char_start", "char_end", "quote", "extractor", "created_at"),
    ),
    ("changes", ("event_uid", "action", "at", "author", "note")),
)
"""PostgreSQL: the tables ``COPY`` fills, with the columns of :meth:`BulkLoader.rows_of`."""


@dataclass
class Valid:
    """A validated line: its columns (without the id), actors and sources."""

    number: int
    uid: str | None
    columns: list[Any]
    actors: list[tuple[str, str]]
    sources: list[tuple[str, int | None, int | None, Any]]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def fast_validate(record: dict[str, Any]) -> tuple[list[Any], list[tuple[str, str]], list[Any]]:
    """Columns, actors and sources of an already-normal record; ValueError if in doubt.

    The error never reaches a user: the reference validator takes over.
    """
    if not FIELD_SET.issuperset(record):
        raise ValueError
    get = record.get
    start, end = _day(get("date_start")), _day(get("date_end"))
    precision = get("date_precision")
    category = get("category")
    if (
        start is None
        or end is None
        or end < start
        or precision not in PRECISION_RANK
        or category not in vocab.CATEGORY_DEFAULTS
    ):
        raise ValueError
    texts = []
    for name in TEXT_FIELDS:
        value = get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError
        texts.append(value or None)
    cameo = get("cameo_code")
    if cameo is not None and (not isinstance(cameo, str) or cameo.strip() != cameo):
        raise ValueError
    cameo = cameo or vocab.CATEGORY_DEFAULTS[category][0]
    intensity = get("intensity")
    if intensity is None:
        intensity = vocab.goldstein(cameo, category)
    elif not _is_number(intensity) or not -10.0 <= intensity <= 10.0:
        raise ValueError
    intensity = float(intensity)
    direction = get("direction")
    if direction is None:
        direction = vocab.direction_of(intensity)
    elif direction not in vocab.DIRECTIONS:
        raise ValueError
    status = get("status") or "confirmed"
    if status not in vocab.STATUSES:
        raise ValueError
    confidence = get("confidence")
    if confidence is not None:
        if not _is_number(confidence) or not 0.0 <= confidence <= 1.0:
            raise ValueError
        confidence = float(confidence)
    stamps = []
    for name in ("created_at", "updated_at"):
        value = get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError
        stamps.append(value or None)
    actors = []
    for item in get("actors") or ():
        if type(item) is not dict:
            raise ValueError
        actor, role = item.get("name"), item.get("role", "participant")
        if not isinstance(actor, str) or role not in vocab.ROLES:
            raise ValueError
        actors.append((actor, role))
    sources = []
    for item in get("sources") or ():
        if type(item) is not dict:
            raise ValueError
        doc, quote = item.get("document"), item.get("quote")
        s, e = item.get("start"), item.get("end")
        if not isinstance(doc, str) or (quote is not None and not isinstance(quote, str)):
            raise ValueError
        if (s is not None and type(s) is not int) or (e is not None and type(e) is not int):
            raise ValueError
        sources.append((doc, s, e, quote))
    if not isinstance(get("actors") or [], list) or not isinstance(get("sources") or [], list):
        raise ValueError
    columns = [
        start.isoformat(),
        end.isoformat(),
        precision,
        texts[0],
        (end - start).days,
        category,
        texts[1],
        texts[2],
        texts[3],
        direction,
        intensity,
        cameo,
        status,
        confidence,
        stamps[0],
        stamps[1],
    ]
    return columns, actors, sources


def reference_validate(
    record: dict[str, Any],
) -> tuple[list[Any], list[tuple[str, str]], list[Any]]:
    """The same as :func:`fast_validate` through the reference validator (any record)."""
    from timeline.io.interchange import record_to_input

    item = record_to_input(record)
    v = item.column_values()
    columns = [
        v["date_start"].isoformat(),
        v["date_end"].isoformat(),
        v["date_precision"],
        v["date_text"],
        v["span_days"],
        v["category"],
        v["subtype"],
        v["summary"],
        v["location"],
        v["direction"],
        v["intensity"],
        v["cameo_code"],
        v["status"],
        v["confidence"],
        item.created_at,
        item.updated_at,
    ]
    sources = [(s.document, s.start, s.end, s.quote) for s in item.sources]
    return columns, list(item.actors), sources


def validate(record: dict[str, Any]) -> tuple[str | None, list[Any], list[Any], list[Any]]:
    try:
        columns, actors, sources = fast_validate(record)
    except (ValueError, TypeError):
        columns, actors, sources = reference_validate(record)
    uid = record.get("id") or None
    if uid is not None and (not isinstance(uid, str) or not UID_PATTERN.fullmatch(uid)):
        raise ValueError(f"event id {uid!r} is not short and URL-safe (A-Z a-z 0-9 _ -)")
    return uid, columns, actors, sources


def jsonl_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | str, str | None]]:
    """(line number, record or error text, raw line) for a JSON-lines file, streamed."""
    from timeline.io.interchange import _open

    with _open(path) as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as err:
                    yield number, f"not valid JSON ({err.msg} at column {err.colno})", None
                    continue
                except RecursionError:
                    yield number, "not valid JSON (nested too deeply)", None
                    continue
                if not isinstance(value, dict):
                    yield number, "not a JSON object", None
                    continue
                yield number, value, line
        except UnicodeDecodeError as err:
            raise ImportFailed(
                f"{path} is not UTF-8 text (byte {err.start}); convert it, e.g. "
                f"iconv -f latin1 -t utf-8 {path} > fixed.jsonl"
            ) from None


class BulkLoader:
    """Inserts validated lines in batches inside one raw transaction."""

    def __init__(
        self, tx: RawTransaction, path: Path, skip_invalid: bool, result: ImportResult
    ) -> None:
        self.tx = tx
        self.path = path
        self.skip_invalid = skip_invalid
        self.result = result
        self.batch: list[Valid] = []
        self.actors: dict[str, tuple[int, str]] = {}
        self.text_docs: dict[str, str | None] = {}
        self.stamp = now_iso()
        self.author = _author()
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
        if not tx.is_sqlite:  # (created here, outside the savepoints of the batches)
            tx.execute("CREATE TEMP TABLE doc_stage (id text) ON COMMIT DROP")
        self.writer: WriterThread | None = None

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
        import leaves them all in place.
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
        for name, sql in found:
            if name in KEEP_INDEXES:
                continue
            tx.execute(f'DROP INDEX "{name}"')
            self.dropped.append(sql)

    def advance_sequence(self) -> None:
        """PostgreSQL: explicit ids do not move the id sequence; move it past them."""
        if not self.tx.is_sqlite:
            self.tx.execute(
                "SELECT setval(pg_get_serial_sequence('events', 'id'), "
                "greatest((SELECT max(id) FROM events), 1))"
            )

    def rebuild_indexes(self) -> None:
        for sql in self.dropped:
            self.tx.execute(sql)
        self.dropped = []

    # ------------------------------------------------------------ lines

    def add(self, number: int, record: dict[str, Any] | str, line: str | None) -> None:
        try:
            if isinstance(record, str):
                raise ValueError(record)
            uid, columns, actors, sources = validate(record)
        except (ValueError, TimelineError) as err:
            self.fail(number, str(err))
            return
        self.batch.append(Valid(number, uid, columns, actors, sources))
        if len(self.batch) >= BATCH:
            self.hand_over()

    def hand_over(self) -> None:
        """Give the batch to the writer thread (or write it here without one)."""
        items, self.batch = self.batch, []
        if self.writer is None:
            self.write(items)
        else:
            self.writer.put(items)

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

    def rows_of(self, items: list[Valid]) -> tuple[list[Any], ...]:
        events, actors, mentions, documents, changes = [], [], [], [], []
        stamp, author = self.stamp, self.author
        for v in items:
            pk = self.first_id + v.number - 1
            uid = v.uid or self.new_uid()
            v.uid = uid
            cols = v.columns
            created = cols[14] or stamp
            updated = cols[15] or cols[14] or stamp
            events.append((pk, uid, *cols[:14], created, updated))
            seen: set[tuple[int, str]] = set()
            for name, role in v.actors:
                actor_id = self.actor(name)[0]
                if (actor_id, role) not in seen:
                    seen.add((actor_id, role))
                    actors.append((pk, actor_id, role))
            for doc, s, e, q in v.sources:
                documents.append((doc, stamp))
                mentions.append((pk, doc, s, e, self.quote(doc, s, e, q), "hand", stamp))
            changes.append((uid, "import", stamp, author, f"{self.source}, line {v.number}"))
        return events, documents, actors, mentions, changes

    def insert(self, items: list[Valid]) -> None:
        events, documents, actors, mentions, changes = self.rows_of(items)
        tx = self.tx
        if not tx.is_sqlite:
            self.copy(events, documents, actors, mentions, changes)
            return
        tx.executemany(INSERT_DOCUMENT, documents)
        tx.executemany(INSERT_EVENT, events)
        tx.executemany(INSERT_ACTOR, actors)
        tx.executemany(INSERT_MENTION, mentions)
        tx.executemany(INSERT_CHANGE, changes)

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

    def write(self, items: list[Valid]) -> None:
        if not items:
            return
        self.tx.savepoint("batch")
        try:
            self.insert(items)
        except self.tx.integrity_errors:
            self.tx.rollback_to("batch")
            self.actors.clear()  # actors created in the batch are gone with it
            for v in items:
                self.insert_one(v)
            return
        self.tx.release("batch")
        self.result.imported += len(items)

    def insert_one(self, v: Valid) -> None:
        """After a failed batch: line by line, to name the line at fault."""
        uid_given = v.uid
        self.tx.savepoint("line")
        try:
            self.insert([v])
        except self.tx.integrity_errors as err:
            self.tx.rollback_to("line")
            self.actors.clear()
            v.uid = uid_given
            self.fail(v.number, self.duplicate_message(v.uid, err))
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


def raw_jsonl(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) for the non-blank lines of a UTF-8 file, streamed."""
    from timeline.io.interchange import _open

    with _open(path) as handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
        except UnicodeDecodeError as err:
            raise ImportFailed(
                f"{path} is not UTF-8 text (byte {err.start}); convert it, e.g. "
                f"iconv -f latin1 -t utf-8 {path} > fixed.jsonl"
            ) from None


def parse_line(number: int, line: str) -> tuple[int, dict[str, Any] | str, str | None]:
    """The record of one line, or the reason it is not one (as :func:`jsonl_lines`)."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        return number, f"not valid JSON ({err.msg} at column {err.colno})", None
    except RecursionError:
        return number, "not valid JSON (nested too deeply)", None
    if not isinstance(value, dict):
        return number, "not a JSON object", None
    return number, value, line


def sqlite_json_import(loader: BulkLoader) -> None:
    """JSON lines into SQLite: SQL takes the normal lines, Python the others."""
    from timeline.io import bulk_sqlite

    bulk_sqlite.setup(loader)
    for batch in bulk_sqlite.raw_lines(raw_jsonl(loader.path)):
        rest = bulk_sqlite.load_batch(loader, batch)
        for number, line in rest:
            loader.add(*parse_line(number, line))
        loader.hand_over()
    bulk_sqlite.teardown(loader)


class WriterThread(threading.Thread):
    """Writes batches while the main thread parses and validates the next ones.

    The database driver releases the GIL while SQLite or the server works, so
    parsing and writing overlap. Only this thread touches the connection while
    it runs; its first error is raised in the main thread.
    """

    def __init__(self, loader: BulkLoader) -> None:
        super().__init__(name="timeline-import-writer", daemon=True)
        self.loader = loader
        self.queue: queue.Queue[list[Valid] | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None

    def run(self) -> None:
        while True:
            items = self.queue.get()
            if items is None:
                return
            if self.error is None:
                try:
                    self.loader.write(items)
                except BaseException as err:  # handed to the main thread
                    self.error = err

    def check(self) -> None:
        if self.error is not None:
            raise self.error

    def put(self, items: list[Valid]) -> None:
        self.check()
        self.queue.put(items)

    def finish(self) -> None:
        self.queue.put(None)
        self.join()


def bulk_import(
    tx: RawTransaction,
    path: Path,
    fmt: str,
    skip_invalid: bool,
    result: ImportResult,
) -> None:
    """Stream ``path`` into the database inside ``tx``."""
    from timeline.io.interchange import read_lines

    loader = BulkLoader(tx, path, skip_invalid, result)
    loader.drop_indexes_if_empty()
    if tx.is_sqlite and fmt == "jsonl" and sqlite_json_import is not None:
        sqlite_json_import(loader)
        loader.rebuild_indexes()
        result.skipped.sort()
        return
    lines: Iterator[tuple[int, dict[str, Any] | str, str | None]]
    if fmt == "jsonl":
        lines = jsonl_lines(path)
    else:
        lines = ((n, r, None) for n, r in read_lines(path, fmt))
    writer = loader.writer = WriterThread(loader)
    writer.start()
    try:
        for number, record, line in lines:
            loader.add(number, record, line)
        loader.hand_over()
    finally:
        writer.finish()
        loader.writer = None
    writer.check()
    loader.rebuild_indexes()
    loader.advance_sequence()
    result.skipped.sort()
