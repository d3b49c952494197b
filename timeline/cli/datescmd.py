"""``timeline dates``: tag the dates of text files."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.root import app


class DatesFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.command()
def dates(
    files: Annotated[list[Path], typer.Argument(help="UTF-8 text files to tag.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date of every file: YYYY-MM-DD, YYYY-MM or YYYY."),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(help="CSV with columns document (file name without extension), published."),
    ] = None,
    output_format: Annotated[
        DatesFormat, typer.Option("--format", help="table, json (an array) or jsonl.")
    ] = DatesFormat.table,
) -> None:
    """Find the dates in news text and resolve them against the publication date."""
    from timeline.dates import render
    from timeline.extract.temporal import tag_files

    tagged = tag_files(files, published=published, manifest=manifest)
    records = [{"document": doc, **expression.to_dict()} for doc, expression in tagged]
    if output_format is DatesFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if output_format is DatesFormat.jsonl:
        for record in records:
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    rows = [("document", "start-end", "text", "type", "value", "span")]
    for doc, e in tagged:
        span = e.span
        text = " ".join(e.text.split())
        rows.append(
            (doc, f"{e.start}-{e.end}", text, e.type, e.value, render(span) if span else "")
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
