"""Property-based tests of the parser: any input gives a result or a clear error, never another
exception, every span points at its evidence, and no input is slow (time grows linearly).
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.parse_bench import ADVERSARIAL, adversarial_text
from inspections.vocabulary import AREAS, FORCES, GRADES, PILLARS
from letters.parsing import LetterParseError, decode_letter, parse_letter
from letters.parsing.parser import MAX_FINDINGS, MAX_WARNINGS

# Pieces of real letters, so random texts reach the recognisers' deeper paths rather than
# stopping at "no letter here".
FRAGMENTS = [
    "Dear Mr Wilsher,",
    "Dear Home Secretary,",
    "Yours sincerely,",
    "Yours faithfully",
    "Police and Crime Commissioner for ",
    "Police, Fire and Crime Commissioner",
    "Deputy Mayor for Policing and Crime",
    "Our ref: ",
    "Date: ",
    "11th April 2023",
    "28/01/2025",
    "January 5, 2023",
    "published on 2nd March 2023",
    "PEEL 2023/24",
    "PEEL 2021/22",
    "2017/18",
    "State of Policing",
    "Re: PEEL Effectiveness Report, Published 22 March 2018",
    "rated 'Good'",
    "graded as requires improvement",
    '("adequate" grade)',
    "\u201coutstanding\u201d",
    " \u2013 inadequate",
    "AFI-1- ",
    "AFI 10 - ",
    "Area for improvement 3:",
    "Cause of concern 1",
    "Recommendation 2",
    "three \u201coutstanding\u201d and four \u201cgood\u201d gradings",
    "did not receive any causes for concern",
    "10 areas for improvement",
    "\u00b9 Redacted",
    ">... cont'd",
    "Page 2 of 3",
    'A handwritten signature in blue ink, reading "Jane Smith".',
    "Lord ",
    "Prof. Hall",
    "\n",
    "\n\n\n",
    " ",
    ". ",
    ", ",
    "|",
    '"',
    "'",
    *(force.name for force in FORCES[::3]),
    *(force.short_name for force in FORCES[1::3]),
    *(name for area in (*AREAS, *PILLARS) for name in area.names),
    *GRADES,
]

letter_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60
).map("".join)


def _check_spans(text, parsed):
    spanned = [
        parsed.date,
        parsed.reference,
        parsed.force,
        parsed.causes_of_concern_count,
        parsed.areas_for_improvement_count,
    ]
    if parsed.inspection is not None:
        spanned += [parsed.inspection.title, parsed.inspection.published]
    for value in spanned:
        if value is not None:
            assert 0 <= value.start <= value.end <= len(text)
    for person in (parsed.commissioner, parsed.recipient):
        if person is not None:
            assert 0 <= person.start <= person.end <= len(text)
    for grade in parsed.grades:
        assert text[grade.start : grade.end] == grade.quote
        assert grade.grade in GRADES
    for count in parsed.grade_summary:
        assert 0 <= count.start <= count.end <= len(text)
    for finding in parsed.findings:
        assert 0 <= finding.start <= finding.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letter_like)
def test_parse_letter_any_text_gives_a_result_or_a_parse_error(text):
    try:
        parsed = parse_letter(text)
    except LetterParseError as error:
        assert error.reason
        return
    _check_spans(text, parsed)
    parsed.to_contract(source="x.txt", sha256="0" * 64)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_parse_letter_arbitrary_unicode_gives_a_result_or_a_parse_error(text):
    try:
        parsed = parse_letter(text)
    except LetterParseError:
        return
    _check_spans(text, parsed)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_decode_letter_any_bytes_gives_text_or_a_parse_error(data):
    try:
        text, warnings = decode_letter(data, source="x.txt")
    except LetterParseError as error:
        assert "x.txt" in str(error)
        return
    assert text.strip()
    assert "\r" not in text
    assert all(isinstance(warning, str) for warning in warnings)


# Inputs built to make a backtracking regex blow up: long runs of what a pattern repeats. How
# parse time grows with their size is measured by `make bench-parser` (devtools/parse_bench.py,
# docs/parser-benchmark.md), not by a timed test; here each must parse to a bounded result.
@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_input_parses_to_a_bounded_result(unit):
    text = adversarial_text(unit, 40_000)

    try:
        parsed = parse_letter(text)
    except LetterParseError as error:
        assert str(error)  # refused with a reason, not a crash
        return

    assert len(parsed.warnings) <= MAX_WARNINGS
    assert len(parsed.findings) <= MAX_FINDINGS
    assert all(0 <= grade.start < grade.end <= len(text) for grade in parsed.grades)


def test_a_text_of_more_lines_than_a_letter_has_is_read_in_its_first_lines():
    from letters.parsing.text import MAX_LINES

    body = "".join(f"AFI {n} - The force should act.\n" for n in range(1, MAX_LINES + 500))
    text = f"Dear Commissioner,\n\n{body}\nYours sincerely,\n\nJane Smith\n"

    parsed = parse_letter(text)

    assert parsed.warnings[0] == f"only the first {MAX_LINES:,} lines of words were read"
    assert all(finding.end <= len(text) for finding in parsed.findings)
    assert parsed.commissioner is None  # the signature lies beyond what was read
