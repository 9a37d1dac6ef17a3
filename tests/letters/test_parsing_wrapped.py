"""Every seed and fixture letter hard-wrapped to a width, as a PDF's text layer or a plain-text
email prints it, reads as the same extraction as the letter with a line per paragraph: names,
titles, area wordings, quoted items, footnotes and page furniture split over two lines are read
whole. (The practice set is scored wrapped too: tests/letters/test_realworld.py.)"""

import pytest

from tests.letters.formats.compare import LETTER_PATHS, contract, differences, letter_text
from tests.scoring import hard_wrapped

WIDTHS = (62, 75, 95)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", LETTER_PATHS, ids=lambda path: path.name)
def test_a_hard_wrapped_letter_reads_as_the_letter(path, width):
    text = letter_text(path)

    wrapped = hard_wrapped(text, width)

    assert differences(contract(text, path.name), contract(wrapped, path.name)) == {}
