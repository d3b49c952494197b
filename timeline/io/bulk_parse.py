"""The parsing stage of the bulk import: lines read, parsed and validated.

Small files are parsed in the importing process. A large one is parsed by a
worker process (``python -m timeline.io.bulk_parse FORMAT PATH FIRST_ID STAMP``), so that
reading, parsing and validating the next lines (Python, one core) overlaps
with writing the earlier ones (SQLite or the server, the other core). The
worker streams batches to its parent over its stdout, each a length-prefixed
:mod:`marshal` record; if the parent dies, the worker's next write fails and it stops.

Either way the importer gets the same batches, in file order, each with

* the lines to report, ``(number, message)``;
* the rows of the others, ready to write (:data:`Rows`);

and a problem with the whole file (missing, not UTF-8) as :class:`ImportFailed`.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import json
import marshal
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from timeline import vocab
from timeline.dates import PRECISION_RANK
from timeline.errors import ImportFailed, TimelineError, json_problem
from timeline.events import OFFSET_LIMIT, UID_PATTERN
from timeline.query import EVENT_FIELDS
from timeline.vocab import CATEGORY_DEFAULTS, DIRECTIONS, ROLES, STATUSES

BATCH = 2000
"""Lines per batch handed to the importer."""
WORKER_MIN_BYTES = 4_000_000
"""Files at least this large are parsed by a worker process (about 6,000 events)."""
FIELD_SET = frozenset(EVENT_FIELDS)
UID_MATCH = UID_PATTERN.fullmatch

Rows = tuple[list[tuple[Any, ...]], list[tuple[int, str, str]], list[tuple[Any, ...]]]
"""A batch ready to write: events rows (the uid None where the line gave none),
(event id, actor name as given, role), mentions rows (the quote None where the
document's text may give it)."""
Prepared = tuple[list[tuple[int, str]], Rows]
"""The lines of a batch to report, (number, message), and the rows of the others."""


_DAYS: dict[str, tuple[str, int] | None] = {}
"""'YYYY-MM-DD' strings seen -> (ISO form, ordinal), None if not a day: dates repeat a lot."""
_DAYS_LIMIT = 100_000
_GOLDSTEIN: dict[tuple[str, str], float] = {}
"""(CAMEO code, category) -> default intensity, for records that give none."""


def _day(value: str) -> tuple[str, int] | None:
    """``value`` as (ISO form, ordinal) if it is a 'YYYY-MM-DD' day, else None; cached."""
    found = _DAYS.get(value, False)
    if found is not False:
        return found  # type: ignore[return-value]
    day: tuple[str, int] | None = None
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        with contextlib.suppress(ValueError):
            parsed = date.fromisoformat(value)
            day = (parsed.isoformat(), parsed.toordinal())
    if len(_DAYS) >= _DAYS_LIMIT:  # a hostile file of distinct dates: memory stays bounded
        _DAYS.clear()
    _DAYS[value] = day
    return day


def fast_row(
    record: dict[str, Any],
    pk: int,
    stamp: str,
    actor_rows: list[tuple[int, str, str]],
    mention_rows: list[tuple[Any, ...]],
) -> tuple[Any, ...]:
    """The events row of an already-normal record (its actors and mentions appended to the
    lists given); ValueError or TypeError if in doubt, with nothing appended.

    The error never reaches a user: :func:`validate` takes over. One function building the
    final row directly, with ``type(x) is`` checks (parsed JSON holds no subclasses) and
    cached dates, because this runs once per event of a million-event import.
    """
    if not FIELD_SET.issuperset(record):
        raise ValueError
    get = record.get
    start, end = get("date_start"), get("date_end")
    if type(start) is not str or type(end) is not str:
        raise ValueError
    start_day, end_day = _DAYS.get(start) or _day(start), _DAYS.get(end) or _day(end)
    precision, category = get("date_precision"), get("category")
    if (
        start_day is None
        or end_day is None
        or end_day[1] < start_day[1]
        or precision not in PRECISION_RANK
        or category not in CATEGORY_DEFAULTS
    ):
        raise ValueError
    date_text, subtype, summary, location = (
        get("date_text"),
        get("subtype"),
        get("summary"),
        get("location"),
    )
    if (
        (date_text is not None and type(date_text) is not str)
        or (subtype is not None and type(subtype) is not str)
        or (summary is not None and type(summary) is not str)
        or (location is not None and type(location) is not str)
    ):
        raise ValueError
    cameo = get("cameo_code")
    if cameo is not None and (type(cameo) is not str or cameo.strip() != cameo):
        raise ValueError
    cameo = cameo or CATEGORY_DEFAULTS[category][0]
    intensity = get("intensity")
    if intensity is None:
        key = (cameo, category)
        intensity = _GOLDSTEIN.get(key)
        if intensity is None:
            intensity = _GOLDSTEIN[key] = float(vocab.goldstein(cameo, category))
    elif (type(intensity) is not float and type(intensity) is not int) or not (
        -10.0 <= intensity <= 10.0
    ):
        raise ValueError
    else:
        intensity = float(intensity)
    direction = get("direction")
    if direction is None:
        direction = vocab.direction_of(intensity)
    elif direction not in DIRECTIONS:
        raise ValueError
    status = get("status") or "confirmed"
    if status not in STATUSES:
        raise ValueError
    confidence = get("confidence")
    if confidence is not None:
        if (type(confidence) is not float and type(confidence) is not int) or not (
            0.0 <= confidence <= 1.0
        ):
            raise ValueError
        confidence = float(confidence)
    created, updated = get("created_at"), get("updated_at")
    if (created is not None and type(created) is not str) or (
        updated is not None and type(updated) is not str
    ):
        raise ValueError
    uid = get("id") or None
    if uid is not None and (type(uid) is not str or not UID_MATCH(uid)):
        raise ValueError  # validate() words the message
    actors = get("actors")
    new_actors = []
    if actors:
        if type(actors) is not list:
            raise ValueError
        for item in actors:
            if type(item) is not dict:
                raise ValueError
            name, role = item.get("name"), item.get("role", "participant")
            if type(name) is not str or role not in ROLES:
                raise ValueError
            new_actors.append((pk, name, role))
    sources = get("sources")
    new_mentions = []
    if sources:
        if type(sources) is not list:
            raise ValueError
        for item in sources:
            if type(item) is not dict:
                raise ValueError
            doc, quote = item.get("document"), item.get("quote")
            s, e = item.get("start"), item.get("end")
            if type(doc) is not str or (quote is not None and type(quote) is not str):
                raise ValueError
            if (
                s is not None and (type(s) is not int or not -OFFSET_LIMIT <= s < OFFSET_LIMIT)
            ) or (e is not None and (type(e) is not int or not -OFFSET_LIMIT <= e < OFFSET_LIMIT)):
                raise ValueError
            new_mentions.append((pk, doc, s, e, quote, "hand", stamp))
    actor_rows += new_actors
    mention_rows += new_mentions
    created = created or stamp
    return (
        pk,
        uid,
        start_day[0],
        end_day[0],
        precision,
        date_text or None,
        end_day[1] - start_day[1],
        category,
        subtype or None,
        summary or None,
        location or None,
        direction,
        intensity,
        cameo,
        status,
        confidence,
        created,
        updated or created,
    )


def reference_validate(
    record: dict[str, Any],
) -> tuple[list[Any], list[tuple[str, str]], list[Any]]:
    """Columns, actors and sources of any record through the reference validator."""
    from timeline.io.interchange import record_to_input

    item = record_to_input(record)
    v = item.column_values()
    columns = [
        v["date_start"].isoformat(),
        v["date_end"].isoformat(),
        v["date_precision"],
        v["date_text"],
        v["span_days"],
        v["category"],
        v["subtype"],
        v["summary"],
        v["location"],
        v["direction"],
        v["intensity"],
        v["cameo_code"],
        v["status"],
        v["confidence"],
        item.created_at,
        item.updated_at,
    ]
    sources = [(s.document, s.start, s.end, s.quote) for s in item.sources]
    return columns, list(item.actors), sources


def validate(record: dict[str, Any]) -> tuple[str | None, list[Any], list[Any], list[Any]]:
    """uid, columns, actors and sources of a record :func:`fast_row` was in doubt about."""
    columns, actors, sources = reference_validate(record)
    uid = record.get("id") or None
    if uid is not None and (not isinstance(uid, str) or not UID_PATTERN.fullmatch(uid)):
        raise ValueError(f"event id {uid!r} is not short and URL-safe (A-Z a-z 0-9 _ -)")
    return uid, columns, actors, sources


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


# ---------------------------------------------------------------- the worker


def _send(out: IO[bytes], message: tuple[str, Any]) -> None:
    data = marshal.dumps(message)  # (plain values only; parent and worker share one Python)
    out.write(len(data).to_bytes(4, "big"))
    out.write(data)


def worker_main(argv: list[str]) -> int:
    """The worker process: :func:`prepared` batches to stdout, then ``done``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops it
    gc.disable()  # parsing makes no reference cycles, only many short-lived objects
    fmt, path, first_id, stamp = argv
    out = sys.stdout.buffer
    try:
        try:
            for batch in prepared(Path(path), fmt, int(first_id), stamp):
                _send(out, ("rows", batch))
        except TimelineError as err:
            _send(out, ("failed", str(err)))
        else:
            _send(out, ("done", None))
        out.flush()
    except BrokenPipeError:  # the importer is gone: nothing to do
        os._exit(0)
    return 0


class Worker:
    """A worker process parsing one file; iterate it for the batches."""

    def __init__(self, path: Path, fmt: str, first_id: int, stamp: str) -> None:
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "timeline.io.bulk_parse", fmt, str(path), str(first_id), stamp],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            env=env,
        )

    def __iter__(self) -> Iterator[Prepared]:
        assert self.proc.stdout is not None
        read = self.proc.stdout.read
        while True:
            head = read(4)
            if len(head) < 4:
                break
            size = int.from_bytes(head, "big")
            data = read(size)
            if len(data) < size:  # cut short: the worker died while writing
                break
            kind, payload = marshal.loads(data)
            if kind == "rows":
                yield payload
            elif kind == "failed":
                raise ImportFailed(payload)
            else:
                return
        self.proc.wait()
        self.errors.seek(0)
        lines = self.errors.read().decode(errors="replace").strip().splitlines()
        raise TimelineError(
            "the import's parsing process stopped "
            f"(exit code {self.proc.returncode}: {lines[-1] if lines else 'no message'}); "
            "nothing was imported"
        )

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self.errors.close()


@contextlib.contextmanager
def parsed_batches(path: Path, fmt: str, first_id: int, stamp: str) -> Iterator[Iterator[Prepared]]:
    """The batches of ``path``: from a worker process for a large file, else from here."""
    worker = None
    if path.stat().st_size >= WORKER_MIN_BYTES and sys.executable:
        with contextlib.suppress(OSError):  # no subprocess here: parse in-process
            worker = Worker(path, fmt, first_id, stamp)
    if worker is None:
        yield prepared(path, fmt, first_id, stamp)
        return
    try:
        yield iter(worker)
    finally:
        worker.close()


if __name__ == "__main__":
    sys.exit(worker_main(sys.argv[1:]))
