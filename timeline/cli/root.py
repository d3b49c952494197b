"""The Typer application: the root command and every command module.

Each command parses its arguments, calls one library function and formats the
result. Errors meant for users (:class:`~timeline.errors.TimelineError`) become
one line on stderr and exit code 1; heavy modules are imported inside the
commands that need them so ``timeline --help`` stays fast.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from timeline.cli import lean
from timeline.cli.common import DbOption, State
from timeline.errors import TimelineError

lean.install()


class TimelineGroup(TyperGroup):
    """Turns user errors raised anywhere below into a one-line message."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TimelineError as err:
            typer.echo(f"Error: {err}", err=True)
            raise typer.Exit(code=err.exit_code) from None


app = typer.Typer(
    cls=TimelineGroup,
    name="timeline",
    help="A dated, sourced timeline of US-Iran escalation and de-escalation events.\n\n"
    "Start with `timeline init`, add events with `timeline add` or `timeline import`, "
    "and read them with `timeline list`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


@app.callback()
def root(ctx: typer.Context, db: DbOption = None) -> None:
    ctx.obj = State(db=db)


def _register() -> None:
    # Command modules attach themselves to ``app`` on import.
    from timeline.cli import (  # noqa: F401
        analysiscmds,
        datescmd,
        dbcmds,
        eventcmds,
        exportcmds,
        ingestcmds,
        iocmds,
        reviewcmds,
    )


_register()
