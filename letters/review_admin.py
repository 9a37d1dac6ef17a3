"""The admin's review work: the queue, one letter's review screen, uploads and their progress.

Added to LetterAdmin's URLs (``review_urls``):

- ``review/``: letters nobody has confirmed, riskiest first, with the reasons in words
  (letters.review), filtered by force, inspection kind, period, reason or upload;
- ``review/<id>/``: the letter's text with every fact highlighted beside the facts as a form;
  "Save corrections" and "Confirm" (which also saves any corrections first);
- ``upload/``: one or more files, for staff with ``letters.upload_letters``;
- ``upload/<run>/``: the run's progress; each POST loads the next few files, a small script
  posts again until the run is done, and a "Continue" button does it without script.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from inspections import vocabulary as vocab
from inspections.models import Force

from .highlighting import highlight
from .loading import printable
from .models import Letter, LoadRun
from .review import (
    REASON_CHOICES,
    Review,
    fact_provenance,
    review_queue,
    row_provenance,
    unconfirmed,
)
from .uploads import advance, run_letter_ids, store_uploads

QUEUE_PAGE = 50
CLASH = (
    "Nothing was saved: the correction would duplicate another row (an inspection of this "
    "force and kind with the same identity, or a second grade for one area). Correct it on the "
    "full form of the row instead."
)
ACCEPT = ".txt,.pdf,.docx,.html,.htm"


class QueueFilters(forms.Form):
    force = forms.ModelChoiceField(Force.objects.order_by("name"), required=False)
    kind = forms.ChoiceField(
        choices=[("", "Any kind"), *vocab.INSPECTION_KINDS], required=False, label="Inspection kind"
    )
    period = forms.CharField(required=False, label="Inspection period", max_length=10)
    reason = forms.ChoiceField(choices=[("", "Any reason"), *REASON_CHOICES], required=False)
    run = forms.IntegerField(required=False, widget=forms.HiddenInput)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT}))
        # An empty file is refused by the loader, by name, as the command refuses it.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Letter files",
        help_text="One or more .txt, .pdf, .docx, .html or .htm files (hold Ctrl or Shift).",
    )


def review_urls(model_admin):
    wrap = model_admin.admin_site.admin_view
    views = ReviewViews(model_admin)
    return [
        path("review/", wrap(views.queue), name="letters_letter_review_queue"),
        path("review/<int:pk>/", wrap(views.review), name="letters_letter_review"),
        path("upload/", wrap(views.upload), name="letters_letter_upload"),
        path("upload/<int:pk>/", wrap(views.progress), name="letters_letter_upload_progress"),
    ]


class ReviewViews:
    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.site = model_admin.admin_site

    def _context(self, request, title, **extra):
        return {
            **self.site.each_context(request),
            "title": title,
            "opts": Letter._meta,
            "can_upload": request.user.has_perm("letters.upload_letters"),
            **extra,
        }

    @staticmethod
    def _require(request, permission):
        if not request.user.has_perm(permission):
            raise PermissionDenied

    def queue(self, request):
        self._require(request, "letters.change_letter")
        filters = QueueFilters(request.GET or None)
        chosen = filters.cleaned_data if filters.is_valid() else {}
        letters = unconfirmed(
            force=chosen.get("force") and chosen["force"].pk,
            kind=chosen.get("kind"),
            period=chosen.get("period"),
        )
        run = chosen.get("run") and LoadRun.objects.filter(pk=chosen["run"]).first()
        if run:
            letters = letters.filter(pk__in=run_letter_ids(run))
        risks = review_queue(letters, chosen.get("reason") or None)
        page = Paginator(risks, QUEUE_PAGE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = self._context(
            request,
            "Review queue: letters not yet confirmed",
            filters=filters,
            page=page,
            total=len(risks),
            run=run,
            query=query.urlencode(),
        )
        return TemplateResponse(request, "admin/letters/review_queue.html", context)

    def review(self, request, pk):
        self._require(request, "letters.change_letter")
        letter = get_object_or_404(
            Letter.objects.select_related(
                "force",
                "commissioner",
                "inspection",
                "corrected_by",
                "confirmed_by",
                "inspection__corrected_by",
                "inspection__confirmed_by",
            ),
            pk=pk,
        )
        review = Review(letter, request.POST if request.method == "POST" else None)
        if request.method == "POST" and review.is_valid():
            confirm = "confirm" in request.POST
            try:
                corrected = review.save(request.user, confirm=confirm)
            except IntegrityError:
                # The change would make a second row of a unique one (an inspection of this
                # force, kind and publication date exists already): nothing was saved.
                messages.error(request, CLASH)
                return redirect("admin:letters_letter_review", pk=letter.pk)
            return self._after_save(request, letter, corrected, confirm)
        if request.method == "POST":
            messages.error(request, "Nothing was saved: see the messages beside the facts.")
        return TemplateResponse(
            request, "admin/letters/review_letter.html", self._review_context(request, review)
        )

    def _after_save(self, request, letter, corrected, confirm):
        said = "; ".join(corrected)
        if corrected:
            self.model_admin.log_change(request, letter, f"Corrected on the review screen: {said}")
        if confirm:
            self.model_admin.log_change(request, letter, "Confirmed on the review screen")
            done = f"Confirmed {letter}" + (f", with corrections: {said}." if said else ".")
            messages.success(request, done)
            return redirect(_next_in_queue(letter) or reverse("admin:letters_letter_review_queue"))
        messages.success(request, f"Saved corrections: {said}." if said else "Nothing changed.")
        return redirect("admin:letters_letter_review", pk=letter.pk)

    def _review_context(self, request, review):
        letter = review.letter
        from .admin import evidence_spans  # the admin's spans: the same marks as its change form

        version = letter.parser_version
        facts = fact_provenance(letter, public=False)
        letter_fields = [(f, facts.get(f.name)) for f in review.letter_form.visible_fields()]
        inspection_fields = (
            [
                (f, facts.get(f"inspection.{f.name}"))
                for f in review.inspection_form.visible_fields()
            ]
            if review.inspection_form is not None
            else []
        )
        rows = [
            (form, row_provenance(form.instance, version, public=False, text=letter.text))
            for formset in (review.grades, review.findings)
            for form in formset.forms
        ]
        count = len(review.grades.forms)
        return self._context(
            request,
            f"Review {letter.file_name}",
            letter=letter,
            review=review,
            errors=review.errors(),
            letter_fields=letter_fields,
            inspection_fields=inspection_fields,
            grade_rows=rows[:count],
            finding_rows=rows[count:],
            highlighted=highlight(letter.text, evidence_spans(letter)),
            differences=letter.grade_summary_differences(
                [form.instance for form in review.grades.forms]
            ),
        )

    def upload(self, request):
        self._require(request, "letters.upload_letters")
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            run = store_uploads(form.cleaned_data["files"], request.user)
            return redirect("admin:letters_letter_upload_progress", pk=run.pk)
        context = self._context(request, "Upload letters", form=form)
        return TemplateResponse(request, "admin/letters/upload.html", context)

    def progress(self, request, pk):
        self._require(request, "letters.upload_letters")
        run = get_object_or_404(LoadRun, pk=pk)
        if request.method == "POST":
            advance(run)
            return redirect("admin:letters_letter_upload_progress", pk=run.pk)
        context = self._context(
            request,
            f"Upload {run.pk}: {'done' if run.finished else 'loading'}",
            run=run,
            loaded=len(run.results),
            total=len(run.paths),
            counts=sorted(run.outcome_counts().items()),
            refused=[{**row, "name": printable(row["name"])} for row in run.refused],
        )
        return TemplateResponse(request, "admin/letters/upload_progress.html", context)


def _next_in_queue(letter):
    """The riskiest letter left in the queue, to go on to after confirming one."""
    left = review_queue(unconfirmed().exclude(pk=letter.pk))
    if not left:
        return None
    return reverse("admin:letters_letter_review", args=[left[0].letter.pk])
