"""Generate synthetic letters with their truth records, one at a time.

Each letter has its own random generator seeded from the corpus seed and its index, so a corpus
is the same byte for byte on every run and any letter can be rebuilt alone. Letters are spread
evenly over the forces (round robin) and the years (consecutive runs of equal length).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from inspections import vocabulary as vocab

from . import eras, layouts, noise, people
from .sections import QUOTES, Draft

LAYOUT_WEIGHTS = {"letter": 60, "form": 12, "web": 14, "press": 14}


class CorpusLetter(NamedTuple):
    file_name: str
    text: str
    truth: dict[str, Any]


def resolve_forces(forces: int | Sequence[str]) -> list[vocab.ForceTerm]:
    """The first K forces of the vocabulary, or the forces named (canonical names or slugs)."""
    if isinstance(forces, int):
        if not 1 <= forces <= len(vocab.FORCES):
            raise ValueError(f"forces must be between 1 and {len(vocab.FORCES)}, not {forces}")
        return list(vocab.FORCES[:forces])
    by_key = {force.name: force for force in vocab.FORCES} | {f.slug: f for f in vocab.FORCES}
    unknown = [name for name in forces if name not in by_key]
    if unknown:
        raise ValueError(f"unknown forces: {', '.join(unknown)}")
    return [by_key[name] for name in forces]


def generate(
    n: int,
    forces: int | Sequence[str] = 43,
    years: tuple[int, int] = (2014, 2025),
    seed: int | str = 0,
) -> Iterator[CorpusLetter]:
    """Yield ``n`` letters as (file_name, text, truth), the truth in seeds-truth.json's format.

    Arguments are checked at once (a ValueError), before the first letter is asked for.
    """
    force_list = resolve_forces(forces)
    first, last = years
    if first > last or first < 2014 or last > 2025:
        raise ValueError(f"years must lie within 2014-2025, not {first}-{last}")
    return _letters(n, force_list, list(range(first, last + 1)), str(seed))


def _letters(n, force_list, year_list, seed) -> Iterator[CorpusLetter]:
    for index in range(n):
        force = force_list[index % len(force_list)]
        year = year_list[index * len(year_list) // n]
        yield build(index, force, year, seed)


def build(index: int, force: vocab.ForceTerm, year: int, seed: str) -> CorpusLetter:
    """One letter from ``force`` dated in ``year``, and what a careful reader extracts from it."""
    rng = random.Random(f"{seed}:{index}")
    when, inspection = eras.choose(rng, force, year)
    layout = rng.choices(list(LAYOUT_WEIGHTS), list(LAYOUT_WEIGHTS.values()))[0]
    if layout == "form" and inspection.era in ("sop", "thematic"):
        layout = "letter"
    recipient = None
    if layout == "letter":
        recipient = _recipient(rng, force, when, inspection.era)
    draft = Draft(
        rng=rng,
        force=force,
        date=when,
        inspection=inspection,
        signer=people.signer_for(seed, force, when, rng),
        recipient=recipient,
        chief=people.chief_officer_name(seed, force, when),
        layout=layout,
        quote=rng.choice(QUOTES),
    )
    layouts.LAYOUTS[layout](draft)
    text = noise.render(draft)
    name = f"{index:05d}_{rng.getrandbits(64):016x}.txt"
    return CorpusLetter(name, text, truth(draft))


def _recipient(rng, force, when, era) -> people.Recipient:
    if era in ("sop", "thematic"):
        pick = rng.choices(("chief", "home"), (65, 35))[0]
    else:
        pick = rng.choices(("inspector", "chief", "home"), (55, 25, 20))[0]
    if pick == "home":
        return people.home_secretary(when)
    if pick == "chief":
        return people.chief_inspector(when)
    return people.inspector_for(force, when)


def _period(draft: Draft) -> str | None:
    """The period a careful reader records: as named, or inferred where the seeds infer it."""
    insp = draft.inspection
    if insp.period is None:
        return None
    if draft.period_named:
        return insp.period
    if insp.era == "peel-2021":
        return insp.period  # the only five-point cycle before mid-2023: inferred, as seed 001
    if insp.era == "sop" and draft.published_stated and "/" not in insp.period:
        return insp.period  # the assessment of year Y is published in year Y+1, as seed 004
    return None


def truth(draft: Draft) -> dict[str, Any]:
    """The truth record in seeds-truth.json's format: only what the letter states."""
    insp = draft.inspection
    grades: list[list[str]] = []
    for area, grade in draft.grades:
        if [area, grade] not in grades:
            grades.append([area, grade])
    record: dict[str, Any] = {
        "date": draft.date.isoformat() if draft.date_stated else None,
        "reference": draft.reference,
        "force": draft.force.name,
        "commissioner": draft.signer.truth_name if draft.commissioner_named else None,
        "recipient": draft.recipient.name if draft.recipient and draft.recipient_named else None,
        "inspection": {
            "kind": insp.kind,
            "period": _period(draft),
            "published": insp.published.isoformat() if draft.published_stated else None,
        },
        "grades": grades,
    }
    if draft.summary is not None:
        record["grade_summary"] = draft.summary
    record["causes_of_concern_count"] = draft.causes_count
    record["areas_for_improvement_count"] = draft.afi_count
    record["afis"] = [[number, " ".join(text.split())] for number, text in draft.afis]
    notes = [draft.layout, insp.era, *dict.fromkeys(draft.notes)]
    if draft.summary is not None and _disagrees(draft.summary, grades):
        notes.append("summary counts disagree with the grades named")
    record["note"] = "; ".join(notes)
    return record


def _disagrees(summary: dict[str, int], grades: list[list[str]]) -> bool:
    named: dict[str, int] = {}
    for _, grade in grades:
        named[grade] = named.get(grade, 0) + 1
    return named != summary
