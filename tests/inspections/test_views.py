"""The dashboard pages: what they show, their empty states and their pinned query counts."""

import datetime as dt

import pytest
from django.urls import reverse

from inspections.models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from letters.models import Letter
from tests.builders import (
    get_force,
    make_answered_inspection,
    make_commissioner,
    make_grade,
    make_inspection,
    make_letter,
    make_term,
)

pytestmark = pytest.mark.django_db

FORCE_SLUGS = ["leicestershire", "kent", "essex", "gwent", "dorset"]


def _build(count):
    """One answered inspection (a letter, two grades, an AFI) for each of `count` forces."""
    return [make_answered_inspection(get_force(slug)) for slug in FORCE_SLUGS[:count]]


def _urls(inspection):
    letter = inspection.letters.get()
    commissioner = letter.commissioner
    return {
        "home": reverse("inspections:home"),
        "force_list": reverse("inspections:force_list"),
        "force_detail": inspection.force.get_absolute_url(),
        "commissioner_list": reverse("inspections:commissioner_list"),
        "commissioner_detail": commissioner.get_absolute_url(),
        "inspection_list": reverse("inspections:inspection_list"),
        "inspection_detail": inspection.get_absolute_url(),
        "finding_list": reverse("inspections:finding_list"),
        "grade_list": reverse("inspections:grade_list"),
        "letter_list": reverse("letters:letter_list"),
        "letter_detail": letter.get_absolute_url(),
    }


# Queries per page, whatever the number of forces, letters and grades. Lists: the filter
# form's choices, the count for pagination, the page of rows, and any prefetches.
QUERY_COUNTS = {
    "home": 8,  # five counts, latest letters, latest inspections, grades by framework
    "force_list": 3,  # count, page, latest PEEL cycle grades for the forces shown
    "force_detail": 11,  # force with counts, grades, letters, inspections, commissioners,
    # findings; section 55 counts, its inspections and findings to follow through; the
    # inspectorate's grades and counts
    "commissioner_list": 3,  # force choices, count, page
    "commissioner_detail": 7,  # commissioner with counts, their terms, inspections published
    # in office, letters, answered and force grades, findings, section 55 counts
    "inspection_list": 4,  # force choices, cycle choices, count, page
    "inspection_detail": 8,  # inspection, grades, letters, findings, others of its cycle,
    # the force's inspections and findings to follow through, the inspectorate's grades of its
    # force and cycle
    "finding_list": 8,  # force, cycle and commissioner choices, count, page, count by kind,
    # the shown forces' inspections and the findings of the shown ones' inspections, the
    # next and the previous to follow through
    "grade_list": 4,  # force and cycle choices, count, page
    "letter_list": 4,  # force and commissioner choices, count, page
    "letter_detail": 3,  # letter with force/commissioner/inspection, grades, findings
}


@pytest.mark.parametrize("page", QUERY_COUNTS)
@pytest.mark.parametrize("forces", [1, 5])
def test_page_query_count_stays_flat_from_one_to_five_forces(
    client, django_assert_num_queries, page, forces
):
    inspections = _build(forces)
    url = _urls(inspections[0])[page]

    with django_assert_num_queries(QUERY_COUNTS[page]):
        response = client.get(url)

    assert response.status_code == 200


def test_home_on_a_fresh_database_says_nothing_is_loaded(client):
    response = client.get(reverse("inspections:home"))

    assert response.status_code == 200
    assert b"No letters loaded yet" in response.content
    assert b"No grades have been read from the letters yet" in response.content
    assert b"vendor/plotly/plotly-basic.min.js" not in response.content


def test_home_shows_counts_latest_letters_and_distribution(client):
    inspection = make_answered_inspection()

    response = client.get(reverse("inspections:home"))

    content = response.content.decode()
    assert inspection.letters.get().get_absolute_url() in content
    assert 'id="distribution-chart-data"' in content
    assert "PEEL 2023–25" in content
    counts = {label: (n, note) for label, n, _, note in response.context["counts"]}
    assert counts == {
        "Forces": (43, "1 with letters"),
        "Commissioners": (Commissioner.objects.registered().count(), ""),
        "Letters": (1, ""),
        "Inspections": (1, ""),
        "Areas for improvement": (1, ""),
    }


def test_home_distribution_counts_the_newest_framework_with_grades_only(
    client, django_capture_on_commit_callbacks
):
    older = make_inspection(published=dt.date(2022, 4, 1))  # PEEL 2021/22
    make_grade(inspection=older, grade="inadequate")
    make_grade(inspection=older, area="investigating-crime", grade="inadequate")

    only_older = client.get(reverse("inspections:home")).context
    with django_capture_on_commit_callbacks(execute=True):  # the page cache's version moves
        newer = make_inspection(published=dt.date(2024, 5, 1))  # PEEL 2023-25
        make_grade(inspection=newer, grade="good")
        make_grade(inspection=newer, area="investigating-crime", grade="adequate")
        make_grade(inspection=make_inspection(published=None), grade="outstanding")  # undated
    both = client.get(reverse("inspections:home")).context

    assert only_older["distribution"] == [("inadequate", 2)]
    assert only_older["framework"].key == "peel-2021-22"
    assert both["distribution"] == [("good", 1), ("adequate", 1)]
    assert both["framework"].key == "peel-2023-25"


def test_home_counts_say_what_they_count_and_link_to_the_same_rows(client):
    inspection = make_answered_inspection()  # one area for improvement
    for number, kind in ((1, "cause-of-concern"), (1, "recommendation")):
        AreaForImprovement.objects.create(inspection=inspection, kind=kind, number=number, text="x")

    content = client.get(reverse("inspections:home")).content.decode()
    listed = client.get(reverse("inspections:finding_list"), {"kind": "afi"})

    assert (
        '<a href="/areas-for-improvement/?kind=afi"><span class="stats__number">1</span> '
        '<span class="stats__label">Areas for improvement</span> '
        '<span class="stats__note">and 2 causes of concern or recommendations</span></a>'
    ) in content
    assert '<span class="stats__label">Forces</span> <span class="stats__note">1 with letters' in (
        content
    )
    assert listed.context["table"].paginator.count == 1


def test_finding_list_says_which_findings_it_counts(client):
    inspection = make_answered_inspection()
    AreaForImprovement.objects.create(inspection=inspection, kind="cause-of-concern", number=1)

    content = client.get(reverse("inspections:finding_list")).content.decode()

    assert "<h1>Findings</h1>" in content
    assert "2 results: 1 area for improvement, 1 cause of concern</p>" in content
    assert (
        '<caption id="table-caption"><span>Findings: areas for improvement, causes of concern'
        in (content)
    )


def test_home_distribution_counts_only_the_latest_framework(client):
    make_grade(inspection=make_inspection(published="2018-03-22"), grade="inadequate")
    make_grade(inspection=make_inspection(published="2024-12-05"), grade="good")

    response = client.get(reverse("inspections:home"))

    assert response.context["distribution"] == [("good", 1)]


def test_force_list_filters_by_name_and_letters(client):
    _build(2)

    response = client.get(reverse("inspections:force_list"), {"name": "kent"})
    with_letters = client.get(reverse("inspections:force_list"), {"has_letters": "true"})

    assert [f.name for f in response.context["table"].data] == ["Kent Police"]
    assert {f.name for f in with_letters.context["table"].data} == {
        "Leicestershire Police",
        "Kent Police",
    }


def test_force_list_letters_filter_offers_any_yes_and_no(client):
    _build(1)

    content = client.get(reverse("inspections:force_list")).content.decode()
    without = client.get(reverse("inspections:force_list"), {"has_letters": "false"})

    assert (
        '<select id="id_has_letters" name="has_letters"><option value="" selected>Any</option>'
        '<option value="true">Yes</option><option value="false">No</option></select>'
    ) in content
    assert "Unknown" not in content
    assert without.context["table"].paginator.count == 42


def test_force_list_sorts_by_letter_count(client):
    _build(1)

    response = client.get(reverse("inspections:force_list"), {"sort": "-letter_count"})

    assert response.context["table"].data[0].name == "Leicestershire Police"
    assert b'aria-sort="descending"' in response.content


def test_force_list_counts_the_grades_of_each_force_latest_peel_cycle_only(client):
    """A 2016 pillar grade and a 2023-25 area grade never share a cell: the cell names the
    latest PEEL cycle and counts its grades (once per area where two letters read one)."""
    inspection = _build(1)[0]  # PEEL 2023/25: preventing crime outstanding, investigating good
    letter = inspection.letters.get()
    make_grade(inspection=inspection, area="workforce", grade="good", letter=letter)
    make_grade(inspection=inspection, area="workforce", grade="good", letter=make_letter())
    pillar = make_inspection(
        force=inspection.force, kind="peel-legitimacy", period="2016", published=dt.date(2017, 2, 1)
    )
    make_grade(inspection=pillar, area="legitimacy", grade="inadequate")
    make_grade(
        inspection=make_inspection(force=get_force("kent"), kind="peel-legitimacy", period="2016"),
        area="legitimacy",
        grade="inadequate",
    )

    content = client.get(reverse("inspections:force_list")).content.decode()

    assert (
        '<span class="muted">PEEL 2023–25</span><ul class="compact-list">'
        '<li><span class="grade grade--outstanding">Outstanding</span> 1</li>'
        '<li><span class="grade grade--good">Good</span> 2</li></ul>'
    ) in content
    assert content.count("grade--inadequate") == 1  # Kent's, whose latest cycle is 2016
    assert '<span class="muted">PEEL 2016</span>' in content
    assert "No PEEL grades yet" in content  # forces without any


def test_force_detail_has_timeline_data_and_table(client):
    inspection = make_answered_inspection()

    response = client.get(inspection.force.get_absolute_url())

    content = response.content.decode()
    assert 'id="force-timeline-data"' in content
    assert 'src="/static/vendor/plotly/plotly-basic.min.js"' in content
    assert "<script>" not in content  # no inline script: only json_script data and static files
    grade = Grade.objects.get(area="preventing-crime")
    assert f'href="{grade.evidence_url}"' in content
    assert {trace["name"] for trace in response.context["chart"]["data"]} == {
        "Preventing crime",
        "Investigating crime",
    }


def test_force_detail_without_letters_says_so(client):
    response = client.get(get_force("kent").get_absolute_url())

    assert response.status_code == 200
    assert b"no letters from this force have been loaded" in response.content
    assert response.context["chart"] is None


def test_force_detail_unknown_slug_is_404(client):
    assert client.get("/forces/atlantis/").status_code == 404


def test_commissioner_detail_shades_terms_from_the_registry_not_letters(client):
    commissioner = make_commissioner(
        term={"start": dt.date(2012, 11, 22), "end": dt.date(2016, 5, 11)}
    )
    make_term(commissioner, start=dt.date(2016, 5, 12), end=dt.date(2021, 5, 12))
    make_term(commissioner, start=dt.date(2024, 5, 9))  # a second spell, still in office
    make_answered_inspection(commissioner=commissioner)

    response = client.get(commissioner.get_absolute_url())

    rects = [s for s in response.context["force_chart"]["layout"]["shapes"] if s["type"] == "rect"]
    assert [(rect["x0"], rect["x1"]) for rect in rects] == [
        ("2012-11-22", "2021-05-12"),
        ("2024-05-09", dt.date.today().isoformat()),
    ]
    assert response.context["chart"] is not None
    content = response.content.decode()
    assert "22 November 2012" in content and "In office" in content
    assert 'href="https://example.org/results"' in content


def test_commissioner_detail_shows_month_precision_and_unchecked_dates(client):
    commissioner = Commissioner.objects.get(name="Doug Barrow")

    content = client.get(commissioner.get_absolute_url()).content.decode()

    assert '<time datetime="2016-05">May 2016</time>' in content
    assert '<time datetime="2020-05">May 2020</time>' in content
    assert "(dates inferred, not read on the page)" in content
    assert "1 May 2016" not in content


def test_commissioner_detail_tables_hold_each_force_grade_once(client):
    answered = make_answered_inspection()
    commissioner = answered.letters.get().commissioner
    make_answered_inspection(title="An inspection someone else answered")

    response = client.get(commissioner.get_absolute_url())

    content = response.content.decode()
    quote_link = f'href="{Grade.objects.filter(inspection=answered).first().evidence_url}"'
    assert content.count(quote_link) == 1
    assert content.count(">An inspection someone else answered</a>") == 2
    assert len(response.context["force_chart"]["data"][0]["x"]) == 2
    assert "The force’s other grades as a table" in content


def test_commissioner_detail_paints_both_charts_before_plotly_loads(client):
    answered = make_answered_inspection()
    commissioner = answered.letters.get().commissioner
    make_answered_inspection(title="An inspection someone else answered")

    content = client.get(commissioner.get_absolute_url()).content.decode()

    for chart in ("commissioner-timeline", "force-timeline"):
        plot = content.split(f'id="{chart}"', 1)[1].split("</div>", 1)[0]
        assert '<svg class="chart__static"' in plot
        assert 'aria-hidden="true"' in plot


def test_commissioner_detail_without_other_force_grades_has_one_table(client):
    commissioner = make_answered_inspection().letters.get().commissioner

    content = client.get(commissioner.get_absolute_url()).content.decode()

    assert content.count("<table") == 2  # their terms, and the grades of what they answered
    assert "Every grade on it is in the table above" in content


def test_commissioner_detail_includes_an_answered_inspection_of_another_force(client):
    commissioner = make_answered_inspection().letters.get().commissioner
    elsewhere = make_answered_inspection(get_force("kent"), commissioner=commissioner)

    response = client.get(commissioner.get_absolute_url())

    assert {p.inspection for p in response.context["grades"]} >= {str(elsewhere)}
    assert str(elsewhere) not in {p.inspection for p in response.context["force_only_grades"]}
    assert len(response.context["force_chart"]["data"][0]["x"]) == 1


def test_commissioner_list_lists_the_registry_and_their_letters(client):
    _build(2)
    unregistered = make_commissioner(registered=False, name="Skip Content")
    make_letter(commissioner=unregistered)

    response = client.get(reverse("inspections:commissioner_list"), {"per_page": 500})

    rows = list(response.context["table"].data)
    assert len(rows) == Commissioner.objects.registered().count() == 127
    assert sum(row.letter_count for row in rows) == 2
    assert "Skip Content" not in {row.name for row in rows}
    assert all(row.term_start is not None for row in rows)


def test_inspection_detail_shows_summary_difference(client):
    inspection = make_answered_inspection()

    content = client.get(inspection.get_absolute_url()).content.decode()

    assert "the letter counts 2, but names 1" in content
    assert "The force needs to record triage." in content
    assert "We have started recording it." in content


def test_inspection_detail_compares_only_the_counts_the_letter_states(client):
    inspection = make_answered_inspection()  # counts 1 outstanding and 2 good, names 1 and 1
    letter = inspection.letters.get()
    for area in ("workforce", "use-of-resources"):
        make_grade(inspection=inspection, letter=letter, area=area, grade="adequate")

    content = client.get(inspection.get_absolute_url()).content.decode()

    assert "Good: the letter counts 2, but names 1." in content
    assert "Adequate: the letter counts" not in content


def test_inspection_detail_without_grades_says_so(client):
    inspection = make_inspection()

    response = client.get(inspection.get_absolute_url())

    assert b"The letters name no grades for this inspection." in response.content
    assert b"No letters answer this inspection." in response.content


def test_finding_list_filters_by_words_kind_and_force(client):
    _build(2)
    AreaForImprovement.objects.filter(inspection__force__slug="kent").update(text="Vetting backlog")

    by_words = client.get(reverse("inspections:finding_list"), {"words": "vetting"})
    by_force = client.get(
        reverse("inspections:finding_list"), {"force": Force.objects.get(slug="kent").pk}
    )
    by_kind = client.get(reverse("inspections:finding_list"), {"inspection_kind": "thematic"})

    assert [f.text for f in by_words.context["table"].data] == ["Vetting backlog"]
    assert [f.text for f in by_force.context["table"].data] == ["Vetting backlog"]
    assert len(by_kind.context["table"].data) == 0


def test_inspection_list_filters_by_kind(client):
    make_inspection(kind="thematic", title="Vetting")
    make_inspection(kind="peel", title="PEEL")

    response = client.get(reverse("inspections:inspection_list"), {"kind": "thematic"})

    assert [i.title for i in response.context["table"].data] == ["Vetting"]


def test_inspection_and_finding_lists_group_periods_by_cycle(client):
    written_two_ways = [
        make_answered_inspection(period="2023/24", published=dt.date(2024, 3, 7)),
        make_answered_inspection(period="2023/25", published=dt.date(2025, 3, 7)),
    ]
    earlier = make_answered_inspection(period="2021/22", published=dt.date(2022, 4, 1))
    url = reverse("inspections:inspection_list")

    page = client.get(url)
    by_cycle = client.get(url, {"cycle": "2023-25"})
    findings = client.get(reverse("inspections:finding_list"), {"cycle": "2023-25"})

    content = page.content.decode()
    assert '<option value="2023-25">2023–25</option><option value="2021-22">2021–22</option>' in (
        content
    )
    # The cycle, then the letters' own wording where it says something else.
    assert '2023–25 <span class="muted">(“2023/24” in the letters)</span>' in content
    assert content.count("2023–25</td>") == 1  # "2023/25" says no more than its cycle
    assert "2021–22</td>" in content
    assert set(by_cycle.context["table"].data) == set(written_two_ways)
    assert {f.inspection for f in findings.context["table"].data} == set(written_two_ways)
    assert earlier not in by_cycle.context["table"].data


def test_inspection_detail_shows_the_other_reports_of_its_cycle_and_doubtful_letters(client):
    march = make_answered_inspection(period="2023/24", published=dt.date(2024, 3, 7))
    december = make_answered_inspection(
        period="2023/24", published=dt.date(2024, 12, 5), natural_key="2024-12-05"
    )
    # The one letter names the period alone (no span for a publication date); the other
    # letter states its date.
    Letter.objects.filter(inspection=march).update(spans={})
    Letter.objects.filter(inspection=december).update(
        spans={"inspection.published": [0, 4]},
        warnings=["Which inspection: the letter says it was published on 4 December 2024"],
    )

    on_march = client.get(march.get_absolute_url()).content.decode()
    on_december = client.get(december.get_absolute_url()).content.decode()

    assert "Which report?" in on_march and "Which report?" in on_december
    assert "2 PEEL inspections of Leicestershire Police in the 2023–25 cycle" in on_march
    assert f'<a href="{december.get_absolute_url()}">' in on_march
    assert "It names the period but not when the report was published" in on_march
    assert "The letter says it was published on 4 December 2024." in on_december
    assert "It names the period but not" not in on_december


def test_inspection_detail_alone_in_its_cycle_raises_no_doubt(client):
    inspection = make_answered_inspection()
    Letter.objects.update(spans={})

    content = client.get(inspection.get_absolute_url()).content.decode()

    assert "Which report?" not in content
    assert "Period</dt><dd>2023/25 (cycle 2023–25)</dd>" in content


def test_listing_pages_paginate(client):
    response = client.get(reverse("inspections:force_list"))

    assert response.context["table"].paginator.num_pages == 2
    assert b'aria-label="Pages of the table"' in response.content


def test_letters_are_listed_newest_first(client):
    _build(2)
    Letter.objects.filter(force__slug="kent").update(date="2020-01-01")

    response = client.get(reverse("letters:letter_list"))

    assert [letter.force.slug for letter in response.context["table"].data] == [
        "leicestershire",
        "kent",
    ]


def test_inspection_natural_order_counts(client):
    _build(1)

    inspection = Inspection.objects.with_counts().get()

    assert (inspection.grade_count, inspection.afi_count, inspection.letter_count) == (2, 1, 1)


def test_force_detail_shows_the_newest_letters_and_links_to_the_rest(client):
    force = get_force()
    for _ in range(12):
        make_answered_inspection(force)

    response = client.get(force.get_absolute_url())

    content = response.content.decode()
    assert len(response.context["letters"]) == 10
    assert len(response.context["findings"]) == 10
    assert f'href="/letters/?force={force.pk}">All 12 letters from {force.name}</a>' in content
    assert f'href="/inspections/?force={force.pk}">All 12 inspections of {force.name}' in content
    assert f'href="/areas-for-improvement/?force={force.pk}">All 12 findings' in content
    assert "12 letters, 12 inspections, 24 grades." in content


def test_force_detail_with_few_letters_has_no_link_to_more(client):
    inspection = make_answered_inspection()

    content = client.get(inspection.force.get_absolute_url()).content.decode()

    assert "All 1 letters" not in content and "The newest" not in content


def test_commissioner_detail_counts_every_letter_but_lists_the_newest(client):
    first = make_answered_inspection()
    commissioner = first.letters.get().commissioner
    for _ in range(11):
        make_answered_inspection(commissioner=commissioner)

    response = client.get(commissioner.get_absolute_url())

    content = response.content.decode()
    assert "(12 letters)" in content
    assert len(response.context["letters"]) == 10
    assert f'href="/letters/?commissioner={commissioner.pk}">All 12 letters signed by' in content


def test_letter_and_finding_lists_filter_by_commissioner(client):
    inspections = _build(2)
    commissioner = inspections[1].letters.get().commissioner

    letters = client.get(reverse("letters:letter_list"), {"commissioner": commissioner.pk})
    findings = client.get(reverse("inspections:finding_list"), {"commissioner": commissioner.pk})

    assert [x.commissioner for x in letters.context["table"].data] == [commissioner]
    assert [f.inspection for f in findings.context["table"].data] == [inspections[1]]


def test_list_filters_keep_the_chosen_option_selected(client):
    kent = get_force("kent")

    content = client.get(reverse("letters:letter_list"), {"force": kent.pk}).content.decode()

    assert f'<option value="{kent.pk}" selected>Kent Police</option>' in content
    assert '<option value="">All forces</option>' in content
    assert '<label for="id_force">Force</label>' in content and 'id="id_force"' in content


def test_force_detail_lists_every_term_including_those_without_letters(client):
    moody = Commissioner.objects.get(name="Clare Moody")
    make_answered_inspection(get_force("avon-and-somerset"), commissioner=moody)

    response = client.get(get_force("avon-and-somerset").get_absolute_url())

    terms = response.context["terms"]
    assert [t.commissioner.name for t in terms] == [
        "Sue Mountstevens",
        "Sue Mountstevens",
        "Mark Shelford",
        "Clare Moody",
    ]
    assert [t.letter_count for t in terms] == [0, 0, 0, 1]
    content = response.content.decode()
    assert content.count("No response loaded") == 3
    assert (
        "in office: <a" in content and "Clare Moody</a> (Police and Crime Commissioner)" in content
    )


def test_commissioner_detail_counts_inspections_published_while_in_office(client):
    moody = Commissioner.objects.get(name="Clare Moody")
    avon = get_force("avon-and-somerset")
    make_answered_inspection(avon, commissioner=moody, published=dt.date(2024, 5, 9))
    make_inspection(force=avon, published=dt.date(2025, 1, 9))
    make_inspection(force=avon, published=dt.date(2024, 5, 8))  # Mark Shelford's last day

    response = client.get(moody.get_absolute_url())

    assert response.context["in_office"] == {"published": 2, "answered": 1}
    assert "2 inspections of the force were published while they held the office; 1 has" in (
        response.content.decode()
    )
