"""Letters as published, through the loader: PDFs, Word documents and web pages found in
folders, read as their format, parsed, stored with their original files (Django storage)."""

import hashlib
import json
import os

import pytest
from django.core.files.storage import default_storage

from letters.loading import extract_letters, load_letters
from letters.models import Letter, LetterRevision
from tests.letters.formats import builders
from tests.letters.loading.examples import AFI_SEED, SEED_DATES

pytestmark = pytest.mark.django_db

KENT = "pcc-kent-peel-2021-22-summary-mismatch.txt"


@pytest.fixture
def published(tmp_path, fixtures_dir):
    """The Kent fixture letter as an office publishes it: a PDF, a page, a Word document."""
    text = (fixtures_dir / "letters" / KENT).read_text(encoding="utf-8")
    folder = tmp_path / "published"
    (folder / "2022" / "web").mkdir(parents=True)
    (folder / "kent.pdf").write_bytes(builders.text_pdf(text))
    (folder / "2022" / "kent.docx").write_bytes(builders.word_document(text))
    (folder / "2022" / "web" / "kent.HTM").write_bytes(builders.web_page(text))
    (folder / "notes.md").write_text("not a letter format: skipped in a folder")
    return folder


def _stored(name):
    with default_storage.open(name) as handle:
        return handle.read()


def test_load_letters_reads_every_format_in_folders_recursively(published):
    summary = load_letters(paths=[published])

    assert (summary.created, summary.duplicate, summary.failed) == (3, 0, 0)
    letters = {letter.format: letter for letter in Letter.objects.all()}
    assert sorted(letters) == ["docx", "html", "pdf"]
    for letter in letters.values():
        assert letter.force.name == "Kent Police"
        assert letter.inspection.period == "2021/22"
        assert letter.grades.count() == 8
        for grade in letter.grades.all():
            assert letter.text[grade.start : grade.end] == grade.quote


def test_the_original_is_kept_byte_for_byte_and_hashed_as_loaded(published):
    load_letters(paths=[published])

    letter = Letter.objects.get(format="pdf")
    data = (published / "kent.pdf").read_bytes()
    assert letter.sha256 == hashlib.sha256(data).hexdigest()
    assert letter.original.name == f"originals/{letter.sha256[:2]}/{letter.sha256}/kent.pdf"
    assert _stored(letter.original.name) == data
    assert letter.ocr_confidence is None


def test_a_reload_of_unchanged_files_rewrites_nothing(published, django_assert_max_num_queries):
    load_letters(paths=[published])
    letter = Letter.objects.get(format="pdf")
    path = default_storage.path(letter.original.name)
    written = (default_storage.get_modified_time(letter.original.name), os.stat(path).st_ino)

    with django_assert_max_num_queries(1):
        summary = load_letters(paths=[published])

    assert summary.unchanged == 3
    assert (
        default_storage.get_modified_time(letter.original.name),
        os.stat(path).st_ino,
    ) == written


def test_a_changed_file_replaces_its_original_and_keeps_the_earlier_text(
    published, django_capture_on_commit_callbacks
):
    load_letters(paths=[published])
    before = Letter.objects.get(format="pdf")
    changed = before.text.replace("21st June 2022", "22nd June 2022")
    (published / "kent.pdf").write_bytes(builders.text_pdf(changed))

    # The replaced original is deleted once the new one's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        summary = load_letters(paths=[published])

    assert summary.updated == 1
    after = Letter.objects.get(pk=before.pk)
    assert after.original.name != before.original.name
    assert _stored(after.original.name) == (published / "kent.pdf").read_bytes()
    assert not default_storage.exists(before.original.name)
    assert LetterRevision.objects.get(letter=after).text == before.text
    assert after.date.isoformat() == "2022-06-22"


def test_a_dry_run_keeps_no_original(published):
    summary = load_letters(paths=[published], dry_run=True)

    assert summary.created == 3
    assert not default_storage.exists("originals")


def test_text_letters_keep_their_original_too(letters_dir):
    load_letters(paths=[letters_dir])

    letter = Letter.objects.get(file_name=AFI_SEED)
    assert (letter.format, letter.ocr) == ("txt", False)
    assert _stored(letter.original.name) == (letters_dir / AFI_SEED).read_bytes()
    assert {letter.file_name: letter.date for letter in Letter.objects.all()} == SEED_DATES


def test_format_warnings_are_the_letters_warnings(published):
    (published / "kent.pdf").rename(published / "kent-saved.txt")

    summary = load_letters(paths=[published])

    letter = Letter.objects.get(file_name="kent-saved.txt")
    assert letter.format == "pdf"
    assert "named .txt but is a PDF: read as a PDF" in letter.warnings
    assert summary.with_warnings >= 1


def test_a_broken_file_is_refused_by_name_and_the_rest_load(published):
    (published / "report.pdf").write_bytes(builders.text_pdf("Dear Sir,\n\nA report.")[:500])

    summary = load_letters(paths=[published])

    assert (summary.created, summary.failed) == (3, 1)
    [error] = summary.errors
    assert error.source.endswith("report.pdf")
    assert error.error == "truncated or corrupt PDF: no end-of-file marker (%%EOF) at the end"


def test_the_dry_run_json_names_the_format_and_what_the_file_states(published):
    extractions = {e.source.rsplit("/", 1)[-1]: e.letter for e in extract_letters([published])}

    page = extractions["kent.HTM"]
    assert (page["format"], page["ocr"], page["ocr_confidence"]) == ("html", False, None)
    assert page["document"]["published"] == builders.PUBLISHED
    assert page["document"]["title"] == builders.PAGE_TITLE
    assert extractions["kent.pdf"]["document"]["pages"] == 2
    assert extractions["kent.docx"]["format"] == "docx"
    assert json.dumps(extractions)  # the contract stays JSON
