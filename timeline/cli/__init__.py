"""The ``timeline`` command line: a thin layer over the library.

The commands are a Typer application (:mod:`timeline.cli.root`), loaded on
first use of ``timeline.cli.app``. :func:`main` first offers the arguments to
:mod:`timeline.cli.fast`, which runs a plain ``timeline list`` without
importing Typer at all (start-up is most of a listing's time) and hands
anything else to Typer.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.cli.root import app as app


def __getattr__(name: str) -> Any:
    if name == "app":
        from timeline.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point."""
    from timeline.cli.fast import run

    if run(sys.argv[1:]):
        return
    from timeline.cli.root import app

    app()
