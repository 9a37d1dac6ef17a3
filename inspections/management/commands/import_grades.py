"""Load the inspectorate's own PEEL grades, a second source beside the letters, from CSV files.

    python manage.py import_grades data/reference/peel_*.csv
    python manage.py import_grades data/reference/peel_grade_counts_2021_2025.csv -v 2

Pillar grades (2015-2019) and grade counts with named area grades (2021-25); the columns say
which (data/reference/README.md). Loading again changes only what changed; what staff corrected
in the admin is kept, and each disagreement with the files is listed. A bad row is named by
file and line with the reason, the other rows still load, and the command exits with status 1;
so does a file that cannot be read at all. Warnings (an area the vocabulary does not know,
counts that do not add up) are counted, and listed with -v 2. The logic is
inspections.official.
"""

from inspections.csvimport import ImportCommand
from inspections.official import import_grades

SHOWN_WARNINGS = 10


class Command(ImportCommand):
    help = "Load the inspectorate's PEEL grades and grade counts from reference CSV files."
    label = "Reference grades"
    paths_help = "reference grade CSV files"

    def run(self, paths):
        return import_grades(paths)

    def report(self, summary, verbosity):
        super().report(summary, verbosity)
        shown = summary.warnings if verbosity >= 2 else summary.warnings[:SHOWN_WARNINGS]
        if shown:
            self.stdout.write(self.style.WARNING("Warnings (the rows still loaded):"))
            for warning in shown:
                self.stdout.write(f"  {warning}")
            if rest := len(summary.warnings) - len(shown):
                self.stdout.write(f"  ... and {rest} more (-v 2 lists them all)")
