"""A deterministic generator of realistic events in the interchange format.

``python -m benchmarks.generate OUT.jsonl --n 100000`` writes N events dated
from 1979 to 2026-11-22 (a fixed "today" so the output never changes), with
mixed precision (mostly days, some weeks, months, seasons, quarters, years, a
few decades and ranges), the eight categories, several actors with roles and
one or two sources each. The same ``--n`` and ``--seed`` give the same bytes.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from timeline.dates import season_span

FIRST = date(1979, 1, 1)
TODAY = date(2026, 11, 22)
"""The generator's fixed "today", so runs on different days write the same file."""

CATEGORIES = {
    # category: (weight, cameo codes, intensity, direction)
    "strike": (14, ("190", "195", "193", "186"), -10.0, "escalation"),
    "visit": (10, ("042", "043"), 1.9, "de-escalation"),
    "message": (12, ("040", "020", "036"), 1.0, "de-escalation"),
    "talks": (12, ("046", "045"), 7.0, "de-escalation"),
    "deal": (4, ("057", "085"), 8.0, "de-escalation"),
    "sanction": (10, ("163", "16"), -8.0, "escalation"),
    "statement": (30, ("010", "11", "12", "13", "138"), 0.0, "neutral"),
    "other": (8, ("010",), 0.0, "neutral"),
}
PRECISIONS = (
    ("day", 84),
    ("week", 3),
    ("month", 6),
    ("season", 1),
    ("quarter", 1),
    ("year", 3),
    ("decade", 1),
    ("range", 1),
)
ACTORS = (
    "United States",
    "Iran",
    "Iraq",
    "Israel",
    "Oman",
    "Qatar",
    "Switzerland",
    "Saudi Arabia",
    "IRGC",
    "Hezbollah",
    "Kata'ib Hezbollah",
    "Houthis",
    "United Kingdom",
    "European Union",
    "IAEA",
    "United Nations",
)
PLACES = ("Baghdad", "Tehran", "Strait of Hormuz", "Gulf of Oman", "Muscat", "Doha", "Geneva")
VERBS = {
    "strike": "strike on",
    "visit": "visit to",
    "message": "message to",
    "talks": "talks with",
    "deal": "agreement with",
    "sanction": "sanctions on",
    "statement": "statement on",
    "other": "incident involving",
}


def _span(rng: random.Random, precision: str) -> tuple[date, date]:
    days = (TODAY - FIRST).days
    day = FIRST + timedelta(days=rng.randrange(days + 1))
    if precision == "day":
        return day, day
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if precision == "quarter":
        first = 3 * ((day.month - 1) // 3) + 1
        end = date(day.year, first + 2, calendar.monthrange(day.year, first + 2)[1])
        return date(day.year, first, 1), end
    if precision == "season":
        span = season_span(day.year, rng.choice(("SP", "SU", "FA", "WI")))
        return span.start, span.end
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "decade":
        start = date(max(1980, day.year // 10 * 10), 1, 1)
        return start, date(start.year + 9, 12, 31)
    return day, min(TODAY, day + timedelta(days=rng.randrange(1, 60)))


def events(n: int, seed: int = 1979) -> Iterator[dict[str, Any]]:
    """N interchange records, the same ones for the same ``n`` and ``seed``."""
    rng = random.Random(seed)
    cats = list(CATEGORIES)
    weights = [CATEGORIES[c][0] for c in cats]
    precisions = [p for p, _ in PRECISIONS]
    pweights = [w for _, w in PRECISIONS]
    for i in range(n):
        category = rng.choices(cats, weights)[0]
        _, codes, intensity, direction = CATEGORIES[category]
        precision = rng.choices(precisions, pweights)[0]
        start, end = _span(rng, precision)
        initiator, target = rng.sample(ACTORS, 2)
        actors = [
            {"name": initiator, "role": "initiator"},
            {"name": target, "role": "target"},
        ]
        if rng.random() < 0.2:
            actors.append(
                {"name": rng.choice(("Oman", "Qatar", "Switzerland")), "role": "intermediary"}
            )
        if rng.random() < 0.1:
            actors.append({"name": rng.choice(ACTORS), "role": "participant"})
        doc = f"src-{rng.randrange(max(1, n // 4)):07d}"
        sources: list[dict[str, Any]] = [
            {"document": doc, "start": None, "end": None, "quote": None}
        ]
        if rng.random() < 0.3:
            begin = rng.randrange(5000)
            sources.append(
                {
                    "document": f"src-{rng.randrange(max(1, n // 4)):07d}",
                    "start": begin,
                    "end": begin + rng.randrange(20, 300),
                    "quote": f"{initiator} and {target} ({category})",
                }
            )
        stamp = (
            f"2026-{1 + i % 11:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}"
            "+00:00"
        )
        yield {
            "id": f"g{i:08d}",
            "date_start": start.isoformat(),
            "date_end": end.isoformat(),
            "date_precision": precision,
            "date_text": None if rng.random() < 0.5 else start.strftime("%B %d, %Y"),
            "category": category,
            "subtype": None,
            "summary": f"{initiator} {VERBS[category]} {target} near {rng.choice(PLACES)}",
            "location": rng.choice(PLACES),
            "direction": direction,
            "intensity": intensity,
            "cameo_code": rng.choice(codes),
            "status": "confirmed" if rng.random() < 0.7 else "candidate",
            "confidence": round(rng.random(), 2),
            "actors": actors,
            "sources": sources,
            "created_at": stamp,
            "updated_at": stamp,
        }


def write(path: Path, n: int, seed: int = 1979) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in events(n, seed):
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--n", type=int, default=1_000_000, help="How many events.")
    parser.add_argument("--seed", type=int, default=1979)
    args = parser.parse_args(argv)
    write(args.output, args.n, args.seed)
    print(f"wrote {args.n} events to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
