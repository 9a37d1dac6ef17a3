"""The full-text index each database needs, beside the search_searchdocument table.

PostgreSQL: a GIN index on ``vector`` (the tsvector search/indexing.py writes), and short
rows (see below).
SQLite: an FTS5 table over ``title`` and ``body`` with the table as its external content, kept
in step by triggers on every insert, update and delete (so bulk writes and cascades too), with
the Porter stemmer as PostgreSQL's english configuration stems.
Any other database gets neither, and search/backends.py refuses it by name.
"""

from django.db import migrations

POSTGRES = [
    "CREATE INDEX search_doc_vector ON search_searchdocument USING gin (vector)",
    # Keep rows short: text and vectors go to TOAST from 128 bytes rather than 2 kB, so the
    # heap pages a search visits for thousands of matches (for their dates) are few.
    "ALTER TABLE search_searchdocument SET (toast_tuple_target = 128)",
]
POSTGRES_REVERSE = [
    "ALTER TABLE search_searchdocument RESET (toast_tuple_target)",
    "DROP INDEX IF EXISTS search_doc_vector",
]

SQLITE = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content='search_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE OF title, body ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    # ORDER BY rank: bm25 with a word in the title worth ten in the body, as PostgreSQL's
    # weights A and B rank them.
    "INSERT INTO search_fts(search_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)')",
    # Rows written before this migration (none on a new database).
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_fts_update",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TABLE IF EXISTS search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
