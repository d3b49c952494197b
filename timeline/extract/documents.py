"""Reading news documents: plain text or HTML, with their metadata.

Everything that can be wrong with an input file is reported as a
:class:`DocumentProblem` naming the file and the fix, so a batch can go on
with the other files.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from timeline.errors import TimelineError

DEFAULT_MAX_BYTES = 5_000_000
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MANIFEST_COLUMNS = ("document", "title", "publisher", "author", "published", "url")


class DocumentProblem(TimelineError):
    """One input document cannot be read; the rest of the batch goes on."""


@dataclass
class SourceDocument:
    """A document ready to store: id, text and what is known about it."""

    id: str
    text: str
    path: Path | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    published_precision: str | None = None
    published_text: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ManifestRow:
    document: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


def read_manifest(path: str | Path) -> dict[str, ManifestRow]:
    """Rows of a manifest CSV (the columns of ``sources.csv``) by document id."""
    path = Path(path)
    if not path.is_file():
        raise TimelineError(f"manifest {path} does not exist; check the --manifest path")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            if "document" not in columns:
                raise TimelineError(
                    f"manifest {path} has no 'document' column; expected the columns "
                    f"{', '.join(MANIFEST_COLUMNS)}"
                )
            rows = {}
            for row in reader:
                doc = (row.get("document") or "").strip()
                if not doc:
                    continue
                values = {k: (row.get(k) or "").strip() or None for k in MANIFEST_COLUMNS[1:]}
                rows[doc] = ManifestRow(doc, **values)
            return rows
    except UnicodeDecodeError:
        raise TimelineError(f"manifest {path} is not UTF-8 text; convert it to UTF-8") from None


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; a directory yields its text and HTML files, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                suffix = child.suffix.lower()
                wanted = suffix in TEXT_SUFFIXES | HTML_SUFFIXES
                if child.is_file() and wanted and not child.name.startswith("."):
                    yield child
        else:
            yield path


def _decode(data: bytes, path: Path) -> tuple[str, str | None]:
    """Text and, when it was not UTF-8, a note naming the encoding found."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise DocumentProblem(
            f"{path}: cannot tell the text encoding; convert it to UTF-8 "
            f"(e.g. iconv -f latin1 -t utf-8 {path.name} > {path.stem}.utf8.txt)"
        )
    return str(best), f"{path}: read as {best.encoding}, not UTF-8"


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" in sample


def read_document(
    path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, doc_id: str | None = None
) -> SourceDocument:
    """Read one file (text or HTML) into a :class:`SourceDocument`."""
    path = Path(path)
    if not path.exists():
        raise DocumentProblem(f"{path}: no such file")
    if path.is_dir():
        raise DocumentProblem(f"{path}: is a directory")
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentProblem(
            f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit; "
            f"raise it with --max-size {size + 1}"
        )
    data = path.read_bytes()
    if not data.strip():
        raise DocumentProblem(f"{path}: is empty")
    if _looks_binary(data):
        raise DocumentProblem(f"{path}: is a binary file, not text or HTML")
    text, note = _decode(data, path)
    doc = SourceDocument(id=doc_id or path.stem, text=text, path=path)
    if note:
        doc.warnings.append(note)
    is_html = path.suffix.lower() in HTML_SUFFIXES or re.match(
        r"\s*(<!doctype html|<html)", text[:500], re.IGNORECASE
    )
    if is_html:
        doc = _from_html(doc)
    doc.text = _normalise(doc.text)
    if not doc.text.strip():
        raise DocumentProblem(f"{path}: holds no readable text")
    if doc.title is None:
        first = doc.text.strip().splitlines()[0].strip()
        if 0 < len(first) <= 200 and not first.endswith("."):
            doc.title = first
    return doc


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _from_html(doc: SourceDocument) -> SourceDocument:
    """Main text, title, author and publication date of an HTML page."""
    import trafilatura
    from htmldate import find_date

    extracted: Any = trafilatura.bare_extraction(doc.text, with_metadata=True, as_dict=False)
    if extracted is None:
        raise DocumentProblem(f"{doc.path}: no article text found in the HTML")
    body = extracted.text or ""
    published = None
    try:
        published = find_date(doc.text, outputformat="%Y-%m-%d", original_date=True)
    except (ValueError, TypeError):
        published = None
    return replace(
        doc,
        text=body,
        title=extracted.title or doc.title,
        author=extracted.author or doc.author,
        publisher=extracted.sitename or doc.publisher,
        url=extracted.url or doc.url,
        published_text=published or doc.published_text,
    )


def apply_metadata(
    doc: SourceDocument,
    row: ManifestRow | None = None,
    published: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> SourceDocument:
    """Manifest values, then explicit options, over what the file itself said."""
    from timeline.date_input import parse_date

    if row is not None:
        doc.title = row.title or doc.title
        doc.publisher = row.publisher or doc.publisher
        doc.author = row.author or doc.author
        doc.url = row.url or doc.url
        doc.published_text = row.published or doc.published_text
    doc.title = title or doc.title
    doc.publisher = publisher or doc.publisher
    doc.url = url or doc.url
    doc.published_text = published or doc.published_text
    if doc.published_text:
        try:
            span = parse_date(doc.published_text)
        except TimelineError as err:
            raise DocumentProblem(f"{doc.path or doc.id}: publication date: {err}") from None
        doc.published, doc.published_precision = span.start, span.precision
    return doc


def anchor_of(doc: SourceDocument) -> str | None:
    """The publication date as the date tagger takes it (day, month or year)."""
    if doc.published is None:
        return None
    if doc.published_precision == "month":
        return doc.published.strftime("%Y-%m")
    if doc.published_precision == "year":
        return str(doc.published.year)
    return doc.published.isoformat()
