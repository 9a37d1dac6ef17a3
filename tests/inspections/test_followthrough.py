"""Findings followed through: what the letters answer, and which findings come back.

The matching threshold is measured here on the fixture letters' own findings, read by the real
parser: distinct findings of one inspection must stay under it, and pairs a reader calls the
same finding (the Essex 2021/22 letter of tests/fixtures/followthrough against Essex 2023-25,
and one finding the inspectorate worded alike for several forces) must reach it.
"""

import datetime as dt
import itertools
import re
import shutil

import pytest
from django.urls import reverse
from rapidfuzz import utils

from inspections import followthrough
from inspections.followthrough import FindingRow, InspectionRow
from inspections.models import AreaForImprovement, Inspection
from letters.loading import load_letters
from tests.builders import get_force, make_afi, make_inspection, make_letter
from tests.conftest import FIXTURES_DIR, SEEDS_DIR
from tests.inspections.test_views import QUERY_COUNTS
from tests.scoring import extract

LETTERS = FIXTURES_DIR / "letters"
FOLLOWTHROUGH = FIXTURES_DIR / "followthrough"
ESSEX_2021 = FOLLOWTHROUGH / "pfcc-essex-peel-2021-22.txt"
ESSEX_2023 = LETTERS / "pfcc-essex-peel-2023-25.txt"
KINDS = ("areas_for_improvement", "causes_of_concern", "recommendations")


def _findings(path):
    letter = extract(path)
    return {(kind, f["number"]): f["text"] for kind in KINDS for f in letter.get(kind) or []}


def _score(a, b):
    return followthrough.SCORER(a, b, processor=utils.default_process)


def test_distinct_findings_of_one_inspection_score_under_the_threshold():
    files = [*LETTERS.glob("*.txt"), *SEEDS_DIR.glob("*.txt"), *FOLLOWTHROUGH.glob("*.txt")]
    pairs = [
        (path.name, a, b)
        for path in files
        for a, b in itertools.combinations(_findings(path).values(), 2)
    ]

    assert len(pairs) > 150  # the measurement covers every fixture letter's findings
    top = max(pairs, key=lambda pair: _score(pair[1], pair[2]))
    assert _score(top[1], top[2]) < followthrough.THRESHOLD, top


SAME_FINDING = [
    # The Essex 2021/22 findings the 2023-25 inspection raised again, reworded.
    ((ESSEX_2021, 1), (ESSEX_2023, 1)),
    ((ESSEX_2021, 2), (ESSEX_2023, 4)),
    ((ESSEX_2021, 3), (ESSEX_2023, 3)),
    # One finding worded for several forces: attending within published times.
    ((LETTERS / "pfcc-northamptonshire-peel-2023-25-causes-of-concern.txt", 1), (ESSEX_2023, 2)),
    ((LETTERS / "opcc-gwent-section55-form-peel-2023-25.txt", 2), (ESSEX_2023, 2)),
    ((LETTERS / "pcc-norfolk-peel-2023-25.txt", 2), (ESSEX_2021, 4)),
    ((LETTERS / "pfcc-staffordshire-peel-2021-22-scanned.txt", 1), (ESSEX_2023, 1)),
]


@pytest.mark.parametrize(("one", "other"), SAME_FINDING)
def test_the_same_finding_reworded_reaches_the_threshold(one, other):
    a = _findings(one[0])[("areas_for_improvement", one[1])]
    b = _findings(other[0])[("areas_for_improvement", other[1])]

    assert _score(a, b) >= followthrough.THRESHOLD, (a, b)


def test_distinct_essex_findings_across_the_two_inspections_do_not_match():
    earlier, later = _findings(ESSEX_2021), _findings(ESSEX_2023)
    for number in (4, 5):
        text = earlier[("areas_for_improvement", number)]
        assert all(_score(text, other) < followthrough.THRESHOLD for other in later.values())


def _row(pk, kind, year, cycle=""):
    return InspectionRow(pk, kind, dt.date(year, 6, 1), cycle, dt.date(year, 6, 1))


def test_each_inspection_is_followed_by_the_next_of_its_series():
    rows = [
        _row(1, "peel-effectiveness", 2016, "2016"),
        _row(2, "peel-legitimacy", 2016, "2016"),
        _row(3, "peel-effectiveness", 2017, "2017"),
        _row(4, "thematic", 2018),
        _row(5, "peel", 2019, "2018-19"),
        _row(6, "peel", 2022, "2021-22"),
        _row(7, "crime-data-integrity", 2019, "2019"),
        InspectionRow(8, "peel", None, "", None),  # undated: no place in a series
    ]

    following = {pk: row.pk for pk, row in followthrough.next_inspections(rows).items()}

    # A pillar is followed by the same pillar, the last pillar by the integrated PEEL report;
    # a thematic by nothing (its next is on another subject); the last of a series by nothing.
    assert following == {1: 3, 2: 5, 3: 5, 5: 6}


def test_nothing_is_claimed_when_the_next_inspection_lists_no_findings():
    rows = [_row(1, "peel", 2019, "2018-19"), _row(2, "peel", 2022, "2021-22")]
    findings = [FindingRow(10, 1, "afi", 1, "The force should improve call handling.")]

    assert followthrough.follow_ups(rows, findings) == {}


def test_answered_counts_per_kind():
    class F:
        def __init__(self, kind, response):
            self.kind, self.response = kind, response

    findings = [F("afi", "Done."), F("afi", ""), F("afi", "  "), F("cause-of-concern", "Yes.")]

    assert followthrough.answered_counts(findings) == [
        ("areas for improvement", 1, 3),
        ("cause of concern", 1, 1),
    ]


def words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def essex(tmp_path, settings):
    """The two Essex PEEL letters, 2021/22 and 2023-25, loaded by the real loader."""
    settings.SECTION55_TODAY = dt.date(2025, 6, 30)
    folder = tmp_path / "letters"
    folder.mkdir()
    for path in (ESSEX_2021, ESSEX_2023):
        shutil.copy(path, folder / path.name)
    summary = load_letters(paths=[folder])
    assert (summary.created, summary.failed) == (2, 0)
    earlier = Inspection.objects.get(force__slug="essex", cycle="2021-22")
    later = Inspection.objects.get(force__slug="essex", cycle="2023-25")
    return earlier, later


def _finding(inspection, number):
    return AreaForImprovement.objects.get(inspection=inspection, kind="afi", number=number)


@pytest.mark.django_db
def test_recurring_findings_are_found_across_two_loaded_inspections(essex):
    earlier, later = essex

    follow = followthrough.for_forces([get_force("essex").pk])

    again = {number: follow[_finding(earlier, number).pk].again for number in range(1, 6)}
    assert {n: (f.number if f else None) for n, f in again.items()} == {
        1: 1,
        2: 4,
        3: 3,
        4: None,
        5: None,
    }
    assert all(follow[_finding(earlier, n).pk].later.label == "2023–25" for n in range(1, 6))
    assert follow[_finding(later, 4).pk].earlier.number == 2


@pytest.mark.django_db
def test_following_a_page_of_findings_reads_only_their_neighbours(essex):
    """A list page follows only the findings it shows: the same follow-ups as following the
    whole force, for those findings, whichever inspection of the pair they belong to."""
    earlier, later = essex
    whole = followthrough.for_forces([get_force("essex").pk])
    for shown in ([_finding(earlier, 1), _finding(earlier, 4)], [_finding(later, 4)]):
        for finding in shown:
            finding.inspection  # noqa: B018 - as a page's rows carry it

        follow = followthrough.for_findings(shown)

        assert follow == {f.pk: whole[f.pk] for f in shown if f.pk in whole}
        assert follow  # each of these findings has a follow-up
    assert followthrough.for_findings([]) == {}


@pytest.mark.django_db
def test_inspection_pages_say_raised_again_and_not_raised_again(client, essex):
    earlier, later = essex

    page = client.get(earlier.get_absolute_url())
    later_page = client.get(later.get_absolute_url())

    content = page.content.decode()
    target = f"{later.get_absolute_url()}#finding-{_finding(later, 4).pk}"
    assert f'Raised again in 2023–25: <a href="{target}">area for improvement 4 of 2023–25</a>' in (
        content
    )
    assert words(page).count("Not raised again in 2023–25.") == 2
    assert "The letters answer 4 of 5 areas for improvement" in words(page)
    assert "Raised before in 2021–22" in words(later_page)
    assert f'id="finding-{_finding(later, 4).pk}"' in later_page.content.decode()


@pytest.mark.django_db
def test_force_page_tables_the_findings_followed_through(client, essex):
    content = words(client.get(get_force("essex").get_absolute_url()))

    assert "Findings followed through" in content
    assert "2021–22 2023–25 5 3 2" in content


@pytest.mark.django_db
def test_a_letter_that_counts_findings_it_does_not_list_says_so(client):
    inspection = make_inspection()
    make_letter(inspection=inspection, areas_for_improvement_count=11)
    make_afi(inspection=inspection, response="We will.")

    content = words(client.get(inspection.get_absolute_url()))

    assert "The letters answer 1 of 1 area for improvement" in content
    assert "A letter says the report made 11 areas for improvement; only 1 is listed here" in (
        content
    )


@pytest.mark.django_db
def test_inspection_page_queries_do_not_grow_with_the_findings(client, django_assert_num_queries):
    first = make_inspection(published=dt.date(2022, 1, 1), period="2021/22")
    later = make_inspection(published=dt.date(2024, 1, 1))
    for inspection in (first, later):
        letter = make_letter(inspection=inspection)
        for n in range(1, 13):
            make_afi(inspection=inspection, letter=letter, number=n, text=f"Finding {n} words.")

    # The same pinned count as with a few findings: none of the reads is per finding.
    with django_assert_num_queries(QUERY_COUNTS["inspection_detail"]):
        response = client.get(first.get_absolute_url())

    assert response.status_code == 200
    assert reverse("inspections:section55_list") in response.content.decode()


@pytest.mark.django_db
def test_findings_list_says_which_were_raised_again(client, essex):
    earlier, later = essex

    response = client.get(reverse("inspections:finding_list"), {"force": get_force("essex").pk})

    content = words(response)
    assert content.count("Raised again in 2023–25") == 3
    assert content.count("Not raised again in 2023–25") == 2
    assert content.count("Raised before in 2021–22") == 3
    # Nobody has set these findings' status: not known, never "open" by default.
    statuses = [row.record.get_status_display() for row in response.context["table"].page]
    assert statuses == ["Not known"] * 11
    assert "<td>Open</td>" not in response.content.decode()


def test_the_summary_counts_a_finding_two_letters_list_once():
    """A response and a later update about one inspection both list its findings: the force
    page's summary counts each of the report's findings once."""
    rows = [_row(1, "peel", 2022, "2021-22"), _row(2, "peel", 2024, "2023-25")]
    calls = "The force should improve how quickly it answers 101 calls."
    vetting = "The force should improve its vetting of new recruits."
    findings = [
        FindingRow(10, 1, "afi", 1, calls),
        FindingRow(11, 1, "afi", 2, vetting),
        FindingRow(12, 1, "afi", 1, calls),  # the same two, from the second letter
        FindingRow(13, 1, "afi", 2, vetting),
        FindingRow(20, 2, "afi", 1, calls),
    ]

    follow = followthrough.follow_ups(rows, findings)
    (pair,) = followthrough.series_summary(rows, follow, findings)

    assert (pair["listed"], pair["again"], pair["not_again"]) == (2, 1, 1)


def test_a_partial_list_claims_only_what_it_shows():
    """The next letter says the report made 6 findings but lists 2: a finding it does not
    list may be among the other 4, so only a match is reported."""
    later = InspectionRow(2, "peel", dt.date(2022, 6, 1), "2021-22", dt.date(2022, 6, 1), stated=6)
    rows = [_row(1, "peel", 2019, "2018-19"), later]
    findings = [
        FindingRow(10, 1, "afi", 1, "The force should improve how quickly it answers 101 calls."),
        FindingRow(11, 1, "afi", 2, "The force should improve its vetting of new recruits."),
        FindingRow(20, 2, "afi", 1, "The force should improve how fast it answers 101 calls."),
        FindingRow(21, 2, "afi", 2, "The force should review its use of stop and search."),
    ]

    follow = followthrough.follow_ups(rows, findings)

    assert follow[10].again.pk == 20
    assert 11 not in follow


@pytest.mark.django_db
def test_a_letter_counting_more_findings_than_it_lists_stops_not_raised_again(client, essex):
    earlier, later = essex
    later.letters.update(areas_for_improvement_count=9)  # lists 6

    follow = followthrough.for_forces([get_force("essex").pk])

    assert follow[_finding(earlier, 1).pk].raised_again
    assert _finding(earlier, 4).pk not in follow
    assert "Not raised again" not in words(client.get(earlier.get_absolute_url()))


@pytest.mark.django_db
def test_the_mets_letter_answers_its_causes_of_concern_and_counts_unlisted_afis(client, tmp_path):
    """The Met's 2021/22 letter answers both causes of concern and says the report made 11
    areas for improvement without listing them (tests/fixtures/README.md)."""
    folder = tmp_path / "letters"
    folder.mkdir()
    shutil.copy(LETTERS / "mopac-met-peel-2021-22.txt", folder)
    load_letters(paths=[folder])
    inspection = Inspection.objects.get(force__slug="metropolitan", cycle="2021-22")

    content = words(client.get(inspection.get_absolute_url()))

    assert "The letters answer 2 of 2 causes of concern" in content
    assert (
        "A letter says the report made 11 areas for improvement; none is listed here, so they "
        "are not counted above."
    ) in content
