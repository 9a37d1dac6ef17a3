"""Read every stored letter's signer against the commissioner registry again.

    python manage.py import_commissioners data/reference/commissioners-*.csv
    python manage.py relink_commissioners

A load reads signers against the registry as it stands; after the registry changes (a new
term, a corrected date, or a site whose letters were loaded before it existed), this brings
the stored letters up to date without parsing them again: names in office are linked, names
nobody held the office under are flagged for review, unsigned letters attributed by date are
attributed again. Choices staff made in the admin are kept. Commissioners left with neither
letters nor terms (rows loaded before the registry) are removed. The logic is
letters.loading.relink.
"""

from django.core.management.base import BaseCommand

from letters.loading.relink import relink_letters


class Command(BaseCommand):
    help = "Read stored letters' signers against the commissioner registry again."

    def handle(self, *args, verbosity, **options):
        summary = relink_letters()
        if verbosity >= 1:
            self.stdout.write(self.style.SUCCESS(f"Relinked: {summary}."))
