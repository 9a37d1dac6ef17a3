"""Words placed on a page to the .txt layout: wraps joined, breaks kept, columns as tabs."""

from letters.formats.layout import Word, group_lines, join_pages, page_text


def _line(text: str, top: float, x0: float = 72.0, char: float = 6.0) -> list[Word]:
    """Words of one printed line, ``char`` points per character, a space between words."""
    words, x = [], x0
    for token in text.split(" "):
        if token.startswith("\t"):  # a column gap
            x += 60
            token = token[1:]
        words.append(Word(token, x, x + char * len(token), top, top + 11))
        x += char * (len(token) + 1)
    return words


def _page(*lines: tuple[str, float]) -> str:
    return page_text(group_lines([w for text, top in lines for w in _line(text, top)]))


def test_a_line_that_fills_the_column_is_joined_to_the_next():
    text = _page(
        ("I write in response to your report on the force which was published", 100),
        ("on 2 March 2023.", 114),
    )

    assert (
        text
        == "I write in response to your report on the force which was published on 2 March 2023."
    )


def test_a_short_line_ends_where_its_author_ended_it():
    text = _page(
        ("Her Majesty's Inspector of Constabulary", 100),
        ("Globe House", 114),
        ("I write in response to your report on the force which was published", 128),
    )

    assert text == (
        "Her Majesty's Inspector of Constabulary\nGlobe House\n"
        "I write in response to your report on the force which was published"
    )


def test_more_space_than_the_line_spacing_is_a_blank_line():
    text = _page(
        ("Dear Mr Wilsher,", 100),
        ("I write in response to your report on the force which was published", 128),
        ("on 2 March 2023.", 142),
    )

    assert text == (
        "Dear Mr Wilsher,\n\n"
        "I write in response to your report on the force which was published on 2 March 2023."
    )


def test_a_list_item_always_starts_a_line():
    text = _page(
        ("The report made two recommendations which the force has now accepted", 100),
        ("1. The force should improve how it answers calls from the public today", 114),
        ("2. The force should improve its investigations", 128),
    )

    assert text.split("\n") == [
        "The report made two recommendations which the force has now accepted",
        "1. The force should improve how it answers calls from the public today",
        "2. The force should improve its investigations",
    ]


def test_a_word_hyphen_at_a_wrap_joins_without_a_space():
    text = _page(
        ("The force has improved its approach to preventing crime and anti-", 100),
        ("social behaviour.", 114),
    )

    assert text.endswith("crime and anti-social behaviour.")


def test_a_column_gap_is_a_tab_but_a_list_marker_gap_is_a_space():
    text = _page(
        ("Preventing crime \tGood", 100),
        ("• \tInvestigating crime – adequate", 114),
    )

    assert text == "Preventing crime\tGood\n• Investigating crime – adequate"


def test_a_superscript_stays_on_its_line():
    words = _line("under 4 minutes and falling", 100) + [Word("1", 162.5, 166, 98, 105)]

    assert page_text(group_lines(words)) == "under 4 minutes1 and falling"


def test_pages_are_three_blank_lines_apart_and_empty_pages_dropped():
    assert join_pages(["Page one", "", "Page two"]) == "Page one\n\n\n\nPage two"
