"""Full-text search behind one interface, one backend per database.

    backend = search_backend()                       # chosen by the database's vendor
    page = backend.search(documents, query, offset=0, limit=20)
    page.total, page.hits                            # hits: (document id, snippet HTML)
    backend.match_spans(document_id, text, query)    # [(start, end)] of every match in text

``documents`` is a QuerySet of SearchDocument with the page's filters applied (force,
commissioner, dates ...); the backend adds the match, the ranking and the snippets.

- PostgreSQL: ``vector`` (a tsvector of the title, weight A, and the body, weight B, in the
  english configuration) matched with ``@@`` through its GIN index, the newest MAX_RANKED
  matches ranked by ts_rank (SearchRank), snippets from ts_headline (SearchHeadline) for the
  page's rows only (a long text's from a window of it): one statement.
- SQLite: the FTS5 table ``search_fts`` (Porter stemmer), ranked by bm25 with the title
  weighted as PostgreSQL weights it, snippets from FTS5's snippet(). Without filters the FTS
  table alone counts and ranks; with them the FTS index drives the join to the rows.

Filters are columns of SearchDocument itself (its letter's date, force, commissioner,
inspection kind and cycle), and every row is public (search/indexing.py), so a question never
joins the letters.

Both mark matched words with the control characters STX/ETX, which letters never contain;
``marked_html`` escapes everything else and turns those into <mark> tags.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchDocument
from .query import Query

START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 24
# The most matches ranked for one question on PostgreSQL (the newest; see PostgresBackend).
MAX_RANKED = 1000
# PostgreSQL's dictionary: the english stemmer and stop words, as FTS5's porter tokenizer.
CONFIG = "english"
# PostgreSQL headlines a text longer than this from a window of it, starting a little before
# the first place the question's terms appear (see PostgresBackend._snippet_text).
WINDOW = 1200
WINDOW_BEFORE = 200
# A long letter: its headline was most of a page's time on PostgreSQL (the page's hits are
# mostly long letters, 7.5 kB on average for a question of three words).
LONG_TEXT = 2000


@dataclass(frozen=True)
class Page:
    total: int
    hits: list[tuple[int, SafeString]]


def marked_html(text: str) -> SafeString:
    """``text`` escaped, its STX…ETX stretches as <mark class="match">…</mark>."""
    html = escape(text).replace(START, '<mark class="match">').replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only our own tags are added


def spans_of_marks(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without marks, and the (start, end) of every marked stretch in it."""
    spans, plain, start = [], [], None
    position = 0
    for char in marked:
        if char == START:
            start = position
        elif char == STOP:
            if start is not None and position > start:
                spans.append((start, position))
            start = None
        else:
            plain.append(char)
            position += 1
    return "".join(plain), spans


class SearchBackend:
    vendor = ""

    def search(self, documents, query: Query, *, offset: int, limit: int) -> Page:
        raise NotImplementedError

    def match_spans(self, document_id: int, text: str, query: Query) -> list[tuple[int, int]]:
        """Where the query matches in ``text`` (the document's body), as the index sees it."""
        marked = self._highlight_all(document_id, query)
        if marked is None:
            return []
        plain, spans = spans_of_marks(marked)
        # Offsets are only trusted when the marked copy is the text itself.
        return spans if plain == text else []

    def _highlight_all(self, document_id: int, query: Query) -> str | None:
        raise NotImplementedError

    def refresh(self, documents) -> None:
        """Bring the index of these (just written) documents up to date."""


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def tsquery(self, query: Query) -> SearchQuery:
        """Every term of the question (AND): what a document must hold to be found."""
        return functools.reduce(operator.and_, self._terms(query))

    @staticmethod
    def _terms(query: Query) -> list[SearchQuery]:
        """One SearchQuery per term: a phrase as a phrase, a word as a plain word."""
        return [
            SearchQuery(
                " ".join(words), search_type="phrase" if len(words) > 1 else "plain", config=CONFIG
            )
            for words in query.terms
        ]

    def any_term(self, query: Query) -> SearchQuery:
        """The question's terms joined by OR, for snippets: ts_headline marks words only in a
        passage that satisfies its query, and a passage holding every term of an any-order
        question is rare in a long letter, so the snippet's window (``_snippet_text``) is
        marked wherever any of them is."""
        return functools.reduce(operator.or_, self._terms(query))

    def search(self, documents, query, *, offset, limit):
        """Rank the newest MAX_RANKED matches, count them all, and headline the page's rows,
        in one statement.

        ts_rank reads each row's whole tsvector, which for a word in nearly every letter
        was most of the page's time; the newest matches are found from the index and the
        rows' dates alone, and only they are ranked. A narrower question (most are) has
        fewer matches than that and is ranked whole. ts_headline, which parses the text
        again, runs for the page's rows only. One statement rather than three: no list of a
        thousand ids sent back to the server, compiled by the ORM and parsed again.
        """
        tsquery = self.tsquery(query)
        # Each part compiled by the ORM (filters, the tsquery, SearchRank, SearchHeadline),
        # then joined as common table expressions: matched (every match, with its date),
        # newest, page (ranked, sliced), and the page's headlines.
        matched = documents.filter(vector=tsquery).order_by().values_list("pk", "date")
        page = (
            SearchDocument.objects.extra(
                where=["search_searchdocument.id IN (SELECT id FROM newest)"]
            )
            .annotate(rank=SearchRank(F("vector"), tsquery))
            .order_by("-rank", F("date").desc(nulls_last=True), "pk")
            .values_list("pk", "date", "rank")[offset : offset + limit]
        )
        snippets = (
            SearchDocument.objects.extra(
                where=["search_searchdocument.id IN (SELECT id FROM page)"]
            )
            .annotate(snippet=self._headline(self.any_term(query), text=self._snippet_text(query)))
            .values_list("pk", "snippet")
        )
        parts = [qs.query.sql_with_params() for qs in (matched, page, snippets)]
        (matched_sql, matched_params), (page_sql, page_params), (snippet_sql, snippet_params) = (
            parts
        )
        sql = (
            f"WITH matched (id, date) AS MATERIALIZED ({matched_sql}), "
            "newest AS (SELECT id FROM matched ORDER BY date DESC NULLS LAST, id DESC LIMIT %s), "
            f"page (id, date, rank) AS ({page_sql}) "
            "SELECT total.n, hit.id, hit.snippet FROM (SELECT COUNT(*) AS n FROM matched) AS total "
            "LEFT JOIN (SELECT page.id, page.date, page.rank, snippets.snippet FROM page "
            f"JOIN ({snippet_sql}) AS snippets (id, snippet) ON snippets.id = page.id) AS hit "
            "ON TRUE ORDER BY hit.rank DESC, hit.date DESC NULLS LAST, hit.id"
        )
        params = [*matched_params, MAX_RANKED, *page_params, *snippet_params]
        with transaction.atomic(), connection.cursor() as cursor:
            # Once the table is analysed, a word in most rows makes the planner prefer
            # reading the whole table and testing every row's tsvector (each one fetched
            # from TOAST): several times slower than the GIN index, whose answer for plain
            # words needs no recheck. This transaction only.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        total = rows[0][0]
        snippets = {pk: snippet for _, pk, snippet in rows if pk is not None}
        self._headline_unmarked(snippets, tsquery)
        return Page(total, [(pk, marked_html(snippet)) for pk, snippet in snippets.items()])

    def _snippet_text(self, query):
        """What a row's snippet is headlined from: its body, or for a long one a window of
        it around the first place each of the question's terms is found, whole words only.

        ts_headline parses and stems the whole text it is given, which for the page's long
        letters was most of the statement; the window is a sixth of such a letter. It starts
        just before the first place any term is found: each phrase as typed, each other word
        by its stem, looked for after a space (so "forc" is not found in "enforcement") as
        written or capitalised; the snippet is headlined with the terms joined by OR
        (``any_term``), so it marks whichever of them the window holds. When none is found
        the whole body is headlined, and where a window holds no match after all (a stem
        that starts another word) ``_headline_unmarked`` headlines the whole body instead.
        """
        phrases = [" ".join(words) for words in query.terms if len(words) > 1]
        words = " ".join(words[0] for words in query.terms if len(words) == 1)
        body = '"search_searchdocument"."body"'
        start = f"greatest(1, found.first - {WINDOW_BEFORE})"
        # Drop the word cut at either edge (none is cut at the body's own ends).
        window = (
            f"regexp_replace(regexp_replace(substr({body}, {start}, {WINDOW}), "
            f"CASE WHEN {start} > 1 THEN '^\\S*\\s+' ELSE '^$' END, ''), "
            f"CASE WHEN {start} + {WINDOW} <= length({body}) THEN '\\s+\\S*$' ELSE '^$' END, '')"
        )
        sql = (
            f"CASE WHEN length({body}) <= {LONG_TEXT} THEN {body} ELSE ("
            f"SELECT CASE WHEN found.found > 0 THEN {window} ELSE {body} END "
            "FROM (SELECT min(at) AS first, count(at) AS found FROM ("
            # lower() of a whole long letter cost more than looking twice.
            f"SELECT least(NULLIF(strpos({body}, ' ' || term), 0), "
            f"NULLIF(strpos({body}, ' ' || initcap(term)), 0)) + 1 AS at "
            "FROM unnest(%s::text[] || tsvector_to_array(to_tsvector(%s::regconfig, %s))) "
            "AS term) AS places) AS found) END"
        )
        return RawSQL(sql, [phrases, CONFIG, words])

    def _headline_unmarked(self, snippets, tsquery):
        """Headline from the whole body the long rows whose window held no match."""
        unmarked = [pk for pk, snippet in snippets.items() if START not in snippet]
        if not unmarked:
            return
        whole = (
            SearchDocument.objects.filter(pk__in=unmarked)
            .annotate(length=Length("body"), snippet=self._headline(tsquery))
            .filter(length__gt=LONG_TEXT)
            .values_list("pk", "snippet")
        )
        snippets.update(whole)

    def _headline(self, tsquery, text="body", **options):
        return SearchHeadline(
            text,
            tsquery,
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            **(
                options
                or {
                    "max_words": SNIPPET_WORDS,
                    "min_words": SNIPPET_WORDS // 2,
                    "max_fragments": 2,
                    "fragment_delimiter": " … ",
                }
            ),
        )

    def _highlight_all(self, document_id, query):
        tsquery = self.tsquery(query)
        return (
            SearchDocument.objects.filter(pk=document_id)
            .annotate(marked=self._headline(tsquery, highlight_all=True))
            .values_list("marked", flat=True)
            .first()
        )

    def refresh(self, documents):
        from django.contrib.postgres.search import SearchVector

        documents.update(
            vector=SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("body", weight="B", config=CONFIG)
        )


class SqliteBackend(SearchBackend):
    """FTS5 through extra(): the ORM has no MATCH, and a join keeps bm25 in one pass."""

    vendor = "sqlite"

    def expression(self, query: Query) -> str:
        """An FTS5 query of quoted strings only: nothing typed is read as FTS5 syntax."""
        quoted = ('"' + " ".join(words).replace('"', '""') + '"' for words in query.terms)
        return " AND ".join(quoted)

    def search(self, documents, query, *, offset, limit):
        if documents.query.has_filters():
            total, ids = self._filtered(documents, query, offset, limit)
        else:
            total, ids = self._unfiltered(query, offset, limit)
        snippets = self._snippets(ids, query)
        return Page(total, [(pk, marked_html(snippets.get(pk, ""))) for pk in ids])

    def _filtered(self, documents, query, offset, limit):
        """The matches among the filtered rows, ranked and counted in one pass.

        The FTS index finds the matches and each match's row is then read by its id (CROSS
        JOIN: SQLite keeps that order). Left to choose, SQLite walked a force's rows by the
        force index and asked the FTS index about each one in turn: 160 ms for a common
        word. The filters are the ORM's own (``documents``), as a list of ids read once.
        """
        rows_sql, rows_params = documents.order_by().values("pk").query.sql_with_params()
        matches = (
            "FROM search_fts CROSS JOIN search_searchdocument AS d ON d.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND d.id IN ({rows_sql})"
        )
        params = [self.expression(query), *rows_params]
        with connection.cursor() as cursor:
            # FTS5's rank column is bm25 with the weights migration 0002 configured.
            cursor.execute(
                f"SELECT d.id, COUNT(*) OVER () {matches} "
                "ORDER BY search_fts.rank, d.date DESC NULLS LAST, d.id LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            rows = cursor.fetchall()
            if rows:
                return rows[0][1], [pk for pk, _ in rows]
            if not offset:
                return 0, []
            # A page past the last one: the count alone.
            cursor.execute(f"SELECT COUNT(*) {matches}", params)
            return cursor.fetchone()[0], []

    def _unfiltered(self, query, offset, limit):
        """With no filter, the FTS table alone counts and ranks: no row of the documents
        table is read for a question that matches most of them."""
        expression = self.expression(query)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s", [expression]
            )
            (total,) = cursor.fetchone()
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY rank, rowid DESC LIMIT %s OFFSET %s",
                [expression, limit, offset],
            )
            return total, [rowid for (rowid,) in cursor.fetchall()]

    def _snippets(self, ids, query):
        if not ids:
            return {}
        placeholders = ", ".join(["%s"] * len(ids))
        sql = (
            "SELECT rowid, snippet(search_fts, 1, %s, %s, ' … ', %s) FROM search_fts "
            f"WHERE search_fts MATCH %s AND rowid IN ({placeholders})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, SNIPPET_WORDS, self.expression(query), *ids])
            return dict(cursor.fetchall())

    def _highlight_all(self, document_id, query):
        sql = (
            "SELECT highlight(search_fts, 1, %s, %s) FROM search_fts "
            "WHERE search_fts MATCH %s AND rowid = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [START, STOP, self.expression(query), document_id])
            row = cursor.fetchone()
        return row[0] if row else None


BACKENDS = {backend.vendor: backend for backend in (PostgresBackend, SqliteBackend)}


class UnsupportedDatabase(Exception):
    pass


def search_backend() -> SearchBackend:
    """The backend for the default database's vendor."""
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise UnsupportedDatabase(
            f"full-text search supports PostgreSQL and SQLite, not {connection.vendor}"
        ) from None
