"""The store's schema, versioned: one migration function per version, run in one transaction.

Tables:
- `articles`: one row per stored article (content hash unique; `minhash` signature and
  `duplicate_of`, the earlier article it nearly repeats).
- `actors`: every (code, name) an event named, with country and sector.
- `events`: every coded event *mention* exactly as the coder emitted it (article, sentence,
  offsets, the DESIGN.md JSON); the GDELT-style event it reports is EVENT_KEY_SQL.
  A near-duplicate article has no events of its own: the view counts it as one more
  mention, article and source of each event of its original.
- `dedup_events` (view): one row per (date, source code, target code, CAMEO code) with
  `num_mentions`, `num_sources` (distinct sites) and `num_articles`, like GDELT's events table.
"""

from __future__ import annotations

from collections.abc import Callable

SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE articles (
    doc_id VARCHAR PRIMARY KEY, uri VARCHAR, title VARCHAR, published DATE, page_date DATE,
    site VARCHAR, section VARCHAR, author VARCHAR, language VARCHAR,
    content_hash VARCHAR UNIQUE, text VARCHAR, dropped JSON, ingested_at TIMESTAMP
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence_index INTEGER, sentence VARCHAR,
    sentence_start INTEGER, event_date DATE, date_basis VARCHAR,
    source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    source_sector VARCHAR, target_text VARCHAR, target_name VARCHAR, target_code VARCHAR,
    target_country VARCHAR, target_sector VARCHAR, action_text VARCHAR, action_start INTEGER,
    cameo VARCHAR, cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    plover_event VARCHAR, plover_mode VARCHAR, negated BOOLEAN, hypothetical BOOLEAN,
    reciprocal BOOLEAN, location_name VARCHAR, location_country VARCHAR,
    confidence DOUBLE, explanation VARCHAR, json JSON
);
"""

# Version 2: offsets of every span, full location, site, dedup key, actors, near-duplicates.
_V2_COLUMNS = [
    ("articles", "minhash", "BLOB"),
    ("articles", "duplicate_of", "VARCHAR"),
    ("events", "action_end", "INTEGER"),
    ("events", "source_start", "INTEGER"),
    ("events", "source_end", "INTEGER"),
    ("events", "target_start", "INTEGER"),
    ("events", "target_end", "INTEGER"),
    ("events", "location_admin1", "VARCHAR"),
    ("events", "location_lat", "DOUBLE"),
    ("events", "location_lon", "DOUBLE"),
    ("events", "location_precision", "VARCHAR"),
    ("events", "site", "VARCHAR"),
]

# The GDELT-style key, readable: "2024-03-05|USAGOV|PAK|190" (same day, same coded actors,
# same CAMEO code -> one event). Plain text, not a hash: stable across DuckDB versions;
# exports hash it where a format wants a number. It is computed when read, not stored:
# storing it cost a third of the bulk-load speed.
DEDUP_KEY_SQL = (
    "concat_ws('|', coalesce(CAST({p}event_date AS VARCHAR), ''), "
    "coalesce({p}source_code, ''), coalesce({p}target_code, ''), {p}cameo)"
)
EVENT_KEY_SQL = DEDUP_KEY_SQL

DEDUP_VIEW = """
CREATE OR REPLACE VIEW dedup_events AS
SELECT {key} AS event_id,
       min(event_date) AS event_date,
       min(source_code) AS source_code, min(source_name) AS source_name,
       min(source_country) AS source_country, min(source_sector) AS source_sector,
       min(target_code) AS target_code, min(target_name) AS target_name,
       min(target_country) AS target_country, min(target_sector) AS target_sector,
       min(cameo) AS cameo, min(cameo_root) AS cameo_root, min(quad_class) AS quad_class,
       min(goldstein) AS goldstein, min(plover_event) AS plover_event,
       min(plover_mode) AS plover_mode,
       count(*) AS num_mentions,
       count(DISTINCT m_site) AS num_sources,
       count(DISTINCT m_doc) AS num_articles,
       bool_or(sentence_index <= 1) AS is_root_event,
       round(avg(confidence), 3) AS confidence,
       arg_min(location_name, event_id) AS location_name,
       arg_min(location_country, event_id) AS location_country,
       arg_min(location_admin1, event_id) AS location_admin1,
       arg_min(location_lat, event_id) AS location_lat,
       arg_min(location_lon, event_id) AS location_lon,
       arg_min(location_precision, event_id) AS location_precision,
       arg_min(doc_id, event_id) AS first_doc_id,
       arg_min(sentence, event_id) AS first_sentence,
       list_sort(list_distinct(list(event_id))) AS mention_ids
FROM (
    SELECT *, doc_id AS m_doc, coalesce(site, doc_id) AS m_site FROM events
    UNION ALL BY NAME
    SELECT e.*, a.doc_id AS m_doc, coalesce(a.site, a.doc_id) AS m_site
    FROM events e JOIN articles a ON a.duplicate_of = e.doc_id
)
GROUP BY 1
""".format(key=EVENT_KEY_SQL.format(p=""))


def _v1(con) -> None:
    con.execute(_V1)


def _v2(con) -> None:
    # Events lose their primary-key index: it made bulk loads 2.5x slower, and the write
    # path keeps event ids unique anyway (events come only with newly stored articles, and
    # each batch is de-duplicated by id).
    con.execute("CREATE TABLE events_v2 AS SELECT * FROM events")
    con.execute("DROP TABLE events")
    con.execute("ALTER TABLE events_v2 RENAME TO events")
    for table, col, typ in _V2_COLUMNS:
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {col} {typ}")
    # Fill the new columns of version-1 rows from what they already hold.
    con.execute("""
        UPDATE events SET
          action_end = CAST(json_extract(json, '$.action.end') AS INTEGER),
          source_start = CAST(json_extract(json, '$.source.start') AS INTEGER),
          source_end = CAST(json_extract(json, '$.source.end') AS INTEGER),
          target_start = CAST(json_extract(json, '$.target.start') AS INTEGER),
          target_end = CAST(json_extract(json, '$.target.end') AS INTEGER),
          location_admin1 = json_extract_string(json, '$.location.admin1'),
          location_lat = CAST(json_extract(json, '$.location.lat') AS DOUBLE),
          location_lon = CAST(json_extract(json, '$.location.lon') AS DOUBLE),
          location_precision = json_extract_string(json, '$.location.precision')
    """)
    con.execute("UPDATE events SET site = a.site FROM articles a WHERE a.doc_id = events.doc_id")
    con.execute("""
        CREATE TABLE actors (code VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR,
                             PRIMARY KEY (code, name))
    """)
    con.execute("""
        INSERT INTO actors SELECT code, coalesce(name, ''), min(country), min(sector) FROM (
          SELECT source_code code, source_name name, source_country country, source_sector sector
          FROM events UNION ALL
          SELECT target_code, target_name, target_country, target_sector FROM events)
        WHERE code IS NOT NULL GROUP BY 1, 2
        ON CONFLICT DO NOTHING
    """)
    con.execute(DEDUP_VIEW)


MIGRATIONS: dict[int, Callable] = {1: _v1, 2: _v2}
assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))


def current_version(con) -> int | None:
    """The stored schema version; 0 for an empty database, None for a foreign one."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if not tables:
        return 0
    if "meta" not in tables:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return None
    try:
        return int(row[0])
    except ValueError:
        return None


def migrate(con, from_version: int) -> None:
    """Bring a database from `from_version` to SCHEMA_VERSION in one transaction."""
    if from_version >= SCHEMA_VERSION:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        for v in range(from_version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[v](con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
