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

from django.core.management.base import BaseCommand, CommandError

from inspections.official import import_grades

SHOWN_WARNINGS = 10


class Command(BaseCommand):
    help = "Load the inspectorate's PEEL grades and grade counts from reference CSV files."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="reference grade CSV files")

    def handle(self, *args, paths, verbosity, **options):
        summary = import_grades(paths)
        if verbosity >= 1:
            self._report(summary, verbosity)
        if summary.bad:
            lines = [*summary.failed, *(str(refused) for refused in summary.refused)]
            listed = "\n".join(f"  {line}" for line in lines)
            raise CommandError(
                f"{len(summary.refused)} rows and {len(summary.failed)} files could not be "
                f"loaded:\n{listed}",
                returncode=1,
            )

    def _report(self, summary, verbosity):
        if summary.conflicts:
            self.stdout.write(
                self.style.WARNING(
                    f"Kept {len(summary.conflicts)} corrections made in the admin that the "
                    "files now state differently:"
                )
            )
            for conflict in summary.conflicts:
                self.stdout.write(f"  {conflict}")
        shown = summary.warnings if verbosity >= 2 else summary.warnings[:SHOWN_WARNINGS]
        if shown:
            self.stdout.write(self.style.WARNING("Warnings (the rows still loaded):"))
            for warning in shown:
                self.stdout.write(f"  {warning}")
            if rest := len(summary.warnings) - len(shown):
                self.stdout.write(f"  ... and {rest} more (-v 2 lists them all)")
        style = self.style.ERROR if summary.bad else self.style.SUCCESS
        self.stdout.write(style(f"Reference grades: {summary}."))
