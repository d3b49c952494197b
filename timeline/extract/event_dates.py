"""Which date an event takes: the temporal expression of its clause, then of its
sentence, then the narrative date of its paragraph; never the publication date.

A date that modifies another trigger's noun ("the 2015 nuclear deal") belongs
to that trigger; a "when" clause takes the date of the clause it hangs on
("on Tuesday, when Iran launched strikes"); an event that happened cannot end
after the article was published.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from timeline.dates import DateSpan


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_ATTACHED_GAP = re.compile(r"[^,;.:()\"“”—–]{0,30}")
_NOT_MODIFIERS = re.compile(
    r"\b(?:after|before|when|since|following|until|while|in|on|at|by|for|from|with|to|of|"
    r"about|over|regarding|concerning|during|amid|through|"
    r"and|or|but|that|which|who|was|were|is|are|has|had|have|been"
    # "wrote to Jalili last October offering talks", "On May 31 Rice offered talks": a
    # verb, no modifier
    r"|(?-i:[a-z]\w*(?:ing|ed)))\b",
    re.IGNORECASE,
)
_WHEN = re.compile(r"\s*(?:when|as|where)\b", re.IGNORECASE)


def indices_in(dates: Sequence[Any], scope: Located, starts: Sequence[int] | None) -> range:
    """The indices of the expressions that may start in ``scope`` (all without ``starts``,
    the expressions' sorted offsets)."""
    if starts is None:
        return range(len(dates))
    return range(bisect.bisect_left(starts, scope.start), bisect.bisect_left(starts, scope.end))


def owners(
    dates: Sequence[Any],
    text: str,
    scope: Located,
    trigger_starts: Sequence[tuple[str, int]],
    starts: Sequence[int] | None = None,
) -> dict[int, str]:
    """Date expressions (by index) that modify a trigger noun right after them, with
    that trigger's category: "the 2015 Iran nuclear deal" -> deal."""
    owned: dict[int, str] = {}
    for index in indices_in(dates, scope, starts):
        expression = dates[index]
        if not scope.start <= expression.start < scope.end:
            continue
        for category, start in trigger_starts:
            gap = text[expression.end : start]
            if (
                0 <= start - expression.end <= 30
                and _ATTACHED_GAP.fullmatch(gap)
                and not _NOT_MODIFIERS.search(gap)
            ):
                owned[index] = category
        lead = text[max(0, expression.start - 30) : expression.start]
        if (
            index not in owned
            and _IN_A_NAME.search(lead)
            and _NAMED_AFTER.match(text, expression.end)
        ):
            owned[index] = "name"  # "the 1955 Treaty of Amity": no one's time
    return owned


_IN_A_NAME = re.compile(r"^(?!.*\b(?:since|after|before|following|until)\b).*\bthe\s$", re.I | re.S)
"""Before a year: "the", and no "since"/"after" ("since shortly after the 1979
revolution" is an era, which dates what lasts from it)."""
_NAMED_AFTER = re.compile(
    r"\s+(?:(?-i:[A-Z])[a-z]+\b|(?:revolution|election|war|treaty|accords?|uprising|coup|"
    r"crisis|summit|law|act|resolution|framework|constitution)\b)"
)
"""A year used in a name, after "the" and before a capitalised word or a noun of
that kind: "the 1955 Treaty of Amity", "the 1979 revolution". It dates no event of
the sentence ("Washington was terminating the 1955 Treaty"), unless a trigger noun
owns it ("the 2015 nuclear deal")."""


def _usable(
    dates: Sequence[Any],
    scope: Located,
    category: str,
    owned: Mapping[int, str],
    starts: Sequence[int] | None = None,
    exclude: Located | None = None,
) -> list[Any]:
    return [
        dates[i]
        for i in indices_in(dates, scope, starts)
        if scope.start <= dates[i].start < scope.end
        and dates[i].span is not None
        and owned.get(i, category) == category
        and (exclude is None or not exclude.start <= dates[i].start < exclude.end)
    ]


def event_date(
    dates: Sequence[Any],
    text: str,
    clause: Located,
    previous: Located | None,
    sentence: Located,
    trigger_start: int,
    category: str,
    owned: Mapping[int, str],
    floor: int | None = None,
    published: date | None = None,
    starts: Sequence[int] | None = None,
    exclude: Located | None = None,
) -> tuple[Any | None, bool]:
    """The expression dating an event, and whether it came from the narrative
    (an earlier sentence of the paragraph, from ``floor`` on) rather than the
    event's own sentence. A narrative date is a past one: "the election in
    November" ahead sets no time for what follows. A clause opening "Since
    then, ..." looks only to the narrative. Dates in ``exclude`` (a stretch of
    the sentence about another event) are not this event's."""
    own = clause.start != sentence.start or not SINCE_THEN.match(text, sentence.start)
    if own and previous is not None and _WHEN.match(text[clause.start : clause.end]):
        inherited = _usable(dates, previous, category, owned, starts)
        if inherited:
            return inherited[-1], False
    for scope in (clause, sentence) if own else ():
        inside = _usable(dates, scope, category, owned, starts, exclude)
        if category != "other":
            # "the first premier to visit since the 1979 revolution, and held talks":
            # an era named before the event is not its day.
            inside = [
                d
                for d in inside
                if d.end > trigger_start
                or not SINCE_BEFORE.search(text, max(0, d.start - 12), d.start)
            ] or inside
        if inside and category == "statement":
            # "Speaking on Sunday, Obama said the weekend showed ...": what follows
            # the saying is what was said, unless it dates the saying ("said on Monday").
            before = [d for d in inside if d.end <= trigger_start]
            framing = [
                d
                for d in inside
                if d.start > trigger_start
                and _SAID_WHEN.fullmatch(text, trigger_start, d.start)
                and not text.startswith("the ", d.start)
            ]
            inside = framing or before or inside
        if inside:
            return min(inside, key=lambda d: abs(d.start - trigger_start)), False
    if floor is None:
        floor = text.rfind("\n\n", 0, sentence.start)
        floor = 0 if floor < 0 else floor + 2
    offsets = starts if starts is not None else [d.start for d in dates]
    low = bisect.bisect_left(offsets, floor)
    for i in range(bisect.bisect_left(offsets, sentence.start) - 1, low - 1, -1):
        d = dates[i]
        span = d.span
        if (
            span is not None
            and i not in owned  # "the 2015 deal" names a deal, it sets no time
            and (published is None or span.start <= published)
        ):
            return d, True
    return None, False


_SAID_WHEN = re.compile(
    r"[\w-]+(?:\s+(?:reporters|journalists|(?:in|at|to|during|on)\s+(?:(?:a|an|the|his|her|its|state)\s+)?"
    r"[\w-]+(?:\s+[\w-]+)?))?\s+(?:(?:on|in|at|late|early|earlier|later)\s+)*",
    re.I,
)
"""From a saying verb to a date that dates the saying: "said on", "told reporters
late", "said in a statement on"; not "said the weekend showed", what was said."""


SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
"""Just before a date: "since the 1979 revolution", "since Oct. 17"."""


SINCE_THEN = re.compile(r"\s*(?:ever\s+)?since\s+(?:then|that\s+(?:day|time|point))\b", re.I)
"""A sentence opening "Since then" reports what happened between the narrative's
last date and publication."""

CONNECTIVE = re.compile(
    r"\s*(?:in\s+response|in\s+retaliation|in\s+turn|since\s+then|after\s+that|afterwards?|"
    r"then|later|subsequently|that|this|these|those|his|her|its|their)\b",
    re.I,
)
"""Openers that tie a sentence to the one before it, across a paragraph break
("In response, ...", "That relative peace ...", "His call ...")."""

PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|since|now|already|repeatedly|recently|long|always|never|often|\w+ly)\s+)?"
    r"(?:been\s+)?(?!been\b)[a-z]+(?:ed|en|wn|nt|ne|ht|un|ung|ade|id|ld|lt|ck)\b"
)
"""A present perfect: "have carried out", "has also asked", "have been exchanged"."""

_PERFECT_REACH = 40, 80


def present_perfect(text: str, clause: Located, start: int, end: int) -> bool:
    """Whether the verb of the trigger is a present perfect ("have carried out
    attacks", "it has launched strikes", "attacks on ... have attracted"): looked
    for near the trigger, within its stretch of the clause between commas."""
    low = max(clause.start, start - _PERFECT_REACH[0], text.rfind(",", 0, start) + 1)
    comma = text.find(",", end, clause.end)
    high = min(clause.end, end + _PERFECT_REACH[1], comma if comma >= 0 else clause.end)
    return PERFECT.search(text, low, high) is not None


def paragraph_starts(text: str) -> list[int]:
    """Where paragraphs begin. Lines are paragraphs unless the text is hard-wrapped
    (mostly short lines between blank lines), when blank lines part them."""
    lines = [line for line in text.split("\n") if line.strip()]
    short = sum(1 for line in lines if len(line) <= 100)
    wrapped = "\n\n" in text and len(lines) >= 4 and short >= 0.8 * len(lines)
    breaker = re.compile(r"\n[ \t]*\n\s*" if wrapped else r"\n\s*")
    return [0, *(m.end() for m in breaker.finditer(text))]


def narrative_floor(text: str, starts: Sequence[int], sentence_start: int) -> int:
    """Where the narrative of a sentence begins: its paragraph, or the one before
    when the sentence opens with a connective ("In response, ...")."""
    index = bisect.bisect_right(starts, sentence_start) - 1
    if index > 0 and CONNECTIVE.match(text, sentence_start) and starts[index] >= sentence_start:
        index -= 1
    return starts[max(index, 0)]


def clip_to_publication(span: DateSpan, published: date | None) -> DateSpan:
    """Something that happened ended by the publication date ("this week" in a
    Thursday article is Monday to Thursday)."""
    if published is None or not span.start <= published < span.end:
        return span
    return DateSpan(span.start, published, "day" if span.start == published else "range")
