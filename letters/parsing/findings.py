"""Numbered findings and their responses, and the counts a letter states.

A finding starts a line with its marker: "AFI-1-", "AFI 2-", "AFI 10 -", "Area for improvement
3:", "Cause of concern 1:", "Recommendation 2:" (or a numbered item, "1.", under an "Areas for
improvement" heading). Its text runs to the end of its paragraph, or to a "Response:" label;
its response is the paragraphs that follow, up to the next finding, a section heading or the
sign-off, with page furniture (footnotes, "cont'd", "Page 2 of 3") dropped and whitespace folded.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .text import (
    NUMBER,
    NUMBER_WORDS,
    Line,
    clean_block,
    is_furniture,
    parse_number,
    squash,
    trie_pattern,
    within_paragraph,
)

_KIND_WORDS = (
    ("afi", r"AFI'?s?|areas?\s+for\s+improvement|actions?\s+for\s+further\s+improvement"),
    ("cause-of-concern", r"causes?\s+(?:of|for)\s+concern"),
    ("recommendation", r"recommendations?"),
)
_MARKER = re.compile(
    r"[\s*_>#\-\u2022]{0,6}(?:(?P<afi>AFI|(?:area|action)\s+for\s+(?:further\s+)?improvement"
    r"(?:\s*\(AFIs?\))?)"
    r"|(?P<coc>cause\s+(?:of|for)\s+concern)|(?P<rec>recommendation))"
    r"\s*(?:no\.?\s*)?[-#]?\s*(?P<n>\d{1,2})\b[*_]{0,2}\s*(?:[-:.)]\s*)?[*_]{0,2}\s*",
    re.IGNORECASE,
)
_HEADING_KIND = re.compile(
    r"^[\s*_#]*(?:(?P<afi>areas?\s+for\s+improvement|actions?\s+for\s+further\s+improvement|AFIs)"
    r"|(?P<coc>causes?\s+(?:of|for)\s+concern)"
    r"|(?P<rec>recommendations))[\s*_:]*$",
    re.IGNORECASE,
)
# A sentence introducing a numbered list: "It did identify four areas for improvement:".
_INTRO_KIND = re.compile(
    r"(?P<afi>areas?\s+for\s+improvement|AFIs)|(?P<coc>causes?\s+(?:of|for)\s+concern)"
    r"|(?P<rec>recommendations)",
    re.IGNORECASE,
)
_NUMBERED_ITEM = re.compile(r"[\s*_]{0,4}\(?(?P<n>\d{1,2})[.)]\s+(?=\S)")
_RESPONSE_LABEL = re.compile(
    r"[\s*_]*(?:(?:the\s+)?(?:force|forces|force's|pcc|pfcc|pcc's|opcc|mopac|our|my|chief\s+constable's"
    r"|[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,3})\s+)?(?:response|comments?|update|progress)\s*[:\-]\s*",
    re.IGNORECASE,
)
# Paragraphs after the last finding that close the letter rather than answer that finding:
# remarks on the findings as a whole, thanks, a form's closing fields.
_CLOSING = re.compile(
    r"^[\s*_]*(?:publication|signed|date|distribution|cc|copied\s+to)\s*:"
    r"|^[\s*_]*(?:i\s+would\s+(?:like\s+to\s+)?thank|thank\s+you|many\s+thanks)\b"
    r"|\b(?:all|each|every|both|these)\s+(?:of\s+(?:the|these|its|them)\s+)?(?:\w+\s+)?"
    r"(?:areas?\s+for\s+improvement|AFIs?|recommendations|causes\s+of\s+concern)\b"
    r"|\beach\s+of\s+them\b",
    re.IGNORECASE | re.MULTILINE,
)
# "plans are in place for each of these": closing only after a finding's first paragraph, which
# always answers the finding ("reviewing all trigger plans" is part of an answer).
_CLOSING_LATER = re.compile(
    r"\b(?:all|each|every|both|these)\s+(?:of\s+(?:the|these|its|them)\s+)?(?:\w+\s+)?plans\b",
    re.IGNORECASE,
)
_INLINE_RESPONSE = re.compile(
    r"\s(?:(?:force|pcc|opcc|mopac)\s+)?(?:response|update)\s*:\s", re.IGNORECASE
)


_MOST_LINES = 300


@dataclass(frozen=True)
class Finding:
    kind: str
    number: int
    text: str
    start: int
    end: int
    response: str
    response_start: int | None
    response_end: int | None


def _marker_kind(match: re.Match[str]) -> str:
    if match.group("afi"):
        return "afi"
    if match.group("coc"):
        return "cause-of-concern"
    return "recommendation"


def _is_heading(line: Line) -> bool:
    """A short title-like line: "Leicestershire PCC Comments", "Conclusion", "Efficiency"."""
    text = line.stripped.strip("*_#: ")
    if not text or len(text) > 70 or text[-1:] in ".,;!?\"'" or is_furniture(line.text):
        return False
    words = text.split()
    if len(words) > 9:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= max(1, len(words) // 2) and not _RESPONSE_LABEL.match(line.text)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines, page furniture dropped.

    A labelled line ("Force response: ...") starts a paragraph of its own, and a paragraph
    cut mid-sentence ("so that" ... "it can continue") is joined up again.
    """
    paragraphs: list[list[Line]] = []
    page_breaks: list[bool] = []  # whether a page break lies before each paragraph
    current: list[Line] = []
    blanks = 0
    furniture = False
    for line in lines:
        if is_furniture(line.text):
            furniture = True
            continue
        if line.blank or (current and _RESPONSE_LABEL.match(line.text)):
            if current:
                paragraphs.append(current)
                current = []
            if line.blank:
                blanks += 1
                continue
        if not current:
            page_breaks.append(furniture or blanks >= 2)
            blanks = 0
            furniture = False
        current.append(line)
    if current:
        paragraphs.append(current)
    joined: list[list[Line]] = []
    for paragraph, page_break in zip(paragraphs, page_breaks, strict=True):
        if joined and _cut_mid_sentence(joined[-1][-1], paragraph, page_break):
            joined[-1] = joined[-1] + paragraph
        else:
            joined.append(paragraph)
    return joined


def _cut_mid_sentence(last: Line, paragraph: list[Line], page_break: bool) -> bool:
    """Whether ``paragraph`` goes on with the sentence that ``last`` leaves unfinished.

    A lower-case start always does; across a page break (furniture, or several blank lines) so
    does any start that is not a label or a heading: "recorded within" ... "24 hours of ...".
    """
    end = last.stripped
    start = paragraph[0].stripped
    if not end or _ends_sentence(end) or not start:
        return False
    if start[:1].islower():
        return True
    if not page_break or _RESPONSE_LABEL.match(paragraph[0].text) or _MARKER.match(start):
        return False
    return not (len(paragraph) == 1 and _is_heading(paragraph[0]))


def _ends_sentence(text: str) -> bool:
    """A closing quote ends a sentence only after a stop: "Victims'" goes on, "'good.'" ends."""
    stripped = text.rstrip("\"'")
    if stripped != text:
        return stripped[-1:] in ".!?"
    return text[-1:] in ".!?:;)"


# A footnote's number: digits, or superscript digits ("\u00b9 Figures provided by ...").
_FOOTNOTE = re.compile(r"[\s*_]{0,4}(?P<n>[\d\u00b9\u00b2\u00b3\u2070-\u2079]{1,2})\s+\S")


def _footnotes(folded: str, body: list[Line]) -> set[int]:
    """Indexes of footnote lines ("1 Redacted"): the number is a marker ("[1]") shortly before,
    or the footnote (one line, or a paragraph wrapped over several) stands between the two
    halves of a sentence cut by a page break."""
    found = set()
    paragraphs = _runs(body)
    for order, paragraph in enumerate(paragraphs):
        _, line = paragraph[0]
        match = _FOOTNOTE.match(line.text)
        text = " ".join(part.stripped for _, part in paragraph)
        if match is None or len(text) > 240 or len(paragraph) > 3:
            continue
        if is_furniture(line.text):
            # A marked footnote ("\u00b9 ...", "[1] ...") wrapped onto more lines: all of it.
            found.update(p for p, _ in paragraph)
            continue
        if f"[{match.group('n')}]" in folded[max(0, line.start - 3000) : line.start]:
            found.update(p for p, _ in paragraph)
            continue
        before = paragraphs[order - 1][-1][1].stripped if order > 0 else ""
        after = paragraphs[order + 1][0][1].stripped if order + 1 < len(paragraphs) else ""
        if before and not _ends_sentence(before) and after[:1].islower():
            found.update(p for p, _ in paragraph)
    return found


def _runs(body: list[Line]) -> list[list[tuple[int, Line]]]:
    """The body's runs of lines of words, each line with its position in ``body``."""
    paragraphs: list[list[tuple[int, Line]]] = []
    previous = None
    for position, line in enumerate(body):
        if line.blank:
            continue
        if previous is not None and position == previous + 1:
            paragraphs[-1].append((position, line))
        else:
            paragraphs.append([(position, line)])
        previous = position
    return paragraphs


def find_findings(
    original: str, folded: str, body: list[Line], *, most: int = 10_000
) -> list[Finding]:
    """The numbered findings in the body, at most ``most`` + 1 of them (one more than kept, so
    the caller can tell there were more)."""
    starts: list[tuple[int, str, int, int]] = []  # (line index in body, kind, number, text start)
    heading_kind: str | None = None
    footnotes = _footnotes(folded, body)
    body = [line for position, line in enumerate(body) if position not in footnotes]
    for position, line in enumerate(body):
        heading = _HEADING_KIND.match(line.text)
        if heading is None and line.stripped.endswith(":"):
            intro = list(_INTRO_KIND.finditer(line.text))
            heading = intro[-1] if intro else None
        if heading:
            heading_kind = (
                "afi"
                if heading.group("afi")
                else ("cause-of-concern" if heading.group("coc") else "recommendation")
            )
            continue
        match = _MARKER.match(folded, line.start, line.end)
        if match:
            starts.append((position, _marker_kind(match), int(match.group("n")), match.end()))
            if len(starts) > most:
                break
            continue
        if heading_kind:
            item = _NUMBERED_ITEM.match(folded, line.start, line.end)
            if item:
                starts.append((position, heading_kind, int(item.group("n")), item.end()))
            elif _is_heading(line):
                heading_kind = None
    findings = []
    for order, (position, kind, number, text_start) in enumerate(starts):
        stop = starts[order + 1][0] if order + 1 < len(starts) else len(body)
        # A finding and its response fill a page or two, never hundreds of lines.
        stop = min(stop, position + _MOST_LINES)
        findings.append(_finding(original, folded, body[position:stop], kind, number, text_start))
    return findings


def _finding(
    original: str, folded: str, lines: list[Line], kind: str, number: int, text_start: int
) -> Finding:
    first = lines[0]
    head = Line(first.index, text_start, first.end, folded[text_start : first.end])
    rest = lines[1:]
    if head.blank:
        # "AFI 1" alone on its line: the finding's words start on the next line.
        rest = list(itertools.dropwhile(lambda line: line.blank, rest))
        head = rest[0] if rest else head
        rest = rest[1:]
    paragraphs = _paragraphs([head, *rest])
    text_lines = paragraphs[0] if paragraphs else [head]
    text = clean_block(original, text_lines)
    start, end = text_lines[0].start, text_lines[-1].end
    response_paragraphs: list[list[Line]] = []
    # "AFI 1: The force should ... Response: We have ..." on one paragraph.
    inline = _INLINE_RESPONSE.search(folded, start, end)
    response_start = None
    if inline:
        text = squash(original[start : inline.start()])
        end = inline.start()
        response_start = inline.end()
        inline_lines = [
            Line(
                line.index,
                max(line.start, inline.end()),
                line.end,
                folded[max(line.start, inline.end()) : line.end],
            )
            for line in text_lines
            if line.end > inline.end()
        ]
        response_paragraphs.append(inline_lines)
    for paragraph in paragraphs[1:]:
        if len(paragraph) == 1 and _is_heading(paragraph[0]):
            break
        if _CLOSING.search(folded, paragraph[0].start, paragraph[-1].end):
            break
        if response_paragraphs and _CLOSING_LATER.search(
            folded, paragraph[0].start, paragraph[-1].end
        ):
            break
        response_paragraphs.append(paragraph)
    response = ""
    response_end = None
    if response_paragraphs:
        pieces = []
        for paragraph in response_paragraphs:
            label = _RESPONSE_LABEL.match(folded, paragraph[0].start, paragraph[0].end)
            if label and label.end() < paragraph[0].end:
                head_line = paragraph[0]
                paragraph = [
                    Line(
                        head_line.index,
                        label.end(),
                        head_line.end,
                        folded[label.end() : head_line.end],
                    ),
                    *paragraph[1:],
                ]
            pieces.append(clean_block(original, paragraph))
        response = " ".join(piece for piece in pieces if piece)
        if response_start is None:
            response_start = response_paragraphs[0][0].start
        response_end = response_paragraphs[-1][-1].end
    return Finding(kind, number, text.strip(), start, end, response, response_start, response_end)


# --- stated counts ------------------------------------------------------------------------

_COUNT_RE = re.compile(
    # Digits followed by a word, or a number word: a cheap test before the alternatives.
    r"(?=\d{1,3}[ \t]*+\n?[ \t]*+[a-z]|"
    + trie_pattern([*NUMBER_WORDS, "not", "no"])
    + r")(?:\b(?P<n>"
    + NUMBER
    + r")|(?P<none>\bno\b|\bnot\b"
    + within_paragraph(".")
    + r"{0,40}?\bany\b|\bzero\b))"
    # Possessive: a run of spaces after a number is read once, never given back space by space.
    r"(?:[ \t]++|[ \t]*+\n[ \t]*+)(?:new\s+|further\s+|specific\s+)?(?P<what>"
    + "|".join(f"(?P<{kind.replace('-', '_')}>{words})" for kind, words in _KIND_WORDS)
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundCount:
    kind: str
    count: int
    start: int
    end: int


# A form's fields: "Causes of concern: None", "Areas for improvement: 5", alone on a line or
# side by side in columns ("Causes of concern: 0      Areas for improvement: 6").
# The field's words come first (one letter tested per position, so a run of spaces costs one
# pass); where the field starts is checked after, by ``_FIELD_START``.
_FORM_COUNT_RE = re.compile(
    r"(?=[acnr])\b(?:number\s+of\s+)?(?P<what>"
    + "|".join(f"(?P<{kind.replace('-', '_')}>{words})" for kind, words in _KIND_WORDS)
    + r")\s*[:\-]\s*(?P<n>"
    + NUMBER
    + r"|none|nil)[ \t]*\.?(?=[ \t]*$|[ \t]{2}|\t|[ \t]*\|)",
    re.IGNORECASE | re.MULTILINE,
)


# A field starts a line, or a column after two spaces, a tab or a pipe (then bullets or stars).
_LINE_HEAD = re.compile(r"[ \t*_]{0,4}")
_COLUMN_HEAD = re.compile(r"(?:[ \t]{2}|\t|\|)[ \t*_]{0,4}$")


def _starts_field(folded: str, offset: int) -> bool:
    """Whether a field's words at ``offset`` open a line or a column (a bounded look back)."""
    window = max(0, offset - 7)
    newline = folded.rfind("\n", window, offset)
    if (newline >= 0 or window == 0) and _LINE_HEAD.fullmatch(folded, newline + 1, offset):
        return True
    return bool(_COLUMN_HEAD.search(folded, window, offset))


def find_counts(folded: str, start: int, end: int) -> dict[str, FoundCount]:
    """The first stated count of each kind: "10 areas for improvement", "no causes of concern"."""
    counts: dict[str, FoundCount] = {}
    for match in _FORM_COUNT_RE.finditer(folded, 0, end):
        if not _starts_field(folded, match.start()):
            continue
        kind = next(k for k, _ in _KIND_WORDS if match.group(k.replace("-", "_")))
        word = match.group("n").lower()
        count = 0 if word in ("none", "nil") else parse_number(word)
        if count is not None and kind not in counts:
            counts[kind] = FoundCount(kind, count, match.start("what"), match.end("n"))
    for match in _COUNT_RE.finditer(folded, start, end):
        kind = next(k for k, _ in _KIND_WORDS if match.group(k.replace("-", "_")))
        if kind in counts:
            continue
        if match.group("none"):
            count = 0
        else:
            count = parse_number(match.group("n"))
            if count is None:
                continue
        # "Recommendation 2" and "AFI 3" are labels, not counts.
        if (
            match.group("n")
            and match.group("n").isdigit()
            and folded[match.start() - 1 : match.start()] not in ("", " ", "\n", "(", "\t")
        ):
            continue
        counts[kind] = FoundCount(kind, count, match.start(), match.end())
    return counts
