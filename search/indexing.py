"""Keeps SearchDocument current: every letter's text, and each of its findings, as rows.

Called for the letters a load wrote (the loader's ``letters_written`` signal, in the same
transaction) and for the rows a person saves in the admin (model signals, search/apps.py).
A letter's rows are rewritten whole: it is one letter, and the words that matter (the force,
the commissioner, the inspection's title) may have changed anywhere.

Only what the public site shows is indexed: a letter the public may see (``public()``, built
on pccsite.db.hidden_letter: not withdrawn, a commissioner's response) and its findings that
are not deleted. A search then reads the index alone, never a join to the letters to leave
hidden ones out; withdrawing, restoring or reclassifying a letter (or deleting a finding) is a
save that rewrites its rows here, so a hidden letter's words leave the index with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from inspections.models import AreaForImprovement
from letters.models import Letter
from pccsite.db import public

from .backends import search_backend
from .models import SearchDocument

BATCH = 500


def letter_title(letter: Letter) -> str:
    parts = [letter.file_name]
    if letter.force is not None:
        parts.append(letter.force.name)
    if letter.commissioner is not None:
        parts.append(letter.commissioner.name)
    if letter.inspection is not None:
        parts.append(str(letter.inspection))
    return " · ".join(parts)


def _facts(letter: Letter) -> dict:
    """What the search page filters on, copied from the letter onto each of its rows."""
    inspection = letter.inspection
    return {
        "date": letter.date,
        "force_id": letter.force_id,
        "commissioner_id": letter.commissioner_id,
        "inspection_kind": inspection.kind if inspection else "",
        "cycle": inspection.cycle if inspection else "",
    }


def index_letters(letter_ids: Iterable[int]) -> int:
    """Rewrite the search rows of these letters; returns how many rows were written."""
    ids = sorted(set(letter_ids))
    if not ids:
        return 0
    SearchDocument.objects.filter(letter_id__in=ids).delete()
    letters = (
        public(Letter.objects.filter(pk__in=ids))
        .select_related("force", "commissioner", "inspection__force")
        .only(
            "pk",
            "file_name",
            "text",
            "date",
            "force__name",
            "commissioner__name",
            "inspection__title",
            "inspection__kind",
            "inspection__cycle",
            "inspection__force__name",
        )
    )
    documents = []
    facts = {}
    for letter in letters.iterator(chunk_size=BATCH):
        facts[letter.pk] = _facts(letter)
        documents.append(
            SearchDocument(
                kind=SearchDocument.Kind.LETTER,
                letter_id=letter.pk,
                title=letter_title(letter)[:1000],
                body=letter.text,
                **facts[letter.pk],
            )
        )
    findings = public(AreaForImprovement.objects.filter(letter_id__in=list(facts)))
    findings = findings.select_related("inspection__force")
    for finding in findings.iterator(chunk_size=BATCH):
        documents.append(
            SearchDocument(
                kind=SearchDocument.Kind.FINDING,
                letter_id=finding.letter_id,
                finding_id=finding.pk,
                title=f"{finding.get_kind_display()} {finding.number}: {finding.inspection}"[:1000],
                body="\n\n".join(part for part in (finding.text, finding.response) if part),
                **facts[finding.letter_id],
            )
        )
    SearchDocument.objects.bulk_create(documents, batch_size=BATCH)
    search_backend().refresh(SearchDocument.objects.filter(letter_id__in=ids))
    return len(documents)


def index_all(batch: int = BATCH) -> int:
    """Rewrite every letter's rows (the rebuild_search_index command)."""
    written = 0
    ids = list(Letter.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        written += index_letters(ids[start : start + batch])
    return written
