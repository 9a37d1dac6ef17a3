from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Installed outside production only (pccsite.settings)."""

    name = "devtools"
    verbose_name = "Developer tools"
