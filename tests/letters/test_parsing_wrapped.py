"""Every seed and fixture letter hard-wrapped to a width, as a PDF's text layer or a plain-text
email prints it, reads as the same extraction as the letter with a line per paragraph: names,
titles, area wordings, quoted items, footnotes and page furniture split over two lines are read
whole. (The practice set is checked the same way by ``devtools.parse_bench --wrapped``.)"""

import textwrap

import pytest

from tests.letters.formats.compare import LETTER_PATHS, contract, differences, letter_text

WIDTHS = (62, 75, 95)


def hard_wrapped(text: str, width: int) -> str:
    """Each line longer than ``width`` broken at spaces into lines of at most ``width``."""
    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        lines.extend(
            textwrap.wrap(
                line,
                width,
                break_long_words=False,
                break_on_hyphens=False,
                replace_whitespace=False,
            )
            or [line]
        )
    return "\n".join(lines)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", LETTER_PATHS, ids=lambda path: path.name)
def test_a_hard_wrapped_letter_reads_as_the_letter(path, width):
    text = letter_text(path)

    wrapped = hard_wrapped(text, width)

    assert differences(contract(text, path.name), contract(wrapped, path.name)) == {}
