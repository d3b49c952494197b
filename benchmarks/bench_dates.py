"""Speed of the date tagger against ``dateparser.search.search_dates``, side by side.

Both tag the same texts (the TimeBank documents and the seed articles, each with
its publication date) in one run. ``--sample N`` gives both only about N words,
an even spread of the texts, when a quicker run is wanted.
"""

from __future__ import annotations

import argparse
import csv
import resource
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from timeline.extract.temporal import tag_dates
from timeline.extract.timeml import read_corpus

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"

Text = tuple[str, str, str | None]


def load_texts(shared: Path = SHARED) -> list[Text]:
    """(name, text, published) for TimeBank documents and seed articles."""
    texts: list[Text] = []
    timebank = shared / "timeml" / "TimeBank"
    if timebank.is_dir():
        texts += [(d.name, d.text, d.dct[:10] or None) for d in read_corpus(timebank)]
    seeds = shared / "seeds"
    manifest = seeds / "sources.csv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                path = seeds / f"{row['document']}.txt"
                if path.is_file():
                    published = (row.get("published") or "").strip() or None
                    texts.append((row["document"], path.read_text(encoding="utf-8"), published))
    return texts


def _words(texts: list[Text]) -> int:
    return sum(len(text.split()) for _, text, _ in texts)


def _base(published: str | None) -> datetime | None:
    if not published:
        return None
    parts = [int(p) for p in published.split("-")] + [1, 1]
    return datetime(parts[0], parts[1], parts[2])


def run_tagger(texts: list[Text]) -> None:
    for _, text, published in texts:
        tag_dates(text, published)


def run_dateparser(texts: list[Text]) -> None:
    from dateparser.search import search_dates

    for _, text, published in texts:
        base = _base(published)
        settings = {"RELATIVE_BASE": base} if base else {}
        search_dates(text, languages=["en"], settings=settings)


def _timed(run: Callable[[list[Text]], None], texts: list[Text], repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        run(texts)
    return (time.perf_counter() - start) / repeat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sample",
        type=int,
        default=0,
        help="give dateparser only about this many words (an even spread); 0: all texts",
    )
    args, _ = parser.parse_known_args(argv)  # other benchmarks take other flags
    texts = load_texts()
    if not texts:
        print(f"bench-dates: no texts under {SHARED} (timeml/TimeBank, seeds); nothing to time")
        return 0
    sample = texts
    if args.sample > 0:
        # Every k-th text, so that no single source dominates the sample.
        sample = texts[:: max(1, round(_words(texts) / args.sample))]
    run_tagger(texts[:3])  # warm-up
    run_dateparser(sample[:1])
    tagger_rate = _words(sample) / _timed(run_tagger, sample, repeat=5)
    parser_rate = _words(sample) / _timed(run_dateparser, sample)
    tracemalloc.start()
    run_tagger(texts)
    _, tagger_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    run_dateparser(sample[: max(1, len(sample) // 10)])
    _, parser_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    scope = "all texts" if sample is texts else f"a sample of {len(sample)} texts"
    print(f"Date tagger speed on {scope}: {len(sample)} texts, {_words(sample)} words")
    print("  (TimeBank documents and seed articles, each with its publication date)")
    print(f"  timeline tag_dates:         {tagger_rate:>10,.0f} words/s")
    print(f"  dateparser search_dates:    {parser_rate:>10,.0f} words/s")
    print(f"  ratio:                      {tagger_rate / parser_rate:>10,.1f}x  (target >= 20x)")
    print(f"  peak traced memory, tag_dates over all texts: {tagger_peak / 2**20:>7.2f} MiB")
    print(f"  peak traced memory, dateparser (1/10 of it):  {parser_peak / 2**20:>7.2f} MiB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of the whole process:                {rss:>7.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
