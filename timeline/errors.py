"""The one exception family meant for users.

Library code raises these with a message that names the problem and, where
there is one, the fix. The CLI prints the message on one line of stderr and
exits non-zero; anything else escaping is a bug.
"""

from __future__ import annotations


class TimelineError(Exception):
    """An error the user can act on; ``str(err)`` is the whole message."""

    exit_code = 1


class InvalidDate(TimelineError):
    """Typed date input that is impossible or ambiguous."""


class InvalidValue(TimelineError):
    """A field value outside its vocabulary or range."""


class NotFound(TimelineError):
    """An event, actor or document id that does not exist."""


class DatabaseError(TimelineError):
    """The database cannot be opened, is not a timeline database, or is too new."""


class ImportFailed(TimelineError):
    """An import file that cannot be read or holds invalid lines."""


class MissingExtra(TimelineError):
    """An optional dependency (an extra such as ``chart`` or ``datasette``) is not installed."""


def json_problem(err: ValueError) -> str:
    """What is wrong with a line of JSON and where, for an error message: "Expecting
    value at column 1", "Unterminated string starting at column 2" (Python's own
    messages, some of which end in "at", without the line, which the caller gives)."""
    msg, column = getattr(err, "msg", str(err)), getattr(err, "colno", None)
    if column is None:
        return str(msg)
    return f"{msg} column {column}" if str(msg).endswith(" at") else f"{msg} at column {column}"
