"""The parsing stage of the bulk import: lines read, parsed and validated in batches.

Small files are parsed in the importing process, a large one by a worker process
(:mod:`timeline.io.bulk_worker`). Either way the importer gets the same batches,
in file order, each with

* the lines to report, ``(number, message)``;
* the rows of the others, ready to write (:data:`Rows`, each record's made by
  :mod:`timeline.io.bulk_validate`);

and a problem with the whole file (missing, not UTF-8) as :class:`ImportFailed`.
"""

from __future__ import annotations

import contextlib
import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from timeline.errors import ImportFailed, TimelineError, json_problem
from timeline.io.bulk_validate import fast_row, validate

BATCH = 2000
"""Lines per batch handed to the importer."""

Rows = tuple[list[tuple[Any, ...]], list[tuple[int, str, str]], list[tuple[Any, ...]]]
"""A batch ready to write: events rows (the uid None where the line gave none),
(event id, actor name as given, role), mentions rows (the quote None where the
document's text may give it)."""
Prepared = tuple[list[tuple[int, str]], Rows]
"""The lines of a batch to report, (number, message), and the rows of the others."""


@contextlib.contextmanager
def _text_of(path: Path) -> Iterator[IO[str]]:
    """``path`` opened as UTF-8 text; a byte that is not UTF-8 becomes ImportFailed."""
    from timeline.io.interchange import _open

    with _open(path) as handle:
        try:
            yield handle
        except UnicodeDecodeError as err:
            raise ImportFailed(
                f"{path} is not UTF-8 text (byte {err.start}); convert it, e.g. "
                f"iconv -f latin1 -t utf-8 {path} > fixed.jsonl"
            ) from None


_scan_once: Callable[[str, int], tuple[Any, int]]
_scan_once = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_LINE_ENDS = frozenset(("", "\n", "\r\n"))


def json_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, record or error text) for a JSON-lines file, streamed.

    A line that is one object is decoded by the JSON scanner directly (``json.loads``
    costs a decoder call and two whitespace matches more per line); any other line,
    and any scanner error, goes through ``json.loads`` for the same values and messages.
    """
    with _text_of(path) as handle:
        for number, line in enumerate(handle, start=1):
            if line[:1] == "{":
                try:
                    value, end = _scan_once(line, 0)
                except (StopIteration, ValueError, RecursionError):
                    end = -1
                if line[end:] in _LINE_ENDS and end > 0:
                    yield number, value
                    continue
            elif not line.strip():
                continue
            try:  # (without its line end, a string left open is reported as such)
                value = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as err:
                yield number, f"not valid JSON ({json_problem(err)})"
                continue
            except RecursionError:
                yield number, "not valid JSON (nested too deeply)"
                continue
            if not isinstance(value, dict):
                yield number, "not a JSON object"
                continue
            yield number, value


def csv_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, record or error text) for a CSV file (actors and sources as JSON)."""
    with _text_of(path) as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            record: dict[str, Any] = dict(row)
            for key in ("actors", "sources"):
                if record.get(key):
                    try:
                        record[key] = json.loads(record[key])
                    except json.JSONDecodeError:
                        yield reader.line_num, f"{key}: not a JSON list"
                        break
            else:
                yield reader.line_num, record


def prepared(path: Path, fmt: str, first_id: int, stamp: str) -> Iterator[Prepared]:
    """The records of ``path`` in batches of :data:`BATCH` lines, as rows.

    Event ids follow line numbers (``first_id`` is line 1's). Every non-blank line
    counts towards a batch, an error as much as an event.
    """
    records = json_records(path) if fmt == "jsonl" else csv_records(path)
    errors: list[tuple[int, str]] = []
    events: list[tuple[Any, ...]] = []
    actors: list[tuple[int, str, str]] = []
    mentions: list[tuple[Any, ...]] = []
    count = 0
    base = first_id - 1
    for number, record in records:
        count += 1
        if isinstance(record, str):
            errors.append((number, record))
        else:
            try:
                events.append(fast_row(record, base + number, stamp, actors, mentions))
            except (ValueError, TypeError):
                try:
                    uid, cols, names, sources = validate(record)
                except (ValueError, TimelineError) as err:
                    errors.append((number, str(err)))
                else:
                    pk = base + number
                    created = cols[14] or stamp
                    events.append((pk, uid, *cols[:14], created, cols[15] or created))
                    actors += [(pk, name, role) for name, role in names]
                    mentions += [(pk, d, s, e, q, "hand", stamp) for d, s, e, q in sources]
        if count >= BATCH:
            yield errors, (events, actors, mentions)
            errors, events, actors, mentions = [], [], [], []
            count = 0
    if count:
        yield errors, (events, actors, mentions)
