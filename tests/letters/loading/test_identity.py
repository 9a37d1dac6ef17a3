"""letters.loading.identity: a reload finds the rows it wrote before (letters by source or by
bytes, inspections by their identity, commissioners by name and force)."""

import datetime as dt
import shutil

import pytest

from inspections.models import Inspection
from letters.loading import load_letters
from letters.models import Letter
from letters.parsing import ParsedInspection, Spanned
from tests.builders import get_force, make_commissioner
from tests.letters.loading.examples import (
    AFI_SEED,
    parsed_letter,
    snapshot,
    store,
)

pytestmark = pytest.mark.django_db


def test_load_letters_twice_changes_nothing(letters_dir, django_assert_max_num_queries):
    load_letters(paths=[letters_dir])
    before = snapshot()

    with django_assert_max_num_queries(1):
        summary = load_letters(paths=[letters_dir])

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 5)
    assert snapshot() == before


def test_load_letters_same_folder_by_another_path_is_the_same_letters(letters_dir, monkeypatch):
    monkeypatch.chdir(letters_dir.parent)
    load_letters(paths=["letters"])

    summary = load_letters(paths=["./letters/", letters_dir])

    assert summary.unchanged == 5
    assert Letter.objects.count() == 5
    assert Letter.objects.filter(source=f"letters/{AFI_SEED}").exists()


def test_load_letters_a_moved_file_keeps_its_letter(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    pk = Letter.objects.get(file_name=AFI_SEED).pk
    moved = tmp_path / "moved"
    moved.mkdir()
    (letters_dir / AFI_SEED).rename(moved / AFI_SEED)

    summary = load_letters(paths=[moved])

    assert summary.updated == 1
    assert Letter.objects.get(pk=pk).source == str(moved / AFI_SEED)
    assert Letter.objects.count() == 5


def test_load_letters_a_copy_of_a_loaded_file_is_not_a_second_letter(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    copy = tmp_path / "copy.txt"
    shutil.copy(letters_dir / AFI_SEED, copy)

    summary = load_letters(paths=[copy])

    assert (summary.duplicate, summary.unchanged, summary.created) == (1, 0, 0)
    assert Letter.objects.count() == 5


@pytest.mark.parametrize(
    ("inspection", "natural_key"),
    [
        (ParsedInspection("peel", period=Spanned("2021/22", 10, 17)), "2021/22"),
        (
            ParsedInspection(
                "peel",
                period=Spanned("2021/22", -1, -1),
                published=Spanned(dt.date(2022, 4, 1), 1, 5),
            ),
            "2022-04-01",
        ),
        (ParsedInspection("state-of-policing"), "letter-2025-01"),
    ],
)
def test_store_letter_identifies_the_inspection(inspection, natural_key):
    store(parsed_letter(inspection=inspection))

    assert Inspection.objects.get().natural_key == natural_key


def test_store_letter_undated_letter_without_period_or_date_has_its_own_inspection():
    store(parsed_letter(date=None, inspection=ParsedInspection("thematic")), path="a/b c.txt")

    assert Inspection.objects.get().natural_key == "file-b-ctxt"


def test_store_letter_letters_about_one_report_share_its_inspection():
    store()
    second = ParsedInspection(
        "peel",
        title=Spanned("PEEL 2023/24", 0, 4),
        published=Spanned(dt.date(2024, 12, 5), 1, 5),
    )

    store(parsed_letter(inspection=second), path="letters/second.txt")

    inspection = Inspection.objects.get()
    assert inspection.letters.count() == 2
    assert inspection.title == "PEEL 2023/24"  # filled in where it was blank
    assert inspection.grades.count() == 4  # each letter keeps its own evidence


def test_store_letter_commissioner_slug_collision_adds_the_force():
    make_commissioner(name="Rupert Matthews", slug="rupert-matthews", force=get_force("kent"))

    store()

    assert Letter.objects.get().commissioner.slug == "rupert-matthews-leicestershire"
