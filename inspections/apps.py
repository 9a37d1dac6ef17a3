from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "Inspections"

    def ready(self):
        from pccsite.caching import bump_on_change

        # Any change to the data behind the public pages invalidates the page cache,
        # including corrections made in the admin.
        for model_name in (
            "inspections.Force",
            "inspections.Commissioner",
            "inspections.Inspection",
            "inspections.Grade",
            "inspections.AreaForImprovement",
            "letters.Letter",
        ):
            model = self.apps.get_model(model_name)
            post_save.connect(bump_on_change, sender=model, dispatch_uid=f"bump-{model_name}")
            post_delete.connect(bump_on_change, sender=model, dispatch_uid=f"bump-{model_name}-d")
