"""Sentences, clauses and quoted passages of a text, as character spans."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:U\.S|U\.N|U\.K|E\.U|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs|etc|Inc|Co|Lt|Col|Maj|Capt|Gov|Amb|Adm|Cmdr|Sgt|Brig|Pres|Prof|Rev|Jr|Sr|Ft)\.|\b[A-Z]\.)$"
)
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s+(?=(?:but|while|whereas|although|though|and\s+(?:then\s+)?(?:the|a|an|Iran|U\.S\.|[A-Z]\w+\s+\w+ed)|after|before|when|which|who)\b)"
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if _ABBREVIATIONS.search(text[max(start, m.start() - 6) : m.start()]):
            continue
        if text[start : m.start()].strip():
            spans.append(Span(start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(Span(start, len(text)))
    return [_strip(text, s) for s in spans]


def _strip(text: str, span: Span) -> Span:
    chunk = text[span.start : span.end]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    return Span(span.start + left, span.start + right)


def clauses(text: str, sentence: Span) -> list[Span]:
    chunk = text[sentence.start : sentence.end]
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(chunk):
        out.append(Span(sentence.start + start, sentence.start + m.start()))
        start = m.end()
    out.append(Span(sentence.start + start, sentence.end))
    return [s for s in out if s.end > s.start]


_QUOTE_OPEN = {"“": "”", '"': '"'}


_QUOTE_MARKS = re.compile('[“”"\n]')


def quotations(text: str) -> list[tuple[int, int]]:
    """The quoted passages of a text as (start, end) offsets, inside the marks. A
    quotation left open ends with its paragraph (line)."""
    spans: list[tuple[int, int]] = []
    closing: str | None = None
    start = 0
    for mark in _QUOTE_MARKS.finditer(text):
        char, i = mark.group(), mark.start()
        if closing is None:
            if char in _QUOTE_OPEN:
                closing, start = _QUOTE_OPEN[char], i + 1
        elif char == closing or char == "\n" or (closing == '"' and char == "”"):
            spans.append((start, i))
            closing = None
    if closing is not None:
        spans.append((start, len(text)))
    return spans


def quoted_at(spans: Sequence[tuple[int, int]], position: int) -> tuple[int, int] | None:
    index = bisect.bisect_right(spans, (position, 1 << 62)) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return None
