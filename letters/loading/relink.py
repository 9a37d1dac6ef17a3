"""Stored letters read against the registry again, after import_commissioners changed it.

    summary = relink_letters()

A load reads each signer against the registry as it stands; a letter loaded before a term was
added or corrected (or before the registry existed) keeps the reading of its day until its
file changes. This reads every stored letter's name as written again, by the same rules
(registry.Registry.resolve), without parsing: its force, date and inspection as stored.

Left alone: a letter whose commissioner a person chose (``commissioner`` in its
``edited_fields``; each field a person corrected stays as they left it), a letter that named
nobody and was not attributed when loaded (only the load knew whether its text was a
commissioner's response), and one refused for the office it signs as (the title's words are
not stored). The registry's warnings on the letter are replaced by the new ones.
Commissioners no letter and no term refer to any longer, and that no person corrected, are
removed: rows the loader made before the registry, such as page furniture read as a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef

from inspections.models import Commissioner, CommissionerTerm
from letters.models import Attribution, Letter
from pccsite.caching import bump_data_version, deferred_bumps

from .registry import OTHER_OFFICE_REFUSAL, Registry, Signer

# How the registry's warnings begin (registry.Registry.resolve), so a relink can replace them.
REGISTRY_WARNINGS = ("commissioner ", "no commissioner named", "not written by a commissioner")
FIELDS = ("commissioner", "commissioner_title", "commissioner_attribution", "commissioner_review")


@dataclass
class RelinkSummary:
    read: int = 0
    changed: int = 0
    removed: int = 0

    def __str__(self):
        return (
            f"{self.read} letters read again, {self.changed} changed, "
            f"{self.removed} commissioners without letters or terms removed"
        )


def relink_letters() -> RelinkSummary:
    summary = RelinkSummary()
    registry = Registry.load()
    letters = Letter.objects.select_related("force", "inspection").only(
        "pk",
        "date",
        "warnings",
        "edited_fields",
        "force__name",
        "inspection__published",
        "commissioner_name_as_written",
        *FIELDS,
    )
    changed = []
    with transaction.atomic(), deferred_bumps():
        for letter in letters.iterator(chunk_size=500):
            written = letter.commissioner_name_as_written
            if _left_alone(letter, written):
                continue
            summary.read += 1
            if _relink(letter, registry, written):
                changed.append(letter)
        Letter.objects.bulk_update(changed, [*FIELDS, "warnings"], batch_size=500)
        summary.changed = len(changed)
        orphans = Commissioner.objects.filter(edited_fields=[]).exclude(
            Exists(Letter.objects.filter(commissioner=OuterRef("pk")))
        )
        orphans = orphans.exclude(
            Exists(CommissionerTerm.objects.filter(commissioner=OuterRef("pk")))
        )
        summary.removed = orphans.delete()[1].get(Commissioner._meta.label, 0)
        if summary.changed or summary.removed:
            bump_data_version()
    return summary


def _left_alone(letter: Letter, written: str) -> bool:
    if "commissioner" in letter.edited_fields:
        return True
    if not written:
        return letter.commissioner_attribution != Attribution.INFERRED
    # Refused for the office it signs as (a chief constable ...): the title's words are not
    # stored, so only a load can read it again.
    return any(OTHER_OFFICE_REFUSAL in warning for warning in letter.warnings)


def _relink(letter: Letter, registry: Registry, written: str) -> bool:
    resolution = registry.resolve(
        force=letter.force.name if letter.force_id else None,
        signer=Signer(written, letter.commissioner_title) if written else None,
        on=letter.date,
        published=letter.inspection.published if letter.inspection_id else None,
    )
    values = {
        "commissioner_id": resolution.commissioner.pk if resolution.commissioner else None,
        "commissioner_title": resolution.title or letter.commissioner_title,
        "commissioner_attribution": resolution.attribution,
        "commissioner_review": resolution.review,
    }
    kept = [w for w in letter.warnings if not w.startswith(REGISTRY_WARNINGS)]
    warnings = [*kept[: _registry_position(letter.warnings)], *resolution.warnings]
    warnings += kept[_registry_position(letter.warnings) :]
    dirty = warnings != letter.warnings
    letter.warnings = warnings
    for name, value in values.items():
        field = name.removesuffix("_id")
        if field not in letter.edited_fields and getattr(letter, name) != value:
            setattr(letter, name, value)
            dirty = True
    return dirty


def _registry_position(warnings: list[str]) -> int:
    """Where the registry's warnings stand: after the parser's, before the loader's own."""
    for index, warning in enumerate(warnings):
        if warning.startswith(REGISTRY_WARNINGS):
            return sum(1 for w in warnings[:index] if not w.startswith(REGISTRY_WARNINGS))
    return len(warnings)
