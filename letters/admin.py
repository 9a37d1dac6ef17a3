"""Admin for letters: the source text, read-only, beside what was extracted from it.

The text is shown with every extracted value's evidence highlighted (hover a highlight for the
field it supports). Corrections to extracted values are recorded in ``edited_fields`` so later
loads keep them (see inspections.admin.CuratedAdminMixin).
"""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html, format_html_join

from inspections.admin import CURATED_READONLY, CuratedAdminMixin, CuratedInlineMixin
from inspections.models import AreaForImprovement, Grade

from .highlighting import Span, field_spans, highlight
from .models import Letter


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


@admin.register(Letter)
class LetterAdmin(CuratedAdminMixin, admin.ModelAdmin):
    list_display = (
        "file_name",
        "date",
        "force",
        "commissioner",
        "inspection",
        "grade_count",
        "warning_count",
        "edited_fields",
        "updated_at",
    )
    list_filter = (HasWarningsFilter, "force", "inspection__kind", "parser_version")
    list_select_related = ("force", "commissioner", "inspection__force")
    search_fields = ("file_name", "source", "reference", "recipient_name", "commissioner__name")
    date_hierarchy = "date"
    raw_id_fields = ("inspection", "commissioner")
    readonly_fields = (
        "source",
        "file_name",
        "sha256",
        "parser_version",
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
                    "date",
                    "reference",
                    "force",
                    "commissioner",
                    ("recipient_name", "recipient_salutation"),
                    "inspection",
                    "grade_summary",
                    ("causes_of_concern_count", "areas_for_improvement_count"),
                    "warnings_list",
                )
            },
        ),
        ("The letter, evidence highlighted", {"fields": ("evidence",)}),
        ("Source file", {"fields": ("source", "file_name", "sha256", "parser_version", "spans")}),
        ("History", {"fields": CURATED_READONLY}),
    )
    inlines = [LetterGradeInline, LetterFindingInline]

    class Media:
        css = {"all": ["letters/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_grade_count=Count("grades"))

    @admin.display(description="grades", ordering="_grade_count")
    def grade_count(self, letter):
        return letter._grade_count

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
