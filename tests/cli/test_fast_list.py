"""`timeline list` without Typer (timeline/cli/fast.py) prints what the Typer command does."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.sample_timeline import load_sample
from timeline.cli import app, fast


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> str:
    from timeline.date_input import parse_date
    from timeline.db import Database
    from timeline.editing import add_event
    from timeline.events import EventInput
    from timeline.events import parse_actor as actor
    from timeline.migrate import init_database

    tmp = tmp_path_factory.mktemp("fast")
    db = str(tmp / "t.db")
    init_database(db)
    load_sample(db, tmp)
    # Text a terminal would act on: click strips ANSI codes from output that is not a terminal.
    add_event(
        Database(db),
        EventInput(
            span=parse_date("2020-01-04"),
            category="statement",
            summary="Red \x1b[31malert\x1b[0m, «Ōman»\ttab",
            actors=[actor("Ōman:intermediary")],
        ),
    )
    return db


FAST = [
    ["list"],
    ["list", "-f", "jsonl"],
    ["list", "--format=json"],
    ["list", "-f", "csv", "--status", "all"],
    [
        "list",
        "--from",
        "2019-01-01",
        "--to",
        "2020-12-31",
        "--category",
        "strike",
        "--limit",
        "100",
        "--format",
        "jsonl",
    ],
    ["list", "--from", "May 2019", "--to", "2019-05", "--within", "-f", "json"],
    [
        "list",
        "-c",
        "strike,talks",
        "-c",
        "deal",
        "--order",
        "desc",
        "--limit",
        "3",
        "--offset",
        "1",
    ],
    ["list", "--intermediary", "Oman", "-f", "jsonl"],
    ["list", "-a", "iran", "--initiator", "United States", "--direction", "escalation"],
    ["list", "--text", "alert"],
    ["list", "--text", "alert", "-f", "csv"],
    ["list", "--source", "doc-1", "-f", "jsonl"],
    ["list", "--from", "yesterday", "--as-of", "2020-01-05"],
    ["list", "--from", "2030"],
    ["list", "--from", "2030", "-f", "jsonl"],
    # user errors: one line on stderr, exit code 1
    ["list", "--from", "2021", "--to", "2020"],
    ["list", "-c", "strke"],
    ["list", "--status", "nope"],
    ["list", "--order", "sideways"],
    ["list", "--from", "31 Feb 2020"],
]

TYPER = [
    ["list", "--help"],
    ["list", "--limit", " 5"],
    ["list", "--limit", "many"],
    ["list", "--limit", "-1"],
    ["list", "--format", "xml"],
    ["list", "--as-of", "soon"],
    ["list", "--order", "asc", "--order", "desc"],
    ["list", "--nope"],
    ["list", "extra"],
    ["list", "--from"],
    ["list", "-cstrike"],
    ["list", "--within=yes"],
    ["show", "nope"],
    ["--help"],
]


def _typer(db: str, args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def _fast(db: str, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = 0
    try:
        assert fast.run(["--db", db, *args])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _same_as_typer(
    db: str, args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path takes ``args`` and prints, byte for byte, what Typer prints."""
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    assert fast.parse(["--db", db, *args]) is not None
    assert _fast(db, args, capsys) == _typer(db, args)


@pytest.mark.parametrize("args", FAST, ids=[" ".join(a) for a in FAST])
def test_fast_path_prints_what_typer_prints(
    sample: str,
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _same_as_typer(sample, args, capsys, monkeypatch)


@pytest.mark.parametrize("args", TYPER, ids=[" ".join(a) for a in TYPER])
def test_anything_else_is_left_to_typer(sample: str, args: list[str]) -> None:
    assert fast.parse(["--db", sample, *args]) is None


def test_database_is_chosen_as_typer_chooses(
    sample: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = str(tmp_path / "other.db")
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    assert fast.parse(["list"]) == {"db": None}
    assert fast.parse(["--db", other, "list", "--db", sample]) == {"db": sample}
    assert fast.parse(["--db=" + other, "list"]) == {"db": other}
    # The command's own --db also reads TIMELINE_DB, which then wins over the root --db.
    monkeypatch.setenv("TIMELINE_DB", sample)
    assert fast.parse(["--db", other, "list"]) == {"db": sample}
    monkeypatch.setenv("TIMELINE_DB", "")
    assert fast.parse(["--db", other, "list"]) == {"db": other}


def test_whole_process_output_matches(sample: str) -> None:
    args = ["list", "--from", "2019", "--to", "2020", "-f", "jsonl"]
    done = subprocess.run(
        [sys.executable, "-m", "timeline.cli", "--db", sample, *args],
        capture_output=True,
        check=True,
    )
    code, out, err = _typer(sample, args)
    assert (done.returncode, done.stdout.decode(), done.stderr.decode()) == (code, out, err)


def test_database_errors_match(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TIMELINE_DB", raising=False)
    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"not a database" * 100)
    for db in (str(tmp_path / "missing.db"), str(tmp_path), str(foreign), "/no/such/dir/t.db"):
        fast_result = _fast(db, ["list"], capsys)
        assert fast_result[0] == 1 and fast_result[2].startswith("Error: ")
        assert fast_result == _typer(db, ["list"])


@pytest.mark.parametrize(
    "text",
    [
        "2019-01-01",
        "2020-02-29",
        "2019-02-29",
        "0000-01-01",
        "0999-12-31",
        "2019-13-01",
        "2019-1-01",
        "٢٠١٩-01-01",
        " 2019-01-01",
        "2019-01-01 ",
        "2019-W01",
        "2019-01-1x",
    ],
)
def test_iso_days_are_read_as_the_date_parser_reads_them(text: str) -> None:
    from timeline.cli.listing import bound
    from timeline.date_input import parse_bound
    from timeline.errors import InvalidDate

    for end in (False, True):
        try:
            expected: object = parse_bound(text, None, end=end)
        except InvalidDate as err:
            expected = str(err)
        try:
            got: object = bound(text, None, end)
        except InvalidDate as err:
            got = str(err)
        assert got == expected


@pytest.mark.parametrize(
    "args",
    [
        ["list", "-f", "jsonl"],
        ["list", "--from", "2019-01-01", "--to", "2020-12-31", "-c", "strike", "--limit", "3"],
        ["list", "--from", "May 2019", "--to", "2019-05", "-f", "json"],
        ["list", "-c", "strke"],
    ],
)
def test_fast_path_on_each_backend(
    db: str,
    tmp_path: Path,
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_sample(db, tmp_path)
    _same_as_typer(db, args, capsys, monkeypatch)


def test_fast_parser_knows_every_option_of_the_command() -> None:
    """A new ``list`` option must be taught to ``fast.py`` too (else listings that
    use it silently go through Typer, slower, which no other test would notice)."""
    from timeline.cli import fast
    from timeline.cli.root import app

    # (the last one registered: a test that reloads the command modules adds another)
    command = [c for c in app.registered_commands if c.name == "list"][-1]
    assert command.callback is not None
    hints = typing.get_type_hints(command.callback, include_extras=True)
    options = {
        name: (typing.get_args(hint)[0], meta)
        for name, hint in hints.items()
        for meta in getattr(hint, "__metadata__", ())
        if type(meta).__name__ == "OptionInfo"
    }
    assert set(options) == set(fast.VALUES.values()) | set(fast.FLAGS.values())
    kinds = {name: str(kind) for name, (kind, _) in options.items()}
    assert {n for n, k in kinds.items() if k.startswith("list[")} == fast.MULTIPLE
    assert {n for n, k in kinds.items() if "int" in k} == fast.NUMBERS
    assert {n for n, k in kinds.items() if "bool" in k} == set(fast.FLAGS.values())
    for name, (_, meta) in options.items():
        for short in meta.param_decls:
            assert fast.VALUES.get(short) == name or fast.FLAGS.get(short) == name, short


@pytest.mark.parametrize("extra", [[], ["--from", "2019-01-01"]])
def test_huge_limit_and_offset_are_plain_numbers(sample: str, extra: list[str]) -> None:
    huge = "99999999999999999999"
    runner = CliRunner()
    everything = runner.invoke(app, ["--db", sample, "list", *extra, "--format", "jsonl"])
    assert everything.exit_code == 0, everything.output
    many = runner.invoke(app, ["--db", sample, "list", *extra, "--limit", huge, "-f", "jsonl"])
    assert many.exit_code == 0, many.output
    assert many.output == everything.output
    past = runner.invoke(app, ["--db", sample, "list", *extra, "--offset", huge])
    assert past.exit_code == 0, past.output
