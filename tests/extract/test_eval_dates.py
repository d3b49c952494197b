"""The eval-dates script: a clear message without gold, a table with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import eval_dates

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def test_missing_directory_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert eval_dates.main(["--dir", str(tmp_path / "nowhere")]) == 2
    assert "no TimeML gold" in capsys.readouterr().err


def test_table_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.tml").write_text(
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-09">x</TIMEX3></DCT>'
        '<TEXT>Iran struck <TIMEX3 tid="t1" type="DATE" value="2020-01-08">yesterday'
        "</TIMEX3>.</TEXT>",
        encoding="utf-8",
    )
    assert eval_dates.main(["--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "value" in out and "1.000" in out


def test_timebank_targets() -> None:
    timebank = SHARED / "timeml" / "TimeBank"
    if not timebank.is_dir():
        pytest.skip(f"TimeBank gold not found at {timebank}")
    from timeline.extract.scoring import score_documents
    from timeline.extract.timeml import read_corpus

    docs = read_corpus(timebank)
    scores = score_documents(eval_dates.system_and_gold(d) for d in docs)
    assert scores["relaxed"].f1 >= 0.90
    assert scores["value"].f1 >= 0.80


def test_bench_texts_from_a_manifest(tmp_path: Path) -> None:
    from benchmarks import bench_dates

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Iran struck on Tuesday.", encoding="utf-8")
    (seeds / "b.txt").write_text("Talks resumed in 2019.", encoding="utf-8")
    (seeds / "sources.csv").write_text("document,published\na,2020-01-09\nb,\n", encoding="utf-8")
    texts = bench_dates.load_texts(tmp_path)
    assert [(name, published) for name, _, published in texts] == [
        ("a", "2020-01-09"),
        ("b", None),
    ]
    bench_dates.run_tagger(texts)
