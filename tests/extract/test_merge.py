"""Grouping the mentions of one document into events, on invented mentions."""

from __future__ import annotations

from datetime import date

from timeline.dates import DateSpan
from timeline.extract.candidate import Candidate
from timeline.extract.merge import group_candidates


def mention(start: int, span: DateSpan, actors: list[tuple[str, str]]) -> Candidate:
    return Candidate(
        category="statement",
        cameo_code="010",
        subtype="statement",
        start=start,
        end=start + 10,
        quote="x" * 10,
        trigger="said",
        trigger_start=start,
        span=span,
        date_text=None,
        actors=actors,
    )


def test_statements_by_different_speakers_are_different_events() -> None:
    week = DateSpan(date(2020, 1, 6), date(2020, 1, 9), "range")
    since = DateSpan(date(2020, 1, 3), date(2020, 1, 9), "range")
    groups = group_candidates(
        [
            mention(0, week, [("United States", "initiator")]),
            mention(50, since, [("Iran", "initiator"), ("United States", "participant")]),
        ]
    )
    assert len(groups) == 2


def test_the_same_speaker_twice_in_one_week_is_one_event() -> None:
    week = DateSpan(date(2020, 1, 6), date(2020, 1, 9), "range")
    day = DateSpan(date(2020, 1, 8), date(2020, 1, 8), "day")
    groups = group_candidates(
        [mention(0, week, [("Iran", "initiator")]), mention(50, day, [("Iran", "initiator")])]
    )
    assert len(groups) == 1 and groups[0].lead.span == day


def test_a_refusal_and_a_withdrawal_are_different_events() -> None:
    span = DateSpan(date(2020, 1, 1), date(2020, 1, 31), "month")
    refusal = mention(0, span, [("United States", "initiator")])
    withdrawal = mention(50, span, [("United States", "initiator")])
    refusal.category = withdrawal.category = "other"
    refusal.subtype, withdrawal.subtype = "refusal", "withdrawal"
    assert len(group_candidates([refusal, withdrawal])) == 2
