"""Deletions are corrections (issue 10, item 8), through the real admin and real reloads.

A grade or finding a person deletes stays deleted when its file changes; deleting a letter
withdraws it: hidden from every public page and figure, kept with its history, never recreated
by a reload; the admin restores all three.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse

from devtools.pages import LIST_PATHS
from inspections.models import AreaForImprovement, Grade, Inspection
from letters.loading import load_letters
from letters.models import Letter
from tests.admin_forms import form_data, row_prefix
from tests.letters.loading.examples import AFI_SEED

GRADED_SEED = "001_439538cb42c9acce.txt"  # eight grades

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def delete_in_admin(client, obj):
    """The admin's delete page, confirmed, as a person would."""
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302, response.content.decode()[:2000]


def touch(path):
    """Change a letter's text without changing what is read from it."""
    path.write_text(path.read_text(encoding="utf-8") + "\nEnds.\n", encoding="utf-8")


def restore(client, model, obj):
    meta = model._meta
    client.post(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"),
        {"action": "restore", "_selected_action": [obj.pk]},
    )


@pytest.fixture
def loaded(letters_dir):
    load_letters(paths=[letters_dir])
    return letters_dir


def test_a_grade_deleted_in_the_admin_stays_deleted_after_its_file_changes(admin_client, loaded):
    letter = Letter.objects.get(file_name=GRADED_SEED)
    grade = letter.grades.order_by("pk").first()
    delete_in_admin(admin_client, grade)
    touch(loaded / GRADED_SEED)

    summary = load_letters(paths=[loaded])

    assert summary.updated == 1
    assert not Grade.objects.public().filter(letter=letter, area=grade.area).exists()
    assert Grade.objects.filter(letter=letter, area=grade.area).count() == 1
    force_page = admin_client.get(letter.force.get_absolute_url())  # staff: a live page
    assert f'id="grade-{grade.pk}"' not in force_page.content.decode()


def test_a_deleted_grade_is_restored_by_the_admin(admin_client, loaded):
    grade = Grade.objects.order_by("pk").first()
    delete_in_admin(admin_client, grade)

    restore(admin_client, Grade, grade)

    assert Grade.objects.public().filter(pk=grade.pk).exists()


def test_a_finding_deleted_inline_stays_deleted_after_its_file_changes(admin_client, loaded):
    letter = Letter.objects.get(file_name=AFI_SEED)
    finding = letter.areas_for_improvement.order_by("pk").first()
    url = change_url(letter)
    data = form_data(admin_client.get(url), form_id="letter_form")
    data[f"{row_prefix(data, finding)}-DELETE"] = "on"
    assert admin_client.post(url, data).status_code == 302
    touch(loaded / AFI_SEED)

    load_letters(paths=[loaded])

    visible = AreaForImprovement.objects.public().filter(letter=letter)
    assert finding.pk not in set(visible.values_list("pk", flat=True))
    assert not visible.filter(kind=finding.kind, number=finding.number).exists()
    assert AreaForImprovement.objects.get(pk=finding.pk).deleted


def test_deleting_a_letter_withdraws_it_with_its_history(admin_client, client, loaded):
    letter = Letter.objects.get(file_name=AFI_SEED)
    touch(loaded / AFI_SEED)
    load_letters(paths=[loaded])  # a revision to keep
    finding = letter.areas_for_improvement.order_by("pk").first()
    finding.response = "Corrected by staff."
    finding.mark_edited(["response"])
    finding.save()

    delete_in_admin(admin_client, letter)

    letter.refresh_from_db()
    assert letter.withdrawn
    assert letter.revisions.count() == 1
    assert AreaForImprovement.objects.get(pk=finding.pk).response == "Corrected by staff."
    assert client.get(letter.get_absolute_url()).status_code == 404
    assert client.get(f"{letter.get_absolute_url()}text/").status_code == 404
    assert client.get(f"{letter.get_absolute_url()}original/").status_code == 404
    original = admin_client.get(f"{letter.get_absolute_url()}original/")  # staff still can
    assert original.status_code == 200
    assert b"".join(original.streaming_content)  # read through, so the client closes the file
    assert letter.file_name not in client.get("/letters/").content.decode()
    assert not Letter.objects.public().filter(pk=letter.pk).exists()
    assert not Grade.objects.public().filter(letter=letter).exists()
    assert not AreaForImprovement.objects.public().filter(letter=letter).exists()


def test_a_withdrawn_letter_is_not_recreated_by_a_reload(admin_client, loaded, tmp_path):
    letter = Letter.objects.get(file_name=AFI_SEED)
    delete_in_admin(admin_client, letter)
    touch(loaded / AFI_SEED)
    (loaded / "copy.txt").write_bytes((loaded / AFI_SEED).read_bytes())

    summary = load_letters(paths=[loaded])

    assert (summary.created, summary.updated, summary.duplicate) == (0, 1, 1)
    assert Letter.objects.filter(date=dt.date(2025, 1, 28)).count() == 1
    letter.refresh_from_db()
    assert letter.withdrawn


def test_a_withdrawn_letter_leaves_every_public_figure(
    client, admin_client, loaded, django_capture_on_commit_callbacks
):
    letter = Letter.objects.get(file_name=AFI_SEED)
    inspection = letter.inspection
    counts_before = {label: n for label, n, *_ in client.get("/").context["counts"]}
    with django_capture_on_commit_callbacks(execute=True):  # the page cache's version moves
        delete_in_admin(admin_client, letter)

    home = client.get("/")
    counts = {label: n for label, n, *_ in home.context["counts"]}
    inspection_page = client.get(inspection.get_absolute_url())
    force_page = client.get(letter.force.get_absolute_url())

    assert counts["Letters"] == counts_before["Letters"] - 1
    assert counts["Areas for improvement"] < counts_before["Areas for improvement"]
    # Its inspection was answered by this letter alone: it goes with it.
    assert counts["Inspections"] == counts_before["Inspections"] - 1
    assert inspection_page.status_code == 404
    assert not Inspection.objects.public().filter(pk=inspection.pk).exists()
    assert letter.get_absolute_url() not in force_page.content.decode()
    assert all(letter.get_absolute_url() not in point.url for point in force_page.context["grades"])


def test_a_withdrawn_letter_is_restored_by_the_admin(client, admin_client, loaded):
    letter = Letter.objects.get(file_name=AFI_SEED)
    delete_in_admin(admin_client, letter)

    restore(admin_client, Letter, letter)

    assert client.get(letter.get_absolute_url()).status_code == 200


def test_no_public_page_shows_a_withdrawn_letter_or_a_deleted_grade(
    client, admin_client, loaded, django_capture_on_commit_callbacks
):
    withdrawn = Letter.objects.get(file_name=AFI_SEED)
    deleted = Grade.objects.filter(letter__file_name=GRADED_SEED).order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        delete_in_admin(admin_client, withdrawn)
        delete_in_admin(admin_client, deleted)
    pages = [f"{path}?per_page=100" if path != "/" else path for path in LIST_PATHS]
    for listing in ("/forces/", "/commissioners/", "/inspections/", "/letters/"):
        content = client.get(listing, {"per_page": 100}).content.decode()
        pages += sorted(set(re.findall(rf'href="({listing}[\w-]+/)"', content)))

    for page in pages:
        content = client.get(page).content.decode()
        assert AFI_SEED not in content, page
        assert withdrawn.get_absolute_url() not in content, page
        assert f"grade-{deleted.pk}" not in content, page
    assert len(pages) > 20
