"""What full-text search reads: one row per letter (its whole text) and one per finding.

The row keeps a copy of the words searched (``title`` and ``body``) so that ranking and
snippets read one table. PostgreSQL ranks a ``tsvector`` kept in ``vector`` (GIN-indexed);
SQLite, which has no such type, keeps an FTS5 table (``search_fts``) over the same rows, filled
by triggers. Migration 0002 creates the one its database needs; search/backends.py reads it.
Rows are rewritten by search/indexing.py whenever a letter is loaded or corrected.
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
    title = models.CharField(max_length=1000, blank=True)
    body = models.TextField()
    # PostgreSQL only (left NULL on SQLite, where search_fts does this job).
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [models.Index(fields=["letter", "kind"], name="search_doc_letter")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.letter_id}: {self.title[:60]}"
