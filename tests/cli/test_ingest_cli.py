"""Ingest, review, merge: documents in, curated events out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, seeds_or_skip
from timeline.db import Database

ARTICLE = (
    "Back channels busy after strike\n\n"
    "Iran launched missile strikes on U.S. bases in Iraq on Tuesday. "
    "Switzerland then passed a message from Washington to Tehran.\n\n"
    "Trump and Rouhani may meet in Geneva next month.\n"
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def events(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return [
        json.loads(x) for x in cli("list", "-f", "jsonl", "--status", "all", *args).splitlines()
    ]


def test_ingest_stores_candidates_with_provenance(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "art1.txt", ARTICLE)
    out = cli("ingest", str(path), "--published", "2020-01-09", "--title", "A test")
    assert "Documents read: 1" in out
    found = events(cli)
    assert {e["category"] for e in found} >= {"strike", "message"}
    assert all(e["status"] == "candidate" for e in found)
    strike = next(e for e in found if e["category"] == "strike")
    assert strike["date_start"] == "2020-01-07"
    source = strike["sources"][0]
    assert source["document"] == "art1"
    assert ARTICLE[source["start"] : source["end"]] == source["quote"]
    rows = Database(cli.db).rows("SELECT extractor, extractor_version, confidence FROM mentions")
    assert all(r["extractor"] == "rules" and r["confidence"] for r in rows)
    flagged = Database(cli.db).rows("SELECT modality, reason FROM findings")
    assert {"modality": "possible", "reason": "modality"} in flagged
    listed = [json.loads(x) for x in cli("findings", "-f", "jsonl").splitlines()]
    assert any(f["modality"] == "possible" and f["category"] == "talks" for f in listed)
    assert "possible" in cli("findings", "--source", "art1")
    doc = Database(cli.db).rows("SELECT title, published, content_hash FROM documents")[0]
    assert doc["title"] == "A test" and doc["published"] == "2020-01-09" and doc["content_hash"]


def test_ingest_twice_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "art1.txt", ARTICLE)
    cli("ingest", str(path), "--published", "2020-01-09")
    before = cli("export")
    out = cli("ingest", str(path), "--published", "2020-01-09")
    assert "already ingested" in out
    assert cli("export") == before


def test_reextract_spares_curated_events(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "art1.txt", ARTICLE)
    cli("ingest", str(path), "--published", "2020-01-09")
    first = events(cli)
    strike = next(e for e in first if e["category"] == "strike")
    message = next(e for e in first if e["category"] == "message")
    cli("confirm", str(strike["id"]))
    cli("edit", str(message["id"]), "--summary", "Edited by a curator")
    cli("ingest", str(path), "--published", "2020-01-09", "--reextract")
    after = {e["id"]: e for e in events(cli)}
    assert after[strike["id"]]["status"] == "confirmed"
    assert after[message["id"]]["summary"] == "Edited by a curator"
    assert len(after) == len(first)


def test_reextract_adds_no_second_copy_of_a_curated_events_mentions(
    cli: Cli, tmp_path: Path
) -> None:
    path = write(tmp_path / "art1.txt", ARTICLE)
    cli("ingest", str(path), "--published", "2020-01-09")
    strike = next(e for e in events(cli) if e["category"] == "strike")
    cli("confirm", str(strike["id"]))
    for _ in range(2):
        cli("ingest", str(path), "--published", "2020-01-09", "--reextract")
    after = next(e for e in events(cli) if e["id"] == strike["id"])
    assert after["sources"] == strike["sources"]
    assert not any(e["category"] == "strike" and e["id"] != strike["id"] for e in events(cli))
    logged = [
        c["action"]
        for c in Database(cli.db).rows(
            "SELECT action FROM changes WHERE event_uid = :u ORDER BY id", {"u": strike["id"]}
        )
    ]
    assert logged == ["extract", "status"]


def test_bad_inputs_are_reported_and_the_rest_goes_in(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "good.txt", ARTICLE)
    write(folder / "empty.txt", "")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    write(folder / "big.txt", "Iran. " * 400)
    (folder / "latin.txt").write_bytes("Caf\xe9 talks in Gen\xe8ve on Tuesday.".encode("latin-1"))
    manifest = write(
        folder / "manifest.csv",
        "document,title,publisher,author,published,url\n"
        "good,Good,,,2020-01-09,\n"
        "ghost,Missing,,,2020-01-09,\n",
    )
    result = cli.runner.invoke(
        __import__("timeline.cli", fromlist=["app"]).app,
        ["--db", cli.db, "ingest", str(folder), "--manifest", str(manifest), "--max-size", "2000"],
    )
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    err = result.stderr
    assert "empty.txt: is empty" in err
    assert "binary.txt: is a binary file" in err
    assert "2,000-byte limit" in err and "--max-size" in err
    assert "manifest names ghost but no such file" in err
    assert "Documents read: 2" in result.stdout  # good.txt and latin.txt (decoded, noted)
    assert any(e["category"] == "strike" for e in events(cli))


def test_same_file_twice_in_one_run(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    out = cli("ingest", str(path), str(path), "--published", "2020-01-09")
    assert "given twice" in out and "Documents read: 1" in out


def test_missing_publication_date_leaves_relative_dates_unresolved(
    cli: Cli, tmp_path: Path
) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    out = cli("ingest", str(path))
    assert "no publication date" in out
    assert all(e["date_start"] != "2020-01-07" for e in events(cli))


def test_a_crash_leaves_no_half_written_document(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.extract.pipeline as pipeline

    def boom(*args: object) -> None:
        raise RuntimeError("power cut")

    monkeypatch.setattr(pipeline, "store_findings", boom)
    path = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(RuntimeError):
        pipeline.ingest(Database(cli.db), [path], published="2020-01-09")
    assert Database(cli.db).rows("SELECT count(*) AS n FROM documents")[0]["n"] == 0
    assert Database(cli.db).rows("SELECT count(*) AS n FROM events")[0]["n"] == 0


def test_merge_and_unmerge(cli: Cli) -> None:
    a = cli(
        "add", "-d", "2020-01-03", "-c", "strike", "-a", "United States:initiator", "-s", "d1:1-5"
    ).strip()
    b = cli("add", "-d", "2020-01-03", "-c", "strike", "-a", "Iran:target", "-s", "d2:7-9").strip()
    assert "2 sources" in cli("merge", a, b)
    merged = json.loads(cli("show", a, "-f", "json"))
    assert [s["document"] for s in merged["sources"]] == ["d1", "d2"]
    assert {"name": "Iran", "role": "target"} in merged["actors"]
    assert "no event" in cli.fails("show", b)
    assert "merge" in cli("history", b)
    cli("unmerge", a)
    assert json.loads(cli("show", b, "-f", "json"))["sources"][0]["document"] == "d2"
    assert len(json.loads(cli("show", a, "-f", "json"))["sources"]) == 1
    assert "no merge to undo" in cli.fails("unmerge", b)


def test_review_walks_candidates(cli: Cli) -> None:
    a = cli("add", "-d", "2020-01-03", "-c", "strike", "--status", "candidate").strip()
    b = cli("add", "-d", "2020-01-04", "-c", "message", "--status", "candidate").strip()
    c = cli("add", "-d", "2020-01-05", "-c", "talks", "--status", "candidate").strip()
    out = cli("review", input="c\nr\nq\n")
    assert "[1/3]" in out and "Reviewed 2" in out
    assert json.loads(cli("show", a, "-f", "json"))["status"] == "confirmed"
    assert json.loads(cli("show", b, "-f", "json"))["status"] == "rejected"
    out = cli("review", input="e\n2020-01-06\n\nEdited summary\n")
    assert "[1/1]" in out
    record = json.loads(cli("show", c, "-f", "json"))
    assert record["status"] == "confirmed" and record["date_start"] == "2020-01-06"
    assert record["summary"] == "Edited summary"
    assert "No candidates" in cli("review")


def test_ingest_the_seed_articles(cli: Cli, tmp_path: Path) -> None:
    seeds = seeds_or_skip()
    copy = tmp_path / "seeds"
    shutil.copytree(seeds, copy)
    out = cli("ingest", str(copy), "--manifest", str(copy / "sources.csv"))
    assert "Documents read: 5" in out
    found = events(cli)
    assert len(found) >= 10
    soleimani = [e for e in found if e["category"] == "strike" and e["date_start"] == "2020-01-03"]
    assert soleimani, "the 2020-01-03 strike was not found"


def test_same_event_in_two_documents_is_one_event_with_two_sources(
    cli: Cli, tmp_path: Path
) -> None:
    write(
        tmp_path / "one.txt", "Iran and the United States signed the nuclear deal in July 2015.\n"
    )
    write(
        tmp_path / "two.txt",
        "Analysts recall that in July 2015 Tehran and Washington signed the nuclear deal.\n",
    )
    out = cli("ingest", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--published", "2019")
    assert "1 merged" in out
    deals = [e for e in events(cli) if e["category"] == "deal"]
    assert len(deals) == 1
    assert [s["document"] for s in deals[0]["sources"]] == ["one", "two"]
    assert "sources added: two:" in cli("history", str(deals[0]["id"]))


def test_two_events_of_one_document_stay_two_events(cli: Cli, tmp_path: Path) -> None:
    # A threat and a rejection by the same actor in the same week: the
    # document's own grouping keeps them apart, so storing must not merge them.
    write(
        tmp_path / "one.txt",
        "Iran warned the United States on Monday. Tehran rejected a U.S. offer this week.\n",
    )
    cli("ingest", str(tmp_path / "one.txt"), "--published", "2020-01-09")
    statements = [e for e in events(cli) if e["category"] == "statement"]
    assert len(statements) == 2, statements


def test_a_later_mention_narrows_a_stored_candidate_date(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path / "one.txt", "Washington withdrew from the nuclear accord in 2018.\n")
    write(tmp_path / "two.txt", "The United States withdrew from the nuclear accord in May 2018.\n")
    cli("ingest", str(tmp_path / "one.txt"), "--published", "2019-01-01")
    cli("ingest", str(tmp_path / "two.txt"), "--published", "2019-01-01")
    exits = [e for e in events(cli) if e["category"] == "other"]
    assert len(exits) == 1, exits
    assert (exits[0]["date_start"], exits[0]["date_end"]) == ("2018-05-01", "2018-05-31")
    assert len(exits[0]["sources"]) == 2
