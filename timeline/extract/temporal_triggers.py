"""Trigger tokens of the temporal rules.

Every expression a rule matches contains one of its trigger tokens. The tagger
finds trigger tokens in one cheap pass and runs each rule only in windows around
its own triggers, which keeps whole documents out of the slow patterns.
"""

from __future__ import annotations

import re

from timeline.extract.temporal_rules import MONTH_NUMBERS, SPELLED_DECADES, WEEKDAY_NUMBERS

TRIGGER_WORD = re.compile(r"[a-z]+")
"""Words of the lower-cased text; those in TRIGGERS are then located with str.find."""
DIGITS = re.compile(r"\d+")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|:\d\d)", re.IGNORECASE)


def number_kind(text: str, start: int, end: int) -> str | None:
    """Which number trigger a run of digits is: a year, a decade, a slash date, a clock."""
    length = end - start
    after = text[end : end + 2]
    if length == 4:
        return "y"
    if length <= 2 and after[:1] == "/":
        return "slash"
    if length == 2 and (after[:1] == "s" or after == "'s"):
        return "decade"
    if length <= 2 and _CLOCK_AFTER.match(text, end):
        return "clock"
    return None


WINDOW = 48
TRIGGERS: dict[str, tuple[str, ...]] = {}


def _trigger(words: str, *rules: str) -> None:
    for word in words.split():
        TRIGGERS[word] = TRIGGERS.get(word, ()) + rules


# Each rule is triggered by the element none of its matches can lack.
_UNITS = "day week month year weekend decade century quarter hour minute"
_trigger(
    " ".join(k for k in MONTH_NUMBERS if len(k) > 1),
    "month_day",
    "day_month",
    "month_year",
    "rel_month",
    "month_rel_year",
)
_trigger(" ".join(WEEKDAY_NUMBERS), "weekday")
_trigger("#y", "iso", "year", "decade")
_trigger("#decade", "decade")
_trigger("#slash", "slash")
_trigger("#clock", "clock")
_trigger("noon midnight", "clock")
_trigger("nineteen eighteen twenty thousand", "spelled_year")
_trigger(" ".join(SPELLED_DECADES), "spelled_decade")
_trigger("century", "century")
_trigger("spring summer fall autumn winter", "season")
_trigger("quarter q", "quarter", "the_quarter")
_trigger("period", "the_quarter")
_trigger("half", "half")
_trigger("year", "year_ago", "year_end")
_trigger("ago earlier before later after hence now", "ago")
_trigger("hour hours day days evening nightfall afterward afterwards", "aftermath")
_trigger("earlier later early late", "earlier_this")
_trigger(_UNITS + " morning afternoon evening night", "relative_unit")
_trigger(_UNITS + " " + " ".join(unit + "s" for unit in _UNITS.split()), "duration")
_trigger("yesterday today tomorrow tonight", "deictic")
_trigger("now currently nowadays present current moment recently recent past future", "ref")
_trigger("coming term lately quarters soon days weeks months years", "ref")
_trigger("every each per daily weekly monthly annually yearly hourly quarterly", "set")
# Keys starting with "#" name the kinds of number_kind(), not words.
NUMBER_TRIGGERS = {key[1:]: TRIGGERS.pop(key) for key in list(TRIGGERS) if key[0] == "#"}
TRIGGER_WORDS = frozenset(TRIGGERS)
