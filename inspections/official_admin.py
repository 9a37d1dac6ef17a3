"""Admin for the inspectorate's own grades (inspections.official_models).

Corrections are recorded in ``edited_fields`` like every Curated row, so ``import_grades``
keeps them; the row's file, line and wording as the source writes it are the import's alone.
Imported from admin.py, which Django's autodiscovery reads.
"""

from django.contrib import admin

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


@admin.register(OfficialGradeCount)
class OfficialGradeCountAdmin(CuratedAdminMixin, admin.ModelAdmin):
    """A 2021-25 source's count of grades per value for one force and cycle."""

    list_display = ("force", "cycle", "summary", "checked", "source_line")
    list_filter = ("cycle", "checked", "force")
    list_select_related = ("force",)
    search_fields = ("force__name", "named_areas", "note", "source_url")
    readonly_fields = (*READ_FROM, *CURATED_READONLY)
    formfield_overrides = URL_FIELDS
