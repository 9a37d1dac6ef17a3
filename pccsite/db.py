"""Model pieces both apps build on, so neither app's models import the other's.

``Curated`` is the abstract base of every row the loader writes and staff may correct (Letter
in letters; Commissioner, Inspection, Grade, AreaForImprovement in inspections).
``related_count`` and ``related_date`` are the correlated subqueries the listings annotate.
"""

from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


class Curated(models.Model):
    """A row the loader writes and staff may correct; corrections survive later loads."""

    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields a person corrected in the admin. The loader leaves these alone.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def mark_edited(self, field_names):
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))


def related_count(queryset, link):
    """COUNT of ``queryset``'s rows whose ``link`` is the outer row, as a correlated subquery.

    Several counts through joins multiply each other's rows (letters x inspections x findings)
    before DISTINCT removes them again, which grows with the square of a force's history; one
    indexed subquery per count stays proportional to the rows counted.
    """
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def related_date(queryset, link, aggregate):
    """Min or Max of ``date`` over ``queryset``'s rows linked to the outer row (a subquery)."""
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Subquery(rows.annotate(d=aggregate("date")).values("d"))
