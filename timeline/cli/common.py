"""Options and helpers shared by the command modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="TIMELINE_DB",
        help="Database: a file path or an SQLAlchemy URL such as "
        "postgresql+psycopg://user@host/name. Default: timeline.db in the current directory.",
        show_default=False,
    ),
]


@dataclass
class State:
    """What the root callback learned, passed to commands through ``ctx.obj``."""

    db: str | None = None


def database_arg(ctx: typer.Context, db: str | None) -> str | None:
    """The --db given to the command itself, else the one given before it."""
    if db is not None:
        return db
    state = ctx.find_object(State)
    return state.db if state else None
