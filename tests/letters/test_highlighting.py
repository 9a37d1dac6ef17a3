import re
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letters.highlighting import Span, emphasis, field_spans, highlight


def _span(start, end, anchor="grade-1", kind="grade"):
    return Span(start, end, anchor, kind, "A fact")


def test_highlight_escapes_text_and_wraps_a_span():
    html = highlight("<b>good</b> & fine", [_span(3, 7)])

    assert html == (
        '&lt;b&gt;<mark id="grade-1" class="fact fact--grade" title="A fact">good</mark>'
        "&lt;/b&gt; &amp; fine"
    )


def test_highlight_nests_a_span_inside_another():
    html = highlight("abcdef", [_span(0, 6, "outer"), _span(2, 4, "inner")])

    assert html.count("<mark") == 2
    assert html.index('id="outer"') < html.index('id="inner"')
    assert html.endswith("ef</mark>")


def test_highlight_splits_crossing_spans_and_keeps_one_id_each():
    html = highlight("abcdef", [_span(0, 4, "first"), _span(2, 6, "second")])

    assert html.count('id="second"') == 1
    assert html.count("<mark") == html.count("</mark>") == 3
    assert html.replace("</mark>", "").count("cd") == 1


def test_highlight_leaves_out_invalid_spans():
    html = highlight("abc", [_span(2, 9), _span(2, 1), Span(None, 2, "x", "field", "x")])

    assert html == "abc"


def test_highlight_drops_leading_blank_lines_only():
    assert highlight("\n\n  Dear Sir\n", []) == "Dear Sir\n"


def test_field_spans_reads_letter_spans():
    spans = field_spans({"inspection.title": [3, 9], "date": [0, 2], "broken": "x"})

    assert [(s.anchor, s.start) for s in spans] == [("fact-inspection-title", 3), ("fact-date", 0)]


# -- emphasis the source carries (**bold**) ---------------------------------------------------

LETTERHEAD = "**POLICE & CRIME\nCOMMISSIONER**\nfor Leicester,\nLeicestershire & Rutland"


def test_highlight_shows_emphasis_in_strong_without_its_markers():
    html = highlight(LETTERHEAD, [])

    assert html == (
        "<strong>POLICE &amp; CRIME\nCOMMISSIONER</strong>\nfor Leicester,\n"
        "Leicestershire &amp; Rutland"
    )


def test_highlight_keeps_a_span_over_emphasised_words_on_its_words():
    start = LETTERHEAD.index("CRIME")
    end = LETTERHEAD.index(",")

    html = highlight(LETTERHEAD, [_span(start, end, "fact-force", "field")])

    assert html == (
        '<strong>POLICE &amp; <mark id="fact-force" class="fact fact--field" title="A fact">'
        "CRIME\nCOMMISSIONER</mark></strong>"
        '<mark class="fact fact--field" title="A fact">\nfor Leicester</mark>,\n'
        "Leicestershire &amp; Rutland"
    )


@pytest.mark.parametrize(
    "text",
    [
        "a ** b ** c",  # markers beside spaces open and close nothing
        "**a\n\nb**",  # nor across a blank line
        "2 ** 3",
        "**",
        "a**",
    ],
)
def test_highlight_leaves_unpaired_markers_as_text(text):
    html = highlight(text, [])

    assert "<strong>" not in html and html.count("*") == text.count("*")


def _visible(html):
    """What a reader sees: the text without our tags, unescaped."""
    return unescape(re.sub(r"</?(?:mark|strong)[^>]*>", "", html))


def _mark_words(html, anchor):
    """The words inside the marks that make up the fact ``anchor`` (its first part carries the
    id; a mark split around another element continues in the marks after it)."""
    parser = _MarkWords(anchor)
    parser.feed(html)
    return parser.words


class _MarkWords(HTMLParser):
    def __init__(self, anchor):
        super().__init__(convert_charrefs=True)
        self.anchor, self.words, self.stack = anchor, "", []

    def handle_starttag(self, tag, attrs):
        self.stack.append((tag, dict(attrs).get("id")))

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        if any(anchor == self.anchor for _, anchor in self.stack):
            self.words += data


letter_text = st.text(alphabet=st.sampled_from("ab *\n&<"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(letter_text, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=4))
def test_highlight_never_moves_a_span(text, bounds):
    spans = [_span(a, b, f"f{n}", "field") for n, (a, b) in enumerate(bounds)]
    _, markers = emphasis(text)
    hidden = {i for start, end in markers for i in range(start, end)}

    html = highlight(text, spans)

    def shown(start, end):
        return "".join(c for i, c in enumerate(text[start:end], start) if i not in hidden)

    valid = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    # Leading blank lines are not shown, unless a fact starts among them.
    lead = min([len(text) - len(text.lstrip()), *(span.start for span in valid)])
    assert _visible(html) == shown(lead, len(text))
    for span in valid:
        # The mark with the id holds the span's words, less any markers among them, up to
        # where another mark's end splits it (its continuation marks hold the rest).
        assert shown(span.start, span.end).startswith(_mark_words(html, span.anchor))
