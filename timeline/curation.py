"""Recorded review decisions, applied without the terminal: ``timeline review --apply FILE``.

A curator's decisions about the candidates of a set of documents, kept as JSON
lines so that a review can be replayed after a fresh ingest (the shipped
``data/events.jsonl`` is produced this way from the seed articles). Each line
is one decision; candidates are found by where they were read, not by their
ids, which change from one ingest to the next:

``{"decision": "confirm", "source": "DOC:START-END", "category": "talks", ...}``
    The candidate of that category with a mention in DOC overlapping the span
    (the largest overlap wins) is confirmed. Optional ``"set"``: fields to
    change first, named as in the interchange format (``date_start``,
    ``date_end``, ``date_precision``, ``date_text``, ``category``, ``subtype``,
    ``summary``, ``location``, ``direction``, ``intensity``, ``cameo_code``,
    ``confidence``, ``actors``), plus ``add_sources`` (a list of
    ``DOC:START-END``). Optional ``"merge"``: more ``{"source", "category"}``
    pairs naming candidates that are the same event and fold into it.
``{"decision": "reject", "source": "DOC:START-END", "category": "talks", "why": "..."}``
    The candidate is rejected (kept, marked rejected; ``why`` is for people).
``{"decision": "add", "event": {...}}``
    An event the extraction missed, added by hand: an interchange record.

Every decision is applied in its own transaction and logged in the change log
like the same action in the terminal. A decision whose candidate cannot be
found is reported with its line number, never guessed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.db import Database
from timeline.editing import add_event, edit_event, set_status
from timeline.errors import InvalidValue, TimelineError, json_problem
from timeline.events import SourceRef, parse_actor
from timeline.merging import merge_events
from timeline.query_records import EVENT_FIELDS

DECISIONS = ("confirm", "reject", "add")
DATE_FIELDS = ("date_start", "date_end", "date_precision")
SETTABLE = (
    *(f for f in EVENT_FIELDS if f not in ("id", "status", "sources", "created_at", "updated_at")),
    "add_sources",
)
"""What a ``confirm`` may ``set``: the interchange fields a curator corrects."""


class DecisionError(TimelineError):
    """A decisions file that cannot be read, or a decision that does not fit."""


@dataclass(frozen=True)
class Target:
    """Where a candidate was read: a document span and the category it was given."""

    source: SourceRef
    category: str

    def __str__(self) -> str:
        return f"{self.source.document}:{self.source.start}-{self.source.end} ({self.category})"


@dataclass
class Decision:
    line: int
    decision: str
    target: Target | None = None
    merge: list[Target] = field(default_factory=list)
    changes: dict[str, Any] = field(default_factory=dict)
    event: dict[str, Any] | None = None


@dataclass
class CurationReport:
    confirmed: int = 0
    rejected: int = 0
    added: int = 0
    merged: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    left: int = 0


def _target(where: str, raw: Any) -> Target:
    if not isinstance(raw, dict):
        raise DecisionError(f"{where}: expected {{'source': 'DOC:START-END', 'category': ...}}")
    source, category = raw.get("source"), raw.get("category")
    if not isinstance(source, str) or not isinstance(category, str):
        raise DecisionError(f"{where}: needs 'source' (DOC:START-END) and 'category'")
    try:
        ref = SourceRef.parse(source)
    except TimelineError as err:
        raise DecisionError(f"{where}: {err}") from None
    if ref.start is None or ref.end is None:
        raise DecisionError(f"{where}: source {source!r} needs a span; write DOC:START-END")
    return Target(ref, category)


def parse_decision(line: int, raw: Any) -> Decision:
    """One decision from its JSON value; DecisionError names the line and the field."""
    where = f"line {line}"
    if not isinstance(raw, dict):
        raise DecisionError(f"{where}: expected a JSON object")
    kind = raw.get("decision")
    if kind not in DECISIONS:
        raise DecisionError(f"{where}: decision must be one of {', '.join(DECISIONS)}")
    if kind == "add":
        event = raw.get("event")
        if not isinstance(event, dict):
            raise DecisionError(f"{where}: an 'add' decision needs an 'event' record")
        return Decision(line, kind, event=event)
    decision = Decision(line, kind, target=_target(where, raw))
    changes = raw.get("set") or {}
    merge = raw.get("merge") or []
    if kind == "reject" and (changes or merge):
        raise DecisionError(f"{where}: a 'reject' decision takes no 'set' or 'merge'")
    if not isinstance(changes, dict) or not isinstance(merge, list):
        raise DecisionError(f"{where}: 'set' is an object and 'merge' a list")
    unknown = sorted(set(changes) - set(SETTABLE))
    if unknown:
        raise DecisionError(f"{where}: cannot set {unknown[0]}; settable: {', '.join(SETTABLE)}")
    decision.changes = changes
    decision.merge = [_target(f"{where}, merge", item) for item in merge]
    return decision


def read_decisions(path: Path) -> list[Decision]:
    """Every decision in a JSON-lines file, all checked before any is applied."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DecisionError(f"{path} does not exist; check the file name") from None
    except (OSError, UnicodeDecodeError) as err:
        raise DecisionError(f"cannot read {path}: {err}") from None
    decisions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            raise DecisionError(f"{path}: line {number}: not JSON ({json_problem(err)})") from None
        try:
            decisions.append(parse_decision(number, raw))
        except DecisionError as err:
            raise DecisionError(f"{path}: {err}") from None
    return decisions


def _edit_changes(raw: dict[str, Any]) -> dict[str, Any]:
    """The ``set`` of a decision as :func:`timeline.editing.edit_event` changes."""
    from timeline.date_input import span_from_record

    changes: dict[str, Any] = {}
    dates = [k for k in DATE_FIELDS if k in raw]
    if dates:
        if len(dates) != 3:
            raise InvalidValue("set date_start, date_end and date_precision together")
        changes["date"] = span_from_record(
            raw["date_start"], raw["date_end"], raw["date_precision"]
        )
    for name in SETTABLE:
        if name not in raw or name in DATE_FIELDS:
            continue
        value = raw[name]
        if name == "actors":
            if not isinstance(value, list) or not all(
                isinstance(a, dict) and isinstance(a.get("name"), str) for a in value
            ):
                raise InvalidValue("actors: give a list of {name, role}")
            changes["actors"] = [
                parse_actor(f"{a['name']}:{a.get('role', 'participant')}") for a in value
            ]
        elif name == "add_sources":
            if not isinstance(value, list):
                raise InvalidValue("add_sources: give a list of DOC:START-END")
            changes["add_sources"] = [SourceRef.parse(str(s)) for s in value]
        elif name in ("intensity", "confidence") and (
            isinstance(value, bool) or not isinstance(value, int | float)
        ):
            raise InvalidValue(f"{name}: expected a number, got {value!r}")
        else:
            changes[name] = raw[name]
    return changes


class _Finder:
    """Candidates by document span, each handed out once per run."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.taken: set[str] = set()

    def find(self, target: Target) -> str:
        src = target.source
        assert src.start is not None and src.end is not None
        rows = self.database.rows(
            "SELECT e.uid, m.char_start, m.char_end "
            "FROM mentions m JOIN events e ON e.id = m.event_id "
            "WHERE m.document_id = :d AND e.status = 'candidate' AND e.category = :c "
            "AND m.char_start < :e AND m.char_end > :s",
            {"d": src.document, "c": target.category, "s": src.start, "e": src.end},
        )
        overlap: dict[str, int] = {}
        for r in rows:
            uid = str(r["uid"])
            size = min(int(r["char_end"]), src.end) - max(int(r["char_start"]), src.start)
            if uid not in self.taken:
                overlap[uid] = max(overlap.get(uid, 0), size)
        if not overlap:
            raise DecisionError(f"no {target.category} candidate read at {target}")
        best = max(overlap.values())
        uids = sorted(uid for uid, size in overlap.items() if size == best)
        if len(uids) > 1:
            raise DecisionError(f"{len(uids)} candidates at {target}: {', '.join(uids)}")
        self.taken.add(uids[0])
        return uids[0]


def _apply_one(
    database: Database, finder: _Finder, decision: Decision, report: CurationReport
) -> None:
    if decision.decision == "add":
        from timeline.io.interchange import record_to_input

        assert decision.event is not None
        try:
            item = record_to_input(decision.event)
        except ValueError as err:
            raise DecisionError(str(err)) from None
        add_event(database, item)
        report.added += 1
        return
    assert decision.target is not None
    uid = finder.find(decision.target)
    if decision.decision == "reject":
        set_status(database, [uid], "rejected")
        report.rejected += 1
        return
    others = [finder.find(t) for t in decision.merge]
    if others:
        merge_events(database, uid, others)
        report.merged += len(others)
    edit_event(database, uid, {**_edit_changes(decision.changes), "status": "confirmed"})
    report.confirmed += 1


def apply_decisions(
    database: Database, decisions: Sequence[Decision], reject_rest: bool = False
) -> CurationReport:
    """Apply recorded decisions in order; each one that does not fit is reported, not guessed.

    With ``reject_rest``, the candidates no decision named are rejected too, so
    that the timeline holds exactly what the curator confirmed or added.
    """
    report = CurationReport()
    finder = _Finder(database)
    for decision in decisions:
        try:
            _apply_one(database, finder, decision, report)
        except TimelineError as err:
            report.problems.append((decision.line, str(err)))
    left = [
        str(r["uid"])
        for r in database.rows("SELECT uid FROM events WHERE status = 'candidate' ORDER BY id")
    ]
    if reject_rest and left:
        set_status(database, left, "rejected")
        report.rejected += len(left)
        left = []
    report.left = len(left)
    return report
