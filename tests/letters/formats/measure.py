"""Measure the format readers on documents built from the seed and fixture letters.

    .venv/bin/python -m tests.letters.formats.measure [--ocr] [--out docs/formats.md]

Every .txt letter (seeds/ and tests/fixtures/letters/) is built into a PDF (reportlab), a Word
document (python-docx) and a web page (tests/letters/formats/builders.py), read back, parsed, and
compared with the .txt: the score against the truth files (tests/scoring.py, as the suite
scores the .txt letters), how many letters give the same extraction as their .txt (every
contract field but source and sha256, whitespace folded), and the time taken.

PDF extractors compared: pdfplumber and pdfminer.six and pypdf, each raw and each fed through
the same layout (letters.formats.layout) where it gives positions. Web page extractors:
trafilatura and readability-lxml, their output written out by the same rules. With ``--ocr``,
each letter is also built as an image-only PDF and read by Tesseract: the mean confidence, the
facts that matter (force, date, grades) against the .txt, the characters right (difflib), and
the time per page.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import re
import statistics
import time
from pathlib import Path

from letters.formats import layout, read_document
from tests.letters.formats import builders
from tests.letters.formats.compare import (
    LETTER_PATHS,
    ROOT,
    contract,
    facts,
    folded,
    letter_text,
)
from tests.scoring import score

TRUTH = {
    **json.loads((ROOT / "tests/fixtures/seeds-truth.json").read_text(encoding="utf-8")),
    **json.loads((ROOT / "tests/fixtures/letters-truth.json").read_text(encoding="utf-8")),
}
FURNITURE = ("Accept all cookies", "Privacy notice", "Related news", "About the Commissioner")
LETTERS = LETTER_PATHS


def letters():
    for path in LETTER_PATHS:
        yield path.name, letter_text(path)


# --- PDF extractors ------------------------------------------------------------------------


def pdfplumber_layout(data: bytes) -> tuple[str, int]:
    document = read_document(data, name="letter.pdf")
    return document.text, document.pages


def pdfplumber_raw(data: bytes) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n\n".join(page.extract_text() for page in pdf.pages), len(pdf.pages)


def pdfminer_raw(data: bytes) -> tuple[str, int]:
    from pdfminer.high_level import extract_text

    text = extract_text(io.BytesIO(data))
    return text.replace("\x0c", "\n\n"), text.count("\x0c") or 1


def pdfminer_layout(data: bytes) -> tuple[str, int]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextBox, LTTextLine

    pages = []
    for page in extract_pages(io.BytesIO(data)):
        lines = []
        for box in page:
            if not isinstance(box, LTTextBox):
                continue
            for line in box:
                if not isinstance(line, LTTextLine) or not line.get_text().strip():
                    continue
                text = line.get_text().strip()
                first = text.split()[0]
                width = line.x1 - line.x0
                lines.append(
                    layout.Line(
                        text=text,
                        x0=line.x0,
                        x1=line.x1,
                        top=page.height - line.y1,
                        bottom=page.height - line.y0,
                        first_word_width=width * len(first) / len(text),
                        space_width=line.height * 0.25,
                    )
                )
        pages.append(layout.page_text(lines))
    return layout.join_pages(pages), len(pages)


def pypdf_raw(data: bytes) -> tuple[str, int]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def pypdf_layout(data: bytes) -> tuple[str, int]:
    """pypdf's layout mode: a fixed-width grid, with blank lines for vertical space.

    Read into the same layout: a grid line is a line whose position is its column; blank grid
    lines are the vertical gaps.
    """
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        grid = page.extract_text(extraction_mode="layout").split("\n")
        lines = []
        for row, raw in enumerate(grid):
            if not raw.strip():
                continue
            text = re.sub(r" {3,}", "\t", raw.strip())
            start = len(raw) - len(raw.lstrip())
            first = text.split()[0]
            lines.append(
                layout.Line(text, start, len(raw.rstrip()), row, row + 0.5, len(first), 1.0)
            )
        pages.append(layout.page_text(lines))
    return layout.join_pages(pages), len(reader.pages)


PDF_EXTRACTORS = {
    "pdfplumber words + layout (chosen)": pdfplumber_layout,
    "pdfplumber extract_text": pdfplumber_raw,
    "pdfminer.six text lines + layout": pdfminer_layout,
    "pdfminer.six extract_text": pdfminer_raw,
    "pypdf layout mode + layout": pypdf_layout,
    "pypdf extract_text": pypdf_raw,
}


def measure_pdf(built: dict[str, tuple[str, bytes]]) -> list[dict]:
    rows = []
    for label, extract in PDF_EXTRACTORS.items():
        extracted, same, pages, elapsed = [], 0, 0, 0.0
        for name, (text, data) in built.items():
            start = time.perf_counter()
            got, count = extract(data)
            elapsed += time.perf_counter() - start
            pages += count
            letter = contract(got, name)
            extracted.append(letter)
            same += folded(letter) == folded(contract(text, name))
        percent, _ = score(extracted, TRUTH)
        rows.append(
            {
                "extractor": label,
                "score": percent,
                "same": same,
                "letters": len(built),
                "ms_per_page": 1000 * elapsed / pages,
                "pages": pages,
            }
        )
    return rows


# --- web pages -----------------------------------------------------------------------------


def readability_text(data: bytes) -> str:
    """readability-lxml's main content, written out by the same rules as trafilatura's."""
    import lxml.html
    from readability import Document

    summary = Document(data.decode("utf-8")).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    blocks = []
    for element in root.iter("p", "h1", "h2", "h3", "li", "tr"):
        if element.tag == "li":
            marker = "1." if element.getparent().tag == "ol" else "•"
            blocks.append(("item", f"{marker} {' '.join(element.text_content().split())}"))
        elif element.tag == "tr":
            cells = [" ".join(c.text_content().split()) for c in element.iter("td", "th")]
            blocks.append(("row", "\t".join(cells)))
        else:
            for br in element.iter("br"):
                br.tail = "\n" + (br.tail or "")
            lines = [" ".join(line.split()) for line in element.text_content().split("\n")]
            blocks.append(("p", "\n".join(line for line in lines if line)))
    out = []
    for index, (kind, text) in enumerate(blocks):
        if index and not (kind in ("item", "row") and blocks[index - 1][0] == kind):
            out.append("")
        out.append(text)
    return "\n".join(out)


def measure_html() -> list[dict]:
    rows = []
    for label, extract in (
        ("trafilatura (chosen)", lambda data: read_document(data, name="page.html").text),
        ("readability-lxml", readability_text),
    ):
        same, leaked, elapsed = 0, 0, 0.0
        for name, text in letters():
            data = builders.web_page(text)
            start = time.perf_counter()
            got = extract(data)
            elapsed += time.perf_counter() - start
            same += folded(contract(got, name)) == folded(contract(text, name))
            leaked += any(f in got for f in FURNITURE if f not in text)
        rows.append(
            {
                "extractor": label,
                "same": same,
                "letters": len(LETTERS),
                "furniture_leaked": leaked,
                "ms_per_page": 1000 * elapsed / len(LETTERS),
            }
        )
    return rows


def measure_docx() -> dict:
    same, elapsed = 0, 0.0
    for name, text in letters():
        data = builders.word_document(text)
        start = time.perf_counter()
        got = read_document(data, name="letter.docx").text
        elapsed += time.perf_counter() - start
        same += folded(contract(got, name)) == folded(contract(text, name))
    return {"same": same, "letters": len(LETTERS), "ms_per_file": 1000 * elapsed / len(LETTERS)}


# --- OCR -----------------------------------------------------------------------------------


def measure_ocr() -> dict:
    confidences, ratios, seconds, pages, same_facts, rows = [], [], 0.0, 0, 0, []
    for name, text in letters():
        data = builders.image_pdf(text)
        start = time.perf_counter()
        document = read_document(data, name="scan.pdf")
        elapsed = time.perf_counter() - start
        seconds += elapsed
        pages += document.pages
        layer = read_document(builders.text_pdf(text), name="letter.pdf").text
        ratio = difflib.SequenceMatcher(None, layer, document.text, autojunk=False).ratio()
        ok = facts(contract(document.text, name)) == facts(contract(text, name))
        same_facts += ok
        confidences.append(document.ocr_confidence)
        ratios.append(ratio)
        rows.append((name, document.ocr_confidence, ratio, ok))
    return {
        "letters": len(rows),
        "pages": pages,
        "confidence_mean": statistics.mean(confidences),
        "confidence_min": min(confidences),
        "chars_right_mean": statistics.mean(ratios),
        "chars_right_min": min(ratios),
        "same_facts": same_facts,
        "s_per_page": seconds / pages,
        "rows": rows,
    }


def report(pdf_rows, html_rows, docx_row, ocr_result) -> str:
    lines = [
        "# Format readers measured",
        "",
        "Written by `python -m tests.letters.formats.measure"
        + (" --ocr" if ocr_result else "")
        + "` on this machine: the 29 seed and fixture letters built into each format "
        "(tests/letters/formats/builders.py), read back, parsed and compared with their .txt.",
        "",
        "## PDF text layer",
        "",
        "| extractor | score vs truth | same extraction as the .txt | ms per page |",
        "|---|---:|---:|---:|",
    ]
    for row in pdf_rows:
        lines.append(
            f"| {row['extractor']} | {row['score']:.2f}% | {row['same']}/{row['letters']} "
            f"| {row['ms_per_page']:.1f} |"
        )
    lines += [
        "",
        f"({pdf_rows[0]['pages']} pages.) The .txt letters score 100%.",
        "",
        "## Web pages (a cookie banner, a menu, a header, related links and a footer around "
        "the letter)",
        "",
        "| extractor | same extraction as the .txt | pages with menu or banner text left "
        "| ms per page |",
        "|---|---:|---:|---:|",
    ]
    for row in html_rows:
        lines.append(
            f"| {row['extractor']} | {row['same']}/{row['letters']} | {row['furniture_leaked']} "
            f"| {row['ms_per_page']:.1f} |"
        )
    lines += [
        "",
        "## Word",
        "",
        f"python-docx: same extraction as the .txt for {docx_row['same']}/{docx_row['letters']}"
        f" letters, {docx_row['ms_per_file']:.0f} ms per document.",
    ]
    if ocr_result:
        lines += [
            "",
            "## OCR (image-only PDFs at 200 dpi, Tesseract through pytesseract at 300 dpi)",
            "",
            f"- {ocr_result['letters']} letters, {ocr_result['pages']} pages, "
            f"{ocr_result['s_per_page']:.1f} s per page",
            f"- Tesseract's word confidence: mean {ocr_result['confidence_mean']:.1f}, "
            f"lowest {ocr_result['confidence_min']:.1f}",
            f"- characters matching the text layer's extraction (difflib ratio): mean "
            f"{100 * ocr_result['chars_right_mean']:.1f}%, lowest "
            f"{100 * ocr_result['chars_right_min']:.1f}%",
            f"- force, date and grades as read from the .txt: {ocr_result['same_facts']}/"
            f"{ocr_result['letters']} letters",
            "",
            "| letter | confidence | characters right | force, date, grades |",
            "|---|---:|---:|---|",
        ]
        for name, confidence, ratio, ok in ocr_result["rows"]:
            lines.append(
                f"| {name} | {confidence:.1f} | {100 * ratio:.1f}% | {'same' if ok else 'differ'} |"
            )
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ocr", action="store_true", help="also OCR image-only PDFs (slow)")
    parser.add_argument("--out", type=Path, help="write the report here as well")
    args = parser.parse_args(argv)
    built = {name: (text, builders.text_pdf(text)) for name, text in letters()}
    text = report(
        measure_pdf(built), measure_html(), measure_docx(), measure_ocr() if args.ocr else None
    )
    print(text)  # noqa: T201 - a measuring tool prints its report
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
