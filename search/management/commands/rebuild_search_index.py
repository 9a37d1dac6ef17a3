"""Rewrite the full-text search rows of every letter.

    python manage.py rebuild_search_index

Loads and admin corrections keep the index current by themselves; this is for a database
loaded before search existed, or restored from a copy without it.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.indexing import index_all


class Command(BaseCommand):
    help = "Rewrite the full-text search rows of every letter."

    def handle(self, *args, **options):
        with transaction.atomic():
            written = index_all()
        self.stdout.write(self.style.SUCCESS(f"Indexed {written} search rows."))
