"""The parser imports no Django: text in, dataclasses out, usable without settings or a database.

Checked in a fresh interpreter, since this test process has long since imported Django.
"""

import json
import subprocess
import sys

from tests.conftest import ROOT, SEEDS_DIR

PARSE_A_SEED = """
import json, sys
from letters.parsing import decode_letter, parse_letter
path = sys.argv[1]
text, _ = decode_letter(open(path, "rb").read(), source=path)
contract = parse_letter(text, source=path).to_contract(source=path, sha256="")
print(json.dumps({
    "force": contract["force"],
    "django": sorted(name for name in sys.modules if name.split(".")[0] == "django"),
}))
"""


def test_parsing_a_letter_loads_no_django_module():
    seed = sorted(SEEDS_DIR.glob("*.txt"))[0]

    finished = subprocess.run(
        [sys.executable, "-c", PARSE_A_SEED, str(seed)],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert finished.returncode == 0, finished.stderr
    result = json.loads(finished.stdout)
    assert result["force"] == "Leicestershire Police"
    assert result["django"] == []
