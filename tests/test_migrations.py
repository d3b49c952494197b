"""Alembic is the only thing that changes the schema: test it as such."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory

from timeline.db import HEAD, KNOWN_REVISIONS, Database
from timeline.migrate import alembic_config, downgrade, init_database

EXPECTED_COLUMNS = {
    "actors": ["id", "name", "kind", "country", "aliases"],
    "changes": ["id", "event_uid", "action", "before", "after", "at", "author", "note"],
    "documents": [
        "id",
        "title",
        "publisher",
        "author",
        "url",
        "published",
        "published_precision",
        "content_hash",
        "text",
        "created_at",
    ],
    "event_actors": ["id", "event_id", "actor_id", "role"],
    "events": [
        "id",
        "uid",
        "date_start",
        "date_end",
        "date_precision",
        "date_text",
        "span_days",
        "category",
        "subtype",
        "summary",
        "location",
        "direction",
        "intensity",
        "cameo_code",
        "status",
        "confidence",
        "created_at",
        "updated_at",
    ],
    "findings": [
        "id",
        "document_id",
        "char_start",
        "char_end",
        "quote",
        "category",
        "cameo_code",
        "subtype",
        "actors",
        "modality",
        "reason",
        "date_text",
        "date_start",
        "date_end",
        "date_precision",
        "extractor",
        "extractor_version",
        "confidence",
        "created_at",
    ],
    "mentions": [
        "id",
        "event_id",
        "document_id",
        "char_start",
        "char_end",
        "quote",
        "extractor",
        "extractor_version",
        "confidence",
        "created_at",
    ],
}

EXPECTED_INDEXES = {
    "changes": {"ix_changes_event_uid"},
    "event_actors": {"ix_event_actors_actor_id_role"},
    "events": {
        "ix_events_category_date_start",
        "ix_events_date_start_date_end",
        "ix_events_status",
        "ix_events_date_precision_span_days",
        "ix_events_date_precision_date_start",
        "ix_events_date_precision_category_date_start",
    },
    "mentions": {"ix_mentions_document_id", "ix_mentions_event_id"},
    "findings": {"ix_findings_document_id"},
}


def test_one_head_and_known_revisions_in_step() -> None:
    database = Database(":memory:")
    scripts = ScriptDirectory.from_config(alembic_config(database))
    assert scripts.get_heads() == [HEAD]
    walked = [s.revision for s in scripts.walk_revisions("base", "heads")]
    assert tuple(reversed(walked)) == KNOWN_REVISIONS


def test_upgrade_from_empty_gives_the_exact_schema(empty_db: str) -> None:
    import sqlalchemy as sa

    assert init_database(empty_db) == HEAD
    database = Database(empty_db)
    inspector = sa.inspect(database.engine)
    tables = set(inspector.get_table_names()) - {"alembic_version"}
    assert tables == set(EXPECTED_COLUMNS)
    for table, columns in EXPECTED_COLUMNS.items():
        assert [c["name"] for c in inspector.get_columns(table)] == columns, table
    for table, indexes in EXPECTED_INDEXES.items():
        found = {
            i["name"] for i in inspector.get_indexes(table) if not i.get("duplicates_constraint")
        }
        assert found == indexes, table
    fks = {fk["name"] for fk in inspector.get_foreign_keys("mentions")}
    assert fks == {"fk_mentions_event_id_events", "fk_mentions_document_id_documents"}
    database.dispose()


def test_init_is_idempotent(empty_db: str) -> None:
    assert init_database(empty_db) == HEAD
    assert init_database(empty_db) == HEAD


def test_downgrade_to_base_removes_everything(empty_db: str) -> None:
    init_database(empty_db)
    assert downgrade(empty_db, "base") == "base"
    database = Database(empty_db)
    assert set(database.table_names()) - {"alembic_version"} == set()
    database.dispose()
    assert init_database(empty_db) == HEAD


def test_models_match_migrations(db: str) -> None:
    database = Database(db)
    with database.connect() as conn:
        command.check(alembic_config(database, conn))
    database.dispose()


def test_bulk_import_writes_every_events_column() -> None:
    """The bulk path names the columns itself (positional inserts): keep it in step."""
    from timeline.io.bulk import EVENT_COLUMNS

    assert list(EVENT_COLUMNS) == EXPECTED_COLUMNS["events"]
