"""Hostile input, by property: dates round-trip, filters take any text as plain data,
and malformed import lines are reported with their line number, never a traceback."""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.cli.test_io_cli import LINE
from timeline.cli import app
from timeline.date_input import parse_date
from timeline.dates import (
    DateSpan,
    day_span,
    decade_span,
    make_span,
    month_span,
    quarter_span,
    render,
    season_span,
    span_from_value,
    value_of,
    week_span,
    year_span,
)
from timeline.db import Database
from timeline.editing import add_event
from timeline.events import EventInput, SourceRef
from timeline.migrate import init_database
from timeline.query import Filters, list_events

COUNTER = itertools.count()
FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
days = st.dates(min_value=date(1000, 1, 1), max_value=date(9990, 12, 31))


@st.composite
def spans(draw: st.DrawFn) -> DateSpan:
    day = draw(days)
    kind = draw(st.sampled_from(["day", "week", "month", "season", "quarter", "year", "decade"]))
    if kind == "day":
        return day_span(day)
    if kind == "week":
        year, week, _ = day.isocalendar()
        return week_span(year, week)
    if kind == "month":
        return month_span(day.year, day.month)
    if kind == "season":
        return season_span(day.year, draw(st.sampled_from(["SP", "SU", "FA", "WI"])))
    if kind == "quarter":
        return quarter_span(day.year, 1 + (day.month - 1) // 3)
    if kind == "year":
        return year_span(day.year)
    return decade_span(day.year // 10 * 10)


@given(spans())
def test_rendered_spans_parse_back(span: DateSpan) -> None:
    assert parse_date(render(span)) == span
    assert span_from_value(value_of(span)) == span


@given(days, st.integers(min_value=1, max_value=4000))
def test_rendered_ranges_parse_back(start: date, length: int) -> None:
    span = make_span(start, start + timedelta(days=length))
    assert parse_date(render(span)) == span


hostile = st.one_of(
    st.sampled_from(
        [
            "'",
            '"',
            "%",
            "_",
            "\\",
            ";",
            "' OR 1=1 --",
            "'; DROP TABLE events; --",
            "%' UNION SELECT * FROM changes --",
            "SELECT",
            "NULL",
            "Ōman ☢ 𝔘𝔖",
            "\u202e\u0000x",
        ]
    ),
    st.text(min_size=1, max_size=12),
)


@settings(max_examples=25, deadline=None, suppress_health_check=FIXTURES)
@given(word=hostile, other=hostile)
def test_filters_treat_any_text_as_data(db: str, word: str, other: str) -> None:
    database = Database(db)
    word = word.replace("\x00", "")
    other = other.replace("\x00", "")
    day = date(2020, 1, 1)
    uid = add_event(
        database,
        EventInput(
            span=day_span(day),
            category="statement",
            summary=f"before {word} after",
            actors=[(f"{word}!", "initiator")],
            sources=[SourceRef(f"doc{word}".replace(" ", "_") or "doc")],
        ),
    )
    everything = list_events(database, Filters(statuses=()))
    count = len(everything)
    # Text search: the summaries containing the text as typed, and only summaries
    # containing it in some letter case (SQLite folds the case of ASCII letters only).
    found = [r["id"] for r in list_events(database, Filters(text=other, statuses=()))]
    exact = [r["id"] for r in everything if other in (r["summary"] or "")]
    folded = [r["id"] for r in everything if other.lower() in (r["summary"] or "").lower()]
    assert set(exact) <= set(found) <= set(folded)
    assert uid in [r["id"] for r in list_events(database, Filters(text=word, statuses=()))]
    # Actors and sources match by value, never by pattern or injection.
    by_actor = list_events(database, Filters(actors=[f"{word}!"], statuses=()))
    assert uid in [r["id"] for r in by_actor]
    assert all(
        any(a["name"].lower() == f"{word}!".strip().lower() for a in r["actors"]) for r in by_actor
    )
    assert list_events(database, Filters(actors=[other + "?no such"], statuses=())) == []
    assert list_events(database, Filters(source=other + "\x01", statuses=())) == []
    # Nothing was dropped or altered by any of it.
    assert len(list_events(database, Filters(statuses=()))) == count
    database.dispose()


def _value() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.sampled_from(["2020-02-30", "2020-13-01", "0000-01-01", "day", "strike", "range"]),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=6,
    )


@st.composite
def bad_lines(draw: st.DrawFn) -> str:
    kind = draw(st.integers(min_value=0, max_value=3))
    if kind == 0:  # any text at all
        return draw(st.text(max_size=60)).replace("\n", " ").replace("\r", " ")
    record = dict(LINE, id="zz")
    if kind == 1:  # a real record with fields broken or added
        for key in draw(st.lists(st.sampled_from([*LINE, "bogus"]), min_size=1, max_size=4)):
            record[key] = draw(_value())
    elif kind == 3:  # the fields of a source or an actor broken
        source = {"document": "d1", "start": 3, "end": 9, "quote": None}
        actor = {"name": "Oman", "role": "intermediary"}
        for key in draw(st.lists(st.sampled_from([*source, *actor]), min_size=1, max_size=3)):
            (source if key in source else actor)[key] = draw(_value())
        record.update(sources=[source], actors=[actor])
    else:  # a record that is not an object, or nested oddly
        return json.dumps(draw(_value()), allow_nan=True)
    return json.dumps(record, allow_nan=True)


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(line=bad_lines(), skip=st.booleans())
def test_malformed_lines_are_reported_by_number(tmp_path: Path, line: str, skip: bool) -> None:
    db = tmp_path / "hostile.db"
    if not db.exists():
        init_database(str(db))
    n = next(COUNTER)  # the database lives across examples: fresh ids each time
    good = dict(LINE, id=f"ok{n}")
    line = line.replace('"id": "zz"', f'"id": "zz{n}"')
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(good) + "\n" + line + "\n", encoding="utf-8")
    args = ["--db", str(db), "import", str(source)] + (["--skip-invalid"] if skip else [])
    result = CliRunner().invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        imported = int(result.stdout.split("Imported ")[1].split()[0])
        if imported == 1:  # line 2 was refused: it says so, by number
            assert not line.strip() or "skipped line 2:" in result.stderr
        else:
            assert imported == 2
    else:
        assert result.exit_code == 1
        assert "line 2:" in result.stderr and "nothing was imported" in result.stderr
