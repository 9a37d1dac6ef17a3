"""Admin for the inspectorate's own grades (inspections.official_models).

Corrections are recorded in ``edited_fields`` like every Curated row, so ``import_grades``
keeps them; the row's file, line and wording as the source writes it are the import's alone.
Imported from admin.py, which Django's autodiscovery reads.
"""

from django import forms
from django.contrib import admin

from . import vocabulary as vocab
from .admin import CURATED_READONLY, URL_FIELDS, CuratedAdminMixin
from .official_models import OfficialGrade, OfficialGradeCount

READ_FROM = ("source_file", "source_line")


@admin.register(OfficialGrade)
class OfficialGradeAdmin(CuratedAdminMixin, admin.ModelAdmin):
    """One pillar's or area's grade as the inspectorate's page gives it."""

    list_display = ("force", "cycle", "area_as_written", "area", "grade", "checked", "source_line")
    list_filter = ("cycle", "checked", "grade", "area", "force")
    list_select_related = ("force",)
    search_fields = ("force__name", "area_as_written", "note", "source_url")
    readonly_fields = ("area_as_written", *READ_FROM, *CURATED_READONLY)
    formfield_overrides = URL_FIELDS

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # A person files a wording under one of the vocabulary's areas, never a typed key
        # that no page has a column for.
        if db_field.name == "area":
            choices = [("", "None: kept as written, on no area's column")]
            choices += [(key, label) for key, label in vocab.AREA_LABELS.items()]
            return forms.ChoiceField(
                choices=choices, required=False, label="Area", help_text=db_field.help_text
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(OfficialGradeCount)
class OfficialGradeCountAdmin(CuratedAdminMixin, admin.ModelAdmin):
    """A 2021-25 source's count of grades per value for one force and cycle."""

    list_display = ("force", "cycle", "summary", "checked", "source_line")
    list_filter = ("cycle", "checked", "force")
    list_select_related = ("force",)
    search_fields = ("force__name", "named_areas", "note", "source_url")
    readonly_fields = (*READ_FROM, *CURATED_READONLY)
    formfield_overrides = URL_FIELDS
