"""Every seed letter scores 100% against tests/fixtures/seeds-truth.json (a copy of the
shared truth file), with the same scoring as /work/shared/tools/score_extraction.py."""

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES_DIR, SEEDS_DIR
from tests.scoring import extract, score

TRUTH = json.loads((FIXTURES_DIR / "seeds-truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_seed_letter_scores_full_marks(name):
    letter = extract(SEEDS_DIR / name)

    percent, mismatches = score([letter], {name: TRUTH[name]})

    assert mismatches == []
    assert percent == 100.0


def test_seed_truth_covers_every_seed_letter():
    assert sorted(TRUTH) == sorted(path.name for path in Path(SEEDS_DIR).glob("*.txt"))


def test_seed_quotes_are_the_letters_own_words():
    for name in TRUTH:
        text = (SEEDS_DIR / name).read_text(encoding="utf-8")
        for grade in extract(SEEDS_DIR / name)["grades"]:
            assert grade["quote"] in text
