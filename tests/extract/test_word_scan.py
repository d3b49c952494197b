"""Trigger scans tried only at word starts find exactly what ``finditer`` finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import seeds_or_skip
from timeline.extract.triggers import APPEAL, STATEMENTS, TRIGGERS, VISIT, Trigger, all_hits
from timeline.extract.word_scan import ANY, first_letters, leads, matches, word_starts

TABLE: tuple[Trigger, ...] = (*TRIGGERS, *STATEMENTS, APPEAL, VISIT)


def spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [m.span() for m in matches(text, pattern, word_starts(text))]


def finditer_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_first_letters_of_a_word_pattern() -> None:
    pattern = re.compile(
        r"\b(?:(?:air|drone)\s+strikes?|shot\s+down|(?<=was\s)negotiating)\b", re.I
    )
    assert first_letters(pattern) == frozenset("adsn")


def test_first_letters_through_optional_and_repeated_parts() -> None:
    assert first_letters(re.compile(r"\b(?:re-?)?imposed")) == frozenset("ri")
    assert first_letters(re.compile(r"\b(?:[Tt]he\s+)*talks")) == frozenset("tt")
    assert first_letters(re.compile(r"\b[a-c]ause")) == frozenset("abc")


@pytest.mark.parametrize(
    "pattern",
    [r"appeal", r"\b\w+ed\b", r"\b(?:\d+|talks)", r"\b(?:-talks)", r"\b(?:x?)", r"\b[^a]b"],
)
def test_patterns_it_cannot_read_are_scanned_whole(pattern: str) -> None:
    compiled = re.compile(pattern, re.I)
    assert first_letters(compiled) is None
    text = "An appeal: talks-talks 12 talks, xb ab and ended; -talks"
    assert spans(text, compiled) == finditer_spans(text, compiled)


def test_case_blind_letters_that_fold_to_ascii() -> None:
    # 'ſ' (long s) and the Kelvin sign match 's' and 'k' under IGNORECASE.
    pattern = re.compile(r"\b(?:sanctions|kills)\b", re.I)
    text = "New ſanctions; he Kills, KILLS and \u212aills; İstanbul"
    assert spans(text, pattern) == finditer_spans(text, pattern)
    assert len(spans(text, pattern)) == 4


def test_matches_spanning_words_do_not_overlap_as_in_finditer() -> None:
    pattern = re.compile(r"\b(?:talks\s+talks|talks)\b", re.I)
    text = "talks talks talks, Talks"
    assert spans(text, pattern) == finditer_spans(text, pattern) == [(0, 11), (12, 17), (19, 24)]


def test_every_trigger_on_the_seed_articles() -> None:
    seeds = seeds_or_skip()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    assert texts
    for text in texts:
        expected = [[(m.start(), m.end()) for m in t.pattern.finditer(text)] for t in TABLE]
        found = [[(h.start, h.end) for h in hits] for hits in all_hits(text, TABLE)]
        assert found == expected


VOCABULARY = (
    "struck the talks Talks strike air drone strikes was negotiating sanctions ſanctions "
    "said Said told killed kills \u212aills message letter to from Iran U.S. Oman visited "
    "re-imposed imposed new , . ; - ' \" ( ) 12 2020 _x é É"
)
WORDS = st.sampled_from(sorted(set(VOCABULARY.split())))
SEPARATORS = st.sampled_from([" ", "", "\n", "  ", "-", "'"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), max_size=40))
def test_any_text_gives_what_finditer_gives(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    starts = word_starts(text)
    for trigger in TABLE:
        found = [m.span() for m in matches(text, trigger.pattern, starts)]
        assert found == finditer_spans(text, trigger.pattern)


def test_leads_are_the_first_two_characters_or_the_first_letter_and_any() -> None:
    pattern = re.compile(r"\b(?:(?:re-?)?impos\w+|an?\s+embargo|sanctions?)\b", re.I)
    assert leads(pattern) == frozenset({"re", "im", "sa", "an", "a" + ANY})
    # a second character that cannot be worked out: the first letter with any second
    expected = {"x" + ANY, "y" + ANY, "xz", "yz"}
    assert leads(re.compile(r"\b(?:x|y)(?:\w)*z", re.I)) == frozenset(expected)


def test_one_letter_words_and_words_at_the_end() -> None:
    pattern = re.compile(r"\b(?:a\s+deal|an\s+accord|deal)\b", re.I)
    text = "A deal, an accord; a\ndeal. deal"
    assert spans(text, pattern) == finditer_spans(text, pattern)
    assert len(spans(text, pattern)) == 4


def test_every_trigger_is_scanned_only_at_the_word_starts_it_can_begin() -> None:
    # A pattern whose matches may begin anywhere is scanned whole, several times
    # slower: one alternative without its leading \b is enough to do that.
    from timeline.extract.triggers import STATEMENTS, TRIGGERS

    whole = [(t.category, t.subtype) for t in (*TRIGGERS, *STATEMENTS) if leads(t.pattern) is None]
    assert whole == []
