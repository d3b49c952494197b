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
TRIGGER_NUMBER = re.compile(
    r"(?P<y>\d{4})|(?P<decade>\d\d(?=s\b|'s))|(?P<slash>\d{1,2}/\d)"
    r"|(?P<clock>\d(?=\s*[ap]\.?m\b|:\d\d))"
)
WINDOW = 48
_MONTH_RULES = ("month_day", "day_month", "month_year", "rel_month", "month_rel_year")
_UNIT_RULES = ("relative_unit", "earlier_this", "ago", "duration", "set")
TRIGGERS: dict[str, tuple[str, ...]] = {}


def _trigger(words: str, *rules: str) -> None:
    for word in words.split():
        TRIGGERS[word] = TRIGGERS.get(word, ()) + rules


_trigger(" ".join(k for k in MONTH_NUMBERS if len(k) > 1), *_MONTH_RULES, "set")
_trigger(" ".join(WEEKDAY_NUMBERS), "weekday", "set", "month_day", "day_month")
_trigger("#y", "iso", "year", "decade", "quarter", "half", "season", "month_day", "day_month")
_trigger("#y", "month_year")
_trigger("#decade", "decade")
_trigger("#slash", "slash")
_trigger("nineteen eighteen twenty thousand", "spelled_year", "month_year", "season")
_trigger(" ".join(SPELLED_DECADES), "spelled_decade")
_trigger("century centuries", "century", "relative_unit", "ago", "duration")
_trigger("spring summer fall autumn winter", "season")
_trigger("quarter quarters q", "quarter", "the_quarter", "ago", "duration", "set")
_trigger("half", "half", "year")
_trigger("ago earlier before later after hence", "ago", "earlier_this")
_trigger("day week month year weekend decade", *_UNIT_RULES)
_trigger("days weeks months years weekends decades hour hours minute minutes", "ago", "duration")
_trigger("days weeks months years", "ref")
_trigger("morning afternoon evening night nights", "relative_unit", "weekday")
_trigger("year", "year_ago", "year_end", "month_rel_year", "quarter", "half")
_trigger("yesterday today tomorrow tonight", "deictic")
_trigger("now currently nowadays present current moment recently past future coming", "ref")
_trigger("term lately quarters soon", "ref")
_trigger("period", "the_quarter")
_trigger("every each per daily weekly monthly annually yearly hourly quarterly", "set")
_trigger("#clock", "clock")
_trigger("noon midnight", "clock")
# Keys starting with "#" name the groups of TRIGGER_NUMBER, not words.
NUMBER_TRIGGERS = {key[1:]: TRIGGERS.pop(key) for key in list(TRIGGERS) if key[0] == "#"}
TRIGGER_WORDS = frozenset(TRIGGERS)
