"""The terms the data is offered under, and how to cite it: one place for the data page, the
dataset's README, the API's description and the feeds."""

from django.conf import settings

from inspections import vocabulary as vocab

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
# The attribution statement the licence asks re-users to give.
ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0: "
    "police and crime commissioners' published responses to HMICFRS inspections, and police "
    "force area codes from the Office for National Statistics."
)
TITLE = "PCC letters dashboard: police inspection outcomes read from commissioners' letters"
ONS_SOURCE = vocab.ONS_CODE_SOURCE
ONS_SOURCE_URL = vocab.ONS_CODE_SOURCE_URL


def citation(built=None) -> str:
    """The 'how to cite' line, with the dataset's date when there is one."""
    when = f", version of {built:%-d %B %Y}" if built else ""
    return f"{TITLE} [data set]{when}. {settings.SITE_URL}/data/. {LICENCE_NAME}."
