"""Events told by reference to other events, and the dates they take from them.

"after the killing of ..." names an event told elsewhere, not a new one: what the
clause reports happened between that event and publication (up to the end of its
month "shortly after"). "came just days after", "followed years of talks" and
"these talks" point to other events too. An event with no date of its own takes
the date of an earlier, dated telling of it ("killed three U.S. soldiers in
Jordan", told before as "the deaths of three U.S. soldiers in Jordan last month").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any, Protocol

from timeline.dates import DateSpan, day_span, month_span, shifted, week_span
from timeline.extract.temporal_rules import NUMBER_WORDS

REFERENCE = re.compile(
    r"\b(?:after|following|since|before|amid|in\s+response\s+to|in\s+retaliation\s+for)"
    r"\s+(?:(?:the\s+|a\s+|an\s+)?(?:[\w.-]+['’]s?\s+){0,3}(?:[\w.-]+\s+){0,2}"
    # A longer subject led by a name, no verb in it: "before American and British
    # warplanes struck", "after the frigate USS Samuel B. Roberts struck" (not "after
    # Washington agreed to").
    r"|(?:the\s+)?(?:(?-i:[a-z])[a-z-]+\s+)?(?-i:[A-Z])[\w.'’-]*\s+(?:(?![\w.'’-]*ed\s|to\s)[\w.'’-]+\s+){2,4})$",
    re.IGNORECASE,
)


OWN_ACT = re.compile(r"(?i:after|before|since)\s+\w+ing\b")
SOON = re.compile(
    r"\b(?:shortly|soon|immediately|just|right|hours|days|a\s+day|a\s+few\s+days)\s*$", re.I
)


PAST_VERB = re.compile(
    r"(?:\w+ed|struck|shot|hit|met|sent|held|spoke|spoken|fought|won|withdrew|drew|threw|"
    r"flew|began|broke|took|gave|led|made|froze|sold|bought|paid|left|lost|stole)\b",
    re.I,
)


_BY_DOER = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|assault|bombing|raids?)\s+by\s+(?:the\s+)?", re.I
)


def counted_reference(text: str, at: int) -> bool:
    """Whether "N days after" (or before) stands right before ``at``: "ten days after
    the Hamas assault" tells that event, dated by the count."""
    m = _AFTER_WORD.search(text, max(0, at - 12), at)
    return m is not None and _counted(text, m.start())


def _counted(text: str, at: int) -> bool:
    """Whether a count ("ten days", not "the day") ends at ``at``."""
    m = _OFFSET.search(text, max(0, at - 30), at)
    return m is not None and m[1].lower() != "the"


_AFTER_WORD = re.compile(r"\b(?:after|before)\s+$", re.I)


_UNNAMED_SUBJECT = re.compile(
    r"(?:after|before)\s+(?:the|a|an)\s+(?:(?!(?:of|on|in|at|to|for|by|with|from)\s)[\w.'’-]+\s+){1,6}",
    re.I,
)


def told_here_at(text: str, after: int, trigger_start: int, mention_starts: Sequence[int]) -> bool:
    """ "a month after Iran shot down a drone" (``after`` is where "after" stands): an
    event referred to by a clause with its own subject and past-tense verb is told
    here too, unlike "after the killing of", a name for an event told elsewhere."""
    low = bisect.bisect_left(mention_starts, after)
    if PAST_VERB.match(text, trigger_start):
        # (a subject no list names: "four days after the frigate Samuel B. Roberts struck")
        return (
            low < len(mention_starts) and mention_starts[low] < trigger_start
        ) or _UNNAMED_SUBJECT.fullmatch(text, after, trigger_start) is not None
    # "ten days after the Hamas assault on Israel": counted, with its doer named before it
    if (
        _counted(text, after)
        and low < len(mention_starts)
        and mention_starts[low] < trigger_start
        and _UNNAMED_SUBJECT.fullmatch(text, after, trigger_start) is not None
    ):
        return True
    # "in retaliation for a missile attack by Iran on October 1": named with its doer.
    by = _BY_DOER.match(text, trigger_start)
    if by is None:
        return False
    doer = bisect.bisect_left(mention_starts, by.end())
    return doer < len(mention_starts) and mention_starts[doer] == by.end()


_COMMEMORATED = re.compile(
    r"\b(?:anniversary|anniversaries|commemorat\w+|memorial)\s+(?:of|for|to)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w.-]+['’]s?\s+){0,3}$",
    re.IGNORECASE,
)


_DISASTER = re.compile(
    r"(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:quake|earthquake|storm|hurricane|cyclone|typhoon|"
    r"flood|floods|tsunami|avalanche|landslide|wildfire|blaze|fire|crash|accident|collision|"
    r"epidemic|pandemic)\b",
    re.IGNORECASE,
)


def disaster_told(text: str, sentence_start: int) -> bool:
    """A sentence whose subject is a disaster or an accident ("The quake struck before
    dawn, killing 30,000"): its killings and strikes are no one's attack."""
    return _DISASTER.match(text, sentence_start) is not None


def commemorated(text: str, trigger_start: int) -> bool:
    """ "on the seventh anniversary of the seizure of the embassy": an event of long
    ago, named to date another, not one the sentence tells."""
    return _COMMEMORATED.search(text, max(0, trigger_start - 60), trigger_start) is not None


def in_reference(text: str, clause_start: int, trigger_start: int) -> bool:
    """Whether the trigger at ``trigger_start`` stands in an "after ..." reference."""
    return REFERENCE.search(text[clause_start:trigger_start]) is not None


_OFFSET = re.compile(
    r"\b(the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month)s?"
    r"\s+$",
    re.I,
)
_COUNTS = {"the": 1, **NUMBER_WORDS}  # "the day after": one day


def offset_span(lead_in: str, base: DateSpan, sign: int) -> DateSpan | None:
    """ "five days after", "two weeks after", "a month after" ending ``lead_in``: the
    day, week or month that far from ``base`` (``sign`` -1: back from it, 1: on)."""
    m = _OFFSET.search(lead_in)
    if m is None:
        return None
    count = sign * (_COUNTS.get(m[1].lower()) or int(m[1]))
    unit = m[2].lower()
    if unit == "month":
        if base.precision not in ("day", "week", "month"):
            return None
        months = base.start.year * 12 + base.start.month - 1 + count
        return month_span(months // 12, months % 12 + 1)
    if base.precision != "day":
        return None
    day = shifted(base.start, count * (7 if unit == "week" else 1))
    if unit == "day":
        return day_span(day)
    year, week, _ = day.isocalendar()
    return week_span(year, week)


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


class Told(Protocol):
    """An event told earlier, as :func:`after_reference` reads it: a
    :class:`~timeline.extract.candidate.Candidate`, named by its fields because
    :mod:`timeline.extract.candidate` imports this module (importing it back would
    be a cycle)."""

    category: str
    subtype: str | None
    span: DateSpan | None


def _referred(category: str, subtype: str | None, earlier: Iterable[Told]) -> Told | None:
    """The latest earlier dated event of the kind: of ``subtype`` if there is one,
    else the latest of ``category``."""
    chosen: Told | None = None
    for candidate in earlier:
        if candidate.category != category or candidate.span is None:
            continue
        if candidate.subtype == subtype:
            return candidate
        chosen = chosen or candidate
    return chosen


def after_reference(
    category: str,
    subtype: str | None,
    earlier: Iterable[Told],
    published: date | None,
    soon: bool = False,
) -> DateSpan | None:
    """The span "after <an event told earlier>": from that event's start to publication,
    or to the end of its month for "shortly after" (never past publication). The
    event referred to is the latest earlier one of the same kind (subtype, else
    category); ``earlier`` runs from the latest back."""
    chosen = _referred(category, subtype, earlier)
    if chosen is None or chosen.span is None:
        return None
    start = chosen.span.start
    if published is None or start >= published:
        return None
    end = min(published, _month_end(chosen.span.end)) if soon else published
    return DateSpan(start, end, "range")


CAME_AFTER = re.compile(
    r"\b(?:came|was|were|happened|occurred)\s+(?:just\s+|only\s+)?"
    r"(?:(?:a\s+few\s+)?(?:hours|days|weeks)|shortly|soon)\s+after\s+(?:[\w'’-]+\s+){0,8}$",
    re.I,
)
PRECEDED = re.compile(
    r"\b(?:followed|follows|came\s+after|preceded\s+by|capped|culminat\w+\s+\w+)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.I,
)
ANAPHORA = re.compile(
    r"\b(?:the|these|those)\s+(?:(?!(?:has|have|had|was|were|is|are|been)\b)[\w-]+\s+)?$", re.I
)


_DESCRIPTION = re.compile(r"\s+((?:[\w.'’-]+\s+){2,4}[\w.'’-]+)")
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "with",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "from",
    ]
)
_LOOK_BACK = 6000


def told_before(
    text: str,
    trigger_end: int,
    before: int,
    dates: Sequence[Any],
    starts: Sequence[int],
    owned: Mapping[int, str],
) -> Any | None:
    """The date of an earlier, dated telling of the same event, recognised by the same
    description after the trigger (three to five words, with a number or a name)."""
    m = _DESCRIPTION.match(text, trigger_end)
    if m is None:
        return None
    words = m[1].split()
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if len(content) < 2 or not any(
        w[0].isdigit() or w[0].isupper() or w in _NUMBER_WORDS for w in content
    ):
        return None
    where = text.rfind(m[1], max(0, before - _LOOK_BACK), before)
    if where < 0:
        return None
    low = bisect.bisect_left(starts, where - 150)
    high = bisect.bisect_right(starts, where + len(m[1]) + 60)
    line_start = text.rfind("\n", 0, where) + 1
    line_end = text.find("\n", where)
    line_end = len(text) if line_end < 0 else line_end
    near = [
        (abs(d.start - where), i)
        for i, d in enumerate(dates[low:high], low)
        if d.span is not None and line_start <= d.start < line_end and i not in owned
    ]
    return dates[min(near)[1]] if near else None


_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozens",
        "hundreds",
        "thousands",
    ]
)


NOUN_REFERENCE = re.compile(
    r"\b(?:(?P<soon>shortly|soon|immediately|just|hours|days|overnight)\s+)?(?P<how>after|following|during|"
    r"before|on\s+the\s+eve\s+of|in\s+response\s+to|in\s+retaliation\s+for)\s+"
    r"(?:the|that|this|these|those|his|her|its|their)\s+"
    r"(?:[\w-]+\s+)?(?P<noun>strikes?|attacks?|killing|assassination|bombing|raids?|seizure|"
    r"swap|exchange|release|capture|detention|talks|meeting|call|visit|sanctions|ceasefire|truce|letter|message|"
    r"signing|takeover|invasion|address|speech|announcement|offer)\b",
    re.IGNORECASE,
)
"""'Overnight after the strike, Iran summoned ...': an event named by a bare noun,
told before, after which the clause's event came."""

NOUN_SUBTYPE = {
    "killing": "assassination",
    "assassination": "assassination",
    "swap": "prisoner swap",
    "capture": "seizure",
    "detention": "seizure",
    "seizure": "seizure",
    "takeover": "seizure",
}

NOUN_CATEGORY = {
    "strike": "strike",
    "strikes": "strike",
    "attack": "strike",
    "attacks": "strike",
    "killing": "strike",
    "assassination": "strike",
    "bombing": "strike",
    "raid": "strike",
    "raids": "strike",
    "seizure": "other",
    "capture": "other",
    "detention": "other",
    "release": "other",
    "swap": "deal",
    "exchange": "deal",
    "ceasefire": "deal",
    "truce": "deal",
    "talks": "talks",
    "meeting": "talks",
    "call": "talks",
    "visit": "visit",
    "sanctions": "sanction",
    "letter": "message",
    "message": "message",
    "signing": "deal",
    "takeover": "other",
    "invasion": "strike",
    "address": "statement",
    "speech": "statement",
    "announcement": "statement",
    "offer": "statement",
}


_WITHIN_A_DAY = ("overnight", "hours", "immediately")


def after_named(
    named: re.Match[str], lead_in: str, earlier: Sequence[Told], published: date | None
) -> DateSpan | None:
    """When what a clause tells came, given a :data:`NOUN_REFERENCE` match in it and
    ``lead_in``, the clause up to that match: after the event the noun names (to
    publication; to the end of its month "shortly after"; by the next day
    "overnight" or "hours after"), "the day after" or "two weeks after" it, or on
    its day "during" it. ``earlier`` runs from the latest event back."""
    noun = named["noun"].lower()
    category = NOUN_CATEGORY[noun]
    how = named["how"].lower()
    # "three days after the bombing": the count may be the words the match starts with
    lead = lead_in + named.string[named.start() : named.start("how")]
    if how == "before" or how.endswith("eve of"):
        # "two days before the signing", "on the eve of the signing": counted back from
        # the event's first day; a plain "before" says only that it came earlier.
        chosen = _referred(category, NOUN_SUBTYPE.get(noun), earlier)
        if chosen is None or chosen.span is None:
            return None
        first = day_span(chosen.span.start)
        if how != "before":
            return day_span(shifted(first.start, -1))
        if (named["soon"] or "").lower() == "hours":
            return first
        return offset_span(lead, first, -1)
    after = after_reference(
        category, NOUN_SUBTYPE.get(noun), earlier, published, named["soon"] is not None
    )
    if after is None:
        return None
    if how == "during":
        # "During that meeting, Abe relayed a message": the meeting's day
        during = _referred(category, None, earlier)
        after = during.span if during is not None and during.span is not None else after
    counted = offset_span(lead, day_span(after.start), 1)
    if counted is not None:
        return counted  # "The day after the capture", "two weeks after the strike"
    if (named["soon"] or "").lower() in _WITHIN_A_DAY:
        return DateSpan(after.start, min(after.end, after.start + timedelta(1)), "range")
    return after
