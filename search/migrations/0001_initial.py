import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("inspections", "0005_force_ons_code"),
        ("letters", "0003_letter_latest_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("letter", "Letter"), ("finding", "Finding")], max_length=10)),
                ("title", models.CharField(blank=True, max_length=1000)),
                ("body", models.TextField()),
                ("vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                (
                    "finding",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="search_documents",
                        to="inspections.areaforimprovement",
                    ),
                ),
                (
                    "letter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="search_documents",
                        to="letters.letter",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["letter", "kind"], name="search_doc_letter")],
            },
        ),
    ]
