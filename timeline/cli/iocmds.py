"""``timeline import`` and ``timeline export``: the interchange format in and out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.common import DbOption, database_arg
from timeline.cli.root import app

export_app = typer.Typer(
    help="Export the timeline: interchange jsonl/csv here; other targets as subcommands.",
    invoke_without_command=True,
)
app.add_typer(export_app, name="export")

EXPORT_FORMATS = ("jsonl", "csv", "ics", "timelinejs", "acled")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A .jsonl or .csv file in the interchange format.")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="jsonl or csv (default: from the extension)."),
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Import the valid lines and list the others.")
    ] = False,
    documents: Annotated[
        Path | None,
        typer.Option(help="A CSV of document metadata (columns of sources.csv) to load first."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Import events from the interchange format (jsonl: one JSON object a line; or csv).

    All or nothing: one bad line and nothing is written, and the error names the
    line and the field; --skip-invalid imports the rest and lists what it
    skipped. The file goes in as one transaction, so an interrupted import
    leaves nothing behind. Ids already in the database are refused. A progress
    bar shows on a terminal. `timeline export` writes the same format.

    Example: timeline import events.jsonl --documents sources.csv
    """
    from timeline.db import Database
    from timeline.io.interchange import count_lines, import_file

    database = Database(database_arg(ctx, db))
    if not sys.stderr.isatty() or not file.is_file():
        result = import_file(database, file, fmt, skip_invalid, documents)
    else:
        total = max(count_lines(file), 1)
        with typer.progressbar(length=total, label="Importing", file=sys.stderr) as bar:

            def progress(line: int) -> None:
                bar.update(line - bar.pos)

            def finishing(what: str) -> None:  # (the bar is full; say why it waits)
                bar.label = f"Importing ({what})"
                bar.render_progress()

            result = import_file(database, file, fmt, skip_invalid, documents, progress, finishing)
    for number, reason in result.skipped:
        typer.echo(f"skipped line {number}: {reason}", err=True)
    docs = f", {result.documents} documents" if documents else ""
    skipped = f", {len(result.skipped)} lines skipped" if result.skipped else ""
    typer.echo(f"Imported {result.imported} events{docs}{skipped}")


@export_app.callback()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="jsonl or csv (the interchange format, every status), "
            "ics (calendar), timelinejs (TimelineJS JSON) or acled (ACLED-style CSV).",
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            help="jsonl/csv: only events with this status (candidate, confirmed or "
            "rejected); repeat for several. Default: every status."
        ),
    ] = None,
    no_quotes: Annotated[
        bool,
        typer.Option(
            "--no-quotes",
            help="jsonl/csv: cite sources by document and span only, leaving out the "
            "quoted text (to share a timeline without copying the articles).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Export the timeline: `timeline export -f FORMAT -o FILE`, or a target below.

    The interchange formats keep every event unless --status narrows them;
    ics, timelinejs and acled leave rejected candidates out.
    """
    if ctx.invoked_subcommand is not None:
        return
    from timeline.cli.output import check_format
    from timeline.db import Database

    check_format(fmt, EXPORT_FORMATS)
    if fmt not in ("jsonl", "csv") and (status or no_quotes):
        raise typer.BadParameter("--status and --no-quotes apply to -f jsonl and -f csv")
    database = Database(database_arg(ctx, db))
    if fmt in ("jsonl", "csv"):
        import sys

        from timeline import vocab
        from timeline.io.interchange import write_export
        from timeline.query import Filters

        statuses = tuple(vocab.choice("status", s, vocab.STATUSES) for s in status or ())
        filters = Filters(statuses=statuses)
        quotes = not no_quotes
        # Streamed: a million events never sit in memory at once.
        if output is None:
            write_export(database, fmt, sys.stdout, filters, quotes=quotes)
            return
        with output.open("w", encoding="utf-8", newline="") as handle:
            count = write_export(database, fmt, handle, filters, quotes=quotes)
        typer.echo(f"Exported {count} events to {output}", err=True)
        return
    from timeline.io.exports import export_text

    text, count = export_text(database, fmt)
    if output is None:
        typer.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8", newline="")
    typer.echo(f"Exported {count} events to {output}", err=True)
