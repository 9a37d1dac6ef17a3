"""Load letter files into the database: the only code that writes extracted data.

    summary = load_letters(paths=["seeds", "more/letter.txt"], dry_run=False)

One module per concern; imports run down this list, never up it (docs/architecture.md):

- ``batches``      load_letters and store_letter: batches, bulk writes, races with another load
- ``writer``       one parsed letter mapped onto its rows; revisions of what it replaces
- ``contract``     the extraction contract's JSON, from files (--dry-run --json) and from rows
- ``identity``     how a reload finds the rows it wrote before (letters, inspections)
- ``registry``     who signed: the name as written read against the registry of who was in office
- ``results``      what a load reports: FileResult per file, LoadSummary
- ``corrections``  what a person changed survives a reload; Conflict
- ``originals``    the original files, kept with Django's file storage
- ``names``        names compared: honorifics, first-name variants, misspellings (no Django)
- ``files``        what is read and what is refused; reading (letters.formats), parsing (no Django)
"""

from .batches import (
    BATCH_BYTES,
    BATCH_SIZE,
    RACE_SQLSTATES,
    default_jobs,
    load_letters,
    store_letter,
)
from .contract import Extraction, extract_letters, stored_extraction
from .corrections import Conflict
from .files import (
    MAX_BYTES,
    MAX_FILE_BYTES,
    MB,
    LetterFile,
    iter_letter_files,
    normalise_source,
    printable,
    read_and_parse,
    read_letter_file,
)
from .identity import letters_root, source_of
from .registry import Registry, Resolution
from .results import FileError, FileResult, LoadSummary
from .writer import FINDING_FIELDS, GRADE_FIELDS

__all__ = [
    "BATCH_BYTES",
    "BATCH_SIZE",
    "FINDING_FIELDS",
    "GRADE_FIELDS",
    "MAX_BYTES",
    "MAX_FILE_BYTES",
    "MB",
    "RACE_SQLSTATES",
    "Conflict",
    "default_jobs",
    "Registry",
    "Resolution",
    "Extraction",
    "FileError",
    "FileResult",
    "LetterFile",
    "LoadSummary",
    "extract_letters",
    "iter_letter_files",
    "letters_root",
    "load_letters",
    "normalise_source",
    "read_and_parse",
    "printable",
    "read_letter_file",
    "source_of",
    "store_letter",
    "stored_extraction",
]
