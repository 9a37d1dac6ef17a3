"""Writes one parsed letter: maps the parsed values onto its rows, around people's corrections.

A new letter is prepared unsaved (``prepare``), so a batch can create many in bulk, or written
on its own (``write``); a stored letter is updated in place, its grades and findings matched to
the rows it stored before (corrections.Corrections.sync).

What loads with a warning (in Letter.warnings and the summary's "with warnings" count): text
decoded as Windows-1252, no date found, no force recognised (no inspection then), no
commissioner signing it (a letter to a commissioner rather than from one; or attributed to the
office-holder on its date), a name the registry does not have in office (left for review, see
letters.loading.registry), a grade or finding stated twice (the first is kept). The parser's
warnings come first, then the registry's, then the loader's own.

Revisions: when a stored letter is written again because its file changed *or* because a newer
parser read it, the version being replaced is kept (text, sha256, parser version and what the
site showed, see LetterRevision). A new parser version changes the values people see, so the
old ones are worth keeping as much as old text is.
"""

from __future__ import annotations

import os
from typing import Any

from django.utils import timezone

from inspections.models import AreaForImprovement, Force, Grade, Inspection
from letters.models import Letter, LetterRevision
from letters.parsing import PARSER_VERSION, ParsedLetter

from .contract import resolve_parsed, stored_extraction
from .corrections import Corrections, unconfirm
from .files import Pending, printable, text_fingerprint, value_of
from .identity import SharedRows, inspection_identity
from .originals import forget_original_after_commit
from .registry import Resolution
from .results import FileResult

GRADE_FIELDS = ("grade", "quote", "start", "end")
FINDING_FIELDS = ("text", "response", "start", "end", "response_start", "response_end")


class LetterWriter:
    """Writes one parsed letter and everything extracted from it."""

    def __init__(self, shared: SharedRows, item: Pending):
        self.shared = shared
        self.item = item
        self.parsed: ParsedLetter = item.parsed
        self.corrections = Corrections(item.source)
        self.warnings: list[str] = [*self.parsed.warnings, *item.decode_warnings]
        self.resolution = Resolution()
        self.notes: list[str] = []  # the loader's own warnings, after the registry's
        self.grades, self.findings = self._wanted_rows()
        self.letter: Letter | None = None

    def result(self, outcome: str) -> FileResult:
        return FileResult(
            self.item.path,
            outcome,
            conflicts=tuple(self.corrections.conflicts),
            warnings=tuple(self.letter.warnings),
        )

    def write(self) -> FileResult:
        """Create or update the letter and its rows (inside the caller's savepoint)."""
        item = self.item
        if item.letter_id is None:
            letter = self.prepare(Letter(source=item.source))
            self._save_new_inspection(letter)
            letter.save()
            Grade.objects.bulk_create(self.new_grades(letter))
            AreaForImprovement.objects.bulk_create(self.new_findings(letter))
            return self.result("created")

        letter = (
            Letter.objects.select_for_update(of=("self",))
            .select_related("force", "commissioner", "inspection")
            .get(pk=item.letter_id)
        )
        now = (letter.sha256, letter.parser_version)
        if item.stored is not None and now != item.stored and now == (item.sha256, PARSER_VERSION):
            # Another load wrote this very version while we parsed it.
            return FileResult(item.path, "unchanged", "stored meanwhile by another load")
        grades = list(letter.grades.all())
        findings = list(letter.areas_for_improvement.all())
        if now != (item.sha256, PARSER_VERSION):
            self._keep_revision(letter, grades, findings)
        replaced_original = letter.original.name
        self.prepare(letter)
        self._save_new_inspection(letter)
        if self.changed:
            letter.save(update_fields=[*self.changed, "updated_at"])
        if replaced_original != letter.original.name:
            forget_original_after_commit(replaced_original)
        self._sync_existing(letter, grades, findings)
        if self.corrections.facts_changed and (cleared := unconfirm(letter)):
            letter.save(update_fields=[*cleared, "updated_at"])
        return self.result("updated")

    def prepare(self, letter: Letter) -> Letter:
        """Apply the parsed values to ``letter`` (not saved); ``self.changed`` lists them."""
        self.letter = letter
        values = self._letter_values()
        apply, label = self.corrections.apply, str(letter)
        # Force, then inspection and commissioner, each resolved against what is kept on the
        # letter before it, so a person's correction of the force carries through; the
        # commissioner is read against the registry on the letter's date, else its inspection's.
        changed = apply(letter, {"force": self._force()}, label)
        # Where a person chose the letter's inspection, look the parsed one up only to report
        # the disagreement: creating it would leave an orphan row.
        create = "inspection" not in letter.edited_fields
        inspection = self._inspection(letter.force, create=create)
        changed += apply(letter, {"inspection": inspection}, label)
        changed += self._commissioner(letter)
        self._warn_of_what_is_missing()
        if letter.inspection is None and (self.grades or self.findings):
            self.notes.append(
                f"{len(self.grades)} grades and {len(self.findings)} findings not stored: "
                "no inspection to attach them to"
            )
        values["warnings"] = [*self.warnings, *self.resolution.warnings, *self.notes]
        changed += apply(letter, values, label)
        self.changed = changed
        return letter

    def new_grades(self, letter: Letter) -> list[Grade]:
        if letter.inspection_id is None:
            return []
        return [
            Grade(
                letter=letter,
                inspection_id=letter.inspection_id,
                area=parsed.area,
                **_row_values(parsed, GRADE_FIELDS),
            )
            for parsed in self.grades
        ]

    def new_findings(self, letter: Letter) -> list[AreaForImprovement]:
        if letter.inspection_id is None:
            return []
        return [
            AreaForImprovement(
                letter=letter,
                inspection_id=letter.inspection_id,
                kind=parsed.kind,
                number=parsed.number,
                **_row_values(parsed, FINDING_FIELDS),
            )
            for parsed in self.findings
        ]

    # -- the letter's own values -----------------------------------------------------------

    def _letter_values(self) -> dict[str, Any]:
        item, parsed = self.item, self.parsed
        return {
            "source": item.source,
            # Shown on pages and in the admin: printable, so a name cannot forge a line.
            "file_name": printable(os.path.basename(item.source)),
            "sha256": item.sha256,
            "text_sha256": item.text_sha256 or text_fingerprint(item.text),
            "parser_version": PARSER_VERSION,
            "text": item.text,
            **self._document_values(),
            "date": value_of(parsed.date),
            "reference": value_of(parsed.reference) or "",
            "recipient_name": parsed.recipient.name if parsed.recipient else "",
            "recipient_salutation": parsed.recipient.salutation if parsed.recipient else "",
            "pcc_response": parsed.pcc_response,
            "grade_summary": {count.grade: count.count for count in parsed.grade_summary},
            "causes_of_concern_count": value_of(parsed.causes_of_concern_count),
            "areas_for_improvement_count": value_of(parsed.areas_for_improvement_count),
            "spans": self._spans(),
        }

    def _document_values(self) -> dict[str, Any]:
        """The format read, OCR, and the original file kept (none for text given directly)."""
        document = self.item.document
        if document is None:  # store_letter: text with no file behind it
            return {}
        return {
            "format": document.format,
            "ocr_confidence": document.ocr_confidence if document.ocr else None,
            "original": self.item.original,
        }

    def _warn_of_what_is_missing(self) -> None:
        if self.parsed.date is None:
            self.notes.append("no date found: the letter is stored undated")

    def _wanted_rows(self):
        """The grades and findings to store, one per key; duplicates become warnings."""
        grades: dict[str, Any] = {}
        for grade in self.parsed.grades:
            kept = grades.setdefault(grade.area, grade)
            if kept is not grade and kept.grade != grade.grade:
                self.notes.append(
                    f"{grade.area} graded both {kept.grade!r} and {grade.grade!r}: kept the first"
                )
        findings: dict[tuple[str, int], Any] = {}
        for finding in self.parsed.findings:
            kept = findings.setdefault((finding.kind, finding.number), finding)
            if kept is not finding:
                self.notes.append(f"{finding.kind} {finding.number} appears twice: kept the first")
        return list(grades.values()), list(findings.values())

    def _spans(self) -> dict[str, list[int]]:
        parsed = self.parsed
        spans: dict[str, list[int]] = {}

        def add(name, start, end):
            if start is not None and end is not None and 0 <= start < end:
                spans[name] = [start, end]

        for name in ("date", "reference", "force"):
            spanned = getattr(parsed, name)
            if spanned is not None:
                add(name, spanned.start, spanned.end)
        for name in ("commissioner", "recipient"):
            person = getattr(parsed, name)
            if person is not None:
                add(name, person.start, person.end)
        if parsed.inspection is not None:
            add("inspection.kind", parsed.inspection.kind_start, parsed.inspection.kind_end)
            for name in ("title", "period", "published"):
                spanned = getattr(parsed.inspection, name)
                if spanned is not None:
                    add(f"inspection.{name}", spanned.start, spanned.end)
        for count in parsed.grade_summary:
            add(f"grade_summary.{count.grade}", count.start, count.end)
        for name in ("causes_of_concern_count", "areas_for_improvement_count"):
            spanned = getattr(parsed, name)
            if spanned is not None:
                add(name, spanned.start, spanned.end)
        return spans

    # -- the rows it links to --------------------------------------------------------------

    def _force(self) -> Force | None:
        name = value_of(self.parsed.force)
        if name is None:
            self.notes.append("no force recognised: no inspection can be recorded")
            return None
        force = self.shared.forces.get(name)
        if force is None:
            self.notes.append(f"force {name!r} is not in the database (run migrate)")
        return force

    def _commissioner(self, letter: Letter) -> list[str]:
        """Read the signer against the registry; returns the names of the fields changed.

        Where a person chose the letter's commissioner, that choice stands with its
        attribution and review flag; the name as written is still updated, and a registered
        person the letter now resolves to otherwise is reported as a conflict.
        """
        parsed = self.parsed
        published = letter.inspection.published if letter.inspection is not None else None
        on = letter.date if "date" in letter.edited_fields else value_of(parsed.date)
        resolution = resolve_parsed(
            self.shared.registry,
            parsed,
            force=letter.force.name if letter.force is not None else None,
            on=on,
            published=published,
        )
        self.resolution = resolution
        name = parsed.commissioner.name if parsed.commissioner else ""
        written = {"commissioner_name_as_written": name}
        label = str(letter)
        if "commissioner" in letter.edited_fields:
            if resolution.commissioner is not None and (
                resolution.commissioner.pk != letter.commissioner_id
            ):
                self.corrections.conflict(
                    letter,
                    "commissioner",
                    letter.commissioner,
                    resolution.commissioner,
                    label=label,
                )
            return self.corrections.apply(letter, written, label)
        values = {
            **written,
            "commissioner": resolution.commissioner,
            "commissioner_title": resolution.title,
            "commissioner_attribution": resolution.attribution,
            "commissioner_review": resolution.review,
        }
        return self.corrections.apply(letter, values, label)

    def _inspection(self, force: Force | None, *, create: bool) -> Inspection | None:
        """The inspection the letter answers: found, or new and unsaved (saved by the caller)."""
        parsed = self.parsed.inspection
        if parsed is None or force is None:
            return None
        identity = inspection_identity(self.item, parsed)
        title = value_of(parsed.title) or ""
        inspection, notes = self.shared.inspection(force, identity)
        self.warnings.extend(notes)
        if inspection is None:
            if not create:
                period = identity.period
                return Inspection(force=force, kind=parsed.kind, title=title, period=period)
            inspection = Inspection(
                force=force,
                kind=parsed.kind,
                natural_key=identity.natural_key,
                title=title,
                period=identity.period,
                published=identity.published,
            )
            inspection.refresh_cycle()  # created in bulk, without save()
            self.shared.add_inspection(inspection)
            return inspection
        self._fill_in(inspection, title=title, period=identity.period, published=identity.published)
        return inspection

    def _fill_in(self, inspection: Inspection, **values) -> None:
        """Shared by every letter about the report: fill in what it lacks, report corrections.

        Title, period and publication date are filled in where the row lacks them.
        """
        changed = []
        for name, value in values.items():
            current = getattr(inspection, name)
            if not value or current == value:
                continue
            if name in inspection.edited_fields:
                self.corrections.conflict(inspection, name, current, value)
            elif not current:
                setattr(inspection, name, value)
                changed.append(name)
        if changed and inspection.pk is not None:
            inspection.save(update_fields=[*changed, "updated_at"])  # save() adds the cycle
        elif changed:
            inspection.refresh_cycle()

    # -- writing ---------------------------------------------------------------------------

    def _save_new_inspection(self, letter: Letter) -> None:
        inspection = letter.inspection
        if inspection is not None and inspection.pk is None:
            inspection.save()
            letter.inspection = inspection

    def _sync_existing(self, letter: Letter, grades, findings) -> None:
        inspection_id = letter.inspection_id
        self.corrections.sync(
            letter,
            existing=grades,
            model=Grade,
            wanted={(inspection_id, g.area): g for g in self.grades} if inspection_id else {},
            key=lambda row: (row.inspection_id, row.area),
            values=lambda g: _row_values(g, GRADE_FIELDS),
            same_evidence=lambda row, g: row.quote == g.quote,
            build=lambda g: Grade(inspection_id=inspection_id, area=g.area),
        )
        self.corrections.sync(
            letter,
            existing=findings,
            model=AreaForImprovement,
            wanted=(
                {(inspection_id, f.kind, f.number): f for f in self.findings}
                if inspection_id
                else {}
            ),
            key=lambda row: (row.inspection_id, row.kind, row.number),
            values=lambda f: _row_values(f, FINDING_FIELDS),
            same_evidence=lambda row, f: row.text == f.text or row.start == f.start,
            build=lambda f: AreaForImprovement(
                inspection_id=inspection_id, kind=f.kind, number=f.number
            ),
        )

    def _keep_revision(self, letter: Letter, grades, findings) -> None:
        """Keep the version about to be replaced: its text and what the site showed (rows staff
        deleted were not shown)."""
        loaded = letter.revisions.values_list("replaced_at", flat=True).first()
        shown_grades = [row for row in grades if not row.deleted]
        shown_findings = [row for row in findings if not row.deleted]
        LetterRevision.objects.create(
            letter=letter,
            sha256=letter.sha256,
            text_sha256=text_fingerprint(letter.text),
            parser_version=letter.parser_version,
            text=letter.text,
            extraction=stored_extraction(letter, shown_grades, shown_findings),
            created_at=loaded or letter.created_at,
            replaced_at=timezone.now(),
        )


def _row_values(parsed, names) -> dict[str, Any]:
    """A parsed grade's or finding's values for the named fields of its row."""
    return {name: _field_value(parsed, name) for name in names}


def _field_value(parsed, name):
    value = getattr(parsed, name)
    if name in ("quote", "text", "response"):
        return value or ""
    return value
