"""The scale benchmark's recorded table: written between its marks, as markdown."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_scale import MARK_BEGIN, MARK_END, Table, record


def test_record_replaces_the_block_between_the_marks(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# Bench\n\nbefore\n{MARK_BEGIN}\nold figures\n{MARK_END}\nafter\n")
    table = Table()
    table.add("import, events/s", "22,945", "9,275", ">= 3x", "NO (2.5x)")
    record(table, 1_000_000, 5, readme)
    text = readme.read_text()
    assert "old figures" not in text and text.startswith("# Bench\n\nbefore\n")
    assert text.endswith(f"{MARK_END}\nafter\n")
    assert "| import, events/s | 22,945 | 9,275 | >= 3x | NO (2.5x) |" in text
    assert "N = 1,000,000 events, medians of 5 runs" in text
    assert "reference workload" in text and "{" not in text
