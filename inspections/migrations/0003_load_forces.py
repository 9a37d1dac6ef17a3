"""Create the 43 territorial forces from inspections.vocabulary.

Re-running it (or a later copy of it after the vocabulary grows) updates names and aliases in
place, keyed on the slug, so it never duplicates a force.
"""

from django.db import migrations


def load_forces(apps, schema_editor):
    from inspections.vocabulary import FORCES

    Force = apps.get_model("inspections", "Force")
    for term in FORCES:
        Force.objects.update_or_create(
            slug=term.slug,
            defaults={
                "name": term.name,
                "short_name": term.short_name,
                "country": term.country,
                "aliases": list(term.aliases),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("inspections", "0002_initial")]

    operations = [migrations.RunPython(load_forces, migrations.RunPython.noop)]
