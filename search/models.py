"""What full-text search reads: one row per letter (its whole text) and one per finding.

The row keeps a copy of the words searched (``title`` and ``body``) so that ranking and
snippets read one table. PostgreSQL ranks a ``tsvector`` kept in ``vector`` (GIN-indexed);
SQLite, which has no such type, keeps an FTS5 table (``search_fts``) over the same rows, filled
by triggers. Migration 0002 creates the one its database needs; search/backends.py reads it.
Rows are rewritten by search/indexing.py whenever a letter is loaded or corrected, and only
the public site's letters and findings have rows, so every row may be shown.

On SQLite a migration that alters this table rebuilds it (Django copies it to a new table),
which drops the triggers: such a migration must create them again (see 0002).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    class Kind(models.TextChoices):
        LETTER = "letter", "Letter"
        FINDING = "finding", "Finding"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    letter = models.ForeignKey(
        "letters.Letter", on_delete=models.CASCADE, related_name="search_documents"
    )
    finding = models.ForeignKey(
        "inspections.AreaForImprovement",
        on_delete=models.CASCADE,
        related_name="search_documents",
        null=True,
        blank=True,
    )
    # The letter's facts the search page filters on (its inspection's cycle, as the tables
    # group periods), copied here so that a question matching most rows is filtered and
    # ranked from this table alone, never a join per match into the letters (whose long text
    # would be read with each). Rewritten with the row.
    date = models.DateField(null=True, blank=True)
    force = models.ForeignKey(
        "inspections.Force", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    commissioner = models.ForeignKey(
        "inspections.Commissioner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    inspection_kind = models.CharField(max_length=40, blank=True)
    cycle = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=1000, blank=True)
    # PostgreSQL only (left NULL on SQLite, where search_fts does this job).
    vector = SearchVectorField(null=True, editable=False)
    # Last: SQLite reads a row's columns in order, so the short ones before it are read
    # without the long text's overflow pages.
    body = models.TextField()

    class Meta:
        indexes = [models.Index(fields=["letter", "kind"], name="search_doc_letter")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.letter_id}: {self.title[:60]}"
