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


@db_app.command("upgrade")
def db_upgrade(
    ctx: typer.Context,
    revision: str = typer.Argument("head", help="Target revision (default: the newest)."),
    db: DbOption = None,
) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from timeline.db import upgrade

    typer.echo(f"Database at revision {upgrade(database_arg(ctx, db), revision)}")


@db_app.command("downgrade")
def db_downgrade(
    ctx: typer.Context,
    revision: str = typer.Argument("-1", help="Target revision: -1 for one step, base for empty."),
    db: DbOption = None,
) -> None:
    """Downgrade the schema to REVISION (default: one step back). Data in dropped tables is lost."""
    from timeline.db import downgrade

    typer.echo(f"Database at revision {downgrade(database_arg(ctx, db), revision)}")


@db_app.command("current")
def db_current(ctx: typer.Context, db: DbOption = None) -> None:
    """Print the schema revision of the database."""
    from timeline.db import current_revision

    typer.echo(current_revision(database_arg(ctx, db)))
