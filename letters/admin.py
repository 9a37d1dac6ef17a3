"""Admin for letters: the source text, read-only, beside what was extracted from it.

The text is shown with every extracted value's evidence highlighted (hover a highlight for the
field it supports). Corrections to extracted values are recorded in ``edited_fields`` so later
loads keep them (see inspections.admin.CuratedAdminMixin). Earlier versions of the letter (its
file changed, or a newer parser read it) are listed read-only below it, each with what changed
in the text and in what was extracted, up to the version that replaced it.
"""

import difflib
import json

from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from inspections.admin import (
    CURATED_READONLY,
    CuratedAdminMixin,
    CuratedInlineMixin,
    HiddenOnDeleteMixin,
)
from inspections.models import AreaForImprovement, Grade

from .highlighting import Span, field_spans, highlight
from .loading import printable, stored_extraction
from .models import Letter, LetterRevision, LoadRun
from .review_admin import review_urls


class HasWarningsFilter(admin.SimpleListFilter):
    title = "warnings"
    parameter_name = "warnings"

    def lookups(self, request, model_admin):
        return [("yes", "With warnings"), ("no", "Without warnings")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(warnings=[])
        if self.value() == "no":
            return queryset.filter(warnings=[])
        return queryset


class LetterGradeInline(CuratedInlineMixin, admin.TabularInline):
    model = Grade
    fields = ("inspection", "area", "grade", "quote", "edited_fields")
    readonly_fields = CURATED_READONLY
    raw_id_fields = ("inspection",)


class LetterFindingInline(CuratedInlineMixin, admin.StackedInline):
    model = AreaForImprovement
    fields = (("inspection", "kind", "number", "status"), "text", "response", "edited_fields")
    readonly_fields = CURATED_READONLY
    raw_id_fields = ("inspection",)


class LetterRevisionInline(admin.StackedInline):
    """Earlier versions, newest first: never added, changed or deleted by hand."""

    model = LetterRevision
    extra = 0
    can_delete = False
    fields = (
        ("created_at", "replaced_at"),
        ("sha256", "parser_version"),
        "text_changes",
        "extraction_changes",
    )
    readonly_fields = (
        "created_at",
        "replaced_at",
        "sha256",
        "parser_version",
        "text_changes",
        "extraction_changes",
    )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="text: this version, then what replaced it")
    def text_changes(self, revision):
        later = _later_revision(revision)
        return _diff(revision.text, later.text if later else revision.letter.text, "text")

    @admin.display(description="extracted: this version, then what replaced it")
    def extraction_changes(self, revision):
        later = _later_revision(revision)
        if later is not None:
            replacement = later.extraction
        else:
            letter = revision.letter
            replacement = stored_extraction(
                letter,
                letter.grades.filter(deleted=False),
                letter.areas_for_improvement.filter(deleted=False),
            )
        return _diff(_pretty(revision.extraction), _pretty(replacement), "extraction")


def _later_revision(revision):
    """The version that replaced this one, when it too has been replaced since."""
    later = LetterRevision.objects.filter(letter_id=revision.letter_id, pk__gt=revision.pk)
    return later.order_by("pk").first()


def _pretty(extraction) -> str:
    return json.dumps(extraction, indent=1, sort_keys=True, ensure_ascii=False)


def _diff(before: str, after: str, what: str):
    """A unified diff in <pre>, every line escaped; a note when nothing changed."""
    lines = list(
        difflib.unified_diff(
            before.splitlines(),
            after.splitlines(),
            fromfile="this version",
            tofile="what replaced it",
            lineterm="",
            n=2,
        )
    )
    if not lines:
        return f"The same {what}."
    return format_html(
        '<pre class="letter-diff">{}</pre>',
        format_html_join(
            "\n", '<span class="{}">{}</span>', ((_diff_class(line), line) for line in lines)
        ),
    )


def _diff_class(line: str) -> str:
    if line.startswith(("+++", "---", "@@")):
        return "diff-context"
    return {"+": "diff-added", "-": "diff-removed"}.get(line[:1], "diff-same")


@admin.register(Letter)
class LetterAdmin(HiddenOnDeleteMixin, CuratedAdminMixin, admin.ModelAdmin):
    """Deleting a letter withdraws it (HiddenOnDeleteMixin): hidden from the public site, kept
    with its revisions and corrections, never recreated by a reload; "Restore" brings it back."""

    hide_field = "withdrawn"
    hidden_message = "Withdrawn: hidden from the public site, kept with its history."
    list_display = (
        "file_name",
        "withdrawn",
        "date",
        "force",
        "commissioner",
        "commissioner_name_as_written",
        "commissioner_review",
        "inspection",
        "grade_count",
        "warning_count",
        "edited_fields",
        "updated_at",
    )
    # "Commissioner needs review" is the review list: names the registry has nobody in office
    # for, with the name as the letter writes it.
    list_filter = (
        "withdrawn",
        "pcc_response",
        "commissioner_review",
        "commissioner_attribution",
        HasWarningsFilter,
        "force",
        "inspection__kind",
        "parser_version",
    )
    list_select_related = ("force", "commissioner", "inspection__force")
    search_fields = (
        "file_name",
        "source",
        "reference",
        "recipient_name",
        "commissioner__name",
        "commissioner_name_as_written",
    )
    date_hierarchy = "date"
    raw_id_fields = ("inspection", "commissioner")
    readonly_fields = (
        "source_path",
        "file_name",
        "sha256",
        "parser_version",
        "format",
        "original_file",
        "ocr_confidence",
        "warnings_list",
        "evidence",
        "spans",
        *CURATED_READONLY,
    )
    fieldsets = (
        (
            "Extracted (corrections here are kept on later loads)",
            {
                "fields": (
                    "pcc_response",
                    "date",
                    "reference",
                    "force",
                    ("commissioner", "commissioner_review"),
                    ("commissioner_name_as_written", "commissioner_attribution"),
                    "commissioner_title",
                    ("recipient_name", "recipient_salutation"),
                    "inspection",
                    "grade_summary",
                    ("causes_of_concern_count", "areas_for_improvement_count"),
                    "warnings_list",
                )
            },
        ),
        ("The letter, evidence highlighted", {"fields": ("evidence",)}),
        (
            "Source file",
            {
                "fields": (
                    "source_path",
                    "file_name",
                    ("format", "original_file", "ocr_confidence"),
                    "sha256",
                    "parser_version",
                    "spans",
                )
            },
        ),
        ("History", {"fields": CURATED_READONLY}),
    )
    inlines = [LetterGradeInline, LetterFindingInline, LetterRevisionInline]

    class Media:
        css = {"all": ["letters/admin.css"]}

    # The list links to the review queue and the upload page (object tools).
    change_list_template = "admin/letters/letter/change_list.html"

    def get_urls(self):
        # Before the admin's own "<object id>/" patterns, which would take "review/" as an id.
        return [*review_urls(self), *super().get_urls()]

    def get_queryset(self, request):
        shown = Count("grades", filter=Q(grades__deleted=False))
        return super().get_queryset(request).annotate(_grade_count=shown)

    @admin.display(description="grades", ordering="_grade_count")
    def grade_count(self, letter):
        return letter._grade_count

    @admin.display(description="original")
    def original_file(self, letter):
        """The file as loaded, through the view that serves it safely (media is not served)."""
        if not letter.original:
            return "Not kept"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("letters:letter_original", args=[letter.pk]),
            letter.original.name.rsplit("/", 1)[-1],
        )

    @admin.display(description="source")
    def source_path(self, letter):
        """The path as loaded, control characters escaped (file_name is stored so)."""
        return printable(letter.source)

    @admin.display(description="warnings")
    def warning_count(self, letter):
        return len(letter.warnings)

    @admin.display(description="warnings")
    def warnings_list(self, letter):
        if not letter.warnings:
            return "None"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", letter_warnings(letter))
        )

    @admin.display(description="text")
    def evidence(self, letter):
        return format_html(
            '<pre class="letter-evidence">{}</pre>', highlight(letter.text, evidence_spans(letter))
        )


def letter_warnings(letter):
    return ((warning,) for warning in letter.warnings)


def evidence_spans(letter) -> list[Span]:
    """Every extracted value's span in the letter's text, labelled with what it supports."""
    spans = field_spans(letter.spans)
    for grade in letter.grades.all():
        if grade.start is not None and grade.end is not None:
            spans.append(Span(grade.start, grade.end, f"grade-{grade.pk}", "grade", str(grade)))
    for finding in letter.areas_for_improvement.all():
        if finding.start is not None and finding.end is not None:
            spans.append(Span(finding.start, finding.end, f"afi-{finding.pk}", "afi", str(finding)))
        if finding.response_start is not None and finding.response_end is not None:
            spans.append(
                Span(
                    finding.response_start,
                    finding.response_end,
                    f"afi-{finding.pk}-response",
                    "response",
                    f"{finding}: response",
                )
            )
    return spans


@admin.register(LoadRun)
class LoadRunAdmin(admin.ModelAdmin):
    """Uploads, newest first, each linking to its progress page (read-only: the loader's)."""

    list_display = ("__str__", "created_by", "created_at", "finished_at", "progress_link")
    list_select_related = ("created_by",)
    fields = ("created_by", "created_at", "finished_at", "position", "progress_link")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="files")
    def progress_link(self, run):
        return format_html(
            '<a href="{}">{} of {} loaded</a>',
            reverse("admin:letters_letter_upload_progress", args=[run.pk]),
            len(run.results),
            len(run.paths),
        )
