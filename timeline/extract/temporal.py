"""The temporal tagger: find dates in news text and resolve them on the publication date.

``tag_dates(text, published)`` returns :class:`TimeExpression` objects with
character offsets, a TIMEX3 type and value, and for dates the span the timeline
stores. The publication date may be a day, a month (``2023-06``), a year or
unknown; without it, relative expressions keep ``X`` placeholders
(``XXXX-XX-XX``) and no span, never a guess from today.

Only ``re`` runs in the hot path: every pattern lives, compiled once, in
:mod:`timeline.extract.temporal_rules`; the resolvers are in
:mod:`timeline.extract.temporal_resolvers`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from timeline.dates import DateSpan, span_from_value
from timeline.errors import InvalidDate, TimelineError
from timeline.extract.temporal_anchor import Context, Resolved, parse_anchor
from timeline.extract.temporal_resolvers import resolve
from timeline.extract.temporal_rules import PRIORITY, RULES
from timeline.extract.temporal_triggers import (
    DIGITS,
    NUMBER_TRIGGERS,
    TRIGGER_WORD,
    TRIGGER_WORDS,
    TRIGGERS,
    WINDOW,
    number_kind,
)


class DocumentError(TimelineError):
    """A document or manifest that cannot be read."""


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression found in a text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: date | None = None
    date_end: date | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values (dates as ISO strings)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "precision": self.precision,
        }

    @property
    def span(self) -> DateSpan | None:
        if self.date_start is None or self.date_end is None or self.precision is None:
            return None
        return DateSpan(self.date_start, self.date_end, self.precision)


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the merged text windows around its trigger tokens.

    The distinct words of the document are intersected with the trigger words at C
    speed; only the words present are then located, with ``str.find``."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters ("İ") lower-case to two
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    size = len(lower)
    hits: list[tuple[int, int, tuple[str, ...]]] = []
    for word in TRIGGER_WORDS.intersection(TRIGGER_WORD.findall(lower)):
        rules = TRIGGERS[word]
        i = lower.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not lower[i - 1].isalpha()) and (j == size or not lower[j].isalpha()):
                hits.append((i, j, rules))
            i = lower.find(word, j)
    for m in DIGITS.finditer(text):
        kind = number_kind(text, m.start(), m.end())
        if kind is not None:
            hits.append((m.start(), m.end(), NUMBER_TRIGGERS[kind]))
    hits.sort()
    spans: dict[str, list[tuple[int, int]]] = {}
    for start, end, rules in hits:
        lo, hi = max(0, start - WINDOW), min(size, end + WINDOW)
        for rule in rules:
            windows = spans.setdefault(rule, [])
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
            else:
                windows.append((lo, hi))
    return spans


def _candidates(text: str, full_scan: bool = False) -> list[tuple[int, int, int, str, Any]]:
    """Every match of every rule, sorted leftmost-longest first. ``full_scan`` runs
    the rules over the whole text instead of the trigger windows (for tests)."""
    found = []
    seen: set[tuple[int, int, str]] = set()
    windows = {} if full_scan else _windows(text)
    for name, pattern in RULES:
        rank = PRIORITY[name]
        for lo, hi in [(0, len(text))] if full_scan else windows.get(name, ()):
            for m in pattern.finditer(text, lo, hi):
                start, end = m.span()
                # Leading whitespace can be matched by optional prefixes; trim it.
                while start < end and text[start].isspace():
                    start += 1
                if start < end and (start, end, name) not in seen:
                    seen.add((start, end, name))
                    found.append((start, end, rank, name, m))
    found.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))
    return found


def _span_of(resolved: Resolved) -> DateSpan | None:
    if resolved.span is not None:
        return resolved.span
    if resolved.type not in ("DATE", "TIME"):
        return None
    value = resolved.value.split("T", 1)[0] if resolved.type == "TIME" else resolved.value
    try:
        return span_from_value(value)
    except (InvalidDate, ValueError, OverflowError):
        return None


def tag_dates(
    text: str, published: str | date | None = None, *, full_scan: bool = False
) -> list[TimeExpression]:
    """Every temporal expression of ``text``, resolved against ``published``.

    ``full_scan`` (slow, for tests) skips the trigger-word prefilter."""
    ctx = Context(text, parse_anchor(published))
    result: list[TimeExpression] = []
    taken_end = -1
    for start, end, _rank, name, m in _candidates(text, full_scan):
        if start < taken_end:
            continue
        try:
            resolved = resolve(name, m, ctx, start, end)
        except (ValueError, OverflowError, InvalidDate):
            resolved = None
        if resolved is None:
            continue
        start, end = resolved.start if resolved.start is not None else start, end
        span = _span_of(resolved)
        result.append(
            TimeExpression(
                start,
                end,
                text[start:end],
                resolved.type,
                resolved.value,
                span.start if span else None,
                span.end if span else None,
                span.precision if span else None,
            )
        )
        ctx.remember(name, span, start)
        taken_end = end
    return _merge_times(text, result)


_CLOCK_GLUE = re.compile(r"(?:\s*,?\s*(?:[A-Z]{2,4}T|on)?\s*,?\s*)")


def _merge_times(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """Join a clock time and the day right after it (``10 p.m. Wednesday``) into one TIME."""
    merged: list[TimeExpression] = []
    i = 0
    while i < len(expressions):
        here = expressions[i]
        after = expressions[i + 1] if i + 1 < len(expressions) else None
        if (
            after is not None
            and here.type == "TIME"
            and after.type == "DATE"
            and after.precision == "day"
            and "T" in here.value
            and _CLOCK_GLUE.fullmatch(text, here.end, after.start)
        ):
            clock = here.value.split("T", 1)[1]
            merged.append(
                replace(
                    after,
                    start=here.start,
                    text=text[here.start : after.end],
                    type="TIME",
                    value=f"{after.value}T{clock}",
                )
            )
            i += 2
            continue
        merged.append(here)
        i += 1
    return merged


# --------------------------------------------------------------------------
# Files and manifests


def read_manifest(path: Path) -> dict[str, str]:
    """``document`` -> ``published`` from a CSV manifest (as ``sources.csv``)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            missing = [c for c in ("document", "published") if c not in columns]
            if missing:
                raise DocumentError(
                    f"manifest {path} lacks the column(s) {', '.join(missing)}; "
                    "it needs a header with 'document' and 'published'"
                )
            return {
                (row.get("document") or "").strip(): (row.get("published") or "").strip()
                for row in reader
            }
    except FileNotFoundError:
        raise DocumentError(f"manifest {path} does not exist; check the path") from None
    except UnicodeDecodeError:
        raise DocumentError(f"manifest {path} is not UTF-8 text; save it as UTF-8") from None


def read_document(path: Path) -> str:
    """The text of a UTF-8 document, with a clear error if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DocumentError(f"file {path} does not exist; check the path") from None
    except IsADirectoryError:
        raise DocumentError(f"{path} is a directory; give text files") from None
    except UnicodeDecodeError:
        raise DocumentError(f"file {path} is not UTF-8 text; convert it to UTF-8") from None


def tag_files(
    paths: Iterable[Path],
    published: str | date | None = None,
    manifest: Path | None = None,
) -> list[tuple[str, TimeExpression]]:
    """Tag each file; the publication date comes from ``published`` or the manifest
    row whose ``document`` is the file name without extension."""
    if published is not None and manifest is not None:
        raise DocumentError("give either --published or --manifest, not both")
    parse_anchor(published if isinstance(published, date) else (published or None))
    dates = read_manifest(manifest) if manifest is not None else {}
    tagged: list[tuple[str, TimeExpression]] = []
    for path in paths:
        text = read_document(path)
        anchor = published if manifest is None else (dates.get(path.stem) or None)
        try:
            expressions = tag_dates(text, anchor)
        except InvalidDate as err:
            raise DocumentError(f"{path.stem}: {err}") from None
        tagged.extend((path.stem, expression) for expression in expressions)
    return tagged
