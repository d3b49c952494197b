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


def terminal_width() -> int | None:
    """Columns to fit a table into: ``COLUMNS`` when set, the terminal's width
    when writing to one, None (no limit) when the output goes to a file or pipe."""
    import os
    import shutil
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return None


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    stretch: int = -1,
    caps: dict[int, int] | None = None,
    keep: Sequence[int] = (),
) -> str:
    """A plain table that fits the terminal (see :func:`terminal_width`; written
    to a file or a pipe, nothing is cut). Column ``stretch`` takes what is left,
    ``caps`` limits the width of other columns (index -> characters) and the
    columns in ``keep`` (a date, an id) are never cut to make room."""
    cells = [["" if v is None else " ".join(str(v).split()) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    total = terminal_width()
    if total is not None:
        _fit_widths(widths, headers, total, stretch % len(headers), caps or {}, keep)
    lines = ["  ".join(_fit(h, w).ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_fit(v, w).ljust(w) for v, w in zip(row, widths, strict=True)))
    return "\n".join(line.rstrip() for line in lines)


def _fit_widths(
    widths: list[int],
    headers: Sequence[str],
    total: int,
    stretch: int,
    caps: dict[int, int],
    keep: Sequence[int],
) -> None:
    """Narrow ``widths`` (in place) towards ``total`` columns."""
    for index, cap in caps.items():
        if index not in keep:
            widths[index] = min(widths[index], max(cap, len(headers[index])))
    fixed = sum(w for i, w in enumerate(widths) if i != stretch) + 2 * (len(headers) - 1)
    # The stretching column (a summary) keeps a quarter of the line if it can.
    floor = min(widths[stretch], max(10, total // 4))
    widths[stretch] = max(floor, min(widths[stretch], total - fixed))
    overflow = sum(widths) + 2 * (len(headers) - 1) - total
    # Still too wide: shrink the widest other columns, never below their header,
    # then the stretching one, down to ten characters.
    shrinkable = [i for i in range(len(widths)) if i not in keep and i != stretch]
    while overflow > 0 and shrinkable:
        i = max(shrinkable, key=lambda k: widths[k] - len(headers[k]))
        if widths[i] <= max(len(headers[i]), 3):
            break
        widths[i] -= 1
        overflow -= 1
    if overflow > 0:
        widths[stretch] = max(min(widths[stretch], 10), widths[stretch] - overflow)


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
    return table(headers, rows, caps={5: 24, 6: 14}, keep=(0, 1, 3, 4))


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
