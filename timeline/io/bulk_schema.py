"""What the bulk import does to the schema around its batches, on SQLite and PostgreSQL.

* Event ids start past the largest one stored and past the id sequence's last
  (:func:`first_event_id`).
* Into an empty database, the secondary indexes (and on PostgreSQL the foreign
  keys of the tables written) are dropped before the load and created again
  after it, inside the import's transaction (:func:`drop_indexes_if_empty`,
  :func:`rebuild_indexes`).
* On PostgreSQL the id sequence is moved past the explicit ids
  (:func:`advance_sequence`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.raw_transaction import RawTransaction

INDEXED_TABLES = ("events", "event_actors", "mentions", "changes")
SORT_THREADS = 2
"""SQLite helper threads for the index sorts after a load (two cores measured)."""
SORT_RUN_KB = 2000
"""SQLite page cache while the indexes are built, which is also the size of
each sorted run the helper threads make (smaller or larger runs measured slower)."""


def first_event_id(tx: RawTransaction) -> int:
    """The id of the import's first event: past the largest id stored and past the
    last one the id sequence gave."""
    first = tx.execute("SELECT max(id) FROM events")[0][0] or 0
    if tx.is_sqlite:
        seq = tx.execute("SELECT seq FROM sqlite_sequence WHERE name = 'events'")
    else:
        seq = tx.execute(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM "
            + str(tx.execute("SELECT pg_get_serial_sequence('events', 'id')")[0][0])
        )
    if seq and seq[0][0] is not None:
        first = max(first, int(seq[0][0]))
    return first + 1


def drop_indexes_if_empty(tx: RawTransaction) -> list[str]:
    """Into an empty database, build the secondary indexes once at the end: the
    statements that create again what was dropped (none if there are events).

    Dropped and created again (the same statements) inside the import's
    transaction, so the schema afterwards is the migrated one and a killed
    import leaves them all in place. On PostgreSQL the foreign keys of the
    tables written go the same way.
    """
    dropped: list[str] = []
    if tx.execute("SELECT 1 FROM events LIMIT 1"):
        return dropped
    if tx.is_sqlite:
        marks = ", ".join("?" for _ in INDEXED_TABLES)
        found = tx.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})",
            INDEXED_TABLES,
        )
    else:  # indexes of constraints (primary and unique keys) stay
        found = tx.execute(
            "SELECT indexname, indexdef FROM pg_indexes i "
            "WHERE schemaname = current_schema() AND tablename = ANY(?) AND NOT EXISTS ("
            "SELECT 1 FROM pg_constraint c WHERE c.conindid = "
            "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)",
            (list(INDEXED_TABLES),),
        )
    for name, sql in found:  # (each index is faster built after the load)
        tx.execute(f'DROP INDEX "{name}"')
        dropped.append(sql)
    if not tx.is_sqlite:
        # The server checks a foreign key row by row (a trigger each); added
        # back after the load, each is checked by one join. (SQLite's are
        # off for the import: it writes the rows they refer to itself.)
        for table, name, definition in tx.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND connamespace = current_schema()::regnamespace "
            "AND conrelid::regclass::text = ANY(?) ORDER BY conname",
            (list(INDEXED_TABLES),),
        ):
            tx.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            dropped.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    return dropped


def rebuild_indexes(tx: RawTransaction, dropped: list[str]) -> None:
    """Create the dropped indexes again. SQLite sorts each index's keys with
    helper threads (the parsing worker is done by now, its core is free) in
    runs of the size of a small page cache: sorted and merged in parallel,
    about a third faster than one thread's in-memory sort (13.6 s against
    7.8 to 11.7 s for the then twelve indexes at 1,000,000 events)."""
    if not dropped:
        return
    if tx.is_sqlite:
        cache = tx.execute("PRAGMA cache_size")[0][0]
        tx.execute(f"PRAGMA threads = {SORT_THREADS}")
        tx.execute(f"PRAGMA cache_size = -{SORT_RUN_KB}")
    for sql in dropped:
        tx.execute(sql)
    if tx.is_sqlite:
        tx.execute("PRAGMA threads = 0")
        tx.execute(f"PRAGMA cache_size = {int(cache)}")


def advance_sequence(tx: RawTransaction) -> None:
    """PostgreSQL: explicit ids do not move the id sequence; move it past them."""
    if not tx.is_sqlite:
        tx.execute(
            "SELECT setval(pg_get_serial_sequence('events', 'id'), "
            "greatest((SELECT max(id) FROM events), 1))"
        )
