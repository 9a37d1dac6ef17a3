"""One date style on every page: GOV.UK's "28 January 2025" (Django's en_GB default is
"28 Jan 2025", and its short format "28/01/2025").

Pages write dates through the ``time_tag`` filter (inspections/templatetags/dashboard.py), which
puts this beside the ISO date in a <time> element; exports and JSON use ISO 8601.
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
