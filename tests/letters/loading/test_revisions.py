"""Nothing lost: the version of a letter a load replaces is kept, and shown in the admin."""

import datetime as dt
import hashlib

import pytest
from django.urls import reverse

from inspections.models import Grade
from letters.loading import load_letters
from letters.models import Letter, LetterRevision
from letters.parsing import PARSER_VERSION
from tests.admin_forms import form_data

pytestmark = pytest.mark.django_db

SEED = "003_4ece3fc261db78a7.txt"
OLD_DATE = "28th January 2025"
NEW_DATE = "29th January 2025"


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_revision_changed_file_keeps_the_earlier_text_and_extraction(letters_dir):
    load_letters(paths=[letters_dir])
    seed = letters_dir / SEED
    letter = Letter.objects.get(file_name=SEED)
    old_text, old_sha = letter.text, letter.sha256
    old_grades = sorted(letter.grades.values_list("area", "grade"))
    rewrite(seed, OLD_DATE, NEW_DATE)

    summary = load_letters(paths=[letters_dir])

    assert (summary.updated, summary.unchanged) == (1, 4)
    revision = LetterRevision.objects.get()
    letter.refresh_from_db()
    assert revision.letter == letter
    assert (revision.text, revision.sha256, revision.parser_version) == (
        old_text,
        old_sha,
        PARSER_VERSION,
    )
    assert revision.created_at == letter.created_at
    assert letter.created_at < revision.replaced_at <= letter.updated_at
    assert letter.date == dt.date(2025, 1, 29)
    extraction = revision.extraction
    assert (extraction["date"], extraction["sha256"]) == ("2025-01-28", old_sha)
    assert extraction["force"] == "Leicestershire Police"
    assert extraction["commissioner"]["name"] == "Rupert Matthews"
    assert sorted((g["area"], g["grade"]) for g in extraction["grades"]) == old_grades
    assert [afi["number"] for afi in extraction["areas_for_improvement"]] == list(range(1, 11))


def test_revision_each_change_keeps_one_more_version(letters_dir):
    load_letters(paths=[letters_dir])
    seed = letters_dir / SEED
    rewrite(seed, OLD_DATE, NEW_DATE)
    load_letters(paths=[letters_dir])
    rewrite(seed, NEW_DATE, "30th January 2025")

    load_letters(paths=[letters_dir])

    first, second = LetterRevision.objects.order_by("pk")
    assert (first.extraction["date"], second.extraction["date"]) == ("2025-01-28", "2025-01-29")
    # A version was loaded when the one before it was replaced.
    assert second.created_at == first.replaced_at
    assert hashlib.sha256(second.text.encode()).hexdigest() == second.sha256
    assert list(Letter.objects.get(file_name=SEED).revisions.all()) == [second, first]


def test_revision_none_for_an_unchanged_reload_a_move_or_a_failed_file(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    load_letters(paths=[letters_dir])
    moved = tmp_path / "moved"
    moved.mkdir()
    (letters_dir / SEED).rename(moved / SEED)
    load_letters(paths=[moved, letters_dir])
    (moved / SEED).write_bytes(b"%PDF-1.4")

    summary = load_letters(paths=[moved])

    assert summary.failed == 1
    assert LetterRevision.objects.count() == 0


def test_revision_new_parser_version_keeps_the_earlier_extraction(letters_dir):
    load_letters(paths=[letters_dir])
    # As if these letters had been read by an older parser: the values it showed are kept.
    Letter.objects.update(parser_version="0-older")
    Letter.objects.filter(file_name=SEED).update(date=dt.date(2020, 1, 1))

    summary = load_letters(paths=[letters_dir])

    assert summary.updated == 5
    assert LetterRevision.objects.count() == 5
    revision = LetterRevision.objects.get(letter__file_name=SEED)
    letter = revision.letter
    assert revision.parser_version == "0-older"
    assert (revision.text, revision.sha256) == (letter.text, letter.sha256)
    assert revision.extraction["date"] == "2020-01-01"
    assert (letter.date, letter.parser_version) == (dt.date(2025, 1, 28), PARSER_VERSION)


def test_revision_extraction_shows_corrections_as_people_saw_them(letters_dir):
    load_letters(paths=[letters_dir])
    grade = Grade.objects.filter(letter__file_name=SEED).order_by("pk").first() or (
        Grade.objects.order_by("pk").first()
    )
    corrected = "inadequate" if grade.grade != "inadequate" else "good"
    grade.grade = corrected
    grade.mark_edited(["grade"])
    grade.save()
    rewrite(letters_dir / grade.letter.file_name, "\n", "\n\n")

    load_letters(paths=[letters_dir])

    revision = LetterRevision.objects.get(letter=grade.letter)
    [shown] = [g for g in revision.extraction["grades"] if g["area"] == grade.area]
    assert shown == {
        "area": grade.area,
        "grade": corrected,
        "quote": grade.quote,
        "edited_fields": ["grade"],
    }


def test_revision_dry_run_keeps_nothing(letters_dir):
    load_letters(paths=[letters_dir])
    rewrite(letters_dir / SEED, OLD_DATE, NEW_DATE)

    summary = load_letters(paths=[letters_dir], dry_run=True)

    assert summary.updated == 1
    assert LetterRevision.objects.count() == 0


def test_revision_admin_shows_escaped_diffs_read_only(admin_client, letters_dir):
    seed = letters_dir / SEED
    rewrite(seed, "Dear Andy Cooke QPM,", "Dear Andy Cooke QPM, <script>alert(1)</script>")
    load_letters(paths=[letters_dir])
    rewrite(seed, OLD_DATE, NEW_DATE)
    load_letters(paths=[letters_dir])
    letter = Letter.objects.get(file_name=SEED)
    url = reverse("admin:letters_letter_change", args=[letter.pk])

    page = admin_client.get(url).content.decode()

    assert '<pre class="letter-diff">' in page
    assert f'<span class="diff-removed">-Date: {OLD_DATE}</span>' in page
    assert f'<span class="diff-added">+Date: {NEW_DATE}</span>' in page
    assert '<span class="diff-removed">- &quot;date&quot;: &quot;2025-01-28&quot;,</span>' in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    data = form_data(admin_client.get(url), form_id="letter_form")
    # Only the hidden keys of the row: nothing of a revision can be edited.
    assert {name for name in data if name.startswith("revisions-0-")} <= {
        "revisions-0-id",
        "revisions-0-letter",
    }
    # The letter's own form still saves with the revisions beside it.
    assert admin_client.post(url, data).status_code == 302
    assert LetterRevision.objects.count() == 1


def test_revision_admin_says_when_the_text_is_the_same(admin_client, letters_dir):
    load_letters(paths=[letters_dir])
    Letter.objects.update(parser_version="0-older")
    load_letters(paths=[letters_dir])
    letter = Letter.objects.get(file_name=SEED)

    page = admin_client.get(reverse("admin:letters_letter_change", args=[letter.pk]))

    assert "The same text." in page.content.decode()
