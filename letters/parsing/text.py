"""Text helpers shared by the recognisers: folding, lines, phrases, numbers and clean-up.

Every recogniser searches a *folded* copy of the letter: curly quotes, dashes and odd spaces
are mapped to their plain ASCII forms one character for one character, so a match's offsets in
the folded copy are offsets in the original text and ``text[start:end]`` stays the evidence.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
from typing import NamedTuple

# One character in, one character out: offsets must survive folding.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u00ad": "-",
        "\u200b": " ",
        "\ufeff": " ",
    }
)


_FOLD_PAIRS = tuple((chr(code), plain) for code, plain in _FOLD.items())


# OCR's commonest confusions of a digit with a letter, read back one character for one: "l" or
# "I" inside or opening a number ("2l May 2019", "2018/l9", "l4 May"), "O" likewise ("2O19",
# "3O May"), "1" inside a lower-case word ("pub1ished", "sincere1y"), "l" inside a capitalised
# one ("POLlCE"). A number never holds a letter there, nor a word a digit between lower-case
# letters (postcodes and references are upper-case).
# Each reading starts with the character it reads back, so a scan tests one character per
# position before any lookaround, and replaces with a constant (no Python call per match).
_OCR_READINGS = (
    (re.compile(r"[lI](?:(?<=\d[lI])(?=\d|[ \t,.;)]|$)|(?<![A-Za-z][lI])(?=\d))", re.M), "1"),
    (re.compile(r"O(?:(?<=\dO)(?=\d|[ \t,.;)]|$)|(?<![A-Za-z]O)(?=\d))", re.M), "0"),
    (re.compile(r"1(?<=[a-z]1)(?=[a-z])"), "l"),
    (re.compile(r"l(?<=[A-Z]l)(?=[A-Z])"), "I"),
)


def _ocr_digits(text: str) -> str:
    for pattern, plain in _OCR_READINGS:
        text = pattern.sub(plain, text)
    return text


# OCR reads "m" as "rn". A word with "rn" whose "m" spelling is one of the words letters about
# inspections are read by ("irnprovement", "legitirnacy", "Decernber") is read with "m" and a
# space after it: the same length, so only that word's own offsets shift. Real words with "rn"
# ("concern", "government", "Cornwall") and names ("Horne") never become one of these.
_RN_WORDS = frozenset(
    {
        "improvement", "improvements", "improve", "improved", "improving", "legitimacy",
        "commissioner", "commissioners", "committee", "demand", "demands", "comment", "comments",
        "commented", "management", "manage", "managing", "performance", "crime", "crimes",
        "community", "communities", "summary", "november", "december", "september", "march",
        "members", "member", "minutes", "mayor", "immediate", "impact", "important", "programme",
        "implement", "implementation", "recommend", "recommendation", "recommendations", "team",
        "teams", "system", "systems", "victim", "victims", "complaint", "complaints", "misconduct",
        "homicide", "meeting", "month", "months", "number", "assessment", "framework", "welcome",
        "welcomed", "welcomes", "time", "timeliness",
    }
)  # fmt: skip


def _rn_spellings(word: str) -> list[str]:
    """``word`` with one or more of its "m"s read as "rn": "comrnissioner", "cornrnissioner"."""
    spots = [index for index, char in enumerate(word) if char == "m"]
    spellings = []
    for chosen in range(1, 2 ** len(spots)):
        letters = list(word)
        for bit, index in enumerate(spots):
            if chosen >> bit & 1:
                letters[index] = "rn"
        spellings.append("".join(letters))
    return spellings


@functools.cache
def _rn_word() -> re.Pattern[str]:
    # Only a word with "rn" in its first letters is tried against the trie of misreadings.
    spellings = [spelling for word in _RN_WORDS for spelling in _rn_spellings(word)]
    return re.compile(r"\b(?=[A-Za-z]{0,20}rn)(?:" + trie_pattern(spellings) + r")", re.IGNORECASE)


def _rn_read(match: re.Match[str]) -> str:
    word = match.group()
    fixed = word.replace("rn", "m").replace("RN", "M")
    return fixed + " " * (len(word) - len(fixed))


def _ocr_rn(text: str) -> str:
    return _rn_word().sub(_rn_read, text) if "rn" in text else text


# A word hyphenated at a line's end by a PDF's layout: "pub-" over "lished on ...". Only a
# lower-case letter on both sides: "Smith-" over "Jones" is a double-barrelled name.
_HYPHENATED = re.compile(r"(?<=[a-z])-\n([ \t]{0,40})([a-z]{1,40})(?![\w\-])")


def _rejoined(match: re.Match[str]) -> str:
    # The word's second half moves up to join its first, the next line keeps its place: the
    # same length, so every offset outside the word is unchanged.
    return match.group(2) + "\n" + " " * (len(match.group(1)) + 1)


def _dehyphenated(text: str) -> str:
    return _HYPHENATED.sub(_rejoined, text) if "-\n" in text else text


def fold(text: str) -> str:
    """The text with quotes, dashes and spaces made plain, OCR's digit-for-letter and rn-for-m
    slips read back and words hyphenated at a line's end rejoined, offset for offset."""
    if text.isascii():
        return _dehyphenated(_ocr_rn(_ocr_digits(text.replace("`", "'"))))
    # str.translate with a mapping is slow per character; replacing only the few characters
    # present is many times faster on a typical letter.
    folded = text
    for char, plain in _FOLD_PAIRS:
        if char in folded:
            folded = folded.replace(char, plain)
    folded = _dehyphenated(_ocr_rn(_ocr_digits(folded)))
    assert len(folded) == len(text)
    return folded


class Line(NamedTuple):
    """One line of the folded text. ``index`` is its position in the list ``split_lines``
    returns (not its line number: long runs of blank lines are kept as two)."""

    index: int
    start: int
    end: int  # exclusive, before the newline
    text: str  # the folded line

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


# A line with something on it, found from its start: the leading whitespace is matched
# possessively, so a line of a million spaces costs one pass, not a million.
_TEXT_LINE = re.compile(r"^[ \t\f\v\r]*+\S[^\n]*", re.MULTILINE)


# A letter has a few hundred lines of words; a text is read in its first this many.
MAX_LINES = 5000


def split_lines(folded: str, most: int = MAX_LINES) -> list[Line]:
    """The text's lines, with each run of blank lines kept as at most two blank lines (enough
    to tell a paragraph break from a page break): the recognisers read the lines of words, and
    a file of a million newlines is then a few lines, not a million. Only the first ``most``
    lines of words are returned (``reading_end`` cuts a longer text before it is split)."""
    lines: list[Line] = []
    position = 0  # where the next line starts
    for match in itertools.islice(_TEXT_LINE.finditer(folded), most):
        start = match.start()
        blanks = folded.count("\n", position, start)
        for _ in range(min(blanks, 2)):
            end = folded.find("\n", position)
            lines.append(Line(len(lines), position, end, folded[position:end]))
            position = end + 1
        if blanks > 2:
            position = folded.rfind("\n", 0, start) + 1
        lines.append(Line(len(lines), start, match.end(), match.group()))
        position = match.end() + 1
    if position <= len(folded):
        tail = folded.count("\n", position)
        for _ in range(min(tail, 2)):
            end = folded.find("\n", position)
            lines.append(Line(len(lines), position, end, folded[position:end]))
            position = end + 1
        lines.append(Line(len(lines), position, len(folded), folded[position:]))
    return lines


def reading_end(text: str, most: int = MAX_LINES) -> int | None:
    """Where a text of more than ``most`` lines of words stops being read (the end of its
    ``most``-th line of words), or None when it has no more than that: a letter has a few
    hundred, and what follows the first ``most`` is not read at all."""
    read = collections.deque(itertools.islice(_TEXT_LINE.finditer(text), most), maxlen=1)
    if not read or _WORD_CHARACTER.search(text, read[0].end()) is None:
        return None
    return read[0].end()


_WORD_CHARACTER = re.compile(r"\S")


def wrap_width(lines: list[Line]) -> int:
    """How long a line must be to have been wrapped: prose printed to a width (a PDF's text, a
    hard-wrapped email) fills its lines to within a word of it, while address blocks,
    signatures, list items and table rows fall short. The width is read from the text's own
    longer lines (three quarters of the length most of them reach), never under 40."""
    lengths = sorted(n for line in lines if (n := len(line.text.rstrip())) >= 20)
    if len(lengths) < 3:
        return 1_000_000
    return max(40, lengths[(len(lengths) - 1) * 4 // 5] * 3 // 4)


def unwrapped(folded: str, lines: list[Line]) -> str:
    """The text with each line break inside wrapped prose made a space (offsets unchanged), so
    that a name or title split over two lines ("Commissioner David\\nLloyd said") reads whole."""
    width = wrap_width(lines)
    breaks = [
        line.end
        for line, after in itertools.pairwise(lines)
        if not after.blank
        and len(line.text.rstrip()) >= width
        and line.end < len(folded)
        and folded[line.end] == "\n"
    ]
    if not breaks:
        return folded
    pieces = []
    position = 0
    for offset in breaks:
        pieces.append(folded[position:offset])
        pieces.append(" ")
        position = offset + 1
    pieces.append(folded[position:])
    return "".join(pieces)


def relined(lines: list[Line], text: str, changed: set[int]) -> list[Line]:
    """The same lines over another copy of the text of the same length (the furniture-blanked
    copy), re-reading only the lines that changed."""
    return [
        Line(line.index, line.start, line.end, text[line.start : line.end])
        if line.index in changed
        else line
        for line in lines
    ]


def line_at(lines: list[Line], offset: int) -> Line:
    """The line holding ``offset`` (binary search: lines are sorted by start)."""
    low, high = 0, len(lines) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if lines[mid].start <= offset:
            low = mid
        else:
            high = mid - 1
    return lines[low]


def phrase_pattern(phrase: str) -> str:
    """A regex for a phrase: any run of whitespace between words, '&' and 'and' interchangeable.

    Word boundaries are added where the phrase starts or ends with a word character.
    """
    parts = []
    for word in phrase.split():
        if word.lower() in ("&", "and"):
            parts.append("(?:&|and)")
        else:
            parts.append(re.escape(word.replace("\u2019", "'")))
    body = r"\s+".join(parts)
    if re.match(r"\w", phrase):
        body = r"\b" + body
    if re.search(r"\w$", phrase):
        body = body + r"\b"
    return body


def alternation(phrases, *, case_sensitive=()) -> re.Pattern[str]:
    """One compiled alternation of phrases; where several match at one place the longest wins.

    Phrases in ``case_sensitive`` (acronyms such as "LLR") only match as written. The other
    phrases are compiled as a trie of their characters ("avon and somerset" and "avon & somerset"
    share "avon"), because Python's regex engine tries a flat alternation's branches one by one
    at every position, which made matching a vocabulary of hundreds of names the parser's hot spot.
    """
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    parts = []
    for phrase in unique:
        if phrase in case_sensitive:
            parts.append(f"(?-i:{phrase_pattern(phrase)})")
    trie = trie_pattern([phrase for phrase in unique if phrase not in case_sensitive])
    if trie:
        parts.append(trie)
    return re.compile("|".join(parts), re.IGNORECASE)


class Vocabulary:
    """An alternation of phrases (see ``alternation``) that scans a lower-cased copy of the text
    with a case-sensitive trie: Python's regex engine compares case-insensitively character by
    character, so this is the faster scan. Acronyms that match only as written are scanned in
    the text itself, and a match overlapping an earlier one is dropped, as one regex would."""

    def __init__(self, phrases, *, case_sensitive=()):
        unique = sorted(set(phrases), key=lambda p: (-len(p), p))
        self.pattern = alternation(unique, case_sensitive=case_sensitive)
        self._trie = re.compile(
            trie_pattern([p for p in unique if p not in case_sensitive]) or "(?!)"
        )
        acronyms = [phrase_pattern(p) for p in unique if p in case_sensitive]
        self._acronyms = re.compile("|".join(acronyms)) if acronyms else None

    def spans(self, folded: str) -> list[tuple[int, int]]:
        lowered = folded.lower()
        if len(lowered) != len(folded):  # a character whose lower case is longer: rare
            return [m.span() for m in self.pattern.finditer(folded)]
        found = [m.span() for m in self._trie.finditer(lowered)]
        if self._acronyms is not None:
            extra = [m.span() for m in self._acronyms.finditer(folded)]
            if extra:
                found = _without_overlaps(sorted(extra + found, key=lambda s: (s[0], -s[1])))
        return found


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


_SPACE = object()
_AND = object()
_END = object()


def _units(phrase: str) -> list:
    units: list = []
    for word in phrase.split():
        if units:
            units.append(_SPACE)
        if word.lower() in ("&", "and"):
            units.append(_AND)
        else:
            units.extend(word.replace("\u2019", "'").lower())
    return units


def _unit_pattern(unit) -> str:
    if unit is _SPACE:
        return r"\s+"
    if unit is _AND:
        return "(?:&|and)"
    return re.escape(unit)


def _is_word(unit) -> bool:
    return unit is _AND or (isinstance(unit, str) and bool(re.match(r"\w", unit)))


def trie_pattern(phrases: list[str], *, prefixes: bool = False) -> str:
    """A regex trie of ``phrases`` (whole words; with ``prefixes``, the start of a word)."""
    root: dict = {}
    for phrase in phrases:
        node = root
        units = _units(phrase)
        for unit in units:
            node = node.setdefault(unit, {})
        node[_END] = r"\b" if _is_word(units[-1]) and not prefixes else ""
    words = [u for u in root if u is not _END and _is_word(u)]
    others = [u for u in root if u is not _END and not _is_word(u)]
    # The word boundary once, before the choice of first letter, not once per branch.
    parts = []
    if words:
        # A word's first letter is tested once against the set of initials, not branch by branch.
        initials = {"a" if unit is _AND else unit for unit in words}
        if _AND in words:
            initials.add("&")
        parts.append(
            r"\b(?=["
            + "".join(re.escape(char) for char in sorted(initials))
            + "])(?:"
            + "|".join(_unit_pattern(u) + _trie_body(root[u]) for u in words)
            + ")"
        )
    parts.extend(_unit_pattern(u) + _trie_body(root[u]) for u in others)
    return "|".join(parts)


def _trie_body(node: dict) -> str:
    # Continuations before the phrase's end, so that the longest phrase is tried first.
    branches = [
        _unit_pattern(unit) + _trie_body(child) for unit, child in node.items() if unit is not _END
    ]
    if _END in node:
        branches.append(node[_END])
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def within_paragraph(excluded: str = "") -> str:
    """A regex for one character that is not in ``excluded`` and does not leave the paragraph:
    a single line break counts (hard-wrapped prose), a blank line does not."""
    return r"(?:[^" + excluded + r"\n]|\n(?![ \t]*\n))"


def squash(text: str) -> str:
    """Fold every run of whitespace to one space and trim."""
    return " ".join(text.split())


NUMBER_WORDS = {
    "no": 0,
    "zero": 0,
    "one": 1,
    "a single": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
NUMBER = r"(?:\d{1,3}|" + trie_pattern(list(NUMBER_WORDS)) + r")"


def parse_number(word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


# Page furniture: lines that belong to the page, not to the letter's sentences.
_FURNITURE = re.compile(
    r"""^\s*+(?:
        >?\s*(?:\.{2,}|\u2026)?\s*cont(?:'|inue)?d\.?(?:\s+overleaf)?\s*\.{0,3}   # "... cont'd"
      | continued(?:\s+(?:overleaf|on\s+next\s+page))?\.{0,3}
      | (?:page\s+)?\d{1,3}\s+of\s+\d{1,3}                                  # "Page 2 of 3"
      | (?:\d{1,3}\s*\|\s*)?p\ ?a\ ?g\ ?e(?:\s*\|?\s*\d{1,3})?                 # "2 | P a g e"
      | \d{1,3}                                                              # a bare page number
      | (?:not\s+protectively\s+marked|official(?:\s*[-:]?\s*(?:public|sensitive))?
         |unclassified|protect)                                            # security markings
      | -\s*\d{1,3}\s*-                                                      # "- 2 -"
      | p\.?t\.?o\.?
      | [\u00b9\u00b2\u00b3\u2070-\u2079]+\s*\S.*                            # "¹ Redacted"
      | \[\d{1,2}\]\s+\S.*                                                   # "[1] Source ..."
      | [^\n]{0,80}\(cont(?:'|inue)?d\.?\)                                  # running header
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line))


def clean_block(original: str, lines: list[Line]) -> str:
    """The original words of a run of lines, page furniture dropped and whitespace folded."""
    kept = (original[line.start : line.end] for line in lines if not is_furniture(line.text))
    return squash(" ".join(kept))
