"""Ingest: documents in, candidate events with provenance out.

One transaction per document, so a crash or a bad file never leaves a
document half-written; a document already stored (same content hash) is
reported and left alone unless ``reextract`` is asked for, which replaces the
candidates extracted from it before, never events a curator confirmed,
edited or rejected.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.db import Database, Row
from timeline.errors import TimelineError
from timeline.events import EventInput, SourceRef, Writer, now_iso
from timeline.extract.candidate import Candidate
from timeline.extract.detect import EXTRACTOR, EXTRACTOR_VERSION, detect
from timeline.extract.documents import (
    DEFAULT_MAX_BYTES,
    DocumentProblem,
    ManifestRow,
    SourceDocument,
    anchor_of,
    apply_metadata,
    expand_paths,
    read_document,
    read_manifest,
)
from timeline.extract.gazetteer import load_gazetteer
from timeline.extract.merge import Group, group_candidates, matches_record

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


def _source(candidate: Candidate, document: str) -> SourceRef:
    return SourceRef(
        document,
        candidate.start,
        candidate.end,
        candidate.quote,
        extractor=EXTRACTOR,
        extractor_version=EXTRACTOR_VERSION,
        confidence=candidate.confidence,
    )


def _store_document(writer: Writer, doc: SourceDocument) -> None:
    stored = writer.fetch("SELECT content_hash FROM documents WHERE id = :d", {"d": doc.id})
    if stored and stored[0]["content_hash"] not in (None, doc.content_hash):
        raise DocumentProblem(
            f"{doc.path or doc.id}: a different document with id {doc.id!r} is already stored; "
            "rename the file or give it another id in the manifest"
        )
    values = {
        "title": doc.title,
        "publisher": doc.publisher,
        "author": doc.author,
        "url": doc.url,
        "text": doc.text,
        "content_hash": doc.content_hash,
        "published": doc.published,
        "published_precision": doc.published_precision,
    }
    if stored:
        assignments = ", ".join(f"{k} = :{k}" for k in values)
        sql = f"UPDATE documents SET {assignments} WHERE id = :id"
        writer.execute(sql, {**values, "id": doc.id})
    else:
        writer.insert_rows("documents", [{"id": doc.id, **values, "created_at": now_iso()}])


def _forget_candidates(writer: Writer, document: str) -> None:
    """Drop what an earlier extraction of ``document`` produced, curated events excepted."""
    rows = writer.fetch(
        "SELECT DISTINCT e.id, e.uid FROM events e JOIN mentions m ON m.event_id = e.id "
        "WHERE m.document_id = :d AND m.extractor = :x AND e.status = 'candidate'",
        {"d": document, "x": EXTRACTOR},
    )
    for row in rows:
        actions = {
            r["action"]
            for r in writer.fetch(
                "SELECT action FROM changes WHERE event_uid = :u", {"u": row["uid"]}
            )
        }
        if actions - {"extract", "mention"}:
            continue  # a curator touched it
        others = writer.fetch(
            "SELECT count(*) AS n FROM mentions WHERE event_id = :e AND document_id <> :d",
            {"e": row["id"], "d": document},
        )
        before = writer.record(row["uid"])
        if others[0]["n"]:
            writer.execute(
                "DELETE FROM mentions WHERE event_id = :e AND document_id = :d",
                {"e": row["id"], "d": document},
            )
            writer.log(row["uid"], "extract", before, writer.record(row["uid"]), "re-extraction")
        else:
            writer.execute("DELETE FROM events WHERE id = :e", {"e": row["id"]})
            writer.log(row["uid"], "delete", before, None, "re-extraction")
    writer.execute("DELETE FROM findings WHERE document_id = :d", {"d": document})


def _store_findings(writer: Writer, document: str, found: Iterable[Candidate], reason: str) -> None:
    stamp = now_iso()
    writer.insert_rows(
        "findings",
        [
            {
                "document_id": document,
                "char_start": c.start,
                "char_end": c.end,
                "quote": c.quote,
                "category": c.category,
                "cameo_code": c.cameo_code,
                "subtype": c.subtype,
                "actors": json.dumps([{"name": n, "role": r} for n, r in c.actors]),
                "modality": c.modality,
                "reason": reason,
                "date_text": c.date_text,
                "date_start": c.span.start if c.span else None,
                "date_end": c.span.end if c.span else None,
                "date_precision": c.span.precision if c.span else None,
                "extractor": EXTRACTOR,
                "extractor_version": EXTRACTOR_VERSION,
                "confidence": c.confidence,
                "created_at": stamp,
            }
            for c in found
        ],
    )


MATCH_CHUNK = 64
"""Stored events whose actors are read at once when looking for a group's event."""


def _existing_match(writer: Writer, group: Group, exclude: set[int]) -> Row | None:
    """The stored event a group describes, if any (the narrowest first), other than
    ``exclude``: the events made from the same document's other groups, which its
    grouping already told apart."""
    lead = group.lead
    assert lead.span is not None
    rows = writer.fetch(
        "SELECT id, uid, category, subtype, status, date_start, date_end, date_precision "
        "FROM events WHERE category = :c AND status <> 'rejected' "
        "AND date_start <= :e AND date_end >= :s ORDER BY span_days, id",
        {"c": lead.category, "s": lead.span.start, "e": lead.span.end},
    )
    rows = [row for row in rows if row["id"] not in exclude]
    for first in range(0, len(rows), MATCH_CHUNK):
        chunk = rows[first : first + MATCH_CHUNK]
        ids = {f"e{n}": row["id"] for n, row in enumerate(chunk)}
        # Only what matching needs: not the sources, which grow with every mention.
        actors: dict[int, list[Row]] = {row["id"]: [] for row in chunk}
        for found in writer.fetch(
            "SELECT ea.event_id, a.name, ea.role FROM event_actors ea "
            "JOIN actors a ON a.id = ea.actor_id "
            f"WHERE ea.event_id IN ({', '.join(':' + k for k in ids)}) ORDER BY ea.id",
            ids,
        ):
            actors[found["event_id"]].append({"name": found["name"], "role": found["role"]})
        for row in chunk:
            record = {
                "category": row["category"],
                "subtype": row["subtype"],
                "date_start": str(row["date_start"]),
                "date_end": str(row["date_end"]),
                "date_precision": row["date_precision"],
                "actors": actors[row["id"]],
            }
            if matches_record(group, record):
                return row
    return None


def _narrows(row: Row, lead: Candidate) -> bool:
    """Whether ``lead`` dates the stored candidate event ``row`` more narrowly."""
    assert lead.span is not None
    start, end = lead.span.start.isoformat(), lead.span.end.isoformat()
    stored = (str(row["date_start"])[:10], str(row["date_end"])[:10])
    return (
        row["status"] == "candidate"
        and (start, end) != stored
        and stored[0] <= start
        and end <= stored[1]
    )


def _narrow(writer: Writer, row: Row, lead: Candidate, document: str) -> None:
    """A stored candidate event mentioned with a date inside its own takes that
    narrower date: both mentions hold ("under the Trump administration" and, in a
    later article, "before January 2020")."""
    assert lead.span is not None
    uid = str(row["uid"])
    before = writer.record(uid)
    writer.execute(
        "UPDATE events SET date_start = :s, date_end = :e, date_precision = :p, "
        "span_days = :d, date_text = :t, updated_at = :u WHERE id = :i",
        {
            "s": lead.span.start,
            "e": lead.span.end,
            "p": lead.span.precision,
            "d": lead.span.days,
            "t": lead.date_text,
            "u": now_iso(),
            "i": row["id"],
        },
    )
    writer.log(uid, "extract", before, writer.record(uid), f"date narrowed by {document}")


def _store_groups(
    writer: Writer, document: str, groups: Sequence[Group], result: DocumentResult
) -> None:
    """New events for new groups; mentions (and a log entry) added to the events matched.

    Mentions and log entries of matched events wait and go in together, with
    one statement each, before the next new event (so rows keep their order).
    """
    mentioned: dict[int, set[tuple[int | None, int | None]]] = {}
    for row in writer.fetch(
        "SELECT event_id, char_start, char_end FROM mentions WHERE document_id = :d",
        {"d": document},
    ):
        mentioned.setdefault(row["event_id"], set()).add((row["char_start"], row["char_end"]))
    mentions: list[Row] = []
    changes: list[Row] = []
    created: set[int] = set()

    def write_pending() -> None:
        writer.insert_rows("mentions", mentions)
        writer.insert_rows("changes", changes)
        mentions.clear()
        changes.clear()

    for group in groups:
        lead = group.lead
        assert lead.span is not None
        sources = [_source(c, document) for c in group.mentions]
        match = _existing_match(writer, group, created)
        if match is not None:
            uid, pk = str(match["uid"]), int(match["id"])
            if _narrows(match, lead):
                write_pending()  # the log keeps its order
                _narrow(writer, match, lead, document)
            have = mentioned.setdefault(pk, set())
            fresh = [s for s in sources if (s.start, s.end) not in have]
            if fresh:
                have.update((s.start, s.end) for s in fresh)
                # Logged as the mentions added, not whole records: a much-reported
                # event would otherwise log all its sources again for each new one.
                mentions.extend(writer.mention_rows(pk, fresh))
                added = [
                    {"document": f.document, "start": f.start, "end": f.end, "quote": f.quote}
                    for f in fresh
                ]
                changes.append(
                    writer.change_row(
                        uid, "mention", None, {"sources": added}, f"mentioned in {document}"
                    )
                )
            result.merged += 1
            continue
        write_pending()
        item = EventInput(
            span=lead.span,
            category=lead.category,
            date_text=lead.date_text,
            subtype=lead.subtype,
            summary=lead.summary,
            cameo_code=lead.cameo_code,
            status="candidate",
            confidence=round(group.confidence, 2),
            actors=group.actors,
            sources=sources,
        )
        uid = writer.insert(item, action="extract")
        pk = writer.event_pk(uid)
        created.add(pk)
        mentioned.setdefault(pk, set()).update((s.start, s.end) for s in sources)
        result.new += 1
    write_pending()


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
        _store_document(writer, doc)
        if known:
            _forget_candidates(writer, doc.id)
        _store_groups(writer, doc.id, group_candidates(found.dated), result)
        _store_findings(writer, doc.id, found.undated, "undated")
        _store_findings(writer, doc.id, found.flagged, "modality")
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
