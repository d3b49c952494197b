"""One document's extraction written, inside the transaction that ingests it.

* the document row (:func:`store_document`);
* each group of candidates (:mod:`timeline.extract.merge`) as a new candidate
  event, or as mentions of the stored event it describes, whose date a
  narrower one told here may replace (:func:`store_groups`);
* the candidates kept aside, undated or not asserted, as findings
  (:func:`store_findings`);
* on re-extraction, first, what the earlier extraction left that no curator
  touched dropped (:func:`forget_candidates`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from timeline.db import Row
from timeline.events import EventInput, SourceRef, Writer, now_iso
from timeline.extract.candidate import Candidate
from timeline.extract.detect import EXTRACTOR, EXTRACTOR_VERSION
from timeline.extract.documents import DocumentProblem, SourceDocument
from timeline.extract.merge import Group, matches_record


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


def store_document(writer: Writer, doc: SourceDocument) -> None:
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


def forget_candidates(writer: Writer, document: str) -> None:
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


def store_findings(writer: Writer, document: str, found: Iterable[Candidate], reason: str) -> None:
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


def store_groups(writer: Writer, document: str, groups: Sequence[Group]) -> tuple[int, int]:
    """New events for new groups; mentions (and a log entry) added to the events matched.
    How many groups became new events, and how many matched stored ones.

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
    new = merged = 0

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
            merged += 1
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
        new += 1
    write_pending()
    return new, merged
