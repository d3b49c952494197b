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

from timeline.dates import DateSpan

REFERENCE = re.compile(
    r"\b(?:after|following|since|before|amid|in\s+response\s+to|in\s+retaliation\s+for)"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+['’]s?\s+){0,3}(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


OWN_ACT = re.compile(r"(?i:after|before|since)\s+\w+ing\b")
SOON = re.compile(
    r"\b(?:shortly|soon|immediately|just|right|hours|days|a\s+day|a\s+few\s+days)\s*$", re.I
)


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
    chosen: Told | None = None
    for candidate in earlier:
        if candidate.category != category or candidate.span is None:
            continue
        if candidate.subtype == subtype:
            chosen = candidate
            break
        chosen = chosen or candidate
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
