"""Whether a text is a local policing body's response at all, and if not, why.

Offices publish beside their own responses the letters they receive (from HM Chief Inspector of
Constabulary, an HM Inspector, the Home Secretary or a minister) and forces publish their chief
constables' statements on the same reports. Neither is a commissioner's response: they are
stored, flagged and kept out of the figures. Each recogniser below reads one way a text shows
who wrote it, in order; the first that decides gives the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .structure import Layout
from .text import Line
from .titles import prose_titles, titles_in

# The inspectorate's and the Home Office's people, by title.
_AUTHORITY_TITLE = re.compile(
    r"\b(?:(?:his|her)\s+majesty'?s|hm)\s+(?:chief\s+)?inspector\s+of\s+constabulary"
    r"|\b(?:HMCIC|HMI)\b(?=\s+[A-Z])|\bhome\s+secretary\b"
    r"|\bsecretary\s+of\s+state\s+for\s+the\s+home\s+department\b"
    r"|\bminister\s+(?:of\s+state\s+)?for\s+(?:policing|crime)|\bpolicing\s+minister\b",
    re.IGNORECASE,
)
# "From" on a line of its own (or "From:"), as a published letter's information block has it.
_FROM_LABEL = re.compile(
    r"^\s*(?:from\s*:?|(?:sent\s+by|author)\s*:)\s*(?P<rest>.*)$", re.IGNORECASE
)
# The inspectorate writing as itself: "we inspected", "our PEEL inspection", "our findings".
_INSPECTORATE_VOICE = re.compile(
    r"\bwe\s+(?:inspected|identified|placed|have\s+closed|closed|found|concluded|will\s+continue"
    r"\s+to\s+monitor|revisited|moved)\b"
    r"|\bour\s+(?:PEEL|inspection|inspections|findings|recommendations?|enhanced\s+monitoring"
    r"|engage|monitoring|cause\s+of\s+concern|causes\s+of\s+concern|revisit|default\s+phase"
    r"|last\s+round|inspectors)\b",
    re.IGNORECASE,
)
# Who a letter greets: a force's chief officer or a commissioner is written TO, not writing.
_TO_POLICING = re.compile(
    r"^[\s*_>]*dear\s+(?:chief\s+constable|commissioner|mayor|deputy\s+mayor|pcc|pfcc"
    r"|police\s+and\s+crime\s+commissioner)\b",
    re.IGNORECASE,
)
# The local policing body's side, however written: its office, panel, board or committee.
_BODY_SIDE = re.compile(
    r"\b(?:OPCC|OPFCC|police\s+authority|authority\s+board|police\s+committee|sub[\s-]?committee"
    r"|police\s+and\s+crime\s+panel|police,\s+crime\s+and\s+fire\s+panel|local\s+policing\s+body"
    r"|police\s+and\s+crime\s+plan|RESOLVED)\b",
)
# A chief constable (or the force) speaking for itself.
_CHIEF_VOICE = re.compile(
    r"\bchief(?:'s)?\s+statement\b"
    r"|\b(?:message|letter|blog|update)\s+from\s+(?:the\s+|our\s+)?chief\s+constable\b"
    r"|\bchief\s+constable'?s\s+(?:message|letter|blog|update)\b"
    r"|\bwe\s+were\s+(?:graded|rated|assessed|judged)\b"
    r"|\bchief\s+constable\s+(?:[A-Z][\w'\-]+\s+){1,3}(?:has\s+|also\s+)?"
    r"(?:said|says|welcomed|welcomes|added|commented|stated)\b"
    r"|\bcommenting\s+on\s+the\s+report,\s+chief\s+constable\b"
    r"|\b(?:our|my)\s+(?:police\s+service|force|officers\s+and\s+staff|service)\b",
    re.IGNORECASE,
)


# An inspector quoted as the text's voice: "HM Inspector of Constabulary Jane Doe said".
_INSPECTOR_SPEAKS = re.compile(
    r"\b(?i:(?:(?:his|her)\s+majesty'?s\s+|hm\s+)?(?:chief\s+)?inspector\s+"
    r"(?:of\s+constabulary\s+)?)(?:[A-Z][\w'\-]+\s+){1,3}(?:said|says|added|commented)\b",
)


# A chief officer's title on a signature line of its own: "Chief Constable", "T/Chief Constable".
_CHIEF_SIGNS = re.compile(
    r"^[\s*_]*(?:(?:acting|temporary|interim|T/)\s*)?chief\s+constable\b[^\n]{0,60}$",
    re.IGNORECASE,
)
# A commissioner's office said to be silent, as news stories put it: "the PCC's office had not
# responded to a request for comment", "the commissioner declined to comment".
_SILENT_AFTER = re.compile(
    r"[^.\n]{0,60}?\b(?:(?:had|has|have|did)\s+not\s+(?:yet\s+)?(?:responded|replied|commented)"
    r"|(?:declined|refused)\s+to\s+comment|was\s+not\s+available\s+for\s+comment"
    r"|could\s+not\s+be\s+reached)\b",
    re.IGNORECASE,
)


# A Home Secretary or minister quoted as the text's voice: "The Policing Minister, Rt Hon Jane
# Doe MP, said", "Home Secretary Jane Doe welcomed".
_MINISTER_SPEAKS = re.compile(
    r"\b(?i:home\s+secretary|policing\s+minister|minister\s+(?:of\s+state\s+)?for\s+"
    r"(?:policing|crime)(?:[\w ,]{0,30}?)?)[ \t,]+(?:(?i:the\s+)?(?i:rt\.?\s+hon\.?\s+)?"
    r"(?:[A-Z][\w'\-]+\s+){1,3}(?:MP\b)?[ \t,]*)?(?i:has\s+)?"
    r"(?i:said|says|added|commented|welcomed)\b",
)


@dataclass(frozen=True)
class Direction:
    response: bool
    reason: str = ""


def _from_block(folded: str, lines: list[Line], layout: Layout) -> str | None:
    """The title of the person a "From" label names, when that is the inspectorate's."""
    for position, line in enumerate(lines[:60]):
        label = _FROM_LABEL.match(line.text)
        if not label:
            continue
        following = [label.group("rest")]
        following += [other.text for other in lines[position + 1 : position + 5]]
        for text in following:
            if not text.strip() and text is not following[0]:
                break  # the block ends at a blank line
            if text.strip().lower().startswith(("to", "cc", "dear")):
                break
            found = _AUTHORITY_TITLE.search(text)
            if found:
                return found.group()
    return None


def _signature_title(folded: str, lines: list[Line], layout: Layout) -> str | None:
    """An inspectorate or ministerial title under the sign-off."""
    if layout.sign_off is None:
        return None
    for line in lines[layout.sign_off.index + 1 : layout.sign_off.index + 7]:
        if line.stripped.lower().startswith(("cc", "copy", "c.c")):
            break
        found = _AUTHORITY_TITLE.search(line.text)
        if found:
            return found.group()
    return None


def _inspectorate_header(folded: str, lines: list[Line], layout: Layout) -> str | None:
    """A letter opening with an inspector's name and title, written in the inspectorate's voice,
    greeting nobody or a force's chief officer or commissioner."""
    if layout.salutation is not None and not _TO_POLICING.match(layout.salutation.text):
        return None
    head = [line for line in lines if not line.blank][:12]
    titles = prose_titles(folded, chief_is_commissioner=True)
    for line in head:
        found = _AUTHORITY_TITLE.search(line.text)
        if found is None:
            continue
        if any(title.start < line.start and not title.short for title in titles):
            return None  # a commissioner's letterhead comes first: the inspector is addressed
        if _inspectorate_voice(folded):
            return found.group()
        return None
    return None


def _chief_signature(folded: str, lines: list[Line], layout: Layout) -> str | None:
    """A letter signed by a chief constable, with no commissioner signing beside them: the
    chief's own comments (sent TO the commissioner under section 55), not the body's."""
    if layout.sign_off is None:
        return None
    block = lines[layout.sign_off.index + 1 : layout.sign_off.index + 7]
    block = [line for line in block if not line.stripped.lower().startswith(("cc", "copy"))]
    if not block or titles_in(folded, block[0].start, block[-1].end):
        return None
    for line in block:
        found = _CHIEF_SIGNS.match(line.text)
        if found:
            return "chief constable"
    return None


def _speaks_for_body(folded: str, title) -> bool:
    """Whether a commissioner's title in prose is the body's own voice: not inside someone
    else's quoted words (an inspector's "the police and crime commissioner and I ..."), nor
    said to be silent (a news story's "had not responded to a request for comment")."""
    paragraph = max(folded.rfind("\n\n", 0, title.start), folded.rfind("\n \n", 0, title.start))
    if folded.count('"', paragraph + 1, title.start) % 2:
        return False
    return not _SILENT_AFTER.match(folded, title.end)


def _no_commissioner(folded: str, force: str | None, has_commissioner: bool) -> str | None:
    """Who speaks when nothing in the text speaks for a local policing body: a chief constable
    or the force, or the inspectorate; None when a local policing body is there."""
    if has_commissioner or _BODY_SIDE.search(folded):
        return None
    chief_is_commissioner = force in ("Metropolitan Police Service", "City of London Police")
    titles = prose_titles(folded, chief_is_commissioner=chief_is_commissioner)
    if any(_speaks_for_body(folded, title) for title in titles):
        return None
    if _CHIEF_VOICE.search(folded):
        return "a chief constable's or force's own statement"
    if _INSPECTOR_SPEAKS.search(folded) or _inspectorate_voice(folded):
        return "the inspectorate's own statement"
    if _MINISTER_SPEAKS.search(folded):
        return "the Home Office's own statement"
    return None


def _inspectorate_voice(folded: str) -> bool:
    return len({m.group().lower() for m in _INSPECTORATE_VOICE.finditer(folded)}) >= 2


def direction_of(
    folded: str, lines: list[Line], layout: Layout, *, force: str | None, has_commissioner: bool
) -> Direction:
    """Whether the text is a commissioner's (or police authority's) response, and why not."""
    if not has_commissioner and _chief_signature(folded, lines, layout):
        return Direction(
            False,
            "not a commissioner's response: a letter signed by the chief constable (the "
            "force's own comments, written to its commissioner)",
        )
    for recogniser in (_from_block, _signature_title, _inspectorate_header):
        title = recogniser(folded, lines, layout)
        if title:
            who = " ".join(title.split())
            return Direction(
                False,
                f"not a commissioner's response: a letter from the {who} (the inspectorate or "
                "the Home Office) to a force or its commissioner",
            )
    speaker = _no_commissioner(folded, force, has_commissioner)
    if speaker:
        return Direction(
            False,
            f"not a commissioner's response: {speaker}, with no commissioner's response in it",
        )
    return Direction(True)
