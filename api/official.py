"""/api/official-grades/ and /api/official-grade-counts/: the inspectorate's own PEEL grades,
the second source the compare pages set beside the letters, with each row's provenance.

Read-only like the rest of the API; filtered by force (slug), cycle, area and whether the row
was checked against its page; ordered by id, paginated, two queries a page.
"""

import django_filters
from rest_framework import serializers

from inspections import vocabulary as vocab
from inspections.models import OfficialGrade, OfficialGradeCount

from .serializers import ForceRefSerializer, edited_fields
from .views import ReadOnly

PROVENANCE_FIELDS = ("source_url", "checked", "verified", "note", "source_file", "source_line")


class OfficialFilter(django_filters.FilterSet):
    force = django_filters.CharFilter(field_name="force__slug", label="Force (slug)")
    cycle = django_filters.ChoiceFilter(choices=[(c, c) for c in vocab.PEEL_CYCLES])
    checked = django_filters.BooleanFilter()


class OfficialGradeFilter(OfficialFilter):
    area = django_filters.CharFilter(help_text="Area key; empty for a wording no area matches")

    class Meta:
        model = OfficialGrade
        fields = ["force", "cycle", "area", "checked"]


class OfficialGradeCountFilter(OfficialFilter):
    class Meta:
        model = OfficialGradeCount
        fields = ["force", "cycle", "checked"]


class OfficialGradeSerializer(serializers.ModelSerializer):
    force = ForceRefSerializer(read_only=True)
    verified = serializers.BooleanField(
        read_only=True, help_text="Checked against its page, and the page's address given"
    )
    edited_fields = edited_fields()

    class Meta:
        model = OfficialGrade
        fields = [
            *("id", "force", "cycle", "area", "area_as_written", "grade", "grade_as_written"),
            *("page_version", *PROVENANCE_FIELDS, "edited_fields"),
        ]


class OfficialGradeCountSerializer(serializers.ModelSerializer):
    force = ForceRefSerializer(read_only=True)
    verified = serializers.BooleanField(read_only=True)
    edited_fields = edited_fields()

    class Meta:
        model = OfficialGradeCount
        fields = [
            *("id", "force", "cycle", "areas_graded", "outstanding", "good", "adequate"),
            *("requires_improvement", "inadequate", "named_areas"),
            *(*PROVENANCE_FIELDS, "edited_fields"),
        ]


class OfficialGradeViewSet(ReadOnly):
    """The inspectorate's grade of one pillar or area of a force in a PEEL cycle, with where
    it was read (``source_url``, file and line) and whether it was checked."""

    serializer_class = OfficialGradeSerializer
    filterset_class = OfficialGradeFilter

    def get_queryset(self):
        return OfficialGrade.objects.with_force().order_by("pk")


class OfficialGradeCountViewSet(ReadOnly):
    """A source's count of grades per value for a force in a 2021-25 cycle; a count the source
    does not give is null."""

    serializer_class = OfficialGradeCountSerializer
    filterset_class = OfficialGradeCountFilter

    def get_queryset(self):
        return OfficialGradeCount.objects.with_force().order_by("pk")
