"""letters.loading.writer: one letter mapped onto its rows, fed ParsedLetters directly
(store_letter) and seed files that change between loads."""

import datetime as dt
import hashlib

import pytest

from inspections.models import Grade
from letters.loading import load_letters
from letters.models import Letter
from tests.builders import get_force
from tests.letters.loading.examples import (
    AFI_SEED,
    TEXT,
    parsed_letter,
    snapshot,
    store,
)

pytestmark = pytest.mark.django_db


def test_store_letter_writes_the_letter_and_what_it_says():
    result = store()

    assert result.outcome == "created"
    letter = Letter.objects.get()
    assert letter.date == dt.date(2025, 1, 28)
    assert letter.force == get_force()
    assert letter.commissioner.name == "Rupert Matthews"
    assert letter.commissioner.slug == "rupert-matthews"
    assert (letter.recipient_name, letter.recipient_salutation) == (
        "Andy Cooke",
        "Dear Andy Cooke QPM,",
    )
    assert letter.grade_summary == {"outstanding": 3}
    assert letter.warnings == ["a parser warning"]
    assert TEXT[slice(*letter.spans["inspection.published"])] == "5th December 2024"
    assert TEXT[slice(*letter.spans["grade_summary.outstanding"])] == "Three outstanding"
    inspection = letter.inspection
    # Identified by the publication date it states; grouped by the cycle of its period.
    assert (inspection.kind, inspection.period, inspection.cycle, inspection.natural_key) == (
        "peel",
        "2023/24",
        "2023-25",
        "2024-12-05",
    )
    assert sorted(letter.grades.values_list("area", "grade")) == [
        ("investigating-crime", "adequate"),
        ("preventing-crime", "outstanding"),
    ]
    first = letter.areas_for_improvement.get(number=1)
    assert (first.text, first.response, first.inspection) == (
        "The Force needs to attend calls.",
        "we are.",
        inspection,
    )
    assert TEXT[first.start : first.end] == first.text


def test_store_letter_again_unchanged_writes_no_rows():
    store()
    before = snapshot()

    result = store()

    assert result.outcome == "updated"
    assert snapshot() == before


def test_store_letter_without_a_force_stores_the_letter_with_a_warning():
    store(parsed_letter(force=None))

    letter = Letter.objects.get()
    assert (letter.force, letter.inspection, letter.commissioner) == (None, None, None)
    assert "no force recognised: no inspection can be recorded" in letter.warnings
    assert "2 grades and 2 findings not stored: no inspection to attach them to" in (
        letter.warnings
    )
    assert Grade.objects.count() == 0


def test_store_letter_removes_grades_the_letter_no_longer_states():
    store()

    store(parsed_letter(grades=parsed_letter().grades[:1]))

    assert list(Grade.objects.values_list("area", flat=True)) == ["preventing-crime"]


def test_load_letters_changed_file_updates_its_letter(letters_dir):
    load_letters(paths=[letters_dir])
    seed = letters_dir / AFI_SEED
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("28th January 2025", "29th January 2025"),
        encoding="utf-8",
    )
    others = {letter.pk: letter.updated_at for letter in Letter.objects.exclude(file_name=AFI_SEED)}

    summary = load_letters(paths=[letters_dir])

    assert (summary.updated, summary.unchanged) == (1, 4)
    letter = Letter.objects.get(file_name=AFI_SEED)
    assert letter.date == dt.date(2025, 1, 29)
    assert letter.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert letter.areas_for_improvement.count() == 10
    assert {
        letter.pk: letter.updated_at for letter in Letter.objects.exclude(file_name=AFI_SEED)
    } == others


def test_load_letters_removes_afis_the_changed_file_no_longer_states(letters_dir):
    load_letters(paths=[letters_dir])
    seed = letters_dir / AFI_SEED
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text[: text.index("AFI 10")] + "\nYours sincerely\n", encoding="utf-8")

    load_letters(paths=[letters_dir])

    letter = Letter.objects.get(file_name=AFI_SEED)
    numbers = letter.areas_for_improvement.values_list("number", flat=True)
    assert sorted(numbers) == list(range(1, 10))
