"""Load the commissioner registry: who held the office for each force, from CSV files.

    python manage.py import_commissioners data/reference/commissioners-*.csv
    python manage.py import_commissioners data/reference/commissioners-1.csv -v 2

Each row is a term of office (data/reference/README.md gives the columns). Loading again
changes only what changed; what staff corrected in the admin is kept, and each disagreement
with the files is listed. A bad row is named by file and line with the reason, the other rows
still load, and the command exits with status 1; so does a file that cannot be read as a
registry at all (named with the reason; the other files still load). The logic is
inspections.registry.
"""

from django.core.management.base import BaseCommand, CommandError

from inspections.registry import import_registry


class Command(BaseCommand):
    help = "Load commissioners and their terms of office from registry CSV files."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="registry CSV files")

    def handle(self, *args, paths, verbosity, **options):
        summary = import_registry(paths)
        if verbosity >= 1:
            if summary.conflicts:
                self.stdout.write(
                    self.style.WARNING(
                        f"Kept {len(summary.conflicts)} corrections made in the admin "
                        "that the files now state differently:"
                    )
                )
                for conflict in summary.conflicts:
                    self.stdout.write(f"  {conflict}")
            bad = summary.refused or summary.failed
            style = self.style.ERROR if bad else self.style.SUCCESS
            self.stdout.write(style(f"Commissioner registry: {summary}."))
        if summary.refused or summary.failed:
            lines = [*summary.failed, *(str(refused) for refused in summary.refused)]
            listed = "\n".join(f"  {line}" for line in lines)
            raise CommandError(
                f"{len(summary.refused)} rows and {len(summary.failed)} files could not be "
                f"loaded:\n{listed}",
                returncode=1,
            )
