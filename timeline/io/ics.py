"""The timeline as an iCalendar file (RFC 5545): one all-day entry per event.

Written by hand (no runtime dependency); the tests read it back with the
``icalendar`` package. An entry spans the event's whole date span, so a
month-precision event covers the month; ``DTEND`` is exclusive, as the RFC
wants for all-day entries. Output is deterministic: ``DTSTAMP`` is the
event's last update, not the time of the export.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from timeline.io.records import Record, actors_line, date_label, headline, span_of

PRODID = "-//timeline//US-Iran escalation timeline//EN"
UID_DOMAIN = "timeline.invalid"


def escape(text: str) -> str:
    """An RFC 5545 TEXT value."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    out: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _stamp(value: str | None) -> str:
    try:
        moment = datetime.fromisoformat(value or "")
    except ValueError:
        moment = datetime(1970, 1, 1, tzinfo=UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(record: Record) -> str:
    lines = [f"When: {date_label(record)} ({record['date_precision']} precision)"]
    if record.get("date_text"):
        lines.append(f"Reported as: {record['date_text']}")
    if actors := actors_line(record):
        lines.append(f"Actors: {actors}")
    lines.append(
        f"Category: {record['category']}; direction: {record['direction']}; "
        f"intensity {record['intensity']:+.1f}; status: {record['status']}"
    )
    docs = sorted({s["document"] for s in record.get("sources", [])})
    if docs:
        lines.append(f"Sources: {', '.join(docs)}")
    return "\n".join(lines)


def _ical_date(day: date) -> str:
    """YYYYMMDD (``strftime('%Y')`` leaves years before 1000 unpadded on some systems)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def event_lines(record: Record) -> list[str]:
    span = span_of(record)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{record['id']}@{UID_DOMAIN}",
        f"DTSTAMP:{_stamp(record.get('updated_at'))}",
        f"DTSTART;VALUE=DATE:{_ical_date(span.start)}",
        # (DTEND is the day after; the calendar's last day can only say how long)
        f"DTEND;VALUE=DATE:{_ical_date(span.end + timedelta(days=1))}"
        if span.end < date.max
        else f"DURATION:P{span.days + 1}D",
        f"SUMMARY:{escape(headline(record))}",
        f"DESCRIPTION:{escape(_description(record))}",
        f"CATEGORIES:{escape(record['category'])},{escape(record['direction'])}",
        "TRANSP:TRANSPARENT",
    ]
    if record.get("location"):
        lines.append(f"LOCATION:{escape(record['location'])}")
    if record["status"] == "candidate":
        lines.append("STATUS:TENTATIVE")
    else:
        lines.append("STATUS:CONFIRMED")
    lines.append("END:VEVENT")
    return lines


def to_ics(records: Sequence[Record], name: str = "US-Iran timeline") -> str:
    """The calendar text, CRLF line endings as RFC 5545 requires."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for record in records:
        lines.extend(event_lines(record))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
