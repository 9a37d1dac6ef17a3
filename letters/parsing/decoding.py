"""Bytes to text: which files are letters we can read, and why the others are refused."""

from __future__ import annotations

import codecs

from .types import LetterParseError

# Magic numbers of binary formats people save beside their letters by mistake.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or a Word/ODF document)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"GIF8": "a GIF image",
}


def decode_letter(data: bytes, *, source: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode a letter file's bytes; returns the text (newlines normalised) and warnings.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; other bytes that are
    valid Windows-1252 are decoded as that, with a warning. Anything else is refused with a
    LetterParseError saying why.
    """
    if not data:
        raise LetterParseError("empty file", source=source)
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise LetterParseError(f"not a text file: looks like {what}", source=source)

    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LetterParseError(
                f"not a text file: invalid UTF-16 at byte {exc.start}", source=source
            ) from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise LetterParseError(
                    f"not a text file: invalid UTF-8 at byte {exc.start}", source=source
                ) from exc
            warnings.append(f"decoded as Windows-1252 (invalid UTF-8 at byte {exc.start})")

    # Anywhere in the file, not just near the start: PostgreSQL cannot store a NUL character,
    # and no letter has one.
    if (nul := text.find("\x00")) >= 0:
        raise LetterParseError(
            f"not a text file: contains NUL bytes (character {nul:,})", source=source
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LetterParseError("empty file (whitespace only)", source=source)
    return text, tuple(warnings)
