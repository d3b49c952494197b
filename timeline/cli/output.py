"""Rendering records for the terminal and for scripts (table, json, jsonl, csv)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from timeline.dates import DateSpan, render

FORMATS = ("table", "json", "jsonl", "csv")


def check_format(value: str, allowed: Sequence[str] = FORMATS) -> str:
    if value not in allowed:
        import typer

        raise typer.BadParameter(f"unknown format {value!r}; choose one of: {', '.join(allowed)}")
    return value


def span_text(record: dict[str, Any]) -> str:
    return render(
        DateSpan(
            date.fromisoformat(record["date_start"]),
            date.fromisoformat(record["date_end"]),
            record["date_precision"],
        )
    )


def actors_text(actors: Sequence[dict[str, str]], via: bool = True) -> str:
    """``Iran > United States via Oman``; participants after ``+``."""

    def names(role: str) -> str:
        return ", ".join(a["name"] for a in actors if a["role"] == role)

    parts = []
    initiators, targets = names("initiator"), names("target")
    if initiators or targets:
        parts.append(f"{initiators or '?'} > {targets}" if targets else initiators)
    if via and names("intermediary"):
        parts.append(f"via {names('intermediary')}")
    if names("participant"):
        parts.append(f"+ {names('participant')}")
    return " ".join(parts)


def intermediaries(actors: Sequence[dict[str, str]]) -> str:
    return ", ".join(a["name"] for a in actors if a["role"] == "intermediary")


def _fit(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    if width <= 1:
        return text[:width]
    return text if len(text) <= width else text[: width - 1] + "…"


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    stretch: int = -1,
    caps: dict[int, int] | None = None,
) -> str:
    """A plain table that fits the terminal; column ``stretch`` takes what is left
    and ``caps`` limits the width of other columns (index -> characters)."""
    import shutil

    cells = [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    for index, cap in (caps or {}).items():
        widths[index] = min(widths[index], max(cap, len(headers[index])))
    total = shutil.get_terminal_size((100, 24)).columns
    stretch = stretch % len(headers)
    fixed = sum(w for i, w in enumerate(widths) if i != stretch) + 2 * (len(headers) - 1)
    widths[stretch] = max(10, min(widths[stretch], total - fixed))
    overflow = sum(widths) + 2 * (len(headers) - 1) - total
    # Still too wide: shrink the widest other columns, never below their header.
    while overflow > 0:
        i = max(range(len(widths)), key=lambda k: widths[k] - len(headers[k]))
        if widths[i] <= max(len(headers[i]), 6):
            break
        widths[i] -= 1
        overflow -= 1
    lines = ["  ".join(_fit(h, w).ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_fit(v, w).ljust(w) for v, w in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def events_table(records: Sequence[dict[str, Any]]) -> str:
    rows = [
        (
            r["id"],
            span_text(r),
            r["category"],
            f"{r['intensity']:+.1f}",
            r["status"][:4] if r["status"] != "confirmed" else "",
            actors_text(r["actors"], via=False),
            intermediaries(r["actors"]),
            r["summary"] or "",
        )
        for r in records
    ]
    headers = ("id", "date", "category", "int", "st", "actors", "via", "summary")
    return table(headers, rows, caps={1: 22, 5: 24, 6: 14})


def dumps(records: Iterable[dict[str, Any]], fmt: str) -> str:
    """json (one array), jsonl (one object a line) or csv (nested fields as JSON)."""
    items = list(records)
    if fmt == "json":
        return json.dumps(items, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in items)
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        if items:
            writer = csv.DictWriter(buf, fieldnames=list(items[0]), lineterminator="\n")
            writer.writeheader()
            for r in items:
                writer.writerow(
                    {
                        k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                        for k, v in r.items()
                    }
                )
        return buf.getvalue().rstrip("\n")
    raise ValueError(fmt)
