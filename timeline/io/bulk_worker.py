"""The bulk import's worker process, which parses a large file while the importer writes.

A large file is parsed by a worker process (``python -m timeline.io.bulk_worker
FORMAT PATH FIRST_ID STAMP``), so that reading, parsing and validating the next
lines (Python, one core) overlaps with writing the earlier ones (SQLite or the
server, the other core). The worker streams the batches of
:func:`timeline.io.bulk_parse.prepared` to its parent over its stdout, each a
length-prefixed :mod:`marshal` record; if the parent dies, the worker's next
write fails and it stops. :func:`parsed_batches` chooses between the worker and
parsing in-process.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from timeline.errors import ImportFailed, TimelineError
from timeline.io.bulk_parse import Prepared, prepared

WORKER_MIN_BYTES = 4_000_000
"""Files at least this large are parsed by a worker process (about 6,000 events)."""


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
            [sys.executable, "-m", "timeline.io.bulk_worker", fmt, str(path), str(first_id), stamp],
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
