"""django-filter FilterSet for the letters list."""

import django_filters

from inspections.models import Commissioner, Force
from pccsite.listing import PlainSelect

from .models import Letter


class LetterFilter(django_filters.FilterSet):
    force = django_filters.ModelChoiceFilter(
        queryset=Force.objects.by_name(), empty_label="All forces", widget=PlainSelect
    )
    commissioner = django_filters.ModelChoiceFilter(
        queryset=Commissioner.objects.by_name(),
        label="Signed by",
        empty_label="Anyone",
        widget=PlainSelect,
    )
    words = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Words")

    class Meta:
        model = Letter
        fields = ["force", "commissioner", "words"]
