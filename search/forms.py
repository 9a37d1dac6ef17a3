"""The search page's question and filters: read from the query string, kept while paging."""

from django import forms

from inspections import vocabulary as vocab
from inspections.models import Commissioner, Force, Inspection
from pccsite.listing import PlainSelect

from .models import SearchDocument
from .query import MAX_LENGTH

SCOPES = [("", "Letters and findings"), ("letter", "Letters"), ("finding", "Findings")]


def _cycles():
    cycles = Inspection.objects.public().exclude(cycle="").order_by("-cycle")
    cycles = cycles.values_list("cycle", flat=True)
    return [("", "Any cycle"), *((c, vocab.cycle_label(c)) for c in cycles.distinct())]


class SearchForm(forms.Form):
    q = forms.CharField(label="Words", max_length=MAX_LENGTH, required=False)
    scope = forms.ChoiceField(label="Search in", choices=SCOPES, required=False, widget=PlainSelect)
    # Choices as (id, name) values, not model instances: the page is rendered for every
    # question, and building hundreds of Commissioner objects was most of its time.
    force = forms.TypedChoiceField(coerce=int, required=False, widget=PlainSelect)
    commissioner = forms.TypedChoiceField(
        label="Signed by", coerce=int, required=False, widget=PlainSelect
    )
    kind = forms.ChoiceField(
        label="Inspection kind",
        choices=[("", "Any kind"), *vocab.INSPECTION_KINDS],
        required=False,
        widget=PlainSelect,
    )
    cycle = forms.ChoiceField(label="Cycle", required=False, widget=PlainSelect)
    date_from = forms.DateField(
        label="Letters from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="Letters to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once: a callable would be queried again for validation and for rendering.
        self.fields["cycle"].choices = _cycles()
        forces = Force.objects.by_name().values_list("pk", "name")
        self.fields["force"].choices = [("", "All forces"), *forces]
        commissioners = Commissioner.objects.by_name().values_list("pk", "name")
        self.fields["commissioner"].choices = [("", "Anyone"), *commissioners]

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
