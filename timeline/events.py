"""Events as they are written: :class:`EventInput` describes one, the :class:`Writer` writes it.

The Writer is the write side of one transaction (events, actors, documents,
mentions). Every change is appended to the ``changes`` log with the record
before and after (interchange format, as JSON) in the same transaction, so
nothing a curator does is lost and ``timeline history ID`` can show it. The
operations a curator runs (add, edit, status, delete) are in
:mod:`timeline.editing`; merging (:mod:`timeline.merging`) and the ingest
pipeline write through the Writer too.
"""

from __future__ import annotations

import functools
import getpass
import json
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from timeline import vocab
from timeline.dates import DateSpan
from timeline.errors import InvalidValue, NotFound
from timeline.query import actor_match, actor_params
from timeline.query_records import Row, load_records

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

UID_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789"
UID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}")
SOURCE_PATTERN = re.compile(r"(?P<doc>[^:\s]+)(?::(?P<start>\d+)-(?P<end>\d+))?")


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def current_author() -> str | None:
    """The operating-system user, recorded as the author of changes (None if unknown)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


OFFSET_LIMIT = 2**31
"""Character offsets fit a 32-bit integer column (PostgreSQL's integer)."""


@dataclass(frozen=True)
class SourceRef:
    """A citation: a document id and optionally a character span and quote."""

    document: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    extractor: str = "hand"
    extractor_version: str | None = None
    confidence: float | None = None

    def __post_init__(self) -> None:
        # (every way in -- typed, imported, recorded decisions -- builds one of these)
        for name, value in (("start", self.start), ("end", self.end)):
            if value is not None and not -OFFSET_LIMIT <= value < OFFSET_LIMIT:
                raise InvalidValue(f"source {self.document}: {name} {value} is too large")

    @classmethod
    def parse(cls, text: str) -> SourceRef:
        """``DOC`` or ``DOC:START-END``."""
        m = SOURCE_PATTERN.fullmatch(text.strip())
        if not m:
            raise InvalidValue(f"cannot read source {text!r}; write DOC or DOC:START-END")
        start = int(m["start"]) if m["start"] else None
        end = int(m["end"]) if m["end"] else None
        if start is not None and end is not None and end < start:
            raise InvalidValue(f"source {text!r} ends before it starts; write DOC:START-END")
        return cls(m["doc"], start, end)


def parse_actor(text: str) -> tuple[str, str]:
    """``"Oman:intermediary"`` -> (name, role); a bare name is a participant."""
    name, sep, role = text.rpartition(":")
    if not sep:
        name, role = text, "participant"
    name = name.strip()
    if not name:
        raise InvalidValue(f"actor {text!r} has no name; write NAME or NAME:ROLE")
    return name, vocab.choice("role", role, vocab.ROLES)


@dataclass
class EventInput:
    """A new event as a curator or an importer describes it."""

    span: DateSpan
    category: str
    date_text: str | None = None
    subtype: str | None = None
    summary: str | None = None
    location: str | None = None
    direction: str | None = None
    intensity: float | None = None
    cameo_code: str | None = None
    status: str = "confirmed"
    confidence: float | None = None
    actors: Sequence[tuple[str, str]] = ()
    sources: Sequence[SourceRef] = ()
    uid: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def column_values(self) -> dict[str, Any]:
        """The ``events`` columns, with vocabulary checks and the defaults applied."""
        category = vocab.choice("category", self.category, vocab.CATEGORIES)
        cameo = (self.cameo_code or "").strip() or vocab.CATEGORY_DEFAULTS[category][0]
        intensity = (
            vocab.goldstein(cameo, category)
            if self.intensity is None
            else vocab.check_intensity(self.intensity)
        )
        direction = (
            vocab.direction_of(intensity)
            if self.direction is None
            else vocab.choice("direction", self.direction, vocab.DIRECTIONS)
        )
        stamp = now_iso()
        return {
            "date_start": self.span.start,
            "date_end": self.span.end,
            "date_precision": self.span.precision,
            "date_text": self.date_text,
            "span_days": self.span.days,
            "category": category,
            "subtype": self.subtype,
            "summary": self.summary,
            "location": self.location,
            "direction": direction,
            "intensity": intensity,
            "cameo_code": cameo,
            "status": vocab.choice("status", self.status, vocab.STATUSES),
            "confidence": vocab.check_confidence(self.confidence),
            "created_at": self.created_at or stamp,
            "updated_at": self.updated_at or self.created_at or stamp,
        }


# ---------------------------------------------------------------------- helpers


_NAMED = re.compile(r"(?<![:\w\\]):(\w+)(?!:)")


@functools.lru_cache(maxsize=256)
def _pyformat(sql: str) -> str:
    """``:name`` parameters as psycopg's ``%(name)s`` (a literal % doubled)."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


@functools.lru_cache(maxsize=64)
def _insert_sql(table: str, names: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"


class Writer:
    """The write side of one transaction: actors, documents, mentions, log.

    Statements go straight to the driver's cursor of the session's connection
    (same transaction, a fraction of the cost of an ORM flush or a SQLAlchemy
    ``execute``); anything the ORM has pending is flushed first, and driver
    errors are raised as SQLAlchemy's, as a session would.
    """

    def __init__(self, session: Session, is_sqlite: bool) -> None:
        self.session = session
        self.is_sqlite = is_sqlite
        self._actors: dict[str, int] = {}
        self._documents: set[str] = set()
        self._cur: Any = None
        self.author = current_author()

    # ------------------------------------------------------------------ driver access

    def _cursor(self) -> Any:
        self.session.flush()  # ORM changes first, in order (a no-op when clean)
        if self._cur is None:
            driver: Any = self.session.connection().connection.driver_connection
            self._cur = driver.cursor()
        return self._cur

    def _sql(self, sql: str) -> str:
        return sql if self.is_sqlite else _pyformat(sql)

    def _bound(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        if not self.is_sqlite:
            return params
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in params.items()}

    def _run(self, sql: str, params: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> Any:
        cur = self._cursor()
        try:
            if isinstance(params, Mapping):
                cur.execute(self._sql(sql), self._bound(params))
            elif params:
                cur.executemany(self._sql(sql), [self._bound(p) for p in params])
        except Exception as err:
            self._wrap(err, sql, params)
        return cur

    def _wrap(self, err: Exception, sql: str, params: Any) -> None:
        from sqlalchemy.exc import DBAPIError

        dialect = self.session.get_bind().dialect
        base = dialect.loaded_dbapi.Error
        if not isinstance(err, base):
            raise err
        raise DBAPIError.instance(sql, params, err, base, dialect=dialect) from err

    def fetch(self, sql: str, params: Mapping[str, Any]) -> list[Row]:
        """A read query inside the transaction (sees its own writes)."""
        cur = self._run(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def execute(self, sql: str, params: Mapping[str, Any]) -> None:
        """A write statement inside the transaction."""
        self._run(sql, params)

    def executemany(self, sql: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """One write statement for many rows (nothing happens for none)."""
        if rows:
            self._run(sql, rows)

    def insert_row(self, table: str, values: Mapping[str, Any]) -> int:
        """Insert one row; returns its integer ``id``."""
        sql = _insert_sql(table, tuple(values))
        if self.is_sqlite:  # lastrowid: no RETURNING needed (SQLite < 3.35 has none)
            return int(self._run(sql, values).lastrowid)
        return int(self._run(sql + " RETURNING id", values).fetchall()[0][0])

    def insert_rows(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert rows sharing one set of columns, in order, with one executemany."""
        if rows:
            self._run(_insert_sql(table, tuple(rows[0])), rows)

    # ------------------------------------------------------------------ rows

    def new_uid(self) -> str:
        while True:
            uid = "".join(secrets.choice(UID_ALPHABET) for _ in range(8))
            taken = self.fetch(
                "SELECT 1 AS x FROM events WHERE uid = :u "
                "UNION ALL SELECT 1 AS x FROM changes WHERE event_uid = :u",
                {"u": uid},
            )
            if not taken:
                return uid

    def actor_id(self, name: str) -> int:
        key = name.strip().lower()
        if key in self._actors:
            return self._actors[key]
        raw, low, alias = actor_params(name)
        found = self.fetch(
            f"SELECT id FROM actors WHERE {actor_match(':r', ':n', ':a')} "
            "ORDER BY (name = :r) DESC, (lower(name) = :n) DESC, id LIMIT 1",
            {"r": raw, "n": low, "a": alias},
        )
        if found:
            actor_id = int(found[0]["id"])
        else:
            actor_id = self.insert_row(
                "actors", {"name": name.strip(), "kind": "state", "aliases": "[]"}
            )
        self._actors[key] = actor_id
        return actor_id

    def ensure_document(self, document: str) -> None:
        if document in self._documents:
            return
        if not self.fetch("SELECT 1 AS x FROM documents WHERE id = :d", {"d": document}):
            self.execute(
                "INSERT INTO documents (id, created_at) VALUES (:d, :t)",
                {"d": document, "t": now_iso()},
            )
        self._documents.add(document)

    def set_actors(self, event_id: int, actors: Iterable[tuple[str, str]]) -> None:
        self.execute("DELETE FROM event_actors WHERE event_id = :e", {"e": event_id})
        seen: set[tuple[int, str]] = set()
        rows = []
        for name, role in actors:
            key = (self.actor_id(name), vocab.choice("role", role, vocab.ROLES))
            if key not in seen:
                seen.add(key)
                rows.append({"event_id": event_id, "actor_id": key[0], "role": key[1]})
        self.insert_rows("event_actors", rows)

    def add_sources(self, event_id: int, sources: Iterable[SourceRef]) -> None:
        self.insert_rows("mentions", self.mention_rows(event_id, sources))

    def mention_rows(self, event_id: int, sources: Iterable[SourceRef]) -> list[Row]:
        """The ``mentions`` rows of :meth:`add_sources`, documents made sure of."""
        rows = []
        stamp = now_iso()
        for src in sources:
            self.ensure_document(src.document)
            quote = src.quote
            if quote is None and src.start is not None and src.end is not None:
                text = self.fetch("SELECT text FROM documents WHERE id = :d", {"d": src.document})
                if text and text[0]["text"]:
                    quote = text[0]["text"][src.start : src.end] or None
            rows.append(
                {
                    "event_id": event_id,
                    "document_id": src.document,
                    "char_start": src.start,
                    "char_end": src.end,
                    "quote": quote,
                    "extractor": src.extractor,
                    "extractor_version": src.extractor_version,
                    "confidence": src.confidence,
                    "created_at": stamp,
                }
            )
        return rows

    def record(self, uid: str) -> Row | None:
        found = self.fetch("SELECT id FROM events WHERE uid = :u", {"u": uid})
        if not found:
            return None
        records = load_records(self.fetch, [int(found[0]["id"])])
        return records[0] if records else None

    def log(
        self, uid: str, action: str, before: Row | None, after: Row | None, note: str | None = None
    ) -> None:
        self.insert_rows("changes", [self.change_row(uid, action, before, after, note)])

    def change_row(
        self, uid: str, action: str, before: Row | None, after: Row | None, note: str | None = None
    ) -> Row:
        """The ``changes`` row :meth:`log` writes."""
        return {
            "event_uid": uid,
            "action": action,
            "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
            "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
            "at": now_iso(),
            "author": self.author,
            "note": note,
        }

    def event_pk(self, uid: str) -> int:
        found = self.fetch("SELECT id FROM events WHERE uid = :u", {"u": uid})
        if not found:
            raise NotFound(f"no event with id {uid!r}; `timeline list` shows the ids")
        return int(found[0]["id"])

    def insert(self, item: EventInput, action: str = "add") -> str:
        uid = item.uid or self.new_uid()
        if not UID_PATTERN.fullmatch(uid):
            raise InvalidValue(f"event id {uid!r} is not short and URL-safe (A-Z a-z 0-9 _ -)")
        if self.fetch("SELECT 1 AS x FROM events WHERE uid = :u", {"u": uid}):
            raise InvalidValue(f"an event with id {uid!r} already exists")
        event_id = self.insert_row("events", {"uid": uid, **item.column_values()})
        self.set_actors(event_id, item.actors)
        self.add_sources(event_id, item.sources)
        self.log(uid, action, None, self.record(uid))
        return uid
