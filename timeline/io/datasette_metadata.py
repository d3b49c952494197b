"""The ``metadata.json`` (or ``.yml``) that tells Datasette how to show the export."""

from __future__ import annotations

from typing import Any

from timeline.io.datasette_sql import QUERIES

TITLE = "US-Iran escalation and de-escalation timeline"

EVENT_COLUMNS = {
    "id": "Stable event id (the same as in `timeline show ID` and the jsonl export).",
    "date": "The date as known, compactly: 2020-01-03, 2019-05 (a month), 2019-Q3, "
    "2020-01-21..22 (a range).",
    "date_start": "First day the event may have happened (ISO date).",
    "date_end": "Last day the event may have happened (ISO date); equals date_start for a day.",
    "date_precision": "How precisely the date is known: day, week, month, season, quarter, "
    "year, decade or range.",
    "date_text": "The date as the source worded it.",
    "category": "strike, visit, message, talks, deal, sanction, statement or other.",
    "subtype": "A finer kind, e.g. drone strike.",
    "summary": "What happened, in a sentence.",
    "location": "Where it happened.",
    "direction": "escalation, de-escalation or neutral.",
    "intensity": "Goldstein scale, -10 (most hostile) to +10 (most cooperative).",
    "cameo_code": "CAMEO event code.",
    "status": "confirmed or candidate (rejected candidates are not exported).",
    "confidence": "Curator or extractor confidence, 0 to 1.",
    "actors": "Every actor of the event, as a JSON array of names (facet on it).",
    "actors_text": "The actors readably: initiators > targets via intermediaries + others.",
    "initiators": "Who acted, as a JSON array.",
    "initiators_text": "Who acted, comma separated.",
    "targets": "Who was acted upon, as a JSON array.",
    "targets_text": "Who was acted upon, comma separated.",
    "intermediaries": "Channels the contact went through (e.g. Switzerland), as a JSON array.",
    "intermediaries_text": "Channels, comma separated.",
    "sources": "Number of source mentions (see the mentions table).",
    "quotes": "The quoted passages of the sources, one a line (searchable).",
    "created_at": "When the event entered the timeline (UTC).",
    "updated_at": "When it was last changed (UTC).",
}


def build_metadata(
    database_name: str,
    counts: dict[str, int],
    exported_at: str,
    source: str | None = None,
    license_note: str | None = None,
) -> dict[str, Any]:
    """Datasette metadata for the export database named ``database_name`` (the file stem)."""
    description = (
        f"A dated, sourced timeline of US-Iran escalation and de-escalation events: "
        f"{counts.get('events', 0)} events, {counts.get('actors', 0)} actors, "
        f"{counts.get('documents', 0)} source documents. Exported {exported_at}. "
        "Start with the events table, the escalation_by_month and responses views, or the "
        "canned queries below."
    )
    return {
        "title": TITLE,
        "description": description,
        "source": source
        or "Curated with timeline from the documents listed in the documents table; every "
        "event links to the quoted passages behind it (mentions).",
        "license": license_note
        or "Document texts and quotes remain under their publishers' terms; check the "
        "documents table before republishing them.",
        "databases": {
            database_name: {
                "description": description,
                "tables": {
                    "events": {
                        "description": "One row per event, flat: actors as JSON arrays "
                        "(for facets) and as readable text. Rejected candidates are left out.",
                        "sort": "date_start",
                        "label_column": "summary",
                        "facets": [
                            "category",
                            "direction",
                            "date_precision",
                            {"array": "actors"},
                            {"date": "date_start"},
                        ],
                        "columns": EVENT_COLUMNS,
                    },
                    "actors": {
                        "description": "States, organisations, armed groups and people.",
                        "label_column": "name",
                        "sort": "name",
                        "columns": {
                            "kind": "state, organization, armed_group or person.",
                            "aliases": "Other names, as a JSON array.",
                        },
                    },
                    "event_actors": {
                        "description": "Who took part in each event and in what role.",
                        "facets": ["role"],
                        "columns": {
                            "role": "initiator, target, intermediary or participant.",
                        },
                    },
                    "documents": {
                        "description": "The source documents, with their text (searchable).",
                        "label_column": "title",
                        "sort": "published",
                        "columns": {
                            "published": "Publication date (first day when only the month "
                            "or year is known).",
                            "published_precision": "How precisely the publication date is known.",
                            "text": "The document text, when it was kept.",
                        },
                    },
                    "mentions": {
                        "description": "The passages of documents that report an event.",
                        "columns": {
                            "char_start": "Start of the passage in the document text "
                            "(character offset).",
                            "char_end": "End of the passage (exclusive).",
                            "quote": "The passage.",
                        },
                    },
                    "escalation_by_month": {
                        "description": "Events and summed intensity per month, by "
                        "direction; net_intensity below zero means a hostile month.",
                    },
                    "responses": {
                        "description": "Each escalation with the de-escalation contacts "
                        "(messages, visits, talks, deals) that started within 14 days "
                        "after it, their lag in days and intermediaries. Escalations "
                        "without a contact keep one row with empty contact columns.",
                    },
                },
                "queries": QUERIES,
            }
        },
    }
