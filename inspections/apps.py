from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "Inspections"

    def ready(self):
        from pccsite.caching import bump_on_change

        # Any change to the data behind the public pages invalidates the page cache,
        # including corrections made in the admin. The letters app wires its own models.
        for model in self.get_models():
            label = model._meta.label
            post_save.connect(bump_on_change, sender=model, dispatch_uid=f"bump-{label}")
            post_delete.connect(bump_on_change, sender=model, dispatch_uid=f"bump-{label}-d")
