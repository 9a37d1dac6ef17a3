"""Each force's ONS police force area code: in the vocabulary, filled in by the migration,
and shown on the force's page with a way to follow and search its letters."""

import re

import pytest

from inspections import vocabulary as vocab
from inspections.models import Force
from tests.builders import get_force, make_answered_inspection


def test_every_force_has_one_code_of_its_country():
    assert set(vocab.ONS_CODES) == {force.slug for force in vocab.FORCES}
    assert len(set(vocab.ONS_CODES.values())) == 43
    for force in vocab.FORCES:
        code = vocab.ONS_CODES[force.slug]
        prefix = "W15" if force.country == "Wales" else "E23"
        assert re.fullmatch(prefix + r"0000\d\d", code), (force.name, code)


def test_the_codes_run_without_gaps():
    english = sorted(code for code in vocab.ONS_CODES.values() if code.startswith("E"))
    welsh = sorted(code for code in vocab.ONS_CODES.values() if code.startswith("W"))
    assert english == [f"E230000{n:02d}" for n in range(1, 40)]
    assert welsh == [f"W150000{n:02d}" for n in range(1, 5)]


def test_the_source_list_is_named():
    assert "Police Force Areas (December 2023)" in vocab.ONS_CODE_SOURCE
    assert "Office for National Statistics" in vocab.ONS_CODE_SOURCE


@pytest.mark.django_db
def test_the_migration_gives_every_force_its_code():
    codes = dict(Force.objects.values_list("slug", "ons_code"))
    assert codes == vocab.ONS_CODES


@pytest.mark.django_db
def test_the_force_page_shows_its_code_feed_and_a_search_of_its_letters(client):
    inspection = make_answered_inspection(get_force("gwent"))
    html = client.get(inspection.force.get_absolute_url()).content.decode()

    assert "W15000002" in html
    assert 'type="application/atom+xml" href="/feeds/forces/gwent/"' in html
    assert "Follow new letters for Gwent Police" in html
    assert f'<input type="hidden" name="force" value="{inspection.force.pk}">' in html
    assert 'action="/search/"' in html
