"""The cycle page's table and filters: every force a row, every area of the framework a column.

Rows are compare.ForceRow (not model instances), so sorting is django-tables2's sort of a
list, by each column's ``sort`` key: the grade's rank, the inspectorate's where its page gives
one, else the letter's. Exports write both sources of every cell, with their links.
"""

import django_filters
import django_tables2 as tables
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pccsite.exporting import Field
from pccsite.listing import PlainSelect

from . import vocabulary as vocab
from .compare import UNVERIFIED
from .models import Force

COUNT_HELP = "The inspectorate's count of grades per value, for sources that give only counts"


class CompareFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(
        choices=[(key, label) for key, label, _ in vocab.REGIONS],
        empty_label="Every region",
        method="filter_region",
        widget=PlainSelect,
    )
    country = django_filters.ChoiceFilter(
        choices=[("England", "England"), ("Wales", "Wales")],
        empty_label="England and Wales",
        widget=PlainSelect,
    )

    class Meta:
        model = Force
        fields = ["region", "country"]

    def filter_region(self, queryset, name, value):
        slugs = [slug for slug, region in vocab.REGION_OF_FORCE.items() if region == value]
        return queryset.filter(slug__in=slugs)


class AreaColumn(tables.Column):
    """One area's (or, on an area page, one cycle's) cell: both sources, in words."""

    def __init__(self, key, label):
        super().__init__(
            accessor="force",
            verbose_name=label,
            order_by=(f"sort__{key}", "force__name"),
            empty_values=(),
            attrs={"td": {"class": "compare-cell"}},
        )
        self.key = key

    def render(self, record):
        return record.cell(self.key).html


class CountColumn(tables.Column):
    def __init__(self):
        super().__init__(
            accessor="force", verbose_name="Inspectorate's count", orderable=False, empty_values=()
        )

    def render(self, record):
        count = record.count
        if count is None:
            return mark_safe('<span class="muted">None loaded</span>')
        if count.source_url:
            words = format_html('<a href="{}">{}</a>', count.source_url, count.summary)
        else:
            words = count.summary
        marker = "" if count.verified else UNVERIFIED
        return format_html("{}{}", words, marker)


class CycleTable(tables.Table):
    force = tables.Column(
        accessor="force__name",
        verbose_name="Force",
        order_by=("force__name",),
        linkify=lambda record: record.force.get_absolute_url(),
    )
    region = tables.Column(accessor="region", order_by=("region", "force__name"))

    class Meta:
        attrs = {"class": "data-table compare-table"}
        empty_text = "No forces match these filters."
        orderable = True

    def __init__(self, data, *, cycle, areas, **kwargs):
        framework = vocab.framework_of_cycle(cycle)
        extra = [(area, AreaColumn(area, vocab.AREA_LABELS[area])) for area in areas]
        if framework.scale == vocab.FIVE_POINT:
            extra.append(("official_count", CountColumn()))
        super().__init__(data, extra_columns=extra, **kwargs)
        self.caption = (
            f"Grades of every force in PEEL {vocab.cycle_label(cycle)}, by area: what the "
            "commissioner's letter says and what the inspectorate's page says, each linked to "
            "its source"
        )
        self.export_fields = export_fields(areas, framework)


def _cell_field(area, name, read, description):
    label = vocab.AREA_LABELS[area]
    return Field(
        f"{area.replace('-', '_')}_{name}",
        lambda row, links: read(row.cell(area), links),
        f"{label}: {description}",
    )


def _letter_url(cell, links):
    return links.url(cell.letter.url) if cell.letter else None


def export_fields(areas, framework) -> tuple[Field, ...]:
    """Each force, then per area both grades (keys), the page's address and whether it was
    checked, and whether they differ; then the inspectorate's counts where the cycle has them."""
    fields = [
        Field("force", lambda row, links: row.force.name, "The force's name"),
        Field("force_slug", lambda row, links: row.force.slug, "The force's short name"),
        Field("region", lambda row, links: row.region, "English region, or Wales"),
        Field("country", lambda row, links: row.force.country, "England or Wales"),
    ]
    for area in areas:
        fields += [
            _cell_field(area, "letter", lambda c, _: c.letter_grade or None, "the letter's grade"),
            _cell_field(area, "letter_url", _letter_url, "where the letter says it"),
            _cell_field(
                area, "official", lambda c, _: c.official_grade or None, "the inspectorate's grade"
            ),
            _cell_field(
                area,
                "official_url",
                lambda c, _: c.official.source_url or None if c.official else None,
                "the inspectorate's page (or the reprint read)",
            ),
            _cell_field(
                area,
                "official_verified",
                lambda c, _: c.official.verified if c.official else None,
                "whether the page's grade was checked against its address",
            ),
            _cell_field(
                area, "differ", lambda c, _: c.disagrees, "whether letter and page disagree"
            ),
        ]
    if framework.scale == vocab.FIVE_POINT:
        for grade in vocab.FIVE_POINT:
            column = grade.replace("-", "_")
            fields.append(
                Field(
                    f"official_count_{column}",
                    lambda row, links, column=column: getattr(row.count, column, None),
                    f"{COUNT_HELP}: {vocab.GRADE_LABELS[grade].lower()}",
                )
            )
        fields.append(
            Field(
                "official_count_url",
                lambda row, links: row.count.source_url or None if row.count else None,
                "Where the count was read",
            )
        )
    return tuple(fields)
