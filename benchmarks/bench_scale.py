"""Millions of events: timeline against sqlite-utils on the same data, in one run.

``python -m benchmarks.bench_scale [--events N] [--runs R] [--record]``
(``make bench`` runs it with the other benchmarks). It writes N generated
events (default 1,000,000; ``--events 50000`` for a quick run) and measures,
each command as a whole process:

* import: ``timeline import`` into a fresh database vs ``sqlite-utils insert
  --nl`` into a plain table: events/s and peak memory;
* query: ``timeline list --from 2019-01-01 --to 2020-12-31 --category strike
  --limit 100 --format jsonl`` vs ``sqlite-utils query`` with the equivalent SQL
  on the same database (median of R runs), and the same query in-process (p50);
* start-up: ``timeline --help`` and ``timeline list`` on an empty database vs
  ``sqlite-utils --help``;
* export: ``timeline export --format jsonl`` and ``timeline export datasette``;
* PostgreSQL (when ``TIMELINE_BENCH_POSTGRES_URL`` or
  ``TIMELINE_TEST_POSTGRES_URL`` names a server): import and query there too.

``--record`` writes the table into benchmarks/README.md with the date and machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from benchmarks.generate import write
from benchmarks.machine import describe, reference_seconds

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TIMELINE = str(BIN / "timeline")
SQLITE_UTILS = str(BIN / "sqlite-utils")
QUERY_ARGS = [
    "list",
    "--from",
    "2019-01-01",
    "--to",
    "2020-12-31",
    "--category",
    "strike",
    "--limit",
    "100",
    "--format",
    "jsonl",
]
EQUIVALENT_SQL = (
    "SELECT * FROM events WHERE category = 'strike' "
    "AND status IN ('confirmed', 'candidate') "
    "AND date_end >= '2019-01-01' AND date_start <= '2020-12-31' "
    "ORDER BY date_start, date_end, id LIMIT 100"
)
MARK_BEGIN = "<!-- bench_scale:begin -->"
MARK_END = "<!-- bench_scale:end -->"


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run(cmd: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """One whole process: wall time and its own peak resident memory."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env or os.environ.copy()
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-500:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def worker_peak_mb(source: Path) -> float:
    """Peak memory of the import's parsing worker on ``source`` (0 if none is used)."""
    from timeline.io import bulk_worker

    if source.stat().st_size < bulk_worker.WORKER_MIN_BYTES:
        return 0.0
    stamp = "2026-01-01T00:00:00+00:00"
    worker = [sys.executable, "-m", "timeline.io.bulk_worker", "jsonl", str(source), "1", stamp]
    return run(worker).peak_mb


def median_time(cmd: Sequence[str], runs: int) -> float:
    run(cmd)  # warm the page cache
    return statistics.median(run(cmd).seconds for _ in range(runs))


def in_process_p50(db: str, runs: int = 200) -> float:
    from timeline.db import Database
    from timeline.query import Filters, list_events

    database = Database(db)
    filters = Filters(
        date_from=date(2019, 1, 1), date_to=date(2020, 12, 31), categories=["strike"], limit=100
    )
    list_events(database, filters)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        list_events(database, filters)
        times.append(time.perf_counter() - began)
    database.dispose()
    return statistics.median(times) * 1000


def pg_url() -> str | None:
    return os.environ.get("TIMELINE_BENCH_POSTGRES_URL") or os.environ.get(
        "TIMELINE_TEST_POSTGRES_URL"
    )


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, what: str, ours: str, theirs: str = "", target: str = "", met: str = "") -> None:
        self.rows.append((what, ours, theirs, target, met))
        print(f"  {what}: {ours}" + (f" | {theirs}" if theirs else ""), flush=True)

    def markdown(self) -> str:
        head = ("measure", "timeline", "sqlite-utils / other", "target", "met")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines)

    def text(self) -> str:
        head = ("measure", "timeline", "sqlite-utils / other", "target", "met")
        widths = [max(len(r[i]) for r in [head, *self.rows]) for i in range(5)]
        out = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
        out.append("  ".join("-" * w for w in widths))
        for r in self.rows:
            out.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
        return "\n".join(out)


def yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def bench(n: int, runs: int, tmp: Path, table: Table, datasette_max: int) -> None:
    source = tmp / "events.jsonl"
    began = time.perf_counter()
    write(source, n)
    size_mb = source.stat().st_size / 1e6
    print(f"generated {n:,} events ({size_mb:.0f} MB) in {time.perf_counter() - began:.1f} s")

    # ---------------------------------------------------------------- import
    db = tmp / "timeline.db"
    run([TIMELINE, "--db", str(db), "init"])
    ours = run([TIMELINE, "--db", str(db), "import", str(source)])
    plain = tmp / "plain.db"
    theirs = run([SQLITE_UTILS, "insert", str(plain), "events", str(source), "--nl"])
    rate, their_rate = n / ours.seconds, n / theirs.seconds
    table.add(
        "import, events/s",
        f"{rate:,.0f}",
        f"{their_rate:,.0f}",
        ">= 3x",
        f"{yes(rate >= 3 * their_rate)} ({rate / their_rate:.1f}x)",
    )
    # A large file is parsed by a worker process beside the importer: its peak
    # (measured alone on the same file) is added, an upper bound of the pair's.
    worker_mb = worker_peak_mb(source)
    peak = ours.peak_mb + worker_mb
    table.add(
        "import, peak memory",
        f"{peak:.0f} MB" + (f" ({ours.peak_mb:.0f} + worker {worker_mb:.0f})" if worker_mb else ""),
        f"{theirs.peak_mb:.0f} MB",
        "< 200 MB",
        yes(peak < 200),
    )

    # ---------------------------------------------------------------- query
    ours_q = median_time([TIMELINE, "--db", str(db), *QUERY_ARGS], runs)
    theirs_q = median_time([SQLITE_UTILS, "query", str(db), EQUIVALENT_SQL], runs)
    table.add(
        "query, whole process",
        f"{ours_q * 1000:.0f} ms",
        f"{theirs_q * 1000:.0f} ms",
        "<= 0.5x",
        f"{yes(ours_q <= 0.5 * theirs_q)} ({ours_q / theirs_q:.2f}x)",
    )
    p50 = in_process_p50(str(db))
    table.add("query, in-process p50", f"{p50:.2f} ms", "", "< 2 ms", yes(p50 < 2))

    # ---------------------------------------------------------------- start-up
    empty = tmp / "empty.db"
    run([TIMELINE, "--db", str(empty), "init"])
    su_help = median_time([SQLITE_UTILS, "--help"], runs)
    tl_help = median_time([TIMELINE, "--help"], runs)
    tl_list = median_time([TIMELINE, "--db", str(empty), "list"], runs)
    for label, value in (("timeline --help", tl_help), ("timeline list (empty db)", tl_list)):
        table.add(
            f"start-up, {label}",
            f"{value * 1000:.0f} ms",
            f"{su_help * 1000:.0f} ms (--help)",
            "<= 1.5x",
            f"{yes(value <= 1.5 * su_help)} ({value / su_help:.2f}x)",
        )

    # ---------------------------------------------------------------- export
    out = tmp / "export.jsonl"
    exp = run([TIMELINE, "--db", str(db), "export", "--format", "jsonl", "-o", str(out)])
    table.add(
        "export jsonl, events/s",
        f"{n / exp.seconds:,.0f}",
        "",
        "",
        f"peak {exp.peak_mb:.0f} MB",
    )
    if n <= datasette_max:
        ds = run([TIMELINE, "--db", str(db), "export", "datasette", str(tmp / "ds.db")])
        table.add(
            "export datasette, events/s",
            f"{n / ds.seconds:,.0f}",
            "",
            "",
            f"peak {ds.peak_mb:.0f} MB",
        )
    else:
        table.add("export datasette", f"not run above {datasette_max:,} events", "", "", "")

    # ---------------------------------------------------------------- PostgreSQL
    base = pg_url()
    if not base:
        table.add("PostgreSQL", "not run (no server URL)")
        return
    postgres(base, n, runs, source, table, rate, ours_q)


def postgres(
    base: str, n: int, runs: int, source: Path, table: Table, sqlite_rate: float, sqlite_q: float
) -> None:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    plain = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in plain else "?"
    url = f"{plain}{sep}options=-csearch_path%3D{schema}"
    try:
        run([TIMELINE, "--db", url, "init"])
        imp = run([TIMELINE, "--db", url, "import", str(source)])
        rate = n / imp.seconds
        table.add(
            "PostgreSQL import, events/s",
            f"{rate:,.0f}",
            f"SQLite {sqlite_rate:,.0f}",
            "",
            f"peak {imp.peak_mb:.0f} MB",
        )
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ANALYZE")
        q = median_time([TIMELINE, "--db", url, *QUERY_ARGS], runs)
        table.add(
            "PostgreSQL query, whole process",
            f"{q * 1000:.0f} ms",
            f"SQLite {sqlite_q * 1000:.0f} ms",
        )
        table.add("PostgreSQL query, in-process p50", f"{in_process_p50(url):.2f} ms")
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def record(table: Table, n: int, runs: int, readme: Path = HERE / "README.md") -> None:
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = (
        f"{MARK_BEGIN}\nLast run: {stamp}, N = {n:,} events, medians of {runs} runs.  \n"
        f"Machine: {describe()}; Python reference workload {reference_seconds():.3f} CPU s "
        f"(benchmarks/machine.py: lower is faster).\n\n{table.markdown()}\n{MARK_END}"
    )
    if MARK_BEGIN in text and MARK_END in text:
        head, rest = text.split(MARK_BEGIN, 1)
        text = head + block + rest.split(MARK_END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")
    print(f"figures written to {readme}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_scale", description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000, help="N (default 1,000,000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per timed command (median)")
    parser.add_argument(
        "--datasette-max",
        type=int,
        default=1_000_000,
        help="skip the Datasette export above this many events",
    )
    parser.add_argument("--record", action="store_true", help="write benchmarks/README.md")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    args, _ = parser.parse_known_args(argv)
    print(f"scale benchmark: {args.events:,} events")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    table = Table()
    try:
        bench(args.events, args.runs, tmp, table, args.datasette_max)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(table.text())
    print(f"Python reference workload: {reference_seconds():.3f} CPU s (lower is faster)")
    if args.record:
        record(table, args.events, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
