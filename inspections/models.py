"""Forces, commissioners, inspections and what the letters say about them.

Every extracted row (Grade, AreaForImprovement) keeps the letter it was read from and the
character span of the words, so pages can highlight the evidence. Rows a person corrected in
the admin list the corrected fields in ``edited_fields``; the loader never overwrites those.
"""

import calendar
import datetime as dt

from django.db import models
from django.db.models import Exists, Max, Min, OuterRef, Prefetch, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse

from pccsite.db import (
    Curated,
    hidden_letter,
    plans_from_statistics,
    public_letter,
    public_rows,
    related_count,
    related_date,
)

from . import section55
from . import vocabulary as vocab

# A grade or finding deleted in the admin is kept, hidden, so that reloading its letter does not
# bring it back: the deletion is a correction like any other.
DELETED_HELP = "Deleted by staff: hidden from the public site, never recreated by a reload."


def area_order(area):
    """Sort key for area keys: the vocabulary's order (pillars, then 2021+ areas), unknown last."""
    keys = list(vocab.AREA_LABELS)
    return (keys.index(area), area) if area in keys else (len(keys), area)


def letters_of(model):
    """Every public letter, reached through ``model``'s reverse relation ``letters``.

    The letters app builds on this one (a Letter points at its force, commissioner and
    inspection), so this app reaches letters through those relations rather than importing it.
    """
    return model._meta.get_field("letters").related_model.objects.public()


class ForceQuerySet(models.QuerySet):
    def by_name(self):
        return self.order_by("name")

    def with_counts(self):
        """Numbers of letters, inspections, AFIs and findings of every kind, one subquery each."""
        return self.annotate(
            letter_count=related_count(letters_of(self.model), "force"),
            inspection_count=related_count(Inspection.objects.public(), "force"),
            afi_count=related_count(
                AreaForImprovement.objects.public().filter(kind="afi"), "inspection__force"
            ),
            finding_count=related_count(AreaForImprovement.objects.public(), "inspection__force"),
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
            inspection_count=related_count(Inspection.objects.public(), "force"),
            afi_count=related_count(
                AreaForImprovement.objects.public().filter(kind="afi"), "inspection__force"
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
        latest = Grade.objects.public().latest_per_force_area()
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
    ons_code = models.CharField(
        "ONS code",
        max_length=9,
        blank=True,
        help_text="The police force area's GSS code (E23…, W15…): vocabulary.ONS_CODES",
    )

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

    def registered(self):
        """People the registry lists: those with at least one term of office."""
        return self.filter(Exists(CommissionerTerm.objects.filter(commissioner=OuterRef("pk"))))

    def signers(self):
        """People with at least one letter loaded: the choices of a "signed by" filter."""
        letters = letters_of(self.model).filter(commissioner=OuterRef("pk"))
        return self.filter(Exists(letters))

    def with_terms(self):
        """Each person's terms, oldest first, in one query for the lot."""
        return self.prefetch_related(
            Prefetch("terms", queryset=CommissionerTerm.objects.order_by("start", "pk"))
        )

    def with_term_span(self):
        """``term_start`` (their first term's start), ``term_end`` (their last term's end), the
        precision of each, and ``in_office`` (a term without an end), one subquery each."""
        terms = CommissionerTerm.objects.filter(commissioner=OuterRef("pk")).order_by()
        first = terms.values("commissioner").annotate(d=Min("start")).values("d")
        last = terms.values("commissioner").annotate(d=Max("end")).values("d")
        return self.annotate(
            term_start=Subquery(first),
            term_end=Subquery(last),
            # A month-precision date is printed as its month ("May 2016"), never as the 1st.
            term_start_precision=Subquery(terms.order_by("start").values("start_precision")[:1]),
            term_end_precision=Subquery(
                terms.order_by(models.F("end").desc(nulls_first=True)).values("end_precision")[:1]
            ),
            in_office=Exists(terms.filter(end__isnull=True)),
        )

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
            finding_count=related_count(AreaForImprovement.objects.public(), "letter__commissioner")
        )

    def by_term(self):
        """Oldest first by their first term (``with_term_span``), then by their first letter."""
        return self.order_by(
            models.F("term_start").asc(nulls_last=True),
            models.F("first_letter").asc(nulls_last=True),
            "name",
        )


class Commissioner(Curated):
    """One person who held (or, loaded before the registry, was read as holding) the office
    for a force: one row per person and force, whatever their number of terms.

    The registry (``import_commissioners``) creates these rows with their terms
    (CommissionerTerm); the letter loader only links letters to them and never creates one.
    ``title`` and ``honorific`` are those of the person's latest term.
    """

    # One list of offices for the model, the registry, the admin and the extraction contract:
    # the parser's titles plus the City of London's police authority.
    # Members are (NAME, (value, label)): Title.PCC, Title.PFCC, Title.MAYOR ...
    Title = models.TextChoices(
        "Title",
        [(key.upper().replace("-", "_"), (key, label)) for key, label in vocab.OFFICES],
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

    def signer_label(self):
        """The person with their force, for choices: two people may share a name."""
        return f"{self.name} ({self.force.short_name})"

    @property
    def display_title(self):
        """The title with the force area, as letters sign it."""
        return f"{self.get_title_display()}, {self.force.short_name}"


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


class CommissionerTermQuerySet(models.QuerySet):
    def for_force(self, force):
        return self.filter(commissioner__force=force)

    def on(self, day: dt.date):
        """Terms whose span holds ``day``; a month-precision bound holds its whole month."""
        return self.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))

    def in_office(self, force, day: dt.date):
        """The terms of ``force`` (a Force or its pk) in office on ``day``, deputies included."""
        return self.for_force(force).on(day).select_related("commissioner")

    def office_holders(self):
        """Without statutory deputy mayors: they act for the mayor, who holds the office."""
        return self.exclude(role=Commissioner.Title.DEPUTY_MAYOR)

    def latest_first(self):
        """The term that began last first: on a day two terms share (an acting commissioner
        beside one who is ill, a month-precision handover) it is the one doing the job."""
        return self.order_by("-start", "-pk")

    def by_start(self):
        return self.order_by("start", "pk")

    def with_letter_count(self):
        """The person's ``letter_count`` (letters they signed, in any term), one subquery."""
        letters = letters_of(Commissioner).filter(commissioner=OuterRef("commissioner"))
        rows = letters.order_by().values("commissioner").annotate(n=models.Count("pk"))
        return self.select_related("commissioner").annotate(
            letter_count=Coalesce(Subquery(rows.values("n")), 0)
        )


class CommissionerTerm(Curated):
    """One term of office, as the registry lists it (``import_commissioners``), with its source.

    Dates the source gives only to the month are stored with ``*_precision`` "month": ``start``
    holds the first day of that month and ``end`` the last, the widest span the source allows,
    so a day in the handover month finds both holders and neither is silently dated to the 1st.
    Pages print such a date as "May 2016". ``end`` is empty while the term runs.
    """

    class Precision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"

    commissioner = models.ForeignKey(Commissioner, on_delete=models.CASCADE, related_name="terms")
    role = models.CharField(max_length=20, choices=Commissioner.Title.choices)
    start = models.DateField()
    start_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    end = models.DateField(null=True, blank=True, help_text="Empty while in office.")
    end_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    how_started = models.CharField(max_length=50, blank=True, help_text="elected, appointed ...")
    how_ended = models.CharField(max_length=50, blank=True, help_text="lost, resigned ...")
    party = models.CharField(max_length=100, blank=True)
    honorific = models.CharField(max_length=50, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    checked = models.BooleanField(
        default=True, help_text="Whether the facts were read on the source page itself."
    )
    note = models.TextField(blank=True)
    # Provenance: the registry row this term was loaded from, "force|name|role|start" as the
    # file writes them, so a reload finds it again even after staff corrected its dates.
    registry_key = models.CharField(
        max_length=300, unique=True, null=True, blank=True, editable=False
    )
    registry_file = models.CharField(max_length=200, blank=True, editable=False)
    registry_line = models.PositiveIntegerField(null=True, blank=True, editable=False)

    objects = CommissionerTermQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["start", "end"], name="term_span")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="term_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.commissioner}, {self.get_role_display()}, {self.span_label}"

    @property
    def role_label(self):
        return vocab.OFFICE_LABELS.get(self.role, self.role)

    @property
    def start_label(self):
        return _date_label(self.start, self.start_precision)

    @property
    def end_label(self):
        return _date_label(self.end, self.end_precision) if self.end else "in office"

    @property
    def span_label(self):
        if self.end is None:
            return f"from {self.start_label}, still in office"
        return f"{self.start_label} to {self.end_label}"

    @property
    def shade_end(self) -> dt.date:
        """The last day to shade on a timeline: today while the term runs."""
        return self.end or dt.date.today()


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month: how a month-precision start and end are stored."""
    first = dt.date(year, month, 1)
    return first, _month_end(first)


def _date_label(day: dt.date, precision: str) -> str:
    if precision == CommissionerTerm.Precision.MONTH:
        return f"{day:%B %Y}"
    return f"{day.day} {day:%B %Y}"


class InspectionQuerySet(models.QuerySet):
    def public(self):
        """Inspections the public site shows: answered by a public letter, or by no letter at
        all (entered by hand); one answered only by withdrawn letters goes with them."""
        letters = self.model._meta.get_field("letters").related_model.objects
        # Hidden letters are a handful (an index holds them); each is checked for a public
        # letter about its inspection through the inspection index. A list of every
        # inspection with a public letter (NOT IN) was read whole on every query.
        shown = letters.filter(public_letter(), inspection=OuterRef("inspection"))
        only_hidden = letters.filter(hidden_letter(), inspection__isnull=False).exclude(
            Exists(shown)
        )
        if plans_from_statistics():  # see pccsite.db: each database's planner, its shape
            return self.filter(~Exists(only_hidden.filter(inspection=OuterRef("pk"))))
        return self.exclude(pk__in=only_hidden.values("inspection"))

    def with_force(self):
        return self.select_related("force")

    def for_force(self, force):
        return self.filter(force=force)

    def with_counts(self):
        letters = letters_of(self.model)
        return self.with_force().annotate(
            grade_count=related_count(Grade.objects.public(), "inspection"),
            letter_count=related_count(letters, "inspection"),
            afi_count=related_count(
                AreaForImprovement.objects.public().filter(kind="afi"), "inspection"
            ),
            first_letter=related_date(letters, "inspection", Min),
        )

    def latest_first(self):
        """Newest first by publication date, else by the date of the first letter answering it."""
        first_letter = related_date(letters_of(self.model), "inspection", Min)
        return self.annotate(when=Coalesce("published", first_letter)).order_by(
            models.F("when").desc(nulls_last=True), "-pk"
        )

    def with_commissioner_in_office(self):
        """``commissioner_in_office_id`` and ``term_in_office_id``: who held the office for the
        inspection's force on its publication date (None when unpublished or nobody did).

        Statutory deputy mayors act for the mayor, so the mayor is the office-holder; where two
        terms share the day, the later-begun one (CommissionerTermQuerySet.latest_first). One
        indexed subquery each: per-commissioner figures and the section 55 clock count by it.
        """
        holders = (
            CommissionerTerm.objects.office_holders()
            .filter(commissioner__force=OuterRef("force"), start__lte=OuterRef("published"))
            .filter(Q(end__isnull=True) | Q(end__gte=OuterRef("published")))
            .latest_first()
        )
        return self.annotate(
            commissioner_in_office_id=Subquery(holders.values("commissioner_id")[:1]),
            term_in_office_id=Subquery(holders.values("pk")[:1]),
        )

    def response_counts(self):
        """``{"published": n, "answered": m}``: these inspections, and those with a (public)
        letter."""
        return self.aggregate(
            published=models.Count("pk", distinct=True),
            # Answered by a public letter: a withdrawn one answers nothing on the site.
            answered=models.Count(
                "pk", filter=Q(letters__isnull=False) & public_letter("letters__"), distinct=True
            ),
        )

    def with_response_clock(self, today: dt.date):
        """The section 55 clock read on ``today`` (inspections/section55.py): ``responded``
        (the earliest date on a public letter answering it), ``answered``, ``response_delay``
        and ``response_status`` (NULL when unpublished). One indexed subquery per letter read."""
        letters = letters_of(self.model)
        return self.annotate(
            responded=related_date(letters, "inspection", Min),
            answered=Exists(letters.filter(inspection=OuterRef("pk"))),
            response_delay=models.ExpressionWrapper(
                models.F("responded") - models.F("published"), output_field=models.DurationField()
            ),
            response_status=section55.status_case(today),
        )

    def response_clock_counts(self, today: dt.date) -> dict[str, int]:
        """``{status: n}`` over these inspections' section 55 clocks (unpublished left out), in
        one query."""
        return self.with_response_clock(today).clock_counts()

    def clock_counts(self) -> dict[str, int]:
        """``response_clock_counts`` of inspections already annotated by with_response_clock."""
        rows = self.filter(published__isnull=False)
        return dict(rows.order_by().values_list("response_status").annotate(n=models.Count("pk")))

    def in_office_of(self, commissioner):
        """Inspections published while ``commissioner`` held the office for their force."""
        # Only the commissioner's own force can have them in office (the subquery matches
        # terms by force): narrowed first, the subquery runs for its inspections, not all.
        return (
            self.filter(force_id=commissioner.force_id, published__isnull=False)
            .with_commissioner_in_office()
            .filter(commissioner_in_office_id=commissioner.pk)
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
    def public(self):
        """Grades the public site shows and counts: not deleted, from a public letter."""
        return public_rows(self)

    def with_context(self):
        return self.select_related("inspection__force", "letter")

    def dated(self):
        """Annotate ``when``: the publication date, else the date of the letter it came from."""
        return self.annotate(when=Coalesce("inspection__published", "letter__date"))

    def for_force(self, force):
        return self.filter(inspection__force=force)

    def listing(self):
        """For the grades table and its exports: dated, with the inspection and force; the
        letter only by its id (links need no more)."""
        return self.dated().select_related("inspection__force")

    def for_commissioner(self, commissioner):
        """Grades of the inspections this commissioner answered with a (public) letter."""
        return self.filter(inspection__in=_answered_by(commissioner))

    def answered_by(self, commissioner):
        """Grades of the commissioner's force and of any inspection they answered, ``answered``
        annotated: the commissioner's page draws both timelines from these rows, one query."""
        answered = _answered_by(commissioner)
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
                *("inspection__period", "inspection__cycle", "inspection__force__name"),
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


def _answered_by(commissioner):
    """Inspections the commissioner answered with a public letter."""
    return Inspection.objects.filter(public_letter("letters__"), letters__commissioner=commissioner)


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
    deleted = models.BooleanField(default=False, help_text=DELETED_HELP)

    objects = GradeQuerySet.as_manager()

    class Meta:
        ordering = ["inspection", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "area", "letter"], name="unique_grade_per_letter"
            )
        ]
        # The few grades staff deleted: public() leaves them out through this.
        indexes = [models.Index(fields=["letter"], condition=Q(deleted=True), name="grade_deleted")]

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
    def public(self):
        """Findings the public site shows and counts: not deleted, from a public letter."""
        return public_rows(self)

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

    # Nobody knows a finding's progress until a person finds out and says so: a finding from
    # 2014 is not "open" merely because no one has looked. Staff set the others.
    class Status(models.TextChoices):
        UNKNOWN = "unknown", "Not known"
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
        default=Status.UNKNOWN,
        help_text="Set by staff; the loader never changes it. Not known until a person says.",
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
    deleted = models.BooleanField(default=False, help_text=DELETED_HELP)

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
        # The few findings staff deleted: public() leaves them out through this.
        indexes = [
            models.Index(fields=["letter"], condition=Q(deleted=True), name="finding_deleted")
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


# The inspectorate's own grades (a second source beside the letters) live in their own module.
from .official_models import OfficialGrade, OfficialGradeCount  # noqa: E402, F401
