"""Draft ``data/review.jsonl`` after the extractor changed: reconcile a fresh ingest of the
seeds with the shipped timeline, then check the draft by eye before replacing the file.

    timeline --db /tmp/seeds.db init
    timeline --db /tmp/seeds.db ingest ../shared/seeds --manifest ../shared/seeds/sources.csv
    python tests/gold/draft_review.py /tmp/seeds.db > /tmp/review.jsonl

Each event of ``data/events.jsonl`` claims the candidates read where it is cited
(its own spans, widened by the gold spans of the same category they overlap),
preferring candidates of its category whose dates fall inside its own; it
becomes a ``confirm`` of the first with the others merged in and its curated
fields set, or an ``add`` when no candidate was read there. Every other
candidate is a ``reject`` with the reason the gold suggests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from timeline.curation import SETTABLE

ROOT = Path(__file__).resolve().parents[2]
FIELDS = SETTABLE[:-1]  # every settable field but add_sources
Span = tuple[str, int, int]


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def cited(curated: dict[str, Any], gold: list[dict[str, Any]]) -> list[Span]:
    spans: list[Span] = []
    for s in curated["sources"]:
        spans.append((s["document"], s["start"], s["end"]))
        for g in gold:
            if g["document"] != s["document"] or g["category"] != curated["category"]:
                continue
            gs = [(g["start"], g["end"]), *(tuple(x) for x in g.get("other_spans", []))]
            if any(overlap((s["start"], s["end"]), x) > 0 for x in gs):
                spans += [(g["document"], a, b) for a, b in gs]
    return spans


def target(candidate: dict[str, Any]) -> dict[str, str]:
    s = candidate["sources"][0]
    return {"source": f"{s['document']}:{s['start']}-{s['end']}", "category": candidate["category"]}


def inside(inner: dict[str, Any], outer: dict[str, Any]) -> bool:
    return bool(
        outer["date_start"] <= inner["date_start"] and inner["date_end"] <= outer["date_end"]
    )


def draft(db: str) -> list[dict[str, Any]]:
    exe = str(Path(sys.executable).parent / "timeline")
    out = subprocess.run(
        [exe, "--db", db, "export", "--status", "candidate"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    candidates = [json.loads(x) for x in out.splitlines()]
    curated = jsonl(ROOT / "data" / "events.jsonl")
    gold = jsonl(ROOT / "tests" / "gold" / "seed_events.jsonl")
    spans = [cited(c, gold) for c in curated]

    claimed: dict[int, list[int]] = {}
    for k, cand in enumerate(candidates):
        # same category first, then cited at this very place, dates inside, the overlap
        # with its own citations, then with the gold spans they widen to
        ranked: dict[int, tuple[bool, bool, bool, int, int]] = {}
        for i, c in enumerate(curated):
            own = [(x["document"], x["start"], x["end"]) for x in c["sources"]]
            sizes = [
                max(
                    (
                        overlap((s["start"], s["end"]), (a, b))
                        for s in cand["sources"]
                        for doc, a, b in sp
                        if doc == s["document"]
                    ),
                    default=0,
                )
                for sp in (own, spans[i])
            ]
            if max(sizes) > 0:
                same = c["category"] == cand["category"]
                ranked[i] = (same, sizes[0] > 0, same and inside(cand, c), sizes[0], sizes[1])
        if not ranked:
            continue
        best = max(ranked, key=lambda i: ranked[i])
        if ranked[best][0] or len(ranked) == 1:
            claimed.setdefault(best, []).append(k)

    decisions: list[tuple[str, dict[str, Any]]] = []
    for i, c in enumerate(curated):
        ks = claimed.get(i)
        if not ks:
            event = {k: v for k, v in c.items() if k not in ("id", "created_at", "updated_at")}
            decisions.append((c["date_start"], {"decision": "add", "event": event}))
            continue
        d: dict[str, Any] = {"decision": "confirm", **target(candidates[ks[0]])}
        if len(ks) > 1:
            d["merge"] = [target(candidates[k]) for k in ks[1:]]
        read = [(s["document"], s["start"], s["end"]) for k in ks for s in candidates[k]["sources"]]
        missing = [
            f"{s['document']}:{s['start']}-{s['end']}"
            for s in c["sources"]
            if not any(
                doc == s["document"] and overlap((a, b), (s["start"], s["end"])) > 0
                for doc, a, b in read
            )
        ]
        d["set"] = {f: c[f] for f in FIELDS} | ({"add_sources": missing} if missing else {})
        decisions.append((c["date_start"], d))

    taken = {k for ks in claimed.values() for k in ks}
    for k, cand in enumerate(candidates):
        if k in taken:
            continue
        why = "not an event a curator records"
        s = cand["sources"][0]
        for g in gold:
            if (
                g["document"] == s["document"]
                and overlap((s["start"], s["end"]), (g["start"], g["end"])) > 0
            ):
                if g["category"] == cand["category"] and inside(cand, g):
                    why = "a real event, but context outside the US-Iran record"
                else:
                    when = f"{g['date_start']}..{g['date_end']}"
                    why = f"the text here reports a {g['category']} ({when})"
                break
        decisions.append((cand["date_start"], {"decision": "reject", **target(cand), "why": why}))
    decisions.sort(key=lambda x: (x[0], x[1]["decision"]))
    return [d for _, d in decisions]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = draft(sys.argv[1])
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    counts = {k: sum(1 for r in rows if r["decision"] == k) for k in ("confirm", "reject", "add")}
    print(", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
