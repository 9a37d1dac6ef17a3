"""Parse a letter's text into a ParsedLetter. (Being built out: see the parser helper's work.)"""

from __future__ import annotations

from .types import LetterParseError, ParsedLetter

PARSER_VERSION = "0"


def parse_letter(text: str, *, source: str | None = None) -> ParsedLetter:
    if not text.strip():
        raise LetterParseError("empty file", source=source)
    return ParsedLetter()
