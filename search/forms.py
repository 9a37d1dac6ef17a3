"""The search page's question and filters: read from the query string, kept while paging."""

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from inspections import vocabulary as vocab
from inspections.models import Commissioner, Force, Inspection
from pccsite.caching import PAGE_TIMEOUT, cache_namespace, data_version, version_key
from pccsite.listing import PlainSelect

from .models import SearchDocument
from .query import MAX_LENGTH

SCOPES = [("", "Letters and findings"), ("letter", "Letters"), ("finding", "Findings")]


def _cycles():
    cycles = Inspection.objects.public().exclude(cycle="").order_by("-cycle")
    cycles = cycles.values_list("cycle", flat=True)
    return [("", "Any cycle"), *((c, vocab.cycle_label(c)) for c in cycles.distinct())]


def _options_html(choices) -> str:
    """The <option>s of ``choices``, none selected, as PlainSelect writes them."""
    return format_html_join("", '<option value="{}">{}</option>', choices)


def _read_choices():
    choices = {
        "cycle": _cycles(),
        "force": [("", "All forces"), *Force.objects.by_name().values_list("pk", "name")],
        "commissioner": [
            ("", "Anyone"),
            *Commissioner.objects.by_name().values_list("pk", "name"),
        ],
    }
    return {name: (values, str(_options_html(values))) for name, values in choices.items()}


class WrittenSelect(PlainSelect):
    """PlainSelect's markup from options written once per data version (``filter_choices``):
    a request only marks the chosen one. Escaping hundreds of commissioners' names again for
    every search was a tenth of the page's time."""

    options_html = ""

    def render(self, name, value, attrs=None, renderer=None):
        options = self.options_html
        for chosen in dict.fromkeys(str(v) for v in self.format_value(value)):
            tag = format_html('<option value="{}">', chosen)
            options = options.replace(tag, f"{tag[:-1]} selected>", 1)
        final_attrs = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        # The options were escaped when written (format_html_join).
        return format_html("<select{}>{}</select>", final_attrs, mark_safe(options))  # noqa: S308


def filter_choices():
    """The cycle, force and commissioner choices (and their <option>s), read once per data
    version.

    They do not depend on the question and change only with the data: reading them (the
    public cycles are a DISTINCT over inspections and letters) was a fifth of every search.
    Stored with the data version they were read at, fetched with the current version in one
    round trip, and read again once a load or a correction has replaced that version. The
    version is read before the choices, so choices read during a load are stored under the
    older version and never outlive it.
    """
    key, versions = f"{cache_namespace()}:search-choices", version_key()
    found = cache.get_many([versions, key])
    version = found.get(versions) or data_version()
    stored = found.get(key)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == version:
        return stored[1]
    choices = _read_choices()
    cache.set(key, (version, choices), PAGE_TIMEOUT)
    return choices


class SearchForm(forms.Form):
    q = forms.CharField(label="Words", max_length=MAX_LENGTH, required=False)
    scope = forms.ChoiceField(label="Search in", choices=SCOPES, required=False, widget=PlainSelect)
    # Choices as (id, name) values, not model instances: the page is rendered for every
    # question, and building hundreds of Commissioner objects was most of its time.
    force = forms.TypedChoiceField(coerce=int, required=False, widget=WrittenSelect)
    commissioner = forms.TypedChoiceField(
        label="Signed by", coerce=int, required=False, widget=WrittenSelect
    )
    kind = forms.ChoiceField(
        label="Inspection kind",
        choices=[("", "Any kind"), *vocab.INSPECTION_KINDS],
        required=False,
        widget=PlainSelect,
    )
    cycle = forms.ChoiceField(label="Cycle", required=False, widget=WrittenSelect)
    date_from = forms.DateField(
        label="Letters from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="Letters to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once: a callable would be queried again for validation and for rendering.
        for name, (choices, options_html) in filter_choices().items():
            self.fields[name].choices = choices
            self.fields[name].widget.options_html = options_html

    def documents(self):
        """SearchDocument rows with the chosen filters applied (the form must be valid)."""
        data = self.cleaned_data
        documents = SearchDocument.objects.all()
        if data.get("scope"):
            documents = documents.filter(kind=data["scope"])
        if data.get("force"):
            documents = documents.filter(force_id=data["force"])
        if data.get("commissioner"):
            documents = documents.filter(commissioner_id=data["commissioner"])
        if data.get("kind"):
            documents = documents.filter(inspection_kind=data["kind"])
        if data.get("cycle"):
            documents = documents.filter(cycle=data["cycle"])
        if data.get("date_from"):
            documents = documents.filter(date__gte=data["date_from"])
        if data.get("date_to"):
            documents = documents.filter(date__lte=data["date_to"])
        return documents
