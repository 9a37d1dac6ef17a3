"""django-tables2 table for the letters list: sortable and paginated.

Its rows are written out by templates/includes/tables/letters.html (see inspections.tables for
why each table has its own row template).
"""

import django_tables2 as tables

from pccsite.listing import then_pk

from .models import Letter


class LetterTable(tables.Table):
    caption = "Letters, with the force, the commissioner who signed and the inspection answered"
    date = tables.DateColumn(short=False, order_by=then_pk("date"), default="Undated")
    file_name = tables.Column(order_by=then_pk("file_name"), linkify=True, verbose_name="Letter")
    force = tables.Column(linkify=True, order_by=then_pk("force__name"), default="Unknown")
    commissioner = tables.Column(
        linkify=True, order_by=then_pk("commissioner__name"), default="Unknown"
    )
    inspection = tables.Column(linkify=True, order_by=then_pk("inspection__title"), default="—")

    class Meta:
        model = Letter
        fields = ("date", "file_name", "force", "commissioner", "inspection")
        empty_text = "No letters match these filters."
        attrs = {"class": "data-table"}
        template_name = "includes/tables/letters.html"
