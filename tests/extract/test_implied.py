"""Dates implied by presidential terms, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from timeline.extract.implied import administration_of, implied_dates


def test_a_term_named_as_a_time_is_its_span() -> None:
    text = "Sanctions grew under the Obama administration and during Rouhani's presidency."
    found = implied_dates(text, date(2020, 1, 9))
    assert [(e.text, e.date_start, e.date_end) for e in found] == [
        ("under the Obama administration", date(2009, 1, 20), date(2017, 1, 20)),
        ("during Rouhani's presidency", date(2013, 8, 3), date(2021, 8, 3)),
    ]


def test_the_term_begun_by_publication_is_meant() -> None:
    found = implied_dates("Talks stalled under the Trump administration.", date(2025, 6, 1))
    assert found[0].date_start == date(2025, 1, 20)
    found = implied_dates("Talks stalled under the Trump administration.", date(2023, 6, 1))
    assert found[0].date_start == date(2017, 1, 20)


def test_a_name_alone_is_no_time() -> None:
    assert implied_dates("In Obama, voters saw hope.", date(2020, 1, 1)) == []
    assert implied_dates("He met Trump in Hanoi.", date(2020, 1, 1)) == []


def test_the_administration_acting_is_the_one_in_office() -> None:
    text = "The administration's campaign began after the deal."
    span = administration_of(text, 0, len(text), date(2020, 1, 9))
    assert span is not None and (span.start, span.end) == (date(2017, 1, 20), date(2021, 1, 20))
    assert administration_of(text, 0, len(text), None) is None
