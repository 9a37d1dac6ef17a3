"""make_* builders for tests: sensible defaults, override anything with keyword arguments."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

from inspections.models import (
    AreaForImprovement,
    Commissioner,
    CommissionerTerm,
    Force,
    Grade,
    Inspection,
)
from letters.models import Letter

_counter = itertools.count(1)


def get_force(slug: str = "leicestershire") -> Force:
    """Forces come from the data migration, so tests look them up rather than create them."""
    return Force.objects.get(slug=slug)


def make_commissioner(*, term: dict | None = None, registered: bool = True, **kwargs):
    """A person with one term of office (in office since 2012; ``term`` overrides its
    values), or, with ``registered=False``, a row without terms as loads before the registry
    made them."""
    n = next(_counter)
    kwargs.setdefault("force", get_force())
    kwargs.setdefault("name", f"Commissioner {n}")
    kwargs.setdefault("slug", f"commissioner-{n}")
    commissioner = Commissioner.objects.create(**kwargs)
    if registered:
        make_term(commissioner, **(term or {}))
    return commissioner


def make_term(commissioner: Commissioner, **kwargs) -> CommissionerTerm:
    kwargs.setdefault("role", commissioner.title)
    kwargs.setdefault("start", dt.date(2012, 11, 22))
    kwargs.setdefault("how_started", "elected")
    kwargs.setdefault("source_url", "https://example.org/results")
    return CommissionerTerm.objects.create(commissioner=commissioner, **kwargs)


def make_inspection(**kwargs) -> Inspection:
    n = next(_counter)
    kwargs.setdefault("force", get_force())
    kwargs.setdefault("kind", "peel")
    kwargs.setdefault("period", "2023/25")
    kwargs.setdefault("published", dt.date(2024, 12, 5))
    kwargs.setdefault("title", f"PEEL inspection {n}")
    kwargs.setdefault("natural_key", f"test-{n}")
    return Inspection.objects.create(**kwargs)


def make_letter(**kwargs) -> Letter:
    n = next(_counter)
    kwargs.setdefault("text", f"Letter {n}\n\nDear Mr Wilsher,\n\nYours sincerely,\n")
    kwargs.setdefault("source", f"tests/letter-{n}.txt")
    kwargs.setdefault("file_name", kwargs["source"].rsplit("/", 1)[-1])
    kwargs.setdefault("sha256", hashlib.sha256(kwargs["text"].encode()).hexdigest())
    kwargs.setdefault("date", dt.date(2025, 1, 28))
    kwargs.setdefault("force", get_force())
    return Letter.objects.create(**kwargs)


def make_grade(**kwargs) -> Grade:
    if "inspection" not in kwargs:  # setdefault would build an unused inspection every call
        kwargs["inspection"] = make_inspection()
    kwargs.setdefault("area", "preventing-crime")
    kwargs.setdefault("grade", "good")
    return Grade.objects.create(**kwargs)


def make_afi(**kwargs) -> AreaForImprovement:
    n = next(_counter)
    if "inspection" not in kwargs:  # setdefault would build an unused inspection every call
        kwargs["inspection"] = make_inspection()
    kwargs.setdefault("number", n)
    kwargs.setdefault("text", f"The force needs to improve thing {n}.")
    return AreaForImprovement.objects.create(**kwargs)


def make_answered_inspection(force: Force | None = None, **kwargs) -> Inspection:
    """An inspection with a signed letter that names two grades and one AFI with a response.

    The letter's text contains each quote, and every span points at it, as the loader stores.
    """
    force = force or get_force()
    commissioner = kwargs.pop("commissioner", None) or make_commissioner(force=force)
    inspection = make_inspection(force=force, **kwargs)
    text = (
        f"Dear Mr Wilsher,\n\nI write about the {force.short_name} report.\n"
        'Preventing crime ("outstanding" grade) and investigating crime ("good" grade).\n'
        "AFI 1 - The force needs to record triage.\nWe have started recording it.\n"
        f"Yours sincerely,\n{commissioner.name}\n"
    )
    letter = make_letter(
        text=text,
        force=force,
        commissioner=commissioner,
        inspection=inspection,
        grade_summary={"outstanding": 1, "good": 2},
        spans={
            "force": _span(text, force.short_name),
            "commissioner": _span(text, commissioner.name),
        },
    )
    for area, grade, quote in (
        ("preventing-crime", "outstanding", 'Preventing crime ("outstanding" grade)'),
        ("investigating-crime", "good", 'investigating crime ("good" grade)'),
    ):
        start, end = _span(text, quote)
        make_grade(
            inspection=inspection,
            letter=letter,
            area=area,
            grade=grade,
            quote=quote,
            start=start,
            end=end,
        )
    afi_text, response = "The force needs to record triage.", "We have started recording it."
    make_afi(
        inspection=inspection,
        letter=letter,
        number=1,
        text=afi_text,
        response=response,
        start=_span(text, afi_text)[0],
        end=_span(text, afi_text)[1],
        response_start=_span(text, response)[0],
        response_end=_span(text, response)[1],
    )
    return inspection


def _span(text: str, words: str) -> list[int]:
    start = text.index(words)
    return [start, start + len(words)]
