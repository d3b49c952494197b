"""Ingest + extraction throughput on a corpus of seed copies (``make bench``).

The five seed articles are repeated under distinct ids (each copy gets a
header line of its own, so content hashes differ) until the corpus holds
``--docs`` documents; one process ingests them into a fresh SQLite database.
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.machine import reference_seconds
from timeline.db import Database
from timeline.extract.pipeline import ingest
from timeline.migrate import init_database

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
TARGET_WORDS_PER_S = 50_000


def build_corpus(seeds: Path, out: Path, docs: int) -> tuple[Path, int]:
    """Write ``docs`` files and a manifest; returns the manifest and the word count."""
    with (seeds / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = {r["document"]: (seeds / f"{r['document']}.txt").read_text("utf-8") for r in rows}
    words = 0
    manifest = out / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for n in range(docs):
            row = dict(rows[n % len(rows)])
            doc_id = f"copy{n:05d}_{row['document']}"
            text = f"Copy {n}\n\n{texts[row['document']]}"
            (out / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            words += len(text.split())
            row["document"] = doc_id
            writer.writerow(row)
    return manifest, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000, help="corpus size (default 1000)")
    args, _ = parser.parse_known_args(argv)
    if not SEEDS.is_dir():
        print(f"ingest benchmark skipped: no seed articles at {SEEDS}")
        return 0
    tmp = Path(tempfile.mkdtemp())
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        manifest, words = build_corpus(SEEDS, corpus, args.docs)
        init_database(tmp / "bench.db")
        database = Database(tmp / "bench.db")
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = ingest(database, [corpus], manifest=manifest)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        database.dispose()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rate = words / elapsed
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\ningest + extraction (SQLite, one process)")
    print(f"  documents            {summary.read:>10,} ({len(summary.failed)} failed)")
    print(f"  words                {words:>10,}")
    print(f"  seconds              {elapsed:>10.2f}")
    print(f"  words/s              {rate:>10,.0f}  (target >= {TARGET_WORDS_PER_S:,})")
    # CPU time moves less than wall time on a machine shared with other jobs.
    print(f"  CPU seconds          {cpu:>10.2f}  ({words / cpu:,.0f} words per CPU second)")
    print(
        f"  events               {summary.total('new'):>10,} new, "
        f"{summary.total('merged'):,} merged"
    )
    print(f"  peak RSS (process)   {peak_mb:>10.0f} MB")
    # (figures of two machines compare once divided by this: benchmarks/machine.py)
    print(f"  reference workload   {reference_seconds():>10.3f} CPU s (lower is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
