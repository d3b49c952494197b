"""The timeline as a CSV in ACLED's column names and conventions.

So the timeline can sit beside ACLED data in the tools analysts already use.
Conventions followed:

* ``event_date`` is an ISO day; for an imprecise event it is the first day of
  its span and ``time_precision`` says how far to trust it: 1 = the day is
  known, 2 = within a week or a few days, 3 = a month or coarser;
* ``event_type`` / ``sub_event_type`` / ``disorder_type`` use ACLED's
  vocabulary: strikes are "Explosions/Remote violence", everything else is a
  "Strategic developments" event ("Agreement" for deals);
* ``actor1`` is the (first) initiator, ``actor2`` the (first) target; further
  actors on each side go in ``assoc_actor_1`` / ``assoc_actor_2`` separated by
  ``"; "`` as ACLED does. Intermediaries have no ACLED column: they are named in
  ``notes`` and ``tags``;
* ``source`` lists the publishers (else document ids) separated by ``"; "``;
  ``fatalities`` is left empty because the timeline does not record it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from timeline.io.records import Record, date_label, names, span_of

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "location",
    "source",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def time_precision(record: Record) -> int:
    span = span_of(record)
    if span.days == 0:
        return 1
    return 2 if span.days < 7 else 3


def event_type(record: Record) -> tuple[str, str, str]:
    """(disorder_type, event_type, sub_event_type) in ACLED's vocabulary."""
    if record["category"] == "strike":
        kind = (record.get("subtype") or "").lower()
        if any(w in kind for w in ("missile", "rocket", "artillery", "shell")):
            sub = "Shelling/artillery/missile attack"
        elif any(w in kind for w in ("ied", "mine", "bomb")):
            sub = "Remote explosive/landmine/IED"
        else:
            sub = "Air/drone strike"
        return "Political violence", "Explosions/Remote violence", sub
    sub = "Agreement" if record["category"] == "deal" else "Other"
    return "Strategic developments", "Strategic developments", sub


def _timestamp(value: str | None) -> str:
    from datetime import datetime

    try:
        return str(int(datetime.fromisoformat(value or "").timestamp()))
    except ValueError:
        return ""


def acled_row(record: Record, publishers: Mapping[str, str]) -> dict[str, str | int]:
    initiators = names(record, "initiator") or names(record, "participant")
    targets = names(record, "target")
    via = names(record, "intermediary")
    disorder, etype, sub = event_type(record)
    notes = record.get("summary") or ""
    precision = time_precision(record)
    if precision > 1:
        notes += f" [date: {date_label(record)}, {record['date_precision']} precision]"
    if via:
        notes += f" [via {', '.join(via)}]"
    sources: list[str] = []
    for ref in record.get("sources", []):
        name = publishers.get(ref["document"]) or ref["document"]
        if name not in sources:
            sources.append(name)
    tags = [f"category: {record['category']}", f"direction: {record['direction']}"]
    tags += [f"intermediary: {name}" for name in via]
    return {
        "event_id_cnty": f"TL{record['id']}",
        "event_date": record["date_start"],
        "year": int(record["date_start"][:4]),
        "time_precision": precision,
        "disorder_type": disorder,
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": initiators[0] if initiators else "",
        "assoc_actor_1": "; ".join(initiators[1:]),
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "location": record.get("location") or "",
        "source": "; ".join(sources),
        "notes": notes.strip(),
        "fatalities": "",
        "tags": "; ".join(tags),
        "timestamp": _timestamp(record.get("updated_at")),
    }


def to_acled(records: Sequence[Record], publishers: Mapping[str, str] | None = None) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(acled_row(record, publishers or {}))
    return buf.getvalue()
