"""The text the grade recognisers read, indexed once: areas, grades, sentences and lines.

Every lookup is a binary search over offsets computed in one pass, so each recogniser does a
bounded amount of work per grade word and the whole reading stays linear in the text's length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .words import Mention

# A sentence ends at a full stop, question or exclamation mark before a space, at a blank line,
# and where a list item starts on a new line.
_SENTENCE_END = re.compile(
    r"[.!?](?=[\s\"')\]]|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*\u2022\u00b7>|]|\d{1,2}[.)]\s))"
)
# Within a sentence a clause ends at a semicolon, a dash between spaces, a colon, or a comma and
# conjunction that bring in a new subject (", and the police force required ...").
_CLAUSE_END = re.compile(
    r";|\s[-\u2013]\s|:\s|,\s+(?:and|but|while|whilst|whereas)\s+(?=(?:the|its|their|his|her)\b)",
    re.IGNORECASE,
)


@dataclass
class Link:
    """A grade read together with what it grades.

    ``area`` is an area key, None when the text rates the inspection without naming an area, or
    "all" for "in all three areas" / "across the board"; ``overall`` when the words say so.
    """

    area: str | None
    grade: str
    start: int
    end: int
    at: int  # the grade word's offset (for the filters)
    word_end: int  # where the grade word ends
    overall: bool = False
    recogniser: str = ""


@dataclass
class Text:
    folded: str
    areas: list[Mention]
    grades: list[Mention]
    area_starts: list[int] = field(init=False)
    area_ends: list[int] = field(init=False)
    sentence_ends: list[int] = field(init=False)
    line_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.area_starts = [a.start for a in self.areas]
        self.area_ends = [a.end for a in self.areas]
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.folded)]
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.folded)]

    # --- areas --------------------------------------------------------------------------
    def area_ending_before(self, offset: int) -> Mention | None:
        index = bisect.bisect_right(self.area_ends, offset) - 1
        return self.areas[index] if index >= 0 else None

    def area_starting_after(self, offset: int) -> Mention | None:
        index = bisect.bisect_left(self.area_starts, offset)
        return self.areas[index] if index < len(self.areas) else None

    def areas_between(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.area_starts, start)
        high = bisect.bisect_left(self.area_starts, end)
        return [a for a in self.areas[low:high] if a.end <= end]

    # --- sentences and lines --------------------------------------------------------------
    def sentence_start(self, offset: int, limit: int = 400) -> int:
        index = bisect.bisect_right(self.sentence_ends, offset) - 1
        start = self.sentence_ends[index] if index >= 0 else 0
        return max(start, offset - limit)

    def sentence_end(self, offset: int, limit: int = 400) -> int:
        index = bisect.bisect_right(self.sentence_ends, offset)
        end = self.sentence_ends[index] if index < len(self.sentence_ends) else len(self.folded)
        return min(end, offset + limit)

    def clause_start(self, offset: int) -> int:
        start = self.sentence_start(offset)
        last = start
        for match in _CLAUSE_END.finditer(self.folded, start, offset):
            last = match.end()
        return last

    def line_start(self, offset: int) -> int:
        return self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]

    def line_end(self, offset: int) -> int:
        index = bisect.bisect_right(self.line_starts, offset)
        return self.line_starts[index] - 1 if index < len(self.line_starts) else len(self.folded)

    def previous_line(self, offset: int) -> tuple[int, int] | None:
        """The nearest non-blank line above the line holding ``offset``."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        for back in range(index - 1, max(-1, index - 4), -1):
            start = self.line_starts[back]
            end = self.line_starts[back + 1] - 1
            if self.folded[start:end].strip():
                return start, end
        return None
