"""One date style on every page: GOV.UK's "28 January 2025" beside the ISO date for machines.

``time_tag`` is the dashboard's template filter of the same name (inspections/templatetags/
dashboard.py) and what views call for dates they put in a page themselves. The style itself is
settings' DATE_FORMAT (pccsite/formats/en_GB/formats.py); exports and JSON use ISO 8601.
"""

from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString


def time_tag(value, default: str = "") -> SafeString | str:
    """``value`` (a date) in a <time> element carrying its ISO date; ``default`` if none."""
    if not value:
        return default
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), date_format(value))
