"""Indexes for "newest letters first" that PostgreSQL can walk.

Every list of letters sorts by date, newest first, undated last (``date DESC NULLS LAST``).
PostgreSQL's DESC puts NULLs first, so the model's ``-date`` indexes (Letter.Meta) do not
match that order there, and the planner sorted every letter to show 25 (22 ms at 5,000
letters; 1 ms walking an index). SQLite's DESC already puts NULLs last, and it cannot declare
NULLS LAST in an index: the model's indexes serve it, and these are PostgreSQL's alone.
"""

from django.db import migrations

INDEXES = {
    "letter_latest_nulls_last": '("date" DESC NULLS LAST, "id" DESC)',
    "letter_force_latest_nulls_last": '("force_id", "date" DESC NULLS LAST, "id" DESC)',
    "letter_commissioner_latest_nulls_last": (
        '("commissioner_id", "date" DESC NULLS LAST, "id" DESC)'
    ),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "letters_letter" {columns}')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("letters", "0013_review_provenance_uploads")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
