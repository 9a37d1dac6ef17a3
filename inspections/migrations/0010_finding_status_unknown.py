"""A finding's status is "unknown" until a person sets it.

Every status no person set (``status`` not among the row's ``edited_fields``) was "open" only
because that was the default: it becomes "unknown". A status staff chose is kept. Read in
Python, not with a JSON ``contains`` lookup, which SQLite does not have; findings are a few
thousand rows, updated in batches.
"""

from django.db import migrations, models

BATCH = 500


def _unset(AreaForImprovement, status):
    """Primary keys of findings holding ``status`` that no person set."""
    rows = AreaForImprovement.objects.filter(status=status).values_list("pk", "edited_fields")
    return [pk for pk, edited in rows.iterator() if "status" not in (edited or [])]


def _set(AreaForImprovement, pks, status):
    for start in range(0, len(pks), BATCH):
        AreaForImprovement.objects.filter(pk__in=pks[start : start + BATCH]).update(status=status)


def unknown_unless_set(apps, schema_editor):
    AreaForImprovement = apps.get_model("inspections", "AreaForImprovement")
    _set(AreaForImprovement, _unset(AreaForImprovement, "open"), "unknown")


def open_unless_set(apps, schema_editor):
    """Back to the old default: what nobody set reads "open" again."""
    AreaForImprovement = apps.get_model("inspections", "AreaForImprovement")
    _set(AreaForImprovement, _unset(AreaForImprovement, "unknown"), "open")


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0009_deleted_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="areaforimprovement",
            name="status",
            field=models.CharField(
                choices=[
                    ("unknown", "Not known"),
                    ("open", "Open"),
                    ("in-progress", "In progress"),
                    ("closed", "Closed"),
                ],
                default="unknown",
                help_text="Set by staff; the loader never changes it. Not known until a person says.",
                max_length=20,
            ),
        ),
        migrations.RunPython(unknown_unless_set, open_unless_set),
    ]
