"""Numbered findings (AFIs, causes of concern, recommendations), their responses and counts."""

import pytest

from tests.letters.test_parsing import check_parses, letter

_AFI_TEXT = "The force should answer calls promptly."


@pytest.mark.parametrize(
    "marker",
    [
        "AFI-1-",
        "AFI 1-",
        "AFI 1 -",
        "AFI 1 \u2013",
        "AFI 1:",
        "Area for improvement 1:",
        "Area for Improvement 1 -",
        "**AFI 1**",
    ],
)
def test_afi_markers(marker):
    body = f"{marker} {_AFI_TEXT}\n\nWe have recruited call handlers."

    check_parses(
        letter(body),
        afis=[(1, _AFI_TEXT)],
        responses=["We have recruited call handlers."],
    )


def test_afi_numbers_up_to_two_digits_in_order():
    body = "\n\n".join(f"AFI {n} - The force should do thing {n}.\n\nDone {n}." for n in (9, 10))

    check_parses(
        letter(body),
        afis=[(9, "The force should do thing 9."), (10, "The force should do thing 10.")],
        responses=["Done 9.", "Done 10."],
    )


def test_afi_marker_alone_on_its_line():
    body = f"AFI 1\n{_AFI_TEXT}\nForce update: A coordinator has been appointed."

    check_parses(
        letter(body),
        afis=[(1, _AFI_TEXT)],
        responses=["A coordinator has been appointed."],
    )


def test_cause_of_concern_and_recommendations():
    body = (
        "Cause of concern 1: The force does not investigate well.\n\n"
        "Recommendation 1: Within six months, the force should allocate investigations.\n\n"
        "Recommendation 2: The force should review investigations.\n\n"
        "Force response: A board has been established."
    )

    check_parses(
        letter(body),
        causes=[(1, "The force does not investigate well.")],
        recommendations=[
            (1, "Within six months, the force should allocate investigations."),
            (2, "The force should review investigations."),
        ],
    )


def test_numbered_items_under_an_introducing_sentence():
    body = (
        "The report did not identify any causes of concern. It did identify two areas for "
        "improvement:\n\n1. The force should record crimes promptly.\n\n"
        "2. The force should audit its records.\n\nThe Commissioner has an action plan."
    )

    check_parses(
        letter(body),
        afis=[
            (1, "The force should record crimes promptly."),
            (2, "The force should audit its records."),
        ],
        causes_of_concern_count=0,
        areas_for_improvement_count=2,
    )


def test_numbered_list_without_a_findings_heading_is_not_findings():
    body = "We will:\n\n1. Recruit staff.\n\n2. Buy vehicles."

    check_parses(letter(body), afis=[], recommendations=[])


def test_response_drops_page_furniture_and_joins_a_page_break():
    body = (
        "AFI 5- The force needs to assess the needs of all victims.\n\n"
        "Following on from the above, there is\n\n\u00b9 Redacted\n\n\n\n"
        "also an aspiration to automate.\n\n>... cont'd\n\nPage 2 of 3\n\n"
        "Training will support this."
    )

    check_parses(
        letter(body),
        afis=[(5, "The force needs to assess the needs of all victims.")],
        responses=[
            "Following on from the above, there is also an aspiration to automate. "
            "Training will support this."
        ],
    )


def test_finding_text_runs_across_a_page_break_mid_sentence():
    body = (
        "AFI 4 \u2013 The force should make sure its plan is realistic, so that\n\n"
        "Page 1 of 3\n\nKent Commissioner \u2014 PEEL response (cont'd)\n\n"
        "it can continue to provide a service.\n\nThe plan has been revised."
    )

    check_parses(
        letter(body),
        afis=[
            (
                4,
                "The force should make sure its plan is realistic, so that it can continue "
                "to provide a service.",
            )
        ],
        responses=["The plan has been revised."],
    )


def test_response_stops_at_a_section_heading_and_at_closing_remarks():
    body = (
        "AFI 1 - The force should do one thing.\n\nDone one.\n\nKent PCC Comments\n\n"
        "I am pleased.\n\nAFI 2 - The force should do another thing.\n\nDone two.\n\n"
        "I am satisfied that the Chief Constable has accepted every area for improvement."
    )

    check_parses(letter(body), responses=["Done one.", "Done two."])


def test_inline_response_label_splits_text_from_response():
    body = "AFI 1: The force should do one thing. Response: It has been done."

    check_parses(
        letter(body),
        afis=[(1, "The force should do one thing.")],
        responses=["It has been done."],
    )


def test_finding_spans_point_at_the_raw_text():
    text = letter(f"AFI 1 - {_AFI_TEXT}\n\nWe have recruited call handlers.")

    parsed = check_parses(text)

    finding = parsed.findings[0]
    assert text[finding.start : finding.end] == _AFI_TEXT
    assert text[finding.response_start : finding.response_end] == "We have recruited call handlers."


@pytest.mark.parametrize(
    ("sentence", "causes", "afis"),
    [
        (
            "did not receive any causes for concern, however did receive 10 areas for improvement",
            0,
            10,
        ),
        (
            "identified two causes of concern, each with recommendations, and 11 areas for "
            "improvement",
            2,
            11,
        ),
        ("identified no causes of concern and six areas for improvement", 0, 6),
        ("did not identify any areas for improvement", None, 0),
        ("identified one area for improvement", None, 1),
        ("set out five areas for improvement (AFIs)", None, 5),
    ],
)
def test_stated_counts(sentence, causes, afis):
    check_parses(
        letter(f"The PEEL report {sentence}."),
        causes_of_concern_count=causes,
        areas_for_improvement_count=afis,
    )


def test_form_fields_state_counts():
    body = "Causes of concern: None\nAreas for improvement: 5\n\nThe PEEL report was fair."

    check_parses(letter(body), causes_of_concern_count=0, areas_for_improvement_count=5)


def test_labels_are_not_counts():
    body = "Recommendation 2: The force should act.\n\nAFI 3 - The force should also act."

    check_parses(letter(body), causes_of_concern_count=None, areas_for_improvement_count=None)


def test_count_disagreeing_with_numbered_findings_warns():
    body = (
        "The report made three areas for improvement.\n\n"
        "AFI 1 - The force should do one thing.\n\nDone."
    )

    check_parses(
        letter(body),
        warnings=["the letter counts 3 areas for improvement but numbers 1"],
    )


@pytest.mark.parametrize(
    "furniture",
    ["- 2 -", "2", "2 | P a g e", "Page | 2", "OFFICIAL - PUBLIC", "NOT PROTECTIVELY MARKED"],
)
def test_afi_cut_by_a_page_break_before_an_upper_case_word_is_joined(furniture):
    body = (
        "AFI 1 - The force should make sure that crimes are recorded within\n\n\n"
        f"{furniture}\n\n\n24 hours of the Victims' Code being applied.\n\nWe have a plan."
    )

    check_parses(
        letter(body),
        afis=[
            (
                1,
                "The force should make sure that crimes are recorded within 24 hours of the "
                "Victims' Code being applied.",
            )
        ],
        responses=["We have a plan."],
    )


def test_afi_ending_in_a_possessive_goes_on_after_a_page_break():
    body = (
        "AFI 1 - The force should comply with the Victims'\n\n\n\n"
        "Code of Practice.\n\nWe have a plan."
    )

    check_parses(
        letter(body),
        afis=[(1, "The force should comply with the Victims' Code of Practice.")],
        responses=["We have a plan."],
    )


def test_afi_without_a_full_stop_is_not_joined_to_a_response_on_the_same_page():
    body = "AFI 1 - The force should answer calls promptly\n\nWe have recruited call handlers."

    check_parses(
        letter(body),
        afis=[(1, "The force should answer calls promptly")],
        responses=["We have recruited call handlers."],
    )


def test_footnote_inside_a_response_neither_ends_the_list_nor_joins_the_text():
    body = (
        "Areas for improvement\n\n"
        "1. The force should answer calls promptly.\n\n"
        "PCC comment: Learning is being embedded\n\n1 Redacted\n\n\n\nfrom the summer model.\n\n"
        "2. The force should record crime accurately.\n\nDone."
    )

    check_parses(
        letter(body),
        afis=[
            (1, "The force should answer calls promptly."),
            (2, "The force should record crime accurately."),
        ],
        responses=["Learning is being embedded from the summer model.", "Done."],
    )


# --- numbered findings as reports and forms write them (issue 9) -----------------------------


@pytest.mark.parametrize(
    "marker",
    [
        "Action for Further Improvement (AFI) {n}:",
        "Action for further improvement {n} -",
        "Area for Improvement (AFI) {n}",
        "Area for improvement {n}:",
        "AFI no. {n}:",
        "AFI #{n} \u2013",
    ],
)
def test_afi_markers_in_every_wording_stop_at_the_next_item(marker):
    body = (
        f"{marker.format(n=4)} The force should improve how it answers calls.\n\n"
        "Force response: A new call-handling model is in place.\n\n"
        f"{marker.format(n=5)} The force should review its bail management.\n\n"
        "Force response: Bail is reviewed weekly.\n\n"
        "Cause of concern 1\n\nThe force must record crime accurately.\n\n"
        "Force response: An audit team has been set up."
    )

    parsed = check_parses(
        letter(body),
        afis=[
            (4, "The force should improve how it answers calls."),
            (5, "The force should review its bail management."),
        ],
        responses=["A new call-handling model is in place.", "Bail is reviewed weekly."],
        causes=[(1, "The force must record crime accurately.")],
    )

    assert parsed.findings_of("cause-of-concern")[0].response == "An audit team has been set up."


def test_afi_response_stops_at_a_section_heading():
    body = (
        "Area for improvement 3: The force should supervise investigations better.\n\n"
        "Supervisors now review every investigation within seven days.\n\n"
        "Recommendations\n\n"
        "The report's recommendations are for chief constables nationally."
    )

    check_parses(
        letter(body),
        afis=[(3, "The force should supervise investigations better.")],
        responses=["Supervisors now review every investigation within seven days."],
    )


def test_afi_response_runs_across_a_page_break_and_a_footnote():
    body = (
        "AFI 1 - The force needs to attend calls in line with its published times.\n\n\n\n"
        "Learning is being embedded from the summer model, which includes reviewing all "
        "trigger plans to reduce unattended demand. Plans to strengthen the service are being\n\n"
        "\u00b9 Redacted\n\n\n\nprogressed with partners.\n\n"
        "AFI 2 - The force needs to record triage accurately.\n\nTraining is under way."
    )

    check_parses(
        letter(body),
        responses=[
            "Learning is being embedded from the summer model, which includes reviewing all "
            "trigger plans to reduce unattended demand. Plans to strengthen the service are "
            "being progressed with partners.",
            "Training is under way.",
        ],
    )
