"""Add, edit, confirm, reject and delete events, and read one back with its history.

Each operation is one transaction through :class:`timeline.events.Writer`, so
every change is appended to the ``changes`` log with the record before and
after (interchange format, as JSON): nothing a curator does is lost and
``timeline history ID`` can show it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from timeline import vocab
from timeline.dates import DateSpan
from timeline.db import Database
from timeline.errors import InvalidValue, NotFound
from timeline.events import EventInput, Writer, now_iso
from timeline.query_records import Row, load_records

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_event(database: Database, item: EventInput) -> str:
    """Store a new event; returns its public id."""

    def work(session: Session) -> str:
        return Writer(session, database.is_sqlite).insert(item)

    return database.write(work)


EDITABLE = (
    "date",
    "date_text",
    "category",
    "subtype",
    "summary",
    "location",
    "direction",
    "intensity",
    "cameo_code",
    "status",
    "confidence",
    "actors",
    "add_actors",
    "remove_actors",
    "add_sources",
)


def edit_event(database: Database, uid: str, changes: Mapping[str, Any]) -> Row:
    """Change fields of an event; returns the record after the change.

    ``changes`` keys are those of :data:`EDITABLE`: ``date`` is a DateSpan,
    ``actors`` replaces the actor list, ``add_actors``/``remove_actors`` are
    lists of (name, role) and ``add_sources`` a list of SourceRef. A new
    ``cameo_code`` without an ``intensity`` takes the code's Goldstein value;
    a new intensity without a ``direction`` takes its sign's direction.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidValue(
            f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}"
        )
    if not changes:
        raise InvalidValue("nothing to change; give at least one --FIELD VALUE")
    from timeline.models import Event

    def work(session: Session) -> Row:
        writer = Writer(session, database.is_sqlite)
        pk = writer.event_pk(uid)
        before = writer.record(uid)
        assert before is not None
        event = session.get(Event, pk)
        assert event is not None
        values: dict[str, Any] = {}
        if "date" in changes:
            span: DateSpan = changes["date"]
            values.update(
                date_start=span.start,
                date_end=span.end,
                date_precision=span.precision,
                span_days=span.days,
            )
        for name in ("date_text", "subtype", "summary", "location"):
            if name in changes:
                values[name] = changes[name] or None
        if "category" in changes:
            values["category"] = vocab.choice("category", changes["category"], vocab.CATEGORIES)
        if "status" in changes:
            values["status"] = vocab.choice("status", changes["status"], vocab.STATUSES)
        if "confidence" in changes:
            values["confidence"] = vocab.check_confidence(changes["confidence"])
        if "cameo_code" in changes:
            values["cameo_code"] = changes["cameo_code"] or None
            if "intensity" not in changes:
                values["intensity"] = vocab.goldstein(
                    values["cameo_code"], values.get("category", event.category)
                )
        if "intensity" in changes:
            values["intensity"] = vocab.check_intensity(float(changes["intensity"]))
        if "direction" in changes:
            values["direction"] = vocab.choice("direction", changes["direction"], vocab.DIRECTIONS)
        elif "intensity" in values:
            values["direction"] = vocab.direction_of(values["intensity"])
        for name, value in values.items():
            setattr(event, name, value)
        event.updated_at = now_iso()
        session.flush()
        if "actors" in changes or "add_actors" in changes or "remove_actors" in changes:
            current = [(a["name"], a["role"]) for a in before["actors"]]
            if "actors" in changes:
                current = list(changes["actors"])
            current += [a for a in changes.get("add_actors", ()) if a not in current]
            removed = {(n.lower(), r) for n, r in changes.get("remove_actors", ())}
            current = [(n, r) for n, r in current if (n.lower(), r) not in removed]
            writer.set_actors(pk, current)
        if "add_sources" in changes:
            writer.add_sources(pk, changes["add_sources"])
        after = writer.record(uid)
        assert after is not None
        action = "status" if set(changes) == {"status"} else "edit"
        writer.log(uid, action, before, after)
        return after

    return database.write(work)


def set_status(database: Database, uids: Sequence[str], status: str) -> list[str]:
    """Confirm or reject (or return to candidate) several events in one transaction."""
    status = vocab.choice("status", status, vocab.STATUSES)
    from timeline.models import Event

    def work(session: Session) -> list[str]:
        changed = []
        writer = Writer(session, database.is_sqlite)
        for uid in uids:
            pk = writer.event_pk(uid)
            before = writer.record(uid)
            event = session.get(Event, pk)
            assert event is not None and before is not None
            if event.status == status:
                continue
            event.status = status
            event.updated_at = now_iso()
            session.flush()
            writer.log(uid, "status", before, writer.record(uid))
            changed.append(uid)
        return changed

    return database.write(work)


def delete_event(database: Database, uid: str, note: str | None = None) -> Row:
    """Remove an event; its last state stays in the change log."""
    from sqlalchemy import delete

    from timeline.models import Event

    def work(session: Session) -> Row:
        writer = Writer(session, database.is_sqlite)
        pk = writer.event_pk(uid)
        before = writer.record(uid)
        assert before is not None
        session.execute(delete(Event).where(Event.id == pk))
        writer.log(uid, "delete", before, None, note)
        return before

    return database.write(work)


def get_event(database: Database, uid: str) -> Row:
    found = database.rows("SELECT id FROM events WHERE uid = :u", {"u": uid})
    if not found:
        raise NotFound(f"no event with id {uid!r}; `timeline list` shows the ids")
    return load_records(database.rows, [int(found[0]["id"])])[0]


def history(database: Database, uid: str) -> list[Row]:
    """Every change of an event, oldest first, with before/after decoded."""
    rows = database.rows(
        "SELECT id, action, at, author, note, before, after FROM changes "
        "WHERE event_uid = :u ORDER BY id",
        {"u": uid},
    )
    if not rows:
        raise NotFound(f"no event with id {uid!r} has ever existed; `timeline list` shows the ids")
    for row in rows:
        row["before"] = json.loads(row["before"]) if row["before"] else None
        row["after"] = json.loads(row["after"]) if row["after"] else None
    return rows


def changed_fields(before: Row | None, after: Row | None) -> list[str]:
    """The interchange fields that differ between two records."""
    if before is None or after is None:
        return []
    return [k for k in after if k != "updated_at" and before.get(k) != after.get(k)]
