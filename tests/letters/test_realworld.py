"""The practice set: 116 texts shaped like real published responses (tests/fixtures/realworld/,
a copy of the shared practice set), scored exactly as score_extraction.py scores them.

The figures reached are pinned as floors that can only rise: a change that loses a point fails
here, named by field. To raise a floor after an improvement, run
``pytest tests/letters/test_realworld.py -v`` (which prints the per-field table and every
figure), and set the new figures in FLOORS below; never lower one to make a change pass.
"""

import json
import sys
import time

import pytest

from tests.conftest import FIXTURES_DIR
from tests.scoring import extract, extract_wrapped, score_all

REALWORLD = FIXTURES_DIR / "realworld"
# Read unconditionally: without the truth file this module fails to collect, naming the file.
TRUTH = json.loads((REALWORLD / "truth.json").read_text(encoding="utf-8"))
PATHS = sorted((REALWORLD / "letters").glob("*.txt")) + sorted(
    (REALWORLD / "negatives").glob("*.txt")
)

# The ratchet: each figure may rise, never fall (see the module docstring to raise one).
FLOORS = {
    "informative": 99.79,  # percent of the fields whose true value is stated
    "score": 99.88,  # percent of every field scored
    "precision": 1.00,  # grades right / grades extracted
    "recall": 1.00,  # grades right / grades expected
    "responses": 116,  # texts classified right as a commissioner's response or not (of 116)
}
# The same texts hard-wrapped to a width (as a PDF's text layer prints them): the same floors
# for each width, raised the same way.
WRAPPED_FLOORS = {
    62: {"informative": 99.79, "precision": 1.00, "recall": 1.00, "responses": 116},
    75: {"informative": 99.79, "precision": 1.00, "recall": 1.00, "responses": 116},
    95: {"informative": 99.79, "precision": 1.00, "recall": 1.00, "responses": 116},
}


@pytest.fixture(scope="module")
def extraction():
    started = time.perf_counter()
    letters = [extract(path) for path in PATHS]
    return letters, time.perf_counter() - started


@pytest.fixture(scope="module")
def result(extraction, request):
    letters, seconds = extraction
    scored = score_all(letters, TRUTH)
    if request.config.getoption("verbose") > 0:
        # Shown with -v: the per-field table, whatever the capture mode.
        capture = request.config.pluginmanager.get_plugin("capturemanager")
        with capture.global_and_fixture_disabled():
            sys.stdout.write(f"\n\npractice set: {len(letters)} texts parsed in {seconds:.2f} s\n")
            sys.stdout.write(scored.summary() + "\n")
    return scored


def test_practice_set_is_every_text_of_the_truth():
    assert sorted(path.name for path in PATHS) == sorted(TRUTH)


def test_practice_set_informative_score_holds_its_floor(result):
    assert result.informative >= FLOORS["informative"], result.mismatches


def test_practice_set_overall_score_holds_its_floor(result):
    assert result.percent >= FLOORS["score"], result.mismatches


def test_practice_set_grade_precision_holds_its_floor(result):
    assert result.precision >= FLOORS["precision"], [m for m in result.mismatches if "grades" in m]


def test_practice_set_grade_recall_holds_its_floor(result):
    assert result.recall >= FLOORS["recall"], [m for m in result.mismatches if "grades" in m]


def test_practice_set_responses_classified_hold_their_floor(result):
    assert result.responses_total == len(TRUTH)
    assert result.responses_right >= FLOORS["responses"], [
        m for m in result.mismatches if "pcc_response" in m
    ]


def test_practice_set_every_text_parses(extraction):
    letters, _seconds = extraction

    assert len(letters) == len(PATHS)
    assert all(letter["source"].endswith(".txt") for letter in letters)


@pytest.mark.parametrize("width", sorted(WRAPPED_FLOORS))
def test_practice_set_hard_wrapped_holds_its_floors(width):
    scored = score_all([extract_wrapped(path, width) for path in PATHS], TRUTH)
    floors = WRAPPED_FLOORS[width]

    assert (
        scored.informative >= floors["informative"]
        and scored.precision >= floors["precision"]
        and scored.recall >= floors["recall"]
        and scored.responses_right >= floors["responses"]
    ), scored.mismatches
