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


# --- constructions of published statements and news stories (issue 9) ----------------------


def statement(*paragraphs: str) -> str:
    """A web statement: no salutation or sign-off, the PCC named in prose."""
    lead = "Police and Crime Commissioner Sam Okoro said the HMICFRS PEEL report was fair."
    return "\n\n".join((lead, *paragraphs)) + "\n"


@pytest.mark.parametrize(
    ("sentence", "grades"),
    [
        # linking phrases
        (
            "Inspectors assessed the force as good in respect of its effectiveness at keeping "
            "people safe and reducing crime.",
            [("effectiveness", "good")],
        ),
        (
            "HMIC said the force merits a ranking of good in terms of its legitimacy.",
            [("legitimacy", "good")],
        ),
        (
            "HMICFRS rates Norfolk Constabulary as 'good' across the board with regards to crime "
            "data integrity.",
            [("crime-data-integrity", "good")],
        ),
        (
            "It graded the force as 'Outstanding' in terms of how and when it records crime, and "
            "'Good' for investigating crime.",
            [("crime-data-integrity", "outstanding"), ("investigating-crime", "good")],
        ),
        # verbs
        (
            "The force was alone in receiving 'outstanding' in building, supporting and "
            "protecting its workforce, and it got 'good' ratings for responding to the public and "
            "investigating crime.",
            [
                ("workforce", "outstanding"),
                ("responding-to-the-public", "good"),
                ("investigating-crime", "good"),
            ],
        ),
        (
            "According to the inspectorate, the force was outstanding at building, supporting "
            "and protecting the workforce.",
            [("workforce", "outstanding")],
        ),
        (
            "Inspectors rated the force good at preventing crime, and adequate at 'protecting "
            "vulnerable people', 'developing a positive workplace' and 'police powers and public "
            "treatment'.",
            [
                ("preventing-crime", "good"),
                ("protecting-vulnerable-people", "adequate"),
                ("workforce", "adequate"),
                ("treatment-of-the-public", "adequate"),
            ],
        ),
        (
            "'Managing offenders' and 'leadership and force management' were deemed to require "
            "improvement, with 'investigating crime' and 'responding to the public' judged to be "
            "'inadequate'.",
            [
                ("managing-offenders", "requires-improvement"),
                ("use-of-resources", "requires-improvement"),
                ("investigating-crime", "inadequate"),
                ("responding-to-the-public", "inadequate"),
            ],
        ),
        # areas first, then one grade
        (
            "Areas found to require improvement were investigating crime, responding to the "
            "public, leadership and force management, and protecting vulnerable people.",
            [
                ("investigating-crime", "requires-improvement"),
                ("responding-to-the-public", "requires-improvement"),
                ("use-of-resources", "requires-improvement"),
                ("protecting-vulnerable-people", "requires-improvement"),
            ],
        ),
        (
            "The inspection pinpointed three areas where the force requires improvement: "
            "investigating crime, protecting vulnerable people, and managing offenders.",
            [
                ("investigating-crime", "requires-improvement"),
                ("protecting-vulnerable-people", "requires-improvement"),
                ("managing-offenders", "requires-improvement"),
            ],
        ),
        (
            "Police powers and public treatment, developing a positive workplace and managing "
            "offenders were, however, judged 'adequate', and preventing crime was 'good'.",
            [
                ("treatment-of-the-public", "adequate"),
                ("workforce", "adequate"),
                ("managing-offenders", "adequate"),
                ("preventing-crime", "good"),
            ],
        ),
        (
            "The area of responding to the public was alone in being seen to need improvement by "
            "inspectors.",
            [("responding-to-the-public", "requires-improvement")],
        ),
        (
            "In investigating crime, the force was rated requires improvement by HMICFRS.",
            [("investigating-crime", "requires-improvement")],
        ),
        (
            "The force was rated 'good' overall, with preventing crime 'outstanding'.",
            [("preventing-crime", "outstanding")],
        ),
        # nouns
        (
            "The force received a good efficiency rating from HMIC in its 2016 report.",
            [("efficiency", "good")],
        ),
        (
            "The Force was rated 'Outstanding' for how well it managed the most prolific "
            "offenders.",
            [("managing-offenders", "outstanding")],
        ),
    ],
)
def test_grades_in_the_ways_statements_write_them(sentence, grades):
    check_parses(statement(sentence), grades=grades)


@pytest.mark.parametrize(
    ("table", "grades"),
    [
        (
            "How effectively does the force reduce crime and keep people safe?Good\n"
            "How efficiently does the force operate and how sustainable are its services to the "
            "public?Outstanding\n"
            "How legitimately does the force treat the public and its workforce?Good",
            [("effectiveness", "good"), ("efficiency", "outstanding"), ("legitimacy", "good")],
        ),
        (
            "Engaging with and treating the public with fairness and respect\nGood\n"
            "Investigating crime\nRequires Improvement\n"
            "Strategic planning, organisational management and value for money\nInadequate",
            [
                ("treatment-of-the-public", "good"),
                ("investigating-crime", "requires-improvement"),
                ("use-of-resources", "inadequate"),
            ],
        ),
        (
            "  \u2022 Good \u2013 Crime Data Integrity*\n"
            "  \u2022 Adequate \u2013 Leadership and force management\n"
            "  \u2022 Requiring improvement \u2013 in responding to the public, investigating "
            "crime and managing offenders",
            [
                ("crime-data-integrity", "good"),
                ("use-of-resources", "adequate"),
                ("responding-to-the-public", "requires-improvement"),
                ("investigating-crime", "requires-improvement"),
                ("managing-offenders", "requires-improvement"),
            ],
        ),
        (
            "Good:\n- Preventing crime\n- Managing offenders and suspects\n\nAdequate:\n"
            "- Investigating crime",
            [
                ("preventing-crime", "good"),
                ("managing-offenders", "good"),
                ("investigating-crime", "adequate"),
            ],
        ),
        (
            "Preventing crime  Good   Investigating crime  Adequate   Responding to the public  "
            "Inadequate",
            [
                ("preventing-crime", "good"),
                ("investigating-crime", "adequate"),
                ("responding-to-the-public", "inadequate"),
            ],
        ),
        (
            "Protecting vulnerable people - rated Good\nInvestigating crime - graded as adequate",
            [("protecting-vulnerable-people", "good"), ("investigating-crime", "adequate")],
        ),
    ],
)
def test_grades_in_flattened_tables_and_lists(table, grades):
    check_parses(statement(table), grades=grades)


@pytest.mark.parametrize(
    "sentence",
    [
        # the scale, national statistics, negations
        "Every category gets a rating of outstanding, good, adequate, requires improvement, and "
        "inadequate.",
        "There used to be four categories - 'outstanding', 'good', 'requires improvement' and "
        "'inadequate' - and most forces now land in 'adequate'.",
        "Forces performing at a standard that used to be graded as 'good' are now being graded "
        "as 'adequate'.",
        "Six forces were graded outstanding for preventing crime this year.",
        "No other force in the country was judged to be outstanding at investigating crime.",
        "No area was given an inadequate grading by the inspectors.",
        "For the first time, none of its headings is below 'adequate'.",
        "Every category is now rated either good or adequate.",
        # earlier reports, aims, hypotheticals, the fire service
        "Last year's report rated the force as 'good' for preventing crime.",
        "In 2015 the inspectors judged the force to be 'good' at investigating crime.",
        "The force moved from 'requires improvement' in 2019 to the present report.",
        "Our aim is to be 'Outstanding' in all areas, including preventing crime.",
        "Performance that was graded 'outstanding' before will now be graded as 'good'.",
        "The fire service was requiring improvement in all areas inspected.",
        # grades of no area
        "It requires improvement in places, and good progress has been made on victims.",
        "The force was graded as requiring improvement in some areas.",
        "It was rated 'good' in areas including supporting victims.",
        "Areas that were rated 'adequate' also received several recommendations.",
    ],
)
def test_grades_that_are_not_this_inspections(sentence):
    text = statement(sentence)
    text = text.replace("PEEL report", "PEEL 2023/24 report")

    check_parses(text, grades=[])


def test_pillar_words_shared_by_all_three_pillars_are_the_reports_pillar():
    text = statement(
        "Her Majesty's Inspectorate of Constabulary published its PEEL Legitimacy report today.",
        "Inspectors judged the force 'good' at keeping people safe and reducing crime, and "
        "'outstanding' in how it engages with local communities.",
    )

    check_parses(text, kind="peel-legitimacy", grades=[("legitimacy", "good")])


def test_pillar_report_drops_question_level_area_grades():
    text = statement(
        "HMIC's PEEL Effectiveness report, published on 22 March 2018, graded the force as "
        "'good' for overall effectiveness, for tackling serious and organised crime and for "
        "preventing crime, but 'requires improvement' for protecting vulnerable people.",
    )

    check_parses(text, kind="peel-effectiveness", grades=[("effectiveness", "good")])


@pytest.mark.parametrize(
    ("sentence", "grades"),
    [
        (
            "Gwent Police, the report states, requires improvement in all three PEEL indicators.",
            [
                ("effectiveness", "requires-improvement"),
                ("efficiency", "requires-improvement"),
                ("legitimacy", "requires-improvement"),
            ],
        ),
        (
            "The force got the lowest possible rating in all three main inspection areas.",
            [
                ("effectiveness", "inadequate"),
                ("efficiency", "inadequate"),
                ("legitimacy", "inadequate"),
            ],
        ),
        (
            "The force was rated as good - for the three key headlines - effectiveness, "
            "efficiency and legitimacy.",
            [("effectiveness", "good"), ("efficiency", "good"), ("legitimacy", "good")],
        ),
        (
            "The force was awarded the lowest possible rating for its efficiency.",
            [("efficiency", "inadequate")],
        ),
    ],
)
def test_pillar_grades_in_the_integrated_years(sentence, grades):
    text = statement(sentence).replace("PEEL report", "PEEL report of 2019")

    check_parses(text, grades=grades)


def test_overall_only_when_no_area_is_graded_and_never_in_the_five_point_years():
    pillar_era = statement("HMIC rated the force as 'requiring improvement'.")
    with_area = statement(
        "HMICFRS rated the force 'good' overall, and 'outstanding' for efficiency, in its "
        "PEEL 2018/19 report."
    )
    five_point = statement(
        "HMICFRS rated the force as 'good' overall in its PEEL 2023/24 inspection, and "
        "'adequate' in two areas."
    )

    check_parses(pillar_era, grades=[("overall", "requires-improvement")])
    check_parses(with_area, grades=[("efficiency", "outstanding")])
    check_parses(five_point, grades=[])


def test_another_forces_grade_is_not_this_forces():
    text = statement(
        "Kent Police was rated good for investigating crime.",
        "Essex Police was rated outstanding for preventing crime by the same inspection.",
    ).replace("Sam Okoro said", "Sam Okoro, the PCC for Kent, said")

    check_parses(text, force="Kent Police", grades=[("investigating-crime", "good")])


@pytest.mark.parametrize(
    ("sentences", "grades"),
    [
        (
            "The inspectors looked at three parts of the force's work - 'keeping people safe and "
            "reducing crime', 'operating efficiently and providing sustainable services', and "
            "'how legitimately it treats the public and its workforce'. All three were rated as "
            "good.",
            [("effectiveness", "good"), ("efficiency", "good"), ("legitimacy", "good")],
        ),
        (
            "The report covered investigating crime and managing offenders. Both were judged "
            "to be adequate.",
            [("investigating-crime", "adequate"), ("managing-offenders", "adequate")],
        ),
        (
            "Among them are an 'inadequate' rating given for how the force responds to the "
            "public, plus two 'requires improvement' ratings, one for protecting vulnerable "
            "people and one for managing offenders.",
            [
                ("responding-to-the-public", "inadequate"),
                ("protecting-vulnerable-people", "requires-improvement"),
                ("managing-offenders", "requires-improvement"),
            ],
        ),
        (
            "The weakest grading came in responding to the public, which was deemed inadequate.",
            [("responding-to-the-public", "inadequate")],
        ),
        (
            "HMICFRS has rated the force's response to serious and organised crime as 'good'.",
            [("serious-organised-crime", "good")],
        ),
        (
            "The inspection concluded that the force required improvement on data recording.",
            [("crime-data-integrity", "requires-improvement")],
        ),
        (
            "The force was rated 'good' for six of its categories and 'adequate' for three, with "
            "'requires improvement' for just one area - supporting victims - in the report.",
            [("victim-service", "requires-improvement")],
        ),
    ],
)
def test_grades_for_areas_named_elsewhere_in_the_sentence(sentences, grades):
    # The pillars were graded to 2019, the areas from 2021: say which years the report is of.
    cycle = (
        "2018/19" if grades[0][0] in ("effectiveness", "efficiency", "legitimacy") else "2023/24"
    )
    text = statement(sentences).replace("PEEL report", f"PEEL {cycle} report")

    check_parses(text, grades=grades)


@pytest.mark.parametrize(
    ("sentence", "grades"),
    [
        (
            "The report's overall finding is that the force's service requires improvement, a "
            "change from the assessment of the year before, which judged the force to be good.",
            [("effectiveness", "requires-improvement")],
        ),
        (
            "The overall grading for the force in this most recent report was 'requires "
            "improvement'.",
            [("effectiveness", "requires-improvement")],
        ),
        (
            "The force is 'good' at crime prevention and investigation, while it is rated as "
            "'inadequate' for vulnerability.",
            [],
        ),
    ],
)
def test_pillar_report_grades_stated_for_the_whole_report(sentence, grades):
    text = statement(
        "HMICFRS published its PEEL Police Effectiveness report on Essex Police today.", sentence
    )

    check_parses(text, kind="peel-effectiveness", grades=grades)


def test_a_five_point_grade_rules_out_a_pillar_report():
    text = statement(
        "Three areas of policing were deemed to require improvement - responding to the public, "
        "investigating crime and managing offenders - while five others were rated adequate.",
        "The inspector wrote that the force will not cut crime until it raises its "
        "effectiveness across investigations.",
    )

    check_parses(
        text,
        kind="peel",
        grades=[
            ("responding-to-the-public", "requires-improvement"),
            ("investigating-crime", "requires-improvement"),
            ("managing-offenders", "requires-improvement"),
        ],
    )
