"""Signal receivers that keep the search rows current (wired in search/apps.py)."""

from inspections.models import AreaForImprovement, Commissioner, Inspection
from letters.models import Letter
from pccsite.caching import bumps_deferred

from .indexing import index_letters


def letters_written(sender, letter_ids, **kwargs):
    index_letters(letter_ids)


def row_saved(sender, instance, raw=False, **kwargs):
    """Reindex the letters whose words a saved row is part of.

    Inside a load (bumps deferred) the loader's own letters_written covers it; fixtures
    (``raw``) are indexed by rebuild_search_index.
    """
    if raw or bumps_deferred():
        return
    if isinstance(instance, Letter):
        ids = [instance.pk]
    elif isinstance(instance, AreaForImprovement):
        ids = [instance.letter_id] if instance.letter_id else []
    elif isinstance(instance, Inspection | Commissioner):
        ids = list(instance.letters.values_list("pk", flat=True))
    else:
        ids = []
    index_letters(ids)
