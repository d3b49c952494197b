"""Speed of the date tagger against ``dateparser.search.search_dates``, side by side.

Both tag the same texts (the TimeBank documents and the seed articles, each with
its publication date). dateparser is slow, so it runs on a sample of the texts
(``--sample`` words at most); words per second are compared on that sample and
the tagger is also timed on the whole set.
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
    parser.add_argument("--sample", type=int, default=6000, help="words given to dateparser")
    args = parser.parse_args(argv)
    texts = load_texts()
    if not texts:
        print(f"bench-dates: no texts under {SHARED} (timeml/TimeBank, seeds); nothing to time")
        return 0
    sample: list[Text] = []
    for item in sorted(texts, key=lambda t: t[0]):
        if _words(sample) >= args.sample:
            break
        sample.append(item)
    run_tagger(texts[:3])  # warm up the regex cache
    run_dateparser(sample[:1])
    tagger_all = _words(texts) / _timed(run_tagger, texts, repeat=3)
    tagger_sample = _words(sample) / _timed(run_tagger, sample, repeat=5)
    parser_sample = _words(sample) / _timed(run_dateparser, sample)
    tracemalloc.start()
    run_tagger(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"Date tagger speed: {len(texts)} texts, {_words(texts)} words")
    print(f"  timeline tag_dates, all texts:        {tagger_all:>12,.0f} words/s")
    print(f"  timeline tag_dates, sample:           {tagger_sample:>12,.0f} words/s")
    print(
        f"  dateparser search_dates, sample:      {parser_sample:>12,.0f} words/s "
        f"({len(sample)} texts, {_words(sample)} words: dateparser is too slow for all)"
    )
    print(f"  ratio on the sample:                  {tagger_sample / parser_sample:>12,.1f}x")
    print(f"  peak memory of tag_dates (tracemalloc): {peak / 1024 / 1024:>10.2f} MiB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS of the whole run, dateparser included: {rss:>6.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
