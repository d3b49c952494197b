"""Curating candidates: ``timeline review``, ``timeline merge`` and ``timeline unmerge``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from timeline.cli.common import DbOption, database_arg
from timeline.cli.output import actors_text, span_text
from timeline.cli.root import app


@app.command()
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(metavar="KEEP", help="The event that stays.")],
    others: Annotated[
        list[str], typer.Argument(metavar="OTHER...", help="Events folded into KEEP.")
    ],
    db: DbOption = None,
) -> None:
    """Merge events that are the same event: OTHER's actors and sources join KEEP.

    Logged on every event involved; `timeline unmerge KEEP` undoes it.
    """
    from timeline.db import Database
    from timeline.merging import merge_events

    record = merge_events(Database(database_arg(ctx, db)), keep, others)
    typer.echo(f"{keep}: now {len(record['sources'])} sources; merged {', '.join(others)}")


@app.command()
def unmerge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(metavar="KEEP", help="An event that absorbed others.")],
    db: DbOption = None,
) -> None:
    """Undo the last merge into KEEP, restoring the events it absorbed."""
    from timeline.db import Database
    from timeline.merging import unmerge as run

    restored = run(Database(database_arg(ctx, db)), keep)
    typer.echo(f"{keep}: restored {', '.join(restored)}")


def _card(record: dict[str, Any], position: int, total: int) -> str:
    lines = [
        f"[{position}/{total}] {record['id']}  {span_text(record)}  {record['category']}"
        + (f" ({record['subtype']})" if record["subtype"] else "")
        + f"  intensity {record['intensity']:+.1f}  confidence {record['confidence']}",
        f"  {record['summary'] or ''}",
        f"  actors: {actors_text(record['actors']) or '-'}",
    ]
    for source in record["sources"]:
        quote = " ".join((source["quote"] or "").split())
        lines.append(f'  {source["document"]}:{source["start"]}-{source["end"]}  "{quote}"')
    return "\n".join(lines)


@app.command()
def review(
    ctx: typer.Context,
    document: Annotated[
        str | None, typer.Option("--source", help="Only candidates from this document.")
    ] = None,
    apply: Annotated[
        Path | None,
        typer.Option(
            "--apply",
            metavar="FILE",
            help="Replay recorded decisions (JSON lines: confirm/reject/add, candidates "
            "named by DOC:START-END and category) instead of asking; see `timeline.curation`.",
        ),
    ] = None,
    reject_rest: Annotated[
        bool,
        typer.Option(help="With --apply: reject the candidates no decision names."),
    ] = False,
    db: DbOption = None,
) -> None:
    """Walk the candidates in date order: confirm, reject, edit, merge, skip or quit.

    Decisions are saved as you go; run it again to carry on with what is left.
    `--apply FILE` replays a curator's recorded decisions after a fresh ingest,
    e.g. `timeline review --apply data/review.jsonl --reject-rest`.
    """
    if apply is not None:
        _apply(ctx, db, apply, reject_rest)
        return
    if reject_rest:
        raise typer.BadParameter("--reject-rest goes with --apply FILE")
    from timeline.date_input import parse_date
    from timeline.db import Database
    from timeline.editing import edit_event, set_status
    from timeline.errors import TimelineError
    from timeline.merging import merge_events
    from timeline.query import Filters, list_events

    database = Database(database_arg(ctx, db))
    queue = list_events(database, Filters(statuses=("candidate",), source=document))
    if not queue:
        typer.echo("No candidates to review.")
        return
    done = 0
    for position, record in enumerate(queue, start=1):
        typer.echo(_card(record, position, len(queue)))
        while True:
            choice = (
                typer.prompt("[c]onfirm [r]eject [e]dit [m]erge [s]kip [q]uit", default="s")
                .strip()
                .lower()[:1]
            )
            if choice in ("c", "r"):
                set_status(database, [record["id"]], "confirmed" if choice == "c" else "rejected")
                done += 1
            elif choice == "e":
                changes: dict[str, Any] = {}
                new_date = typer.prompt("date", default=span_text(record))
                if new_date != span_text(record):
                    changes["date"] = parse_date(new_date)
                    changes["date_text"] = new_date
                for field in ("category", "summary"):
                    value = typer.prompt(field, default=record[field] or "")
                    if value != (record[field] or ""):
                        changes[field] = value
                changes["status"] = "confirmed"
                edit_event(database, record["id"], changes)
                done += 1
            elif choice == "m":
                target = typer.prompt("merge into event id").strip()
                try:
                    merge_events(database, target, [record["id"]])
                except TimelineError as err:
                    typer.echo(f"Error: {err}", err=True)
                    continue
                done += 1
            elif choice == "q":
                typer.echo(f"Reviewed {done}; {len(queue) - done} candidates left.")
                return
            elif choice != "s":
                typer.echo("Type c, r, e, m, s or q.")
                continue
            break
    typer.echo(f"Reviewed {done}; {len(queue) - done} candidates left.")


def _apply(ctx: typer.Context, db: str | None, path: Path, reject_rest: bool) -> None:
    from timeline.curation import apply_decisions, read_decisions
    from timeline.db import Database

    report = apply_decisions(Database(database_arg(ctx, db)), read_decisions(path), reject_rest)
    for line, problem in report.problems:
        typer.echo(f"{path}:{line}: {problem}", err=True)
    typer.echo(
        f"Confirmed {report.confirmed} ({report.merged} candidates merged in), "
        f"rejected {report.rejected}, added {report.added}; "
        f"{report.left} candidates left to review."
    )
    if report.problems:
        typer.echo(f"{len(report.problems)} decisions did not apply (see above).", err=True)
        raise typer.Exit(code=1)


@app.command()
def findings(
    ctx: typer.Context,
    document: Annotated[str | None, typer.Option("--source", help="Only this document.")] = None,
    reason: Annotated[
        str | None, typer.Option(help="undated, or modality (planned/possible/denied...).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or jsonl.")] = "table",
    db: DbOption = None,
) -> None:
    """What extraction kept off the timeline: undated events, and planned, possible,
    denied or hypothetical ones. Add one by hand with `timeline add --source DOC:START-END`."""
    from timeline.cli.output import check_format, dumps, table
    from timeline.db import Database
    from timeline.query import list_findings

    check_format(fmt, ("table", "json", "jsonl"))
    rows = list_findings(Database(database_arg(ctx, db)), document, reason)
    if fmt != "table":
        if rows:
            typer.echo(dumps(rows, fmt))
        return
    if not rows:
        typer.echo("No findings.", err=True)
        return
    typer.echo(
        table(
            ("source", "category", "why", "date", "actors", "quote"),
            [
                (
                    f"{r['document']}:{r['start']}-{r['end']}",
                    r["category"],
                    r["modality"] if r["reason"] == "modality" else "undated",
                    r["date_text"] or "",
                    actors_text(r["actors"]),
                    r["quote"] or "",
                )
                for r in rows
            ],
            caps={0: 30, 4: 24},
        )
    )
