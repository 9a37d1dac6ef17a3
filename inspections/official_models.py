"""The inspectorate's own grades, a second source beside what the letters say.

Loaded from the reference CSVs in data/reference/ by ``import_grades`` (inspections.official):
``OfficialGrade`` is one grade of a named pillar or area of a force in a PEEL cycle, as the
inspectorate's page (or a reprint of it) gives it; ``OfficialGradeCount`` is a 2021-25 row's
count of grades per value, for forces whose sources give only counts. Every row keeps its
provenance (address, whether it was checked, the page's version, the note, file and line), and
staff corrections (``edited_fields``) survive a reload like every other Curated row.

Kept apart from models.py so the shared module grows by one import line; the foreign keys name
``inspections.Force`` as a string.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse

from pccsite.db import Curated

from . import vocabulary as vocab

UNVERIFIED_HELP = (
    "Shown as unverified: the source file marks it not checked, or gives no address to check."
)


class Provenance(Curated):
    """Where a reference row came from, and whether anyone checked it against its page."""

    source_url = models.URLField(max_length=500, blank=True)
    checked = models.BooleanField(default=False, help_text=UNVERIFIED_HELP)
    note = models.TextField(blank=True)
    source_file = models.CharField(max_length=200)
    source_line = models.PositiveIntegerField()

    class Meta:
        abstract = True

    @property
    def verified(self) -> bool:
        return self.checked and bool(self.source_url)

    @property
    def source_label(self) -> str:
        return f"{self.source_file}, line {self.source_line}"

    @property
    def cycle_label(self) -> str:
        return vocab.cycle_label(self.cycle)

    def get_cycle_url(self) -> str:
        return reverse("inspections:peel_cycle", args=[self.cycle])


class OfficialGradeQuerySet(models.QuerySet):
    def with_force(self):
        return self.select_related("force")

    def in_cycle(self, cycle):
        return self.filter(cycle=cycle)

    def graded(self):
        """Rows with a grade on an area the vocabulary knows: what pages compare."""
        return self.exclude(Q(grade="") | Q(area=""))


class OfficialGrade(Provenance):
    """One pillar's or area's grade for a force in a PEEL cycle, from the inspectorate's page."""

    force = models.ForeignKey(
        "inspections.Force", on_delete=models.PROTECT, related_name="official_grades"
    )
    cycle = models.CharField(max_length=20, db_index=True, help_text="vocabulary.cycle_for's key")
    area = models.CharField(
        max_length=50,
        blank=True,
        help_text="Canonical area key; empty when the source's wording maps to none",
    )
    area_as_written = models.CharField(max_length=300)
    grade = models.CharField(
        max_length=30,
        blank=True,
        choices=[(key, vocab.GRADE_LABELS[key]) for key in vocab.GRADES],
        help_text="Empty: the page says it was not graded",
    )
    grade_as_written = models.CharField(max_length=200, blank=True)
    page_version = models.CharField(max_length=100, blank=True)

    objects = OfficialGradeQuerySet.as_manager()

    class Meta:
        ordering = ["force__name", "cycle", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "cycle", "area_as_written"], name="unique_official_grade"
            )
        ]

    def __str__(self):
        return f"{self.force} {self.cycle_label} {self.area_label}: {self.grade_label}"

    @property
    def area_label(self) -> str:
        return (
            vocab.AREA_LABELS.get(self.area, self.area_as_written)
            if self.area
            else (self.area_as_written)
        )

    @property
    def grade_label(self) -> str:
        return vocab.GRADE_LABELS.get(self.grade, "Not graded") if self.grade else "Not graded"


class OfficialGradeCount(Provenance):
    """How many areas a force was graded each value in a 2021-25 cycle, as a source counts
    them; a count the source does not give is empty, never 0."""

    force = models.ForeignKey(
        "inspections.Force", on_delete=models.PROTECT, related_name="official_grade_counts"
    )
    cycle = models.CharField(max_length=20, db_index=True)
    areas_graded = models.PositiveSmallIntegerField(null=True, blank=True)
    outstanding = models.PositiveSmallIntegerField(null=True, blank=True)
    good = models.PositiveSmallIntegerField(null=True, blank=True)
    adequate = models.PositiveSmallIntegerField(null=True, blank=True)
    requires_improvement = models.PositiveSmallIntegerField(null=True, blank=True)
    inadequate = models.PositiveSmallIntegerField(null=True, blank=True)
    named_areas = models.TextField(blank=True, help_text="As the file writes them")

    objects = OfficialGradeQuerySet.as_manager()

    class Meta:
        ordering = ["force__name", "cycle"]
        constraints = [
            models.UniqueConstraint(fields=["force", "cycle"], name="unique_official_grade_count")
        ]

    def __str__(self):
        return f"{self.force} {self.cycle_label}: {self.summary}"

    @property
    def counts(self) -> list[tuple[str, int | None]]:
        """(grade key, count) in the scale's order; None where the source gives no count."""
        return [(grade, getattr(self, grade.replace("-", "_"))) for grade in vocab.FIVE_POINT]

    @property
    def summary(self) -> str:
        """ "1 outstanding, 2 good, 4 requires improvement of 9 areas": counts given, in words."""
        parts = [
            f"{count} {vocab.GRADE_LABELS[grade].lower()}" for grade, count in self.counts if count
        ]
        text = ", ".join(parts) or "no counts given"
        if self.areas_graded:
            text += f" of {self.areas_graded} areas"
        return text
