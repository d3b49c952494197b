"""The timeline as TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

Date objects carry ``year``, ``month`` and ``day`` only as far as the event's
precision goes: a month-precision event has no ``day``, a year-precision one
only a ``year``. Spans (weeks, seasons, quarters, decades, ranges) get an
``end_date``; ``display_date`` shows the compact form used everywhere else.
Events are grouped by category.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

from timeline.io.records import Record, actors_line, date_label, headline, span_of

_DAY_LEVEL = ("day", "week", "range")
_MONTH_LEVEL = ("month", "season", "quarter")


def date_object(day: date, precision: str) -> dict[str, int]:
    if precision in _DAY_LEVEL:
        return {"year": day.year, "month": day.month, "day": day.day}
    if precision in _MONTH_LEVEL:
        return {"year": day.year, "month": day.month}
    return {"year": day.year}


def slide(record: Record) -> dict[str, Any]:
    span = span_of(record)
    start: dict[str, Any] = dict(date_object(span.start, span.precision))
    start["display_date"] = date_label(record)
    item: dict[str, Any] = {"start_date": start}
    single = (span.precision == "day" and span.days == 0) or span.precision in ("month", "year")
    if not single:
        item["end_date"] = date_object(span.end, span.precision)
    body = []
    if actors := actors_line(record):
        body.append(f"<p>{html.escape(actors)}</p>")
    body.append(
        f"<p>{html.escape(record['direction'])}, intensity {record['intensity']:+.1f}"
        + (f", {html.escape(record['location'])}" if record.get("location") else "")
        + "</p>"
    )
    docs = sorted({s["document"] for s in record.get("sources", [])})
    if docs:
        body.append(f"<p>Sources: {html.escape(', '.join(docs))}</p>")
    item["text"] = {"headline": html.escape(headline(record)), "text": "".join(body)}
    item["group"] = record["category"]
    item["unique_id"] = f"event-{record['id']}"
    return item


def to_timelinejs(
    records: Sequence[Record], title: str = "US-Iran escalation and de-escalation"
) -> dict[str, Any]:
    return {
        "title": {
            "text": {
                "headline": html.escape(title),
                "text": f"<p>{len(records)} events, escalations and back-channel contacts.</p>",
            }
        },
        "events": [slide(r) for r in records],
    }
