"""letters.parsing.decoding: which bytes are read as which text (issue 10, item 10).

The rule for bytes that are not valid UTF-8: when the file's non-ASCII text is mostly valid
UTF-8 (more valid multi-byte characters than invalid bytes), it is UTF-8 with the stray bytes
replaced (U+FFFD) and a warning naming their offsets; otherwise Windows-1252 when every byte is
defined there, with a warning; otherwise it is refused.
"""

import pytest

from letters.parsing import LetterParseError, decode_letter

TEXT = (
    "Dear Mr Wilsher,\n\nThank you for the PEEL report. The force’s grades – “good” in "
    "preventing crime – are welcome. Yours sincerely,\nRupert Matthews\n"
)


def _with_stray(text: str, after: str, stray: bytes = b"\x92") -> tuple[bytes, int]:
    data = text.encode("utf-8")
    offset = data.index(after.encode("utf-8")) + len(after.encode("utf-8"))
    return data[:offset] + stray + data[offset:], offset


def test_decode_utf8_with_one_stray_byte_replaces_only_that_byte():
    data, offset = _with_stray(TEXT, "PEEL")

    text, warnings = decode_letter(data)

    assert text == TEXT.replace("PEEL", "PEEL\ufffd")
    assert warnings == (f"decoded as UTF-8 with 1 invalid byte replaced (at byte {offset:,})",)


def test_decode_utf8_with_several_stray_bytes_names_the_first_ten_offsets():
    # 20 curly quotes and dashes in UTF-8 outnumber the 12 stray bytes: mostly UTF-8.
    lines = [f"Line {number}: \xff\n".encode("latin-1") for number in range(12)]
    data = b"".join(lines) + (TEXT * 4).encode("utf-8")
    offsets = [data.index(line) + line.index(b"\xff") for line in lines]

    text, warnings = decode_letter(data)

    assert text.count("\ufffd") == 12
    named = ", ".join(f"{offset:,}" for offset in offsets[:10])
    assert warnings == (
        f"decoded as UTF-8 with 12 invalid bytes replaced (at bytes {named} and 2 more)",
    )


def test_decode_windows_1252_stays_windows_1252():
    data = TEXT.encode("cp1252")

    text, warnings = decode_letter(data)

    assert text == TEXT
    first = next(offset for offset, byte in enumerate(data) if byte > 127)
    assert warnings == (f"decoded as Windows-1252 (invalid UTF-8 at byte {first})",)


def test_decode_windows_1252_with_a_chance_utf8_pair_stays_windows_1252():
    # "Ã©" in Windows-1252 is a valid UTF-8 sequence (é); the rest of the file is not UTF-8.
    source = TEXT + "Café Ã© – “quoted” ‘twice’\n"

    text, warnings = decode_letter(source.encode("cp1252"))

    assert text == source
    assert warnings[0].startswith("decoded as Windows-1252")


def test_decode_ascii_with_one_windows_1252_quote_is_windows_1252():
    # No valid multi-byte UTF-8 at all: one curly apostrophe of Windows-1252 is read as such.
    text, warnings = decode_letter(b"Dear Sir,\nThe force\x92s report.\n")

    assert text == "Dear Sir,\nThe force’s report.\n"
    assert warnings[0].startswith("decoded as Windows-1252")


def test_decode_neither_utf8_nor_windows_1252_is_refused():
    with pytest.raises(LetterParseError, match="invalid UTF-8 at byte 9"):
        decode_letter(b"Dear Sir \x81\x8d\x8f\x90 \xff\xfe\xfd")


def test_decode_many_stray_bytes_in_a_large_file():
    # 4 MB alternating valid and invalid sequences: offsets are counted in one pass, not per byte.
    data = ("é".encode() * 2 + b"\xff") * (4 * 1024 * 1024 // 5)

    text, warnings = decode_letter(data)

    assert text.count("\ufffd") == len(data) // 5
    assert "and" in warnings[0]
