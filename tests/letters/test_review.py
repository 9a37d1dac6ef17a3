"""Reviewing what the parser read: pcc_response stored, provenance, the queue, the review screen.

Real letters through the real loader (tests/fixtures/letters, seeds/); the review screen's form
is read from the page and posted back as a browser would (tests/admin_forms.py).
"""

import datetime as dt
import html
import shutil

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from inspections.models import Grade, Inspection
from letters.loading import load_letters
from letters.models import Letter
from letters.review import review_queue, unconfirmed
from tests.admin_forms import form_data, row_prefix
from tests.builders import make_grade, make_inspection, make_letter

pytestmark = pytest.mark.django_db

NOT_A_RESPONSE = "cheshire-chief-constable-statement-peel-2023-25.txt"
MINISTER = "home-office-minister-letter-to-pccs-2023.txt"
MISMATCH = "pcc-kent-peel-2021-22-summary-mismatch.txt"
NORFOLK = "pcc-norfolk-peel-2023-25.txt"
ESSEX = "pfcc-essex-peel-2023-25.txt"


@pytest.fixture
def letters(tmp_path, fixtures_dir):
    """A folder of fixture letters (a copy, so a test can change one and load it again)."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for name in (NOT_A_RESPONSE, MINISTER, MISMATCH, NORFOLK, ESSEX):
        shutil.copy(fixtures_dir / "letters" / name, folder / name)
    return folder


def _load(folder):
    summary = load_letters(paths=[folder])
    assert summary.failed == 0, summary.errors
    return summary


def _letter(name) -> Letter:
    return Letter.objects.select_related("inspection").get(file_name=name)


def review_url(letter):
    return reverse("admin:letters_letter_review", args=[letter.pk])


def _change_the_file(path):
    """A new version of the file (a line added at the end): the loader writes it again."""
    path.write_text(path.read_text() + "\nPublished on our website.\n")


# -- pcc_response --------------------------------------------------------------------------


def test_a_text_that_is_not_a_response_is_stored_but_hidden_from_public_pages(letters, client):
    _load(letters)
    statement, norfolk = _letter(NOT_A_RESPONSE), _letter(NORFOLK)

    assert (statement.pcc_response, norfolk.pcc_response) == (False, True)
    assert not Letter.objects.public().filter(pk=statement.pk).exists()
    assert Letter.objects.public().filter(pk=norfolk.pk).exists()
    assert client.get(statement.get_absolute_url()).status_code == 404
    assert client.get(norfolk.get_absolute_url()).status_code == 200
    assert not Grade.objects.public().filter(letter=statement).exists()
    api = client.get("/api/letters/", {"page_size": 200}).json()
    assert {row["id"] for row in api["results"]} == set(
        Letter.objects.exclude(pcc_response=False).values_list("pk", flat=True)
    )


def test_staff_correct_pcc_response_and_the_correction_survives_a_reload(letters, admin_client):
    _load(letters)
    statement = _letter(NOT_A_RESPONSE)
    data = form_data(admin_client.get(review_url(statement)), form_id="review-form")
    data["letter-pcc_response"] = "on"
    data["save"] = "1"

    response = admin_client.post(review_url(statement), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    _change_the_file(letters / NOT_A_RESPONSE)
    summary = load_letters(paths=[letters])
    statement.refresh_from_db()

    assert summary.updated == 1
    assert statement.pcc_response is True
    assert "pcc_response" in statement.edited_fields
    assert statement.corrected_by.username == "admin"
    assert Letter.objects.public().filter(pk=statement.pk).exists()
    assert [c.field for c in summary.conflicts] == ["pcc_response"]


# -- provenance ----------------------------------------------------------------------------


def test_a_correction_on_the_review_screen_records_who_and_when_and_survives_a_reload(
    letters, admin_client
):
    _load(letters)
    norfolk = _letter(NORFOLK)
    grade = norfolk.grades.order_by("pk").first()
    page = admin_client.get(review_url(norfolk))
    data = form_data(page, form_id="review-form")
    prefix = row_prefix(data, grade)
    new_grade = "inadequate" if grade.grade != "inadequate" else "good"
    data[f"{prefix}-grade"] = new_grade
    data["save"] = "1"

    assert "Read by the parser (version" in page.content.decode()
    assert admin_client.post(review_url(norfolk), data).status_code == 302
    _change_the_file(letters / NORFOLK)
    assert load_letters(paths=[letters]).updated == 1
    grade.refresh_from_db()
    screen = admin_client.get(review_url(norfolk)).content.decode()

    assert (grade.grade, grade.edited_fields) == (new_grade, ["grade"])
    assert grade.corrected_by.username == "admin"
    assert grade.corrected_at.date() == dt.date.today()
    assert f"Corrected by admin on {dt.date.today():%-d %B %Y}" in screen


def test_confirming_a_letter_confirms_its_inspection_grades_and_findings(letters, admin_client):
    _load(letters)
    mismatch = _letter(MISMATCH)
    data = form_data(admin_client.get(review_url(mismatch)), form_id="review-form")
    data["confirm"] = "1"

    response = admin_client.post(review_url(mismatch), data)
    mismatch.refresh_from_db()
    inspection = Inspection.objects.get(pk=mismatch.inspection_id)

    # On to the riskiest letter left in the queue.
    riskiest = review_queue(unconfirmed())[0].letter
    assert response.status_code == 302 and response["Location"] == review_url(riskiest)
    assert riskiest.pk != mismatch.pk
    assert mismatch.confirmed_by.username == inspection.confirmed_by.username == "admin"
    assert mismatch.edited_fields == []  # nothing changed: confirmed, not corrected
    assert mismatch.review_status == "confirmed by staff"
    for row in (*mismatch.grades.all(), *mismatch.areas_for_improvement.all()):
        assert row.confirmed_by_id == mismatch.confirmed_by_id
    assert not unconfirmed().filter(pk=mismatch.pk).exists()
    assert LogEntry.objects.filter(
        object_id=str(mismatch.pk), change_message="Confirmed on the review screen"
    ).exists()
    screen = admin_client.get(review_url(mismatch)).content.decode()
    assert f"Confirmed by admin on {dt.date.today():%-d %B %Y}" in screen


def test_a_reload_that_changes_a_confirmed_fact_puts_the_letter_back_in_the_queue(
    letters, admin_client
):
    _load(letters)
    norfolk = _letter(NORFOLK)
    data = form_data(admin_client.get(review_url(norfolk)), form_id="review-form")
    admin_client.post(review_url(norfolk), {**data, "confirm": "1"})
    path = letters / NORFOLK

    path.write_text(path.read_text() + "\nPublished on our website.\n")
    load_letters(paths=[letters])
    norfolk.refresh_from_db()
    assert norfolk.confirmed_at is not None  # the same facts: still confirmed

    # The letter's date, a fact, now a year earlier in the text.
    start, end = norfolk.spans["date"]
    text = path.read_text()
    year = str(norfolk.date.year)
    words = norfolk.text[start:end]
    assert year in words and words in text
    path.write_text(text.replace(words, words.replace(year, str(norfolk.date.year - 1)), 1))
    load_letters(paths=[letters])
    before = norfolk.date
    norfolk.refresh_from_db()
    assert norfolk.date == before.replace(year=before.year - 1)
    assert norfolk.confirmed_at is None and norfolk.confirmed_by is None
    assert unconfirmed().filter(pk=norfolk.pk).exists()


def test_a_stale_review_form_is_refused_and_saves_nothing(letters, admin_client):
    _load(letters)
    norfolk = _letter(NORFOLK)
    data = form_data(admin_client.get(review_url(norfolk)), form_id="review-form")
    Letter.objects.get(pk=norfolk.pk).save()  # someone else saved it meanwhile
    data["letter-date"] = "2020-01-01"
    data["confirm"] = "1"

    response = admin_client.post(review_url(norfolk), data)
    norfolk.refresh_from_db()

    assert response.status_code == 200
    assert "changed since you opened it" in response.content.decode()
    assert norfolk.date != dt.date(2020, 1, 1)
    assert norfolk.confirmed_at is None


def test_grades_areas_and_kinds_are_choices_from_the_vocabulary(letters, admin_client):
    _load(letters)
    norfolk = _letter(NORFOLK)
    response = admin_client.get(review_url(norfolk))
    page = response.content.decode()
    data = form_data(response, form_id="review-form")
    prefix = row_prefix(data, norfolk.grades.first())

    assert f'<select name="{prefix}-area"' in page
    assert f'<select name="{prefix}-grade"' in page
    assert '<select name="inspection-kind"' in page
    assert '<select name="inspection-period"' in page
    data[f"{prefix}-area"] = "not-an-area"
    response = admin_client.post(review_url(norfolk), {**data, "save": "1"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_review_screen_highlights_every_fact_and_pins_its_queries(
    letters, admin_client, django_assert_max_num_queries
):
    _load(letters)
    norfolk = _letter(NORFOLK)
    with django_assert_max_num_queries(12):
        page = admin_client.get(review_url(norfolk)).content.decode()

    for grade in norfolk.grades.all():
        assert f'id="grade-{grade.pk}"' in page
    assert 'id="fact-date"' in page
    assert "Save corrections" in page and ">Confirm<" in page


# -- the queue -----------------------------------------------------------------------------


def test_the_queue_orders_letters_by_risk_with_reasons_in_words(letters):
    _load(letters)
    queue = review_queue(unconfirmed())
    names = [risk.letter.file_name for risk in queue]
    scores = [risk.score for risk in queue]
    by_name = {risk.letter.file_name: risk for risk in queue}

    assert scores == sorted(scores, reverse=True)
    assert set(names[:2]) == {NOT_A_RESPONSE, MINISTER}
    assert "not a commissioner's response" in by_name[NOT_A_RESPONSE].words
    assert "the counts it states disagree with the grades it names" in by_name[MISMATCH].words
    assert by_name[MISMATCH].score > by_name[NORFOLK].score


def test_a_grade_that_disagrees_with_another_letter_is_a_reason():
    inspection = make_inspection()
    first, second = make_letter(inspection=inspection), make_letter(inspection=inspection)
    make_grade(inspection=inspection, letter=first, grade="good")
    make_grade(inspection=inspection, letter=second, grade="adequate")
    agreeing = make_letter(inspection=make_inspection())
    make_grade(inspection=agreeing.inspection, letter=agreeing, grade="good")

    reasons = {risk.letter.pk: risk.reasons for risk in review_queue(unconfirmed())}

    assert "disagrees" in reasons[first.pk] and "disagrees" in reasons[second.pk]
    assert "disagrees" not in reasons[agreeing.pk]


def test_the_queue_page_filters_and_pins_its_queries(
    letters, admin_client, django_assert_max_num_queries
):
    _load(letters)
    url = reverse("admin:letters_letter_review_queue")
    kent = _letter(MISMATCH)

    with django_assert_max_num_queries(12):
        page = admin_client.get(url).content.decode()
    by_reason = admin_client.get(url, {"reason": "not-response"}).content.decode()
    by_force = admin_client.get(url, {"force": kent.force_id}).content.decode()
    by_kind = admin_client.get(url, {"kind": "peel", "period": kent.inspection.period})

    assert NORFOLK in page and NOT_A_RESPONSE in page
    assert page.index(NOT_A_RESPONSE) < page.index(NORFOLK)
    assert NOT_A_RESPONSE in by_reason and NORFOLK not in by_reason
    assert MISMATCH in by_force and NORFOLK not in by_force
    assert MISMATCH in by_kind.content.decode()


def test_the_queue_reads_a_bounded_number_of_queries_however_many_letters(
    admin_client, django_assert_max_num_queries
):
    inspection = make_inspection()
    for n in range(30):
        letter = make_letter(inspection=inspection, warnings=[f"note {n}"])
        make_grade(inspection=inspection, letter=letter, grade="good" if n % 2 else "adequate")

    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("admin:letters_letter_review_queue"))
    assert response.status_code == 200


def test_staff_without_the_change_permission_cannot_open_the_review_work(client):
    user = User.objects.create_user("viewer", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_letter"))
    client.force_login(user)

    assert client.get(reverse("admin:letters_letter_review_queue")).status_code == 403
    assert client.get(reverse("admin:letters_letter_upload")).status_code == 403


# -- public pages --------------------------------------------------------------------------


def test_public_pages_say_what_staff_corrected_and_confirmed(
    letters, admin_client, client, django_assert_max_num_queries
):
    _load(letters)
    norfolk = _letter(NORFOLK)
    grade = norfolk.grades.order_by("pk").first()
    data = form_data(admin_client.get(review_url(norfolk)), form_id="review-form")
    data[f"{row_prefix(data, grade)}-grade"] = (
        "inadequate" if grade.grade != "inadequate" else "good"
    )
    admin_client.post(review_url(norfolk), {**data, "confirm": "1"})

    with django_assert_max_num_queries(12):
        letter_page = client.get(norfolk.get_absolute_url()).content.decode()
    with django_assert_max_num_queries(16):
        inspection_page = client.get(norfolk.inspection.get_absolute_url()).content.decode()

    today = f"{dt.date.today():%-d %B %Y}"
    assert f"Confirmed by staff on {today}" in letter_page
    assert f"corrected by staff on {today}: the letter says" in letter_page
    assert "admin" not in letter_page  # no usernames on public pages
    assert f"corrected by staff on {today}: the letter says" in inspection_page


def test_the_inspection_page_shows_two_letters_that_disagree_with_both_quotes(client):
    inspection = make_inspection()
    first = make_letter(inspection=inspection, date=dt.date(2025, 1, 2))
    second = make_letter(inspection=inspection, date=dt.date(2025, 2, 3))
    make_grade(inspection=inspection, letter=first, grade="good", quote="graded good")
    make_grade(inspection=inspection, letter=second, grade="adequate", quote="rated adequate")

    page = client.get(inspection.get_absolute_url()).content.decode()

    assert "The letters disagree about Preventing crime" in page
    assert "“graded good”" in page and "“rated adequate”" in page


def test_provenance_words(django_user_model):
    from pccsite.provenance import provenance

    person = django_user_model.objects.create_user("reviewer")
    letter = make_letter(parser_version="7")
    assert provenance(letter, "date", "7").text == "read by the parser (version 7)"
    when = dt.datetime(2026, 3, 4, 12, tzinfo=dt.UTC)
    letter.mark_edited(["date"], person, when)
    letter.mark_confirmed(person, when)
    assert (
        provenance(letter, "date", "7", public=False).text
        == "corrected by reviewer on 4 March 2026"
    )
    assert provenance(letter, "date", "7").text == "corrected by staff on 4 March 2026"
    assert (
        provenance(letter, "force", "7", public=False).text
        == "confirmed by reviewer on 4 March 2026"
    )


def test_a_corrected_finding_says_what_the_letter_says(letters, admin_client, client):
    _load(letters)
    norfolk = _letter(NORFOLK)
    finding = norfolk.areas_for_improvement.exclude(start=None).order_by("pk").first()
    data = form_data(admin_client.get(review_url(norfolk)), form_id="review-form")
    data[f"{row_prefix(data, finding)}-response"] = "We have done this since."
    assert admin_client.post(review_url(norfolk), {**data, "save": "1"}).status_code == 302

    finding.refresh_from_db()
    page = client.get(norfolk.get_absolute_url()).content.decode()
    words = " ".join(norfolk.text[finding.start : finding.end].split())[:40]

    assert finding.edited_fields == ["response"] and finding.response == "We have done this since."
    assert f"{finding}: corrected by staff on" in page
    assert html.escape(words) in page


def test_a_correction_in_the_admin_change_form_records_who_and_when(admin_client):
    letter = make_letter()
    url = reverse("admin:letters_letter_change", args=[letter.pk])
    data = form_data(admin_client.get(url), form_id="letter_form")
    data["reference"] = "OPCC/2025/1"

    assert admin_client.post(url, data).status_code == 302
    letter.refresh_from_db()
    assert letter.edited_fields == ["reference"]
    assert letter.corrected_by.username == "admin" and letter.corrected_at is not None


def test_a_correction_that_would_duplicate_an_inspection_saves_nothing(admin_client):
    make_inspection(kind="peel", natural_key="2024-12-05")
    other = make_inspection(kind="crime-data-integrity", natural_key="2024-12-05")
    letter = make_letter(inspection=other)
    data = form_data(admin_client.get(review_url(letter)), form_id="review-form")
    data["inspection-kind"] = "peel"
    data["letter-date"] = "2020-02-02"

    response = admin_client.post(review_url(letter), {**data, "save": "1"}, follow=True)
    other.refresh_from_db()
    letter.refresh_from_db()

    assert (
        "Nothing was saved: the correction would duplicate another row" in response.content.decode()
    )
    assert other.kind == "crime-data-integrity" and letter.date != dt.date(2020, 2, 2)
