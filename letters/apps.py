from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = "Letters"

    def ready(self):
        from pccsite.caching import bump_on_change

        # A letter's change (a correction in the admin, a deletion) invalidates the page
        # cache; the loader bumps once per batch itself. Revisions are not on public pages.
        model = self.get_model("Letter")
        label = model._meta.label
        post_save.connect(bump_on_change, sender=model, dispatch_uid=f"bump-{label}")
        post_delete.connect(bump_on_change, sender=model, dispatch_uid=f"bump-{label}-d")
