"""Full-text search of letters and findings, on whichever database the suite runs on
(SQLite's FTS5 by default, PostgreSQL's tsvector with DATABASE_URL): ranking, phrases and
any-order words, filters kept while paging, links to the marked words, and an index kept
current by loads and by corrections."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from inspections.models import AreaForImprovement, Inspection
from letters.loading import load_letters
from letters.models import Letter
from search.models import SearchDocument
from search.views import PER_PAGE
from tests.builders import get_force, make_afi, make_answered_inspection, make_letter

pytestmark = pytest.mark.django_db


def _search(client, **params):
    response = client.get(reverse("search:search"), params)
    assert response.status_code == 200
    return response


def _letters(response):
    return [result.letter_id for result in response.context["results"]]


@pytest.fixture
def seeds(seeds_dir):
    load_letters(paths=[seeds_dir])


def test_a_load_indexes_every_letter_and_finding(seeds):
    letters = SearchDocument.objects.filter(kind="letter")
    findings = SearchDocument.objects.filter(kind="finding")

    assert letters.count() == Letter.objects.count() == 5
    assert findings.count() == AreaForImprovement.objects.filter(letter__isnull=False).count()
    letter = Letter.objects.first()
    assert letters.get(letter=letter).body == letter.text


def test_the_full_text_index_exists_for_this_database():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'search_fts'")
        else:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_doc_vector'")
        (definition,) = cursor.fetchone()
    assert "search_fts" in definition or "gin" in definition.lower()


def test_words_in_any_order_and_phrases(client):
    ordered = make_letter(text="We are preventing crime in every town.\n")
    reversed_ = make_letter(text="Crime fell; preventing it remains our aim.\n")
    make_letter(text="Nothing about that here.\n")

    words = _letters(_search(client, q="crime preventing", scope="letter"))
    phrase = _letters(_search(client, q='"preventing crime"', scope="letter"))

    assert sorted(words) == sorted([ordered.pk, reversed_.pk])
    assert phrase == [ordered.pk]


def test_words_match_their_other_forms(client):
    letter = make_letter(text="The inspectors graded the force after two inspections.\n")

    assert _letters(_search(client, q="inspection grade", scope="letter")) == [letter.pk]


def test_results_are_ranked(client):
    once = make_letter(text="Vetting was mentioned.\n" + "Other words. " * 40)
    often = make_letter(text="Vetting, vetting and vetting: the vetting backlog.\n")

    assert _letters(_search(client, q="vetting", scope="letter")) == [often.pk, once.pk]


def test_snippets_mark_the_matched_words_and_escape_the_rest(client):
    make_letter(text="The <b>triage</b> backlog & the triage desk.\n")

    snippet = _search(client, q="triage").context["results"][0].snippet

    assert '<mark class="match">triage</mark>' in snippet
    # FTS5 keeps the tag as text (escaped); PostgreSQL's parser leaves tags out of snippets.
    assert "<b>" not in snippet and "&amp;" in snippet


def test_filters(client):
    kent = make_answered_inspection(get_force("kent"), kind="peel", period="2021/22")
    gwent = make_answered_inspection(get_force("gwent"), kind="thematic", period="2023/25")
    kent_letter, gwent_letter = kent.letters.get(), gwent.letters.get()

    def found(**filters):
        return set(_letters(_search(client, q="triage", scope="letter", **filters)))

    assert found() == {kent_letter.pk, gwent_letter.pk}
    assert found(force=get_force("gwent").pk) == {gwent_letter.pk}
    assert found(commissioner=kent_letter.commissioner_id) == {kent_letter.pk}
    assert found(kind="thematic") == {gwent_letter.pk}
    assert found(cycle="2021-22") == {kent_letter.pk}
    assert found(date_from="2025-01-01", date_to="2025-12-31") == {kent_letter.pk, gwent_letter.pk}
    assert found(date_to="2024-12-31") == set()


@pytest.mark.parametrize("title", ["PEEL 2025 of Leicestershire", ""])
def test_findings_are_results_that_link_to_their_words_in_the_letter(client, title):
    inspection = make_answered_inspection(title=title)  # untitled: named by force, kind, period
    finding = inspection.areas_for_improvement.get()

    results = _search(client, q="triage", scope="finding").context["results"]

    ((result,),) = [results]
    assert (result.letter_id, result.finding_id) == (finding.letter_id, finding.pk)
    assert result.heading == f"Area for improvement {finding.number} · {inspection}"
    assert result.url == f"{finding.letter.get_absolute_url()}?q=triage#{finding.anchor}"
    html = _search(client, q="triage", scope="finding").content.decode()
    assert f'<a href="{result.url}">Area for improvement {finding.number} · {inspection}</a>' in (
        html.replace("&amp;", "&")
    )


def test_filters_stay_set_while_paging(client):
    force = get_force("essex")
    for n in range(PER_PAGE + 3):
        make_letter(force=force, text=f"Letter {n} about custody.\n")
    make_letter(force=get_force("kent"), text="Kent custody.\n")

    first = _search(client, q="custody", force=force.pk)
    html = first.content.decode()
    second = _search(client, q="custody", force=force.pk, page=2)

    assert first.context["total"] == PER_PAGE + 3
    assert f"q=custody&amp;force={force.pk}&amp;page=2" in html
    assert len(second.context["results"]) == 3
    assert set(_letters(first)).isdisjoint(_letters(second))


def test_the_letter_page_marks_every_match_for_the_link(client):
    letter = make_letter(text="Custody first.\nThen more about CUSTODY and custody suites.\n")

    ((result,),) = [_search(client, q="custody", scope="letter").context["results"]]
    url = result.url
    html = client.get(url.split("#")[0] + "&x=1").content.decode()
    marks = re.findall(r'<mark id="match-(\d)" class="fact fact--match"[^>]*>(\w+)</mark>', html)

    assert url.endswith("#match-1")
    assert marks == [("1", "Custody"), ("2", "CUSTODY"), ("3", "custody")]
    assert "3 matches for" in html
    assert letter.get_absolute_url() in url


def test_a_letter_page_without_a_match_says_so(client):
    letter = make_letter(text="Nothing relevant.\n")

    html = client.get(letter.get_absolute_url(), {"q": "custody"}).content.decode()

    assert "No match for" in html and 'id="match-1"' not in html


def test_query_syntax_is_searched_as_words_not_run(client):
    make_letter(text="Crime and near misses.\n")

    for q in ["NEAR(crime misses)", "crime*", '"unclosed', "a:b", "-crime", "!!!", "'; DROP"]:
        _search(client, q=q)


def test_no_question_no_results(client):
    response = _search(client, q="   ")

    assert response.context["results"] == [] and response.context["total"] == 0


def test_a_correction_in_the_admin_is_searchable(client):
    inspection = make_answered_inspection()
    finding = inspection.areas_for_improvement.get()
    finding.text = "The force needs to reduce firearms licensing delays."
    finding.save()

    assert _letters(_search(client, q="firearms", scope="finding")) == [finding.letter_id]
    assert _letters(_search(client, q="triage", scope="finding")) == []


def test_a_reloaded_letter_is_searched_by_its_new_words(client, letters_dir):
    load_letters(paths=[letters_dir])
    path = sorted(letters_dir.glob("*.txt"))[0]
    path.write_text(path.read_text() + "\nP.S. Our new drone unit starts in spring.\n")

    load_letters(paths=[letters_dir])

    letter = Letter.objects.get(file_name=path.name)
    assert _letters(_search(client, q="drone unit", scope="letter")) == [letter.pk]
    assert SearchDocument.objects.filter(letter=letter, kind="letter").count() == 1


def test_a_deleted_letter_leaves_the_index(client):
    letter = make_letter(text="Unique word zeppelin.\n")
    make_afi(letter=letter, inspection=make_answered_inspection(), text="zeppelin finding")
    letter.delete()

    assert (
        not SearchDocument.objects.exists() or _search(client, q="zeppelin").context["total"] == 0
    )


def test_rebuild_search_index(client):
    make_letter(text="Rebuilt words: hovercraft.\n")
    SearchDocument.objects.all().delete()
    assert _search(client, q="hovercraft").context["total"] == 0

    call_command("rebuild_search_index", stdout=None)

    assert _search(client, q="hovercraft").context["total"] == 1


def test_search_pages_are_not_stored_by_the_page_cache(client):
    from django.core.cache import cache

    make_letter(text="Cached?\n")
    _search(client, q="cached")

    assert not [key for key in cache._cache if ":page:" in key]  # noqa: SLF001


# Once the form's choices are cached (forces, commissioners, cycles: 3 queries once per data
# version), on SQLite: the count, the ranked page (one statement for both with a filter), its
# snippets; on PostgreSQL: a savepoint around SET LOCAL and one statement that counts, ranks
# and headlines (4 statements); and the rows shown.
QUERIES = {"postgresql": 5, "sqlite": 4}
FILTERED_QUERIES = {"postgresql": 5, "sqlite": 3}


@pytest.mark.parametrize("letters", [1, 6])
@pytest.mark.parametrize("filtered", [False, True])
def test_query_count_is_flat(client, django_assert_num_queries, letters, filtered):
    for _ in range(letters):
        make_answered_inspection()
    _search(client, q="police")  # reads the form's choices for this data version
    filters = {"force": get_force().pk} if filtered else {}
    expected = (FILTERED_QUERIES if filtered else QUERIES)[connection.vendor]

    with django_assert_num_queries(expected):
        response = _search(client, q="triage", **filters)
    assert response.context["total"] == letters * 2  # each letter and its finding


def test_every_real_letter_is_marked_where_its_words_are(client, seeds_dir, fixtures_dir):
    """The marks on the letter page come from the index's own highlighting; its copy of a
    real letter must line up with the letter's text character for character."""
    load_letters(paths=[seeds_dir, fixtures_dir / "letters"])
    from search.backends import search_backend
    from search.query import parse

    query = parse("police")
    letters = Letter.objects.public()
    assert letters.count() >= 5
    for letter in letters:
        document = SearchDocument.objects.get(letter=letter, kind="letter")
        spans = search_backend().match_spans(document.pk, letter.text, query)
        assert spans, letter.file_name
        assert all(letter.text[start:end].lower().startswith("polic") for start, end in spans)


def test_only_what_the_public_site_shows_is_indexed(client, fixtures_dir):
    """The index holds public letters and their findings only (pccsite.db.hidden_letter), so
    a search needs no join to the letters: a loaded text that is not a commissioner's response
    has no rows, and neither has a letter staff withdrew or a finding they deleted."""
    load_letters(paths=[fixtures_dir / "letters"])
    hidden = Letter.objects.exclude(pk__in=Letter.objects.public())
    assert hidden.filter(pcc_response=False).exists()
    assert not SearchDocument.objects.filter(letter__in=hidden).exists()
    assert set(SearchDocument.objects.values_list("letter", flat=True)) == set(
        Letter.objects.public().values_list("pk", flat=True)
    )


def test_a_non_response_is_never_found(client):
    make_letter(text="A question about quokkas.\n", pcc_response=False)

    assert _search(client, q="quokkas").context["total"] == 0


def test_a_withdrawn_letter_leaves_the_index_and_comes_back_when_restored(client):
    inspection = make_answered_inspection()
    letter = inspection.letters.get()
    assert _search(client, q="triage").context["total"] == 2  # the letter and its finding

    letter.withdrawn = True  # as the admin's delete does
    letter.save(update_fields=["withdrawn", "updated_at"])
    assert _search(client, q="triage").context["total"] == 0
    assert not SearchDocument.objects.filter(letter=letter).exists()

    letter.withdrawn = False  # the admin's "Restore"
    letter.save(update_fields=["withdrawn", "updated_at"])
    assert _search(client, q="triage").context["total"] == 2


def test_a_letter_corrected_to_a_non_response_leaves_the_index(client):
    letter = make_answered_inspection().letters.get()

    letter.pcc_response = False
    letter.save()

    assert _search(client, q="triage").context["total"] == 0


def test_a_deleted_finding_leaves_the_index(client):
    finding = make_answered_inspection().areas_for_improvement.get()

    finding.deleted = True
    finding.save()

    assert _search(client, q="triage", scope="finding").context["total"] == 0
    assert _search(client, q="triage", scope="letter").context["total"] == 1


def test_filter_choices_are_read_once_per_data_version(
    client, letters_dir, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The force, commissioner and cycle choices do not depend on the question: read once,
    then again only after the data changed (a load or a correction bumps the data version)."""

    def cycles(response):
        return {value for value, _ in response.context["form"].fields["cycle"].choices} - {""}

    make_answered_inspection(period="2021/22")
    assert cycles(_search(client, q="triage")) == {"2021-22"}
    with django_assert_num_queries(QUERIES[connection.vendor]):
        _search(client, q="triage")

    with django_capture_on_commit_callbacks(execute=True):
        load_letters(paths=[letters_dir])  # bumps the data version once committed

    loaded = set(Inspection.objects.public().exclude(cycle="").values_list("cycle", flat=True))
    assert loaded - {"2021-22"}
    assert cycles(_search(client, q="triage")) == loaded


def test_a_correction_renews_the_filter_choices(client, django_capture_on_commit_callbacks):
    make_answered_inspection(period="2021/22")
    assert _search(client, q="triage", cycle="2023-25").context["form"].errors

    with django_capture_on_commit_callbacks(execute=True):
        make_answered_inspection(get_force("kent"), period="2023/25")  # saves bump the version

    response = _search(client, q="triage", cycle="2023-25")
    assert not response.context["form"].errors
    assert response.context["total"] == 2  # the new letter and its finding


@pytest.mark.parametrize("chosen", [None, "", "kent"])
def test_the_written_choices_are_plain_selects(chosen):
    """The force, commissioner and cycle <select>s are written from options stored once per
    data version: the same markup as PlainSelect, the chosen option marked."""
    from pccsite.listing import PlainSelect
    from search.forms import SearchForm

    make_answered_inspection(get_force("kent"), period="2021/22")
    force = get_force("kent").pk if chosen == "kent" else chosen
    form = SearchForm({"q": "x", "force": force, "cycle": "2021-22" if chosen else ""})
    assert form.is_valid()
    for name in ("force", "commissioner", "cycle"):
        plain = PlainSelect(choices=form.fields[name].choices)
        value = form[name].value()
        assert form[name].as_widget() == plain.render(name, value, {"id": f"id_{name}"})
    if chosen == "kent":
        assert f'<option value="{force}" selected>' in form["force"].as_widget()


def test_a_letter_result_names_its_signer_date_force_and_file(client):
    letter = make_answered_inspection().letters.get()

    html = _search(client, q="triage", scope="letter").content.decode()

    date, short = f"{letter.date:%-d %B %Y}", f"{letter.date:%-d %b %Y}"
    assert f"Letter from {letter.commissioner.name}, {date}</a></h2>" in html
    meta = f"{letter.force.name} · {short} · {letter.file_name}</p>"
    assert f'<p class="search-result__meta">{meta}' in html


@pytest.mark.parametrize("filtered", [False, True])
def test_a_page_past_the_last_still_says_how_many_matched(client, filtered):
    force = get_force("essex")
    for n in range(3):
        make_letter(force=force, text=f"Letter {n} about custody.\n")
    filters = {"force": force.pk} if filtered else {}

    response = _search(client, q="custody", page=2, **filters)

    assert response.context["total"] == 3 and response.context["results"] == []
    assert _search(client, q="custody", page=1, **filters).context["total"] == 3


def test_an_undated_unsigned_letter_is_named_as_such(client):
    letter = make_letter(text="Words about gazebos.\n", date=None)

    (result,) = _search(client, q="gazebos").context["results"]

    assert result.heading == "Letter"
    assert result.meta == f"{letter.force.name} · Undated · {letter.file_name}"


def test_a_long_letter_is_snippeted_where_its_words_are(client):
    """PostgreSQL headlines a long text from a window around the first of the question's
    words (backends.LONG_TEXT); the snippet still marks them, in whole words."""
    filler = "Our officers patrolled every street of the county. " * 60
    text = filler + "The drone unit starts in spring.\n" + filler
    make_letter(text=text)

    snippet = _search(client, q="drone unit").context["results"][0].snippet

    assert '<mark class="match">drone</mark> <mark class="match">unit</mark>' in snippet
    plain = snippet.replace('<mark class="match">', "").replace("</mark>", "")
    assert {word.strip(".") for word in plain.replace(" … ", " ").split()} <= {
        word.strip(".") for word in text.split()
    }


def test_a_long_letter_whose_word_first_appears_inside_another_is_still_marked(client):
    filler = "Other words about the county and its people. " * 60
    # PostgreSQL looks for "forc" after a space: not in "workforce", but in "forceps", which is
    # another word (its window holds no match, so the whole letter is headlined).
    make_letter(text="The workforce used forceps.\n" + filler + "The force acted.\n")

    snippet = _search(client, q="force").context["results"][0].snippet

    assert '<mark class="match">force</mark>' in snippet


def test_a_long_letter_whose_phrase_comes_after_its_first_word_is_still_marked(client):
    filler = "Other words about the county and its people. " * 60
    make_letter(text="A drone flew over.\n" + filler + "The drone unit starts in spring.\n")

    snippet = _search(client, q='"drone unit"').context["results"][0].snippet

    # A phrase is one mark in FTS5's snippets, a mark a word in PostgreSQL's.
    assert re.search(
        r'<mark class="match">drone( |</mark> <mark class="match">)unit</mark>', snippet
    )


def test_a_long_letter_whose_words_are_far_apart_is_still_marked(client):
    """PostgreSQL marks words only in a passage holding every one of them (a cover), so it
    headlines the whole letter when their first places are too far apart for one window."""
    filler = "Other words about the county and its people. " * 60
    make_letter(text="The zebra escaped.\n" + filler + "The giraffe stayed.\n")

    snippet = _search(client, q="zebra giraffe").context["results"][0].snippet

    assert re.search(r'<mark class="match">(zebra|giraffe)</mark>', snippet)
