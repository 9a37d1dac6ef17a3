"""A PCC's letter (or statement) in response to an inspection, as loaded from its file."""

import posixpath
from collections import Counter

from django.conf import settings
from django.db import models
from django.urls import reverse

from inspections import vocabulary as vocab
from pccsite.db import Curated, hidden_letter, public_letters

# Load warnings about which inspection a letter was filed under begin with this; the
# inspection page shows them beside the letter (letters/loading/identity.py writes them).
FILING_NOTE = "Which inspection: "


class LetterQuerySet(models.QuerySet):
    def public(self):
        """What the public site shows and counts (pccsite.db.hidden_letter): every public page,
        table, chart and count starts here."""
        return public_letters(self)

    def with_context(self):
        return self.select_related("force", "commissioner", "inspection")

    def listing(self):
        """For lists and tables: the context, without the letters' full texts.

        An inspection without a title is named after its force, hence ``inspection__force``.
        """
        return (
            self.with_context()
            .select_related("inspection__force")
            .defer("text", "spans", "warnings")
        )

    def for_force(self, force):
        return self.filter(force=force)

    def for_commissioner(self, commissioner):
        return self.filter(commissioner=commissioner)

    def latest_first(self):
        return self.order_by(models.F("date").desc(nulls_last=True), "-pk")


FORMAT_CHOICES = [("txt", "Text"), ("pdf", "PDF"), ("docx", "Word"), ("html", "Web page")]
# How each format is served from /letters/<id>/original/: PDFs open in the browser's viewer;
# the others download, so a saved web page never runs as a page of this site.
ORIGINAL_CONTENT_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}


def original_path(letter, filename):
    """originals/ab/<sha256>/<file name>: one folder per content, so same-named files from
    different folders never meet, and unchanged bytes always have the same name."""
    return posixpath.join("originals", letter.sha256[:2], letter.sha256, filename)


class Attribution(models.TextChoices):
    """How a letter came to have (or not have) its commissioner."""

    NAMED = "named", "Named in the letter"
    INFERRED = "inferred", "Inferred from the date"
    NOT_IN_OFFICE = "not-in-office", "Names nobody in office"


class Letter(Curated):
    """One source file. Extracted values keep their character spans in ``spans``.

    ``spans`` maps a field name ("date", "reference", "force", "commissioner", "recipient",
    "inspection.title", "inspection.published", ...) to ``[start, end]`` offsets into ``text``.
    """

    source = models.CharField(max_length=500, unique=True, help_text="Path as loaded")
    file_name = models.CharField(max_length=255, db_index=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    # sha256 of the text as a reader sees it (letters.loading.files.text_fingerprint): the same
    # letter in other bytes (a BOM, CRLF, UTF-16, trailing spaces) is found by it.
    text_sha256 = models.CharField(max_length=64, db_index=True, blank=True)
    parser_version = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    format = models.CharField(
        max_length=4,
        choices=FORMAT_CHOICES,
        default="txt",
        help_text="The format the file was read as (letters/formats/)",
    )
    original = models.FileField(
        upload_to=original_path,
        max_length=400,
        blank=True,
        help_text="The file as loaded, byte for byte (its sha256 is sha256)",
    )
    ocr_confidence = models.FloatField(
        null=True,
        blank=True,
        help_text="Mean OCR word confidence (0-100) when pages were scans read by Tesseract",
    )

    date = models.DateField(null=True, blank=True)
    reference = models.CharField(max_length=200, blank=True)
    force = models.ForeignKey(
        "inspections.Force",
        on_delete=models.PROTECT,
        related_name="letters",
        null=True,
        blank=True,
    )
    commissioner = models.ForeignKey(
        "inspections.Commissioner",
        on_delete=models.SET_NULL,
        related_name="letters",
        null=True,
        blank=True,
    )
    # The loader reads the name the letter gives against the registry of who was in office
    # (letters.loading.registry); the name stays here as written, whatever it resolved to.
    commissioner_name_as_written = models.CharField(
        max_length=200, blank=True, help_text="The signer's name exactly as the letter gives it."
    )
    commissioner_title = models.CharField(
        max_length=20,
        choices=vocab.OFFICES,
        blank=True,
        help_text="The office on the letter's date: the registry's, else the letter's words.",
    )
    commissioner_attribution = models.CharField(
        max_length=20, choices=Attribution.choices, blank=True
    )
    commissioner_review = models.BooleanField(
        "commissioner needs review",
        default=False,
        db_index=True,
        help_text=(
            "The letter names someone the registry does not have in office for its force on its "
            "date. Choose the commissioner (or none), then untick this."
        ),
    )
    recipient_name = models.CharField(max_length=200, blank=True)
    recipient_salutation = models.CharField(max_length=300, blank=True)
    inspection = models.ForeignKey(
        "inspections.Inspection",
        on_delete=models.SET_NULL,
        related_name="letters",
        null=True,
        blank=True,
    )
    grade_summary = models.JSONField(default=dict, blank=True)
    causes_of_concern_count = models.PositiveIntegerField(null=True, blank=True)
    areas_for_improvement_count = models.PositiveIntegerField(null=True, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    spans = models.JSONField(default=dict, blank=True)
    # The parser's verdict (letters.parsing: ParsedLetter.pcc_response): a letter TO a
    # commissioner, or a chief constable's or the inspectorate's own statement, is stored (its
    # text may be searched for in the admin) but never shown or counted (pccsite.db.hidden_letter).
    pcc_response = models.BooleanField(
        "a commissioner's response",
        default=True,
        help_text=(
            "Whether the text is a policing body's response to an inspection. Unticked: kept, "
            "but hidden from the public site."
        ),
    )
    # Deleting a letter in the admin withdraws it: hidden from the public site and its figures,
    # kept with its revisions and corrections, and found again (never recreated) by a reload.
    withdrawn = models.BooleanField(
        default=False,
        help_text="Withdrawn by staff: hidden from the public site; the admin can restore it.",
    )

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "file_name"]
        permissions = [("upload_letters", "Can upload letter files in the admin")]
        # The latest letters overall, per force and per commissioner are on most pages.
        indexes = [
            models.Index(fields=["-date", "-id"], name="letter_latest"),
            models.Index(fields=["force", "-date"], name="letter_force_latest"),
            models.Index(fields=["commissioner", "-date"], name="letter_commissioner_latest"),
            # The few letters the public site does not show (pccsite.db.hidden_letters).
            models.Index(fields=["inspection"], condition=hidden_letter(), name="letter_hidden"),
        ]

    def __str__(self):
        when = self.date.isoformat() if self.date else "undated"
        return f"{self.file_name} ({when})"

    def get_absolute_url(self):
        return reverse("letters:letter_detail", args=[self.pk])

    @property
    def ocr(self) -> bool:
        return self.ocr_confidence is not None

    def grade_summary_differences(self, grades):
        """Where the counts the letter states disagree with the grades it names.

        Returns (grade key, label, stated count, named count) for every grade value the letter
        counts whose count differs from the grades it names. Only stated counts are compared:
        a letter that counts "three outstanding and four good" says nothing about how many
        adequate grades there were, so its adequate grades are no disagreement (a stated zero,
        "no inadequate grades", is compared). Empty when the letter states no summary.
        """
        stated = self.grade_summary or {}
        named = Counter(grade.grade for grade in grades)
        return [
            (key, vocab.GRADE_LABELS[key], stated[key], named.get(key, 0))
            for key in vocab.GRADES
            if key in stated and stated[key] != named.get(key, 0)
        ]

    @property
    def filing_notes(self):
        """The load's notes on which inspection this letter answers (see FILING_NOTE)."""
        return [note for note in self.warnings or [] if note.startswith(FILING_NOTE)]

    @property
    def grade_summary_items(self):
        """The stated counts as (grade key, label, count), best grade first."""
        return [
            (key, vocab.GRADE_LABELS[key], self.grade_summary[key])
            for key in vocab.GRADES
            if key in (self.grade_summary or {})
        ]


class LetterRevision(models.Model):
    """An earlier version of a letter, kept when its file changes or a newer parser reads it.

    ``extraction`` is what the site showed for that version, in the extraction contract's
    shape, read back from the stored rows (so a person's corrections appear as corrected, and
    each object lists its ``edited_fields``). ``created_at`` is when that version was loaded,
    ``replaced_at`` when a later load replaced it.
    """

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="revisions")
    sha256 = models.CharField(max_length=64)
    # A file holding an earlier version's text is that letter's earlier version, not a new one.
    text_sha256 = models.CharField(max_length=64, db_index=True, blank=True)
    parser_version = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    extraction = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    replaced_at = models.DateTimeField()

    class Meta:
        ordering = ["-replaced_at", "-pk"]

    def __str__(self):
        return f"{self.letter.file_name} as loaded {self.created_at:%Y-%m-%d %H:%M}"


class LoadRun(models.Model):
    """Files uploaded in the admin, loaded a few at a time by the progress page's requests.

    No worker process: the files are stored first (``paths``, in upload order), and every
    request to the run's progress page loads the next few with the same loader as
    ``load_letters``, recording each file's result (``results``: outcome, detail, letter id)
    until ``position`` reaches the end.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    paths = models.JSONField(default=list, help_text="The stored files, in upload order")
    # Files refused before they were stored (a format we do not read, an empty file).
    refused = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0, help_text="How many files are loaded")
    results = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "upload"

    def __str__(self):
        return f"Upload {self.pk} ({len(self.paths)} files)"

    @property
    def finished(self) -> bool:
        return self.position >= len(self.paths)

    def outcome_counts(self) -> dict[str, int]:
        return dict(Counter(result["outcome"] for result in self.results))
