"""Inspection.cycle: the period as the framework's cycle, for grouping and filtering.

Existing rows get theirs from inspections.vocabulary.cycle_for, as Inspection.save works it out
for new ones ("2023/24" and "2023/25" are both "2023-25").
"""

from django.db import migrations, models


def fill_cycles(apps, schema_editor):
    from inspections.vocabulary import cycle_for

    Inspection = apps.get_model("inspections", "Inspection")
    changed = []
    for inspection in Inspection.objects.only("kind", "period", "published", "cycle"):
        cycle = cycle_for(inspection.kind, inspection.period, inspection.published)
        if cycle != inspection.cycle:
            inspection.cycle = cycle
            changed.append(inspection)
    Inspection.objects.bulk_update(changed, ["cycle"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0004_grade_and_kind_choices_store_keys")]

    operations = [
        migrations.AddField(
            model_name="inspection",
            name="cycle",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=20),
        ),
        migrations.AlterField(
            model_name="inspection",
            name="period",
            field=models.CharField(
                blank=True, help_text="As the letters write it: YYYY or YYYY/YY", max_length=10
            ),
        ),
        migrations.RunPython(fill_cycles, migrations.RunPython.noop),
    ]
