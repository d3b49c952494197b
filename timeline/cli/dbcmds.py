"""``timeline init`` and ``timeline db upgrade|downgrade|current``."""

from __future__ import annotations

import typer

from timeline.cli import app
from timeline.cli.common import DbOption, database_arg

db_app = typer.Typer(help="Manage the database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command()
def init(ctx: typer.Context, db: DbOption = None) -> None:
    """Create the database, or upgrade it to the newest schema. Safe to run again."""
    from timeline.db import init_database

    revision = init_database(database_arg(ctx, db))
    typer.echo(f"Database at revision {revision}")
