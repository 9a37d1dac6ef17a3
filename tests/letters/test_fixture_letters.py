"""The generalisation set: letters for other forces, offices and layouts
(tests/fixtures/letters/*.txt) score 100% against tests/fixtures/letters-truth.json."""

import pytest

from tests.conftest import FIXTURES_DIR
from tests.scoring import extract, load_truth, norm, score

LETTERS_DIR = FIXTURES_DIR / "letters"
# Read unconditionally: without its truth file this module must fail to collect (naming the
# file), not quietly parametrize over nothing and pass.
TRUTH = load_truth(LETTERS_DIR)

# Truth values disputed under the extraction contract's rules (see the parser's report).
DISPUTED: dict[str, str] = {}


def _params():
    for name in sorted(TRUTH):
        marks = [pytest.mark.xfail(reason=DISPUTED[name], strict=True)] if name in DISPUTED else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_params()))
def test_fixture_letter_scores_full_marks(name):
    letter = extract(LETTERS_DIR / name)

    percent, mismatches = score([letter], {name: TRUTH[name]})

    assert mismatches == []
    assert percent == 100.0


def test_fixture_truth_covers_every_fixture_letter():
    assert sorted(TRUTH) == sorted(path.name for path in LETTERS_DIR.glob("*.txt"))


def test_fixture_letters_all_parse():
    for path in sorted(LETTERS_DIR.glob("*.txt")):
        letter = extract(path)
        assert letter["source"] == str(path)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        (name, kind)
        for name in sorted(TRUTH)
        for kind in ("causes_of_concern", "recommendations")
        if kind in TRUTH[name]
    ],
)
def test_fixture_letter_numbered_findings_match_truth(name, kind):
    letter = extract(LETTERS_DIR / name)

    found = [(f["number"], norm(f["text"])) for f in letter[kind]]

    assert found == [(number, norm(text)) for number, text in TRUTH[name][kind]]
