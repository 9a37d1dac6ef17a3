"""A letter file's bytes to the plain text the parser reads. No Django imports in here.

    from letters.formats import read_document
    document = read_document(path.read_bytes(), name=str(path))
    parsed = parse_letter(document.text, source=str(path))

The format is told by the bytes, then the name: ``%PDF-`` is a PDF, a ZIP holding
``word/document.xml`` a Word document, markup opening with ``<html`` (or a doctype) a web page,
anything else text. A file whose name says one format and whose bytes another is read as its
bytes say, with a warning, or refused when they say nothing readable (see sniffing.py). Each
format keeps the layout conventions of the .txt letters (see layout.py), so spans index the
text as the parser saw it, and that text is what is stored.
"""

from __future__ import annotations

from .reading import read_document
from .sniffing import EXTENSIONS, sniff_format
from .types import FORMATS, Document

__all__ = ["EXTENSIONS", "FORMATS", "Document", "read_document", "sniff_format"]
