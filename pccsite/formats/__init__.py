"""The site's own date formats (settings.FORMAT_MODULE_PATH), ahead of Django's en_GB ones."""
