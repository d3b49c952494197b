"""Read TimeML ``.tml`` files: the creation date, the plain text and the gold TIMEX3.

The text of a document is the content of ``<TEXT>`` with every tag removed and
XML entities decoded; gold offsets count characters of that text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>.*?value\s*=\s*[\"']([^\"']*)[\"'].*?</DCT>", re.S)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)\s*(/?)>")
_ATTR = re.compile(r"([A-Za-z_:]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A gold temporal expression with offsets in the document's plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    name: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]


def parse_timeml(source: str, name: str = "") -> TimeMLDocument:
    """Parse the content of a ``.tml`` file."""
    dct_match = _DCT.search(source)
    dct = dct_match[1] if dct_match else ""
    text_match = _TEXT.search(source)
    body = text_match[1] if text_match else ""
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag, attrs, selfclosing = m[1], m[2], m[3], m[4]
        if tag != "TIMEX3" or selfclosing:
            continue
        if not closing:
            attributes = {key: dq or sq for key, dq, sq in _ATTR.findall(attrs)}
            open_timex.append((length, attributes))
        elif open_timex:
            start, attributes = open_timex.pop()
            found.append((start, length, attributes))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    timexes = [
        GoldTimex(start, end, text[start:end], attrs.get("type", ""), attrs.get("value", ""))
        for start, end, attrs in found
    ]
    timexes.sort(key=lambda t: (t.start, t.end))
    return TimeMLDocument(name, dct, text, tuple(timexes))


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one ``.tml`` file."""
    return parse_timeml(path.read_text(encoding="utf-8"), path.stem)


def read_corpus(directory: Path) -> list[TimeMLDocument]:
    """Every ``.tml`` file of a directory, sorted by name."""
    return [read_timeml(p) for p in sorted(directory.glob("*.tml"))]
