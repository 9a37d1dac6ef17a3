"""Forces, commissioners, inspections and what the letters say about them.

Every extracted row (Grade, AreaForImprovement) keeps the letter it was read from and the
character span of the words, so pages can highlight the evidence. Rows a person corrected in
the admin list the corrected fields in ``edited_fields``; the loader never overwrites those.
"""

import datetime as dt

from django.db import models
from django.db.models import Max, Min, OuterRef, Prefetch, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse

from pccsite.db import Curated, related_count, related_date

from . import vocabulary as vocab


def area_order(area):
    """Sort key for area keys: the vocabulary's order (pillars, then 2021+ areas), unknown last."""
    keys = list(vocab.AREA_LABELS)
    return (keys.index(area), area) if area in keys else (len(keys), area)


def letters_of(model):
    """Every letter, reached through ``model``'s reverse relation ``letters``.

    The letters app builds on this one (a Letter points at its force, commissioner and
    inspection), so this app reaches letters through those relations rather than importing it.
    """
    return model._meta.get_field("letters").related_model.objects.all()


class ForceQuerySet(models.QuerySet):
    def by_name(self):
        return self.order_by("name")

    def with_counts(self):
        """Numbers of letters, inspections, AFIs and findings of every kind, one subquery each."""
        return self.annotate(
            letter_count=related_count(letters_of(self.model), "force"),
            inspection_count=related_count(Inspection.objects.all(), "force"),
            afi_count=related_count(
                AreaForImprovement.objects.filter(kind="afi"), "inspection__force"
            ),
            finding_count=related_count(AreaForImprovement.objects.all(), "inspection__force"),
        )

    def listing(self):
        """What the forces table shows: counts, the latest letter and its commissioner.

        The table reads the latest grades for the forces it shows in one query of its own
        (ForceTable.rows_with_latest_grades).
        """
        letters = letters_of(self.model)
        signed = letters.filter(force=OuterRef("pk"), commissioner__isnull=False)
        signed = signed.order_by(models.F("date").desc(nulls_last=True), "-pk")
        return self.annotate(
            letter_count=related_count(letters, "force"),
            inspection_count=related_count(Inspection.objects.all(), "force"),
            afi_count=related_count(
                AreaForImprovement.objects.filter(kind="afi"), "inspection__force"
            ),
            latest_letter_date=related_date(letters, "force", Max),
            current_commissioner_name=Subquery(signed.values("commissioner__name")[:1]),
            current_commissioner_slug=Subquery(signed.values("commissioner__slug")[:1]),
        )

    def with_stats(self):
        """``listing()`` with the grades ``Force.latest_grades`` reads prefetched.

        Only the newest grade per area is prefetched (a window function), with just the
        inspections holding them, rather than every grade of every force's history.
        """
        latest = Grade.objects.latest_per_force_area()
        return self.listing().prefetch_related(
            Prefetch(
                "inspections",
                queryset=Inspection.objects.filter(
                    pk__in=Subquery(latest.values("inspection_id"))
                ).order_by(),
            ),
            Prefetch("inspections__grades", queryset=latest),
        )


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

    @property
    def latest_grades(self):
        """The most recent grade for each area, in the vocabulary's area order.

        Reads prefetched inspections and grades (ForceQuerySet.with_stats), so a table of
        forces costs no query per row.
        """
        latest = {}
        for inspection in self.inspections.all():
            for grade in inspection.grades.all():
                key = (getattr(grade, "when", None) or dt.date.min, grade.pk)
                if grade.area not in latest or key > latest[grade.area][0]:
                    latest[grade.area] = (key, grade)
        return [latest[area][1] for area in sorted(latest, key=area_order)]


class CommissionerQuerySet(models.QuerySet):
    def with_force(self):
        return self.select_related("force")

    def for_force(self, force):
        return self.filter(force=force)

    def by_name(self):
        """Alphabetical, ties (two people of one name) in a fixed order."""
        return self.order_by("name", "pk")

    def with_letter_stats(self):
        """First and last letter dates and the number of letters, for tables and timelines.

        One indexed subquery each rather than a join and GROUP BY: grouped, every other
        subquery annotation (with_finding_count) ran once per letter instead of once per row.
        """
        letters = letters_of(self.model)
        return self.with_force().annotate(
            first_letter=related_date(letters, "commissioner", Min),
            last_letter=related_date(letters, "commissioner", Max),
            letter_count=related_count(letters, "commissioner"),
        )

    def with_finding_count(self):
        """How many findings (of every kind) this commissioner's letters report."""
        return self.annotate(
            finding_count=related_count(AreaForImprovement.objects.all(), "letter__commissioner")
        )

    def by_term(self):
        return self.order_by(models.F("first_letter").asc(nulls_last=True), "name")


class Commissioner(Curated):
    # One list of offices for the model, the admin, the parser and the extraction contract.
    # Members are (NAME, (value, label)): Title.PCC, Title.PFCC, Title.MAYOR ...
    Title = models.TextChoices(
        "Title",
        [(key.upper().replace("-", "_"), (key, label)) for key, label in vocab.COMMISSIONER_TITLES],
    )

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

    @property
    def display_title(self):
        """The title with the force area, as letters sign it."""
        return f"{self.get_title_display()}, {self.force.short_name}"


class InspectionQuerySet(models.QuerySet):
    def with_force(self):
        return self.select_related("force")

    def for_force(self, force):
        return self.filter(force=force)

    def with_counts(self):
        letters = letters_of(self.model)
        return self.with_force().annotate(
            grade_count=related_count(Grade.objects.all(), "inspection"),
            letter_count=related_count(letters, "inspection"),
            afi_count=related_count(AreaForImprovement.objects.filter(kind="afi"), "inspection"),
            first_letter=related_date(letters, "inspection", Min),
        )

    def latest_first(self):
        """Newest first by publication date, else by the date of the first letter answering it."""
        first_letter = related_date(letters_of(self.model), "inspection", Min)
        return self.annotate(when=Coalesce("published", first_letter)).order_by(
            models.F("when").desc(nulls_last=True), "-pk"
        )


class Inspection(Curated):
    """An HMICFRS report about a force. Several letters may answer the same inspection."""

    # Members are (NAME, (value, label)): the stored value is the vocabulary's key.
    Kind = models.TextChoices(
        "Kind",
        [(key.upper().replace("-", "_"), (key, label)) for key, label in vocab.INSPECTION_KINDS],
    )

    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="inspections")
    kind = models.CharField(max_length=40, choices=Kind.choices)
    title = models.CharField(max_length=500, blank=True)
    period = models.CharField(
        max_length=10, blank=True, help_text="As the letters write it: YYYY or YYYY/YY"
    )
    # The period as the framework's cycle, for grouping and filtering ("2023/24" and
    # "2023-2025" are both "2023-25"): vocabulary.cycle_for, worked out on every save.
    cycle = models.CharField(max_length=20, blank=True, editable=False, db_index=True)
    published = models.DateField(null=True, blank=True)
    # Which inspection a letter answers is identified by force, kind and the best stated
    # identifier (publication date, else cycle, else the letter's month), so a reload or a
    # second letter about it finds the same row instead of creating another
    # (letters/loading/identity.py).
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

    def save(self, *args, **kwargs):
        # The cycle follows the period, kind and date wherever they are changed: the admin, the
        # loader's fill-ins. (Bulk creation skips save(): the loader calls refresh_cycle.)
        self.refresh_cycle()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"kind", "period", "published"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "cycle"}
        super().save(*args, **kwargs)

    def refresh_cycle(self) -> bool:
        """Set ``cycle`` from the kind, period and publication date; whether it changed."""
        cycle = self.cycle_of(self.kind, self.period, self.published)
        changed, self.cycle = cycle != self.cycle, cycle
        return changed

    @staticmethod
    def cycle_of(kind: str, period: str, published: dt.date | None) -> str:
        """vocabulary.cycle_for, for code that reads the vocabulary through the models."""
        return vocab.cycle_for(kind, period, published)

    def others_of_its_cycle(self):
        """Other inspections of this force, kind and cycle: reports that letters naming the
        period alone cannot tell apart (their publication dates can)."""
        if not self.cycle:
            return Inspection.objects.none()
        same = Inspection.objects.filter(force=self.force_id, kind=self.kind, cycle=self.cycle)
        return same.exclude(pk=self.pk)

    @property
    def cycle_label(self) -> str:
        return vocab.cycle_label(self.cycle)

    @property
    def period_as_written(self) -> str:
        """The letters' wording of the period where it says more than the cycle's label
        ("2023/24" of cycle 2023-25), else "": tables show it beside the cycle."""
        if not self.period or self.period.replace("/", "-") == self.cycle:
            return ""
        return self.period

    def get_absolute_url(self):
        return reverse("inspections:inspection_detail", args=[self.pk])

    @property
    def kind_label(self):
        return vocab.KIND_LABELS.get(self.kind, self.kind)


class GradeQuerySet(models.QuerySet):
    def with_context(self):
        return self.select_related("inspection__force", "letter")

    def dated(self):
        """Annotate ``when``: the publication date, else the date of the letter it came from."""
        return self.annotate(when=Coalesce("inspection__published", "letter__date"))

    def for_force(self, force):
        return self.filter(inspection__force=force)

    def for_commissioner(self, commissioner):
        """Grades of the inspections this commissioner answered with a letter."""
        answered = Inspection.objects.filter(letters__commissioner=commissioner)
        return self.filter(inspection__in=answered)

    def answered_by(self, commissioner):
        """Grades of the commissioner's force and of any inspection they answered, ``answered``
        annotated: the commissioner's page draws both timelines from these rows, one query."""
        answered = Inspection.objects.filter(letters__commissioner=commissioner)
        # The OR inside a subquery of inspections, where SQLite answers it from two indexes;
        # on the grades it scanned the whole table.
        inspections = Inspection.objects.filter(
            models.Q(force=commissioner.force_id) | models.Q(pk__in=answered.values("pk"))
        )
        return self.filter(inspection__in=inspections).annotate(
            answered=models.Exists(answered.filter(pk=models.OuterRef("inspection")))
        )

    def timeline(self, *extra):
        """Oldest first, as named tuples of only what a timeline's points and table show
        (charts.points_from_grades), plus the ``extra`` fields or annotations named.

        Model instances (a grade, its inspection and force per row) cost more than drawing a
        force's timeline; the values of a dozen columns cost a fraction of it.
        """
        return (
            self.dated()
            .order_by(models.F("when").asc(nulls_last=True), "inspection_id", "area", "pk")
            .values_list(
                *("pk", "when", "area", "grade", "letter_id", "quote", "start"),
                *("inspection_id", "inspection__title", "inspection__kind"),
                *("inspection__period", "inspection__force__name"),
                *extra,
                named=True,
            )
        )

    def latest_per_force_area(self):
        """The newest dated grade of each area for each force (ties: the later row)."""
        newest = Window(
            RowNumber(),
            partition_by=[models.F("inspection__force_id"), models.F("area")],
            order_by=[models.F("when").desc(nulls_last=True), models.F("pk").desc()],
        )
        return self.dated().annotate(newest=newest).filter(newest=1).order_by()

    def in_framework(self, framework):
        """Grades dated within one PEEL framework (up to the next framework's start)."""
        later = [f.starts for f in vocab.FRAMEWORKS if f.starts > framework.starts]
        grades = self.dated().filter(when__gte=framework.starts)
        return grades.filter(when__lt=min(later)) if later else grades


class Grade(Curated):
    """A grade for one area of an inspection, with the words of the letter it came from."""

    Value = models.TextChoices(
        "Value",
        [(key.upper().replace("-", "_"), (key, vocab.GRADE_LABELS[key])) for key in vocab.GRADES],
    )

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

    @property
    def grade_label(self):
        return vocab.GRADE_LABELS.get(self.grade, self.grade)

    @property
    def anchor(self):
        return f"grade-{self.pk}"

    @property
    def evidence_url(self):
        """The letter page scrolled to the highlighted quote, else the inspection page."""
        if self.letter_id and self.start is not None:
            return f"{reverse('letters:letter_detail', args=[self.letter_id])}#{self.anchor}"
        if self.letter_id:
            return reverse("letters:letter_detail", args=[self.letter_id])
        return self.inspection.get_absolute_url()


class AreaForImprovementQuerySet(models.QuerySet):
    def with_context(self):
        """With the inspection and force; links to the letter need only ``letter_id``."""
        return self.select_related("inspection__force")

    def for_force(self, force):
        return self.filter(inspection__force=force)

    def for_commissioner(self, commissioner):
        return self.filter(letter__commissioner=commissioner)

    def by_inspection(self):
        return self.order_by(
            models.F("inspection__published").desc(nulls_last=True),
            "inspection_id",
            "kind",
            "number",
        )


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

    @property
    def anchor(self):
        return f"{self.kind}-{self.pk}"

    @property
    def evidence_url(self):
        if self.letter_id:
            return f"{reverse('letters:letter_detail', args=[self.letter_id])}#{self.anchor}"
        return self.inspection.get_absolute_url()
