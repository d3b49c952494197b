"""``timeline escalation``, ``timeline responses`` and ``timeline chart``."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from timeline.cli.common import DbOption, database_arg
from timeline.cli.output import check_format, dumps, table
from timeline.cli.root import app

if TYPE_CHECKING:
    from timeline.analysis import Period, Response

FromOption = Annotated[
    str | None,
    typer.Option("--from", help="From this date on (any date form: 2019, 2019-06, 'May 2019')."),
]
ToOption = Annotated[str | None, typer.Option("--to", help="Up to this date (any date form).")]


def _bounds(from_: str | None, to: str | None) -> tuple[date | None, date | None]:
    from timeline.date_input import parse_bound

    return (
        parse_bound(from_) if from_ else None,
        parse_bound(to, end=True) if to else None,
    )


def bar(value: float, scale: float, width: int) -> str:
    """A diverging bar: escalation (negative) grows left of ``|``, de-escalation right."""
    cells = round(abs(value) / scale * width) if scale else 0
    if value < 0:
        return " " * (width - cells) + "█" * cells + "|"
    return " " * width + "|" + "█" * cells


def escalation_chart(rows: Sequence[Period]) -> str:
    headers = ("period", "events", "esc", "de-esc", "net")
    cells = [
        (r.period, str(r.events), str(r.escalation), str(r.de_escalation), f"{r.net_intensity:+g}")
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    used = sum(widths) + 2 * len(widths)
    half = max(4, (shutil.get_terminal_size((100, 24)).columns - used - 1) // 2)
    scale = max((abs(r.net_intensity) for r in rows), default=0.0)
    lines = ["  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row, cell in zip(rows, cells, strict=True):
        text = "  ".join(c.rjust(w) for c, w in zip(cell, widths, strict=True))
        lines.append((text + "  " + bar(row.net_intensity, scale, half)).rstrip())
    lines.append(
        f"net intensity: escalation left of |, de-escalation right; "
        f"full bar = {scale:g} on the Goldstein scale"
    )
    return "\n".join(lines)


@app.command()
def escalation(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="week, month, quarter or year.")] = "month",
    from_: FromOption = None,
    to: ToOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Events and net intensity per period, with a bar chart in the terminal.

    Example: timeline escalation --by quarter --from 2019 --to 2020
    """
    from timeline.analysis import PERIODS, load_escalation

    check_format(fmt, ("table", "csv", "json"))
    if by not in PERIODS:
        raise typer.BadParameter(f"unknown period {by!r}; choose one of: {', '.join(PERIODS)}")
    from timeline.db import Database

    date_from, date_to = _bounds(from_, to)
    rows = load_escalation(Database(database_arg(ctx, db)), by, date_from, date_to)
    if fmt != "table":
        text = dumps([r.as_dict() for r in rows], fmt)
        if text:
            typer.echo(text)
        return
    if not rows:
        typer.echo("No events in that period.")
        return
    typer.echo(escalation_chart(rows))


def _responses_table(found: Sequence[Response]) -> str:
    from timeline.io.records import date_label, headline

    rows: list[tuple[str, ...]] = []
    for response in found:
        esc = response.escalation
        rows.append((date_label(esc), esc["category"], "", "", headline(esc)))
        if not response.contacts:
            rows.append(("", "", "", "", "  (no contact within the window)"))
        for contact in response.contacts:
            rows.append(
                (
                    "",
                    f"  {contact.record['category']}",
                    f"+{contact.lag}d",
                    ", ".join(contact.intermediaries) or "direct",
                    f"  {date_label(contact.record)} {headline(contact.record)}",
                )
            )
    return table(("date", "category", "lag", "via", "event"), rows)


@app.command()
def responses(
    ctx: typer.Context,
    window: Annotated[
        str, typer.Option("--window", "-w", help="How long after: 14d, 10, 2w.")
    ] = "14d",
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category", "-c", help="Only escalations of this category (repeatable), e.g. strike."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """What de-escalation contact followed each escalation, how soon, and through whom.

    Contacts are de-escalation messages, visits, talks and deals starting on or
    after the escalation and at most --window days after it ended.

    Example: timeline responses --window 14d --category strike
    """
    import json

    from timeline.analysis import load_responses, parse_window
    from timeline.db import Database

    check_format(fmt, ("table", "json"))
    categories = [c.strip().lower() for item in category or [] for c in item.split(",")]
    found, summary = load_responses(
        Database(database_arg(ctx, db)), parse_window(window), categories
    )
    if fmt == "json":
        data: dict[str, Any] = {
            "responses": [
                {
                    "escalation": r.escalation,
                    "contacts": [
                        {"lag_days": c.lag, "intermediaries": c.intermediaries, "event": c.record}
                        for c in r.contacts
                    ],
                }
                for r in found
            ],
            "summary": summary.as_dict(),
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if found:
        typer.echo(_responses_table(found))
        typer.echo("")
    typer.echo(summary.sentence())


@app.command()
def chart(
    ctx: typer.Context,
    output: Annotated[Path, typer.Argument(help="OUT.png or OUT.svg.")],
    from_: FromOption = None,
    to: ToOption = None,
    width: Annotated[int, typer.Option(help="Width in pixels.")] = 1600,
    height: Annotated[int, typer.Option(help="Height in pixels.")] = 900,
    db: DbOption = None,
) -> None:
    """Draw the timeline: events by date and intensity, net intensity by month.

    Needs the chart extra: pip install 'timeline[chart]'.
    """
    from timeline.chart import draw_timeline
    from timeline.db import Database

    date_from, date_to = _bounds(from_, to)
    count = draw_timeline(
        Database(database_arg(ctx, db)), output, date_from, date_to, width, height
    )
    typer.echo(f"Drew {count} events to {output} ({width}x{height})")
