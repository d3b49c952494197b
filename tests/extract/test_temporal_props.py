"""Property tests: any text gives well-formed expressions inside it, without raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.temporal import tag_dates

VOCABULARY = (
    "Jan. January 3 2020 1990s the last next week year ago Tuesday fall quarter first "
    "mid- early late 27,000 $6 60% yesterday now may March 21-22 , . - ' of in on "
    "Q3 '80s 10/12/2019 3 p.m. noon each every per two days later earlier following "
    "nineteen ninety-one summer spring soon current recent years the_ half fiscal "
    "year-ago period 20th century nineties this coming morning tonight will said was"
)
WORDS = st.sampled_from(sorted(set(VOCABULARY.split())))
ANCHORS = st.one_of(st.none(), st.sampled_from(["2020-01-09", "2023-06", "1999", "0001-01-01"]))


def check(text: str, published: str | None) -> None:
    previous_end = 0
    for e in tag_dates(text, published):
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= previous_end
        previous_end = e.end
        assert text[e.start : e.end] == e.text
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
        assert e.value
        if e.date_start is not None:
            assert e.date_end is not None and e.date_start <= e.date_end
            assert e.precision is not None
        e.to_dict()


@given(st.text(), ANCHORS)
def test_any_unicode_text(text: str, published: str | None) -> None:
    check(text, published)


@given(st.lists(WORDS, max_size=60).map(" ".join), ANCHORS)
def test_date_like_word_salad(text: str, published: str | None) -> None:
    check(text, published)


@settings(max_examples=5, deadline=None)
@given(st.lists(WORDS, min_size=50, max_size=100).map(lambda words: " ".join(words) * 300))
def test_very_long_input(text: str) -> None:
    check(text, "2020-01-09")


@settings(max_examples=5, deadline=None)
@given(st.text(min_size=1).map(lambda text: text * 5000))
def test_very_long_unicode_input(text: str) -> None:
    check(text, None)


def test_characters_that_change_length_when_lower_cased() -> None:
    text = "İİİ The strike came on Jan. 3, 2020, and İ talks resumed yesterday."
    found = {e.text: e.value for e in tag_dates(text, "2020-01-09")}
    assert found == {"Jan. 3, 2020": "2020-01-03", "yesterday": "2020-01-08"}


@given(st.lists(WORDS, max_size=80).map(" ".join), ANCHORS)
def test_trigger_prefilter_finds_what_a_full_scan_finds(text: str, published: str | None) -> None:
    assert tag_dates(text, published) == tag_dates(text, published, full_scan=True)
