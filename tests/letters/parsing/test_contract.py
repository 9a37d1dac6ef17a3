"""letters.parsing.contract: the rules both writers of the extraction contract follow."""

import datetime as dt

from letters.parsing.contract import (
    CommissionerEntry,
    FindingEntry,
    GradeEntry,
    InspectionEntry,
    RecipientEntry,
    letter_entry,
)


def entry(**overrides):
    values = {
        "source": "letters/a.txt",
        "sha256": "0" * 64,
        "date": dt.date(2025, 1, 28),
        "reference": "",
        "force": "Kent Police",
        "commissioner": CommissionerEntry("Jane Smith", "pfcc"),
        "recipient": RecipientEntry("Andy Cooke", ""),
        "inspection": InspectionEntry("peel", title="", period="2023/25"),
        "grades": [],
        "grade_summary": {"good": 2},
        "causes_of_concern_count": 0,
        "areas_for_improvement_count": None,
        "findings": [],
        "warnings": ("a warning",),
    }
    return letter_entry(**{**values, **overrides})


def test_letter_entry_commissioner_title_is_the_office_not_the_words():
    assert entry()["commissioner"] == {
        "name": "Jane Smith",
        "title": "Police, Fire and Crime Commissioner",
    }


def test_letter_entry_commissioner_without_an_office_has_a_null_title():
    commissioner = CommissionerEntry("Jane Smith", "")

    assert entry(commissioner=commissioner)["commissioner"]["title"] is None


def test_letter_entry_unstated_values_are_null_not_empty():
    letter = entry(recipient=RecipientEntry("", ""))

    assert letter["reference"] is None
    assert letter["recipient"] is None
    assert letter["inspection"] == {
        "kind": "peel",
        "title": None,
        "period": "2023/25",
        "published": None,
    }
    assert letter["date"] == "2025-01-28"


def test_letter_entry_grades_in_the_order_the_letter_states_them():
    grades = [
        GradeEntry("workforce", "good", "added by hand"),
        GradeEntry("preventing-crime", "good", "good at A, B", 10, 25),
        GradeEntry("investigating-crime", "good", "good at A", 10, 19),
        GradeEntry("effectiveness", "adequate", "earlier", 2, 8),
    ]

    areas = [grade["area"] for grade in entry(grades=grades)["grades"]]

    assert areas == ["effectiveness", "investigating-crime", "preventing-crime", "workforce"]


def test_letter_entry_findings_listed_by_kind_and_number():
    findings = [
        FindingEntry("afi", 2, "Second.", "Done."),
        FindingEntry("recommendation", 1, "Recommended."),
        FindingEntry("afi", 1, "First."),
    ]

    letter = entry(findings=findings)

    assert letter["areas_for_improvement"] == [
        {"number": 1, "text": "First.", "response": None},
        {"number": 2, "text": "Second.", "response": "Done."},
    ]
    assert letter["causes_of_concern"] == []
    assert [f["number"] for f in letter["recommendations"]] == [1]


def test_letter_entry_corrected_objects_list_their_edited_fields():
    letter = entry(
        commissioner=CommissionerEntry("Jane Smith", "pcc", ["title"]),
        grades=[GradeEntry("workforce", "good", "q", 1, 2, ["grade"])],
        edited_fields=["date"],
    )

    assert letter["edited_fields"] == ["date"]
    assert letter["commissioner"]["edited_fields"] == ["title"]
    assert letter["grades"][0]["edited_fields"] == ["grade"]
    assert "edited_fields" not in letter["inspection"]
