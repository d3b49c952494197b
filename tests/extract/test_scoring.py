"""Scoring of temporal expressions on a tiny hand-made gold."""

from __future__ import annotations

import pytest

from timeline.extract.scoring import score_documents, strip_time
from timeline.extract.timeml import parse_timeml

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-09" functionInDocument="CREATION_TIME">
20200109</TIMEX3></DCT>
<TEXT>
Iran <EVENT eid="e1">struck</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2020-01-08">Wednesday\
</TIMEX3> &amp; talks <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> later.
</TEXT>
</TimeML>
"""


def test_parse_timeml() -> None:
    doc = parse_timeml(TML, "tiny")
    assert doc.dct == "2020-01-09"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Wednesday", "DATE", "2020-01-08"),
        ("two days", "DURATION", "P2D"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert "&" in doc.text and "<" not in doc.text


def test_scores_on_hand_made_gold() -> None:
    gold = [(0, 10, "2020-01-08"), (20, 30, "2020"), (40, 45, "PAST_REF")]
    system = [
        (0, 10, "2020-01-08T10:00"),  # exact span, value right (time part ignored)
        (18, 25, "2019"),  # overlaps, wrong value
        (50, 55, "2020"),  # false alarm
    ]
    scores = score_documents([(system, gold)])
    strict, relaxed, value = scores["strict"], scores["relaxed"], scores["value"]
    assert (strict.correct_system, strict.system, strict.gold) == (1, 3, 3)
    assert (relaxed.correct_system, relaxed.system, relaxed.gold) == (2, 3, 3)
    assert (value.correct_system, value.system, value.gold) == (1, 3, 3)
    assert relaxed.precision == pytest.approx(2 / 3)
    assert relaxed.recall == pytest.approx(2 / 3)
    assert value.f1 == pytest.approx(1 / 3)


def test_one_system_expression_matches_one_gold() -> None:
    gold = [(0, 5, "2020"), (6, 10, "2020")]
    system = [(0, 10, "2020")]
    relaxed = score_documents([(system, gold)])["relaxed"]
    assert (relaxed.correct_system, relaxed.correct_gold) == (1, 1)
    assert relaxed.recall == pytest.approx(0.5)


def test_empty_inputs_score_zero() -> None:
    scores = score_documents([([], [])])
    assert scores["value"].f1 == 0.0
    assert strip_time("2020-01-03T10:00") == "2020-01-03"
    assert strip_time("PAST_REF") == "PAST_REF"
