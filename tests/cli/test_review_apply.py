"""Recorded review decisions replayed with `timeline review --apply`, and quote-free export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import Cli


def events(cli: Cli) -> dict[str, dict[str, Any]]:
    out = cli("list", "-f", "jsonl", "--status", "all")
    return {r["id"]: r for r in map(json.loads, out.splitlines())}


def decisions(path: Path, *rows: dict[str, Any]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def candidate(cli: Cli, date: str, category: str, source: str) -> str:
    return cli("add", "-d", date, "-c", category, "-s", source, "--status", "candidate").strip()


def test_apply_confirms_edits_merges_rejects_and_adds(cli: Cli, tmp_path: Path) -> None:
    strike = candidate(cli, "2020-01-03", "strike", "d1:100-180")
    again = candidate(cli, "2020-01-03", "strike", "d2:10-60")
    wrong = candidate(cli, "2020-01-04", "talks", "d1:190-240")
    left = candidate(cli, "2020-01-05", "message", "d1:300-350")
    path = decisions(
        tmp_path / "review.jsonl",
        {
            "decision": "confirm",
            "source": "d1:90-150",
            "category": "strike",
            "merge": [{"source": "d2:0-20", "category": "strike"}],
            "set": {
                "summary": "A drone strike in Baghdad.",
                "actors": [{"name": "United States", "role": "initiator"}],
                "add_sources": ["d3:5-9"],
            },
        },
        {"decision": "reject", "source": "d1:200-210", "category": "talks", "why": "a plan"},
        {
            "decision": "add",
            "event": {
                "date_start": "2020-01-08",
                "date_end": "2020-01-08",
                "date_precision": "day",
                "category": "strike",
                "summary": "Missiles on two bases.",
                "sources": [{"document": "d1", "start": 400, "end": 450}],
            },
        },
    )
    out = cli("review", "--apply", path)
    assert "Confirmed 1 (1 candidates merged in), rejected 1, added 1" in out
    assert "1 candidates left to review" in out
    found = events(cli)
    assert again not in found
    assert found[strike]["status"] == "confirmed"
    assert found[strike]["summary"] == "A drone strike in Baghdad."
    assert found[strike]["actors"] == [{"name": "United States", "role": "initiator"}]
    assert [s["document"] for s in found[strike]["sources"]] == ["d1", "d2", "d3"]
    assert found[wrong]["status"] == "rejected"
    assert found[left]["status"] == "candidate"
    added = [r for r in found.values() if r["summary"] == "Missiles on two bases."]
    assert added and added[0]["status"] == "confirmed"
    assert "merge" in cli("history", strike)


def test_apply_reject_rest_leaves_no_candidate(cli: Cli, tmp_path: Path) -> None:
    keep = candidate(cli, "2020-01-03", "strike", "d1:100-180")
    rest = candidate(cli, "2020-01-05", "message", "d1:300-350")
    path = decisions(
        tmp_path / "r.jsonl", {"decision": "confirm", "source": "d1:100-180", "category": "strike"}
    )
    assert "0 candidates left" in cli("review", "--apply", path, "--reject-rest")
    found = events(cli)
    assert found[keep]["status"] == "confirmed" and found[rest]["status"] == "rejected"


def test_a_decision_that_does_not_fit_is_reported_with_its_line(cli: Cli, tmp_path: Path) -> None:
    kept = candidate(cli, "2020-01-03", "strike", "d1:100-180")
    path = decisions(
        tmp_path / "r.jsonl",
        {"decision": "confirm", "source": "d1:100-180", "category": "strike"},
        {"decision": "confirm", "source": "d9:0-10", "category": "talks"},
    )
    result = cli.runner.invoke(cli_app(), ["--db", cli.db, "review", "--apply", path])
    assert result.exit_code == 1, result.output
    assert f"{path}:2: no talks candidate read at d9:0-10 (talks)" in result.stderr
    assert "Traceback" not in result.output
    assert events(cli)[kept]["status"] == "confirmed"


def test_ambiguous_and_malformed_decisions(cli: Cli, tmp_path: Path) -> None:
    candidate(cli, "2020-01-03", "strike", "d1:100-180")
    candidate(cli, "2020-01-04", "strike", "d1:100-180")
    path = decisions(
        tmp_path / "r.jsonl", {"decision": "reject", "source": "d1:100-180", "category": "strike"}
    )
    result = cli.runner.invoke(cli_app(), ["--db", cli.db, "review", "--apply", path])
    assert result.exit_code == 1 and "2 candidates at d1:100-180" in result.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"decision": "confirm", "source": "d1", "category": "strike"}\n')
    assert "line 1: source 'd1' needs a span" in cli.fails("review", "--apply", str(bad))
    bad.write_text('{"decision": "approve"}\n')
    assert "decision must be one of confirm, reject, add" in cli.fails(
        "review", "--apply", str(bad)
    )
    bad.write_text(
        '{"decision": "confirm", "source": "d1:1-2", "category": "strike",'
        ' "set": {"colour": "red"}}\n'
    )
    assert "cannot set colour" in cli.fails("review", "--apply", str(bad))
    bad.write_text('\n{"decision": "reject\n')
    assert "line 2: not JSON (Unterminated string starting at column 14)" in cli.fails(
        "review", "--apply", str(bad)
    )
    assert "does not exist" in cli.fails("review", "--apply", str(tmp_path / "none.jsonl"))
    assert "--reject-rest goes with --apply" in cli.fails("review", "--reject-rest", code=2)


def test_export_status_and_no_quotes(cli: Cli, tmp_path: Path) -> None:
    line = {
        "date_start": "2020-01-03",
        "date_end": "2020-01-03",
        "date_precision": "day",
        "category": "strike",
        "sources": [{"document": "d1", "start": 1, "end": 5, "quote": "word"}],
    }
    (tmp_path / "in.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    cli("import", str(tmp_path / "in.jsonl"))
    cli("add", "-d", "2020-01-04", "-c", "talks", "-s", "d1:7-9", "--status", "candidate")
    rows = [
        json.loads(x) for x in cli("export", "--status", "confirmed", "--no-quotes").splitlines()
    ]
    assert [r["category"] for r in rows] == ["strike"]
    assert rows[0]["sources"] == [{"document": "d1", "start": 1, "end": 5, "quote": None}]
    everything = [json.loads(x) for x in cli("export").splitlines()]
    assert len(everything) == 2 and everything[0]["sources"][0]["quote"] == "word"
    assert "apply to -f jsonl" in cli.fails("export", "-f", "ics", "--no-quotes", code=2)


def cli_app() -> Any:
    from timeline.cli import app

    return app


def test_a_malformed_set_is_reported_not_raised(cli: Cli, tmp_path: Path) -> None:
    candidate(cli, "2020-01-03", "strike", "d1:100-180")
    for bad, message in (
        ({"actors": ["Iran"]}, "actors: give a list of {name, role}"),
        ({"intensity": "high"}, "intensity: expected a number"),
        ({"add_sources": "d2:1-5"}, "add_sources: give a list"),
    ):
        path = decisions(
            tmp_path / "r.jsonl",
            {"decision": "confirm", "source": "d1:100-180", "category": "strike", "set": bad},
        )
        result = cli.runner.invoke(cli_app(), ["--db", cli.db, "review", "--apply", path])
        assert result.exit_code == 1, result.output
        assert message in result.stderr and "Traceback" not in result.output
