"""Sanity checks for the seed gold annotations and the curated timeline.

Plain Python, no dependencies.  Run from anywhere:

    python tests/gold/check_gold.py

Exits with status 1 and one line per problem when something is wrong.
The seed articles are read from ``<repo parent>/shared/seeds`` (the shared
inputs next to the worktree); override with the ``SEEDS_DIR`` environment
variable.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("SEEDS_DIR", REPO.parent / "shared" / "seeds"))
GOLD = REPO / "tests" / "gold"
DATA = REPO / "data"

CATEGORIES = {"strike", "visit", "message", "talks", "deal", "sanction", "statement", "other"}
ROLES = {"initiator", "target", "intermediary", "participant"}
PRECISIONS = {"day", "week", "month", "season", "quarter", "year", "decade", "range"}
NONEVENT_MODALITIES = {"planned", "possible", "denied", "hypothetical"}
DIRECTIONS = {"escalation", "de-escalation", "neutral"}
GOLD_KEYS = [
    "gold_id",
    "document",
    "start",
    "end",
    "category",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "actors",
    "summary",
    "modality",
]
EVENT_KEYS = [
    "id",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "category",
    "subtype",
    "summary",
    "location",
    "direction",
    "intensity",
    "cameo_code",
    "status",
    "confidence",
    "actors",
    "sources",
    "created_at",
    "updated_at",
]

problems: list[str] = []


def problem(where: str, message: str) -> None:
    problems.append(f"{where}: {message}")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if not path.exists():
        problem(str(path), "missing")
        return rows
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            problem(f"{path.name}:{number}", "blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problem(f"{path.name}:{number}", f"invalid JSON ({exc})")
            continue
        if not isinstance(row, dict):
            problem(f"{path.name}:{number}", "not a JSON object")
            continue
        rows.append(row)
    return rows


def parse_day(where: str, value: object) -> date | None:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        problem(where, f"bad date {value!r}")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problem(where, f"impossible date {value!r}")
        return None


def check_dates(where: str, row: dict[str, Any], *, optional: bool = False) -> None:
    keys = ("date_start", "date_end", "date_precision", "date_text")
    if optional and all(row.get(k) is None for k in keys):
        return
    start = parse_day(where, row.get("date_start"))
    end = parse_day(where, row.get("date_end"))
    if start and end and start > end:
        problem(where, f"date_start {start} after date_end {end}")
    if row.get("date_precision") not in PRECISIONS:
        problem(where, f"bad date_precision {row.get('date_precision')!r}")
    if start and end and row.get("date_precision") == "day" and start != end:
        problem(where, "day precision but the span is longer than a day")
    if not isinstance(row.get("date_text"), str) or not row["date_text"].strip():
        problem(where, "empty date_text")


def check_actors(where: str, actors: object) -> None:
    if not isinstance(actors, list) or not actors:
        problem(where, "actors must be a non-empty list")
        return
    seen = set()
    for actor in actors:
        if not isinstance(actor, dict) or set(actor) != {"name", "role"}:
            problem(where, f"bad actor {actor!r}")
            continue
        if not isinstance(actor["name"], str) or not actor["name"].strip():
            problem(where, f"bad actor name {actor!r}")
        if actor["role"] not in ROLES:
            problem(where, f"bad actor role {actor['role']!r}")
        if (actor["name"], actor["role"]) in seen:
            problem(where, f"duplicate actor {actor!r}")
        seen.add((actor["name"], actor["role"]))


def check_span(
    where: str, texts: dict[str, str], document: str, start: object, end: object
) -> None:
    text = texts.get(document)
    if text is None:
        problem(where, f"unknown document {document!r}")
        return
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
        problem(where, f"span offsets must be integers: {start!r}, {end!r}")
        return
    if not 0 <= start < end <= len(text):
        problem(where, f"span [{start}, {end}) outside the document (length {len(text)})")
        return
    chunk = text[start:end]
    if chunk != chunk.strip():
        problem(where, f"span [{start}, {end}) starts or ends with whitespace")


def check_summary(where: str, summary: object) -> None:
    if not isinstance(summary, str) or len(summary.split()) < 3:
        problem(where, "summary missing or too short")
        return
    if re.search(r"[\"“”]", summary):
        problem(where, "summary contains quotation marks (write it in your own words)")


def check_gold(texts: dict[str, str]) -> None:
    ids: set[str] = set()
    for name, is_event in (("seed_events.jsonl", True), ("seed_nonevents.jsonl", False)):
        for row in load_jsonl(GOLD / name):
            gid = row.get("gold_id", "?")
            where = f"{name}:{gid}"
            missing = [k for k in GOLD_KEYS if k not in row]
            if missing:
                problem(where, f"missing keys {missing}")
                continue
            extra = set(row) - set(GOLD_KEYS) - {"other_spans"}
            if extra:
                problem(where, f"unexpected keys {sorted(extra)}")
            if gid in ids:
                problem(where, "duplicate gold_id")
            ids.add(gid)
            prefix = "g" if is_event else "n"
            if not re.fullmatch(prefix + r"\d{3}-\d{2}", gid) or gid[1:4] != row["document"][:3]:
                problem(where, f"gold_id should look like {prefix}NNN-NN and match the document")
            if row["category"] not in CATEGORIES:
                problem(where, f"bad category {row['category']!r}")
            if is_event and row["modality"] != "asserted":
                problem(where, "events must have modality 'asserted'")
            if not is_event and row["modality"] not in NONEVENT_MODALITIES:
                problem(where, f"bad non-event modality {row['modality']!r}")
            check_dates(where, row, optional=not is_event)
            check_actors(where, row["actors"])
            check_summary(where, row["summary"])
            check_span(where, texts, row["document"], row["start"], row["end"])
            for other in row.get("other_spans", []):
                if not (isinstance(other, list) and len(other) == 2):
                    problem(where, f"bad other_spans entry {other!r}")
                    continue
                check_span(where, texts, row["document"], *other)


def check_sources_csv(texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    path = DATA / "sources.csv"
    if not path.exists():
        problem(str(path), "missing")
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != ["document", "title", "publisher", "author", "published", "url"]:
            problem("sources.csv", f"unexpected header {reader.fieldnames}")
        rows = {row["document"]: row for row in reader}
    for doc in texts:
        if doc not in rows:
            problem("sources.csv", f"no row for {doc}")
    for doc, row in rows.items():
        published = row["published"]
        if published and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published):
            problem("sources.csv", f"{doc}: bad published value {published!r}")
    return rows


def check_events(texts: dict[str, str], sources: dict[str, dict[str, Any]]) -> None:
    rows = load_jsonl(DATA / "events.jsonl")
    if len(rows) < 25:
        problem("events.jsonl", f"only {len(rows)} events (want at least 25)")
    ids: set[str] = set()
    previous: str | None = None
    for number, row in enumerate(rows, 1):
        where = f"events.jsonl:{number}:{row.get('id', '?')}"
        if list(row) != EVENT_KEYS:
            problem(where, f"keys must be exactly, in order: {EVENT_KEYS}")
            continue
        if not re.fullmatch(r"[a-z0-9]{8}", str(row["id"])):
            problem(where, "id must be 8 characters from [a-z0-9]")
        if row["id"] in ids:
            problem(where, "duplicate id")
        ids.add(row["id"])
        check_dates(where, row)
        if previous and isinstance(row["date_start"], str) and row["date_start"] < previous:
            problem(where, "events are not sorted by date_start")
        previous = row["date_start"] if isinstance(row["date_start"], str) else previous
        if row["category"] not in CATEGORIES:
            problem(where, f"bad category {row['category']!r}")
        if row["subtype"] is not None and (
            not isinstance(row["subtype"], str) or row["subtype"] != row["subtype"].lower()
        ):
            problem(where, "subtype must be a lowercase string or null")
        check_summary(where, row["summary"])
        if row["location"] is not None and not isinstance(row["location"], str):
            problem(where, "location must be a string or null")
        if row["direction"] not in DIRECTIONS:
            problem(where, f"bad direction {row['direction']!r}")
        intensity = row["intensity"]
        if (
            not isinstance(intensity, (int, float))
            or isinstance(intensity, bool)
            or not -10 <= intensity <= 10
        ):
            problem(where, f"intensity must be a number in [-10, 10]: {intensity!r}")
        else:
            expected = (
                "escalation" if intensity < 0 else "de-escalation" if intensity > 0 else "neutral"
            )
            if row["direction"] != expected:
                problem(
                    where, f"direction {row['direction']!r} does not match intensity {intensity}"
                )
        if not isinstance(row["cameo_code"], str) or not re.fullmatch(
            r"\d{2,4}", row["cameo_code"]
        ):
            problem(where, f"bad cameo_code {row['cameo_code']!r}")
        if row["status"] != "confirmed" or row["confidence"] != 1.0:
            problem(where, "status must be 'confirmed' and confidence 1.0")
        check_actors(where, row["actors"])
        if not isinstance(row["sources"], list) or not row["sources"]:
            problem(where, "sources must be a non-empty list")
        else:
            for source in row["sources"]:
                if not isinstance(source, dict) or list(source) != [
                    "document",
                    "start",
                    "end",
                    "quote",
                ]:
                    problem(where, f"bad source {source!r}")
                    continue
                if source["document"] not in sources:
                    problem(where, f"source document {source['document']!r} not in sources.csv")
                if source["quote"] is not None:
                    problem(where, "quote must be null")
                check_span(where, texts, source["document"], source["start"], source["end"])
        for key in ("created_at", "updated_at"):
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00", str(row[key])):
                problem(where, f"bad {key} {row[key]!r}")


def main() -> int:
    if not SEEDS.is_dir():
        print(f"seed directory not found: {SEEDS}", file=sys.stderr)
        return 1
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    check_gold(texts)
    sources = check_sources_csv(texts)
    check_events(texts, sources)
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(texts)} seed documents, gold, sources.csv and events.jsonl are consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
