"""inspections' data migrations, run on rows built as an earlier release stored them."""

import datetime as dt
import importlib

import pytest
from django.apps import apps

from inspections.models import Inspection
from tests.builders import make_inspection

pytestmark = pytest.mark.django_db

cycles = importlib.import_module("inspections.migrations.0005_inspection_cycle")


def test_fill_cycles_gives_existing_rows_the_cycle_of_their_period():
    rows = {
        "2023/24": make_inspection(period="2023/24"),
        "2023/25": make_inspection(period="2023/25"),
        "2021": make_inspection(period="2021", published=dt.date(2022, 3, 1)),
        "2017": make_inspection(kind="peel-effectiveness", period="2017"),
        "none": make_inspection(period="", published=dt.date(2019, 6, 1)),
    }
    Inspection.objects.update(cycle="")  # as the rows were before the field existed

    cycles.fill_cycles(apps, None)

    assert {name: Inspection.objects.get(pk=row.pk).cycle for name, row in rows.items()} == {
        "2023/24": "2023-25",
        "2023/25": "2023-25",
        "2021": "2021-22",
        "2017": "2017",
        "none": "2018-19",
    }


statuses = importlib.import_module("inspections.migrations.0010_finding_status_unknown")


def test_statuses_nobody_set_become_unknown_and_staffs_are_kept():
    from tests.builders import make_afi

    untouched = make_afi(status="open")  # as the old default stored every finding
    other_edit = make_afi(status="open", edited_fields=["response"])
    chosen_open = make_afi(status="open", edited_fields=["status"])
    closed = make_afi(status="closed", edited_fields=["status", "text"])

    statuses.unknown_unless_set(apps, None)

    def status(row):
        row.refresh_from_db()
        return row.status

    assert [status(r) for r in (untouched, other_edit, chosen_open, closed)] == [
        "unknown",
        "unknown",
        "open",
        "closed",
    ]

    statuses.open_unless_set(apps, None)

    assert [status(r) for r in (untouched, other_edit, chosen_open, closed)] == [
        "open",
        "open",
        "open",
        "closed",
    ]


def test_a_new_finding_is_unknown_until_a_person_says():
    from tests.builders import make_afi

    assert make_afi().status == "unknown"
