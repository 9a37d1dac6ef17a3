"""The index holds only what the public site shows (search/indexing.py): rows already written
for a hidden letter (pccsite.db.hidden_letter) or a deleted finding are removed, so a search
needs no join to the letters to leave them out. On SQLite the delete trigger takes them out of
search_fts too."""

from django.db import migrations

from pccsite.db import hidden_letter


def remove_hidden_rows(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument").objects
    documents.filter(hidden_letter("letter__")).delete()
    documents.filter(finding__deleted=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_full_text_index"),
        ("letters", "0013_review_provenance_uploads"),
        ("inspections", "0008_grade_and_finding_deleted"),
    ]

    operations = [migrations.RunPython(remove_hidden_rows, migrations.RunPython.noop)]
