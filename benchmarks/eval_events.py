"""``make eval-events``: extraction on the seed articles scored against the gold.

Ingests the seeds into a temporary database through the real pipeline, then
scores each document's dated events (events with a mention in it) against
``tests/gold/seed_events.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from timeline.db import Database
from timeline.extract.evaluation import Item, Score, gold_items, score
from timeline.extract.pipeline import ingest
from timeline.migrate import init_database

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT / "tests" / "gold" / "seed_events.jsonl"


def system_items(database: Database) -> list[Item]:
    rows = database.rows(
        "SELECT DISTINCT m.document_id, e.uid, e.category, e.date_start, e.date_end "
        "FROM events e JOIN mentions m ON m.event_id = e.id WHERE e.status <> 'rejected'"
    )
    actors: dict[str, set[str]] = {}
    for r in database.rows(
        "SELECT e.uid, a.name FROM events e JOIN event_actors ea ON ea.event_id = e.id "
        "JOIN actors a ON a.id = ea.actor_id"
    ):
        actors.setdefault(r["uid"], set()).add(r["name"])
    return [
        Item(
            r["document_id"],
            r["category"],
            date.fromisoformat(r["date_start"]),
            date.fromisoformat(r["date_end"]),
            r["uid"],
            frozenset(actors.get(r["uid"], ())),
        )
        for r in rows
    ]


def run(seeds: Path, gold_path: Path) -> dict[str, Score]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "eval.db"
        init_database(path)
        database = Database(path)
        ingest(database, [seeds], manifest=seeds / "sources.csv")
        system = system_items(database)
        database.dispose()
    gold = gold_items(json.loads(line) for line in gold_path.read_text().splitlines() if line)
    return score(gold, system)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and errors")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"seed articles not found at {args.seeds}; pass --seeds DIR", file=sys.stderr)
        return 2
    results = run(args.seeds, args.gold)
    print(f"{'document':24} {'gold':>5} {'system':>6} {'recall':>7} {'precision':>9} {'dups':>5}")
    for doc, s in results.items():
        print(
            f"{doc:24} {s.gold:5d} {s.system:6d} {s.recall:7.2f} {s.precision:9.2f} "
            f"{s.duplicates:5d}"
        )
    if args.verbose:
        overall = results["overall"]
        for kind, items in (("missed", overall.missed), ("wrong", overall.wrong)):
            for i in items:
                print(f"{kind:7} {i.document[:3]} {i.category:9} {i.start}..{i.end} {i.label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
