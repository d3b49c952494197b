"""The interchange format: JSON lines (or CSV) of events, imported and exported.

Import is all-or-nothing: every line is validated first and one bad line stops
the whole import with its line number and field, unless ``skip_invalid`` is
set, in which case the rest goes in and the skipped lines are reported.
Export, import into an empty database and export again gives identical output.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from timeline.date_input import span_from_record
from timeline.db import Database
from timeline.errors import ImportFailed, TimelineError
from timeline.events import EventInput, SourceRef
from timeline.query import Filters, build_query
from timeline.query_records import EVENT_FIELDS, load_records
from timeline.vocab import ROLES, choice

if TYPE_CHECKING:
    from timeline.raw_transaction import RawTransaction

FORMATS = ("jsonl", "csv")
REQUIRED = ("date_start", "date_end", "date_precision", "category")


@dataclass
class ImportResult:
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    documents: int = 0


def detect_format(path: Path, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise ImportFailed(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
        return fmt
    return "csv" if path.suffix.lower() == ".csv" else "jsonl"


def _open(path: Path) -> IO[str]:
    if not path.exists():
        raise ImportFailed(f"{path} does not exist; check the file name")
    if path.is_dir():
        raise ImportFailed(f"{path} is a directory; give a .jsonl or .csv file")
    try:
        return path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise ImportFailed(f"cannot read {path}: {err.strerror}") from None


def _text(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key}: expected text, got {type(value).__name__}")
    return value


def _number(record: dict[str, Any], key: str) -> float | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{key}: expected a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{key}: expected a number, got {value!r}") from None


def _actors(record: dict[str, Any]) -> list[tuple[str, str]]:
    actors = record.get("actors") or []
    if not isinstance(actors, list):
        raise ValueError("actors: expected a list of {name, role}")
    out = []
    for item in actors:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise ValueError("actors: each needs a name and a role")
        out.append((item["name"], choice("role", str(item.get("role", "participant")), ROLES)))
    return out


def _sources(record: dict[str, Any]) -> list[SourceRef]:
    sources = record.get("sources") or []
    if not isinstance(sources, list):
        raise ValueError("sources: expected a list of {document, start, end, quote}")
    out = []
    for item in sources:
        if not isinstance(item, dict) or not isinstance(item.get("document"), str):
            raise ValueError("sources: each needs a document id")
        start, end = item.get("start"), item.get("end")
        for name, value in (("start", start), ("end", end)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise ValueError(f"sources: {name} must be a whole number")
        quote = item.get("quote")
        if quote is not None and not isinstance(quote, str):
            raise ValueError("sources: quote must be text")
        out.append(SourceRef(item["document"], start, end, quote))
    return out


def record_to_input(record: dict[str, Any]) -> EventInput:
    """Validate one interchange record; ValueError/TimelineError name the field."""
    missing = [k for k in REQUIRED if not record.get(k)]
    if missing:
        raise ValueError(f"{missing[0]}: missing")
    unknown = set(record) - set(EVENT_FIELDS)
    if unknown:
        raise ValueError(f"{sorted(unknown)[0]}: unknown field")
    for key in ("date_start", "date_end", "date_precision"):
        if not isinstance(record[key], str):
            raise ValueError(f"{key}: expected text, got {type(record[key]).__name__}")
    try:
        span = span_from_record(record["date_start"], record["date_end"], record["date_precision"])
    except TimelineError as err:
        raise ValueError(f"date: {err}") from None
    item = EventInput(
        span=span,
        category=str(record["category"]),
        date_text=_text(record, "date_text"),
        subtype=_text(record, "subtype"),
        summary=_text(record, "summary"),
        location=_text(record, "location"),
        direction=_text(record, "direction"),
        intensity=_number(record, "intensity"),
        cameo_code=_text(record, "cameo_code"),
        status=_text(record, "status") or "confirmed",
        confidence=_number(record, "confidence"),
        actors=_actors(record),
        sources=_sources(record),
        uid=_text(record, "id"),
        created_at=_text(record, "created_at"),
        updated_at=_text(record, "updated_at"),
    )
    try:
        item.column_values()
    except TimelineError as err:
        raise ValueError(str(err)) from None
    return item


DOCUMENT_UPSERT = (
    "INSERT INTO documents (id, title, publisher, author, url, published, published_precision, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "title = excluded.title, publisher = excluded.publisher, author = excluded.author, "
    "url = excluded.url, published = excluded.published, "
    "published_precision = excluded.published_precision"
)


def load_documents(tx: RawTransaction, path: Path) -> int:
    """Document metadata from a CSV with the columns of sources.csv."""
    from timeline.date_input import parse_date
    from timeline.events import now_iso

    count = 0
    with _open(path) as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "document" not in reader.fieldnames:
            raise ImportFailed(
                f"{path} has no 'document' column; expected the columns of sources.csv"
            )
        for row in reader:
            doc_id = (row.get("document") or "").strip()
            if not doc_id:
                continue
            published = (row.get("published") or "").strip()
            day, precision = None, None
            if published:
                try:
                    span = parse_date(published)
                except TimelineError as err:
                    raise ImportFailed(
                        f"{path}, line {reader.line_num}: published: {err}"
                    ) from None
                day, precision = span.start.isoformat(), span.precision
            tx.execute(
                DOCUMENT_UPSERT,
                (
                    doc_id,
                    row.get("title") or None,
                    row.get("publisher") or None,
                    row.get("author") or None,
                    row.get("url") or None,
                    day,
                    precision,
                    now_iso(),
                ),
            )
            count += 1
    return count


def import_file(
    database: Database,
    path: str | Path,
    fmt: str | None = None,
    skip_invalid: bool = False,
    documents: str | Path | None = None,
    progress: Callable[[int], None] | None = None,
    finishing: Callable[[str], None] | None = None,
) -> ImportResult:
    """Import events from a jsonl or csv file in one transaction, streamed in batches.

    See :mod:`timeline.io.bulk` for how; all or nothing unless ``skip_invalid``.
    ``progress`` is called with the line number reached after each batch (see
    :func:`count_lines` for the total), ``finishing`` with what remains to do
    after the last line when that takes a while ("building indexes").
    """
    from timeline.io.bulk import bulk_import

    path = Path(path)
    fmt = detect_format(path, fmt)
    _open(path).close()
    result = ImportResult()
    with database.raw_transaction(foreign_keys=False, bulk=True) as tx:
        if documents is not None:
            result.documents = load_documents(tx, Path(documents))
        bulk_import(tx, path, fmt, skip_invalid, result, progress, finishing)
    return result


def count_lines(path: str | Path) -> int:
    """Lines in a file (for a progress bar), counted in binary without parsing them."""
    count = 0
    last = b"\n"
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def iter_export(
    database: Database, filters: Filters | None = None, chunk: int = 2000
) -> Iterator[list[dict[str, Any]]]:
    """Every event (all statuses unless filtered) in chronological order, ``chunk`` at a time.

    The ordered ids are streamed from the database, so memory stays bounded
    however many events there are.
    """
    filters = filters or Filters(statuses=())
    sql, params = build_query(filters)
    for rows in database.iter_rows(sql, params, chunk):
        yield load_records(database.rows, [r["id"] for r in rows])


def export_records(database: Database, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Every event (all statuses unless filtered), in chronological order."""
    return [r for part in iter_export(database, filters) for r in part]


def write_export(
    database: Database,
    fmt: str,
    handle: IO[str],
    filters: Filters | None = None,
    quotes: bool = True,
) -> int:
    """Stream the interchange export (``jsonl`` or ``csv``) to ``handle``; returns the count.

    Without ``quotes`` the sources keep their document and span but not the
    quoted text (``"quote": null``), so a timeline can be shared without the articles.
    """
    count = 0
    writer: csv.DictWriter[str] | None = None
    for part in iter_export(database, filters):
        if not quotes:
            for r in part:
                r["sources"] = [{**s, "quote": None} for s in r["sources"]]
        if fmt == "jsonl":
            handle.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part))
        else:
            for r in part:
                if writer is None:
                    writer = csv.DictWriter(handle, fieldnames=list(r), lineterminator="\n")
                    writer.writeheader()
                writer.writerow(
                    {
                        k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                        for k, v in r.items()
                    }
                )
        count += len(part)
    return count
