"""Letter.text_sha256 and LetterRevision.text_sha256: each text's fingerprint (issue 10, item 6),
so the same letter in other bytes, or a file holding an earlier version, is found again.

The fingerprint is computed here as letters.loading.files.text_fingerprint computes it (copied:
a migration must keep working whatever that module becomes).
"""

import hashlib
import unicodedata

from django.db import migrations, models


def fingerprint(text):
    lines = unicodedata.normalize("NFC", text).split("\n")
    normal = "\n".join(line.rstrip() for line in lines).strip()
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def fill_in(apps, schema_editor):
    for name in ("Letter", "LetterRevision"):
        model = apps.get_model("letters", name)
        rows = model.objects.only("pk", "text").order_by("pk")
        for row in rows.iterator(chunk_size=500):
            model.objects.filter(pk=row.pk).update(text_sha256=fingerprint(row.text))


class Migration(migrations.Migration):
    dependencies = [("letters", "0010_sources_under_the_letters_root")]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="text_sha256",
            field=models.CharField(blank=True, db_index=True, max_length=64),
        ),
        migrations.AddField(
            model_name="letterrevision",
            name="text_sha256",
            field=models.CharField(blank=True, db_index=True, max_length=64),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
    ]
