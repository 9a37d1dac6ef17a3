"""The top of a force's page: the headline sentence, the grid of grades, and the glossary links,
on the seed letters loaded by the real loader and on grades built for the case."""

import datetime as dt
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils.html import escape

from inspections import overview
from inspections import vocabulary as vocab
from inspections.charts import GradePoint
from inspections.glossary import TERMS
from inspections.models import Grade
from letters.loading import load_letters
from tests.builders import get_force, make_grade, make_inspection, make_letter
from tests.inspections.test_views import QUERY_COUNTS

# --- the headline's grammar (no database) ----------------------------------------------------

LATEST = "its latest PEEL inspection, 2023–25"


@pytest.mark.parametrize(
    ("grades", "expected"),
    [
        (
            {
                **dict.fromkeys(["a1", "a2", "a3", "a4", "a5"], "good"),
                "a6": "adequate",
                "a7": "adequate",
                "a8": "requires-improvement",
                "a9": "inadequate",
            },
            "Rated good in 5 of 9 areas at its latest PEEL inspection, 2023–25: adequate in 2, "
            "requires improvement in 1 and inadequate in 1.",
        ),
        (
            {"a1": "good"},
            "Rated good in the one area graded at its latest PEEL inspection, 2023–25.",
        ),
        (
            dict.fromkeys(["a1", "a2", "a3"], "outstanding"),
            "Rated outstanding in all 3 areas at its latest PEEL inspection, 2023–25.",
        ),
        (
            {"a1": "inadequate", "a2": "good"},
            # A tie: the better grade leads, as the scale runs.
            "Rated good in 1 of 2 areas at its latest PEEL inspection, 2023–25: inadequate in 1.",
        ),
        (
            {"a1": "requires-improvement", "a2": "requires-improvement", "a3": "outstanding"},
            "Rated requires improvement in 2 of 3 areas at its latest PEEL inspection, "
            "2023–25: outstanding in 1.",
        ),
        (
            {"a1": "good", "a2": "adequate", vocab.OVERALL_AREA: "good"},
            "Rated good in 1 of 2 areas at its latest PEEL inspection, 2023–25: adequate in 1. "
            "Overall: good.",
        ),
        (
            {vocab.OVERALL_AREA: "requires-improvement"},
            "Rated requires improvement overall at its latest PEEL inspection, 2023–25.",
        ),
        ({}, ""),
    ],
)
def test_headline_sentence_counts_grades_in_words_with_the_right_grammar(grades, expected):
    assert overview.headline_sentence(grades, LATEST) == expected


def _point(when, area, grade, inspection_id=1, kind="peel", cycle="2023-25", **kwargs):
    return GradePoint(
        when=when,
        area=area,
        grade=grade,
        inspection=f"Inspection {inspection_id}",
        inspection_url=f"/inspections/{inspection_id}/",
        inspection_id=inspection_id,
        kind=kind,
        cycle=cycle,
        **kwargs,
    )


def test_headline_reads_the_latest_peel_inspection_and_names_a_pillar():
    points = [
        _point(dt.date(2017, 3, 2), "legitimacy", "good", 7, "peel-legitimacy", "2016"),
        _point(dt.date(2016, 3, 2), "effectiveness", "inadequate", 6, "peel-effectiveness", "2015"),
        # Not PEEL: never the headline's inspection, however new.
        _point(dt.date(2024, 1, 1), "crime-data-integrity", "inadequate", 8, "other", ""),
    ]

    assert overview.headline(points) == (
        "Rated good in the one area graded at its latest PEEL inspection, legitimacy 2016."
    )


def test_headline_never_passes_an_older_report_off_as_the_latest():
    points = [_point(dt.date(2022, 5, 1), "preventing-crime", "good", 3, "peel", "2021-22")]
    newer = SimpleNamespace(pk=9, kind="peel", when=dt.date(2024, 12, 5))
    older_thematic = SimpleNamespace(pk=8, kind="thematic", when=dt.date(2025, 1, 1))
    itself = SimpleNamespace(pk=3, kind="peel", when=dt.date(2022, 5, 1))

    assert overview.headline(points, [itself, older_thematic]) == (
        "Rated good in the one area graded at its latest PEEL inspection, 2021–22."
    )
    assert overview.headline(points, [newer, itself]) == (
        "Rated good in the one area graded at its latest PEEL inspection with grades loaded, "
        "2021–22."
    )


def test_headline_is_empty_without_peel_grades():
    points = [_point(dt.date(2024, 1, 1), "crime-data-integrity", "good", 8, "other", "")]

    assert overview.headline(points) == ""
    assert overview.headline([]) == ""


def test_grid_groups_inspections_by_framework_newest_first_and_other_kinds_last():
    points = [
        _point(dt.date(2016, 3, 2), "effectiveness", "good", 1, "peel-effectiveness", "2015"),
        _point(dt.date(2017, 3, 2), "legitimacy", "good", 2, "peel-legitimacy", "2016"),
        _point(dt.date(2022, 5, 1), "preventing-crime", "adequate", 3, "peel", "2021-22"),
        _point(dt.date(2024, 12, 5), "preventing-crime", "good", 4, "peel", "2023-25"),
        _point(dt.date(2024, 12, 5), "workforce", "inadequate", 4, "peel", "2023-25"),
        _point(dt.date(2020, 1, 1), "crime-data-integrity", "good", 5, "crime-data-integrity", ""),
        # A second letter about inspection 4 reading another grade: both are shown.
        _point(dt.date(2025, 1, 10), "workforce", "requires-improvement", 4, "peel", "2023-25"),
    ]

    groups = overview.force_grid(points)

    assert [group.key for group in groups] == [
        "peel-2023-25",
        "peel-2021-22",
        "peel-2014-17",
        "other",
    ]
    pillars = groups[2]
    assert [column.inspection_id for column in pillars.columns] == [2, 1]  # newest first
    assert [row.area for row in pillars.rows] == ["effectiveness", "legitimacy"]
    # Areas of one framework never appear in another's table.
    assert {row.area for row in groups[0].rows} == {"preventing-crime", "workforce"}
    workforce = next(row for row in groups[0].rows if row.area == "workforce")
    assert [p.grade for p in workforce.cells[0][1]] == ["inadequate", "requires-improvement"]
    assert pillars.rows[0].cells[0][1] == []  # effectiveness was not graded in column 2


# --- the page, on the seeds -------------------------------------------------------------------


@pytest.fixture
def seeded(db, seeds_dir):
    summary = load_letters(paths=[seeds_dir])
    assert not summary.failed
    return get_force("leicestershire")


def _grid(content):
    start = content.index('<section aria-labelledby="grid">')
    return content[start : content.index("</section>", start)]


def test_force_page_leads_with_the_headline_then_the_grid_on_the_seeds(client, seeded):
    content = client.get(seeded.get_absolute_url()).content.decode()

    headline = re.search(r'<p class="headline" id="headline">(.*?)</p>', content).group(1)
    # The seeds' 2023/24 PEEL letter reads no grades, so the 2021/22 report's are the latest.
    assert headline == (
        "Rated outstanding in 3 of 8 areas at its latest PEEL inspection with grades loaded, "
        "2021–22: good in 3 and adequate in 2."
    )
    assert (
        content.index('id="headline"') < content.index('id="grid"') < content.index('id="timeline"')
    )
    grid = _grid(content)
    grades = Grade.objects.public().for_force(seeded).select_related("inspection")
    assert grades.count() == 10
    for grade in grades:
        # Every seed grade: its word in its colour, with its quote and the link to its words.
        assert f'<span class="grade grade--{grade.grade}">{grade.get_grade_display()}</span>' in (
            grid
        )
        assert f'href="{grade.evidence_url}"' in grid
    assert "PEEL 2021/22 (5-point scale)" in grid
    assert "PEEL 2014–17 pillars (4-point scale)" in grid
    assert grid.count("<details") == 10


def test_force_page_quote_is_in_a_details_element_beside_its_grade(client, seeded):
    grade = Grade.objects.get(inspection__force=seeded, area="workforce")
    content = client.get(seeded.get_absolute_url()).content.decode()

    cell = re.search(
        r"<details[^>]*>(?:(?!</details>).)*" + re.escape(grade.evidence_url), content, re.S
    )
    assert cell is not None
    assert "grade--good" in cell.group(0)
    assert f'<summary title="“{escape(grade.quote)}”">' in cell.group(0)


def test_force_page_without_grades_has_no_headline_and_says_so(client, db):
    force = get_force("kent")

    content = client.get(force.get_absolute_url()).content.decode()

    assert 'id="headline"' not in content
    assert "No grades for Kent Police yet." in _grid(content)


def test_force_page_grid_leaves_out_grades_staff_deleted(client, db):
    inspection = make_inspection(force=get_force("dorset"))
    letter = make_letter(force=inspection.force, inspection=inspection)
    make_grade(inspection=inspection, letter=letter, area="workforce", grade="inadequate")
    make_grade(inspection=inspection, letter=letter, grade="good", deleted=True)

    content = client.get(inspection.force.get_absolute_url()).content.decode()

    assert "grade--good" not in _grid(content)
    assert "Rated inadequate in the one area graded" in content


def test_force_page_query_count_is_pinned_with_the_grid(client, seeded, django_assert_num_queries):
    # The force page's one pinned count (tests/inspections/test_views.py): the grid and
    # headline read the timeline's grades and add no query of their own.
    with django_assert_num_queries(QUERY_COUNTS["force_detail"]):
        response = client.get(seeded.get_absolute_url())

    assert response.status_code == 200
    assert response.context["grid"]


# --- the glossary -----------------------------------------------------------------------------


def test_glossary_has_an_anchored_entry_for_every_term_and_every_framework(client, db):
    content = client.get(reverse("inspections:glossary")).content.decode()

    for term in TERMS:
        assert f'id="{term.anchor}"' in content
    for framework in vocab.FRAMEWORKS:
        assert framework.label in content
    assert "Adequate added" in content  # the 2021/22 scale's change


def test_terms_link_to_the_glossary_once_per_page(client, seeded):
    pages = {
        "home": reverse("inspections:home"),
        "force": seeded.get_absolute_url(),
        "inspection": Grade.objects.filter(inspection__force=seeded)
        .first()
        .inspection.get_absolute_url(),
    }
    for name, url in pages.items():
        content = client.get(url).content.decode()
        links = re.findall(r'<a class="term" href="/glossary/#(term-[\w-]+)"', content)
        assert links, name
        assert len(links) == len(set(links)), (name, links)  # the first use only
        anchors = client.get(reverse("inspections:glossary")).content.decode()
        assert all(f'id="{anchor}"' in anchors for anchor in links)

    force_page = client.get(seeded.get_absolute_url()).content.decode()
    assert (
        '<a class="term" href="/glossary/#term-peel"><abbr title="Police effectiveness, '
        'efficiency and legitimacy">PEEL</abbr></a>'
    ) in force_page


def test_grid_files_an_undated_peel_inspection_apart_from_every_framework():
    points = [
        _point(dt.date(2024, 12, 5), "preventing-crime", "good", 4, "peel", "2023-25"),
        _point(None, "workforce", "adequate", 5, "peel", ""),
        _point(dt.date(2020, 1, 1), "crime-data-integrity", "good", 6, "crime-data-integrity", ""),
    ]

    groups = overview.force_grid(points)

    assert [group.key for group in groups] == ["peel-2023-25", "undated", "other"]
    assert [column.inspection_id for column in groups[1].columns] == [5]


def test_term_tag_links_the_first_use_and_prints_later_ones_plainly(rf):
    from django.template import Context, Template, TemplateSyntaxError

    template = Template(
        '{% load glossary %}{% term "peel" %} and {% term "peel" %}; {% term "afi" "AFIs" %}'
    )
    request = rf.get("/")

    html = template.render(Context({"request": request}))

    assert html.count('href="/glossary/#term-peel"') == 1
    assert html.endswith(' and PEEL; <a class="term" href="/glossary/#term-afi">AFIs</a>')
    # A new request links again.
    assert 'href="/glossary/#term-peel"' in template.render(Context({"request": rf.get("/")}))
    with pytest.raises(TemplateSyntaxError, match="no glossary entry 'pel'"):
        Template('{% load glossary %}{% term "pel" %}').render(Context({}))


def test_commissioner_page_links_finding_terms_once(client, db):
    from tests.builders import make_answered_inspection

    commissioner = make_answered_inspection().letters.get().commissioner

    content = client.get(commissioner.get_absolute_url()).content.decode()

    for key in ("afi", "cause-of-concern", "recommendation"):
        assert content.count(f'href="/glossary/#term-{key}"') == 1


def test_a_grade_shows_its_quote_on_hover_as_well(client, db):
    inspection = make_inspection(force=get_force("dorset"))
    letter = make_letter(force=inspection.force, inspection=inspection)
    make_grade(inspection=inspection, letter=letter, area="workforce", quote="a <fair> place")

    content = client.get(inspection.force.get_absolute_url()).content.decode()

    assert '<summary title="“a &lt;fair&gt; place”">' in content
