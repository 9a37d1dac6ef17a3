"""An admin save during a load (issue 10, item 4), through the real admin and a real reload.

The admin form posted every field, so values a load changed after the form was opened went
back to their old values and were recorded as a person's edits: spans after an edit above a
grade then pointed at the wrong words for good. A save whose row changed since the form was
opened is refused with a message saying to reload; what a person changed is compared with what
they were shown; spans are never edited by hand.
"""

import pytest
from django.urls import reverse

from inspections.models import AreaForImprovement, CommissionerTerm, Grade
from letters.loading import load_letters
from letters.models import Letter
from tests.admin_forms import form_data, row_prefix

pytestmark = pytest.mark.django_db

GRADED_SEED = "001_439538cb42c9acce.txt"  # eight grades, quoted in the text
AFI_SEED = "003_4ece3fc261db78a7.txt"
STALE = "changed since you opened it"


@pytest.fixture
def loaded(letters_dir):
    load_letters(paths=[letters_dir])
    return letters_dir


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def edit_above_the_grades(folder, name=GRADED_SEED):
    """A sentence added near the top of the letter: every span below it moves."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n\n", "\n\nA sentence added by the publisher.\n\n", 1))
    summary = load_letters(paths=[folder])
    assert summary.updated == 1


def test_a_grade_form_opened_before_a_load_is_refused(admin_client, loaded):
    grade = Grade.objects.filter(letter__file_name=GRADED_SEED).order_by("pk").first()
    url = change_url(grade)
    data = form_data(admin_client.get(url), form_id="grade_form")
    edit_above_the_grades(loaded)
    moved = Grade.objects.get(pk=grade.pk)
    assert moved.start != grade.start

    data["grade"] = "inadequate" if grade.grade != "inadequate" else "good"
    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert STALE in response.content.decode()
    kept = Grade.objects.get(pk=grade.pk)
    assert (kept.grade, kept.start, kept.end) == (moved.grade, moved.start, moved.end)
    assert kept.edited_fields == []


def test_a_grade_form_reopened_after_a_load_saves_only_what_the_person_changed(
    admin_client, loaded
):
    grade = Grade.objects.filter(letter__file_name=GRADED_SEED).order_by("pk").first()
    url = change_url(grade)
    admin_client.get(url)
    edit_above_the_grades(loaded)

    data = form_data(admin_client.get(url), form_id="grade_form")
    data["grade"] = "inadequate" if grade.grade != "inadequate" else "good"
    response = admin_client.post(url, data)

    assert response.status_code == 302
    saved = Grade.objects.get(pk=grade.pk)
    assert saved.edited_fields == ["grade"]
    letter = saved.letter
    assert letter.text[saved.start : saved.end] == saved.quote


def _rewrite_a_quote(folder, grade):
    """The load rewrites the grade's quote (its words changed in the file)."""
    path = folder / GRADED_SEED
    path.write_text(path.read_text(encoding="utf-8").replace(grade.quote, grade.quote.upper(), 1))
    load_letters(paths=[folder])


def test_a_letter_form_opened_before_a_load_refuses_a_change_to_a_stale_inline_row(
    admin_client, loaded
):
    letter = Letter.objects.get(file_name=GRADED_SEED)
    grade = letter.grades.order_by("pk").first()
    url = change_url(letter)
    data = form_data(admin_client.get(url), form_id="letter_form")
    _rewrite_a_quote(loaded, grade)

    data[f"{row_prefix(data, grade)}-grade"] = "inadequate"
    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert STALE in response.content.decode()
    kept = Grade.objects.get(pk=grade.pk)
    assert (kept.grade, kept.quote, kept.edited_fields) == (grade.grade, grade.quote.upper(), [])


def test_an_inspection_form_opened_before_a_load_leaves_the_rows_it_did_not_touch(
    admin_client, loaded
):
    grade = Grade.objects.filter(letter__file_name=GRADED_SEED).order_by("pk").first()
    inspection = grade.inspection
    url = change_url(inspection)
    data = form_data(admin_client.get(url), form_id="inspection_form")
    edit_above_the_grades(loaded)  # the grades' spans move; nothing the form shows changes
    moved = Grade.objects.get(pk=grade.pk)

    data["title"] = "PEEL 2021/22, as a person names it"
    response = admin_client.post(url, data)

    # The inspection's own row is as it was shown; the grade rows the person left alone are
    # not written back, so their new spans stay and nothing is marked as a person's edit.
    assert response.status_code == 302
    inspection.refresh_from_db()
    assert inspection.edited_fields == ["title"]
    kept = Grade.objects.get(pk=grade.pk)
    assert (kept.start, kept.end, kept.edited_fields) == (moved.start, moved.end, [])
    assert kept.letter.text[kept.start : kept.end] == kept.quote


def test_a_letter_form_opened_before_its_letter_was_reloaded_is_refused(admin_client, loaded):
    letter = Letter.objects.get(file_name=GRADED_SEED)
    url = change_url(letter)
    data = form_data(admin_client.get(url), form_id="letter_form")
    path = loaded / GRADED_SEED
    path.write_text(path.read_text(encoding="utf-8").replace("RM/OPCC", "RM/OPCC/22", 1))
    load_letters(paths=[loaded])

    data["date"] = "19/05/2022"
    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert STALE in response.content.decode()
    letter.refresh_from_db()
    assert (letter.reference, letter.edited_fields) == ("RM/OPCC/22", [])


def test_an_inspection_form_opened_before_a_load_refuses_its_stale_findings(admin_client, loaded):
    finding = AreaForImprovement.objects.filter(letter__file_name=AFI_SEED).order_by("pk").first()
    url = change_url(finding.inspection)
    data = form_data(admin_client.get(url), form_id="inspection_form")
    path = loaded / AFI_SEED
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(finding.text, finding.text + " Urgently.", 1))
    load_letters(paths=[loaded])

    data[f"{row_prefix(data, finding)}-status"] = "closed"
    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert STALE in response.content.decode()
    kept = AreaForImprovement.objects.get(pk=finding.pk)
    assert (kept.status, kept.edited_fields) == ("unknown", [])
    assert kept.text.endswith("Urgently.")


@pytest.mark.parametrize(
    ("model", "spans"),
    [
        (Grade, ("start", "end")),
        (AreaForImprovement, ("start", "end", "response_start", "response_end")),
    ],
)
def test_spans_are_never_edited_by_hand(admin_client, loaded, model, spans):
    row = model.objects.exclude(start=None).order_by("pk").first()

    page = admin_client.get(change_url(row)).content.decode()

    for name in spans:
        assert f'name="{name}"' not in page


def test_term_dates_are_not_spans_and_stay_editable(admin_client):
    # A commissioner's term also has a start and an end: dates, which staff correct.
    term = CommissionerTerm.objects.order_by("pk").first()

    page = admin_client.get(change_url(term)).content.decode()

    assert 'name="start"' in page and 'name="end"' in page
