"""The admin for every model: pages load, corrections are recorded, history is visible."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from inspections.models import AreaForImprovement, Grade
from inspections.official import import_grades
from letters.models import LoadRun
from tests.admin_forms import form_data, row_prefix
from tests.builders import get_force, make_afi, make_commissioner, make_grade, make_letter
from tests.conftest import FIXTURES_DIR

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_everything(admin_client):
    """A row of every registered model, including a history entry made through the admin."""
    Group.objects.create(name="Editors")
    letter = make_letter(commissioner=make_commissioner())
    grade = make_grade(letter=letter)
    make_afi(letter=letter, inspection=grade.inspection)
    import_grades([FIXTURES_DIR / "reference" / "peel_counts_sample.csv"])  # official grades
    LoadRun.objects.create(paths=["uploads/0123456789abcdef/letter.txt"])
    url = reverse("admin:inspections_grade_change", args=[grade.pk])
    data = form_data(admin_client.get(url), form_id="grade_form")
    admin_client.post(url, {**data, "grade": "outstanding"})
    assert LogEntry.objects.exists()


@pytest.mark.parametrize(
    "model", list(admin.site._registry), ids=lambda model: model._meta.label_lower
)
def test_admin_changelist_and_change_page_load_for_every_model(
    admin_client, one_of_everything, model
):
    meta = model._meta
    obj = model.objects.order_by("pk").first()

    changelist = admin_client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
    change = admin_client.get(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
    )

    assert (changelist.status_code, change.status_code) == (200, 200)


def test_admin_inspection_page_shows_its_grades_and_findings_inline(admin_client):
    grade = make_grade(quote='responding to the public ("adequate" grade)')
    make_afi(inspection=grade.inspection, text="The Force needs to attend calls.")

    page = admin_client.get(
        reverse("admin:inspections_inspection_change", args=[grade.inspection.pk])
    ).content.decode()

    assert "responding to the public (&quot;adequate&quot; grade)" in page
    assert "The Force needs to attend calls." in page


def test_admin_inspection_inline_afi_change_records_edited_fields(admin_client):
    finding = make_afi(response="")
    url = reverse("admin:inspections_inspection_change", args=[finding.inspection.pk])
    data = form_data(admin_client.get(url), form_id="inspection_form")
    prefix = row_prefix(data, finding)
    data[f"{prefix}-response"] = "Done in 2025."
    data[f"{prefix}-status"] = "closed"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    finding.refresh_from_db()
    assert (finding.response, finding.status) == ("Done in 2025.", "closed")
    assert finding.edited_fields == ["response", "status"]


def test_admin_afi_status_edited_from_the_list(admin_client):
    finding = make_afi()
    url = reverse("admin:inspections_areaforimprovement_changelist")
    data = form_data(admin_client.get(url), form_id="changelist-form")
    prefix = row_prefix(data, finding)
    data[f"{prefix}-status"] = "in-progress"
    data["_save"] = "Save"

    admin_client.post(url, data)

    finding.refresh_from_db()
    assert (finding.status, finding.edited_fields) == ("in-progress", ["status"])


def test_admin_grade_change_records_edited_fields(admin_client):
    grade = make_grade(grade="good")
    url = reverse("admin:inspections_grade_change", args=[grade.pk])
    data = form_data(admin_client.get(url), form_id="grade_form")

    admin_client.post(url, {**data, "grade": "adequate"})

    grade.refresh_from_db()
    assert (grade.grade, grade.edited_fields) == ("adequate", ["grade"])


def test_admin_force_is_read_mostly(admin_client):
    force = get_force()

    add = admin_client.get(reverse("admin:inspections_force_add"))
    delete = admin_client.get(reverse("admin:inspections_force_delete", args=[force.pk]))
    change = admin_client.get(reverse("admin:inspections_force_change", args=[force.pk]))

    assert (add.status_code, delete.status_code) == (403, 403)
    assert 'name="name"' not in change.content.decode()


def test_admin_recent_changes_lists_who_changed_what(admin_client, admin_user):
    grade = make_grade(grade="good")
    url = reverse("admin:inspections_grade_change", args=[grade.pk])
    admin_client.post(url, {**form_data(admin_client.get(url), "grade_form"), "grade": "adequate"})

    page = admin_client.get(reverse("admin:admin_logentry_changelist")).content.decode()

    assert admin_user.username in page
    assert "Changed Grade." in page
    assert url in page


def test_admin_recent_changes_are_read_only(admin_client):
    make_grade()

    response = admin_client.get(reverse("admin:admin_logentry_add"))

    assert response.status_code == 403


def test_admin_forget_corrections_on_grades(admin_client):
    grade = make_grade(edited_fields=["grade"])

    admin_client.post(
        reverse("admin:inspections_grade_changelist"),
        {"action": "forget_corrections", "_selected_action": [grade.pk]},
    )

    assert Grade.objects.get(pk=grade.pk).edited_fields == []
    assert AreaForImprovement.objects.count() == 0
