"""The generic pieces of the site's list pages, shared by both apps' tables, filters and views.

A list page is a ``ListingView`` subclass naming a QuerySet, a django-filter FilterSet and a
django-tables2 Table; ``then_pk`` keeps its sorting stable across pages and ``PlainSelect``
renders its filters' choices.

A list page takes its filters, ``sort``, ``page`` and ``per_page`` (one of ``PAGE_SIZES``; any
other value is the default, never an error): ``query_parameters`` names them for the page cache,
which answers every other query string with the page of the canonical one.
"""

import django_filters
from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from pccsite.caching import keep
from pccsite.exporting import EXPORT_PARAM, ExportListingMixin

# Rows a list page shows; the first is the default. A page of 100 letters is a few hundred KB;
# `?per_page=100000` rendered 2.9 MB in 2 s.
PAGE_SIZES = (25, 50, 100)


def page_size(value: str) -> str | None:
    """``per_page`` as the page cache keeps it: an offered size other than the default."""
    return value if value in {str(size) for size in PAGE_SIZES[1:]} else None


def page_number(value: str) -> str | None:
    """``page`` as the page cache keeps it: a whole number above 1, without leading zeros."""
    return str(int(value)) if value.isdigit() and int(value) > 1 else None


class ListingView(ExportListingMixin, SingleTableMixin, FilterView):
    """A filtered, sortable, paginated table: the one place a class-based view earns its keep.

    ``?_export=csv|json|xlsx`` answers with the same rows, filtered and sorted, as a file
    (pccsite.exporting); the table names its columns in ``export_fields``.
    """

    template_name = "listing.html"
    heading = ""
    intro = ""

    @classmethod
    def query_parameters(cls):
        """Every query parameter the page reads, with its cleaner (pccsite.caching)."""
        meta = cls.table_class._meta
        names = {}
        for name, filter_ in cls.filterset_class.base_filters.items():
            widget = filter_.field.widget
            suffixes = getattr(widget, "suffixes", None) or [""]
            names.update({f"{name}_{s}" if s else name: keep for s in suffixes})
        names.update({meta.order_by_field: keep, meta.page_field: page_number})
        names[meta.per_page_field] = page_size
        # Any value: an unknown format is answered 400 (pccsite.exporting); never cached.
        names[EXPORT_PARAM] = keep
        return names

    def get_table(self, **kwargs):
        """The table, sorted and paginated from the request, at an offered page size only.

        django-tables2's RequestConfig would take any ``per_page`` the URL names.
        """
        table = self.get_table_class()(data=self.get_table_data(), **kwargs)
        table.request = self.request
        query = self.request.GET
        if order_by := query.getlist(table.prefixed_order_by_field):
            table.order_by = order_by
        per_page = int(page_size(query.get(table.prefixed_per_page_field, "")) or PAGE_SIZES[0])
        page = page_number(query.get(table.prefixed_page_field, "")) or 1
        try:
            table.paginate(per_page=per_page, page=int(page))
        except PageNotAnInteger:
            table.page = table.paginator.page(1)
        except EmptyPage:
            table.page = table.paginator.page(table.paginator.num_pages)
        return table

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
