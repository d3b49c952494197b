"""Small helpers over interchange records shared by the exports and the analysis."""

from __future__ import annotations

from datetime import date
from typing import Any

from timeline.dates import DateSpan, render

Record = dict[str, Any]


def span_of(record: Record) -> DateSpan:
    return DateSpan(
        date.fromisoformat(record["date_start"]),
        date.fromisoformat(record["date_end"]),
        record["date_precision"],
    )


def date_label(record: Record) -> str:
    """The compact date of a record: ``2020-01-03``, ``2019-05``, ``2020-01-21..22``."""
    return render(span_of(record))


def names(record: Record, role: str) -> list[str]:
    """The names of the record's actors in ``role``, in their stored order."""
    return [a["name"] for a in record.get("actors", []) if a["role"] == role]


def actors_line(record: Record) -> str:
    """``Iran > United States via Oman``, others after ``+``."""
    initiators = ", ".join(names(record, "initiator"))
    targets = ", ".join(names(record, "target"))
    parts = []
    if initiators or targets:
        parts.append(f"{initiators or '?'} > {targets}" if targets else initiators)
    if via := ", ".join(names(record, "intermediary")):
        parts.append(f"via {via}")
    if others := ", ".join(names(record, "participant")):
        parts.append(f"+ {others}")
    return " ".join(parts)


def headline(record: Record) -> str:
    """A one-line title: the summary, else the category and actors."""
    if record.get("summary"):
        return str(record["summary"])
    line = actors_line(record)
    return f"{record['category']}: {line}" if line else str(record["category"])
