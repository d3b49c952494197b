"""``timeline init``, ``backup``, ``restore`` and ``timeline db upgrade|downgrade|current``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from timeline.cli.common import DbOption, database_arg
from timeline.cli.root import app

db_app = typer.Typer(help="Manage the database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@app.command()
def init(ctx: typer.Context, db: DbOption = None) -> None:
    """Create the database, or upgrade it to the newest schema. Safe to run again."""
    from timeline.migrate import init_database

    revision = init_database(database_arg(ctx, db))
    typer.echo(f"Database at revision {revision}")


@db_app.command("upgrade")
def db_upgrade(
    ctx: typer.Context,
    revision: str = typer.Argument("head", help="Target revision (default: the newest)."),
    db: DbOption = None,
) -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from timeline.migrate import upgrade

    typer.echo(f"Database at revision {upgrade(database_arg(ctx, db), revision)}")


@db_app.command("downgrade")
def db_downgrade(
    ctx: typer.Context,
    revision: str = typer.Argument("-1", help="Target revision: -1 for one step, base for empty."),
    db: DbOption = None,
) -> None:
    """Downgrade the schema to REVISION (default: one step back). Data in dropped tables is lost."""
    from timeline.migrate import downgrade

    typer.echo(f"Database at revision {downgrade(database_arg(ctx, db), revision)}")


@db_app.command("current")
def db_current(ctx: typer.Context, db: DbOption = None) -> None:
    """Print the schema revision of the database."""
    from timeline.migrate import current_revision

    typer.echo(current_revision(database_arg(ctx, db)))


@app.command()
def backup(
    ctx: typer.Context,
    out: Annotated[Path, typer.Argument(metavar="OUT", help="The backup file to write.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite OUT if it exists.")] = False,
    db: DbOption = None,
) -> None:
    """Copy the database to OUT while it stays in use (SQLite; PostgreSQL: use pg_dump)."""
    from timeline.backup import backup as run_backup
    from timeline.db import Database

    path = run_backup(Database(database_arg(ctx, db)), out, force)
    typer.echo(f"Backed up to {path}")


@app.command()
def restore(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="BACKUP", help="A file made by `timeline backup`.")
    ],
    db: DbOption = None,
) -> None:
    """Replace the database's content with BACKUP (checked first). SQLite only."""
    from timeline.backup import restore as run_restore
    from timeline.db import Database

    revision = run_restore(Database(database_arg(ctx, db)), source)
    typer.echo(f"Restored {source} (revision {revision})")
