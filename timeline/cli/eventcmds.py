"""Curating events by hand: add, list, show, edit, confirm, reject, delete, history."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from timeline.cli.common import DbOption, database_arg
from timeline.cli.listing import as_of_day as _as_of
from timeline.cli.output import check_format, span_text
from timeline.cli.root import app
from timeline.vocab import CATEGORIES, DIRECTIONS, ROLES, STATUSES

AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Resolve relative dates (yesterday, last Tuesday) against this day instead of today.",
        show_default=False,
    ),
]


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


@app.command()
def add(
    ctx: typer.Context,
    date_: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="When: 2020-01-03, 'Jan 3, 2020', 'May 2019', 2019-W20, 'fall 2019', 2019-Q3, "
            "1990s, 2020-01-21..2020-01-22, 'Jan 21-22, 2020', yesterday, 'last Tuesday'.",
            show_default=False,
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category", "-c", help=f"One of: {', '.join(CATEGORIES)}.", show_default=False
        ),
    ] = None,
    summary: Annotated[str | None, typer.Option(help="What happened, in a sentence.")] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor",
            "-a",
            help=f"NAME:ROLE, repeatable; roles: {', '.join(ROLES)} (default participant). "
            "Example: --actor 'United States:initiator' --actor Oman:intermediary",
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option("--source", "-s", help="DOC or DOC:START-END (character span), repeatable."),
    ] = None,
    subtype: Annotated[str | None, typer.Option(help="Finer kind, e.g. 'drone strike'.")] = None,
    location: Annotated[str | None, typer.Option(help="Where it happened.")] = None,
    direction: Annotated[
        str | None,
        typer.Option(help=f"One of: {', '.join(DIRECTIONS)}. Default: from the intensity's sign."),
    ] = None,
    intensity: Annotated[
        float | None,
        typer.Option(help="Goldstein scale, -10..+10. Default: from the CAMEO code or category."),
    ] = None,
    cameo: Annotated[
        str | None, typer.Option("--cameo", help="CAMEO event code, e.g. 046 (negotiate).")
    ] = None,
    status: Annotated[str, typer.Option(help=f"One of: {', '.join(STATUSES)}.")] = "confirmed",
    confidence: Annotated[float | None, typer.Option(help="0..1.")] = None,
    date_text: Annotated[
        str | None, typer.Option(help="The date as written in the source (default: --date).")
    ] = None,
    as_of: AsOfOption = None,
    db: DbOption = None,
) -> None:
    """Add an event by hand and print its id.

    Example: timeline add --date 'Jan 3, 2020' --category strike
    --actor 'United States:initiator' --actor Iran:target --summary 'Drone strike kills Soleimani'
    """
    from timeline.date_input import parse_date
    from timeline.db import Database
    from timeline.editing import add_event
    from timeline.events import EventInput, SourceRef, parse_actor

    if date_ is None:
        if not _interactive():
            raise typer.BadParameter("--date is required (e.g. --date 2020-01-03)")
        date_ = typer.prompt("Date (e.g. 2020-01-03, May 2019, fall 2019)")
    if category is None:
        if not _interactive():
            raise typer.BadParameter(f"--category is required, one of: {', '.join(CATEGORIES)}")
        category = typer.prompt(f"Category ({', '.join(CATEGORIES)})")
        if summary is None:
            summary = typer.prompt("Summary", default="", show_default=False) or None
    item = EventInput(
        span=parse_date(date_, _as_of(as_of)),
        category=category,
        date_text=date_text or date_,
        subtype=subtype,
        summary=summary,
        location=location,
        direction=direction,
        intensity=intensity,
        cameo_code=cameo,
        status=status,
        confidence=confidence,
        actors=[parse_actor(a) for a in actor or []],
        sources=[SourceRef.parse(s) for s in source or []],
    )
    typer.echo(add_event(Database(database_arg(ctx, db)), item))


@app.command("list")
def list_(
    ctx: typer.Context,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Events overlapping from this date on (any date form).",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help="...up to this date (inclusive).", show_default=False)
    ] = None,
    within: Annotated[
        bool, typer.Option("--within", help="Only events lying wholly inside --from/--to.")
    ] = False,
    category: Annotated[
        list[str] | None, typer.Option("--category", "-c", help="Repeatable or comma-separated.")
    ] = None,
    actor: Annotated[
        list[str] | None, typer.Option("--actor", "-a", help="Name or alias, any role.")
    ] = None,
    initiator: Annotated[list[str] | None, typer.Option(help="Actor as initiator.")] = None,
    target: Annotated[list[str] | None, typer.Option(help="Actor as target.")] = None,
    intermediary: Annotated[
        list[str] | None, typer.Option(help="Actor as intermediary (the back channel).")
    ] = None,
    direction: Annotated[list[str] | None, typer.Option(help=f"{', '.join(DIRECTIONS)}.")] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(help="Default: confirmed and candidate. Use 'all' for every status."),
    ] = None,
    text: Annotated[str | None, typer.Option(help="Words to find in summaries.")] = None,
    source: Annotated[str | None, typer.Option(help="Only events citing this document id.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    order: Annotated[str, typer.Option(help="asc or desc.")] = "asc",
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, json, jsonl or csv.")
    ] = "table",
    as_of: AsOfOption = None,
    db: DbOption = None,
) -> None:
    """List events in chronological order (date, finer precision first, then id).

    Example: timeline list --from 2019 --to 2020-06 --category strike,talks --intermediary Oman
    """
    from timeline.cli.listing import run_list

    run_list(
        lambda message, err: typer.echo(message, err=err),
        database_arg(ctx, db),
        from_=from_,
        to=to,
        within=within,
        category=category,
        actor=actor,
        initiator=initiator,
        target=target,
        intermediary=intermediary,
        direction=direction,
        status=status,
        text=text,
        source=source,
        limit=limit,
        offset=offset,
        order=order,
        fmt=fmt,
        as_of=as_of,
    )


def _show_text(record: dict[str, Any]) -> str:
    lines = [
        f"{record['id']}  {span_text(record)}  {record['category']}"
        + (f" ({record['subtype']})" if record["subtype"] else ""),
        f"  summary:    {record['summary'] or ''}",
        f"  date text:  {record['date_text'] or ''}  [{record['date_start']} .. "
        f"{record['date_end']}, {record['date_precision']}]",
        f"  direction:  {record['direction']}, intensity {record['intensity']:+.1f}"
        + (f", CAMEO {record['cameo_code']}" if record["cameo_code"] else ""),
        f"  status:     {record['status']}"
        + (f", confidence {record['confidence']}" if record["confidence"] is not None else ""),
    ]
    if record["location"]:
        lines.append(f"  location:   {record['location']}")
    for a in record["actors"]:
        lines.append(f"  actor:      {a['name']} ({a['role']})")
    for s in record["sources"]:
        span = f":{s['start']}-{s['end']}" if s["start"] is not None else ""
        quote = f'  "{s["quote"]}"' if s["quote"] else ""
        lines.append(f"  source:     {s['document']}{span}{quote}")
    lines.append(f"  created {record['created_at']}, updated {record['updated_at']}")
    return "\n".join(lines)


@app.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event's id.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: DbOption = None,
) -> None:
    """Show one event with its actors and sources."""
    from timeline.db import Database
    from timeline.editing import get_event

    check_format(fmt, ("text", "json"))
    record = get_event(Database(database_arg(ctx, db)), event_id)
    typer.echo(
        json.dumps(record, ensure_ascii=False, indent=2) if fmt == "json" else _show_text(record)
    )


@app.command()
def edit(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event's id.")],
    date_: Annotated[str | None, typer.Option("--date", "-d", help="New date (any form).")] = None,
    date_text: Annotated[str | None, typer.Option(help="The date as written.")] = None,
    category: Annotated[str | None, typer.Option("--category", "-c")] = None,
    subtype: Annotated[str | None, typer.Option()] = None,
    summary: Annotated[str | None, typer.Option()] = None,
    location: Annotated[str | None, typer.Option()] = None,
    direction: Annotated[str | None, typer.Option()] = None,
    intensity: Annotated[float | None, typer.Option()] = None,
    cameo: Annotated[str | None, typer.Option("--cameo")] = None,
    status: Annotated[str | None, typer.Option()] = None,
    confidence: Annotated[float | None, typer.Option()] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option("--actor", help="Replace all actors (NAME:ROLE, repeatable)."),
    ] = None,
    add_actor: Annotated[list[str] | None, typer.Option(help="Add an actor (NAME:ROLE).")] = None,
    remove_actor: Annotated[
        list[str] | None, typer.Option(help="Remove an actor (NAME:ROLE).")
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Add a source (DOC or DOC:START-END).")
    ] = None,
    as_of: AsOfOption = None,
    db: DbOption = None,
) -> None:
    """Change fields of an event; the change log keeps the old values.

    Example: timeline edit abc12345 --date 2020-01-08 --add-actor Switzerland:intermediary
    """
    from timeline.date_input import parse_date
    from timeline.db import Database
    from timeline.editing import changed_fields, edit_event
    from timeline.events import SourceRef, parse_actor

    changes: dict[str, Any] = {}
    if date_ is not None:
        changes["date"] = parse_date(date_, _as_of(as_of))
        changes["date_text"] = date_text or date_
    plain = {
        "date_text": date_text,
        "category": category,
        "subtype": subtype,
        "summary": summary,
        "location": location,
        "direction": direction,
        "intensity": intensity,
        "cameo_code": cameo,
        "status": status,
        "confidence": confidence,
    }
    changes.update({k: v for k, v in plain.items() if v is not None})
    if actor:
        changes["actors"] = [parse_actor(a) for a in actor]
    if add_actor:
        changes["add_actors"] = [parse_actor(a) for a in add_actor]
    if remove_actor:
        changes["remove_actors"] = [parse_actor(a) for a in remove_actor]
    if source:
        changes["add_sources"] = [SourceRef.parse(s) for s in source]
    if not changes:
        raise typer.BadParameter("nothing to change; give at least one option such as --summary")
    database = Database(database_arg(ctx, db))
    from timeline.editing import get_event

    before = get_event(database, event_id)
    after = edit_event(database, event_id, changes)
    fields = changed_fields(before, after)
    typer.echo(f"{event_id}: changed {', '.join(fields) if fields else 'nothing'}")


def _set_status(ctx: typer.Context, ids: list[str], status: str, db: str | None) -> None:
    from timeline.db import Database
    from timeline.editing import set_status

    changed = set_status(Database(database_arg(ctx, db)), ids, status)
    for uid in ids:
        typer.echo(f"{uid}: {status}" if uid in changed else f"{uid}: already {status}")


IdsArgument = Annotated[list[str], typer.Argument(metavar="ID...", help="Event ids.")]


@app.command()
def confirm(ctx: typer.Context, ids: IdsArgument, db: DbOption = None) -> None:
    """Mark events as confirmed by a curator."""
    _set_status(ctx, ids, "confirmed", db)


@app.command()
def reject(ctx: typer.Context, ids: IdsArgument, db: DbOption = None) -> None:
    """Mark events as rejected (kept, but hidden from listings by default)."""
    _set_status(ctx, ids, "rejected", db)


@app.command()
def delete(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event's id.")],
    note: Annotated[str | None, typer.Option(help="Why, for the change log.")] = None,
    db: DbOption = None,
) -> None:
    """Delete an event. Its last state stays in the change log (`timeline history ID`)."""
    from timeline.db import Database
    from timeline.editing import delete_event

    record = delete_event(Database(database_arg(ctx, db)), event_id, note)
    typer.echo(f"deleted {event_id} ({span_text(record)} {record['category']})")


@app.command("history")
def history_(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="The event's id.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: DbOption = None,
) -> None:
    """Show every change made to an event, oldest first (also for deleted events)."""
    from timeline.db import Database
    from timeline.editing import changed_fields, history

    check_format(fmt, ("text", "json"))
    rows = history(Database(database_arg(ctx, db)), event_id)
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        who = f" by {row['author']}" if row["author"] else ""
        line = f"{row['at']}  {row['action']}{who}"
        fields = changed_fields(row["before"], row["after"])
        if fields:
            details = []
            for name in fields:
                old, new = row["before"].get(name), row["after"].get(name)
                details.append(
                    f"{name}: {json.dumps(old, ensure_ascii=False)} -> "
                    f"{json.dumps(new, ensure_ascii=False)}"
                )
            line += "\n    " + "\n    ".join(details)
        if row["action"] == "mention" and row["after"]:
            added = ", ".join(
                f"{m['document']}:{m['start']}-{m['end']}" for m in row["after"]["sources"]
            )
            line += f"\n    sources added: {added}"
        if row["note"]:
            line += f"\n    note: {row['note']}"
        typer.echo(line)
