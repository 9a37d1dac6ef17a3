"""Holding to account (issue 13): the section 55 clock and findings followed through, on the
inspection, force and commissioner pages, and the national ``/section-55/`` page.

The detail views each call one function here for their extra context (so their own code
stays short and other work on those views merges cleanly); the national page's table, filter
and view live here too. The rules themselves are in ``section55`` and ``followthrough``.
"""

from __future__ import annotations

import datetime as dt

import django_filters
import django_tables2 as tables
from django.db.models import Count, DurationField, F, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from pccsite.db import prebuilt
from pccsite.exporting import Field, attr
from pccsite.listing import ListingView, PlainSelect, then_pk

from . import followthrough, section55
from . import vocabulary as vocab
from .models import AreaForImprovement, Commissioner, Force, Inspection
from .tables import INSPECTION_FORCE, INSPECTION_NAMED

# Unanswered reports sort as if answered a day before publication: below every response.
NO_DELAY = dt.timedelta(days=-1)
# "Recently due": the windows the national page's "Due" filter offers, in days before today.
RECENT_WINDOWS = {"90": "In the last 90 days", "365": "In the last year"}


def for_inspection(inspection, letters, findings, today: dt.date | None = None) -> dict:
    """The inspection page's clock (from the letters in hand: no query), what its letters
    answer, and each finding's follow-up (two queries: the force's inspections, findings)."""
    today = today or section55.today()
    clock = section55.clock(inspection.published, [letter.date for letter in letters], today)
    followthrough.attach(findings, followthrough.for_findings(findings))
    return {
        "clock": clock,
        "answered_counts": followthrough.answered_counts(findings),
        "unlisted": _unlisted(letters, findings),
    }


def _unlisted(letters, findings) -> list[tuple[int, str, int]]:
    """(stated, noun, listed) where a letter counts more findings of a kind than it lists:
    "a letter says the report made 11 areas for improvement; 0 are listed"."""
    listed = dict.fromkeys(followthrough.KIND_NOUNS, 0)
    for finding in findings:
        listed[finding.kind] = listed.get(finding.kind, 0) + 1
    result = []
    for kind, field in (
        (AreaForImprovement.Kind.AFI, "areas_for_improvement_count"),
        (AreaForImprovement.Kind.CAUSE_OF_CONCERN, "causes_of_concern_count"),
    ):
        stated = _most(letters, field)
        if stated and stated > listed[kind]:
            one, many = followthrough.KIND_NOUNS[kind]
            result.append((stated, one if stated == 1 else many, listed[kind]))
    return result


def _most(letters, field):
    counts = [getattr(letter, field) for letter in letters if getattr(letter, field) is not None]
    return max(counts, default=None)


def for_force(force, findings, today: dt.date | None = None) -> dict:
    """The force page's section 55 summary (one query) and its findings followed through
    (two queries); the findings it lists get their follow-ups."""
    today = today or section55.today()
    counts = _clocks(today).for_force(force).clock_counts()
    follow, series = followthrough.for_force(force.pk)
    followthrough.attach(findings, follow)
    return {
        "section55": section55.summary(counts),
        "section55_url": f"{reverse('inspections:section55_list')}?force={force.pk}",
        "followed_through": series,
    }


@prebuilt
def _clocks(today: dt.date):
    """Public inspections with their section 55 clocks read on ``today``."""
    return Inspection.objects.public().with_response_clock(today)


def for_commissioner(commissioner, today: dt.date | None = None) -> dict:
    """The clocks of the inspections published while the commissioner held the office (one
    query): their office answered for those, whoever signed the letter."""
    today = today or section55.today()
    inspections = _clocks(today).in_office_of(commissioner)
    return {
        "section55": section55.summary(inspections.clock_counts()),
        # A statutory deputy acts for the mayor, who holds the office and is counted.
        "section55_deputy": commissioner.title == Commissioner.Title.DEPUTY_MAYOR,
    }


class Section55Filter(django_filters.FilterSet):
    force = django_filters.ModelChoiceFilter(
        queryset=Force.objects.by_name(), empty_label="All forces", widget=PlainSelect
    )
    status = django_filters.ChoiceFilter(
        choices=section55.STATUSES,
        label="Status",
        empty_label="Any status",
        method="filter_status",
        widget=PlainSelect,
    )
    due = django_filters.ChoiceFilter(
        choices=list(RECENT_WINDOWS.items()),
        label="Due",
        empty_label="Any time",
        method="filter_due",
        widget=PlainSelect,
    )
    kind = django_filters.ChoiceFilter(
        choices=vocab.INSPECTION_KINDS, empty_label="Any kind", widget=PlainSelect
    )

    class Meta:
        model = Inspection
        fields = ["force", "status", "due", "kind"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(response_status=value)

    def filter_due(self, queryset, name, value):
        """Due within the window up to today: published within it, 56 days earlier."""
        today = section55.today()
        first_due = today - dt.timedelta(days=int(value))
        return queryset.filter(
            published__gt=first_due - section55.DUE_AFTER,
            published__lte=today - section55.DUE_AFTER,
        )


class Section55Table(tables.Table):
    caption = (
        "Inspections with a publication date, newest due first: when the commissioner's "
        "comments were due (56 days after publication), the date of the first response loaded "
        "here, and whether it was on time"
    )
    due = tables.Column(accessor="published", verbose_name="Due", order_by=then_pk("published"))
    force = tables.Column(linkify=True, order_by=then_pk("force__name"))
    inspection = tables.Column(accessor="pk", verbose_name="Inspection", order_by=then_pk("title"))
    published = tables.Column(order_by=then_pk("published"))
    responded = tables.Column(verbose_name="Response dated", order_by=then_pk("responded_order"))
    status = tables.Column(
        accessor="response_status",
        verbose_name="Status",
        order_by=then_pk("response_status", "delay_order"),
    )
    days = tables.Column(
        accessor="response_delay",
        verbose_name="Days to respond",
        order_by=then_pk("delay_order"),
        attrs={"td": {"class": "num"}},
    )

    class Meta:
        model = Inspection
        fields = ()
        sequence = ("due", "force", "inspection", "published", "responded", "status", "days")
        empty_text = "No inspections match these filters."
        attrs = {"class": "data-table"}
        template_name = "includes/tables/section55.html"

    export_fields = (
        *INSPECTION_NAMED,
        attr("cycle", "The cycle it belongs to (2023-25, 2021-22 …)"),
        *INSPECTION_FORCE,
        attr("published", "Publication date of the report (ISO 8601)"),
        Field(
            "due",
            lambda i, links: section55.due_date(i.published),
            "When comments were due: 56 days after publication (ISO 8601)",
        ),
        attr("responded", "The date of the earliest public letter answering it (ISO 8601)"),
        Field("answered", lambda i, links: i.answered, "Whether any letter answering it is loaded"),
        attr(
            "response_status",
            "on-time, late, date-not-stated (a response is loaded, undated), "
            "no-response-loaded (due and none loaded here: not 'no response made') or "
            "not-yet-due, on the day of the export",
            "status",
        ),
        Field(
            "days_late",
            lambda i, links: section55.days_late(i.published, i.responded),
            "Days after the due date that the response is dated (late responses only)",
        ),
    )


class Section55ListView(ListingView):
    export_name = "section-55"
    filterset_class = Section55Filter
    table_class = Section55Table
    template_name = "inspections/section55.html"
    heading = "Section 55 responses"
    intro = (
        "Section 55 of the Police Act 1996 asks the commissioner (or mayor, or police "
        "authority) to publish comments on each HMICFRS report about their force within 56 "
        "days of its publication. For every inspection with a publication date: when comments "
        "were due, the date of the first response loaded here, and whether it was on time. "
        "'No response loaded yet' means none is loaded on this site, not that none was made."
    )

    def get_queryset(self):
        self.today = section55.today()
        inspections = Inspection.objects.public().filter(published__isnull=False).with_force()
        # Sort keys without NULLs: PostgreSQL sorts NULL above every value and SQLite below, so
        # unanswered reports would lead a descending sort on one and trail it on the other.
        return (
            inspections.with_response_clock(self.today)
            .annotate(
                delay_order=Coalesce(
                    "response_delay", Value(NO_DELAY, output_field=DurationField())
                ),
                responded_order=Coalesce("responded", Value(dt.date.min)),
            )
            .order_by(F("published").desc(), "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["today"] = self.today
        context["status_counts"] = _status_counts(context["filter"].qs)
        return context


def _status_counts(inspections) -> list[tuple[str, str, int]]:
    """(status, label, n) of the filtered inspections, in one query grouped by status (a
    COUNT ... FILTER per status read every row's subqueries once per status)."""
    rows = inspections.order_by().values_list("response_status").annotate(n=Count("pk"))
    counts = dict(rows)
    return [(key, label, counts[key]) for key, label in section55.STATUSES if counts.get(key)]
