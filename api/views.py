"""The read-only JSON API: one ReadOnlyModelViewSet per kind of row.

Lists take the site's table filters as query parameters (the same django-filter FilterSets as
the pages), are ordered by id so pages are stable, and are paginated (api.pagination). Each
QuerySet has its joins and prefetches built in, so an endpoint issues a fixed number of queries
whatever the page size (tests/api pin them).
"""

from django.db.models import Prefetch
from rest_framework import viewsets

from inspections import section55
from inspections.filters import (
    CommissionerFilter,
    FindingFilter,
    ForceFilter,
    GradeFilter,
    InspectionFilter,
)
from inspections.models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from letters.filters import LetterFilter
from letters.models import Letter
from pccsite.db import public

from . import serializers
from .conditional import ConditionalMixin


class ReadOnly(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    pass


class ForceViewSet(ReadOnly):
    """The 43 territorial forces, by slug, with their ONS police force area codes."""

    lookup_field = "slug"
    serializer_class = serializers.ForceSerializer
    filterset_class = ForceFilter

    def get_queryset(self):
        return Force.objects.listing().order_by("name", "pk")


class CommissionerViewSet(ReadOnly):
    """Commissioners who signed letters, by slug."""

    lookup_field = "slug"
    serializer_class = serializers.CommissionerSerializer
    filterset_class = CommissionerFilter

    def get_queryset(self):
        return public(Commissioner.objects.with_letter_stats().with_term_span()).order_by("pk")


def _grades():
    return public(Grade.objects.all()).order_by("area", "pk")


def _findings():
    return public(AreaForImprovement.objects.all()).order_by("kind", "number", "pk")


class InspectionViewSet(ReadOnly):
    """Inspections; one inspection whole has its grades and findings."""

    serializer_class = serializers.InspectionSerializer
    filterset_class = InspectionFilter

    def get_queryset(self):
        inspections = public(Inspection.objects.with_counts()).order_by("pk")
        inspections = inspections.with_response_clock(section55.today())
        if self.action == "retrieve":
            inspections = inspections.prefetch_related(
                Prefetch("grades", queryset=_grades().select_related("inspection")),
                Prefetch("areas_for_improvement", queryset=_findings()),
            )
        return inspections

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.InspectionDetailSerializer
        return serializers.InspectionSerializer


class LetterViewSet(ReadOnly):
    """Letters; one letter whole has its text, the spans of its facts, grades and findings."""

    filterset_class = LetterFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return public(Letter.objects.with_context()).prefetch_related(
                Prefetch("grades", queryset=_grades()),
                Prefetch("areas_for_improvement", queryset=_findings()),
            )
        return public(Letter.objects.listing()).order_by("pk")

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.LetterDetailSerializer
        return serializers.LetterSerializer


class GradeViewSet(ReadOnly):
    """Every grade, one row each, with its force, inspection, words and letter."""

    serializer_class = serializers.GradeListSerializer
    filterset_class = GradeFilter

    def get_queryset(self):
        return public(Grade.objects.listing()).order_by("pk")


class FindingViewSet(ReadOnly):
    """Areas for improvement, causes of concern and recommendations."""

    serializer_class = serializers.FindingListSerializer
    filterset_class = FindingFilter

    def get_queryset(self):
        return public(AreaForImprovement.objects.with_context()).order_by("pk")
