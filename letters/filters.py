"""django-filter FilterSet for the letters list."""

import django_filters

from inspections.models import Commissioner, Force
from pccsite.listing import LabelledModelChoiceFilter, PlainSelect

from .models import Letter


class LetterFilter(django_filters.FilterSet):
    force = django_filters.ModelChoiceFilter(
        queryset=Force.objects.by_name(), empty_label="All forces", widget=PlainSelect
    )
    commissioner = LabelledModelChoiceFilter(
        queryset=Commissioner.objects.signers().with_force().by_name(),
        label_from_instance=Commissioner.signer_label,
        label="Signed by",
        empty_label="Anyone",
        widget=PlainSelect,
    )
    words = django_filters.CharFilter(field_name="text", lookup_expr="icontains", label="Words")

    class Meta:
        model = Letter
        fields = ["force", "commissioner", "words"]
