"""A PCC's letter (or statement) in response to an inspection, as loaded from a text file."""

from django.db import models
from django.urls import reverse

from inspections.models import Curated


class LetterQuerySet(models.QuerySet):
    def with_context(self):
        return self.select_related("force", "commissioner", "inspection")


class Letter(Curated):
    """One source file. Extracted values keep their character spans in ``spans``.

    ``spans`` maps a field name ("date", "reference", "force", "commissioner", "recipient",
    "inspection.title", "inspection.published", ...) to ``[start, end]`` offsets into ``text``.
    """

    source = models.CharField(max_length=500, unique=True, help_text="Path as loaded")
    file_name = models.CharField(max_length=255, db_index=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    parser_version = models.CharField(max_length=20, blank=True)
    text = models.TextField()

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

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "file_name"]

    def __str__(self):
        when = self.date.isoformat() if self.date else "undated"
        return f"{self.file_name} ({when})"

    def get_absolute_url(self):
        return reverse("letters:letter_detail", args=[self.pk])
