"""Forces, commissioners, inspections and what the letters say about them.

Every extracted row (Grade, AreaForImprovement) keeps the letter it was read from and the
character span of the words, so pages can highlight the evidence. Rows a person corrected in
the admin list the corrected fields in ``edited_fields``; the loader never overwrites those.
"""

from django.db import models
from django.urls import reverse

from . import vocabulary as vocab


class Curated(models.Model):
    """A row the loader writes and staff may correct; corrections survive later loads."""

    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields a person corrected in the admin. The loader leaves these alone.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def mark_edited(self, field_names):
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))


class ForceQuerySet(models.QuerySet):
    def by_name(self):
        return self.order_by("name")


class Force(models.Model):
    """One of the 43 territorial forces, created by a data migration from the vocabulary."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    short_name = models.CharField(max_length=100)
    country = models.CharField(max_length=20, default="England")
    aliases = models.JSONField(default=list, blank=True)

    objects = ForceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("inspections:force_detail", args=[self.slug])


class CommissionerQuerySet(models.QuerySet):
    def with_force(self):
        return self.select_related("force")


class Commissioner(Curated):
    class Title(models.TextChoices):
        PCC = "pcc", "Police and Crime Commissioner"
        PFCC = "pfcc", "Police, Fire and Crime Commissioner"
        MAYOR = "mayor", "Mayor"
        DEPUTY_MAYOR = "deputy-mayor", "Deputy Mayor for Policing and Crime"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    honorific = models.CharField(max_length=50, blank=True)
    title = models.CharField(max_length=20, choices=Title.choices, default=Title.PCC)
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="commissioners")

    objects = CommissionerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "force"], name="unique_commissioner_per_force")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("inspections:commissioner_detail", args=[self.slug])


class InspectionQuerySet(models.QuerySet):
    def with_force(self):
        return self.select_related("force")


class Inspection(Curated):
    """An HMICFRS report about a force. Several letters may answer the same inspection."""

    Kind = models.TextChoices("Kind", [(key, label) for key, label in vocab.INSPECTION_KINDS])

    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="inspections")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    title = models.CharField(max_length=500, blank=True)
    period = models.CharField(max_length=10, blank=True, help_text="YYYY or YYYY/YY")
    published = models.DateField(null=True, blank=True)
    # Which inspection a letter answers is identified by force, kind and the best stated
    # identifier (period, else publication date, else the letter's month), so a reload or a
    # second letter about it finds the same row instead of creating another.
    natural_key = models.CharField(max_length=100, editable=False)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-period"]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "kind", "natural_key"], name="unique_inspection_identity"
            )
        ]

    def __str__(self):
        return self.title or f"{self.force} {self.get_kind_display()} {self.period}".strip()

    def get_absolute_url(self):
        return reverse("inspections:inspection_detail", args=[self.pk])


class GradeQuerySet(models.QuerySet):
    def with_context(self):
        return self.select_related("inspection__force", "letter")


class Grade(Curated):
    """A grade for one area of an inspection, with the words of the letter it came from."""

    Value = models.TextChoices("Value", [(key, vocab.GRADE_LABELS[key]) for key in vocab.GRADES])

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="grades")
    area = models.CharField(max_length=50, help_text="Canonical area key, e.g. preventing-crime")
    grade = models.CharField(max_length=30, choices=Value.choices)
    letter = models.ForeignKey(
        "letters.Letter", on_delete=models.CASCADE, related_name="grades", null=True, blank=True
    )
    quote = models.TextField(blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)

    objects = GradeQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "area", "letter"], name="unique_grade_per_letter"
            )
        ]

    def __str__(self):
        return f"{self.area_label}: {self.get_grade_display()}"

    @property
    def area_label(self):
        return vocab.AREA_LABELS.get(self.area, self.area)

    @property
    def rank(self):
        return vocab.GRADE_RANK[self.grade]


class AreaForImprovementQuerySet(models.QuerySet):
    def with_context(self):
        return self.select_related("inspection__force", "letter")


class AreaForImprovement(Curated):
    """A numbered finding: an area for improvement, a cause of concern or a recommendation."""

    class Kind(models.TextChoices):
        AFI = "afi", "Area for improvement"
        CAUSE_OF_CONCERN = "cause-of-concern", "Cause of concern"
        RECOMMENDATION = "recommendation", "Recommendation"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in-progress", "In progress"
        CLOSED = "closed", "Closed"

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="areas_for_improvement"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.AFI)
    number = models.PositiveIntegerField()
    text = models.TextField()
    response = models.TextField(blank=True)
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.OPEN,
        help_text="Set by staff; the loader never changes it.",
    )
    letter = models.ForeignKey(
        "letters.Letter",
        on_delete=models.CASCADE,
        related_name="areas_for_improvement",
        null=True,
        blank=True,
    )
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    response_start = models.PositiveIntegerField(null=True, blank=True)
    response_end = models.PositiveIntegerField(null=True, blank=True)

    objects = AreaForImprovementQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "kind", "number"]
        verbose_name = "area for improvement"
        verbose_name_plural = "areas for improvement"
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "kind", "number", "letter"], name="unique_finding_per_letter"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"
