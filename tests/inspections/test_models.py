import datetime as dt

import pytest

from inspections.models import Commissioner, CommissionerTerm, Force, Grade, Inspection
from letters.models import Letter
from tests.builders import (
    get_force,
    make_answered_inspection,
    make_commissioner,
    make_grade,
    make_inspection,
    make_letter,
)

pytestmark = pytest.mark.django_db


def test_grade_timeline_dates_by_publication_else_letter():
    unpublished = make_inspection(published=None)
    letter = make_letter(date=dt.date(2022, 5, 18), inspection=unpublished)
    make_grade(inspection=unpublished, letter=letter, grade="adequate")
    make_grade(inspection=make_inspection(published=dt.date(2018, 3, 22)))

    grades = list(Grade.objects.for_force(get_force()).timeline())

    assert [g.when for g in grades] == [dt.date(2018, 3, 22), dt.date(2022, 5, 18)]


def test_grade_for_commissioner_keeps_only_inspections_they_answered():
    answered = make_answered_inspection()
    make_answered_inspection()
    commissioner = answered.letters.get().commissioner

    grades = Grade.objects.for_commissioner(commissioner)

    assert {g.inspection_id for g in grades} == {answered.pk}


def test_force_with_stats_counts_and_names_the_latest_commissioner():
    make_answered_inspection(published=dt.date(2018, 3, 22))
    newest = make_answered_inspection()
    Letter.objects.filter(inspection=newest).update(date=dt.date(2025, 1, 28))

    force = Force.objects.with_stats().get(slug="leicestershire")

    assert (force.letter_count, force.inspection_count, force.afi_count) == (2, 2, 2)
    assert force.current_commissioner_name == newest.letters.get().commissioner.name


def test_force_latest_grades_keeps_the_newest_per_area():
    make_grade(inspection=make_inspection(published=dt.date(2022, 5, 1)), grade="adequate")
    make_grade(inspection=make_inspection(published=dt.date(2024, 12, 5)), grade="good")

    force = Force.objects.with_stats().get(slug="leicestershire")

    assert [(g.area, g.grade) for g in force.latest_grades] == [("preventing-crime", "good")]


def test_grade_in_framework_excludes_other_frameworks():
    make_grade(inspection=make_inspection(published=dt.date(2022, 5, 1)), grade="adequate")
    make_grade(inspection=make_inspection(published=dt.date(2024, 12, 5)), grade="good")
    from inspections.vocabulary import FRAMEWORKS

    grades = Grade.objects.in_framework(FRAMEWORKS[2])

    assert [g.grade for g in grades] == ["adequate"]


def test_commissioner_letter_stats_span_first_to_last_letter():
    commissioner = make_commissioner()
    make_letter(commissioner=commissioner, date=dt.date(2021, 6, 1))
    make_letter(commissioner=commissioner, date=dt.date(2024, 4, 1))

    row = Commissioner.objects.with_letter_stats().get(pk=commissioner.pk)

    assert (row.first_letter, row.last_letter, row.letter_count) == (
        dt.date(2021, 6, 1),
        dt.date(2024, 4, 1),
        2,
    )


def test_grade_evidence_url_points_at_the_highlighted_quote():
    make_answered_inspection()
    grade = Grade.objects.filter(start__isnull=False).first()

    assert grade.evidence_url == f"/letters/{grade.letter_id}/#grade-{grade.pk}"


def test_grade_evidence_url_without_a_letter_is_the_inspection():
    grade = make_grade()

    assert grade.evidence_url == grade.inspection.get_absolute_url()


def test_inspection_latest_first_uses_letter_date_when_unpublished():
    old = make_inspection(published=dt.date(2018, 3, 22))
    unpublished = make_inspection(published=None)
    make_letter(inspection=unpublished, date=dt.date(2022, 5, 18))

    assert list(Inspection.objects.latest_first()) == [unpublished, old]


def test_letter_summary_differences_name_each_disagreement():
    letter = make_answered_inspection().letters.get()

    differences = letter.grade_summary_differences(list(letter.grades.all()))

    assert differences == [("good", "Good", 2, 1)]


def test_letter_summary_differences_leave_out_counts_the_letter_does_not_state():
    # The letter counts outstanding and good grades only: its adequate grades are named, not
    # counted, so they are no disagreement (an unstated count is unknown, not zero).
    inspection = make_answered_inspection()
    letter = inspection.letters.get()
    make_grade(inspection=inspection, letter=letter, area="workforce", grade="adequate")
    make_grade(inspection=inspection, letter=letter, area="use-of-resources", grade="adequate")

    differences = letter.grade_summary_differences(list(letter.grades.all()))

    assert differences == [("good", "Good", 2, 1)]


def test_letter_summary_differences_compare_a_stated_zero():
    letter = make_letter(grade_summary={"inadequate": 0, "good": 1})
    named = [make_grade(letter=letter, grade="inadequate"), make_grade(letter=letter)]

    assert letter.grade_summary_differences(named) == [("inadequate", "Inadequate", 0, 1)]


def test_inspection_cycle_follows_its_period_on_every_save():
    inspection = make_inspection(period="2021/22")
    assert inspection.cycle == "2021-22"

    inspection.period = "2023/24"
    inspection.save(update_fields=["period"])  # as the loader fills in, and the admin saves

    inspection.refresh_from_db()
    assert (inspection.period, inspection.cycle) == ("2023/24", "2023-25")


AVON = "avon-and-somerset"


@pytest.mark.parametrize(
    ("day", "holder"),
    [(dt.date(2024, 5, 8), "Mark Shelford"), (dt.date(2024, 5, 9), "Clare Moody")],
)
def test_inspections_know_who_was_in_office_when_they_were_published(day, holder):
    inspection = make_inspection(force=get_force(AVON), published=day)

    row = Inspection.objects.with_commissioner_in_office().get(pk=inspection.pk)

    person = Commissioner.objects.get(pk=row.commissioner_in_office_id)
    assert person.name == holder
    assert CommissionerTerm.objects.get(pk=row.term_in_office_id).commissioner == person
    assert list(Inspection.objects.in_office_of(person)) == [inspection]


def test_the_mayor_not_the_deputy_holds_the_office_and_unpublished_has_nobody():
    published = make_inspection(force=get_force("greater-manchester"), published="2019-03-01")
    unpublished = make_inspection(force=get_force("greater-manchester"), published=None)

    rows = Inspection.objects.with_commissioner_in_office().in_bulk([published.pk, unpublished.pk])

    burnham = Commissioner.objects.get(name="Andy Burnham")
    assert rows[published.pk].commissioner_in_office_id == burnham.pk
    assert rows[unpublished.pk].commissioner_in_office_id is None


def test_terms_in_office_on_a_day_include_both_sides_of_a_month_handover():
    city = get_force("city-of-london")

    names = {
        t.commissioner.name for t in CommissionerTerm.objects.in_office(city, dt.date(2016, 5, 31))
    }
    after = {
        t.commissioner.name for t in CommissionerTerm.objects.in_office(city, dt.date(2016, 6, 1))
    }

    assert names == {"Henry Pollard", "Doug Barrow"}
    assert after == {"Doug Barrow"}


def test_office_holders_leave_out_deputy_mayors():
    gmp = get_force("greater-manchester")
    day = dt.date(2019, 3, 1)

    everyone = CommissionerTerm.objects.in_office(gmp, day)
    holders = everyone.office_holders()

    assert {t.role for t in everyone} == {"mayor", "deputy-mayor"}
    assert [t.commissioner.name for t in holders] == ["Andy Burnham"]


def test_inspection_public_hides_only_inspections_every_letter_of_which_is_hidden():
    both = make_inspection()
    make_letter(inspection=both, withdrawn=True)
    make_letter(inspection=both)
    hidden_only = make_inspection()
    make_letter(inspection=hidden_only, withdrawn=True)
    make_letter(inspection=hidden_only, pcc_response=False)
    by_hand = make_inspection()

    shown = set(Inspection.objects.public().values_list("pk", flat=True))

    assert shown == {both.pk, by_hand.pk}


def test_postgresql_walks_an_index_for_findings_newest_inspection_first():
    """``published DESC NULLS LAST`` (the findings lists' order) has an index of that order on
    PostgreSQL (migration 0014); SQLite's DESC already puts NULLs last."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("an index PostgreSQL's planner needs")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'inspection_published_nulls_last'"
        )
        (definition,) = cursor.fetchone()
    assert "published DESC NULLS LAST" in definition
