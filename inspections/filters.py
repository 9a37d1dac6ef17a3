"""django-filter FilterSets for the dashboard's listings (the letters app has its own)."""

import django_filters
from django.db.models import Q

from pccsite.listing import LabelledModelChoiceFilter, PlainSelect

from . import vocabulary as vocab
from .models import AreaForImprovement, Commissioner, Force, Grade, Inspection


def _cycles():
    """The cycles inspections are grouped by (Inspection.cycle), newest first.

    Letters name one cycle several ways ("2023/24", "2023-2025"); the filter offers the cycle
    once, and the tables show each letter's own wording beside it.
    """
    cycles = (
        Inspection.objects.public()
        .exclude(cycle="")
        .order_by("-cycle")
        .values_list("cycle", flat=True)
    )
    return [(cycle, vocab.cycle_label(cycle)) for cycle in cycles.distinct()]


class ForceFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label="Name", method="filter_name")
    country = django_filters.ChoiceFilter(
        choices=[("England", "England"), ("Wales", "Wales")],
        empty_label="England and Wales",
        widget=PlainSelect,
    )
    # A choice of "Any", "Yes" and "No", not django-filter's BooleanWidget, whose empty
    # choice reads "Unknown".
    has_letters = django_filters.ChoiceFilter(
        label="Has letters",
        choices=[("true", "Yes"), ("false", "No")],
        empty_label="Any",
        method="filter_has_letters",
        widget=PlainSelect,
    )

    class Meta:
        model = Force
        fields = ["name", "country", "has_letters"]

    def filter_name(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(aliases__icontains=value))

    def filter_has_letters(self, queryset, name, value):
        if value == "true":
            return queryset.filter(letter_count__gt=0)
        return queryset.filter(letter_count=0)


class CommissionerFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label="Name")
    force = django_filters.ModelChoiceFilter(
        queryset=Force.objects.by_name(), empty_label="All forces", widget=PlainSelect
    )

    class Meta:
        model = Commissioner
        fields = ["name", "force"]


class InspectionFilter(django_filters.FilterSet):
    force = django_filters.ModelChoiceFilter(
        queryset=Force.objects.by_name(), empty_label="All forces", widget=PlainSelect
    )
    kind = django_filters.ChoiceFilter(
        choices=vocab.INSPECTION_KINDS, empty_label="Any kind", widget=PlainSelect
    )
    cycle = django_filters.ChoiceFilter(
        choices=_cycles, label="Cycle", empty_label="Any cycle", widget=PlainSelect
    )

    class Meta:
        model = Inspection
        fields = ["force", "kind", "cycle"]


class InspectionScopedFilter(django_filters.FilterSet):
    """The force, inspection kind and cycle filters of rows that belong to an inspection
    (grades, findings): one definition, so their forms offer the same choices."""

    force = django_filters.ModelChoiceFilter(
        field_name="inspection__force",
        queryset=Force.objects.by_name(),
        empty_label="All forces",
        widget=PlainSelect,
    )
    inspection_kind = django_filters.ChoiceFilter(
        field_name="inspection__kind",
        choices=vocab.INSPECTION_KINDS,
        label="Inspection kind",
        empty_label="Any kind",
        widget=PlainSelect,
    )
    cycle = django_filters.ChoiceFilter(
        field_name="inspection__cycle",
        choices=_cycles,
        label="Cycle",
        empty_label="Any cycle",
        widget=PlainSelect,
    )


class FindingFilter(InspectionScopedFilter):
    kind = django_filters.ChoiceFilter(
        choices=AreaForImprovement.Kind.choices,
        label="Finding",
        empty_label="Any finding",
        widget=PlainSelect,
    )
    status = django_filters.ChoiceFilter(
        choices=AreaForImprovement.Status.choices, empty_label="Any status", widget=PlainSelect
    )
    commissioner = LabelledModelChoiceFilter(
        field_name="letter__commissioner",
        queryset=Commissioner.objects.signers().with_force().by_name(),
        label_from_instance=Commissioner.signer_label,
        label="Letter signed by",
        empty_label="Anyone",
        widget=PlainSelect,
    )
    words = django_filters.CharFilter(label="Words", method="filter_words")

    class Meta:
        model = AreaForImprovement
        fields = ["force", "inspection_kind", "cycle", "kind", "status", "commissioner", "words"]

    def filter_words(self, queryset, name, value):
        return queryset.filter(Q(text__icontains=value) | Q(response__icontains=value))


class GradeFilter(InspectionScopedFilter):
    area = django_filters.ChoiceFilter(
        choices=list(vocab.AREA_LABELS.items()), empty_label="Any area", widget=PlainSelect
    )
    grade = django_filters.ChoiceFilter(
        choices=list(vocab.GRADE_LABELS.items()), empty_label="Any grade", widget=PlainSelect
    )
    corrected = django_filters.BooleanFilter(
        label="Corrected by staff",
        method="filter_corrected",
        widget=django_filters.widgets.BooleanWidget,
    )

    class Meta:
        model = Grade
        fields = ["force", "inspection_kind", "cycle", "area", "grade", "corrected"]

    def filter_corrected(self, queryset, name, value):
        # edited_fields is a JSON list: an empty one is "[]" on every database.
        return queryset.exclude(edited_fields=[]) if value else queryset.filter(edited_fields=[])
