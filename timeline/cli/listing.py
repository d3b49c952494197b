"""``timeline list``'s work, shared by the Typer command and the fast path.

Nothing here imports Typer unless a value is refused, so :mod:`timeline.cli.fast`
can run a listing without it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

Echo = Callable[[str, bool], None]
"""Writes a message and a newline (to stderr when the flag is true)."""


def as_of_day(value: str | None) -> date | None:
    """``--as-of``: a day like 2020-01-09, or None."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        import typer

        raise typer.BadParameter(f"--as-of must be a day like 2020-01-09, got {value!r}") from None


def bound(text: str, anchor: date | None, end: bool = False) -> date:
    """A ``--from``/``--to`` value as :func:`timeline.date_input.parse_bound` reads it;
    a plain ISO day (what scripts pass) is read without importing the date parser."""
    digits = text[:4] + text[5:7] + text[8:]
    if len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit():
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass  # not a real day: the parser says why
    from timeline.date_input import parse_bound

    return parse_bound(text, anchor, end=end)


def many(values: list[str] | None) -> list[str]:
    """Repeatable options that also accept comma-separated values."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def run_list(
    echo: Echo,
    db: str | None,
    from_: str | None = None,
    to: str | None = None,
    within: bool = False,
    category: list[str] | None = None,
    actor: list[str] | None = None,
    initiator: list[str] | None = None,
    target: list[str] | None = None,
    intermediary: list[str] | None = None,
    direction: list[str] | None = None,
    status: list[str] | None = None,
    text: str | None = None,
    source: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    order: str = "asc",
    fmt: str = "table",
    as_of: str | None = None,
) -> None:
    """List events in chronological order in format ``fmt`` (``timeline list``)."""
    from timeline.cli.output import check_format, dumps, events_table
    from timeline.db import Database
    from timeline.query import DEFAULT_STATUSES, Filters, list_events
    from timeline.vocab import CATEGORIES, DIRECTIONS, STATUSES, choice

    check_format(fmt)
    anchor = as_of_day(as_of)
    statuses = many(status)
    filters = Filters(
        date_from=bound(from_, anchor) if from_ else None,
        date_to=bound(to, anchor, end=True) if to else None,
        within=within,
        categories=[choice("category", c, CATEGORIES) for c in many(category)],
        actors=many(actor),
        initiators=many(initiator),
        targets=many(target),
        intermediaries=many(intermediary),
        directions=[choice("direction", d, DIRECTIONS) for d in many(direction)],
        statuses=()
        if "all" in statuses
        else [choice("status", s, STATUSES) for s in statuses] or DEFAULT_STATUSES,
        text=text,
        source=source,
        limit=limit,
        offset=offset,
        order=order,
    )
    records: list[dict[str, Any]] = list_events(Database(db), filters)
    if fmt == "table":
        if not records:
            echo("No events match.", True)
            return
        echo(events_table(records), False)
    elif records:
        echo(dumps(records, fmt), False)
