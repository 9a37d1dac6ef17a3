import logging

from django.apps import AppConfig

logger = logging.getLogger(__name__)


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from letters.signals import load_finished

        load_finished.connect(note_load_finished, dispatch_uid="opendata-load-finished")


def note_load_finished(sender, summary, **kwargs):
    """Note that a load stored letters, so the data page says its download predates them.

    The download itself is rebuilt by ``build_dataset`` (make load runs it after loading; from
    cron, ``build_dataset --if-stale``), not here: at national size the build would add a fifth
    to every load. The load has committed; a note that cannot be written is logged rather than
    turning a good load into a failed one.
    """
    from .dataset import note_load

    try:
        note_load(created=summary.created, updated=summary.updated)
    except OSError:
        logger.exception("the dataset folder could not record the load")
