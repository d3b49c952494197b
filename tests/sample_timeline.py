"""A small timeline with strikes, back-channel contacts and every date precision.

Shared by the export and analysis tests (their conftest files wrap :func:`load_sample`
in a ``sample_db`` fixture)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

US, IRAN = "United States", "Iran"


def ev(
    uid: str,
    start: str,
    end: str,
    precision: str,
    category: str,
    intensity: float,
    summary: str,
    actors: list[tuple[str, str]],
    sources: list[tuple[str, str]] = (),  # type: ignore[assignment]
    status: str = "confirmed",
    **extra: Any,
) -> dict[str, Any]:
    direction = "escalation" if intensity < 0 else "de-escalation" if intensity > 0 else "neutral"
    return {
        "id": uid,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "category": category,
        "summary": summary,
        "direction": direction,
        "intensity": intensity,
        "status": status,
        "actors": [{"name": n, "role": r} for n, r in actors],
        "sources": [{"document": d, "start": 0, "end": len(q), "quote": q} for d, q in sources],
        "created_at": "2026-01-01T00:00:00+00:00",
        "updated_at": "2026-01-02T03:04:05+00:00",
        **extra,
    }


EVENTS = [
    ev(
        "jcpoa",
        "2015-01-01",
        "2015-12-31",
        "year",
        "deal",
        8.0,
        "Nuclear deal agreed",
        [(US, "participant"), (IRAN, "participant")],
    ),
    ev(
        "drone19",
        "2019-06-20",
        "2019-06-20",
        "day",
        "strike",
        -10.0,
        "Iran shoots down a US surveillance drone",
        [(IRAN, "initiator"), (US, "target")],
        [("doc-a", "The Revolutionary Guard shot down an American Global Hawk over the Strait")],
        subtype="surface-to-air missile",
        location="Strait of Hormuz",
    ),
    ev(
        "swiss19",
        "2019-06-24",
        "2019-06-24",
        "day",
        "message",
        1.0,
        "Washington passes a message to Tehran",
        [(US, "initiator"), (IRAN, "target"), ("Switzerland", "intermediary")],
        [("doc-b", "a message passed through the Swiss embassy, officials said")],
    ),
    ev(
        "q3stmt",
        "2019-07-01",
        "2019-09-30",
        "quarter",
        "statement",
        0.0,
        "Statements, third quarter",
        [(IRAN, "initiator")],
    ),
    ev(
        "sanct19",
        "2019-09-01",
        "2019-09-30",
        "month",
        "sanction",
        -8.0,
        "Sanctions on the central bank",
        [(US, "initiator"), (IRAN, "target")],
    ),
    ev(
        "soleimani",
        "2020-01-03",
        "2020-01-03",
        "day",
        "strike",
        -10.0,
        "US drone strike kills Qassem Soleimani, in Baghdad",
        [(US, "initiator"), (IRAN, "target")],
        [("doc-a", "a drone strike near Baghdad airport killed the commander")],
        subtype="drone strike",
        location="Baghdad",
    ),
    ev(
        "swiss20",
        "2020-01-04",
        "2020-01-05",
        "range",
        "message",
        1.0,
        "Messages through the Swiss channel",
        [(US, "initiator"), (IRAN, "target"), ("Switzerland", "intermediary")],
    ),
    ev(
        "asad",
        "2020-01-08",
        "2020-01-08",
        "day",
        "strike",
        -10.0,
        "Iran fires ballistic missiles at Ain al-Asad",
        [(IRAN, "initiator"), (US, "target")],
        [("doc-c", "ballistic missiles struck the Ain al-Asad base")],
        subtype="missile",
    ),
    ev(
        "emir",
        "2020-01-12",
        "2020-01-12",
        "day",
        "visit",
        1.9,
        "The Emir of Qatar visits Tehran",
        [(IRAN, "target"), ("Qatar", "intermediary")],
    ),
    ev(
        "rejected",
        "2020-03-01",
        "2020-03-31",
        "month",
        "strike",
        -10.0,
        "A strike that did not happen",
        [(US, "initiator")],
        status="rejected",
    ),
    ev(
        "doha",
        "2023-08-14",
        "2023-08-20",
        "week",
        "talks",
        7.0,
        "Indirect talks in Doha on a prisoner exchange",
        [(US, "participant"), (IRAN, "participant"), ("Qatar", "intermediary")],
        status="candidate",
    ),
    ev(
        "swap",
        "2023-09-18",
        "2023-09-18",
        "day",
        "deal",
        8.0,
        "Prisoner swap completed",
        [(US, "participant"), (IRAN, "participant"), ("Qatar", "intermediary")],
    ),
    ev(
        "tower22",
        "2024-02-02",
        "2024-02-02",
        "day",
        "strike",
        -10.0,
        "US strikes in Iraq and Syria",
        [(US, "initiator"), (IRAN, "target")],
    ),
]

DOCUMENTS = (
    "document,title,publisher,author,published,url\n"
    "doc-a,Drones,The Daily,,2020-01-04,https://example.org/a\n"
    "doc-b,Messages,Wire Service,,2019-06-25,\n"
    "doc-c,Missiles,,,2020-01-09,\n"
)

DOC_TEXT = {
    "doc-a": "Long article text about the drone and the Global Hawk.",
    "doc-b": "Officials described a diplomatic note carried by Swiss diplomats.",
    "doc-c": "Missiles struck the base; nobody was killed.",
}


def load_sample(url: str, tmp_path: Path) -> str:
    """Import the sample into the initialised database at ``url``."""
    from timeline.db import Database
    from timeline.io.interchange import import_file
    from timeline.models import Document

    path = tmp_path / "sample.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in EVENTS) + "\n", encoding="utf-8")
    docs = tmp_path / "sources.csv"
    docs.write_text(DOCUMENTS, encoding="utf-8")
    database = Database(url)
    import_file(database, path, documents=docs)
    with database.session() as session:
        for doc_id, text in DOC_TEXT.items():
            doc = session.get(Document, doc_id)
            assert doc is not None
            doc.text = text
    database.dispose()
    return url
