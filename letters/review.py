"""Reviewing what the parser read: the queue's risks, the review screen's forms, confirming.

The queue lists letters nobody has confirmed, riskiest first, each with its reasons in words
(``REASONS``). Risk is worked out for every unconfirmed letter (then sorted and paged) in three
queries of plain values: the letters, their grades (to compare with the counts the letters
state), and the grades public letters give the same inspections (two letters disagreeing).
3,000 generated letters take about 0.4 s.

The review screen's forms are the admin's CuratedForm (a stale form is refused), with areas,
grades, kinds and periods as choices from the vocabulary, never free text. ``Review.save``
records every change as a correction by the person, on the day (``edited_fields`` keeps it
through later loads), and "Confirm" marks the letter, its inspection, grades and findings as
checked by that person.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.forms import modelformset_factory
from django.utils import timezone

from inspections import vocabulary as vocab
from inspections.admin import CuratedForm, CuratedInlineForm, record_edits
from inspections.models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from pccsite.provenance import provenance

from .highlighting import FIELD_LABELS
from .models import Letter

# Mean OCR word confidence under this is a warning (README "Formats and OCR").
LOW_OCR_CONFIDENCE = 80

# reason key: (words, weight). A letter's risk is the sum of its reasons' weights.
REASONS = {
    "not-response": ("not a commissioner's response", 50),
    "disagrees": ("a grade disagrees with another letter about the same inspection", 40),
    "no-force": ("no force found", 30),
    "no-date": ("no date found", 20),
    "counts": ("the counts it states disagree with the grades it names", 20),
    "low-ocr": ("low OCR confidence", 15),
    "commissioner": ("the signer is not in office for the force then", 15),
    "warnings": ("warnings from the load", 5),
}
REASON_CHOICES = [(key, words) for key, (words, _) in REASONS.items()]


@dataclass
class Risk:
    letter: QueueLetter
    reasons: list[str] = field(default_factory=list)  # keys of REASONS

    @property
    def score(self) -> int:
        # Each warning adds a little, so a letter with many outranks one with one.
        extra = min(len(self.letter.warnings or ()), 10) - 1 if "warnings" in self.reasons else 0
        return sum(REASONS[key][1] for key in self.reasons) + extra

    @property
    def words(self) -> list[str]:
        return [REASONS[key][0] for key in self.reasons]


def unconfirmed(force=None, kind=None, period=None):
    """Letters nobody has confirmed yet (withdrawn ones are out of the way), filtered."""
    letters = Letter.objects.filter(confirmed_at__isnull=True, withdrawn=False)
    if force:
        letters = letters.filter(force_id=force)
    if kind:
        letters = letters.filter(inspection__kind=kind)
    if period:
        letters = letters.filter(inspection__period=period)
    return letters


@dataclass(frozen=True)
class QueueLetter:
    """What the queue reads of a letter: plain values (thousands of model instances with their
    relations took most of a second), with Letter's own summary check."""

    pk: int
    file_name: str
    date: dt.date | None
    force_id: int | None
    force_name: str
    inspection_id: int | None
    kind: str
    period: str
    pcc_response: bool
    commissioner_review: bool
    ocr_confidence: float | None
    warnings: list
    grade_summary: dict

    QUERY = (
        *("pk", "file_name", "date", "force_id", "force__name", "inspection_id"),
        *("inspection__kind", "inspection__period", "pcc_response", "commissioner_review"),
        *("ocr_confidence", "warnings", "grade_summary"),
    )

    @property
    def kind_label(self) -> str:
        return vocab.KIND_LABELS.get(self.kind, self.kind or "")

    def grade_summary_differences(self, grades):
        return Letter.grade_summary_differences(self, grades)


@dataclass(frozen=True)
class NamedGrade:
    inspection_id: int
    area: str
    grade: str


def review_queue(letters, reason: str | None = None) -> list[Risk]:
    """``letters`` with their risks, riskiest first (then newest); three queries."""
    rows = [
        QueueLetter(*values)
        for values in letters.order_by("-date", "pk").values_list(*QueueLetter.QUERY)
    ]
    named: dict[int, list[NamedGrade]] = defaultdict(list)
    for letter_id, *grade in Grade.objects.filter(
        letter__in=letters.values("pk"), deleted=False
    ).values_list("letter_id", "inspection_id", "area", "grade"):
        named[letter_id].append(NamedGrade(*grade))
    others = _grades_by_inspection(letters)
    risks = []
    for letter in rows:
        risk = Risk(letter, _reasons(letter, named[letter.pk], others))
        if reason is None or reason in risk.reasons:
            risks.append(risk)
    risks.sort(key=lambda risk: -risk.score)  # stable: newest first within a score
    return risks


def _grades_by_inspection(letters) -> dict[tuple[int, str], dict[str, set[int]]]:
    """(inspection, area) -> grade -> the public letters giving it, for these letters'
    inspections."""
    inspections = letters.filter(inspection__isnull=False).values("inspection")
    found: dict[tuple[int, str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for inspection_id, area, grade, letter_id in (
        Grade.objects.public()
        .filter(inspection__in=inspections)
        .values_list("inspection_id", "area", "grade", "letter_id")
    ):
        found[inspection_id, area][grade].add(letter_id)
    return found


def _reasons(letter: QueueLetter, grades: list[NamedGrade], others) -> list[str]:
    reasons = []
    if not letter.pcc_response:
        reasons.append("not-response")
    if any(
        any(
            letter.pk not in ids
            for value, ids in others[g.inspection_id, g.area].items()
            if value != g.grade
        )
        for g in grades
    ):
        reasons.append("disagrees")
    if letter.force_id is None:
        reasons.append("no-force")
    if letter.date is None:
        reasons.append("no-date")
    if letter.grade_summary_differences(grades):
        reasons.append("counts")
    if letter.ocr_confidence is not None and letter.ocr_confidence < LOW_OCR_CONFIDENCE:
        reasons.append("low-ocr")
    if letter.commissioner_review:
        reasons.append("commissioner")
    if letter.warnings:
        reasons.append("warnings")
    return reasons


# -- the review screen's forms -------------------------------------------------------------

AREA_CHOICES = sorted(vocab.AREA_LABELS.items(), key=lambda item: item[1])


def period_choices(current: str = "") -> list[tuple[str, str]]:
    """Periods as the letters write them: a year ("2023") or a year and the next ("2023/24")."""
    choices = [("", "Not stated")]
    for year in range(2012, dt.date.today().year + 2):
        choices += [
            (str(year), str(year)),
            (f"{year}/{(year + 1) % 100:02d}", f"{year}/{(year + 1) % 100:02d}"),
        ]
    if current and current not in dict(choices):
        choices.append((current, current))
    return choices


class CommissionerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.force.name})" if obj.force_id else obj.name


class LetterFactsForm(CuratedForm):
    force = forms.ModelChoiceField(Force.objects.order_by("name"), required=False)
    commissioner = CommissionerChoice(
        Commissioner.objects.select_related("force").order_by("force__name", "name"),
        required=False,
        label="Signed by",
    )

    class Meta:
        model = Letter
        fields = ["pcc_response", "date", "force", "commissioner"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"date": FIELD_LABELS["date"]}


class InspectionFactsForm(CuratedForm):
    class Meta:
        model = Inspection
        fields = ["kind", "period", "published"]
        widgets = {"published": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {
            "kind": "Inspection kind",
            "period": "Inspection period",
            "published": "Inspection published",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"] = forms.ChoiceField(
            choices=period_choices(self.instance.period),
            required=False,
            label="Inspection period",
        )


class GradeForm(CuratedInlineForm):
    area = forms.ChoiceField(choices=AREA_CHOICES)

    class Meta:
        model = Grade
        fields = ["area", "grade"]


class FindingForm(CuratedInlineForm):
    class Meta:
        model = AreaForImprovement
        fields = ["kind", "number", "text", "response"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "response": forms.Textarea(attrs={"rows": 3}),
        }


class GradeFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        areas = Counter(
            form.cleaned_data.get("area")
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        )
        twice = [vocab.AREA_LABELS.get(area, area) for area, n in areas.items() if n > 1]
        if twice:
            raise forms.ValidationError(f"Two grades for one area: {', '.join(twice)}.")


GradeForms = modelformset_factory(
    Grade, form=GradeForm, formset=GradeFormSet, extra=0, can_delete=True
)
FindingForms = modelformset_factory(AreaForImprovement, form=FindingForm, extra=0, can_delete=True)


class Review:
    """The review screen's forms for one letter, bound to a POST or not."""

    def __init__(self, letter: Letter, data=None):
        self.letter = letter
        self.letter_form = LetterFactsForm(data, instance=letter, prefix="letter")
        inspection = letter.inspection
        self.inspection_form = (
            InspectionFactsForm(data, instance=inspection, prefix="inspection")
            if inspection is not None
            else None
        )
        who = ("corrected_by", "confirmed_by")
        self.grades = GradeForms(
            data,
            prefix="grades",
            queryset=letter.grades.filter(deleted=False).select_related(*who).order_by("pk"),
        )
        self.findings = FindingForms(
            data,
            prefix="findings",
            queryset=letter.areas_for_improvement.filter(deleted=False)
            .select_related(*who)
            .order_by("kind", "number"),
        )

    @property
    def parts(self):
        return [
            p for p in (self.letter_form, self.inspection_form, self.grades, self.findings) if p
        ]

    def is_valid(self) -> bool:
        # Every part validated (not stopping at the first), so every error shows at once.
        valid = [part.is_valid() for part in self.parts]
        return all(valid)

    def errors(self) -> list[str]:
        found = []
        for form in (self.letter_form, self.inspection_form):
            if form is not None:
                found += [str(e) for e in form.non_field_errors()]
        for formset in (self.grades, self.findings):
            found += [str(e) for e in formset.non_form_errors()]
            for form in formset.forms:
                found += [str(e) for e in form.non_field_errors()]
        return found

    def save(self, user, *, confirm: bool) -> list[str]:
        """Record every change as the person's correction; with ``confirm``, mark the letter
        and everything read from it as checked by them. Returns what was corrected."""
        now = timezone.now()
        corrected = []
        with transaction.atomic():
            corrected += self._save_form(self.letter_form, user, now)
            if self.inspection_form is not None:
                corrected += self._save_form(self.inspection_form, user, now)
            for formset in (self.grades, self.findings):
                for form in formset.forms:
                    if formset._should_delete_form(form):
                        row = form.instance
                        row.deleted, row.corrected_by, row.corrected_at = True, user, now
                        row.save(
                            update_fields=["deleted", "corrected_by", "corrected_at", "updated_at"]
                        )
                        corrected.append(f"deleted {row}")
                    elif form.has_changed():
                        corrected += self._save_form(form, user, now)
            if confirm:
                confirm_letter(self.letter, user, now)
        return corrected

    @staticmethod
    def _save_form(form, user, now) -> list[str]:
        if not form.has_changed():
            return []
        row = form.save(commit=False)
        record_edits(row, form, user)
        if isinstance(row, Letter) and "commissioner" in form.changed_data:
            row.commissioner_review = False  # a person chose: nothing left to review
        row.save()
        changed = [
            str(form.fields[name].label or name).lower()
            for name in form.changed_data
            if name != "row_version"
        ]
        return [f"{row} ({', '.join(changed)})"]


def confirm_letter(letter: Letter, user, now) -> None:
    """The person checked the letter against its text: it, its inspection and every grade
    and finding read from it are confirmed by them, now."""
    letter.refresh_from_db()
    letter.mark_confirmed(user, now)
    letter.save(update_fields=["confirmed_by", "confirmed_at", "updated_at"])
    stamp = {"confirmed_by": user, "confirmed_at": now, "updated_at": now}
    if letter.inspection_id is not None:
        Inspection.objects.filter(pk=letter.inspection_id).update(**stamp)
    Grade.objects.filter(letter=letter, deleted=False).update(**stamp)
    AreaForImprovement.objects.filter(letter=letter, deleted=False).update(**stamp)


# -- provenance of each fact -----------------------------------------------------------------

LETTER_FACTS = ("pcc_response", "date", "force", "commissioner")
INSPECTION_FACTS = ("kind", "period", "published")


def letter_said(letter: Letter, key: str) -> str:
    """The letter's own words for a fact (its span in the text), or ""."""
    bounds = (letter.spans or {}).get(key)
    if isinstance(bounds, list | tuple) and len(bounds) == 2:
        return " ".join(letter.text[bounds[0] : bounds[1]].split())
    return ""


def fact_provenance(letter: Letter, *, public: bool) -> dict:
    """Provenance of every fact of the letter ("date" ...) and its inspection
    ("inspection.kind" ...), by name."""
    version = letter.parser_version
    facts = {
        name: provenance(letter, name, version, public=public, said=letter_said(letter, name))
        for name in LETTER_FACTS
    }
    if letter.inspection is not None:
        for name in INSPECTION_FACTS:
            key = f"inspection.{name}"
            said = letter_said(letter, key)
            facts[key] = provenance(letter.inspection, name, version, public=public, said=said)
    return facts


def row_provenance(row, version: str, *, public: bool, text: str = ""):
    """One grade's or finding's provenance: corrected if any of its facts were. Beside a
    correction, the letter's own words: a grade's quote, a finding's words in ``text``."""
    name = next(iter(row.edited_fields), "grade") if row.edited_fields else "grade"
    said = getattr(row, "quote", "") or ""
    if not said and text and row.start is not None and row.end is not None:
        said = " ".join(text[row.start : row.end].split())
    return provenance(row, name, version, public=public, said=said)


def public_notes(letter: Letter, grades, findings) -> dict:
    """What the letter page says a person checked: the facts confirmed or corrected (by
    "staff", never a username), each correction with the letter's own words."""
    version = letter.parser_version
    labels = {**FIELD_LABELS, "pcc_response": "A commissioner's response"}
    labels |= {f"inspection.{name}": f"Inspection {name}" for name in ("kind", "period")}
    facts = [
        (labels.get(key, key), source)
        for key, source in fact_provenance(letter, public=True).items()
        if source.checked
    ]
    rows = [
        (str(row), source)
        for row in [*grades, *findings]
        if (source := row_provenance(row, version, public=True, text=letter.text)).checked
    ]
    return {
        "parser_version": version,
        "confirmed": letter.confirmed_at,
        "corrected": [
            (label, source) for label, source in [*facts, *rows] if source.kind == "corrected"
        ],
        "checked": bool(facts or rows or letter.confirmed_at),
    }
