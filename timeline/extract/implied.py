"""Dates a text implies without a calendar expression: the term of a named
administration or presidency.

"under the Obama administration" or "during Rouhani's presidency" is the
president's term (``data/administrations.csv``); these read as temporal
adverbials and take part in dating like the tagger's expressions. An event
done by "the administration" with no other date happened during the term of
the administration in office when the article was published.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from timeline.dates import DateSpan
from timeline.extract.gazetteer import DATA_DIR, trie_pattern
from timeline.extract.temporal import TimeExpression


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    country: str
    start: date
    end: date


@dataclass(frozen=True)
class Terms:
    by_name: dict[str, list[Term]]
    pattern: re.Pattern[str]
    incumbent_pattern: re.Pattern[str]

    def term(self, name: str, published: date | None) -> Term | None:
        """The term of ``name`` (the latest begun by ``published`` when there are two)."""
        terms = self.by_name.get(name.lower(), [])
        if published is not None:
            begun = [t for t in terms if t.start <= published]
            terms = begun or terms
        return terms[-1] if terms else None

    def incumbent(self, country: str, published: date) -> Term | None:
        return next(
            (
                t
                for ts in self.by_name.values()
                for t in ts
                if t.country == country and t.start <= published < t.end
            ),
            None,
        )


@cache
def load_terms(data_dir: Path = DATA_DIR) -> Terms:
    by_name: dict[str, list[Term]] = {}
    with (data_dir / "administrations.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            term = Term(
                row["name"],
                row["country"],
                date.fromisoformat(row["start"]),
                date.fromisoformat(row["end"]),
            )
            for form in (row["name"], *row["aliases"].split(";")):
                if form.strip():
                    forms = by_name.setdefault(form.strip().lower(), [])
                    if term not in forms:
                        forms.append(term)
    for terms in by_name.values():
        terms.sort(key=lambda t: t.start)
    names = trie_pattern(list(by_name))
    pattern = re.compile(
        r"\b(?i:under|during|in|throughout|since)\s+(?:(?i:the)\s+)?(?:President\s+)?"
        rf"(?P<name>{names})(?:['’]s)?"
        r"(?:\s+(?P<noun>(?i:administration|presidency|government|era|years|tenure)))?(?!\w)",
        re.IGNORECASE,
    )
    incumbent = re.compile(r"\b(?:the|this)\s+(?:(?P<name>[A-Z][\w.]*)\s+)?administration\b", re.I)
    return Terms(by_name, pattern, incumbent)


def implied_dates(text: str, published: date | None = None) -> list[TimeExpression]:
    """Presidential terms named as times ("under the Trump administration"), as
    expressions of the date tagger's kind (precision ``range``)."""
    terms = load_terms()
    found = []
    for m in terms.pattern.finditer(text):
        if not m["name"][0].isupper():
            continue
        if m["noun"] is None and not re.match(r"(?i:under|during|throughout)", m[0]):
            continue  # "in Obama" is no time; "under Obama" is
        term = terms.term(m["name"], published)
        if term is None or (published is not None and term.start > published):
            continue
        end = term.end
        if m[0][:5].lower() == "since":  # "since the Obama administration": to this day
            end = published or term.end
        found.append(
            TimeExpression(
                m.start(),
                m.end(),
                m[0],
                "DATE",
                f"{term.start.isoformat()}/{end.isoformat()}",
                term.start,
                end,
                "range",
            )
        )
    return found


def administration_of(text: str, start: int, end: int, published: date | None) -> DateSpan | None:
    """The term of the administration that acts in ``text[start:end]`` ("the Trump
    administration imposed", "the administration's campaign"); a bare "the
    administration" is the U.S. one in office at publication."""
    if published is None:
        return None
    terms = load_terms()
    for m in terms.incumbent_pattern.finditer(text, start, end):
        name = m["name"]
        if name is None:
            term = terms.incumbent("United States", published)
        else:
            term = terms.term(name, published)
        if term is not None and term.start <= published:
            return DateSpan(term.start, term.end, "range")
    return None
