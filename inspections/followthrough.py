"""Findings followed through: what each letter answers, and which findings come back.

Two questions a reader holding a force to account asks of its findings (areas for
improvement, causes of concern, recommendations):

- Does the letter answer them? ``answered_counts``: per kind, how many listed findings carry a
  response ("answers 4 of 5 areas for improvement").
- Do they come back? Across a force's successive inspections of one series, each finding is
  matched against the findings the *next* inspection's letters list. Found again (fuzzy text
  match), it is "raised again in 2023-25" with a link to the later finding; not found, and
  the next inspection's letters list all the findings they count, it is "not raised again in
  2023-25". When they list none, or fewer than a letter says the report made, an unmatched
  finding may be among those not listed, so nothing is claimed for it.

Matching: rapidfuzz's ``token_set_ratio`` on lower-cased words, at least ``THRESHOLD``. The
inspectorate rewords a finding it repeats ("answers ... calls promptly, in line with national
standards" becomes "answers ... calls within national standards"), and token_set_ratio scores
the shared words against the longer wording's extra ones. On the fixture letters
(tests/inspections/test_followthrough.py measures it) every pair of distinct findings of one
inspection scores at most 74 and every pair a reader calls the same finding at least 79;
77 sits between them. Plain ratio and token_sort_ratio let those sets overlap, and WRatio
scores unrelated findings 86 on their shared "the force should make sure" preamble.

Computed per force at request time, not stored at load time: two bounded queries (the force's
inspections, its findings) and a few hundred comparisons, and always in step with what staff
corrected, deleted or withdrew since the load; the page cache keeps the result until the data
changes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from rapidfuzz import fuzz, process, utils

from pccsite.db import prebuilt

from . import vocabulary as vocab
from .models import AreaForImprovement, Inspection, letters_of

THRESHOLD = 77
SCORER = fuzz.token_set_ratio

# The 2014-17 pillar inspections each follow the same pillar a year on; the last of them is
# followed by the integrated PEEL inspection (2018/19). Thematic and national reports are on a
# new subject each time, so they have no next inspection to compare with.
PILLAR_KINDS = ("peel-effectiveness", "peel-efficiency", "peel-legitimacy")
NO_SERIES = ("thematic", "state-of-policing", "other")

KIND_NOUNS = {
    AreaForImprovement.Kind.AFI: ("area for improvement", "areas for improvement"),
    AreaForImprovement.Kind.CAUSE_OF_CONCERN: ("cause of concern", "causes of concern"),
    AreaForImprovement.Kind.RECOMMENDATION: ("recommendation", "recommendations"),
}


@dataclass(frozen=True)
class InspectionRow:
    pk: int
    kind: str
    when: dt.date | None
    cycle: str
    published: dt.date | None
    # The most findings (areas for improvement and causes of concern) a letter about it says
    # the report made: more than its letters list means the list is partial.
    stated: int = 0

    @property
    def label(self) -> str:
        """The inspection as "raised again in ..." names it: its cycle, else its year."""
        if self.cycle:
            return vocab.cycle_label(self.cycle)
        return str(self.when.year) if self.when else "the next inspection"


@dataclass(frozen=True)
class FindingRow:
    pk: int
    inspection_id: int
    kind: str
    number: int
    text: str

    @property
    def kind_label(self) -> str:
        return KIND_NOUNS.get(self.kind, (self.kind, self.kind))[0]

    @property
    def url(self) -> str:
        page = reverse("inspections:inspection_detail", args=[self.inspection_id])
        return f"{page}#finding-{self.pk}"


@dataclass(frozen=True)
class FollowUp:
    """What became of one finding: the next inspection of its series (``later``), the finding
    there that repeats it (``again``, None if none does), and the earlier finding it repeats
    (``earlier``, from the previous inspection, if any)."""

    later: InspectionRow | None = None
    again: FindingRow | None = None
    earlier: FindingRow | None = None
    earlier_inspection: InspectionRow | None = None

    @property
    def raised_again(self) -> bool:
        return self.again is not None

    @property
    def not_raised_again(self) -> bool:
        return self.later is not None and self.again is None


def answered_counts(findings: Iterable) -> list[tuple[str, int, int]]:
    """(noun, answered, listed) per kind of finding, in the vocabulary's order: "answers 4 of
    5 areas for improvement". A finding is answered when its response is not empty."""
    listed, answered = defaultdict(int), defaultdict(int)
    for finding in findings:
        listed[finding.kind] += 1
        answered[finding.kind] += bool((finding.response or "").strip())
    return [
        (one if listed[kind] == 1 else many, answered[kind], listed[kind])
        for kind, (one, many) in KIND_NOUNS.items()
        if listed[kind]
    ]


def next_inspections(inspections: Iterable[InspectionRow]) -> dict[int, InspectionRow]:
    """Each inspection's next one in its series, by date (undated ones have no place)."""
    dated = sorted((i for i in inspections if i.when), key=lambda i: (i.when, i.pk))
    following = {}
    for index, inspection in enumerate(dated):
        if inspection.kind in NO_SERIES:
            continue
        later = dated[index + 1 :]
        same = [other for other in later if other.kind == inspection.kind]
        if not same and inspection.kind in PILLAR_KINDS:
            same = [other for other in later if other.kind == "peel"]
        if same:
            following[inspection.pk] = same[0]
    return following


def best_match(text: str, candidates: list[FindingRow]) -> FindingRow | None:
    """The candidate whose text best repeats ``text``, if it scores ``THRESHOLD`` or more."""
    if not candidates:
        return None
    found = process.extractOne(
        text,
        [candidate.text for candidate in candidates],
        scorer=SCORER,
        processor=utils.default_process,
        score_cutoff=THRESHOLD,
    )
    return candidates[found[2]] if found else None


def follow_ups(
    inspections: Iterable[InspectionRow], findings: Iterable[FindingRow]
) -> dict[int, FollowUp]:
    """``{finding pk: FollowUp}`` for one force's inspections and findings."""
    by_inspection = defaultdict(list)
    for finding in findings:
        by_inspection[finding.inspection_id].append(finding)
    inspections = list(inspections)
    index = {inspection.pk: inspection for inspection in inspections}
    result: dict[int, dict] = defaultdict(dict)
    for pk, later in next_inspections(inspections).items():
        candidates = by_inspection.get(later.pk, [])
        if not candidates:
            continue  # the next inspection lists no findings: nothing to say either way
        counted = [c for c in candidates if c.kind != AreaForImprovement.Kind.RECOMMENDATION]
        partial = len(counted) < later.stated
        for finding in by_inspection.get(pk, []):
            again = best_match(finding.text, candidates)
            if again is None and partial:
                continue  # it may be among the findings the letters count but do not list
            result[finding.pk].update(later=later, again=again)
            if again is not None:
                result[again.pk].update(earlier=finding, earlier_inspection=index[pk])
    return {pk: FollowUp(**values) for pk, values in result.items()}


def _stated_findings():
    """The most areas for improvement plus causes of concern any public letter answering the
    inspection says the report made (0 when none says), as a subquery."""
    letters = letters_of(Inspection).filter(inspection=OuterRef("pk")).order_by()
    total = Coalesce("areas_for_improvement_count", 0) + Coalesce("causes_of_concern_count", 0)
    most = letters.values("inspection").annotate(n=Max(total)).values("n")
    return Coalesce(Subquery(most), 0)


@prebuilt
def _dated_inspections():
    return Inspection.objects.public().latest_first().annotate(stated=_stated_findings())


def _inspection_rows(force_ids: list[int]):
    """Each force's public inspections as rows (one query), and which force each is of."""
    inspections = (
        _dated_inspections()
        .filter(force__in=force_ids)
        .values_list("pk", "force_id", "kind", "when", "cycle", "published", "stated")
    )
    force_of, per_force = {}, defaultdict(list)
    for pk, force_id, *rest in inspections:
        force_of[pk] = force_id
        per_force[force_id].append(InspectionRow(pk, *rest))
    return per_force, force_of


def _finding_rows(force_of: dict[int, int], **where):
    """The public findings matching ``where``, as rows per force (one query)."""
    findings = (
        AreaForImprovement.objects.public()
        .filter(**where)
        .order_by("inspection_id", "kind", "number", "pk")
        .values_list("pk", "inspection_id", "kind", "number", "text")
    )
    rows = defaultdict(list)
    for row in findings:
        rows[force_of.get(row[1])].append(FindingRow(*row))
    return rows


def _rows(force_ids: list[int]):
    """Each force's public inspections and findings as rows: two queries for them all."""
    per_force, force_of = _inspection_rows(force_ids)
    return per_force, _finding_rows(force_of, inspection__force__in=force_ids)


def for_forces(force_ids: Iterable[int]) -> dict[int, FollowUp]:
    """Follow-ups of every public finding of these forces: two queries whatever their number."""
    force_ids = list(force_ids)
    if not force_ids:
        return {}
    return _follow_each_force(*_rows(force_ids))


def _follow_each_force(per_force, rows) -> dict[int, FollowUp]:
    """``follow_ups`` of each force's inspections and finding rows, together."""
    result = {}
    for force_id, force_inspections in per_force.items():
        result.update(follow_ups(force_inspections, rows[force_id]))
    return result


def for_findings(findings: Iterable) -> dict[int, FollowUp]:
    """Follow-ups of these findings (objects with ``pk`` and ``inspection``): two queries.

    Only the findings a page shows are followed, so only their inspections' findings, the
    next inspections' (raised again or not) and the previous ones' (what they repeat) are
    read: a page of 25 findings no longer reads every finding of five forces.
    """
    findings = list(findings)
    if not findings:
        return {}
    shown = {finding.inspection_id for finding in findings}
    force_ids = sorted({finding.inspection.force_id for finding in findings})
    per_force, force_of = _inspection_rows(force_ids)
    wanted = set(shown)
    for force_inspections in per_force.values():
        for earlier, later in next_inspections(force_inspections).items():
            if earlier in shown or later.pk in shown:
                wanted.update((earlier, later.pk))
    rows = _finding_rows(force_of, inspection__in=sorted(wanted))
    result = _follow_each_force(per_force, rows)
    wanted_findings = {finding.pk for finding in findings}
    return {pk: up for pk, up in result.items() if pk in wanted_findings}


def for_force(force_id: int) -> tuple[dict[int, FollowUp], list[dict]]:
    """One force's follow-ups and its ``series_summary``, from the same two queries."""
    per_force, rows = _rows([force_id])
    inspections, findings = per_force[force_id], rows[force_id]
    follow = follow_ups(inspections, findings)
    return follow, series_summary(inspections, follow, findings)


def attach(findings: Iterable, follow: dict[int, FollowUp]) -> None:
    """Set ``follow_up`` on each finding object, for templates (None when nothing is known)."""
    for finding in findings:
        finding.follow_up = follow.get(finding.pk)


def series_summary(
    inspections: Iterable[InspectionRow],
    follow: dict[int, FollowUp],
    findings: Iterable[FindingRow],
) -> list[dict]:
    """Per pair of successive inspections that both list findings, oldest first: how many of
    the earlier one's findings the later one raises again (for the force page)."""
    index = {inspection.pk: inspection for inspection in inspections}
    counts: dict[tuple, list[int]] = {}
    # Two letters about one inspection (a response and a later update) may both list its
    # findings: each finding of the report counts once, by its kind and number.
    seen = set()
    for finding in findings:
        up = follow.get(finding.pk)
        if up is None or up.later is None:
            continue
        key = (finding.inspection_id, finding.kind, finding.number)
        if key in seen:
            continue
        seen.add(key)
        pair = counts.setdefault((finding.inspection_id, up.later.pk), [0, 0])
        pair[0] += up.raised_again
        pair[1] += 1
    summary = [
        {
            "earlier": index[a],
            "later": index[b],
            "again": again,
            "listed": listed,
            "not_again": listed - again,
        }
        for (a, b), (again, listed) in counts.items()
    ]
    return sorted(summary, key=lambda row: (row["later"].when, row["later"].pk))
