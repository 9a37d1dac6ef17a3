"""The letter parser: text in, frozen dataclasses out. No Django imports anywhere in here.

from letters.parsing import parse_letter, decode_letter
text, warnings = decode_letter(path.read_bytes(), source=str(path))
parsed = parse_letter(text, source=str(path))
"""

from .decoding import decode_letter
from .parser import PARSER_VERSION, parse_letter
from .types import (
    LetterParseError,
    ParsedCount,
    ParsedFinding,
    ParsedGrade,
    ParsedInspection,
    ParsedLetter,
    ParsedPerson,
    Spanned,
)

__all__ = [
    "PARSER_VERSION",
    "LetterParseError",
    "ParsedCount",
    "ParsedFinding",
    "ParsedGrade",
    "ParsedInspection",
    "ParsedLetter",
    "ParsedPerson",
    "Spanned",
    "decode_letter",
    "parse_letter",
]
