"""django-tables2 table for the letters list: sortable and paginated.

Its rows are written out by templates/includes/tables/letters.html (see inspections.tables for
why each table has its own row template).
"""

import django_tables2 as tables

from pccsite.exporting import Field, attr, link
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

    export_fields = (
        attr("id", "The letter's id in this dataset and the API"),
        attr("file_name", "The file it was loaded from"),
        link("url", "The letter's page, its facts highlighted", lambda x: x.get_absolute_url()),
        attr("date", "The date of the letter (ISO 8601)"),
        attr("reference", "Its reference, if it states one"),
        attr("force__name", "The force area (canonical name)", "force"),
        attr("force__ons_code", "ONS police force area code (GSS)", "force_code"),
        attr("commissioner_id", "The commissioner's id"),
        attr("commissioner__name", "Who signed it", "commissioner"),
        attr("recipient_name", "Who it is addressed to", "recipient"),
        attr("inspection_id", "The inspection it answers"),
        Field(
            "inspection", lambda x, links: str(x.inspection) if x.inspection else None, "Its title"
        ),
        attr("inspection__kind", "The inspection's kind", "inspection_kind"),
        attr("inspection__period", "The inspection cycle as the letters name it", "period"),
        attr("inspection__cycle", "The cycle it belongs to, as the tables group it", "cycle"),
        attr("causes_of_concern_count", "Causes of concern the letter counts"),
        attr("areas_for_improvement_count", "Areas for improvement the letter counts"),
        attr("sha256", "SHA-256 of the file's bytes"),
        Field("review_status", lambda x, links: x.review_status, "Whether a person checked it"),
    )
