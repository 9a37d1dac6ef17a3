"""Page furniture and scanning noise, added where real letters have it.

Page breaks (blank runs, "Page 2 of 3"), "cont'd" markers, footnotes inside responses, OCR junk
lines, hard-wrapped lines (text pulled from a PDF), trailing spaces and Windows line endings.
Noise goes between paragraphs or inside body text and responses; inside an AFI's own words only
rarely (a page break), because the truth records the AFI with the furniture removed.
"""

from __future__ import annotations

import textwrap

from . import phrases
from .sections import Draft

_SPLITTABLE = ("body", "response")


def _split_at_space(text: str, fraction: float) -> tuple[str, str] | None:
    """Split a one-line paragraph at the space nearest ``fraction`` of its length."""
    first_line = text.split("\n", 1)[0]
    middle = int(len(first_line) * fraction)
    cut = first_line.rfind(" ", 0, middle)
    if cut < 20:
        return None
    return text[:cut], text[cut + 1 :]


def _page_break(draft: Draft, page: int, pages: int) -> str:
    """The text between two pages: blank lines, maybe a page number, maybe a running header."""
    rng = draft.rng
    lines = ["", "", ""]
    if rng.random() < 0.5:
        marker = rng.choice(phrases.PAGE_MARKERS).format(n=page, total=pages)
        lines = ["", marker, "", ""] if rng.random() < 0.5 else ["", "", "", marker, ""]
    if rng.random() < 0.15:
        lines.append(rng.choice(("OFFICIAL", "OFFICIAL - PUBLIC", "NOT PROTECTIVELY MARKED")))
        lines.append("")
    return "\n".join(lines) + "\n"


def _footnote(draft: Draft, text: str) -> str:
    """A footnote marker in a response and the footnote itself at the foot of the page."""
    rng = draft.rng
    split = _split_at_space(text, rng.uniform(0.4, 0.8))
    if split is None:
        return text
    before, after = split
    words = before.split(" ")
    marker = rng.choice(("\u00b9", "[x\u00b9]", "[1]"))
    if len(words) > 4 and rng.random() < 0.5:
        position = rng.randrange(2, len(words) - 1)
        words[position] = f"{words[position]}{marker if marker != '[1]' else ' [1]'}"
        before = " ".join(words)
    note = rng.choice(
        (
            "\u00b9 Redacted",
            "\u00b9 Redacted",
            "\u00b9 Redacted",
            "1 Redacted",
            "\u00b9 Figures as at the end of the quarter.",
        )
    )
    return f"{before}\n\n{note}\n\n\n\n{after}"


def render(draft: Draft) -> str:
    """Join the draft's blocks into the letter's text, with this letter's share of noise."""
    rng = draft.rng
    blocks = draft.blocks
    wrap_width = rng.randint(72, 96) if rng.random() < 0.15 else 0
    footnote_rate = 0.25 if rng.random() < 0.3 else 0.0
    break_rate = rng.choice((0.0, 0.04, 0.08, 0.12))
    junk_rate = 0.06 if rng.random() < 0.2 else 0.0
    contd_rate = 0.05 if rng.random() < 0.15 else 0.0
    pages = 1 + sum(len(block.text) for block in blocks) // 3000
    page = 1
    if wrap_width:
        draft.notes.append("hard-wrapped")
    out: list[str] = []
    for index, block in enumerate(blocks):
        text = block.text
        if wrap_width and block.kind in ("lead", "body", "grade", "response", "afi"):
            text = "\n".join(
                textwrap.fill(line, wrap_width, break_on_hyphens=False) for line in text.split("\n")
            )
        if block.kind == "response" and footnote_rate and rng.random() < footnote_rate:
            text = _footnote(draft, text)
            draft.notes.append("footnote in a response")
            page += 1
        elif block.kind in _SPLITTABLE and break_rate and rng.random() < break_rate:
            split = _split_at_space(text, rng.uniform(0.3, 0.7))
            if split:
                page += 1
                text = f"{split[0]}\n{_page_break(draft, page, max(pages, page))}\n{split[1]}"
        elif block.kind == "afi" and break_rate and rng.random() < break_rate / 4:
            split = _split_at_space(text, rng.uniform(0.5, 0.8))
            if split:
                page += 1
                text = f"{split[0]}\n{_page_break(draft, page, max(pages, page))}\n{split[1]}"
                draft.notes.append("page break inside an AFI")
        out.append(text)
        last = index == len(blocks) - 1
        if last or block.kind == "head":
            continue
        following = blocks[index + 1].kind
        if break_rate and rng.random() < break_rate and following not in ("afi", "sign"):
            page += 1
            out.append(_page_break(draft, page, max(pages, page)).strip("\n") or "\n")
        elif contd_rate and rng.random() < contd_rate and following != "sign":
            out.append(rng.choice(phrases.CONTINUED))
        elif junk_rate and rng.random() < junk_rate and block.kind == "body":
            out.append(rng.choice(phrases.OCR_JUNK[1:]))
    text = "\n\n".join(out)
    lead = rng.choice(("", "", "\n\n\n\n", "\n\n"))
    text = f"{lead}{text}\n" if rng.random() < 0.7 else f"{lead}{text}"
    if rng.random() < 0.05:
        text = text.replace("\n", "  \n")
    if rng.random() < 0.03:
        text = text.replace("\n", "\r\n")
        draft.notes.append("CRLF line endings")
    return text
