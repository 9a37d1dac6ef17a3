"""The parser and the format readers run without Django: importing them, and reading a PDF, a
Word document and a web page with them, loads no django module (docs: the parser and
letters/formats/ are text in, dataclasses out)."""

import subprocess
import sys
import textwrap

from tests.conftest import ROOT

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import letters.formats
    import letters.parsing
    from letters.formats import read_document
    from letters.parsing import parse_letter
    from tests.letters.formats import builders

    text = Path("seeds/000_d820f821642f4c39.txt").read_text(encoding="utf-8")
    for name, data in (
        ("x.pdf", builders.text_pdf(text)),
        ("x.docx", builders.word_document(text)),
        ("x.html", builders.web_page(text)),
        ("x.txt", text.encode()),
    ):
        parse_letter(read_document(data, name=name).text, source=name)
    print(sorted(name for name in sys.modules if name.split(".")[0] == "django"))
    """
)


def test_parsing_and_reading_every_format_imports_no_django():
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
