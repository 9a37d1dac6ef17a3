"""make_* builders for tests: sensible defaults, override anything with keyword arguments."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools

from inspections.models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from letters.models import Letter

_counter = itertools.count(1)


def get_force(slug: str = "leicestershire") -> Force:
    """Forces come from the data migration, so tests look them up rather than create them."""
    return Force.objects.get(slug=slug)


def make_commissioner(**kwargs) -> Commissioner:
    n = next(_counter)
    kwargs.setdefault("force", get_force())
    kwargs.setdefault("name", f"Commissioner {n}")
    kwargs.setdefault("slug", f"commissioner-{n}")
    return Commissioner.objects.create(**kwargs)


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
    kwargs.setdefault("inspection", make_inspection())
    kwargs.setdefault("area", "preventing-crime")
    kwargs.setdefault("grade", "good")
    return Grade.objects.create(**kwargs)


def make_afi(**kwargs) -> AreaForImprovement:
    n = next(_counter)
    kwargs.setdefault("inspection", make_inspection())
    kwargs.setdefault("number", n)
    kwargs.setdefault("text", f"The force needs to improve thing {n}.")
    return AreaForImprovement.objects.create(**kwargs)
