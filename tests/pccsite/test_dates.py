"""pccsite.dates and the date formats: one style on every page ("28 January 2025", GOV.UK's),
the ISO date beside it for machines."""

import datetime as dt
import re

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse

from devtools.pages import LIST_PATHS
from inspections.models import Commissioner, Force, Inspection
from letters.loading import load_letters
from letters.models import Letter
from pccsite.dates import time_tag

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
TIME = re.compile(r'<time datetime="(?P<iso>[^"]*)">(?P<shown>[^<]*)</time>')
OTHER_STYLES = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"  # 28/01/2025
    r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{4}\b"  # 28 Jan 2025
    r"|\b(?:" + MONTHS + r") \d{1,2},? \d{4}\b"  # January 28, 2025
    r"|(?<![\w\"=-])\d{4}-\d\d-\d\d(?![\w\"-])"  # an ISO date shown as text
)


def test_time_tag_writes_the_page_style_beside_the_iso_date():
    assert time_tag(dt.date(2025, 1, 28)) == '<time datetime="2025-01-28">28 January 2025</time>'
    assert time_tag(None, "Undated") == "Undated"


def test_date_filter_writes_the_page_style():
    assert date_filter(dt.date(2025, 1, 5)) == "5 January 2025"


def _shown(html):
    """The page less what is not ours to style: the letter's own words and attributes."""
    html = re.sub(r'<div class="letter-body">.*?</div>', "", html, flags=re.DOTALL)
    html = re.sub(r"<script.*?</script>", "", html, flags=re.DOTALL)  # chart JSON: ISO dates
    return re.sub(r"<[^>]*>", " ", html)


@pytest.mark.django_db
def test_every_public_page_writes_dates_one_way(client, seeds_dir):
    load_letters(paths=[seeds_dir])
    pages = [
        *LIST_PATHS,
        Force.objects.get(slug="leicestershire").get_absolute_url(),
        # Signers, and the registry's people whose terms are known only to the month.
        *(c.get_absolute_url() for c in Commissioner.objects.signers()),
        *(
            c.get_absolute_url()
            for c in Commissioner.objects.filter(terms__start_precision="month").distinct()
        ),
        *(i.get_absolute_url() for i in Inspection.objects.all()),
        *(letter.get_absolute_url() for letter in Letter.objects.all()),
    ]
    dates_shown = 0
    for url in pages:
        html = client.get(url).content.decode()

        assert OTHER_STYLES.findall(_shown(html)) == [], url
        for match in TIME.finditer(html):
            if re.fullmatch(r"\d{4}-\d\d", match["iso"]):
                # A term of office the registry knows only to the month ("May 2016").
                month = dt.date.fromisoformat(f"{match['iso']}-01")
                assert match["shown"] == f"{month:%B %Y}", url
                continue
            shown = dt.date.fromisoformat(match["iso"])
            assert match["shown"] == f"{shown.day} {shown:%B %Y}", url
            dates_shown += 1
    assert dates_shown > 50
    assert reverse("letters:letter_list") in pages
