"""django-tables2 tables for the dashboard's listings: sortable and paginated.

The tables give the headers, sorting and pagination; each one's rows are written out by its
own template (templates/includes/tables/), because rendering cell by cell through
django-tables2 cost more than everything else on a list page. The letters list has its own
table in letters.tables.
"""

from collections import defaultdict

import django_tables2 as tables
from django.utils.html import format_html, format_html_join

from pccsite.listing import then_pk

from . import vocabulary as vocab
from .models import AreaForImprovement, Commissioner, Force, Grade, Inspection, area_order
from .templatetags.dashboard import grade_badge


class ForceTable(tables.Table):
    caption = (
        "Forces, each with its latest grade per area and how many letters, inspections and "
        "areas for improvement are loaded (AFIs: areas for improvement only, not causes of "
        "concern or recommendations)"
    )
    name = tables.Column(order_by=then_pk("name"), linkify=True, verbose_name="Force")
    current_commissioner = tables.Column(
        accessor="current_commissioner_name",
        verbose_name="Commissioner (latest letter)",
        order_by=then_pk("current_commissioner_name"),
        default="—",
    )
    latest_grades = tables.Column(
        accessor="pk", verbose_name="Latest grade per area", orderable=False
    )
    letter_count = tables.Column(
        order_by=then_pk("letter_count"), verbose_name="Letters", attrs={"td": {"class": "num"}}
    )
    inspection_count = tables.Column(
        order_by=then_pk("inspection_count"),
        verbose_name="Inspections",
        attrs={"td": {"class": "num"}},
    )
    afi_count = tables.Column(
        order_by=then_pk("afi_count"), verbose_name="AFIs", attrs={"td": {"class": "num"}}
    )
    latest_letter_date = tables.DateColumn(
        short=False,
        order_by=then_pk("latest_letter_date"),
        verbose_name="Latest letter",
        default="—",
    )

    class Meta:
        model = Force
        fields = ("name", "country")
        sequence = ("name", "country", "current_commissioner", "latest_grades", "...")
        empty_text = "No forces match these filters."
        attrs = {"class": "data-table"}
        template_name = "includes/tables/forces.html"

    @property
    def rows_with_latest_grades(self):
        """(force, its latest grades as a list) for the rows shown, from one query for them all.

        The lists are built here rather than by a template loop: a page of forces shows
        hundreds of grades.
        """
        forces = [row.record for row in self.paginated_rows]
        latest = defaultdict(list)
        grades = Grade.objects.latest_per_force_area().filter(
            inspection__force__in=[force.pk for force in forces]
        )
        for force_id, area, grade in grades.values_list("inspection__force_id", "area", "grade"):
            latest[force_id].append((area, grade))
        return [(force, _grade_list(latest[force.pk])) for force in forces]


def _grade_list(grades):
    if not grades:
        return "No grades yet"
    items = format_html_join(
        "",
        "<li>{}: {}</li>",
        (
            (vocab.AREA_LABELS.get(area, area), grade_badge(grade))
            for area, grade in sorted(grades, key=lambda pair: area_order(pair[0]))
        ),
    )
    return format_html('<ul class="compact-list">{}</ul>', items)


class CommissionerTable(tables.Table):
    caption = (
        "Everyone who has held the office for a force, with their terms and the letters they signed"
    )
    name = tables.Column(order_by=then_pk("name"), linkify=True, verbose_name="Commissioner")
    force = tables.Column(linkify=True, order_by=then_pk("force__name"))
    title = tables.Column(order_by=then_pk("title"), verbose_name="Office")
    term_start = tables.DateColumn(
        short=False, order_by=then_pk("term_start"), verbose_name="In office from", default="—"
    )
    term_end = tables.DateColumn(order_by=then_pk("term_end"), verbose_name="Until", default="—")
    letter_count = tables.Column(
        order_by=then_pk("letter_count"), verbose_name="Letters", attrs={"td": {"class": "num"}}
    )

    class Meta:
        model = Commissioner
        fields = ("name", "force", "title")
        empty_text = (
            "No commissioners match: the registry of office-holders is loaded by "
            "import_commissioners."
        )
        attrs = {"class": "data-table"}
        template_name = "includes/tables/commissioners.html"


class InspectionTable(tables.Table):
    caption = (
        "Inspections, each with the number of grades, areas for improvement (AFIs, not causes "
        "of concern or recommendations) and letters answering it"
    )
    published = tables.DateColumn(short=False, order_by=then_pk("published"), default="Not stated")
    title = tables.Column(
        linkify=True, verbose_name="Inspection", accessor="pk", order_by=then_pk("title")
    )
    force = tables.Column(linkify=True, order_by=then_pk("force__name"))
    kind = tables.Column(order_by=then_pk("kind"))
    # Grouped and sorted by cycle; the cell adds the letters' own wording where it differs.
    cycle = tables.Column(order_by=then_pk("cycle", "period"), default="—")
    grade_count = tables.Column(
        order_by=then_pk("grade_count"), verbose_name="Grades", attrs={"td": {"class": "num"}}
    )
    afi_count = tables.Column(
        order_by=then_pk("afi_count"), verbose_name="AFIs", attrs={"td": {"class": "num"}}
    )
    letter_count = tables.Column(
        order_by=then_pk("letter_count"), verbose_name="Letters", attrs={"td": {"class": "num"}}
    )

    class Meta:
        model = Inspection
        fields = ("published", "title", "force", "kind", "cycle")
        empty_text = "No inspections match these filters."
        attrs = {"class": "data-table"}
        template_name = "includes/tables/inspections.html"


class FindingTable(tables.Table):
    """Areas for improvement, causes of concern and recommendations across forces."""

    caption = (
        "Findings: areas for improvement, causes of concern and recommendations (the Finding "
        "column says which), each with the response to it"
    )

    force = tables.Column(
        accessor="inspection__force",
        linkify=True,
        order_by=then_pk("inspection__force__name"),
    )
    inspection = tables.Column(linkify=True, order_by=then_pk("inspection__published"))
    kind = tables.Column(order_by=then_pk("kind"), verbose_name="Finding")
    number = tables.Column(
        order_by=then_pk("number"), verbose_name="No.", attrs={"td": {"class": "num"}}
    )
    text = tables.Column(verbose_name="What the inspection found", orderable=False)
    response = tables.Column(verbose_name="Response", orderable=False, default="No response given")
    status = tables.Column(order_by=then_pk("status"))

    class Meta:
        model = AreaForImprovement
        fields = ("force", "inspection", "kind", "number", "text", "response", "status")
        empty_text = "No findings match these filters."
        attrs = {"class": "data-table data-table--wide"}
        template_name = "includes/tables/findings.html"
