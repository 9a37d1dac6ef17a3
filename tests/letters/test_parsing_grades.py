"""Grades and grade summaries: every wording a letter uses, and the words that are not grades."""

import pytest

from tests.letters.test_parsing import check_parses, letter


@pytest.mark.parametrize(
    "sentence",
    [
        "It was a good day for the force.",
        "Officers do outstanding work every day.",
        "The force has made good progress since 2018.",
        'Nationally, there were only 5 Forces who were awarded more "outstanding" or '
        '"good grades" than Kent.',
        "The force has a good understanding of the threat from organised crime.",
        "Its case files still require improvement in places, and much good work goes on.",
        "There is much good practice. Inspectors found good practice in preventing crime.",
        "Social media can be a force for good in preventing crime.",
        "A good grade in one inspection is no reason for complacency.",
        "The force and its partners were good at preventing crime and investigating crime.",
        "Protecting vulnerable people requires improvement in places.",
        "Much of its work requires improvement, and more work is required to improve.",
        "More work is required to improve investigating crime.",
        "Its approach to investigating crime requires improvement.",
        "Officers in preventing crime and investigating crime were good at sharing information.",
    ],
)
def test_grade_words_without_area_or_rating_are_not_grades(sentence):
    check_parses(letter(f"Thank you for the PEEL report. {sentence}"), grades=[])


@pytest.mark.parametrize(
    ("sentence", "area", "grade"),
    [
        ('responding to the public ("adequate" grade)', "responding-to-the-public", "adequate"),
        ("prevent crime (\u201coutstanding\u201d grade)", "preventing-crime", "outstanding"),
        ("investigating crime ('good' grade)", "investigating-crime", "good"),
        ("protecting vulnerable people (graded good)", "protecting-vulnerable-people", "good"),
        ("Preventing crime - adequate", "preventing-crime", "adequate"),
        ("Preventing crime \u2013 adequate", "preventing-crime", "adequate"),
        ("Investigating crime: Good", "investigating-crime", "good"),
        (
            "| Investigating crime | Requires improvement |",
            "investigating-crime",
            "requires-improvement",
        ),
        ("Investigating crime        Inadequate", "investigating-crime", "inadequate"),
        ("Good use of resources: adequate", "use-of-resources", "adequate"),
        (
            "Inspectors rated the force 'good' at keeping people safe and reducing crime.",
            "effectiveness",
            "good",
        ),
        (
            "The force was graded as requires improvement for investigating crime.",
            "investigating-crime",
            "requires-improvement",
        ),
        (
            "The force was rated \u2018Outstanding\u2019 for preventing crime.",
            "preventing-crime",
            "outstanding",
        ),
        (
            "The report judged that the force is good at operating efficiently.",
            "efficiency",
            "good",
        ),
        (
            "Managing offenders and suspects was graded as good.",
            "managing-offenders",
            "good",
        ),
        (
            "I welcome the outstanding grade you have awarded for crime data integrity.",
            "crime-data-integrity",
            "outstanding",
        ),
        (
            "The grade of inadequate for investigating crime is the lowest yet.",
            "investigating-crime",
            "inadequate",
        ),
        (
            "Inspectors found the force's approach to protecting vulnerable people "
            "\u201cgood\u201d.",
            "protecting-vulnerable-people",
            "good",
        ),
        (
            "The inspection graded Kent Police as good at tackling serious and organised crime.",
            "serious-organised-crime",
            "good",
        ),
    ],
)
def test_grade_tied_to_an_area(sentence, area, grade):
    check_parses(letter(f"Thank you for the PEEL report.\n\n{sentence}"), grades=[(area, grade)])


def test_grade_without_area_takes_the_inspections_subject():
    soc = "Your inspection of serious and organised crime: I saw the grading of 'outstanding'."
    pillar = "Re: PEEL Effectiveness Report\n\nKent Police was rated 'Good'."
    peel = "Thank you for the PEEL report. The force was rated 'good' overall."

    check_parses(letter(soc), grades=[("serious-organised-crime", "outstanding")])
    check_parses(letter(pillar), grades=[("effectiveness", "good")])
    check_parses(letter(peel), grades=[("overall", "good")])


def test_grade_chains_share_and_switch_grades():
    sentence = (
        "The force was graded as requires improvement for effectiveness, and good for both "
        "efficiency and legitimacy."
    )

    check_parses(
        letter(f"Thank you for the PEEL report. {sentence}"),
        grades=[
            ("effectiveness", "requires-improvement"),
            ("efficiency", "good"),
            ("legitimacy", "good"),
        ],
    )


def test_grade_chain_with_repeated_prepositions():
    sentence = (
        "The force was rated 'Adequate' for responding to the public, for developing a "
        "positive workplace and for good use of resources."
    )

    check_parses(
        letter(f"Thank you for the PEEL report. {sentence}"),
        grades=[
            ("responding-to-the-public", "adequate"),
            ("workforce", "adequate"),
            ("use-of-resources", "adequate"),
        ],
    )


def test_grade_followed_by_a_list_of_areas():
    sentence = (
        "Two areas were graded as requires improvement: responding to the public, and good use "
        "of resources."
    )

    check_parses(
        letter(f"Thank you for the PEEL report. {sentence}"),
        grades=[
            ("responding-to-the-public", "requires-improvement"),
            ("use-of-resources", "requires-improvement"),
        ],
    )


def test_summary_counts_are_not_grades_and_disagreement_warns():
    body = (
        'Thank you for the PEEL report. Three "outstanding" and four "good" gradings. '
        'Preventing crime ("outstanding" grade), investigating crime ("good" grade).'
    )

    check_parses(
        letter(body),
        grades=[("preventing-crime", "outstanding"), ("investigating-crime", "good")],
        grade_summary={"outstanding": 3, "good": 4},
        warnings=[
            "summary counts 3 'outstanding' grades but names 1",
            "summary counts 4 'good' grades but names 1",
        ],
    )


def test_summary_counts_with_area_lists_give_grades():
    body = (
        "Thank you for the PEEL report. The force was graded good in two areas - preventing "
        "crime, and managing offenders - and adequate in one: investigating crime."
    )

    check_parses(
        letter(body),
        grade_summary={"good": 2, "adequate": 1},
        grades=[
            ("preventing-crime", "good"),
            ("managing-offenders", "good"),
            ("investigating-crime", "adequate"),
        ],
    )


def test_summary_counts_in_areas_form():
    body = (
        "Thank you for the PEEL report. The force was graded adequate in three areas, "
        "requires improvement in four and inadequate in one."
    )

    check_parses(
        letter(body),
        grades=[],
        grade_summary={"adequate": 3, "requires-improvement": 4, "inadequate": 1},
    )


def test_conflicting_grades_for_one_area_warn_and_keep_the_first():
    body = (
        "Thank you for the PEEL report.\n\nInvestigating crime: Good\n\n"
        "Investigating crime was graded as adequate."
    )

    check_parses(
        letter(body),
        grades=[("investigating-crime", "good")],
        warnings=["conflicting grades for investigating-crime: 'good' and 'adequate'"],
    )


def test_same_grade_twice_is_one_grade():
    body = (
        "Re: PEEL Effectiveness Report\n\nThe force was rated 'Good'. "
        "Inspectors rated the force 'good' at keeping people safe and reducing crime."
    )

    parsed = check_parses(letter(body), grades=[("effectiveness", "good")])

    assert len(parsed.grades) == 1


def test_grade_quote_is_the_exact_text():
    text = letter(
        "Thank you for the PEEL report. Responding to the public (\u201cadequate\u201d grade)."
    )

    parsed = check_parses(text)

    assert parsed.grades[0].quote == "Responding to the public (\u201cadequate\u201d grade)"


@pytest.mark.parametrize(
    ("sentence", "grades"),
    [
        (
            "Responding to the public and investigating crime were graded adequate.",
            [("responding-to-the-public", "adequate"), ("investigating-crime", "adequate")],
        ),
        (
            "Preventing crime, investigating crime and managing offenders were all rated "
            "\u2018good\u2019.",
            [
                ("preventing-crime", "good"),
                ("investigating-crime", "good"),
                ("managing-offenders", "good"),
            ],
        ),
        (
            "Responding to the public, and investigating crime, have both been graded as "
            "requires improvement.",
            [
                ("responding-to-the-public", "requires-improvement"),
                ("investigating-crime", "requires-improvement"),
            ],
        ),
        (
            "Protecting vulnerable people requires improvement.",
            [("protecting-vulnerable-people", "requires-improvement")],
        ),
        (
            "Investigating crime was graded good, and protecting vulnerable people still "
            "requires improvement.",
            [
                ("investigating-crime", "good"),
                ("protecting-vulnerable-people", "requires-improvement"),
            ],
        ),
        (
            "Inspectors found that investigating crime and protecting vulnerable people "
            "require improvement.",
            [
                ("investigating-crime", "requires-improvement"),
                ("protecting-vulnerable-people", "requires-improvement"),
            ],
        ),
    ],
)
def test_coordinated_areas_share_one_grade(sentence, grades):
    check_parses(letter(f"Thank you for the PEEL report.\n\n{sentence}"), grades=grades)


def test_singular_verb_grades_only_the_nearest_area():
    sentence = "Working with partners on preventing crime and investigating crime was graded good."

    check_parses(
        letter(f"Thank you for the PEEL report. {sentence}"),
        grades=[("investigating-crime", "good")],
    )


def test_grade_chain_switches_grade_after_semicolon_and_as():
    sentence = (
        "Inspectors graded the force as outstanding for building, supporting and protecting the "
        "workforce; as good for responding to the public and managing offenders; and as "
        "adequate for leadership and force management and investigating crime."
    )

    check_parses(
        letter(f"Thank you for the PEEL report. {sentence}"),
        grades=[
            ("workforce", "outstanding"),
            ("responding-to-the-public", "good"),
            ("managing-offenders", "good"),
            ("use-of-resources", "adequate"),
            ("investigating-crime", "adequate"),
        ],
    )


@pytest.mark.parametrize(
    ("sentence", "area", "grade"),
    [
        (
            "I note the 'good' grade for the efficiency with which it keeps people safe and "
            "reduces crime.",
            "efficiency",
            "good",
        ),
        (
            "I note the 'adequate' grade for tackling serious and organised crime.",
            "serious-organised-crime",
            "adequate",
        ),
        (
            "Inspectors gave an 'inadequate' grade for a safe, productive and positive workplace.",
            "workforce",
            "inadequate",
        ),
    ],
)
def test_grade_noun_then_area_after_for(sentence, area, grade):
    check_parses(letter(f"Thank you for the PEEL report.\n\n{sentence}"), grades=[(area, grade)])


def test_grade_chain_through_area_names_with_articles_and_commas():
    sentence = (
        "Inspectors graded the force as 'good' for preventing crime, a safe, productive and "
        "positive workplace and good use of resources; as 'adequate' for managing offenders and "
        "a safe, productive and positive workplace."
    )

    check_parses(
        letter(f"Thank you for the PEEL report. {sentence}"),
        grades=[
            ("preventing-crime", "good"),
            ("workforce", "good"),
            ("use-of-resources", "good"),
            ("managing-offenders", "adequate"),
        ],
        warnings=["conflicting grades for workforce: 'good' and 'adequate'"],
    )
