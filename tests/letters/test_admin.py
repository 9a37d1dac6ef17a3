"""The letters admin, and corrections made through the admin surviving reloads of the seeds."""

import datetime as dt

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from inspections.models import Grade
from letters.loading import load_letters
from letters.models import Letter
from tests.admin_forms import form_data, row_prefix
from tests.builders import make_afi, make_grade, make_letter

pytestmark = pytest.mark.django_db

AFI_SEED = "003_4ece3fc261db78a7.txt"


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def post_change(client, obj, **changes):
    """Open obj's admin change page, change some fields and save it as a person would."""
    url = change_url(obj)
    data = form_data(client.get(url), form_id=f"{obj._meta.model_name}_form")
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_letter_admin_changelist_and_change_page(admin_client):
    letter = make_letter(warnings=["summary counts 4 'good' grades but names 3"])
    make_grade(letter=letter)
    make_afi(letter=letter)

    changelist = admin_client.get(reverse("admin:letters_letter_changelist"))
    change = admin_client.get(change_url(letter))

    assert changelist.status_code == change.status_code == 200
    assert letter.file_name in changelist.content.decode()
    assert "summary counts 4 &#x27;good&#x27; grades but names 3" in change.content.decode()


def test_letter_admin_filters_and_search(admin_client):
    make_letter(warnings=["odd"], reference="OPCC/1761/18")
    url = reverse("admin:letters_letter_changelist")

    for query in ({"warnings": "yes"}, {"warnings": "no"}, {"q": "1761"}, {"date__year": 2025}):
        assert admin_client.get(url, query).status_code == 200


def test_letter_admin_shows_the_text_with_evidence_highlighted(admin_client):
    text = "Our ref: X1\n\n11th April 2023\n\nDear Mr Wilsher <b>,\n"
    start = text.index("11th")
    letter = make_letter(text=text, spans={"date": [start, start + 15]})

    page = admin_client.get(change_url(letter)).content.decode()

    assert 'title="Date of the letter">11th April 2023</mark>' in page
    assert "Dear Mr Wilsher &lt;b&gt;," in page


def test_letter_admin_highlights_the_grades_of_a_loaded_seed(admin_client, seeds_dir):
    load_letters(paths=[seeds_dir / "001_439538cb42c9acce.txt"])
    letter = Letter.objects.get()

    page = admin_client.get(change_url(letter)).content.decode()

    assert page.count('class="fact fact--grade"') == letter.grades.count() == 8
    assert 'title="Signed by">Rupert Matthews</mark>' in page


def test_letter_admin_change_records_edited_fields_and_history(admin_client):
    letter = make_letter(date=dt.date(2025, 1, 28))

    post_change(admin_client, letter, date="01/02/2025", reference="RM/OPCC")

    letter.refresh_from_db()
    assert letter.date == dt.date(2025, 2, 1)
    assert letter.edited_fields == ["date", "reference"]
    entry = LogEntry.objects.get(object_id=str(letter.pk))
    assert entry.action_flag == CHANGE
    assert "Date" in entry.get_change_message()


def test_letter_admin_inline_change_records_edited_fields(admin_client):
    letter = make_letter()
    grade = make_grade(letter=letter, grade="good")
    url = change_url(letter)
    data = form_data(admin_client.get(url), form_id="letter_form")
    prefix = row_prefix(data, grade)
    data[f"{prefix}-grade"] = "outstanding"

    response = admin_client.post(url, data)

    assert response.status_code == 302
    grade.refresh_from_db()
    assert (grade.grade, grade.edited_fields) == ("outstanding", ["grade"])
    letter.refresh_from_db()
    assert letter.edited_fields == []


def test_letter_admin_saving_unchanged_records_no_edits(admin_client):
    letter = make_letter()

    post_change(admin_client, letter)

    letter.refresh_from_db()
    assert letter.edited_fields == []


def test_letter_admin_forget_corrections_action(admin_client):
    letter = make_letter(edited_fields=["date"])

    admin_client.post(
        reverse("admin:letters_letter_changelist"),
        {"action": "forget_corrections", "_selected_action": [letter.pk]},
    )

    letter.refresh_from_db()
    assert letter.edited_fields == []


def test_corrections_in_the_admin_survive_reloading_the_seeds(admin_client, letters_dir):
    folder = letters_dir
    load_letters(paths=[folder])
    grade = Grade.objects.order_by("pk").first()
    parsed_grade = grade.grade
    new_grade = "inadequate" if parsed_grade != "inadequate" else "good"
    letter = Letter.objects.get(file_name=AFI_SEED)
    post_change(admin_client, grade, grade=new_grade)
    post_change(admin_client, letter, date="01/02/2025")
    for seed in (folder / grade.letter.file_name, folder / AFI_SEED):
        # A line more: the text changes (a blank line would be the same text, re-encoded).
        seed.write_text(seed.read_text(encoding="utf-8") + "\nEnds.\n", encoding="utf-8")

    summary = load_letters(paths=[folder])

    assert summary.updated == 2 if grade.letter.file_name != AFI_SEED else 1
    grade.refresh_from_db()
    letter.refresh_from_db()
    assert (grade.grade, grade.edited_fields) == (new_grade, ["grade"])
    assert (letter.date, letter.edited_fields) == (dt.date(2025, 2, 1), ["date"])
    conflicts = {
        (c.source.rsplit("/", 1)[-1], c.field, c.kept, c.parsed) for c in summary.conflicts
    }
    assert conflicts == {
        (grade.letter.file_name, "grade", new_grade, parsed_grade),
        (AFI_SEED, "date", "2025-02-01", "2025-01-28"),
    }


def test_letter_admin_shows_a_file_name_with_control_characters_escaped(admin_client, letters_dir):
    # Issue 10, item 7: names are shown escaped everywhere, the admin included.
    seed = sorted(letters_dir.glob("*.txt"))[0]
    seed.rename(letters_dir / "\x1b[2Kx\ny.txt")
    load_letters(paths=[letters_dir])
    letter = Letter.objects.get(file_name="\\x1b[2Kx\\ny.txt")

    changelist = admin_client.get(reverse("admin:letters_letter_changelist")).content.decode()
    change = admin_client.get(change_url(letter)).content.decode()

    for page in (changelist, change):
        assert "\x1b" not in page
        assert "\\x1b[2Kx\\ny.txt" in page
    assert f"{letters_dir}/\\x1b[2Kx\\ny.txt" in change
