"""Merging events that are the same event, and undoing it.

``merge_events`` folds events into one (their actors and sources join it) and
logs a ``merge`` on every event involved, with each one's full record, so that
``unmerge`` can put them all back exactly as they were.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from timeline.db import Database
from timeline.errors import InvalidValue
from timeline.events import EventInput, SourceRef, Writer, now_iso
from timeline.query_records import Row


def _input_from_record(record: Row) -> EventInput:
    from timeline.date_input import span_from_record

    return EventInput(
        span=span_from_record(record["date_start"], record["date_end"], record["date_precision"]),
        category=record["category"],
        date_text=record["date_text"],
        subtype=record["subtype"],
        summary=record["summary"],
        location=record["location"],
        direction=record["direction"],
        intensity=record["intensity"],
        cameo_code=record["cameo_code"],
        status=record["status"],
        confidence=record["confidence"],
        actors=[(a["name"], a["role"]) for a in record["actors"]],
        sources=[
            SourceRef(s["document"], s["start"], s["end"], s["quote"]) for s in record["sources"]
        ],
        uid=record["id"],
        created_at=record["created_at"],
        updated_at=record["updated_at"],
    )


def _replace_with(writer: Writer, record: Row) -> None:
    """Put an event back exactly as ``record`` describes it (same id)."""
    from sqlalchemy import delete

    from timeline.models import Event

    writer.session.execute(delete(Event).where(Event.uid == record["id"]))
    writer.session.flush()
    item = _input_from_record(record)
    event = Event(uid=record["id"], **item.column_values())
    writer.session.add(event)
    writer.session.flush()
    writer.set_actors(event.id, item.actors)
    writer.add_sources(event.id, item.sources)


def merge_events(database: Database, keep: str, others: Sequence[str]) -> Row:
    """Fold ``others`` into ``keep``: their actors and sources join it, they go.

    Logged as a ``merge`` on every event involved, so :func:`unmerge` can
    restore them all.
    """
    if not others:
        raise InvalidValue("name at least one event to merge into the first")
    if keep in others:
        raise InvalidValue(f"cannot merge event {keep!r} into itself")
    with database.session() as session:
        writer = Writer(session, database.is_sqlite)
        pk = writer.event_pk(keep)
        before = writer.record(keep)
        assert before is not None
        actors = [(a["name"], a["role"]) for a in before["actors"]]
        have = {(s["document"], s["start"], s["end"]) for s in before["sources"]}
        sources: list[SourceRef] = []
        for uid in others:
            other_pk = writer.event_pk(uid)
            record = writer.record(uid)
            assert record is not None
            actors += [
                (a["name"], a["role"])
                for a in record["actors"]
                if (a["name"], a["role"]) not in actors
            ]
            for s in record["sources"]:
                if (s["document"], s["start"], s["end"]) not in have:
                    have.add((s["document"], s["start"], s["end"]))
                    sources.append(SourceRef(s["document"], s["start"], s["end"], s["quote"]))
            writer.execute("DELETE FROM events WHERE id = :e", {"e": other_pk})
            writer.log(uid, "merge", record, None, f"merged into {keep}")
        writer.set_actors(pk, actors)
        writer.add_sources(pk, sources)
        writer.execute("UPDATE events SET updated_at = :t WHERE id = :e", {"t": now_iso(), "e": pk})
        after = writer.record(keep)
        assert after is not None
        writer.log(keep, "merge", before, after, "absorbed " + ", ".join(others))
        return after


def unmerge(database: Database, keep: str) -> list[str]:
    """Undo the last merge into ``keep``: restore it and the events it absorbed."""
    with database.session() as session:
        writer = Writer(session, database.is_sqlite)
        writer.event_pk(keep)
        merges = writer.fetch(
            "SELECT id, before, note FROM changes WHERE event_uid = :u AND action = 'merge' "
            "ORDER BY id DESC LIMIT 1",
            {"u": keep},
        )
        if not merges or not (merges[0]["note"] or "").startswith("absorbed "):
            raise InvalidValue(f"event {keep!r} has no merge to undo")
        absorbed: list[str] = str(merges[0]["note"])[len("absorbed ") :].split(", ")
        current = writer.record(keep)
        _replace_with(writer, json.loads(merges[0]["before"]))
        writer.log(keep, "unmerge", current, writer.record(keep), "restored " + ", ".join(absorbed))
        for uid in absorbed:
            snapshot = writer.fetch(
                "SELECT before FROM changes WHERE event_uid = :u AND action = 'merge' "
                "ORDER BY id DESC LIMIT 1",
                {"u": uid},
            )
            if not snapshot or writer.fetch("SELECT 1 AS x FROM events WHERE uid = :u", {"u": uid}):
                continue
            _replace_with(writer, json.loads(snapshot[0]["before"]))
            writer.log(uid, "unmerge", None, writer.record(uid), f"split from {keep}")
        return absorbed
