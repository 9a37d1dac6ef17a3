"""letters.loading.corrections: what a person corrected survives a reload, and every
disagreement with the letter is reported as a conflict."""

import datetime as dt

import pytest

from inspections.models import AreaForImprovement, Grade, Inspection
from letters.models import Letter
from letters.parsing import ParsedInspection, Spanned
from tests.letters.loading.examples import (
    afi,
    parsed_letter,
    store,
)

pytestmark = pytest.mark.django_db


def test_store_letter_keeps_corrections_and_reports_conflicts():
    store()
    letter = Letter.objects.get()
    letter.date = dt.date(2025, 2, 1)
    letter.mark_edited(["date"])
    letter.save()
    corrected = Grade.objects.get(area="preventing-crime")
    corrected.grade = "good"
    corrected.mark_edited(["grade"])
    corrected.save()
    removed_but_edited = Grade.objects.get(area="investigating-crime")
    removed_but_edited.mark_edited(["quote"])
    removed_but_edited.save()

    result = store(parsed_letter(grades=parsed_letter().grades[:1]))

    letter.refresh_from_db()
    assert letter.date == dt.date(2025, 2, 1)
    assert Grade.objects.get(pk=corrected.pk).grade == "good"
    assert Grade.objects.filter(pk=removed_but_edited.pk).exists()
    conflicts = {(c.field, c.kept, c.parsed) for c in result.conflicts}
    assert conflicts == {
        ("date", "2025-02-01", "2025-01-28"),
        ("grade", "good", "outstanding"),
        ("(row)", "kept", "no longer in the letter"),
    }
    assert all(c.source == "letters/example.txt" for c in result.conflicts)


def test_store_letter_grade_whose_area_a_person_corrected_is_not_recreated():
    store()
    grade_row = Grade.objects.get(area="preventing-crime")
    grade_row.area = "treatment-of-the-public"
    grade_row.mark_edited(["area"])
    grade_row.save()

    store()

    assert sorted(Grade.objects.values_list("area", flat=True)) == [
        "investigating-crime",
        "treatment-of-the-public",
    ]


def test_store_letter_never_touches_afi_status():
    store()
    AreaForImprovement.objects.filter(number=1).update(status="closed")
    changed = parsed_letter(findings=(afi(1, "The Force needs to attend calls.", "new words"),))

    store(changed)

    finding = AreaForImprovement.objects.get()
    assert (finding.status, finding.response) == ("closed", "new words")


def test_store_letter_kept_inspection_choice_creates_no_orphan():
    store()
    letter = Letter.objects.get()
    other = Inspection.objects.create(
        force=letter.force, kind="peel", period="2021/22", natural_key="2021/22"
    )
    letter.inspection = other
    letter.mark_edited(["inspection"])
    letter.save()
    moved = parsed_letter(inspection=ParsedInspection("peel", period=Spanned("2025", 1, 5)))

    result = store(moved)

    assert Letter.objects.get().inspection == other
    assert Inspection.objects.filter(period="2025").count() == 0
    assert [c.field for c in result.conflicts] == ["inspection"]
    assert other.grades.count() == 2
