"""Word (.docx) letters, read with python-docx.

The body is read in order, paragraphs and tables alike (python-docx's ``iter_inner_content``):
- a paragraph is a line; its line breaks (Shift+Enter) stay line breaks;
- a blank line goes where Word would leave space: an empty paragraph, or spacing after (or
  before) a paragraph, resolved through its style and the document's defaults the way Word
  does, with "don't add space between paragraphs of the same style" (contextual spacing);
- list numbers and bullets are not in a paragraph's text but in Word's numbering definitions:
  they are worked out (decimal, letters, roman numerals, bullets, restarts) and written before
  the item, as the .txt letters have them ("1. The force should ...", "• Investigating ...");
- a table row is a line with a tab between cells (the parser reads a tab as a column gap);
- a page break is three blank lines, as between the pages of a PDF;
- the first section's header is read before the body and its footer after (letterheads and
  office addresses live there), each set apart by a blank line.

Refused: not a ZIP archive, a ZIP without ``word/document.xml`` (another kind of archive or
Office file), parts too large to unpack (``MAX_UNPACKED_BYTES``: a ZIP bomb), and files
python-docx cannot open.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from letters.parsing import LetterParseError

from .layout import PAGE_BREAK
from .types import Document

# A letter's document.xml is well under 1 MB; everything in the ZIP unpacked, images included.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def read_docx(data: bytes, *, name: str) -> Document:
    import docx

    _check_archive(data, name=name)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LetterParseError(
            f"corrupt Word document: {type(exc).__name__}: {exc}", source=name
        ) from exc
    reader = _BodyReader(document)
    parts = []
    section = document.sections[0] if document.sections else None
    if section is not None and not section.header.is_linked_to_previous:
        parts.append(reader.text(section.header.iter_inner_content()))
    parts.append(reader.text(document.iter_inner_content()))
    if section is not None and not section.footer.is_linked_to_previous:
        parts.append(reader.text(section.footer.iter_inner_content()))
    text = "\n\n".join(part for part in parts if part.strip())
    properties = document.core_properties
    return Document(
        text=text,
        format="docx",
        title=(properties.title or "").strip() or None,
        created=_date(properties.created),
        modified=_date(properties.modified),
    )


def _check_archive(data: bytes, *, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LetterParseError(
            f"not a Word document: a .docx is a ZIP archive, and this file is not a valid one "
            f"({exc})",
            source=name,
        ) from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise LetterParseError(
                f"not a Word document: a ZIP archive of {len(entries):,} files", source=name
            )
        if "word/document.xml" not in {entry.filename for entry in entries}:
            raise LetterParseError(
                "not a Word document: a ZIP archive without word/document.xml "
                "(another Office format or an archive?)",
                source=name,
            )
        unpacked = sum(entry.file_size for entry in entries)
        if unpacked > MAX_UNPACKED_BYTES:
            raise LetterParseError(
                f"Word document too large unpacked: {unpacked / 1024 / 1024:.0f} MB, the limit "
                f"is {MAX_UNPACKED_BYTES // 1024 // 1024} MB",
                source=name,
            )


class _BodyReader:
    """Paragraphs and tables to lines, with Word's spacing and numbering worked out."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.qn = qn
        self.document = document
        self.counters: dict[str, list[int]] = {}
        self.numbering = self._numbering_part()
        defaults = document.styles.element.find(qn("w:docDefaults"))
        spacing = None if defaults is None else defaults.find(f".//{qn('w:spacing')}")
        self.default_after = _twips(spacing, qn("w:after"))
        self.default_before = _twips(spacing, qn("w:before"))

    def text(self, blocks) -> str:
        from docx.table import Table

        out: list[str] = []
        previous = None  # the previous paragraph, for spacing between paragraphs
        for block in blocks:
            if isinstance(block, Table):
                self._separate(out, blank=bool(out))
                out.extend(self._table_rows(block))
                out.append("\n")
                previous = None
                continue
            if self._page_break(block):
                if out:
                    out.append(PAGE_BREAK)
                previous = None
            line = self._paragraph_text(block)
            if not line.strip():
                if out and previous is not None:
                    out.append("\n")  # an empty paragraph: a blank line
                previous = None
                continue
            if out:
                self._separate(out, blank=self._space_between(previous, block))
            out.append(line)
            out.append("\n")
            previous = block
        return _collapse("".join(out))

    @staticmethod
    def _separate(out: list[str], *, blank: bool) -> None:
        if blank:
            out.append("\n")  # _collapse keeps one blank line however many are added

    def _table_rows(self, table) -> list[str]:
        rows = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell repeats: read it once
                    continue
                seen.add(id(cell._tc))
                cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
            rows.append("\t".join(cells).rstrip("\t") + "\n")
        return rows

    def _paragraph_text(self, paragraph) -> str:
        text = paragraph.text.replace("\r", "")
        marker = self._list_marker(paragraph)
        if marker and text.strip():
            return f"{marker} {text.strip()}"
        return text.strip()

    def _page_break(self, paragraph) -> bool:
        qn = self.qn
        element = paragraph._p
        for br in element.iter(qn("w:br")):
            if br.get(qn("w:type")) == "page":
                return True
        ppr = element.pPr
        return ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None

    # spacing -------------------------------------------------------------------------------

    def _space_between(self, previous, paragraph) -> bool:
        if previous is None:
            return True  # after a table or a page break
        after = self._spacing(previous, "space_after", self.default_after)
        before = self._spacing(paragraph, "space_before", self.default_before)
        if (
            self._contextual(previous) or self._contextual(paragraph)
        ) and previous.style.style_id == paragraph.style.style_id:
            return False
        # Word leaves no visible gap under about a third of a line (4 pt = 80 twips).
        return max(after, before) >= 80

    def _spacing(self, paragraph, attribute: str, default: int) -> int:
        value = getattr(paragraph.paragraph_format, attribute)
        style = paragraph.style
        while value is None and style is not None:
            value = getattr(style.paragraph_format, attribute)
            style = style.base_style
        return default if value is None else value.twips

    def _contextual(self, paragraph) -> bool:
        qn = self.qn
        ppr = paragraph._p.pPr
        if ppr is not None and ppr.find(qn("w:contextualSpacing")) is not None:
            return True
        style = paragraph.style
        while style is not None:
            ppr = style.element.pPr
            if ppr is not None and ppr.find(qn("w:contextualSpacing")) is not None:
                return True
            style = style.base_style
        return False

    # numbering -----------------------------------------------------------------------------

    def _numbering_part(self):
        try:
            return self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return None

    def _num_pr(self, paragraph):
        """(numId, ilvl) of a list item, from the paragraph or its style; None otherwise."""
        qn = self.qn
        ppr = paragraph._p.pPr
        num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
        style = paragraph.style
        while num_pr is None and style is not None:
            style_ppr = style.element.pPr
            num_pr = None if style_ppr is None else style_ppr.find(qn("w:numPr"))
            style = style.base_style
        if num_pr is None:
            return None
        num_id = num_pr.find(qn("w:numId"))
        ilvl = num_pr.find(qn("w:ilvl"))
        if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
            return None
        level = 0 if ilvl is None else int(ilvl.get(qn("w:val"), "0"))
        return num_id.get(qn("w:val")), level

    def _list_marker(self, paragraph) -> str:
        if self.numbering is None or (found := self._num_pr(paragraph)) is None:
            return ""
        num_id, level = found
        qn = self.qn
        num = next(
            (n for n in self.numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == num_id),
            None,
        )
        if num is None:
            return ""
        abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        abstract = next(
            (
                a
                for a in self.numbering.findall(qn("w:abstractNum"))
                if a.get(qn("w:abstractNumId")) == abstract_id
            ),
            None,
        )
        if abstract is None:
            return ""
        levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.findall(qn("w:lvl"))}
        starts = {
            number: int(_val(lvl.find(qn("w:start")), qn, "1")) for number, lvl in levels.items()
        }
        for override in num.findall(qn("w:lvlOverride")):
            start = override.find(qn("w:startOverride"))
            if start is not None:
                starts[int(override.get(qn("w:ilvl")))] = int(start.get(qn("w:val")))
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            counters.append(starts.get(len(counters), 1) - 1)
        counters[level] += 1
        del counters[level + 1 :]
        lvl = levels.get(level)
        if lvl is None:
            return ""
        fmt = _val(lvl.find(qn("w:numFmt")), qn, "decimal")
        template = _val(lvl.find(qn("w:lvlText")), qn, "")
        if fmt == "bullet":
            return "•"
        if fmt == "none":
            return ""
        marker = template
        for index, count in enumerate(counters):
            index_fmt = _val(
                levels[index].find(qn("w:numFmt")) if index in levels else None, qn, "decimal"
            )
            marker = marker.replace(f"%{index + 1}", _format_number(count, index_fmt))
        return marker.strip()


def _val(element, qn, default: str) -> str:
    if element is None:
        return default
    return element.get(qn("w:val"), default)


def _twips(element, attribute: str) -> int:
    if element is None or element.get(attribute) is None:
        return 0
    try:
        return int(element.get(attribute))
    except ValueError:
        return 0


def _format_number(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = number
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = ""
        n = number
        for value, numeral in _ROMAN:
            while n >= value:
                roman += numeral
                n -= value
        return roman.upper() if fmt == "upperRoman" else roman
    return str(number)


def _collapse(text: str) -> str:
    """At most one blank line between paragraphs, three between pages."""
    lines = text.split("\n")
    out: list[str] = []
    blanks = 0
    for line in lines:
        if line.strip():
            if out:
                out.extend([""] * (3 if blanks >= 3 else min(blanks, 1)))
            out.append(line)
            blanks = 0
        else:
            blanks += 1
    return "\n".join(out)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None
