"""The SQL of the Datasette export's views and canned queries.

It follows the rules of :mod:`timeline.analysis` (a contact is a de-escalation
message, visit, talks or deal starting on or after the escalation's first day
and at most N days after its last day; the lag counts from that last day), so
the views and the ``timeline responses`` command agree.
"""

from __future__ import annotations

from timeline.vocab import CONTACT_CATEGORIES

_CONTACTS = ", ".join(f"'{c}'" for c in CONTACT_CATEGORIES)


def responses_sql(days: str, category: str | None = None) -> str:
    """Each escalation with the contacts that followed it within ``days`` (SQL text:
    a number or a parameter such as ``:days``); escalations without one keep a row."""
    where = "e.direction = 'escalation'"
    if category:
        where += f" AND e.category = '{category}'"
    return f"""SELECT
  e.id AS escalation_id,
  e.date AS escalation_date,
  e.category AS escalation_category,
  e.summary AS escalation_summary,
  e.actors_text AS escalation_actors,
  c.id AS contact_id,
  c.date AS contact_date,
  c.category AS contact_category,
  c.summary AS contact_summary,
  CAST(max(0, julianday(c.date_start) - julianday(e.date_end)) AS INTEGER) AS lag_days,
  c.intermediaries AS intermediaries,
  c.intermediaries_text AS intermediaries_text
FROM events e
LEFT JOIN events c
  ON c.direction = 'de-escalation'
  AND c.category IN ({_CONTACTS})
  AND c.date_start >= e.date_start
  AND julianday(c.date_start) - julianday(e.date_end) <= CAST({days} AS INTEGER)
WHERE {where}
ORDER BY e.date_start, e.id, lag_days, c.date_start"""


ESCALATION_BY_MONTH = """SELECT
  substr(date_start, 1, 7) AS month,
  count(*) AS events,
  sum(direction = 'escalation') AS escalation_events,
  sum(direction = 'de-escalation') AS de_escalation_events,
  sum(direction = 'neutral') AS neutral_events,
  round(sum(CASE WHEN direction = 'escalation' THEN intensity ELSE 0 END), 2)
    AS escalation_intensity,
  round(sum(CASE WHEN direction = 'de-escalation' THEN intensity ELSE 0 END), 2)
    AS de_escalation_intensity,
  round(sum(intensity), 2) AS net_intensity
FROM events
GROUP BY month
ORDER BY month"""

VIEWS = {
    "escalation_by_month": ESCALATION_BY_MONTH,
    "responses": responses_sql("14"),
}

EVENTS_BETWEEN = """SELECT id, date, category, direction, intensity, summary, actors_text,
  intermediaries_text, sources
FROM events
WHERE date_end >= :from AND date_start <= :to
ORDER BY date_start, date_end, id"""

CONTACTS_THROUGH = f"""SELECT e.id, e.date, e.category, e.summary, e.actors_text,
  e.intermediaries_text, e.sources
FROM events e
WHERE e.direction = 'de-escalation'
  AND e.category IN ({_CONTACTS})
  AND e.id IN (
    SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    WHERE ea.role = 'intermediary' AND lower(a.name) LIKE '%' || lower(:intermediary) || '%'
  )
ORDER BY e.date_start, e.id"""

QUERIES = {
    "events_between": {
        "title": "Events between two dates",
        "description": "Events overlapping the days from :from to :to (ISO dates, e.g. "
        "2020-01-01 and 2020-01-31).",
        "sql": EVENTS_BETWEEN,
    },
    "contacts_through": {
        "title": "Back-channel contacts through an intermediary",
        "description": "De-escalation messages, visits, talks and deals passed through an "
        "intermediary whose name contains :intermediary (e.g. Switzerland, Oman, Qatar).",
        "sql": CONTACTS_THROUGH,
    },
    "after_strikes": {
        "title": "What followed each strike",
        "description": "Each strike with the de-escalation contacts that started within :days "
        "days after it (lag counted from the strike's last day); strikes without one show "
        "empty contact columns.",
        "sql": responses_sql(":days", "strike"),
    },
}
