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

from inspections.csvimport import ImportCommand
from inspections.registry import import_registry


class Command(ImportCommand):
    help = "Load commissioners and their terms of office from registry CSV files."
    label = "Commissioner registry"
    paths_help = "registry CSV files"

    def run(self, paths):
        return import_registry(paths)
