"""Each force's ONS police force area code (GSS), filled in from inspections.vocabulary."""

from django.db import migrations, models


def fill_codes(apps, schema_editor):
    from inspections.vocabulary import ONS_CODES

    Force = apps.get_model("inspections", "Force")
    for slug, code in ONS_CODES.items():
        Force.objects.filter(slug=slug).update(ons_code=code)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0006_commissioner_terms")]

    operations = [
        migrations.AddField(
            model_name="force",
            name="ons_code",
            field=models.CharField(
                blank=True,
                help_text="The police force area's GSS code (E23…, W15…): vocabulary.ONS_CODES",
                max_length=9,
                verbose_name="ONS code",
            ),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
    ]
