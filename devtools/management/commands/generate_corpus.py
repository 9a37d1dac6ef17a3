"""Write a synthetic corpus of letters, with their truth, for testing the parser at scale.

    python manage.py generate_corpus --letters 2000 --out /tmp/corpus2000
    python manage.py generate_corpus --forces 43 --years 2014-2025 --letters 5000 --seed 7 \\
        --out /tmp/corpus5000

Writes one .txt per letter and DIR/truth.json in the format of seeds-truth.json, so that
``score_extraction.py`` can score ``load_letters DIR --dry-run --json`` against it. The same
seed writes the same files byte for byte. See docs/corpus.md.
"""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from devtools.corpus import write_corpus


def _years(value: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", value.strip())
    if not match:
        raise ValueError(f"--years must be YYYY or YYYY-YYYY, not {value!r}")
    first = int(match.group(1))
    return first, int(match.group(2) or first)


class Command(BaseCommand):
    help = "Write N synthetic letters and DIR/truth.json (what a careful reader extracts)."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, type=Path, help="folder to write into")
        parser.add_argument("--letters", type=int, default=100, help="how many letters")
        parser.add_argument(
            "--forces", type=int, default=43, help="use the first K of the 43 forces"
        )
        parser.add_argument("--years", default="2014-2025", help="span of letter dates")
        parser.add_argument("--seed", default="0", help="same seed, same corpus")

    def handle(self, *args, out, letters, forces, years, seed, verbosity, **options):
        if letters < 1:
            raise CommandError("--letters must be at least 1")
        try:
            summary = write_corpus(out, n=letters, forces=forces, years=_years(years), seed=seed)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {summary.letters} letters ({summary.bytes:,} bytes) and "
                    f"{summary.truth_path}"
                )
            )
