"""The generic pieces of the site's list pages, shared by both apps' tables, filters and views.

A list page is a ``ListingView`` subclass naming a QuerySet, a django-filter FilterSet and a
django-tables2 Table; ``then_pk`` keeps its sorting stable across pages and ``PlainSelect``
renders its filters' choices.
"""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from pccsite.exporting import ExportListingMixin


class ListingView(ExportListingMixin, SingleTableMixin, FilterView):
    """A filtered, sortable, paginated table: the one place a class-based view earns its keep.

    ``?_export=csv|json|xlsx`` answers with the same rows, filtered and sorted, as a file
    (pccsite.exporting); the table names its columns in ``export_fields``.
    """

    template_name = "listing.html"
    table_pagination = {"per_page": 25}
    heading = ""
    intro = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, intro=self.intro, **kwargs)


class LabelledModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A ModelChoiceFilter whose options read ``label_from_instance(row)``, not ``str(row)``:
    two people of one name stay two choices a reader can tell apart."""

    def __init__(self, *args, label_from_instance, **kwargs):
        self._label_from_instance = label_from_instance
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = self._label_from_instance
        return field


def then_pk(*fields):
    """An order_by that ends with the primary key, so rows tied on the sorted column keep one
    order and pagination neither repeats nor skips them."""
    return (*fields, "pk")


class PlainSelect(forms.Select):
    """A <select> written in Python, with the same markup as Django's.

    Django renders every <option> through a template; with a list of forces or commissioners
    that cost more than the rest of a list page.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        final_attrs = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", final_attrs, options)
