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


# A line that starts a list item: a bullet, a dash, a number.
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u25aa\u25cf>|]|\d{1,2}[.)])")


@dataclass
class Text:
    """The folded text with its areas and grade words. Sentences and lines are found around an
    offset on demand, within a bounded window, so no lookup costs more than a few hundred
    characters whatever the text's length."""

    folded: str
    areas: list[Mention]
    grades: list[Mention]
    width: int = 1_000_000  # how long a line must be to have been wrapped
    area_starts: list[int] = field(init=False)
    area_ends: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.area_starts = [a.start for a in self.areas]
        self.area_ends = [a.end for a in self.areas]

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
        floor = max(0, offset - limit)
        last = floor
        for match in _SENTENCE_END.finditer(self.folded, floor, offset):
            last = match.end()
        return last

    def sentence_end(self, offset: int, limit: int = 400) -> int:
        end = min(len(self.folded), offset + limit)
        found = _SENTENCE_END.search(self.folded, offset, end)
        return found.end() if found else end

    def clause_start(self, offset: int) -> int:
        start = self.sentence_start(offset)
        last = start
        for match in _CLAUSE_END.finditer(self.folded, start, offset):
            last = match.end()
        return last

    def line_start(self, offset: int) -> int:
        """Where the line holding ``offset`` starts (a line longer than the window is cut)."""
        floor = max(0, offset - _LINE_WINDOW)
        return max(floor, self.folded.rfind("\n", floor, offset) + 1)

    def carries_on(self, offset: int) -> bool:
        """Whether the line holding ``offset`` carries on wrapped prose: the line above fills
        the text's width and does not end a sentence, a label or a heading."""
        start = self.line_start(offset)
        if start == 0 or self.folded[start - 1] != "\n" or _ITEM_MARK.match(self.folded, start):
            return False
        above = self.folded[self.line_start(start - 1) : start - 1].rstrip()
        return len(above) >= self.width and above[-1:] not in ".!?:;"

    def line_end(self, offset: int) -> int:
        end = self.folded.find("\n", offset, offset + _LINE_WINDOW)
        return end if end >= 0 else min(len(self.folded), offset + _LINE_WINDOW)

    def previous_line(self, offset: int) -> tuple[int, int] | None:
        """The nearest non-blank line above the line holding ``offset`` (within three lines)."""
        end = self.line_start(offset) - 1
        for _ in range(3):
            if end <= 0:
                return None
            start = self.line_start(end)
            if self.folded[start:end].strip():
                return start, end
            end = start - 1
        return None


_LINE_WINDOW = 2000
