"""Admin for letters: the source text, read-only, beside what was extracted from it.

The text is shown with every extracted value's evidence highlighted (hover a highlight for the
field it supports). Corrections to extracted values are recorded in ``edited_fields`` so later
loads keep them (see inspections.admin.CuratedAdminMixin).
"""

from itertools import pairwise

from django.contrib import admin
from django.db.models import Count
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from inspections.admin import CURATED_READONLY, CuratedAdminMixin, CuratedInlineMixin
from inspections.models import AreaForImprovement, Grade

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
        return highlight(letter.text, evidence_spans(letter))


def letter_warnings(letter):
    return ((warning,) for warning in letter.warnings)


def evidence_spans(letter) -> list[tuple[int, int, str]]:
    """Every extracted value's span in the letter's text, with a label saying what it is."""
    spans = [(start, end, name) for name, (start, end) in letter.spans.items()]
    for grade in letter.grades.all():
        if grade.start is not None and grade.end is not None:
            spans.append((grade.start, grade.end, f"grade: {grade}"))
    for finding in letter.areas_for_improvement.all():
        if finding.start is not None and finding.end is not None:
            spans.append((finding.start, finding.end, str(finding)))
        if finding.response_start is not None and finding.response_end is not None:
            spans.append((finding.response_start, finding.response_end, f"{finding}: response"))
    return spans


def highlight(text: str, spans: list[tuple[int, int, str]]):
    """The text, escaped, with each span in a <mark> titled by what it supports.

    Spans may overlap (a grade inside an AFI's response), so the text is cut at every span
    boundary and each piece is marked with every span covering it.
    """
    spans = [(max(0, s), min(len(text), e), label) for s, e, label in spans if s < e]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    pieces = []
    for start, end in pairwise(cuts):
        labels = [label for s, e, label in spans if s <= start and end <= e]
        piece = escape(text[start:end])
        if labels:
            piece = format_html('<mark title="{}">{}</mark>', "; ".join(labels), text[start:end])
        pieces.append(piece)
    return mark_safe(f'<pre class="letter-evidence">{"".join(pieces)}</pre>')
