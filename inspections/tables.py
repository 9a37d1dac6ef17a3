"""django-tables2 tables for the dashboard's listings: sortable and paginated."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from letters.models import Letter

from .models import AreaForImprovement, Commissioner, Force, Inspection
from .templatetags.dashboard import grade_badge


class ForceTable(tables.Table):
    name = tables.Column(linkify=True, verbose_name="Force")
    current_commissioner = tables.Column(
        accessor="current_commissioner_name",
        verbose_name="Commissioner (latest letter)",
        order_by="current_commissioner_name",
        default="—",
    )
    latest_grades = tables.Column(
        accessor="pk", verbose_name="Latest grade per area", orderable=False
    )
    letter_count = tables.Column(verbose_name="Letters", attrs={"td": {"class": "num"}})
    inspection_count = tables.Column(verbose_name="Inspections", attrs={"td": {"class": "num"}})
    afi_count = tables.Column(verbose_name="AFIs", attrs={"td": {"class": "num"}})
    latest_letter_date = tables.DateColumn(verbose_name="Latest letter", default="—")

    class Meta:
        model = Force
        fields = ("name", "country")
        sequence = ("name", "country", "current_commissioner", "latest_grades", "...")
        empty_text = "No forces match these filters."
        attrs = {"class": "data-table"}

    def render_current_commissioner(self, value, record):
        url = reverse("inspections:commissioner_detail", args=[record.current_commissioner_slug])
        return format_html('<a href="{}">{}</a>', url, value)

    def render_latest_grades(self, record):
        grades = record.latest_grades
        if not grades:
            return "No grades yet"
        items = format_html_join(
            "", "<li>{}: {}</li>", ((g.area_label, grade_badge(g.grade)) for g in grades)
        )
        return format_html('<ul class="compact-list">{}</ul>', items)


class CommissionerTable(tables.Table):
    name = tables.Column(linkify=True, verbose_name="Commissioner")
    force = tables.Column(linkify=True, order_by="force__name")
    title = tables.Column()
    first_letter = tables.DateColumn(verbose_name="First letter", default="—")
    last_letter = tables.DateColumn(verbose_name="Last letter", default="—")
    letter_count = tables.Column(verbose_name="Letters", attrs={"td": {"class": "num"}})

    class Meta:
        model = Commissioner
        fields = ("name", "force", "title")
        empty_text = "No commissioners yet: they appear when letters are loaded."
        attrs = {"class": "data-table"}


class InspectionTable(tables.Table):
    published = tables.DateColumn(default="Not stated")
    title = tables.Column(linkify=True, verbose_name="Inspection", accessor="pk", order_by="title")
    force = tables.Column(linkify=True, order_by="force__name")
    kind = tables.Column()
    period = tables.Column(default="—")
    grade_count = tables.Column(verbose_name="Grades", attrs={"td": {"class": "num"}})
    afi_count = tables.Column(verbose_name="AFIs", attrs={"td": {"class": "num"}})
    letter_count = tables.Column(verbose_name="Letters", attrs={"td": {"class": "num"}})

    class Meta:
        model = Inspection
        fields = ("published", "title", "force", "kind", "period")
        empty_text = "No inspections match these filters."
        attrs = {"class": "data-table"}

    def render_title(self, record):
        return str(record)

    def render_kind(self, record):
        return record.kind_label


class LetterTable(tables.Table):
    date = tables.DateColumn(default="Undated")
    file_name = tables.Column(linkify=True, verbose_name="Letter")
    force = tables.Column(linkify=True, order_by="force__name", default="Unknown")
    commissioner = tables.Column(linkify=True, order_by="commissioner__name", default="Unknown")
    inspection = tables.Column(linkify=True, order_by="inspection__title", default="—")

    class Meta:
        model = Letter
        fields = ("date", "file_name", "force", "commissioner", "inspection")
        empty_text = "No letters match these filters."
        attrs = {"class": "data-table"}


class FindingTable(tables.Table):
    """Areas for improvement, causes of concern and recommendations across forces."""

    force = tables.Column(
        accessor="inspection__force", linkify=True, order_by="inspection__force__name"
    )
    inspection = tables.Column(linkify=True, order_by="inspection__published")
    kind = tables.Column(verbose_name="Finding")
    number = tables.Column(verbose_name="No.", attrs={"td": {"class": "num"}})
    text = tables.Column(verbose_name="What the inspection found", orderable=False)
    response = tables.Column(verbose_name="Response", orderable=False, default="No response given")
    status = tables.Column()

    class Meta:
        model = AreaForImprovement
        fields = ("force", "inspection", "kind", "number", "text", "response", "status")
        empty_text = "No findings match these filters."
        attrs = {"class": "data-table data-table--wide"}

    def render_text(self, value, record):
        return format_html('{} <a href="{}">In the letter</a>', value, record.evidence_url)
