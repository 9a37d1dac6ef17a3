"""The section 55 clock: the rule, its SQL twin, and the pages that show it.

Dates come from letters with known dates, loaded by the real loader: the Essex 2023-25 letter
(published 11 January 2024, dated 3 March 2024: on time, due 7 March), the Met's 2021/22
letter (published 18 August 2022, dated 14 October 2022: a day late), tests/fixtures/
followthrough's Essex 2021/22 letter (published 23 September 2022, dated 1 December 2022: 13
days late) and its undated Kent letter (published 14 March 2019). Reports with no letter yet
are entered by hand, as staff (or an import of the inspectorate's list) would.
"""

import datetime as dt
import re
import shutil

import pytest
from django.urls import reverse
from django.utils import timezone

from inspections import section55
from inspections.models import Inspection
from letters.loading import load_letters
from tests.builders import get_force, make_commissioner, make_inspection, make_letter, make_term
from tests.conftest import FIXTURES_DIR

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 30)
FOLLOWTHROUGH = FIXTURES_DIR / "followthrough"
LETTERS = FIXTURES_DIR / "letters"


def words(response) -> str:
    """The page's text without its tags, spaces collapsed: what a reader reads."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split()).replace(" :", ":")


@pytest.fixture
def fixed_today(settings):
    settings.SECTION55_TODAY = TODAY
    return TODAY


@pytest.fixture
def loaded(tmp_path):
    """The four fixture letters with known dates, loaded by the real loader."""
    folder = tmp_path / "letters"
    folder.mkdir()
    for path in (
        LETTERS / "pfcc-essex-peel-2023-25.txt",
        LETTERS / "mopac-met-peel-2021-22.txt",
        FOLLOWTHROUGH / "pfcc-essex-peel-2021-22.txt",
        FOLLOWTHROUGH / "opcc-kent-crime-data-integrity-2019-undated.txt",
    ):
        shutil.copy(path, folder / path.name)
    summary = load_letters(paths=[folder])
    assert (summary.created, summary.failed) == (4, 0)
    return {
        "essex-2023": Inspection.objects.get(force__slug="essex", published=dt.date(2024, 1, 11)),
        "essex-2021": Inspection.objects.get(force__slug="essex", published=dt.date(2022, 9, 23)),
        "met-2021": Inspection.objects.get(
            force__slug="metropolitan", published=dt.date(2022, 8, 18)
        ),
        "kent-2019": Inspection.objects.get(force__slug="kent", published=dt.date(2019, 3, 14)),
    }


# (published, response dates, today) -> (status, label)
CASES = [
    # The due day itself is on time; the day after is a day late.
    ((dt.date(2024, 1, 11), [dt.date(2024, 3, 7)], TODAY), ("on-time", "On time")),
    ((dt.date(2024, 1, 11), [dt.date(2024, 3, 8)], TODAY), ("late", "Late by 1 day")),
    ((dt.date(2024, 1, 11), [dt.date(2024, 3, 20)], TODAY), ("late", "Late by 13 days")),
    # The earliest letter stops the clock; an undated one beside it changes nothing.
    (
        (dt.date(2024, 1, 11), [None, dt.date(2024, 5, 1), dt.date(2024, 2, 1)], TODAY),
        ("on-time", "On time"),
    ),
    ((dt.date(2024, 1, 11), [None], TODAY), ("date-not-stated", "Response date not stated")),
    (
        (dt.date(2024, 1, 11), [], TODAY),
        ("no-response-loaded", "No response loaded yet (due 7 March 2024)"),
    ),
    # Up to and including the due day an unanswered report is not yet due.
    ((dt.date(2025, 5, 5), [], TODAY), ("not-yet-due", "Not yet due (due 30 June 2025)")),
    (
        (dt.date(2025, 5, 4), [], TODAY),
        ("no-response-loaded", "No response loaded yet (due 29 June 2025)"),
    ),
    # Answered before it is due: on time, whatever day it is.
    ((dt.date(2025, 6, 1), [dt.date(2025, 6, 20)], TODAY), ("on-time", "On time")),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_the_clock_in_python(given, expected):
    clock = section55.clock(*given)

    assert (clock.status, clock.label) == expected


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_the_sql_clock_agrees_with_the_python_one(given, expected):
    published, dates, today = given
    inspection = make_inspection(published=published)
    for date in dates:
        make_letter(inspection=inspection, date=date)

    row = Inspection.objects.with_response_clock(today).get(pk=inspection.pk)

    assert row.response_status == expected[0]
    assert section55.label_of(row.response_status, published, row.responded, today) == expected[1]


def test_no_clock_without_a_publication_date():
    assert section55.clock(None, [dt.date(2024, 1, 1)], TODAY) is None
    inspection = make_inspection(published=None)

    row = Inspection.objects.with_response_clock(TODAY).get(pk=inspection.pk)

    assert row.response_status is None


def test_a_withdrawn_letter_is_no_response():
    inspection = make_inspection(published=dt.date(2024, 1, 11))
    make_letter(inspection=inspection, date=dt.date(2024, 2, 1), withdrawn=True)
    make_letter(inspection=inspection, date=dt.date(2024, 4, 1))

    row = Inspection.objects.with_response_clock(TODAY).get(pk=inspection.pk)

    assert (row.responded, row.response_status) == (dt.date(2024, 4, 1), "late")


def test_today_is_a_setting_else_the_real_day(settings):
    settings.SECTION55_TODAY = "2025-02-03"
    assert section55.today() == dt.date(2025, 2, 3)
    settings.SECTION55_TODAY = None
    assert section55.today() == timezone.localdate()  # the site's day, Europe/London


def test_loaded_letters_read_on_time_late_and_undated(loaded):
    clocks = Inspection.objects.with_response_clock(TODAY).in_bulk([i.pk for i in loaded.values()])

    statuses = {name: clocks[i.pk].response_status for name, i in loaded.items()}
    assert statuses == {
        "essex-2023": "on-time",
        "essex-2021": "late",
        "met-2021": "late",
        "kent-2019": "date-not-stated",
    }
    assert section55.days_late(dt.date(2022, 8, 18), clocks[loaded["met-2021"].pk].responded) == 1
    essex = clocks[loaded["essex-2021"].pk]
    assert section55.days_late(essex.published, essex.responded) == 13


def test_inspection_page_shows_its_clock(client, loaded, fixed_today):
    pages = {name: client.get(i.get_absolute_url()).content.decode() for name, i in loaded.items()}

    assert (
        'Comments were due by <time datetime="2024-03-07">7 March 2024</time>'
        in pages["essex-2023"]
    )
    assert "On time" in pages["essex-2023"]
    assert "Late by 1 day" in pages["met-2021"]
    assert "Late by 13 days" in pages["essex-2021"]
    assert "Response date not stated" in pages["kent-2019"]


def test_inspection_page_of_an_unanswered_report_says_none_is_loaded(client, fixed_today):
    overdue = make_inspection(published=dt.date(2025, 1, 9))
    pending = make_inspection(published=dt.date(2025, 6, 1))

    overdue_page = client.get(overdue.get_absolute_url()).content.decode()
    pending_page = client.get(pending.get_absolute_url()).content.decode()

    assert "No response loaded yet (due 6 March 2025)" in overdue_page
    assert "no response made" not in overdue_page.lower()
    assert "Not yet due (due 27 July 2025)" in pending_page


def test_force_page_says_how_many_of_its_responses_were_on_time(client, loaded, fixed_today):
    make_inspection(force=get_force("essex"), published=dt.date(2025, 6, 1))  # not yet due
    make_inspection(force=get_force("essex"), published=dt.date(2024, 6, 1))  # none loaded

    content = words(client.get(get_force("essex").get_absolute_url()))

    assert "1 of 3 on time" in content
    assert "Late: 1" in content
    assert "No response loaded yet: 1" in content
    assert "Not yet due: 1" in content


def test_commissioner_page_counts_the_reports_published_in_office(client, fixed_today):
    # Begun after the registry's term of May 2021, so theirs is the office from then on.
    commissioner = make_commissioner(force=get_force("dorset"), term={"start": dt.date(2022, 1, 1)})
    before = make_inspection(force=commissioner.force, published=dt.date(2020, 1, 1))
    on_time = make_inspection(force=commissioner.force, published=dt.date(2023, 1, 10))
    make_letter(inspection=on_time, force=commissioner.force, date=dt.date(2023, 2, 1))
    make_inspection(force=commissioner.force, published=dt.date(2024, 1, 10))  # none loaded

    content = words(client.get(commissioner.get_absolute_url()))

    assert before.pk  # published before their term: not theirs to answer
    assert "1 of 2 on time" in content
    assert "No response loaded yet: 1" in content


def test_commissioner_clock_counts_the_office_holder_not_a_deputy(client, fixed_today):
    # Begun after the registry's own mayor of West Yorkshire (May 2021), so theirs is the
    # office on the report's day; the deputy's later-begun term does not take it from them.
    mayor = make_commissioner(
        force=get_force("west-yorkshire"), title="mayor", term={"start": dt.date(2023, 6, 1)}
    )
    deputy = make_commissioner(force=mayor.force, title="deputy-mayor", registered=False)
    make_term(deputy, role="deputy-mayor", start=dt.date(2023, 7, 1))
    make_inspection(force=mayor.force, published=dt.date(2024, 1, 4))

    mayor_page = words(client.get(mayor.get_absolute_url()))
    deputy_page = words(client.get(deputy.get_absolute_url()))

    assert "0 of 1 on time" in mayor_page
    assert "A deputy mayor acts for the mayor, who holds the office" in deputy_page


def test_national_page_lists_filters_and_sorts(client, loaded, fixed_today):
    url = reverse("inspections:section55_list")
    make_inspection(force=get_force("kent"), published=dt.date(2025, 6, 1))

    every = client.get(url)
    late = client.get(url, {"status": "late"})
    essex = client.get(url, {"force": get_force("essex").pk})
    by_delay = client.get(url, {"sort": "-days"})
    recent = client.get(url, {"due": "90"})

    def rows(response):
        return [str(row.record) for row in response.context["table"].page.object_list]

    assert len(rows(every)) == 5
    assert sorted(rows(late)) == sorted([str(loaded["essex-2021"]), str(loaded["met-2021"])])
    assert len(rows(essex)) == 2
    assert rows(by_delay)[0] == str(loaded["essex-2021"])  # 69 days, the slowest answered
    assert rows(recent) == []  # nothing fell due between 1 April and 30 June 2025
    content = every.content.decode()
    assert "Late by 13 days" in content
    assert "Not yet due (due 27 July 2025)" in content
    assert "Response date not stated" in content
    assert '<a href="?status=late">Late: 2</a>' in content


def test_national_page_exports_its_rows(client, loaded, fixed_today):
    response = client.get(reverse("inspections:section55_list"), {"_export": "json"})

    rows = {row["title"]: row for row in response.json()}
    met = rows[str(loaded["met-2021"])]
    assert (met["due"], met["responded"], met["status"], met["days_late"]) == (
        "2022-10-13",
        "2022-10-14",
        "late",
        1,
    )
    kent = rows[str(loaded["kent-2019"])]
    assert (kent["responded"], kent["answered"], kent["status"]) == (None, True, "date-not-stated")


def test_national_page_is_in_the_navigation(client):
    content = client.get(reverse("inspections:home")).content.decode()

    assert f'href="{reverse("inspections:section55_list")}"' in content


@pytest.mark.parametrize("forces", [1, 5])
def test_national_page_query_count_stays_flat(client, django_assert_num_queries, forces):
    for slug in ["leicestershire", "kent", "essex", "gwent", "dorset"][:forces]:
        inspection = make_inspection(force=get_force(slug))
        make_letter(inspection=inspection, force=inspection.force)
        make_inspection(force=get_force(slug), published=dt.date(2020, 1, 1))

    # Force choices, the count, the page of rows, the counts by status.
    with django_assert_num_queries(4):
        response = client.get(reverse("inspections:section55_list"))

    assert response.status_code == 200
