"""``timeline list`` without Typer: the listing's start-up is most of its time.

:func:`run` takes the command line of a plain listing (``[--db X] list`` and
``list``'s own options, each spelled ``--option value``, ``--option=value`` or
``-c value``) and runs :func:`timeline.cli.listing.run_list`, the function the
Typer command calls, with the same values Typer would pass. Anything it is not
sure of (help, an unknown or repeated option, a value that looks like an
option, a number or format Typer would refuse, a terminal encoding other than
UTF-8) is left to Typer: :func:`run` returns False and nothing has happened.
Output goes out as ``typer.echo`` writes it (ANSI codes stripped when not on a
terminal, flushed); user errors become one line on stderr and exit code 1.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, TextIO

ENV_DB = "TIMELINE_DB"

VALUES = {
    "--db": "db",
    "--from": "from_",
    "--to": "to",
    "--category": "category",
    "-c": "category",
    "--actor": "actor",
    "-a": "actor",
    "--initiator": "initiator",
    "--target": "target",
    "--intermediary": "intermediary",
    "--direction": "direction",
    "--status": "status",
    "--text": "text",
    "--source": "source",
    "--limit": "limit",
    "--offset": "offset",
    "--order": "order",
    "--format": "fmt",
    "-f": "fmt",
    "--as-of": "as_of",
}
"""``list``'s options that take a value, and the parameter each sets."""

FLAGS = {"--within": "within"}
MULTIPLE = {"category", "actor", "initiator", "target", "intermediary", "direction", "status"}
NUMBERS = {"limit", "offset"}
FORMATS = ("table", "json", "jsonl", "csv")
ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")
"""What click strips from output that is not going to a terminal."""


def _options(
    args: list[str], known: dict[str, str], flags: dict[str, str]
) -> dict[str, Any] | None:
    """``{parameter: value}`` for ``args``, or None when Typer should decide."""
    found: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        value: Any
        if name in flags and not eq:
            key, value = flags[name], True
            i += 1
        elif name in known:
            key = known[name]
            if eq:
                value, i = inline, i + 1
            elif i + 1 < len(args):
                value, i = args[i + 1], i + 2
            else:
                return None
            if value.startswith("-"):
                return None
        else:
            return None
        if key in MULTIPLE:
            found.setdefault(key, []).append(value)
        elif key in found:
            return None
        else:
            found[key] = value
    for key in NUMBERS & found.keys():
        if not re.fullmatch(r"[0-9]+", found[key]):
            return None
        found[key] = int(found[key])
    return found


def parse(argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of ``run_list`` for a plain listing, else None."""
    if "list" not in argv:
        return None
    at = argv.index("list")
    root = _options(argv[:at], {"--db": "db"}, {})
    values = _options(argv[at + 1 :], VALUES, FLAGS)
    if root is None or values is None:
        return None
    if values.get("fmt", "table") not in FORMATS:
        return None
    as_of = values.get("as_of")
    if as_of is not None:
        from datetime import date

        try:
            date.fromisoformat(as_of)
        except ValueError:
            return None
    # As Typer does: the command's --db, else TIMELINE_DB (also read by the
    # command's option), else the --db given before the command.
    if "db" not in values:
        values["db"] = os.environ.get(ENV_DB) or root.get("db")
    return values


def _utf8(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") == "utf8"


def _echo(message: str, err: bool) -> None:
    stream = sys.stderr if err else sys.stdout
    out = message + "\n"
    if "\033" in out:
        try:
            terminal = stream.isatty()
        except Exception:
            terminal = False
        if not terminal:
            out = ANSI.sub("", out)
    stream.write(out)
    stream.flush()


def run(argv: list[str]) -> bool:
    """Run ``argv`` if it is a plain listing; False (and nothing done) otherwise."""
    kwargs = parse(argv)
    if kwargs is None or not (_utf8(sys.stdout) and _utf8(sys.stderr)):
        return False
    from timeline.cli.listing import run_list
    from timeline.errors import TimelineError

    try:
        run_list(_echo, **kwargs)
    except TimelineError as err:
        _echo(f"Error: {err}", True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        _echo("", True)
        _echo("Aborted!", True)
        sys.exit(1)
    except BrokenPipeError:
        # As click does: quiet, exit code 1.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    return True
