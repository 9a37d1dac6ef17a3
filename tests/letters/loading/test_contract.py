"""One letter, two writers of its contract entry: parsing it and loading it give the same JSON.

``load_letters --dry-run --json`` (ParsedLetter.to_contract) and ``stored_extraction`` (what
the site shows, kept in every revision) are both built by letters.parsing.contract; here they
are held to it on every fixture and seed letter. What only one side can know, by name:

- ``source``: the dry run names the path as given, the database stores it normalised;
- ``warnings``: the loader adds what it noticed while storing the letter (no date, grades with
  no inspection to hold them ...) after the parser's own and the registry's (both sides read
  the signer against the registry the same way), so the parsed warnings are the start of the
  stored ones;
- ``edited_fields``: only stored rows carry people's corrections (none, straight after a load);
- ``document``: what the file states about itself (a page's own dates, a PDF's creation date,
  its page count) is reported by the dry run and not stored.

Each letter is loaded on its own: a row several letters share (a commissioner, an inspection)
keeps what the first letter said, which a later letter's own parse need not repeat.
"""

import pytest

from letters.loading import (
    Registry,
    extract_letters,
    load_letters,
    source_of,
    stored_extraction,
)
from letters.models import Letter
from tests.conftest import FIXTURES_DIR, SEEDS_DIR
from tests.scoring import load_truth

pytestmark = pytest.mark.django_db

LETTER_FILES = [*sorted((FIXTURES_DIR / "letters").glob("*.txt")), *sorted(SEEDS_DIR.glob("*.txt"))]
ONLY_STORED = "edited_fields"


def _without(entry, key):
    if isinstance(entry, dict):
        return {name: _without(value, key) for name, value in entry.items() if name != key}
    if isinstance(entry, list):
        return [_without(value, key) for value in entry]
    return entry


def test_contract_round_trip_covers_every_letter_with_a_truth():
    truth = {**load_truth(FIXTURES_DIR / "letters"), **load_truth(SEEDS_DIR)}

    assert sorted(path.name for path in LETTER_FILES) == sorted(truth)


@pytest.mark.parametrize("path", LETTER_FILES, ids=lambda path: path.name)
def test_contract_parsed_entry_equals_the_stored_entry(path):
    [extraction] = extract_letters([path], Registry.load())
    load_letters(paths=[path])
    letter = Letter.objects.select_related("force", "commissioner", "inspection").get()
    stored = stored_extraction(letter, letter.grades.all(), letter.areas_for_improvement.all())
    parsed = extraction.letter

    assert source_of(parsed.pop("source")) == stored.pop("source")
    parsed.pop("document")
    parsed_warnings, stored_warnings = parsed.pop("warnings"), stored.pop("warnings")
    assert stored_warnings[: len(parsed_warnings)] == parsed_warnings
    assert parsed == _without(stored, ONLY_STORED)
