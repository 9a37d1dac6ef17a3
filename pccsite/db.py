"""Model pieces both apps build on, so neither app's models import the other's.

``Curated`` is the abstract base of every row the loader writes and staff may correct (Letter
in letters; Commissioner, Inspection, Grade, AreaForImprovement in inspections).
``related_count`` and ``related_date`` are the correlated subqueries the listings annotate.
``hidden_letter`` is the one definition of which letters the public site does not show: every
public QuerySet (``Letter.objects.public()``, and Grade's, AreaForImprovement's and
Inspection's ``public()`` through their letters) is built on it, so a new reason to keep a
letter out of the pages and figures is added here once.
"""

import functools

from django.conf import settings
from django.db import connection, models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce


class Curated(models.Model):
    """A row the loader writes and staff may correct; corrections survive later loads."""

    edited_fields = models.JSONField(
        default=list,
        blank=True,
        help_text="Fields a person corrected in the admin. The loader leaves these alone.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Provenance: who last corrected a field of the row (edited_fields says which) and who
    # confirmed its values as the letter states them. The loader never writes these; it clears
    # the confirmation when a reload changes what was confirmed.
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    corrected_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def mark_edited(self, field_names, user=None, when=None):
        """Record a person's correction of ``field_names`` (and, given them, who and when)."""
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))
        if user is not None:
            self.corrected_by = user
            self.corrected_at = when

    def mark_confirmed(self, user, when) -> None:
        self.confirmed_by, self.confirmed_at = user, when

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def review_status(self):
        """Whether a person checked this row, in words for exports and the API.

        A correction is ``edited_fields``; a confirmation without change is ``confirmed_at``.
        """
        if self.edited_fields:
            return REVIEW_CORRECTED
        if self.confirmed:
            return REVIEW_CONFIRMED
        return REVIEW_PARSED


REVIEW_PARSED = "read by the parser"
REVIEW_CONFIRMED = "confirmed by staff"
REVIEW_CORRECTED = "corrected by staff"


def public(queryset):
    """The rows the public may see: ``queryset.public()`` once the model's QuerySet has one
    (withdrawn letters and what hangs off them are left out there), else every row.

    Every open-data reader (exports, the dataset, the API, search, feeds) goes through this.
    """
    only_public = getattr(queryset, "public", None)
    return only_public() if callable(only_public) else queryset


def hidden_letter(prefix: str = "") -> Q:
    """The condition on a letter (reached through ``prefix``, e.g. "letters__") for the public
    site not to show it, nor count what was read from it: withdrawn by staff, or not a
    commissioner's response at all (the parser's ``pcc_response``, which staff may correct).
    The one definition: a new reason joins here."""
    return Q(**{f"{prefix}withdrawn": True}) | Q(**{f"{prefix}pcc_response": False})


def public_letter(prefix: str = "") -> Q:
    """The condition on a letter for the public site to show it (``hidden_letter`` negated)."""
    return ~hidden_letter(prefix)


def hidden_letters(letter_model):
    """The primary keys of the letters the public site does not show, as a subquery.

    A handful at most, read through a partial index (Letter.Meta), so excluding them is one
    uncorrelated NOT IN: a join to check each row's letter read every letter's row, and on
    SQLite a letter's flag sits behind its text.
    """
    return letter_model.objects.filter(hidden_letter()).values("pk")


def plans_from_statistics() -> bool:
    """Whether the database plans from column statistics (PostgreSQL) rather than from the
    shapes of its indexes (SQLite); the public filters take the shape each plans well.

    PostgreSQL takes a NOT IN over a subquery to keep half the rows whatever it holds, and
    on those odds chose to scan every finding once per force (380 ms of queries for the forces
    list at 5,000 letters; 18 ms with plain conditions and NOT EXISTS, which it estimates from
    ANALYZE's statistics). SQLite reads a NOT IN's short list once, where a correlated NOT
    EXISTS per row cost it five times as much.
    """
    return connection.vendor == "postgresql"


def public_letters(queryset):
    """The letters of ``queryset`` the public site shows (the one rule: ``hidden_letter``)."""
    if plans_from_statistics():
        return queryset.filter(public_letter())
    return queryset.exclude(pk__in=hidden_letters(queryset.model))


def public_rows(queryset):
    """Grades or findings the public site shows: not deleted by staff, and read from a public
    letter (or entered by hand, with no letter). On SQLite two uncorrelated NOT INs over
    small sets, each read through a partial index, rather than a join to every row's letter."""
    model = queryset.model
    letters = model._meta.get_field("letter").related_model
    if plans_from_statistics():
        hidden = letters.objects.filter(hidden_letter(), pk=OuterRef("letter_id"))
        return queryset.filter(deleted=False).filter(~Exists(hidden))
    deleted = model.objects.filter(deleted=True).values("pk")
    return queryset.exclude(pk__in=deleted).exclude(letter__in=hidden_letters(letters))


def prebuilt(build):
    """``build(*args)``'s QuerySet, made once per process (per distinct args); every call
    returns a fresh clone of it for the caller to filter, slice and evaluate.

    Annotating with correlated subqueries resolves and copies every inner query, and for the
    detail pages' counts that took several times what the database took to run them (a force
    page's inspections: 6 ms of Python building, 1 ms of SQLite). A QuerySet is a description
    until evaluated and every chained call clones it, so the one built here is never evaluated
    or changed; it holds no data and no connection. ``args`` must be hashable (a date, an id).
    """
    built = functools.lru_cache(maxsize=16)(build)

    @functools.wraps(build)
    def fresh(*args):
        return built(*args).all()

    return fresh


def refresh_planner_statistics() -> None:
    """After a bulk load, let PostgreSQL's planner see the new rows (ANALYZE), as its manual
    advises for bulk loading: until autovacuum gets round to it (never, where it is off) the
    planner guesses from an empty table, and the inspections list took 250 ms instead of 33
    at 5,000 letters. SQLite plans well without statistics here and is left alone."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def related_count(queryset, link):
    """COUNT of ``queryset``'s rows whose ``link`` is the outer row, as a correlated subquery.

    Several counts through joins multiply each other's rows (letters x inspections x findings)
    before DISTINCT removes them again, which grows with the square of a force's history; one
    indexed subquery per count stays proportional to the rows counted.
    """
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)


def related_date(queryset, link, aggregate):
    """Min or Max of ``date`` over ``queryset``'s rows linked to the outer row (a subquery)."""
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Subquery(rows.annotate(d=aggregate("date")).values("d"))
