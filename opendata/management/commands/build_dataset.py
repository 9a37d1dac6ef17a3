"""Rebuild the whole-dataset download (a ZIP of CSVs and a SQLite file) in DATASET_DIR.

    python manage.py build_dataset              # always (make load runs it after loading)
    python manage.py build_dataset --if-stale   # only when letters were loaded since the build

``load_letters`` (unless ``--no-dataset``) and the admin upload run it with ``--if-stale`` once
their load has committed. A load notes that it stored letters, so where the build is left to
later, the data page says the download predates them until this runs. Corrections made in the
admin reach the download at the next build.
"""

from django.core.management.base import BaseCommand

from opendata.dataset import build_dataset, dataset_dir, read_load_note, read_manifest, stale


class Command(BaseCommand):
    help = "Rebuild the whole-dataset download (ZIP of CSVs, SQLite) in DATASET_DIR."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="build only when it has never been built or letters were loaded since",
        )

    def handle(self, *args, if_stale, verbosity, **options):
        if if_stale and not stale(read_manifest(), read_load_note()):
            if verbosity >= 1:
                self.stdout.write("The dataset is up to date with the latest load: not rebuilt.")
            return
        manifest = build_dataset()
        if verbosity < 1:
            return
        tables = ", ".join(f"{count} {name}" for name, count in manifest["tables"].items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Built the dataset in {dataset_dir()} at {manifest['built']}: {tables}."
            )
        )
