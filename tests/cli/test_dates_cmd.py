"""``timeline dates``: formats, manifests and user errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app

runner = CliRunner()
TEXT = "Iran launched strikes on Tuesday. A meeting is called for Friday.\n"


def write(tmp_path: Path, name: str = "doc1", text: str = TEXT) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_table(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = runner.invoke(app, ["dates", str(path), "--published", "2020-01-09"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["document", "start-end", "text", "type", "value", "span"]
    assert "2020-01-07" in lines[1] and "doc1" in lines[1]
    assert "2020-01-10" in lines[2]


def test_jsonl_with_manifest(tmp_path: Path) -> None:
    first, second = write(tmp_path, "a"), write(tmp_path, "b", "It happened yesterday.")
    manifest = tmp_path / "sources.csv"
    manifest.write_text("document,title,published\na,A,2020-01-09\nb,B,\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["dates", str(first), str(second), "--manifest", str(manifest), "--format", "jsonl"],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["document"] for r in records] == ["a", "a", "b"]
    assert records[0]["value"] == "2020-01-07" and records[0]["date_start"] == "2020-01-07"
    assert records[2]["value"] == "XXXX-XX-XX" and records[2]["date_start"] is None


def test_json_is_an_array(tmp_path: Path) -> None:
    path = write(tmp_path)
    result = runner.invoke(app, ["dates", str(path), "--published", "2020-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert isinstance(data, list) and data[0]["document"] == "doc1"


def test_user_errors(tmp_path: Path) -> None:
    path = write(tmp_path)
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,date\nx,2020-01-01\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    cases = [
        (["dates", str(tmp_path / "missing.txt")], "does not exist"),
        (["dates", str(bad)], "not UTF-8"),
        (["dates", str(path), "--published", "soon"], "not a date"),
        (["dates", str(path), "--manifest", str(manifest)], "lacks the column"),
        (
            ["dates", str(path), "--published", "2020-01-09", "--manifest", str(manifest)],
            "not both",
        ),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert message in result.output
