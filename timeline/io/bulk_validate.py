"""One record of a bulk import as the rows it writes, validated.

:func:`fast_row` checks the common, already-normal record and builds its rows in one
pass; a record it is in doubt about goes through :func:`validate`, the reference
validator (the one the rest of the program uses), which normalises what it can and
words the message for what it cannot.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from timeline import vocab
from timeline.dates import PRECISION_RANK
from timeline.events import OFFSET_LIMIT, UID_PATTERN
from timeline.query_records import EVENT_FIELDS
from timeline.vocab import CATEGORY_DEFAULTS, DIRECTIONS, ROLES, STATUSES

FIELD_SET = frozenset(EVENT_FIELDS)
UID_MATCH = UID_PATTERN.fullmatch

_DAYS: dict[str, tuple[str, int] | None] = {}
"""'YYYY-MM-DD' strings seen -> (ISO form, ordinal), None if not a day: dates repeat a lot."""
_DAYS_LIMIT = 100_000
_GOLDSTEIN: dict[tuple[str, str], float] = {}
"""(CAMEO code, category) -> default intensity, for records that give none."""


def _day(value: str) -> tuple[str, int] | None:
    """``value`` as (ISO form, ordinal) if it is a 'YYYY-MM-DD' day, else None; cached."""
    found = _DAYS.get(value, False)
    if found is not False:
        return found  # type: ignore[return-value]
    day: tuple[str, int] | None = None
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        with contextlib.suppress(ValueError):
            parsed = date.fromisoformat(value)
            day = (parsed.isoformat(), parsed.toordinal())
    if len(_DAYS) >= _DAYS_LIMIT:  # a hostile file of distinct dates: memory stays bounded
        _DAYS.clear()
    _DAYS[value] = day
    return day


def fast_row(
    record: dict[str, Any],
    pk: int,
    stamp: str,
    actor_rows: list[tuple[int, str, str]],
    mention_rows: list[tuple[Any, ...]],
) -> tuple[Any, ...]:
    """The events row of an already-normal record (its actors and mentions appended to the
    lists given); ValueError or TypeError if in doubt, with nothing appended.

    The error never reaches a user: :func:`validate` takes over. One function building the
    final row directly, with ``type(x) is`` checks (parsed JSON holds no subclasses) and
    cached dates, because this runs once per event of a million-event import.
    """
    if not FIELD_SET.issuperset(record):
        raise ValueError
    get = record.get
    start, end = get("date_start"), get("date_end")
    if type(start) is not str or type(end) is not str:
        raise ValueError
    start_day, end_day = _DAYS.get(start) or _day(start), _DAYS.get(end) or _day(end)
    precision, category = get("date_precision"), get("category")
    if (
        start_day is None
        or end_day is None
        or end_day[1] < start_day[1]
        or precision not in PRECISION_RANK
        or category not in CATEGORY_DEFAULTS
    ):
        raise ValueError
    date_text, subtype, summary, location = (
        get("date_text"),
        get("subtype"),
        get("summary"),
        get("location"),
    )
    if (
        (date_text is not None and type(date_text) is not str)
        or (subtype is not None and type(subtype) is not str)
        or (summary is not None and type(summary) is not str)
        or (location is not None and type(location) is not str)
    ):
        raise ValueError
    cameo = get("cameo_code")
    if cameo is not None and (type(cameo) is not str or cameo.strip() != cameo):
        raise ValueError
    cameo = cameo or CATEGORY_DEFAULTS[category][0]
    intensity = get("intensity")
    if intensity is None:
        key = (cameo, category)
        intensity = _GOLDSTEIN.get(key)
        if intensity is None:
            intensity = _GOLDSTEIN[key] = float(vocab.goldstein(cameo, category))
    elif (type(intensity) is not float and type(intensity) is not int) or not (
        -10.0 <= intensity <= 10.0
    ):
        raise ValueError
    else:
        intensity = float(intensity)
    direction = get("direction")
    if direction is None:
        direction = vocab.direction_of(intensity)
    elif direction not in DIRECTIONS:
        raise ValueError
    status = get("status") or "confirmed"
    if status not in STATUSES:
        raise ValueError
    confidence = get("confidence")
    if confidence is not None:
        if (type(confidence) is not float and type(confidence) is not int) or not (
            0.0 <= confidence <= 1.0
        ):
            raise ValueError
        confidence = float(confidence)
    created, updated = get("created_at"), get("updated_at")
    if (created is not None and type(created) is not str) or (
        updated is not None and type(updated) is not str
    ):
        raise ValueError
    uid = get("id") or None
    if uid is not None and (type(uid) is not str or not UID_MATCH(uid)):
        raise ValueError  # validate() words the message
    actors = get("actors")
    new_actors = []
    if actors:
        if type(actors) is not list:
            raise ValueError
        for item in actors:
            if type(item) is not dict:
                raise ValueError
            name, role = item.get("name"), item.get("role", "participant")
            if type(name) is not str or role not in ROLES:
                raise ValueError
            new_actors.append((pk, name, role))
    sources = get("sources")
    new_mentions = []
    if sources:
        if type(sources) is not list:
            raise ValueError
        for item in sources:
            if type(item) is not dict:
                raise ValueError
            doc, quote = item.get("document"), item.get("quote")
            s, e = item.get("start"), item.get("end")
            if type(doc) is not str or (quote is not None and type(quote) is not str):
                raise ValueError
            if (
                s is not None and (type(s) is not int or not -OFFSET_LIMIT <= s < OFFSET_LIMIT)
            ) or (e is not None and (type(e) is not int or not -OFFSET_LIMIT <= e < OFFSET_LIMIT)):
                raise ValueError
            new_mentions.append((pk, doc, s, e, quote, "hand", stamp))
    actor_rows += new_actors
    mention_rows += new_mentions
    created = created or stamp
    return (
        pk,
        uid,
        start_day[0],
        end_day[0],
        precision,
        date_text or None,
        end_day[1] - start_day[1],
        category,
        subtype or None,
        summary or None,
        location or None,
        direction,
        intensity,
        cameo,
        status,
        confidence,
        created,
        updated or created,
    )


def reference_validate(
    record: dict[str, Any],
) -> tuple[list[Any], list[tuple[str, str]], list[Any]]:
    """Columns, actors and sources of any record through the reference validator."""
    from timeline.io.interchange import record_to_input

    item = record_to_input(record)
    v = item.column_values()
    columns = [
        v["date_start"].isoformat(),
        v["date_end"].isoformat(),
        v["date_precision"],
        v["date_text"],
        v["span_days"],
        v["category"],
        v["subtype"],
        v["summary"],
        v["location"],
        v["direction"],
        v["intensity"],
        v["cameo_code"],
        v["status"],
        v["confidence"],
        item.created_at,
        item.updated_at,
    ]
    sources = [(s.document, s.start, s.end, s.quote) for s in item.sources]
    return columns, list(item.actors), sources


def validate(record: dict[str, Any]) -> tuple[str | None, list[Any], list[Any], list[Any]]:
    """uid, columns, actors and sources of a record :func:`fast_row` was in doubt about."""
    columns, actors, sources = reference_validate(record)
    uid = record.get("id") or None
    if uid is not None and (not isinstance(uid, str) or not UID_PATTERN.fullmatch(uid)):
        raise ValueError(f"event id {uid!r} is not short and URL-safe (A-Z a-z 0-9 _ -)")
    return uid, columns, actors, sources
