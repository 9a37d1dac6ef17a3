from django.apps import AppConfig
from django.db.models.signals import post_save


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from inspections.models import AreaForImprovement, Commissioner, Inspection
        from letters.models import Letter
        from letters.signals import letters_written

        from . import receivers

        # The loader's batches (bulk writes send no model signals).
        letters_written.connect(receivers.letters_written, dispatch_uid="search-letters")
        # A person's corrections in the admin. Deletions cascade to the search rows.
        for model in (Letter, AreaForImprovement, Inspection, Commissioner):
            post_save.connect(
                receivers.row_saved, sender=model, dispatch_uid=f"search-{model._meta.label}"
            )
