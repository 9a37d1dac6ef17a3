from letters.highlighting import Span, field_spans, highlight


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
