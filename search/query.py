"""What a person typed, read as terms: "quoted phrases" and words, all of them required, in
any order. Pure Python, so both databases' backends build their own syntax from the same terms
and nothing typed is ever passed through as query syntax."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Enough for any real question; bounds the work one query can ask of the database.
MAX_TERMS = 12
MAX_LENGTH = 300
_PART = re.compile(r'"([^"]*)"?|([^\s"]+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Query:
    """Each term is a tuple of words: one word, or a phrase whose words must be adjacent."""

    text: str
    terms: tuple[tuple[str, ...], ...]

    def __bool__(self):
        return bool(self.terms)


def parse(text: str | None) -> Query:
    text = (text or "").strip()[:MAX_LENGTH]
    terms: list[tuple[str, ...]] = []
    for phrase, bare in _PART.findall(text):
        # A word with punctuation inside ("force's", "2023/25") is indexed as adjacent words,
        # so it is looked for as a phrase of them.
        words = tuple(w.lower() for w in _WORD.findall(phrase or bare))
        if words:
            terms.append(words)
    unique = list(dict.fromkeys(terms))
    return Query(text, tuple(unique[:MAX_TERMS]))
