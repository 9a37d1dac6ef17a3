"""/api/official-grades/ and /api/official-grade-counts/ on the real reference files."""

import pytest
from django.urls import reverse

from inspections.models import OfficialGrade, OfficialGradeCount
from inspections.official import import_grades
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

REFERENCE = sorted((ROOT / "data" / "reference").glob("peel_*.csv"))


@pytest.fixture
def reference():
    assert not import_grades(REFERENCE).bad


def test_official_grades_are_filtered_and_keep_their_provenance(client, reference):
    response = client.get(
        reverse("api:official-grade-list"), {"force": "bedfordshire", "cycle": "2016"}
    )

    rows = {row["area"]: row for row in response.json()["results"]}
    assert set(rows) == {"effectiveness", "efficiency", "legitimacy"}
    effectiveness = rows["effectiveness"]
    assert effectiveness["grade"] == "inadequate" and effectiveness["verified"] is True
    assert effectiveness["force"]["slug"] == "bedfordshire"
    assert effectiveness["source_file"] == "peel_pillar_grades_2015_2019.csv"
    assert effectiveness["source_line"] == 5


def test_unchecked_counts_can_be_listed(client, reference):
    response = client.get(reverse("api:official-grade-count-list"), {"checked": "false"})

    rows = response.json()["results"]
    assert len(rows) == OfficialGradeCount.objects.filter(checked=False).count() == 10
    assert all(row["verified"] is False for row in rows)


@pytest.mark.parametrize(
    "name, model", [("official-grade", OfficialGrade), ("official-grade-count", OfficialGradeCount)]
)
def test_two_queries_a_page_and_one_a_row(
    client, reference, django_assert_num_queries, name, model
):
    with django_assert_num_queries(2):  # count, page with its forces
        assert client.get(reverse(f"api:{name}-list")).status_code == 200
    row = model.objects.first()
    with django_assert_num_queries(1):
        assert client.get(reverse(f"api:{name}-detail", args=[row.pk])).status_code == 200
