"""Ingest: documents in, candidate events with provenance out.

One transaction per document, so a crash or a bad file never leaves a
document half-written; a document already stored (same content hash) is
reported and left alone unless ``reextract`` is asked for, which replaces the
candidates extracted from it before, never events a curator confirmed,
edited or rejected. What a document's transaction writes is in
:mod:`timeline.extract.store`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.db import Database
from timeline.errors import TimelineError
from timeline.events import Writer
from timeline.extract.candidate import Candidate
from timeline.extract.detect import detect
from timeline.extract.documents import (
    DEFAULT_MAX_BYTES,
    ManifestRow,
    SourceDocument,
    anchor_of,
    apply_metadata,
    expand_paths,
    read_document,
    read_manifest,
)
from timeline.extract.gazetteer import load_gazetteer
from timeline.extract.merge import group_candidates
from timeline.extract.store import forget_candidates, store_document, store_findings, store_groups

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session


@dataclass
class DocumentResult:
    document: str
    status: str  # ingested, already, reextracted, failed
    message: str | None = None
    new: int = 0
    merged: int = 0
    undated: int = 0
    flagged: int = 0
    unresolved: int = 0


@dataclass
class IngestSummary:
    results: list[DocumentResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def total(self, name: str) -> int:
        return sum(int(getattr(r, name)) for r in self.results)

    @property
    def read(self) -> int:
        return sum(1 for r in self.results if r.status in ("ingested", "reextracted"))

    @property
    def failed(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == "failed"]


@dataclass
class Extraction:
    """What the extractor made of one document."""

    dated: list[Candidate]
    undated: list[Candidate]
    flagged: list[Candidate]
    unresolved: int


def extract(doc: SourceDocument) -> Extraction:
    """Tag dates and detect events in one document (no database involved)."""
    from timeline.extract.temporal import tag_dates

    expressions = tag_dates(doc.text, anchor_of(doc))
    unresolved = sum(
        1 for e in expressions if e.type == "DATE" and e.span is None and "X" in e.value
    )
    candidates = detect(doc.text, load_gazetteer(), expressions, doc.published)
    dated, undated, flagged = [], [], []
    for candidate in candidates:
        if candidate.modality != "asserted":
            flagged.append(candidate)
        elif candidate.span is None:
            undated.append(candidate)
        else:
            dated.append(candidate)
    return Extraction(dated, undated, flagged, unresolved)


@contextmanager
def _transaction(database: Database, connection: Connection | None) -> Iterator[Session]:
    """One transaction, on ``connection`` when given (kept open between documents)."""
    if connection is None:
        with database.session() as session:
            yield session
        return
    from sqlalchemy.orm import Session

    with Session(bind=connection) as session, session.begin():
        yield session


def ingest_document(
    database: Database,
    doc: SourceDocument,
    reextract: bool = False,
    connection: Connection | None = None,
) -> DocumentResult:
    """Store one document and its candidates in one transaction.

    ``connection``: a connection of ``database`` to run the transaction on
    (outside any transaction), saving a new one per document.
    """
    known = database.rows(
        "SELECT id FROM documents WHERE content_hash = :h", {"h": doc.content_hash}
    )
    if known and not reextract:
        return DocumentResult(doc.id, "already", f"already ingested as {known[0]['id']}")
    if known:
        doc.id = str(known[0]["id"])
    found = extract(doc)
    result = DocumentResult(doc.id, "reextracted" if known else "ingested")
    with _transaction(database, connection) as session:
        writer = Writer(session, database.is_sqlite)
        store_document(writer, doc)
        if known:
            forget_candidates(writer, doc.id)
        result.new, result.merged = store_groups(writer, doc.id, group_candidates(found.dated))
        store_findings(writer, doc.id, found.undated, "undated")
        store_findings(writer, doc.id, found.flagged, "modality")
    result.undated = len(found.undated)
    result.flagged = len(found.flagged)
    result.unresolved = found.unresolved
    if doc.published is None:
        result.message = "no publication date: relative dates left unresolved"
    return result


def ingest(
    database: Database,
    paths: Sequence[str | Path],
    manifest: str | Path | None = None,
    published: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    reextract: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[str], Any] | None = None,
) -> IngestSummary:
    """Ingest files and directories; a bad file is reported and the rest goes in."""
    database.check_schema()
    rows: dict[str, ManifestRow] = read_manifest(manifest) if manifest else {}
    files = list(expand_paths(paths))
    if manifest and not paths:
        base = Path(manifest).parent
        files = [base / f"{doc}.txt" for doc in rows]
    summary = IngestSummary()
    seen: set[Path] = set()
    # One connection for the run, one transaction per document on it.
    with database.connect() as connection:
        for path in files:
            if progress:
                progress(str(path))
            resolved = path.resolve()
            if resolved in seen:
                summary.results.append(DocumentResult(path.stem, "already", f"{path}: given twice"))
                continue
            seen.add(resolved)
            try:
                doc = read_document(path, max_bytes)
                doc = apply_metadata(doc, rows.get(path.stem), published, title, publisher, url)
                summary.results.append(ingest_document(database, doc, reextract, connection))
            except TimelineError as err:
                summary.results.append(DocumentResult(path.stem, "failed", str(err)))
    whole_folders = not paths or any(Path(p).is_dir() for p in paths)
    for doc_id in sorted(set(rows) - {p.stem for p in files}) if whole_folders else []:
        summary.results.append(
            DocumentResult(doc_id, "failed", f"manifest names {doc_id} but no such file was found")
        )
    return summary
