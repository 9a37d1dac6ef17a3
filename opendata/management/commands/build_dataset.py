"""Rebuild the whole-dataset download (a ZIP of CSVs and a SQLite file) in DATASET_DIR.

    python manage.py build_dataset

Every load that stores something rebuilds it by itself; this is for admin corrections, which
the download picks up at the next load or when this runs (e.g. nightly from cron).
"""

from django.core.management.base import BaseCommand

from opendata.dataset import build_dataset, dataset_dir


class Command(BaseCommand):
    help = "Rebuild the whole-dataset download (ZIP of CSVs, SQLite) in DATASET_DIR."

    def handle(self, *args, **options):
        manifest = build_dataset()
        tables = ", ".join(f"{count} {name}" for name, count in manifest["tables"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Built the dataset in {dataset_dir()} at {manifest['built']}: {tables}."
            )
        )
