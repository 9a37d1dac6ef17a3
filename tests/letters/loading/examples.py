"""What the loading tests share: the seeds' facts, and a hand-built ParsedLetter with its text
for feeding the writer directly (store_letter), without the parser in between."""

import datetime as dt

from inspections.models import AreaForImprovement, Commissioner, Grade, Inspection
from letters.loading import store_letter
from letters.models import Letter
from letters.parsing import (
    ParsedCount,
    ParsedFinding,
    ParsedGrade,
    ParsedInspection,
    ParsedLetter,
    ParsedPerson,
    Spanned,
)
from tests.conftest import SEEDS_DIR
from tests.scoring import load_truth

TRUTH = load_truth(SEEDS_DIR)

SEED_DATES = {
    "000_d820f821642f4c39.txt": dt.date(2023, 4, 11),
    "001_439538cb42c9acce.txt": dt.date(2022, 5, 18),
    "002_78ab8cd7de31d7ab.txt": dt.date(2018, 4, 9),
    "003_4ece3fc261db78a7.txt": dt.date(2025, 1, 28),
    "004_01382cee0f6da728.txt": dt.date(2024, 9, 13),
}
AFI_SEED = "003_4ece3fc261db78a7.txt"

TEXT = (
    "Date: 28th January 2025\n\nDear Andy Cooke QPM,\n\n"
    "Leicestershire Police PEEL 2023/24 published on the 5th December 2024.\n"
    'preventing crime ("outstanding" grade) and investigating crime ("adequate" grade).\n'
    "Three outstanding gradings.\n"
    "AFI 1 - The Force needs to attend calls. Response: we are.\n"
    "AFI 2 - The Force needs to record triage. Response: done.\n\n"
    "Yours sincerely\n\nRupert Matthews\nPolice and Crime Commissioner\n"
)


def span(value, words, text=TEXT):
    start = text.index(words)
    return Spanned(value, start, start + len(words))


def grade(area, value, words):
    start = TEXT.index(words)
    return ParsedGrade(area, value, words, start, start + len(words))


def afi(number, words, response=""):
    start = TEXT.index(words)
    return ParsedFinding("afi", number, words, start, start + len(words), response=response)


def parsed_letter(**overrides) -> ParsedLetter:
    values = {
        "date": span(dt.date(2025, 1, 28), "28th January 2025"),
        "force": span("Leicestershire Police", "Leicestershire Police"),
        "commissioner": ParsedPerson(
            "Rupert Matthews",
            TEXT.index("Rupert Matthews"),
            TEXT.index("Rupert Matthews") + 15,
            title="Police and Crime Commissioner",
            title_key="pcc",
        ),
        "recipient": ParsedPerson(
            "Andy Cooke", 33, 48, salutation="Dear Andy Cooke QPM,", honorific=""
        ),
        "inspection": ParsedInspection(
            "peel",
            period=span("2023/24", "2023/24"),
            published=span(dt.date(2024, 12, 5), "5th December 2024"),
        ),
        "grades": (
            grade("preventing-crime", "outstanding", 'preventing crime ("outstanding" grade)'),
            grade("investigating-crime", "adequate", 'investigating crime ("adequate" grade)'),
        ),
        "grade_summary": (ParsedCount("outstanding", 3, *bounds("Three outstanding")),),
        "findings": (
            afi(1, "The Force needs to attend calls.", "we are."),
            afi(2, "The Force needs to record triage.", "done."),
        ),
        "warnings": ("a parser warning",),
    }
    values.update(overrides)
    return ParsedLetter(**values)


def bounds(words):
    start = TEXT.index(words)
    return start, start + len(words)


def store(parsed=None, *, path="letters/example.txt", text=TEXT):
    return store_letter(path=path, text=text, parsed=parsed or parsed_letter())


def snapshot():
    """Every loaded row's identity and last update, to prove a reload changed nothing."""
    return {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (Letter, Commissioner, Inspection, Grade, AreaForImprovement)
    }
