"""``timeline ingest``: documents in, candidate events out."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from timeline.cli.common import DbOption, database_arg
from timeline.cli.root import app


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Text or HTML files, or directories of them.", show_default=False),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            help="CSV with document,title,publisher,author,published,url "
            "(document = file name without extension). Alone, ingests the files it names "
            "from its own folder."
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for every file (2020-01-09, 2023-06).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title, for a single document.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher.")] = None,
    url: Annotated[str | None, typer.Option(help="URL, for a single document.")] = None,
    reextract: Annotated[
        bool,
        typer.Option(
            "--reextract",
            help="Extract again from documents already ingested, replacing their candidates "
            "(events a curator confirmed, edited or rejected are never touched).",
        ),
    ] = False,
    max_size: Annotated[
        int, typer.Option("--max-size", help="Largest file accepted, in bytes.")
    ] = 5_000_000,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    db: DbOption = None,
) -> None:
    """Read news documents and store the events found in them as candidates.

    Example: timeline ingest ../shared/seeds --manifest ../shared/seeds/sources.csv

    Each document goes in its own transaction; a file that cannot be read is
    reported and the others still go in. Review the candidates with
    `timeline review` or `timeline list --status candidate`.
    """
    from timeline.cli.output import check_format
    from timeline.db import Database
    from timeline.extract.pipeline import ingest as run

    check_format(fmt, ("text", "json"))
    if not paths and manifest is None:
        raise typer.BadParameter("give files or directories to ingest, or --manifest")
    show_bar = fmt == "text" and sys.stderr.isatty()
    bar: Any = None
    if show_bar:
        from timeline.extract.documents import expand_paths

        total = len(list(expand_paths(paths or []))) or None
        bar = typer.progressbar(length=total or 1, label="Ingesting", file=sys.stderr)
        bar.__enter__()
    try:
        summary = run(
            Database(database_arg(ctx, db)),
            paths or [],
            manifest=manifest,
            published=published,
            title=title,
            publisher=publisher,
            url=url,
            reextract=reextract,
            max_bytes=max_size,
            progress=(lambda _name: bar.update(1)) if bar is not None else None,
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    if fmt == "json":
        typer.echo(json.dumps([asdict(r) for r in summary.results], indent=2))
    else:
        for r in summary.results:
            if r.status == "failed":
                typer.echo(f"error: {r.message}", err=True)
            elif r.status == "already":
                typer.echo(f"{r.document}: {r.message}")
            else:
                note = f"; {r.message}" if r.message else ""
                typer.echo(
                    f"{r.document}: {r.new} new, {r.merged} merged, {r.undated} undated, "
                    f"{r.flagged} not events (planned/possible/denied){note}"
                )
        typer.echo(
            f"Documents read: {summary.read}, already ingested: {summary.count('already')}, "
            f"failed: {len(summary.failed)}. Candidates: {summary.total('new')} new, "
            f"{summary.total('merged')} merged into existing events, "
            f"{summary.total('undated')} undated, {summary.total('unresolved')} relative dates "
            "unresolved."
        )
    if summary.failed and not summary.read:
        raise typer.Exit(code=1)
