"""Bytes to text: which files are letters we can read, and why the others are refused.

Bytes that are not valid UTF-8 are read by this rule:
- mostly UTF-8 (more valid multi-byte UTF-8 characters than invalid bytes: a UTF-8 letter with a
  stray byte pasted in): UTF-8, each invalid byte replaced by U+FFFD, a warning naming the
  offsets. Decoding it all as Windows-1252 would garble every curly quote and dash in it;
- otherwise Windows-1252 when every byte is defined there (a letter saved by an old Windows
  editor: its curly quotes are single bytes, never valid UTF-8), with a warning;
- otherwise refused.
"""

from __future__ import annotations

import codecs
import re

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
# Offsets of stray bytes named in the warning; the rest are counted.
NAMED_OFFSETS = 10
# surrogateescape turns each byte that is not valid UTF-8 into one of these.
_ESCAPED = re.compile("[\udc80-\udcff]")


def decode_letter(data: bytes, *, source: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode a letter file's bytes; returns the text (newlines normalised) and warnings.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; other bytes by the
    module's rule (mostly UTF-8 with stray bytes replaced, else Windows-1252), with a warning.
    Anything else is refused with a LetterParseError saying why.
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
            text, warning = _decode_not_utf8(data, exc, source=source)
            warnings.append(warning)

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


def _decode_not_utf8(data: bytes, exc: UnicodeDecodeError, *, source) -> tuple[str, str]:
    """Bytes that are not valid UTF-8: mostly UTF-8, Windows-1252, or refused (module doc)."""
    escaped = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", "surrogateescape")
    invalid = len(_ESCAPED.findall(escaped))
    # Characters beyond ASCII, less the escaped bytes: the valid multi-byte UTF-8 ones.
    multibyte = len(escaped) - len(escaped.encode("ascii", "ignore")) - invalid
    if multibyte > invalid:
        return _ESCAPED.sub("\ufffd", escaped), _replaced(data, escaped, invalid)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise LetterParseError(
            f"not a text file: invalid UTF-8 at byte {exc.start}", source=source
        ) from exc
    return text, f"decoded as Windows-1252 (invalid UTF-8 at byte {exc.start})"


def _replaced(data: bytes, escaped: str, invalid: int) -> str:
    """The warning for stray bytes replaced: how many, and the byte offsets of the first few."""
    offsets = []
    position = len(data) - len(data.removeprefix(codecs.BOM_UTF8))
    previous = 0
    for match in _ESCAPED.finditer(escaped):
        if len(offsets) == NAMED_OFFSETS:
            break
        # Byte offsets, counted from the last stray byte on: linear in the file's length.
        position += len(escaped[previous : match.start()].encode("utf-8"))
        offsets.append(position)
        position += 1
        previous = match.end()
    named = ", ".join(f"{offset:,}" for offset in offsets)
    more = f" and {invalid - len(offsets):,} more" if invalid > len(offsets) else ""
    noun = "byte" if invalid == 1 else "bytes"
    return f"decoded as UTF-8 with {invalid:,} invalid {noun} replaced (at {noun} {named}{more})"
