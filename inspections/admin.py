"""Admin for forces, commissioners, inspections and their findings, plus the change history.

Rows the loader writes are Curated: whatever a person changes here is recorded in
``edited_fields`` (from the form's ``changed_data``), and the loader never overwrites those
fields again. Django's own history (LogEntry) records who changed what and when; a read-only
"Recent changes" page lists it across every model.

A load may change a row while a person has its form open. Every Curated form (and each inline
row) carries the row's version as it was shown (``row_version``, a fingerprint of its stored
values); a save whose row has changed since is refused with a message to reload, so a stale
form can neither write old values back nor record them as the person's edits, and
``changed_data`` is always measured against what the person saw. Character spans (start, end,
response_start, response_end) are the loader's alone: read-only here.

Deleting is a correction too (HiddenOnDeleteMixin): a grade or finding deleted here is kept,
marked ``deleted`` and hidden from the public site, so reloading its letter does not bring it
back; a letter deleted here is withdrawn the same way (letters.admin). The "Restore" action
brings any of them back.
"""

import hashlib
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html

from .models import AreaForImprovement, Commissioner, CommissionerTerm, Force, Grade, Inspection

CURATED_READONLY = (
    "edited_fields",
    "created_at",
    "updated_at",
    *("corrected_by", "corrected_at", "confirmed_by", "confirmed_at"),
)
# Where a grade's or finding's words are in its letter: only the loader, which read them, sets
# them; a hand-edited span would highlight the wrong words for good.
SPANS = ("start", "end", "response_start", "response_end")
ROW_VERSION = "row_version"
STALE = (
    "This {what} was changed since you opened it (a load of its letter, or another person, "
    "saved it meanwhile). Nothing was saved: reload the page to see the current values, then "
    "make your change again."
)


def row_version(obj) -> str:
    """A fingerprint of everything stored on the row: any save, by anyone, changes it."""
    values = {field.attname: field.value_from_object(obj) for field in obj._meta.concrete_fields}
    dumped = json.dumps(values, sort_keys=True, default=str)
    return hashlib.sha256(dumped.encode()).hexdigest()


class CuratedForm(forms.ModelForm):
    """A form that refuses to save over a row changed since it was shown (optimistic locking)."""

    row_version = forms.CharField(widget=forms.HiddenInput, required=False)
    # An inline row whose values are as stored is not saved, so its being stale harms nothing
    # (a load moved its spans, say). One whose posted values differ from the stored ones may
    # be the person's change or the load's: refused, as the parent row is whenever it changed.
    only_when_changed = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields[ROW_VERSION].initial = row_version(self.instance)

    def has_changed(self):
        # The version is not a value a person changes; an untouched inline row stays unsaved.
        return any(name != ROW_VERSION for name in self.changed_data)

    def clean(self):
        cleaned = super().clean()
        shown = cleaned.get(ROW_VERSION)
        # self.instance is still the row as stored now: the form's values go onto it later.
        if self.only_when_changed and not self.has_changed():
            return cleaned
        if self.instance.pk is not None and shown and shown != row_version(self.instance):
            raise forms.ValidationError(
                STALE.format(what=self.instance._meta.verbose_name), code="stale"
            )
        return cleaned


def _with_row_version(fieldsets):
    """The fieldsets with the hidden version field added to the first, if it is not there."""
    if ROW_VERSION in flatten_fieldsets(fieldsets):
        return fieldsets
    (name, options), *rest = fieldsets
    return [(name, {**options, "fields": (*options["fields"], ROW_VERSION)}), *rest]


def record_edits(obj, form, user) -> None:
    """The fields a person changed in ``form``, recorded on ``obj`` with who and when."""
    changed = [name for name in form.changed_data if name not in ("edited_fields", ROW_VERSION)]
    if hasattr(obj, "mark_edited") and changed:
        obj.mark_edited(changed, user, timezone.now())


class CuratedAdminMixin:
    """Records the fields a person changed, on the row itself and in its inlines, and refuses
    a save over a row changed since its form was opened (CuratedForm)."""

    actions = ["forget_corrections"]
    form = CuratedForm

    def get_fieldsets(self, request, obj=None):
        return _with_row_version(super().get_fieldsets(request, obj))

    # The character spans of the model's evidence (SPANS): read-only.
    span_fields = ()

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.span_fields)

    def save_model(self, request, obj, form, change):
        record_edits(obj, form, request.user)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form.has_changed() and not formset._should_delete_form(inline_form):
                record_edits(inline_form.instance, inline_form, request.user)
        super().save_formset(request, form, formset, change)

    @admin.action(description="Forget corrections: let the loader update these rows again")
    def forget_corrections(self, request, queryset):
        count = queryset.exclude(edited_fields=[]).update(edited_fields=[])
        self.message_user(request, f"Forgot the corrections on {count} rows.", messages.SUCCESS)


class HiddenOnDeleteMixin:
    """Deleting hides the row (sets ``hide_field``) instead of removing it; "Restore" undoes it.

    The delete page and the "delete selected" action keep their confirmation step, say what
    will happen instead, and log a change (the row is still there), not a deletion.
    """

    hide_field = "deleted"
    hidden_message = "Deleted: hidden from the public site; reloads leave it deleted."
    delete_confirmation_template = "admin/hidden_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/hidden_delete_selected_confirmation.html"

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            restore = type(self).restore
            actions["restore"] = (restore, "restore", restore.short_description)
        return actions

    def delete_model(self, request, obj):
        setattr(obj, self.hide_field, True)
        obj.save(update_fields=[self.hide_field, "updated_at"])

    def delete_queryset(self, request, queryset):
        # One by one, so each sends the signal that invalidates the page cache.
        for obj in queryset:
            self.delete_model(request, obj)

    def get_deleted_objects(self, objs, request):
        """Nothing is deleted, so nothing related goes with it: list only the rows themselves."""
        objs = list(objs)
        return [str(obj) for obj in objs], {self.opts.verbose_name_plural: len(objs)}, set(), []

    def log_deletions(self, request, queryset):
        return LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=queryset,
            action_flag=CHANGE,
            change_message=self.hidden_message,
        )

    @admin.action(description="Restore: show the selected rows on the public site again")
    def restore(self, request, queryset):
        count = 0
        for obj in queryset.filter(**{self.hide_field: True}):
            setattr(obj, self.hide_field, False)
            obj.save(update_fields=[self.hide_field, "updated_at"])
            count += 1
        self.message_user(request, f"Restored {count} rows.", messages.SUCCESS)


class HidingInlineFormSet(BaseInlineFormSet):
    """An inline's "Delete" box hides the row (``deleted``), as the row's own admin does, for
    rows that can be hidden (grades, findings); others (terms of office) are deleted."""

    def get_queryset(self):
        rows = super().get_queryset()
        return rows.filter(deleted=False) if _has_field(self.model, "deleted") else rows

    def delete_existing(self, obj, commit=True):
        if not _has_field(self.model, "deleted"):
            return super().delete_existing(obj, commit=commit)
        if commit:
            obj.deleted = True
            obj.save(update_fields=["deleted", "updated_at"])


class CuratedInlineForm(CuratedForm):
    only_when_changed = True


class CuratedInlineMixin:
    readonly_fields = CURATED_READONLY
    extra = 0
    show_change_link = True
    formset = HidingInlineFormSet
    form = CuratedInlineForm

    def get_fieldsets(self, request, obj=None):
        return _with_row_version(super().get_fieldsets(request, obj))


def _has_field(model, name) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


class GradeInline(CuratedInlineMixin, admin.TabularInline):
    model = Grade
    fields = ("area", "grade", "letter", "quote", "edited_fields", "updated_at")
    readonly_fields = CURATED_READONLY
    raw_id_fields = ("letter",)


class AreaForImprovementInline(CuratedInlineMixin, admin.StackedInline):
    model = AreaForImprovement
    fields = (("kind", "number", "status"), "text", "response", "letter", "edited_fields")
    readonly_fields = CURATED_READONLY
    raw_id_fields = ("letter",)


@admin.register(Force)
class ForceAdmin(admin.ModelAdmin):
    """Read-mostly: forces come from the vocabulary's data migration."""

    list_display = ("name", "short_name", "country", "slug")
    list_filter = ("country",)
    search_fields = ("name", "short_name", "aliases")
    readonly_fields = ("name", "slug", "country")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


TERM_PROVENANCE = ("registry_file", "registry_line", "registry_key")
# Sources are web pages; Django 6 makes https the scheme a bare address gets, so say it now.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class CommissionerTermInline(CuratedInlineMixin, admin.TabularInline):
    model = CommissionerTerm
    fields = (
        "role",
        ("start", "start_precision"),
        ("end", "end_precision"),
        ("how_started", "how_ended"),
        "party",
        "source_url",
        "checked",
        "registry_file",
        "registry_line",
        "edited_fields",
    )
    readonly_fields = (*TERM_PROVENANCE, *CURATED_READONLY)
    formfield_overrides = URL_FIELDS


class RegisteredFilter(admin.SimpleListFilter):
    """People loaded before the registry, or never in it, have no terms."""

    title = "in the registry"
    parameter_name = "registered"

    def lookups(self, request, model_admin):
        return [("yes", "With terms of office"), ("no", "Without terms (not in the registry)")]

    def queryset(self, request, queryset):
        registered = Commissioner.objects.registered().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=registered)
        if self.value() == "no":
            return queryset.exclude(pk__in=registered)
        return queryset


@admin.register(Commissioner)
class CommissionerAdmin(CuratedAdminMixin, admin.ModelAdmin):
    """People from the registry (import_commissioners), each with their terms of office."""

    list_display = ("name", "honorific", "title", "force", "edited_fields", "updated_at")
    list_filter = (RegisteredFilter, "title", "force")
    list_select_related = ("force",)
    search_fields = ("name", "force__name")
    readonly_fields = CURATED_READONLY
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CommissionerTermInline]


@admin.register(CommissionerTerm)
class CommissionerTermAdmin(CuratedAdminMixin, admin.ModelAdmin):
    """Terms of office as the registry files list them; corrections survive a re-import."""

    list_display = ("commissioner", "role", "start", "end", "how_started", "how_ended", "checked")
    list_filter = ("role", "checked", "commissioner__force")
    list_select_related = ("commissioner",)
    search_fields = ("commissioner__name", "note", "source_url")
    date_hierarchy = "start"
    raw_id_fields = ("commissioner",)
    readonly_fields = (*TERM_PROVENANCE, *CURATED_READONLY)
    formfield_overrides = URL_FIELDS


@admin.register(Inspection)
class InspectionAdmin(CuratedAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "force", "kind", "period", "cycle", "published", "edited_fields")
    list_filter = ("kind", "cycle", "force")
    list_select_related = ("force",)
    search_fields = ("title", "period", "force__name")
    date_hierarchy = "published"
    readonly_fields = ("cycle", "natural_key", *CURATED_READONLY)
    inlines = [GradeInline, AreaForImprovementInline]


@admin.register(Grade)
class GradeAdmin(HiddenOnDeleteMixin, CuratedAdminMixin, admin.ModelAdmin):
    span_fields = ("start", "end")
    list_display = (
        "inspection",
        "area",
        "grade",
        "letter",
        "deleted",
        "edited_fields",
        "updated_at",
    )
    list_filter = ("deleted", "grade", "area", "inspection__kind", "inspection__force")
    list_select_related = ("inspection__force", "letter")
    search_fields = ("area", "quote", "inspection__title", "inspection__force__name")
    readonly_fields = CURATED_READONLY
    raw_id_fields = ("inspection", "letter")


@admin.register(AreaForImprovement)
class AreaForImprovementAdmin(HiddenOnDeleteMixin, CuratedAdminMixin, admin.ModelAdmin):
    span_fields = SPANS
    list_display = (
        "__str__",
        "inspection",
        "status",
        "letter",
        "deleted",
        "edited_fields",
        "updated_at",
    )
    list_editable = ("status",)
    list_filter = ("deleted", "status", "kind", "inspection__force")
    list_select_related = ("inspection__force", "letter")
    search_fields = ("text", "response", "inspection__title", "inspection__force__name")
    readonly_fields = CURATED_READONLY
    raw_id_fields = ("inspection", "letter")


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
    """Recent changes across the site: who changed what, and when. Read-only."""

    list_display = ("action_time", "user", "action", "content_type", "object_link", "change")
    list_filter = ("action_flag", "content_type", "user")
    list_select_related = ("user", "content_type")
    search_fields = ("object_repr", "change_message", "user__username")
    date_hierarchy = "action_time"
    ordering = ("-action_time",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="action", ordering="action_flag")
    def action(self, entry):
        return entry.get_action_flag_display()

    @admin.display(description="object")
    def object_link(self, entry):
        url = None if entry.is_deletion() else entry.get_admin_url()
        if not url:
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', url, entry.object_repr)

    @admin.display(description="change")
    def change(self, entry):
        return entry.get_change_message()


# The inspectorate's own grades register their admin in their own module.
from . import official_admin  # noqa: E402, F401
