"""The commissioner registry's import (inspections.registry, import_commissioners).

The session's database already holds data/reference's registry (tests/conftest.py); these
tests import it again, or import small files of their own.
"""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from inspections.models import Commissioner, CommissionerTerm
from inspections.registry import COLUMNS, import_registry
from tests.conftest import REGISTRY_FILES

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
GOOD = (
    "Kent Police,pcc,Ann Example,,Independent,2012-11-22,2016-05-11,elected,stood down,"
    "https://example.org/kent,yes,a note"
)


def _snapshot():
    return sorted(CommissionerTerm.objects.values_list("pk", "updated_at")), sorted(
        Commissioner.objects.values_list("pk", "updated_at")
    )


def _csv(tmp_path, *rows, name="registry.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_registry_knows_every_forces_office_holders():
    assert CommissionerTerm.objects.count() == 197
    assert Commissioner.objects.registered().values("force").distinct().count() == 43
    assert not Commissioner.objects.exclude(pk__in=Commissioner.objects.registered()).exists()


def test_a_second_import_changes_nothing():
    before = _snapshot()

    summary = import_registry(REGISTRY_FILES)

    assert (summary.rows, summary.unchanged, summary.created, summary.updated) == (197, 197, 0, 0)
    assert _snapshot() == before


def test_one_person_is_one_row_with_their_terms():
    dwyer = Commissioner.objects.get(name="John Dwyer")

    spans = [(t.start, t.end) for t in dwyer.terms.all()]

    assert spans == [
        (dt.date(2012, 11, 22), dt.date(2016, 5, 11)),
        (dt.date(2021, 5, 13), dt.date(2024, 5, 8)),
    ]
    assert Commissioner.objects.get(name="Sadiq Khan").honorific == "Sir"  # his latest term's


def test_month_dates_are_stored_as_months_not_the_first():
    barrow = CommissionerTerm.objects.get(commissioner__name="Doug Barrow")

    assert (barrow.start, barrow.start_precision) == (dt.date(2016, 5, 1), "month")
    assert (barrow.end, barrow.end_precision) == (dt.date(2020, 5, 31), "month")
    assert barrow.span_label == "May 2016 to May 2020"
    assert not barrow.checked
    assert (barrow.registry_file, barrow.registry_line) == ("commissioners-1.csv", 20)


def test_bad_rows_are_refused_by_line_and_the_rest_load(tmp_path):
    path = _csv(
        tmp_path,
        GOOD,
        GOOD.replace("Kent Police", "Atlantis Police"),
        GOOD.replace(",pcc,", ",sheriff,"),
        GOOD.replace("2016-05-11", "2011-01-01"),
        GOOD.replace("2012-11-22", "22/11/2012"),
        GOOD.replace("https://example.org/kent", "example dot org"),
        GOOD.replace(",yes,", ",maybe,"),
        GOOD.replace("Ann Example", "Ann"),
        GOOD,
    )

    summary = import_registry([path])

    assert [(r.line, r.reason) for r in summary.refused] == [
        (3, "unknown force 'Atlantis Police'"),
        (4, "unknown role 'sheriff' (one of pcc, pfcc, mayor, deputy-mayor, police-authority)"),
        (5, "ends (2011-01-01) before it starts (2012-11-22)"),
        (6, "start '22/11/2012' is not a date (YYYY-MM-DD or YYYY-MM)"),
        (7, "source_url 'example dot org' is not a web address"),
        (8, "checked 'maybe' is neither yes nor no"),
        (9, "name 'Ann' is not a full name"),
        (10, f"the same term as {path}:2"),
    ]
    assert summary.created == 1
    assert CommissionerTerm.objects.filter(commissioner__name="Ann Example").count() == 1


def test_the_command_names_refused_rows_and_exits_1(tmp_path):
    path = _csv(tmp_path, GOOD, GOOD.replace("2012-11-22", "2012-13"))
    stdout = io.StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import_commissioners", str(path), stdout=stdout)

    assert raised.value.returncode == 1
    assert f"{path}:3: start '2012-13' is not a date" in str(raised.value)
    assert "1 terms created" in stdout.getvalue()


def test_an_unreadable_file_is_named_and_the_others_load(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("who,when\nsomeone,sometime\n", encoding="utf-8")

    summary = import_registry([bad, _csv(tmp_path, GOOD)])

    assert summary.failed == [f"{bad}: missing columns: {', '.join(COLUMNS)}"]
    assert summary.created == 1


def test_staff_corrections_survive_a_reimport_and_are_reported(tmp_path):
    path = _csv(tmp_path, GOOD)
    import_registry([path])
    term = CommissionerTerm.objects.get(commissioner__name="Ann Example")
    term.end = dt.date(2016, 5, 10)
    term.mark_edited(["end"])
    term.save()
    person = term.commissioner
    person.name, person.honorific = "Ann Examples", "Dame"
    person.mark_edited(["name", "honorific"])
    person.save()

    summary = import_registry([_csv(tmp_path, GOOD.replace(",,Independent", ",Dr,Independent"))])

    term.refresh_from_db()
    person.refresh_from_db()
    assert term.end == dt.date(2016, 5, 10)
    assert (person.name, person.honorific) == ("Ann Examples", "Dame")
    assert term.honorific == "Dr"  # not corrected by a person: the file's
    assert len(summary.conflicts) == 2 and summary.people_created == 0


def test_a_term_the_file_no_longer_lists_goes_unless_corrected(tmp_path):
    second = GOOD.replace("2012-11-22,2016-05-11", "2016-05-12,").replace("stood down", "")
    import_registry([_csv(tmp_path, GOOD, second)])

    summary = import_registry([_csv(tmp_path, GOOD)])

    assert summary.removed == 1
    assert CommissionerTerm.objects.filter(commissioner__name="Ann Example").count() == 1
