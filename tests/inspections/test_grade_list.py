"""The grades list: one row per grade, its words and whether a person checked it."""

import pytest
from django.urls import reverse

from inspections.models import Grade
from tests.builders import get_force, make_answered_inspection

pytestmark = pytest.mark.django_db


def test_lists_every_grade_with_its_quote_and_a_link_to_the_words(client):
    inspection = make_answered_inspection(get_force("kent"))
    html = client.get(reverse("inspections:grade_list")).content.decode()

    for grade in inspection.grades.all():
        assert grade.evidence_url in html
    assert "Preventing crime" in html and "Outstanding" in html
    assert "Read by the parser" in html
    assert "2 results" in html


def test_filters_by_correction(client):
    make_answered_inspection()
    grade = Grade.objects.get(area="preventing-crime")
    grade.mark_edited(["grade"])
    grade.save()
    url = reverse("inspections:grade_list")

    corrected = client.get(url, {"corrected": "true"}).context["table"].data
    untouched = client.get(url, {"corrected": "false"}).context["table"].data

    assert [row.pk for row in corrected] == [grade.pk]
    assert grade.pk not in [row.pk for row in untouched] and len(untouched) == 1


def test_filters_by_force_area_and_grade(client):
    make_answered_inspection(get_force("kent"))
    make_answered_inspection(get_force("essex"))
    url = reverse("inspections:grade_list")

    response = client.get(url, {"force": get_force("essex").pk, "grade": "good"})

    rows = list(response.context["table"].data)
    assert len(rows) == 1
    assert rows[0].inspection.force.slug == "essex" and rows[0].grade == "good"
