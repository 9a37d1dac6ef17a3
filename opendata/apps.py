import logging

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from letters.signals import load_finished

        load_finished.connect(rebuild_after_load, dispatch_uid="opendata-rebuild")


def rebuild_after_load(sender, summary, **kwargs):
    """Rebuild the whole-dataset download once a load has stored something new.

    The load itself has committed; a failed build keeps the previous files (atomic swap) and
    is logged rather than turning a good load into a failed one.
    """
    from .dataset import build_dataset

    try:
        build_dataset()
    except Exception:
        logger.exception("the dataset download could not be rebuilt after the load")
