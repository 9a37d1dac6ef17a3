"""The compare pages (/peel/, /peel/<cycle>/, /areas/<key>/) and the inspectorate's grades on
the inspection and force pages, on the seed letters and the real reference grades."""

import csv
import io
import json
from collections import Counter

import pytest
from django.urls import reverse

from inspections import vocabulary as vocab
from inspections.models import Force, Grade, Inspection
from inspections.official import import_grades
from letters.loading import load_letters
from tests.conftest import FIXTURES_DIR, ROOT

pytestmark = pytest.mark.django_db

REFERENCE = sorted((ROOT / "data" / "reference").glob("peel_*.csv"))
PILLARS = ROOT / "data" / "reference" / "peel_pillar_grades_2015_2019.csv"
LEICESTERSHIRE = FIXTURES_DIR / "reference" / "peel_pillars_leicestershire.csv"
RANK = {"outstanding": 4, "good": 3, "requires improvement": 2, "inadequate": 1}


@pytest.fixture
def reference():
    summary = import_grades(REFERENCE)
    assert not summary.bad, summary


@pytest.fixture
def seeded(seeds_dir):
    load_letters(paths=[seeds_dir])


def _pillar_rows(cycle):
    with open(PILLARS, encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["cycle"] == cycle]


def _cycle(client, cycle, query=""):
    return client.get(reverse("inspections:peel_cycle", args=[cycle]) + query)


def _cell(response, slug, area):
    row = next(r for r in response.context["table"].data.data if r.force.slug == slug)
    return row.cell(area)


def test_the_index_lists_every_cycle_and_area(client, reference, django_assert_num_queries):
    with django_assert_num_queries(1):  # the inspectorate's grades per cycle
        response = client.get(reverse("inspections:peel_index"))

    content = response.content.decode()
    for cycle in vocab.PEEL_CYCLES:
        assert reverse("inspections:peel_cycle", args=[cycle]) in content
    assert reverse("inspections:area_detail", args=["investigating-crime"]) in content
    assert 'aria-current="page">Compare</a>' in content


def test_a_cycle_page_has_every_force_and_only_its_frameworks_areas(client, reference):
    response = _cycle(client, "2023-25")

    table = response.context["table"]
    assert len(table.rows) == 43
    headers = [column.header for column in table.columns]
    assert headers[:3] == ["Force", "Region", "Treatment of the public"]
    assert "Effectiveness" not in headers and "Inspectorate's count" in headers
    pillars = [column.header for column in _cycle(client, "2016").context["table"].columns]
    assert pillars == ["Force", "Region", "Effectiveness", "Efficiency", "Legitimacy"]


def test_a_cell_says_the_grade_in_words_and_links_its_source(client, reference):
    response = _cycle(client, "2023-25")

    cell = _cell(response, "cleveland", "investigating-crime")
    assert cell.official_grade == "requires-improvement" and cell.letter is None
    html = str(cell.html)
    assert "Requires improvement" in html and "hartlepoolmail.co.uk" in html
    assert "unverified" not in html
    content = response.content.decode()
    assert "4 good, 2 adequate, 2 requires improvement of 8 areas" in content  # Cleveland's count
    durham = next(r for r in response.context["table"].data.data if r.force.slug == "durham")
    assert not durham.count.verified  # checked "no" in the file: shown as unverified


def test_unchecked_grades_are_shown_unverified(client, reference):
    response = _cycle(client, "2015")

    cheshire = str(_cell(response, "cheshire", "efficiency").html)
    assert "Outstanding" in cheshire and "unverified" in cheshire


def test_where_letter_and_page_disagree_the_cell_says_so(client, seeded):
    import_grades([LEICESTERSHIRE])  # the page says requires improvement; the letter, good

    response = _cycle(client, "2017")

    cell = _cell(response, "leicestershire", "effectiveness")
    assert cell.disagrees
    assert cell.disagreement == "letter: good; inspectorate's page: requires improvement"
    assert "Differ: letter: good; inspectorate&#x27;s page: requires improvement" in str(cell.html)
    assert response.context["disagreements"] == 1
    inspection = Inspection.objects.get(force__slug="leicestershire", cycle="2017")
    page = client.get(inspection.get_absolute_url()).content.decode()
    assert "the letter says good; the inspectorate&#x27;s page says requires improvement" in page


def test_where_they_agree_nothing_is_flagged(client, seeded, reference):
    response = _cycle(client, "2017")

    cell = _cell(response, "leicestershire", "effectiveness")
    assert (cell.letter_grade, cell.official_grade) == ("good", "good")
    assert not cell.disagrees and "Differ" not in str(cell.html)
    assert response.context["disagreements"] == 0
    inspection = Inspection.objects.get(force__slug="leicestershire", cycle="2017")
    page = client.get(inspection.get_absolute_url()).content.decode()
    assert "(the letter says the same)" in page and "They differ" not in page


@pytest.mark.parametrize("order", ["effectiveness", "-effectiveness", "legitimacy"])
def test_sorting_by_an_area_orders_forces_by_its_grade(client, reference, order):
    response = _cycle(client, "2016", f"?sort={order}")

    area = order.lstrip("-")
    ranks = [row.record.cell(area).rank for row in response.context["table"].rows]
    expected = sorted(ranks, reverse=order.startswith("-"))
    assert ranks == expected and len(set(ranks)) > 2


@pytest.mark.parametrize(
    "query, slugs",
    [
        ("?region=wales", {"dyfed-powys", "gwent", "north-wales", "south-wales"}),
        ("?country=Wales", {"dyfed-powys", "gwent", "north-wales", "south-wales"}),
        ("?region=london", {"city-of-london", "metropolitan"}),
        ("?region=london&country=Wales", set()),
    ],
)
def test_filters_by_region_and_country(client, reference, query, slugs):
    response = _cycle(client, "2018-19", query)

    shown = {row.record.force.slug for row in response.context["table"].rows}
    assert shown == slugs
    if not slugs:
        assert "No forces match these filters." in response.content.decode()


def test_counts_per_grade_per_area_match_the_file(client, reference):
    response = _cycle(client, "2016")

    rows = _pillar_rows("2016")
    for area, counts in response.context["distribution"]:
        expected = Counter(row[area] for row in rows if row[area] in RANK)
        assert {vocab.GRADE_LABELS[g].lower(): n for g, n in counts.items() if n} == expected
    chart = response.context["chart"]
    assert chart["layout"]["barmode"] == "stack"
    good = next(trace for trace in chart["data"] if trace["name"] == "Good")
    assert good["x"] == [counts["good"] for _, counts in response.context["distribution"]]
    assert 'id="cycle-chart-data"' in response.content.decode()


def test_the_export_writes_both_sources_of_every_cell(client, reference):
    response = _cycle(client, "2016", "?_export=csv&region=east-midlands&sort=force")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["force_slug"] for row in rows] == [
        "derbyshire",
        "leicestershire",
        "lincolnshire",
        "northamptonshire",
        "nottinghamshire",
    ]
    leicestershire = rows[1]
    assert leicestershire["effectiveness_official"] == "requires-improvement"
    assert leicestershire["effectiveness_official_url"].endswith("/peel-2016/leicestershire/?")
    assert leicestershire["effectiveness_official_verified"] == "True"
    assert leicestershire["effectiveness_letter"] == ""
    assert leicestershire["region"] == "East Midlands"


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_the_other_export_formats(client, reference, fmt):
    response = _cycle(client, "2023-25", f"?_export={fmt}")

    assert response.status_code == 200
    if fmt == "json":
        rows = json.loads(response.content)
        assert len(rows) == 43 and "official_count_good" in rows[0]
    else:
        assert response.content[:2] == b"PK"


@pytest.mark.parametrize("loaded", [False, True])
def test_a_cycle_page_costs_four_queries_whatever_is_loaded(
    client, django_assert_num_queries, seeds_dir, loaded
):
    if loaded:
        load_letters(paths=[seeds_dir])
        import_grades(REFERENCE)
    # The forces, the letters' grades, the inspectorate's grades, its counts.
    with django_assert_num_queries(4):
        response = _cycle(client, "2021-22", "?region=east-midlands&sort=-investigating-crime")
    assert response.status_code == 200


@pytest.mark.parametrize("loaded", [False, True])
def test_an_area_page_costs_three_queries(client, django_assert_num_queries, seeds_dir, loaded):
    if loaded:
        load_letters(paths=[seeds_dir])
        import_grades(REFERENCE)
    with django_assert_num_queries(3):  # the forces, the letters' grades, the inspectorate's
        response = client.get(reverse("inspections:area_detail", args=["effectiveness"]))
    assert response.status_code == 200


def _expected_moves(pillar):
    """Up, same and down per pair of cycles, worked out from the file itself."""
    by_force = {}
    for cycle in ("2015", "2016", "2017", "2018/19"):
        for row in _pillar_rows(cycle):
            by_force.setdefault(row["force"], {})[cycle] = row[pillar]
    moves = Counter()
    cycles = ("2015", "2016", "2017", "2018/19")
    for grades in by_force.values():
        for before, after in zip(cycles, cycles[1:], strict=False):
            first, second = grades.get(before), grades.get(after)
            if first in RANK and second in RANK:
                change = RANK[second] - RANK[first]
                moves[(after, "up" if change > 0 else "down" if change < 0 else "same")] += 1
    return moves


def test_an_area_page_shows_moves_and_says_where_the_framework_changed(client, reference):
    response = client.get(reverse("inspections:area_detail", args=["effectiveness"]))

    content = response.content.decode()
    summary = {pair["after"]: pair for pair in response.context["summary"]}
    expected = _expected_moves("effectiveness")
    for after, label in (("2016", "2016"), ("2017", "2017"), ("2018/19", "2018–19")):
        for direction in ("up", "same", "down"):
            assert summary[label][direction] == expected[(after, direction)]
    assert not summary["2017"]["across_break"] and summary["2018–19"]["across_break"]
    # PEEL 2014 gave no pillar grades: no column, no pair.
    assert [c for c, *_ in response.context["cycles"]] == ["2015", "2016", "2017", "2018-19"]
    assert set(summary) == {"2016", "2017", "2018–19"}
    assert "Between 2017 and 2018–19 the framework changed, to PEEL 2018/19" in content
    # Bedfordshire: requires improvement (2015), inadequate (2016), requires improvement
    # (2017), good (2018/19).
    bedfordshire = next(
        cells for row, cells in response.context["table"] if row.force.slug == "bedfordshire"
    )
    moves = {cycle: move.words for cycle, _, move in bedfordshire if move}
    assert moves == {
        "2016": "down from 2015 (inspectorate's page)",
        "2017": "up from 2016 (inspectorate's page)",
        "2018-19": "up from 2017 (inspectorate's page), across a framework change: not like "
        "for like",
    }


def test_an_area_of_the_2021_frameworks_spans_their_break(client, reference):
    response = client.get(reverse("inspections:area_detail", args=["investigating-crime"]))

    assert [cycle for cycle, *_ in response.context["cycles"]] == ["2021-22", "2023-25"]
    assert response.context["summary"][0]["across_break"]
    assert "Effectiveness" not in response.content.decode().split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize(
    "url",
    ["/peel/1999/", "/peel/2020/", "/areas/overall/", "/areas/no-such-area/"],
)
def test_unknown_cycles_and_areas_are_404(client, url):
    assert client.get(url).status_code == 404


def test_the_force_page_lists_the_inspectorates_grades_per_cycle(client, reference):
    force = Force.objects.get(slug="bedfordshire")

    response = client.get(force.get_absolute_url())

    content = response.content.decode()
    assert "The inspectorate's own grades" in content
    cycles = [item["cycle"] for item in response.context["official_cycles"]]
    assert cycles == ["2018-19", "2017", "2016", "2015"]
    assert reverse("inspections:peel_cycle", args=["2016"]) in content
    assert "Inadequate" in content


def test_a_page_without_reference_grades_shows_no_such_section(client, seeded):
    inspection = Inspection.objects.get(force__slug="leicestershire", cycle="2017")

    content = client.get(inspection.get_absolute_url()).content.decode()

    assert "The inspectorate's own grades" not in content


def test_withdrawn_letters_and_deleted_grades_are_on_no_compare_page(client, seeded):
    from letters.models import Letter

    grades = Grade.objects.filter(inspection__cycle="2021-22").order_by("pk")
    deleted = grades.first()
    Grade.objects.filter(pk=deleted.pk).update(deleted=True)
    shown = grades.exclude(pk=deleted.pk).first()
    withdrawn = Letter.objects.get(pk=Inspection.objects.get(cycle="2017").letters.get().pk)
    Letter.objects.filter(pk=withdrawn.pk).update(withdrawn=True)

    pages = [
        client.get(reverse("inspections:peel_cycle", args=["2021-22"])),
        client.get(reverse("inspections:peel_cycle", args=["2017"])),
        client.get(reverse("inspections:area_detail", args=[deleted.area])),
        client.get(reverse("inspections:area_detail", args=["effectiveness"])),
    ]

    content = "".join(page.content.decode() for page in pages)
    assert f"#grade-{deleted.pk}" not in content
    assert f"#grade-{shown.pk}" in content  # the others of its letter still show
    assert withdrawn.get_absolute_url() not in content


def test_the_inspectorates_counts_are_added_up_from_the_file(client, reference):
    with open(
        ROOT / "data" / "reference" / "peel_grade_counts_2021_2025.csv", encoding="utf-8"
    ) as f:
        rows = [row for row in csv.DictReader(f) if row["cycle"] == "2023-25"]

    response = _cycle(client, "2023-25")

    totals = response.context["count_totals"]
    assert totals["forces"] == len(rows)
    assert totals["totals"]["good"] == sum(int(row["good"] or 0) for row in rows)
    assert totals["incomplete"] == sum(
        1
        for row in rows
        if "" in [row[g] for g in ("outstanding", "good", "adequate", "requires_improvement")]
        or row["inadequate"] == ""
    )
    assert _cycle(client, "2016").context["count_totals"] is None


def test_every_cycle_and_area_page_answers(client, reference):
    empty = _cycle(client, "2014")  # no pillar grades from the inspectorate that year
    assert empty.context["chart"] is None
    assert "No grades loaded for this cycle yet." in empty.content.decode()
    for cycle in vocab.PEEL_CYCLES[1:]:
        response = _cycle(client, cycle)
        assert response.status_code == 200, cycle
        assert len(response.context["table"].rows) == 43
    areas = {key for keys in vocab.FRAMEWORK_AREAS.values() for key in keys}
    areas |= {key for keys in vocab.FRAMEWORK_EXTRA_AREAS.values() for key in keys}
    for area in areas:
        assert client.get(reverse("inspections:area_detail", args=[area])).status_code == 200
