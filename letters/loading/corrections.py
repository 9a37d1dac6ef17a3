"""What a person changed survives: values are written around corrections, never over them.

Every Curated row (and Letter) lists the fields a person changed in ``edited_fields``; the loader
never overwrites those and reports each disagreement with the letter as a Conflict.
``AreaForImprovement.status`` belongs to staff and is never written by the loader.

A letter's grades and findings are matched to the rows it stored before by key: Grade by
(inspection, area, letter), AreaForImprovement by (inspection, kind, number, letter). A row
whose key a person corrected is still found by its evidence (the same words); rows the letter
no longer states are removed unless a person edited them.

A row a person deleted in the admin is kept, marked ``deleted`` and hidden from the public site:
the deletion is a correction. A reload finds it by key or evidence like any corrected row and
leaves it as it is, so the letter's grade or finding does not come back.

A person's confirmation (``confirmed_at``) is of the values they saw: when a load changes a
fact of a confirmed row (not merely where its words are, or the file's bookkeeping), the row's
confirmation is cleared, and so is its letter's when any of its rows change (``facts_changed``),
which puts the letter back in the review queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from .files import printable

# Fields whose change leaves what a person confirmed as it was: where the words are, the file
# read and how, the loader's notes, and the registry's reading of a signer a person checked.
NOT_FACTS = frozenset(
    {
        *("start", "end", "response_start", "response_end", "quote", "spans"),
        *("source", "file_name", "sha256", "text_sha256", "parser_version", "text"),
        *("format", "original", "ocr_confidence", "warnings"),
        *("commissioner_name_as_written", "commissioner_title", "commissioner_attribution"),
        "commissioner_review",
    }
)


@dataclass(frozen=True)
class Conflict:
    """A value a person corrected that the letter (as parsed now) states differently."""

    source: str
    object: str
    field: str
    kept: Any
    parsed: Any

    def __str__(self):
        return printable(
            f"{self.source}: {self.object}: kept {self.field}={self.kept!r} "
            f"(corrected by a person), the letter says {self.parsed!r}"
        )


class Corrections:
    """Writes one letter's values around what people corrected, collecting the conflicts."""

    def __init__(self, source: str):
        self.source = source
        self.conflicts: list[Conflict] = []
        # Whether this load changed a fact of the letter or its rows (see NOT_FACTS).
        self.facts_changed = False

    def apply(self, obj: models.Model, values: dict[str, Any], label: str) -> list[str]:
        """Set values on obj except fields a person edited; returns the names changed."""
        changed = []
        edited = set(obj.edited_fields)
        for name, value in values.items():
            model_field = obj._meta.get_field(name)
            if model_field.is_relation:
                current = getattr(obj, model_field.attname)
                new = value.pk if value is not None else None
                if value is not None and new is None:
                    new = value  # a row created for this letter, saved with it
            else:
                current, new = getattr(obj, name), value
            if current == new:
                continue
            if obj.pk is not None and name in edited:
                self.conflict(obj, name, getattr(obj, name), value, label=label)
                continue
            setattr(obj, name, value)
            changed.append(name)
        if obj.pk is not None and not NOT_FACTS.issuperset(changed):
            self.facts_changed = True
            changed += unconfirm(obj)
        return changed

    def sync(
        self,
        letter,
        *,
        existing: list[models.Model],
        model: type[models.Model],
        wanted: dict[Any, Any],
        key: Callable[[Any], Any],
        values: Callable[[Any], dict[str, Any]],
        same_evidence: Callable[[Any, Any], bool],
        build: Callable[[Any], models.Model],
    ) -> None:
        """Make ``model`` rows of this stored letter (``existing``) match ``wanted``.

        ``wanted`` maps each key to a parsed value, whose field values ``values`` gives;
        ``build`` makes a new row for one.
        """
        by_key = {key(row): row for row in existing}
        matched: set[int] = set()
        new_rows = []
        for wanted_key, parsed in wanted.items():
            row = by_key.get(wanted_key)
            if row is None or row.pk in matched:
                # A person may have corrected the row's key (its area or number), or deleted
                # the row: it is still the row read from the same words.
                row = next(
                    (
                        candidate
                        for candidate in existing
                        if (candidate.edited_fields or _deleted(candidate))
                        and candidate.pk not in matched
                        and key(candidate) not in wanted
                        and same_evidence(candidate, parsed)
                    ),
                    None,
                )
            if row is None:
                row = build(parsed)
                row.letter = letter
                for name, value in values(parsed).items():
                    setattr(row, name, value)
                new_rows.append(row)
                continue
            matched.add(row.pk)
            if _deleted(row):
                continue  # deleted by a person: it stays as they left it
            changed = self.apply(row, values(parsed), describe(row))
            if changed:
                row.save(update_fields=[*changed, "updated_at"])
        # A deleted row the letter no longer states stays too: the letter agrees, nothing to say.
        stale = [row for row in existing if row.pk not in matched and not _deleted(row)]
        for row in stale:
            if row.edited_fields:
                self.conflict(row, "(row)", "kept", "no longer in the letter")
        if doomed := [row.pk for row in stale if not row.edited_fields]:
            model.objects.filter(pk__in=doomed).delete()
            self.facts_changed = True
        if new_rows:
            model.objects.bulk_create(new_rows)
            self.facts_changed = True

    def conflict(self, obj, field_name, kept, parsed, *, label=None) -> None:
        self.conflicts.append(
            Conflict(
                source=self.source,
                object=label or describe(obj),
                field=field_name,
                kept=plain(kept),
                parsed=plain(parsed),
            )
        )


def unconfirm(obj) -> list[str]:
    """Clear a person's confirmation of ``obj`` (not saved); the names of the fields changed."""
    if getattr(obj, "confirmed_at", None) is None:
        return []
    obj.confirmed_at = obj.confirmed_by = None
    return ["confirmed_at", "confirmed_by"]


def _deleted(row) -> bool:
    return getattr(row, "deleted", False)


def describe(obj) -> str:
    return f"{obj._meta.verbose_name} {obj.pk} ({obj})"


def plain(value):
    """A value as it reads in a report (model instances by their name, dates as ISO)."""
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
