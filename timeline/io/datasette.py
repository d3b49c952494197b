"""``timeline export datasette``: a standalone SQLite database for Datasette.

Two steps, the github-to-sqlite way: :func:`build_datasette` reads the live
timeline through the library (so it works from SQLite and PostgreSQL alike) and
writes plain tables with sqlite-utils; :func:`ensure_db_shape` then adds the
full-text search, indexes and views, and can be run again on an existing
export. The file is built beside its destination and moved into place, so a
failed export never leaves half a database behind.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.config import sqlite_path
from timeline.errors import InvalidValue, MissingExtra
from timeline.io.datasette_metadata import build_metadata
from timeline.io.datasette_sql import VIEWS
from timeline.io.records import Record, actors_line, date_label, names
from timeline.query import Filters, iter_events

if TYPE_CHECKING:
    from timeline.db import Database

EVENT_COLUMNS: dict[str, type] = {
    "id": str,
    "date": str,
    "date_start": str,
    "date_end": str,
    "date_precision": str,
    "category": str,
    "direction": str,
    "intensity": float,
    "summary": str,
    "actors_text": str,
    "intermediaries_text": str,
    "sources": int,
    "subtype": str,
    "location": str,
    "date_text": str,
    "cameo_code": str,
    "status": str,
    "confidence": float,
    "actors": str,
    "initiators": str,
    "initiators_text": str,
    "targets": str,
    "targets_text": str,
    "intermediaries": str,
    "quotes": str,
    "created_at": str,
    "updated_at": str,
}

FTS = {
    "events": ["summary", "quotes"],
    "mentions": ["quote"],
    "documents": ["title", "text"],
}

INDEXES = {
    "events": [["date_start"], ["date_end"], ["category"], ["direction"], ["date_precision"]],
    "event_actors": [["event_id"], ["actor_id"], ["role"]],
    "mentions": [["event_id"], ["document_id"]],
    "documents": [["published"]],
}


@dataclass
class DatasetteExport:
    path: Path
    metadata_path: Path
    counts: dict[str, int] = field(default_factory=dict)

    def serve_command(self) -> list[str]:
        return ["datasette", str(self.path), "--metadata", str(self.metadata_path)]


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def event_row(record: Record) -> dict[str, Any]:
    """One flat row of the events table."""
    row: dict[str, Any] = {
        k: record.get(k) for k in EVENT_COLUMNS if k in record and k not in ("actors", "sources")
    }
    row["date"] = date_label(record)
    row["actors"] = json.dumps(_unique(a["name"] for a in record["actors"]), ensure_ascii=False)
    row["actors_text"] = actors_line(record)
    for role, column in (
        ("initiator", "initiators"),
        ("target", "targets"),
        ("intermediary", "intermediaries"),
    ):
        people = names(record, role)
        row[column] = json.dumps(people, ensure_ascii=False)
        row[f"{column}_text"] = ", ".join(people)
    row["sources"] = len(record["sources"])
    row["quotes"] = "\n".join(s["quote"] for s in record["sources"] if s.get("quote"))
    return row


def check_destination(database: Database, out: Path, replace: bool) -> None:
    if out.suffix.lower() not in (".db", ".sqlite", ".sqlite3"):
        raise InvalidValue(f"name the export file with .db, e.g. {out.with_suffix('.db').name}")
    if database.is_sqlite and out.resolve() == Path(sqlite_path(database.url)).resolve():
        raise InvalidValue(
            f"{out} is the live timeline database; choose another file for the export"
        )
    if out.is_dir():
        raise InvalidValue(f"{out} is a directory; give a file name such as {out / 'export.db'}")
    if out.exists() and not replace:
        raise InvalidValue(f"{out} already exists; use --replace to overwrite it")
    if not out.parent.is_dir():
        raise InvalidValue(f"the directory {out.parent} does not exist; create it first")


BATCH = 2000
"""Events read and written at a time: memory stays bounded however many there are."""

ACTOR_COLUMNS = {"id": int, "name": str, "kind": str, "country": str, "aliases": str}
DOCUMENT_COLUMNS = {
    "id": str,
    "title": str,
    "publisher": str,
    "author": str,
    "url": str,
    "published": str,
    "published_precision": str,
    "text": str,
}
LINK_COLUMNS = {"id": int, "event_id": str, "actor_id": int, "role": str}
MENTION_COLUMNS = {
    "id": int,
    "event_id": str,
    "document_id": str,
    "char_start": int,
    "char_end": int,
    "quote": str,
    "extractor": str,
    "confidence": float,
}

Progress = Callable[[int, int], None]
"""Told (events written so far, events to write) after each batch."""


def build_datasette(
    database: Database,
    out: str | Path,
    metadata_path: str | Path | None = None,
    replace: bool = False,
    source: str | None = None,
    license_note: str | None = None,
    batch: int = BATCH,
    progress: Progress | None = None,
) -> DatasetteExport:
    """Write the Datasette database ``out`` and its metadata (``metadata.json`` beside it).

    Every table is streamed ``batch`` rows at a time (events with their actors
    and sources through :func:`~timeline.query.iter_events`), so memory does not
    grow with the size of the timeline; ``progress`` follows the events.
    """
    import sqlite_utils

    out = Path(out)
    check_destination(database, out, replace)
    meta = Path(metadata_path) if metadata_path else out.parent / "metadata.json"
    if meta.suffix.lower() not in (".json", ".yml", ".yaml"):
        raise InvalidValue(f"name the metadata file .json, .yml or .yaml, not {meta.name}")
    if batch < 1:
        raise InvalidValue("the batch size must be at least 1")
    kept = Filters()
    total = 0
    if progress is not None:
        statuses = ", ".join(f"'{s}'" for s in kept.statuses)
        total = int(
            database.rows(f"SELECT count(*) AS n FROM events WHERE status IN ({statuses})")[0]["n"]
        )

    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        db = sqlite_utils.Database(tmp)
        db.table("actors").create(ACTOR_COLUMNS, pk="id")
        db.table("events").create(EVENT_COLUMNS, pk="id")
        db.table("documents").create(DOCUMENT_COLUMNS, pk="id")
        db.table("event_actors").create(
            LINK_COLUMNS,
            pk="id",
            foreign_keys=[("event_id", "events", "id"), ("actor_id", "actors", "id")],
        )
        db.table("mentions").create(
            MENTION_COLUMNS,
            pk="id",
            foreign_keys=[("event_id", "events", "id"), ("document_id", "documents", "id")],
        )
        # Plain inserts in one transaction: the file is new and only moved into
        # place once complete, and a commit per chunk (sqlite-utils' insert_all)
        # would sync the disk thousands of times.
        conn = db.conn
        actor_ids: dict[str, int] = {}
        for actors in database.iter_rows(
            "SELECT id, name, kind, country, aliases FROM actors ORDER BY id", size=batch
        ):
            actor_ids.update((a["name"], a["id"]) for a in actors)
            _insert(conn, "actors", ACTOR_COLUMNS, actors)
        link_id = done = 0
        if progress is not None:
            progress(0, total)
        for records in iter_events(database, kept, batch):
            _insert(conn, "events", EVENT_COLUMNS, [event_row(r) for r in records])
            links = []
            for r in records:
                for a in r["actors"]:
                    link_id += 1
                    links.append(
                        {
                            "id": link_id,
                            "event_id": r["id"],
                            "actor_id": actor_ids[a["name"]],
                            "role": a["role"],
                        }
                    )
            _insert(conn, "event_actors", LINK_COLUMNS, links)
            done += len(records)
            if progress is not None:
                progress(done, total)
        for documents in database.iter_rows(
            "SELECT id, title, publisher, author, url, published, published_precision, text "
            "FROM documents ORDER BY id",
            size=batch,
        ):
            _insert(conn, "documents", DOCUMENT_COLUMNS, documents)
        for mentions in database.iter_rows(
            "SELECT m.id, e.uid AS event_id, m.document_id, m.char_start, m.char_end, m.quote, "
            "m.extractor, m.confidence FROM mentions m JOIN events e ON e.id = m.event_id "
            "WHERE e.status <> 'rejected' ORDER BY m.id",
            size=batch,
        ):
            _insert(conn, "mentions", MENTION_COLUMNS, mentions)
        conn.commit()
        ensure_db_shape(db)
        counts = {
            name: db.table(name).count for name in ("events", "actors", "documents", "mentions")
        }
        db.close()
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)

    exported_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    write_metadata(meta, build_metadata(out.stem, counts, exported_at, source, license_note))
    return DatasetteExport(out, meta, counts)


def _insert(conn: Any, table: str, columns: Iterable[str], rows: list[dict[str, Any]]) -> None:
    """``rows`` into ``table`` as they come (what sqlite-utils' insert_all stores)."""
    names = list(columns)
    sql = (
        f"INSERT INTO [{table}] ({', '.join(f'[{n}]' for n in names)}) "
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    conn.executemany(sql, [tuple(row.get(n) for n in names) for row in rows])


def ensure_db_shape(db: Any) -> None:
    """Full-text search, indexes and views on an export (a ``sqlite_utils.Database``).

    Safe to run again: existing indexes and views are kept, search indexes rebuilt.
    """
    for table, columns in FTS.items():
        if f"{table}_fts" in db.table_names():
            db.table(table).rebuild_fts()
        else:
            db.table(table).enable_fts(columns, tokenize="porter")
    for table, indexes in INDEXES.items():
        for columns in indexes:
            db.table(table).create_index(columns, if_not_exists=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    db.vacuum()


def write_metadata(path: Path, metadata: dict[str, Any]) -> None:
    if path.suffix.lower() == ".json":
        path.write_text(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", "utf-8")
        return
    try:
        import yaml
    except ImportError:
        raise MissingExtra(
            f"writing {path.name} needs PyYAML (it comes with Datasette: "
            "pip install 'timeline[datasette]'); or name the metadata file .json"
        ) from None
    path.write_text(
        yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100), "utf-8"
    )


def serve(export: DatasetteExport, port: int = 8001) -> int:
    """Run Datasette on the export until it is stopped; returns its exit code."""
    import importlib.util
    import subprocess

    if importlib.util.find_spec("datasette") is None:
        raise MissingExtra(
            "Datasette is not installed; install it with: pip install 'timeline[datasette]' "
            f"and run: {' '.join(export.serve_command())}"
        )
    command = [sys.executable, "-m", "datasette", "serve", str(export.path)]
    command += ["--metadata", str(export.metadata_path), "--port", str(port)]
    return subprocess.call(command)
