"""``timeline export datasette``: the export targets that are more than one file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.common import DbOption, database_arg
from timeline.cli.iocmds import export_app


@export_app.command("datasette")
def datasette(
    ctx: typer.Context,
    output: Annotated[Path, typer.Argument(help="The SQLite file to write, e.g. timeline-ds.db.")],
    metadata: Annotated[
        Path | None,
        typer.Option(
            "--metadata",
            "-m",
            help="Where to write Datasette's metadata (.json, or .yml with PyYAML). "
            "Default: metadata.json beside OUTPUT.",
            show_default=False,
        ),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite OUTPUT if it exists.")
    ] = False,
    serve: Annotated[
        bool,
        typer.Option("--serve", help="Start Datasette on the export (needs the datasette extra)."),
    ] = False,
    port: Annotated[int, typer.Option(help="Port for --serve.")] = 8001,
    db: DbOption = None,
) -> None:
    """A standalone SQLite database for Datasette: events, actors, documents, mentions,
    full-text search, views and canned queries.

    Example: timeline export datasette timeline-ds.db --serve
    """
    from timeline.db import Database
    from timeline.io.datasette import build_datasette
    from timeline.io.datasette import serve as run_datasette

    parent = ctx.parent
    database = Database(database_arg(ctx, db or (parent.params.get("db") if parent else None)))
    if sys.stderr.isatty():
        with typer.progressbar(length=1, label="Exporting events", file=sys.stderr) as bar:

            def progress(done: int, total: int) -> None:
                bar.length = max(total, 1)
                bar.update(done - bar.pos)

            result = build_datasette(database, output, metadata, replace, progress=progress)
    else:
        result = build_datasette(database, output, metadata, replace)
    counts = result.counts
    typer.echo(
        f"Exported {counts['events']} events, {counts['actors']} actors, "
        f"{counts['documents']} documents to {result.path} (metadata: {result.metadata_path})"
    )
    if not serve:
        typer.echo(f"Browse it with: {' '.join(result.serve_command())}")
        return
    raise typer.Exit(run_datasette(result, port))
