"""Atom feeds of new letters (overall, per force, per commissioner) and of new causes of
concern, and the pages that point at them."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from letters.models import Letter
from tests.builders import get_force, make_afi, make_answered_inspection

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert "Open Government Licence" in feed.find(f"{ATOM}rights").text
    return [
        {
            "title": entry.find(f"{ATOM}title").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "published": entry.find(f"{ATOM}published").text,
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def _absolute(row):
    return f"http://testserver{row.get_absolute_url()}"


@pytest.fixture
def two_forces():
    return make_answered_inspection(get_force("kent")), make_answered_inspection(get_force("gwent"))


def test_new_letters_overall_newest_first(client, two_forces):
    entries = _entries(client, reverse("opendata:feed_letters"))

    letters = Letter.objects.order_by("-created_at", "-pk")
    assert [e["link"] for e in entries] == [
        f"http://testserver{x.get_absolute_url()}" for x in letters
    ]
    assert entries[0]["published"].startswith("2025-01-28")  # the letter's own date
    assert "Gwent Police" in entries[0]["title"]


def test_per_force_and_per_commissioner(client, two_forces):
    kent, gwent = two_forces
    commissioner = kent.letters.get().commissioner

    by_force = _entries(client, reverse("opendata:feed_force", args=["gwent"]))
    by_commissioner = _entries(
        client, reverse("opendata:feed_commissioner", args=[commissioner.slug])
    )

    assert [e["link"] for e in by_force] == [
        f"http://testserver{gwent.letters.get().get_absolute_url()}"
    ]
    assert [e["link"] for e in by_commissioner] == [
        f"http://testserver{kent.letters.get().get_absolute_url()}"
    ]
    assert client.get(reverse("opendata:feed_force", args=["atlantis"])).status_code == 404


def test_new_causes_of_concern(client, two_forces):
    kent, _ = two_forces
    letter = kent.letters.get()
    concern = make_afi(inspection=kent, letter=letter, kind="cause-of-concern", number=1)

    entries = _entries(client, reverse("opendata:feed_causes_of_concern"))

    assert [e["link"] for e in entries] == [f"http://testserver{concern.evidence_url}"]
    assert entries[0]["title"] == "Kent Police: cause of concern 1"


def test_pages_link_their_feeds_in_the_head_and_as_follow_links(client, two_forces):
    kent, _ = two_forces
    commissioner = kent.letters.get().commissioner
    pages = {
        reverse("inspections:home"): ["/feeds/letters/", "/feeds/causes-of-concern/"],
        kent.force.get_absolute_url(): ["/feeds/forces/kent/"],
        commissioner.get_absolute_url(): [f"/feeds/commissioners/{commissioner.slug}/"],
        reverse("letters:letter_list"): ["/feeds/letters/"],
        reverse("inspections:finding_list"): ["/feeds/causes-of-concern/"],
    }
    for url, feeds in pages.items():
        html = client.get(url).content.decode()
        head, body = html.split("</head>", 1)
        for feed in feeds:
            assert f'rel="alternate" type="application/atom+xml" href="{feed}"' in head, url
            assert f'href="{feed}">Follow' in body, url
