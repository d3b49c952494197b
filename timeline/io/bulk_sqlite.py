"""The SQLite fast path of the bulk import: JSON lines validated and inserted by SQL.

Python only reads lines and hands them over; SQLite's JSON functions (C code,
one parse per line) check each line against a strict predicate -- every field
of the right type and already in normal form, a fresh id, nothing unusual --
and the lines that pass go into every table with ``INSERT ... SELECT``.
Lines that do not pass (a missing intensity, a duplicate id, a bad date...)
are handed back to :class:`~timeline.io.bulk.BulkLoader`, the Python path,
which normalises them or reports them with their line number. Event ids follow
line numbers on both paths, so the result is the same as the Python path's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from timeline import vocab
from timeline.dates import PRECISIONS
from timeline.query import EVENT_FIELDS

if TYPE_CHECKING:
    from timeline.io.bulk import BulkLoader

BATCH = 20_000


def _list(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


SCALARS = [f for f in EVENT_FIELDS if f not in ("actors", "sources")]
COLUMNS = [*SCALARS, "actors", "sources"]
TYPED = ("intensity", "confidence", "actors", "sources")
"""Fields whose JSON type the SQL type of their value does not tell (true reads as 1)."""
_VALUES = ", ".join(f"v_{f}" for f in COLUMNS) + ", " + ", ".join(f"t_{f}" for f in TYPED)
PARSED_TABLE = f"CREATE TEMP TABLE IF NOT EXISTS parsed (n INTEGER PRIMARY KEY, {_VALUES}, keys_ok)"


def _text_ok(name: str) -> str:
    """A JSON string (arrays and objects also read as text, but start with [ or {)."""
    return f"(typeof(v_{name}) = 'text' AND substr(v_{name}, 1, 1) NOT IN ('[', '{{'))"


def _optional_text(name: str) -> str:
    return f"(v_{name} IS NULL OR {_text_ok(name)})"


def _exact_real(expr: str) -> str:
    """A number whose 15-digit JSON rendering (SQLite's) reads back as itself."""
    return f"CAST(printf('%!.15g', {expr}) AS REAL) = {expr}"


def _in(value: str, path: str) -> str:
    return f"json_extract({value}, '$.{path}')"


def _t(value: str, path: str) -> str:
    return f"json_type({value}, '$.{path}')"


_CATEGORY_CAMEO = " ".join(
    f"WHEN '{c}' THEN '{code}'" for c, (code, _) in vocab.CATEGORY_DEFAULTS.items()
)

PREDICATE = f"""
keys_ok
AND {_text_ok("id")} AND length(v_id) BETWEEN 1 AND 32 AND v_id NOT GLOB '*[^A-Za-z0-9_-]*'
AND {_text_ok("date_start")} AND {_text_ok("date_end")}
AND length(v_date_start) = 10 AND date(v_date_start, '+0 days') = v_date_start
AND length(v_date_end) = 10 AND date(v_date_end, '+0 days') = v_date_end
AND v_date_start >= '0001-01-01' AND v_date_end >= v_date_start
AND typeof(v_date_precision) = 'text' AND v_date_precision IN ({_list(PRECISIONS)})
AND typeof(v_category) = 'text' AND v_category IN ({_list(vocab.CATEGORIES)})
AND {" AND ".join(_optional_text(n) for n in ("date_text", "subtype", "summary", "location"))}
AND {_optional_text("created_at")} AND {_optional_text("updated_at")}
AND t_intensity IN ('integer', 'real')
AND v_intensity BETWEEN -10 AND 10 AND {_exact_real("v_intensity")}
AND (v_direction IS NULL
     OR (typeof(v_direction) = 'text' AND v_direction IN ({_list(vocab.DIRECTIONS)})))
AND (v_status IS NULL
     OR (typeof(v_status) = 'text' AND v_status IN ('', {_list(vocab.STATUSES)})))
AND (v_cameo_code IS NULL OR ({_text_ok("cameo_code")} AND trim(v_cameo_code) = v_cameo_code))
AND (coalesce(t_confidence, 'null') = 'null'
     OR (t_confidence IN ('integer', 'real')
         AND v_confidence BETWEEN 0 AND 1 AND {_exact_real("v_confidence")}))
AND coalesce(t_actors, 'null') IN ('null', 'array')
AND coalesce(t_sources, 'null') IN ('null', 'array')
AND NOT EXISTS (SELECT 1 FROM main.events e WHERE e.uid = p.v_id)
"""

# Each line parsed once (the JSON functions share one parse per row) into
# temp.parsed; then the lines that do not pass the predicate (false or null) go.
PARSE = (
    f"INSERT INTO temp.parsed (n, {_VALUES}, keys_ok) SELECT n, "
    + ", ".join(f"json_extract(line, '$.{f}')" for f in COLUMNS)
    + ", "
    + ", ".join(f"json_type(line, '$.{f}')" for f in TYPED)
    # Known fields, each once: removing them all leaves an empty object.
    + ", json_remove(line, "
    + ", ".join(f"'$.{f}'" for f in EVENT_FIELDS)
    + ") = '{}'"
    " FROM temp.staging WHERE CASE WHEN json_valid(line) THEN json_type(line) = 'object' END"
)
UNFIT = f"DELETE FROM temp.parsed AS p WHERE ({PREDICATE}) IS NOT 1"

# The actors and sources of the lines that passed, one row each, read once: the
# checks and the inserts below use these columns, not the JSON again.
ACTORS_TABLE = "CREATE TEMP TABLE IF NOT EXISTS pa (n INTEGER, k INTEGER, ok, name, role)"
SOURCES_TABLE = "CREATE TEMP TABLE IF NOT EXISTS ps (n INTEGER, k INTEGER, ok, doc, s, e, quote)"
SPLIT_ACTORS = f"""
INSERT INTO temp.pa (n, k, ok, name, role)
SELECT n, key, ok, name, coalesce(role, 'participant') FROM (
    SELECT p.n AS n, a.key AS key, {_in("a.value", "name")} AS name,
        {_in("a.value", "role")} AS role,
        a.type = 'object' AND {_t("a.value", "name")} IS 'text'
        AND (coalesce({_t("a.value", "role")}, 'missing') = 'missing'
             OR ({_t("a.value", "role")} = 'text'
                 AND {_in("a.value", "role")} IN ({_list(vocab.ROLES)}))) AS ok
    FROM temp.parsed p, json_each(p.v_actors) a
)
"""
SPLIT_SOURCES = f"""
INSERT INTO temp.ps (n, k, ok, doc, s, e, quote)
SELECT n, key, ok AND NOT (quote IS NULL AND s IS NOT NULL AND e IS NOT NULL
                           AND NOT (s >= 0 AND e >= s)), doc, s, e, quote FROM (
    SELECT p.n AS n, d.key AS key, {_in("d.value", "document")} AS doc,
        {_in("d.value", "start")} AS s, {_in("d.value", "end")} AS e,
        {_in("d.value", "quote")} AS quote,
        d.type = 'object' AND {_t("d.value", "document")} IS 'text'
        AND coalesce({_t("d.value", "start")}, 'null') IN ('null', 'integer')
        AND coalesce({_t("d.value", "end")}, 'null') IN ('null', 'integer')
        AND coalesce({_t("d.value", "quote")}, 'null') IN ('null', 'text') AS ok
    FROM temp.parsed p, json_each(p.v_sources) d
)
"""
# A line with an actor or source in doubt goes to the Python path, whole.
DROP_DOUBTFUL = (
    "DELETE FROM temp.parsed WHERE n IN ("
    "SELECT n FROM temp.pa WHERE ok IS NOT 1 OR name != trim(name) "
    "UNION ALL SELECT n FROM temp.ps WHERE ok IS NOT 1)"
)

INTENSITY = "CAST(v_intensity AS REAL)"
CREATED = "coalesce(nullif(v_created_at, ''), :stamp)"

INSERT_EVENTS = f"""
INSERT INTO main.events (id, uid, date_start, date_end, date_precision, date_text, span_days,
    category, subtype, summary, location, direction, intensity, cameo_code, status, confidence,
    created_at, updated_at)
SELECT :first + n - 1, v_id, v_date_start, v_date_end, v_date_precision,
    nullif(v_date_text, ''), CAST(julianday(v_date_end) - julianday(v_date_start) AS INTEGER),
    v_category, nullif(v_subtype, ''), nullif(v_summary, ''), nullif(v_location, ''),
    coalesce(nullif(v_direction, ''),
             CASE WHEN {INTENSITY} < 0 THEN 'escalation'
                  WHEN {INTENSITY} > 0 THEN 'de-escalation' ELSE 'neutral' END),
    {INTENSITY},
    coalesce(nullif(v_cameo_code, ''), CASE v_category {_CATEGORY_CAMEO} END),
    coalesce(nullif(v_status, ''), 'confirmed'),
    CAST(v_confidence AS REAL),
    {CREATED},
    coalesce(nullif(v_updated_at, ''), {CREATED})
FROM temp.parsed ORDER BY n
"""

ACTOR_NAMES = "SELECT DISTINCT name FROM temp.pa"

INSERT_DOCUMENTS = """
INSERT INTO main.documents (id, created_at)
SELECT DISTINCT doc, :stamp FROM temp.ps
WHERE true  -- (needed before an upsert clause)
ON CONFLICT (id) DO NOTHING
"""

INSERT_EVENT_ACTORS = """
INSERT OR IGNORE INTO main.event_actors (event_id, actor_id, role)
SELECT :first + pa.n - 1, m.id, pa.role
FROM temp.pa JOIN temp.actor_map m ON m.raw = pa.name
ORDER BY pa.n, pa.k
"""

INSERT_MENTIONS = """
INSERT INTO main.mentions (event_id, document_id, char_start, char_end, quote, extractor,
    created_at)
SELECT :first + n - 1, doc, s, e,
    coalesce(quote, CASE WHEN s IS NOT NULL AND e IS NOT NULL THEN nullif(substr(
        (SELECT d.text FROM main.documents d WHERE d.id = doc), s + 1, e - s), '') END),
    'hand', :stamp
FROM temp.ps ORDER BY n, k
"""

INSERT_CHANGES = """
INSERT INTO main.changes (event_uid, action, before, after, at, author, note)
SELECT v_id, 'import', NULL, NULL, :stamp, :author, :source || ', line ' || n
FROM temp.parsed ORDER BY n
"""


def setup(loader: BulkLoader) -> None:
    tx = loader.tx
    # The work tables live in the temp database with a cache that holds a batch;
    # (not temp_store = MEMORY: index builds would then sort wholly in memory).
    tx.execute("PRAGMA temp.cache_size = -65536")
    tx.execute("CREATE TEMP TABLE IF NOT EXISTS staging (n INTEGER PRIMARY KEY, line TEXT)")
    tx.execute(PARSED_TABLE)
    tx.execute(ACTORS_TABLE)
    tx.execute(SOURCES_TABLE)
    tx.execute("CREATE TEMP TABLE IF NOT EXISTS actor_map (raw TEXT PRIMARY KEY, id, name)")
    for table in ("staging", "parsed", "pa", "ps", "actor_map"):
        tx.execute(f"DELETE FROM temp.{table}")


def teardown(loader: BulkLoader) -> None:
    """Drop the work tables (their pages go back to the cache)."""
    for table in ("staging", "parsed", "pa", "ps", "actor_map"):
        loader.tx.execute(f"DROP TABLE IF EXISTS temp.{table}")


def load_batch(loader: BulkLoader, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Insert the lines that pass the predicate; returns the others, in line order."""
    tx = loader.tx
    tx.executemany("INSERT INTO temp.staging (n, line) VALUES (?, ?)", lines)
    tx.execute(PARSE)
    tx.execute(UNFIT)
    # Ids used twice in the batch: to the Python path, which names the earlier line.
    tx.execute(
        "DELETE FROM temp.parsed WHERE v_id IN ("
        "SELECT v_id FROM temp.parsed GROUP BY 1 HAVING count(*) > 1)"
    )
    tx.execute(SPLIT_ACTORS)
    tx.execute(SPLIT_SOURCES)
    tx.execute(DROP_DOUBTFUL)
    for table in ("pa", "ps"):
        tx.execute(f"DELETE FROM temp.{table} WHERE n NOT IN (SELECT n FROM temp.parsed)")
    rest = [
        (int(n), str(line))
        for n, line in tx.execute(
            "SELECT n, line FROM temp.staging WHERE n NOT IN (SELECT n FROM temp.parsed) ORDER BY n"
        )
    ]
    names = [str(r[0]) for r in tx.execute(ACTOR_NAMES)]
    fresh = [(name, *loader.actor(name)) for name in names]
    tx.executemany("INSERT OR REPLACE INTO temp.actor_map (raw, id, name) VALUES (?, ?, ?)", fresh)
    params = {
        "first": loader.first_id,
        "stamp": loader.stamp,
        "author": loader.author,
        "source": loader.source,
    }
    tx.named(INSERT_DOCUMENTS, params)
    tx.named(INSERT_EVENTS, params)
    tx.named(INSERT_EVENT_ACTORS, params)
    tx.named(INSERT_MENTIONS, params)
    tx.named(INSERT_CHANGES, params)
    passed = tx.execute("SELECT count(*) FROM temp.parsed")[0][0]
    loader.result.imported += int(passed)
    for table in ("parsed", "staging", "pa", "ps"):
        tx.execute(f"DELETE FROM temp.{table}")
    return rest


def raw_lines(
    handle_lines: Iterator[tuple[int, str]], size: int = BATCH
) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for item in handle_lines:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
