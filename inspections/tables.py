"""django-tables2 tables for the dashboard's listings: sortable and paginated.

The tables give the headers, sorting and pagination; each one's rows are written out by its
own template (templates/includes/tables/), because rendering cell by cell through
django-tables2 cost more than everything else on a list page. The letters list has its own
table in letters.tables.
"""

from collections import Counter, defaultdict

import django_tables2 as tables
from django.db.models import F
from django.utils.html import format_html, format_html_join

from pccsite.exporting import Field, attr, link
from pccsite.listing import then_pk

from . import followthrough
from . import vocabulary as vocab
from .models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from .templatetags.dashboard import grade_badge

REVIEW_HELP = (
    "Whether a person checked the row: 'read by the parser', 'confirmed by staff' or "
    "'corrected by staff'"
)
FRAMEWORK_HELP = (
    "The PEEL framework in force when published: "
    + ", ".join(framework.key for framework in vocab.FRAMEWORKS)
    + "; grades compare only within one"
)


def _framework_key(when):
    framework = vocab.framework_for(when)
    return framework.key if framework else None


class ForceTable(tables.Table):
    caption = (
        "Forces, each with its grades at its latest PEEL cycle counted, and how many letters, "
        "inspections and areas for improvement are loaded (AFIs: areas for improvement only, "
        "not causes of concern or recommendations)"
    )
    name = tables.Column(order_by=then_pk("name"), linkify=True, verbose_name="Force")
    current_commissioner = tables.Column(
        accessor="current_commissioner_name",
        verbose_name="Commissioner (latest letter)",
        order_by=then_pk("current_commissioner_name"),
        default="—",
    )
    latest_grades = tables.Column(
        accessor="pk", verbose_name="Grades at its latest PEEL cycle", orderable=False
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

    export_fields = (
        attr("id", "The force's id in this dataset and the API"),
        attr("slug", "The force's stable short name, as in its page's address"),
        attr("name", "The force's name"),
        attr("ons_code", "ONS police force area code (GSS: E23…, W15…)"),
        attr("country", "England or Wales"),
        link("url", "The force's page", lambda force: force.get_absolute_url()),
        attr("current_commissioner_name", "Who signed its latest letter", "latest_commissioner"),
        attr("letter_count", "Letters loaded"),
        attr("inspection_count", "Inspections its letters answer"),
        attr("afi_count", "Areas for improvement reported"),
        attr("latest_letter_date", "Date of its latest letter (ISO 8601)"),
    )

    @property
    def rows_with_latest_peel(self):
        """(force, the grade counts of its latest PEEL cycle) for the rows shown, from one
        query for them all.

        One cycle per force, named: the newest grade of each area mixed cycles (a 2016 pillar
        beside a 2023-25 area) in one cell, on scales that do not compare. The cells are built
        here rather than by a template loop: a page of forces shows hundreds of grades.
        """
        forces = [row.record for row in self.paginated_rows]
        grades = (
            Grade.objects.public()
            .dated()
            .filter(inspection__force__in=[force.pk for force in forces])
            .filter(inspection__kind__startswith="peel")
            .exclude(inspection__cycle="")
            .order_by(F("when").asc(nulls_first=True), "pk")
            .values_list(
                "inspection__force_id", "inspection__cycle", "inspection_id", "area", "grade"
            )
        )
        latest = _latest_peel_cycles(grades)
        return [(force, _cycle_counts(*latest.get(force.pk, ("", {})))) for force in forces]


def _latest_peel_cycles(rows):
    """force id -> (its latest PEEL cycle, {grade: count}) from rows oldest first; where two
    letters read one area of one inspection, the later read counts once."""
    cycles = {}
    per_area = defaultdict(dict)
    for force_id, cycle, inspection_id, area, grade in rows:
        cycles[force_id] = cycle  # rows run oldest first: the last one seen is the newest
        per_area[(force_id, cycle)][(inspection_id, area)] = grade
    return {
        force_id: (cycle, Counter(per_area[(force_id, cycle)].values()))
        for force_id, cycle in cycles.items()
    }


def _cycle_counts(cycle, counts):
    if not counts:
        return "No PEEL grades yet"
    items = format_html_join(
        "",
        "<li>{} {}</li>",
        ((grade_badge(grade), counts[grade]) for grade in vocab.GRADES if counts.get(grade)),
    )
    return format_html(
        '<span class="muted">PEEL {}</span><ul class="compact-list">{}</ul>',
        vocab.cycle_label(cycle),
        items,
    )


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

    export_fields = (
        attr("id", "The commissioner's id in this dataset and the API"),
        attr("slug", "The commissioner's stable short name, as in their page's address"),
        attr("name", "Name, without honorifics"),
        attr("honorific", "Honorific as letters give it (Lord, Dame …)"),
        attr("title", f"Office: one of {', '.join(key for key, _ in vocab.COMMISSIONER_TITLES)}"),
        Field("title_label", lambda c, links: c.get_title_display(), "Office, in words"),
        attr("force__name", "The force area", "force"),
        attr("force__ons_code", "ONS police force area code (GSS)", "force_code"),
        link("url", "The commissioner's page", lambda c: c.get_absolute_url()),
        attr("term_start", "First day of their first term, from the registry (ISO 8601)"),
        attr("term_end", "Last day of their last term; empty while in office (ISO 8601)"),
        attr("first_letter", "Date of their first letter loaded (ISO 8601)"),
        attr("last_letter", "Date of their last letter loaded (ISO 8601)"),
        attr("letter_count", "Letters loaded"),
        Field("review_status", lambda c, links: c.review_status, REVIEW_HELP),
    )


# What every export of inspections gives: the inspection, then the force and page it is of.
# The inspection a grade or finding belongs to, and its force: the same columns in both exports.
OF_INSPECTION = (
    attr("inspection__force__name", "The force", "force"),
    attr("inspection__force__ons_code", "ONS police force area code (GSS)", "force_code"),
    attr("inspection_id", "The inspection's id"),
    Field("inspection", lambda row, links: str(row.inspection), "The inspection's title"),
    attr("inspection__kind", "The inspection's kind", "inspection_kind"),
    attr("inspection__period", "The inspection cycle as the letters name it", "period"),
    attr("inspection__cycle", "The cycle it belongs to, as the tables group it", "cycle"),
)

INSPECTION_NAMED = (
    attr("id", "The inspection's id in this dataset and the API"),
    Field("title", lambda i, links: str(i), "The report's title as letters give it"),
    attr("kind", f"One of {', '.join(key for key, _ in vocab.INSPECTION_KINDS)}"),
)
INSPECTION_FORCE = (
    attr("force__name", "The force inspected", "force"),
    attr("force__ons_code", "ONS police force area code (GSS)", "force_code"),
    link("url", "The inspection's page", lambda i: i.get_absolute_url()),
)


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

    export_fields = (
        *INSPECTION_NAMED,
        attr("kind_label", "Kind, in words"),
        attr("period", "The inspection cycle as the letters name it: YYYY or YYYY/YY"),
        attr("cycle", "The cycle it belongs to (2023-25, 2021-22 …), as the tables group it"),
        attr("published", "Publication date of the report (ISO 8601)"),
        Field("framework", lambda i, links: _framework_key(i.published), FRAMEWORK_HELP),
        *INSPECTION_FORCE,
        attr("grade_count", "Grades read from its letters"),
        attr("afi_count", "Areas for improvement"),
        attr("letter_count", "Letters answering it"),
        Field("review_status", lambda i, links: i.review_status, REVIEW_HELP),
    )


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

    export_fields = (
        attr("id", "The finding's id in this dataset and the API"),
        *OF_INSPECTION,
        attr("kind", "afi (area for improvement), cause-of-concern or recommendation"),
        attr("number", "Its number in the report"),
        attr("text", "What the inspection found, as the letter quotes it"),
        attr("response", "The commissioner's or force's response, as the letter gives it"),
        attr(
            "status",
            "unknown (nobody has said), open, in-progress or closed: set by staff, never read "
            "from a letter",
        ),
        attr("letter_id", "The letter it was read from"),
        link("letter_url", "The words in the letter, highlighted", lambda f: f.evidence_url),
        Field("review_status", lambda f, links: f.review_status, REVIEW_HELP),
    )

    @property
    def rows_with_follow_ups(self):
        """The findings shown, each with ``follow_up`` (raised again or not in the force's
        next inspection): two queries for the page (followthrough.for_findings)."""
        findings = [row.record for row in self.paginated_rows]
        followthrough.attach(findings, followthrough.for_findings(findings))
        return findings


class GradeTable(tables.Table):
    """Every grade read from the letters: one row per grade, with its words and its letter."""

    when = tables.DateColumn(
        order_by=then_pk("when"), verbose_name="Published (or letter date)", default="Undated"
    )
    force = tables.Column(
        accessor="inspection__force", linkify=True, order_by=then_pk("inspection__force__name")
    )
    inspection = tables.Column(linkify=True, order_by=then_pk("inspection__title"))
    period = tables.Column(
        accessor="inspection__period",
        verbose_name="Period",
        order_by=then_pk("inspection__cycle", "inspection__period"),
    )
    area = tables.Column(order_by=then_pk("area"))
    grade = tables.Column(order_by=then_pk("grade"))
    quote = tables.Column(verbose_name="The letter's words", orderable=False)
    review = tables.Column(accessor="pk", verbose_name="Checked", orderable=False)

    class Meta:
        model = Grade
        fields = ("when", "force", "inspection", "period", "area", "grade", "quote")
        empty_text = "No grades match these filters."
        attrs = {"class": "data-table data-table--wide"}
        template_name = "includes/tables/grades.html"

    export_fields = (
        attr("id", "The grade's id in this dataset and the API"),
        *OF_INSPECTION,
        attr("when", "Publication date of the report, else the letter's date (ISO 8601)", "date"),
        Field("framework", lambda g, links: _framework_key(g.when), FRAMEWORK_HELP),
        attr("area", "Area key (docs: effectiveness, efficiency, legitimacy, overall or an area)"),
        attr("area_label", "Area, in words"),
        attr("grade", f"One of {', '.join(vocab.GRADES)}"),
        attr("grade_label", "Grade, in words"),
        attr("letter_id", "The letter it was read from"),
        link("letter_url", "The quote in the letter, highlighted", lambda g: g.evidence_url),
        attr("quote", "The exact words of the letter the grade was read from"),
        Field("review_status", lambda g, links: g.review_status, REVIEW_HELP),
    )
