"""One entry point per export format beyond the interchange jsonl/csv.

The analyst-facing exports leave rejected candidates out; the interchange
export (:func:`timeline.io.interchange.export_records`) keeps everything.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from timeline.errors import InvalidValue
from timeline.io.records import Record
from timeline.query import Filters, list_events

if TYPE_CHECKING:
    from timeline.db import Database

FORMATS = ("ics", "timelinejs", "acled")


def analyst_records(database: Database, filters: Filters | None = None) -> list[Record]:
    """Confirmed and candidate events, chronologically (rejected ones left out)."""
    return list_events(database, filters or Filters())


def document_publishers(database: Database) -> dict[str, str]:
    rows = database.rows("SELECT id, publisher FROM documents WHERE publisher IS NOT NULL")
    return {r["id"]: r["publisher"] for r in rows}


def export_text(database: Database, fmt: str) -> tuple[str, int]:
    """The export in ``fmt`` (ics, timelinejs or acled) and the number of events in it."""
    records = analyst_records(database)
    if fmt == "ics":
        from timeline.io.ics import to_ics

        return to_ics(records), len(records)
    if fmt == "timelinejs":
        from timeline.io.timelinejs import to_timelinejs

        text = json.dumps(to_timelinejs(records), ensure_ascii=False, indent=2) + "\n"
        return text, len(records)
    if fmt == "acled":
        from timeline.io.acled import to_acled

        return to_acled(records, document_publishers(database)), len(records)
    raise InvalidValue(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
