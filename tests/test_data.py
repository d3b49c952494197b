"""The shipped data: the curated timeline, its sources, the gold annotation."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, Cli, seeds_or_skip


def test_gold_and_curated_data_are_consistent(capsys: object) -> None:
    seeds_or_skip()
    from tests.gold.check_gold import main

    assert main() == 0


def test_curated_timeline_imports_and_round_trips(cli: Cli, tmp_path: Path) -> None:
    events = ROOT / "data" / "events.jsonl"
    lines = events.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 25
    out = cli("import", str(events), "--documents", str(ROOT / "data" / "sources.csv"))
    assert f"Imported {len(lines)} events, 5 documents" in out
    exported = cli("export").splitlines()
    assert sorted(map(json.loads, exported), key=lambda r: r["id"]) == sorted(
        map(json.loads, lines), key=lambda r: r["id"]
    )
    for record in map(json.loads, lines):
        assert record["sources"], record["id"]
        assert record["summary"] and record["status"] == "confirmed"
