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
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from timeline import vocab
from timeline.dates import PRECISION_RANK
from timeline.errors import ImportFailed, TimelineError
from timeline.events import OFFSET_LIMIT, UID_PATTERN
from timeline.query import EVENT_FIELDS

BATCH = 2000
"""Lines per batch handed to the importer."""
WORKER_MIN_BYTES = 4_000_000
"""Files at least this large are parsed by a worker process (about 6,000 events)."""
FIELD_SET = frozenset(EVENT_FIELDS)
TEXT_FIELDS = ("date_text", "subtype", "summary", "location")

Columns = list[Any]
Actors = list[tuple[str, str]]
Sources = list[tuple[str, int | None, int | None, Any]]
Parsed = tuple[int, str | None, Columns, Actors, Sources]
Item = Parsed | tuple[int, str]
Rows = tuple[list[tuple[Any, ...]], list[tuple[int, str, str]], list[tuple[Any, ...]]]
"""A batch ready to write: events rows (the uid None where the line gave none),
(event id, actor name as given, role), mentions rows (the quote None where the
document's text may give it)."""
Prepared = tuple[list[tuple[int, str]], Rows]
"""The lines of a batch to report, (number, message), and the rows of the others."""


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def fast_validate(record: dict[str, Any]) -> tuple[list[Any], list[tuple[str, str]], list[Any]]:
    """Columns, actors and sources of an already-normal record; ValueError if in doubt.

    The error never reaches a user: the reference validator takes over.
    """
    if not FIELD_SET.issuperset(record):
        raise ValueError
    get = record.get
    start, end = _day(get("date_start")), _day(get("date_end"))
    precision = get("date_precision")
    category = get("category")
    if (
        start is None
        or end is None
        or end < start
        or precision not in PRECISION_RANK
        or category not in vocab.CATEGORY_DEFAULTS
    ):
        raise ValueError
    texts = []
    for name in TEXT_FIELDS:
        value = get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError
        texts.append(value or None)
    cameo = get("cameo_code")
    if cameo is not None and (not isinstance(cameo, str) or cameo.strip() != cameo):
        raise ValueError
    cameo = cameo or vocab.CATEGORY_DEFAULTS[category][0]
    intensity = get("intensity")
    if intensity is None:
        intensity = vocab.goldstein(cameo, category)
    elif not _is_number(intensity) or not -10.0 <= intensity <= 10.0:
        raise ValueError
    intensity = float(intensity)
    direction = get("direction")
    if direction is None:
        direction = vocab.direction_of(intensity)
    elif direction not in vocab.DIRECTIONS:
        raise ValueError
    status = get("status") or "confirmed"
    if status not in vocab.STATUSES:
        raise ValueError
    confidence = get("confidence")
    if confidence is not None:
        if not _is_number(confidence) or not 0.0 <= confidence <= 1.0:
            raise ValueError
        confidence = float(confidence)
    stamps = []
    for name in ("created_at", "updated_at"):
        value = get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError
        stamps.append(value or None)
    actors = []
    for item in get("actors") or ():
        if type(item) is not dict:
            raise ValueError
        actor, role = item.get("name"), item.get("role", "participant")
        if not isinstance(actor, str) or role not in vocab.ROLES:
            raise ValueError
        actors.append((actor, role))
    sources = []
    for item in get("sources") or ():
        if type(item) is not dict:
            raise ValueError
        doc, quote = item.get("document"), item.get("quote")
        s, e = item.get("start"), item.get("end")
        if not isinstance(doc, str) or (quote is not None and not isinstance(quote, str)):
            raise ValueError
        if (s is not None and type(s) is not int) or (e is not None and type(e) is not int):
            raise ValueError
        if (s is not None and not -OFFSET_LIMIT <= s < OFFSET_LIMIT) or (
            e is not None and not -OFFSET_LIMIT <= e < OFFSET_LIMIT
        ):
            raise ValueError
        sources.append((doc, s, e, quote))
    if not isinstance(get("actors") or [], list) or not isinstance(get("sources") or [], list):
        raise ValueError
    columns = [
        start.isoformat(),
        end.isoformat(),
        precision,
        texts[0],
        (end - start).days,
        category,
        texts[1],
        texts[2],
        texts[3],
        direction,
        intensity,
        cameo,
        status,
        confidence,
        stamps[0],
        stamps[1],
    ]
    return columns, actors, sources


def reference_validate(
    record: dict[str, Any],
) -> tuple[list[Any], list[tuple[str, str]], list[Any]]:
    """The same as :func:`fast_validate` through the reference validator (any record)."""
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
    try:
        columns, actors, sources = fast_validate(record)
    except (ValueError, TypeError):
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


def json_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, record or error text) for a JSON-lines file, streamed."""
    with _text_of(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                yield number, f"not valid JSON ({err.msg} at column {err.colno})"
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


def items(path: Path, fmt: str) -> Iterator[Item]:
    """Every non-blank line of ``path`` as a parsed record or the reason it is not one."""
    records = json_records(path) if fmt == "jsonl" else csv_records(path)
    for number, record in records:
        if isinstance(record, str):
            yield number, record
            continue
        try:
            uid, columns, actors, sources = validate(record)
        except (ValueError, TimelineError) as err:
            yield number, str(err)
            continue
        yield number, uid, columns, actors, sources


def rows_of(batch: list[Item], first_id: int, stamp: str) -> Prepared:
    """The rows of a batch of items; event ids follow line numbers (``first_id`` is line 1's)."""
    errors: list[tuple[int, str]] = []
    events: list[tuple[Any, ...]] = []
    actors: list[tuple[int, str, str]] = []
    mentions: list[tuple[Any, ...]] = []
    for item in batch:
        if len(item) == 2:
            errors.append(item)
            continue
        number, uid, cols, names, sources = item
        pk = first_id + number - 1
        created = cols[14] or stamp
        events.append((pk, uid, *cols[:14], created, cols[15] or created))
        for name, role in names:
            actors.append((pk, name, role))
        for doc, s, e, quote in sources:
            mentions.append((pk, doc, s, e, quote, "hand", stamp))
    return errors, (events, actors, mentions)


def prepared(path: Path, fmt: str, first_id: int, stamp: str) -> Iterator[Prepared]:
    """:func:`items` in batches of :data:`BATCH`, as rows."""
    batch: list[Item] = []
    for item in items(path, fmt):
        batch.append(item)
        if len(batch) >= BATCH:
            yield rows_of(batch, first_id, stamp)
            batch = []
    if batch:
        yield rows_of(batch, first_id, stamp)


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
