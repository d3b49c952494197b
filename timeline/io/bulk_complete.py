"""A parsed batch of the bulk import made complete against what the database holds.

Parsing (:mod:`timeline.io.bulk_parse`) knows nothing of the database;
:class:`BatchCompleter` gives each event the file gave no id a new one, resolves
actor names to actors (created when new), takes quotes from the documents' text
where a source gave only a span, and picks out the documents this import has not
written yet. What it looked up stays in caches for the whole import, until a
rollback (:meth:`BatchCompleter.forget`).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from timeline.events import UID_ALPHABET
from timeline.query import actor_match, actor_params

if TYPE_CHECKING:
    from timeline.io.bulk_parse import Rows
    from timeline.raw_transaction import RawTransaction

MAX_DOCUMENTS = 200_000
"""Document ids remembered as written, at most (a set of about 20 MB)."""


class BatchCompleter:
    """The rows of batches as inserted, inside one raw transaction."""

    def __init__(self, tx: RawTransaction, stamp: str) -> None:
        self.tx = tx
        self.stamp = stamp
        self.actors: dict[str, tuple[int, str]] = {}
        self.actor_ids: dict[str, int] = {}
        """Actor ids by the names as given (the fast lookup before :meth:`actor`)."""
        self.text_docs: dict[str, str | None] = {}
        self.documents: set[str] = set()
        """Documents this import has written (cleared when it grows large)."""

    def actor(self, name: str) -> tuple[int, str]:
        key = name.strip().lower()
        found = self.actors.get(key)
        if found is None:
            raw, low, alias = actor_params(name)
            rows = self.tx.execute(
                f"SELECT id, name FROM actors WHERE {actor_match('?', '?', '?')} "
                "ORDER BY (name = ?) DESC, (lower(name) = ?) DESC, id LIMIT 1",
                (raw, low, alias, raw, low),
            )
            if rows:
                found = (int(rows[0][0]), str(rows[0][1]))
            else:
                rows = self.tx.execute(
                    "INSERT INTO actors (name, kind, aliases) VALUES (?, 'state', '[]') "
                    "RETURNING id",
                    (name.strip(),),
                )
                found = (int(rows[0][0]), name.strip())
            self.actors[key] = found
        self.actor_ids[name] = found[0]
        return found

    def quote(self, document: str, start: int | None, end: int | None, quote: Any) -> Any:
        """The quote as the hand path stores it: from the document text when not given."""
        if quote is not None or start is None or end is None:
            return quote
        if document not in self.text_docs:
            if len(self.text_docs) > 50_000:
                self.text_docs.clear()
            rows = self.tx.execute("SELECT text FROM documents WHERE id = ?", (document,))
            self.text_docs[document] = rows[0][0] if rows else None
        text = self.text_docs[document]
        return (text[start:end] or None) if text else None

    def new_uid(self) -> str:
        while True:
            uid = "".join(secrets.choice(UID_ALPHABET) for _ in range(8))
            if not self.tx.execute(
                "SELECT 1 FROM events WHERE uid = ? UNION ALL SELECT 1 FROM changes "
                "WHERE event_uid = ?",
                (uid, uid),
            ):
                return uid

    def forget(self) -> None:
        """After a rollback: what the caches say was written may be gone."""
        self.actors.clear()
        self.actor_ids.clear()
        self.documents.clear()

    def complete(self, rows: Rows) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
        """Events, documents, actor links and mentions of a batch, as inserted:
        uids made up where none was given, actor names resolved, quotes taken
        from the documents' text where only a span was given."""
        events, names, mentions = rows
        missing = [i for i, row in enumerate(events) if row[1] is None]
        if missing:
            events = list(events)
            for i in missing:
                events[i] = (events[i][0], self.new_uid(), *events[i][2:])
        get, actor = self.actor_ids.get, self.actor
        # (the same actor twice in an event, by two of its names: one link)
        actors = list(dict.fromkeys((pk, get(n) or actor(n)[0], role) for pk, n, role in names))
        spans = [i for i, m in enumerate(mentions) if m[4] is None and None not in m[2:4]]
        if spans:
            mentions = list(mentions)
            for i in spans:
                pk, doc, s, e, _, *rest = mentions[i]
                mentions[i] = (pk, doc, s, e, self.quote(doc, s, e, None), *rest)
        if len(self.documents) > MAX_DOCUMENTS:
            self.documents.clear()
        new = {m[1] for m in mentions} - self.documents
        self.documents |= new
        documents = [(doc, self.stamp) for doc in sorted(new)]
        return events, documents, actors, mentions
