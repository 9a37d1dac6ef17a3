"""Statements, web pages and news stories: page furniture, who responds, and whether a text is a
commissioner's response at all. Every construction has variations for other forces, years,
word orders and punctuation, so that a rule is tested as a rule, not as one sentence."""

import pytest

from letters.parsing import parse_letter
from tests.conftest import FIXTURES_DIR
from tests.letters.test_parsing import check_parses

_REPORT = (
    "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) published "
    "its PEEL inspection report into the force today."
)


def statement(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


# --- page furniture ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to main content",
        "Skip Content",
        "Text Only\nAccessibility Options\nDefault Text Size icon Large Text Size icon",
        "Set your Postcode Doing so tailors pages like news and events to where you live.",
        "Cookies on this site\nWe use necessary cookies to make this site work.",
        "Sign up to our daily newsletter\nThe i newsletter cut through the noise",
        "Hide Ad\nHide Ad",
        "- Advertisement -",
        "Read More",
        "Message Type Icon",
        "{SITE-NAME} Logo",
        "Home | About us | News | Contact us",
        "Image caption,",
        "12.4 C",
        "Tel: 01234 567890 Email: office@example.org Text size Set text size",
        "You are here: Home > News > Commissioner Gary Wood responds",
        "Home > News > Latest news",
        "Home \u00bb About us \u00bb Publications",
    ],
)
def test_page_furniture_is_never_a_name_date_or_title(furniture):
    text = statement(
        furniture,
        "Surrey Police and Crime Commissioner Lisa Tenby has welcomed the findings.",
        _REPORT,
    )

    check_parses(text, commissioner="Lisa Tenby", force="Surrey Police", date=None)


def test_furniture_is_blanked_with_spaces_so_spans_still_point_at_the_text():
    text = statement(
        "Skip to content\nHide Ad", "Commissioner Jane Ashby said the report was fair."
    )
    text += "Kent Police was rated 'good' for legitimacy by HMIC in its PEEL report.\n"

    parsed = check_parses(text, commissioner="Jane Ashby")

    assert text[parsed.commissioner.start : parsed.commissioner.end] == "Jane Ashby"


def test_a_caption_printed_twice_is_read_once():
    text = statement(
        "Police and Crime Commissioner Priya Shah.Police and Crime Commissioner Priya Shah.",
        "The Police and Crime Commissioner for Warwickshire said the PEEL report was fair.",
        _REPORT,
    )

    check_parses(text, commissioner="Priya Shah")


@pytest.mark.parametrize(
    "sentence",
    [
        'The force was graded "good" in <script>alert("x")</script> investigating crime.',
        "Devon and Cornwall Police was rated <b>good</b> at <a href='/r'>investigating crime</a>.",
        'The force is <strong class="grade">good</strong> at investigating crime.',
    ],
)
def test_markup_left_in_a_pages_text_is_not_words(sentence):
    text = statement("Commissioner Jane Ashby said the PEEL 2023-25 report was fair.", sentence)

    parsed = check_parses(text, grades=[("investigating-crime", "good")])

    [grade] = parsed.grades
    assert text[grade.start : grade.end] == grade.quote


def test_a_less_than_sign_is_not_markup():
    text = statement(
        "Commissioner Jane Ashby said the PEEL 2023-25 report was fair.",
        _REPORT,
        "Fewer than < 5% of calls were missed; the force is good at responding to the public.",
    )

    check_parses(text, grades=[("responding-to-the-public", "good")])


# --- who responds ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Police and Crime Commissioner Jane Ashby said the report was fair.",
        "Police & Crime Commissioner for Dorset, Jane Ashby, said the report was fair.",
        "The Police and Crime Commissioner (PCC) for Dorset Jane Ashby believes it is fair.",
        "Dorset's Police and Crime Commissioner - Jane Ashby has welcomed the report.",
        "Dorset's Police and Crime Commissioner (PCC), Jane Ashby, is pleased with it.",
        "Jane Ashby, Police and Crime Commissioner for Dorset, responds to the report.",
        "Jane Ashby, Dorset's Police and Crime Commissioner, said it was fair.",
        '"It is fair," said Jane Ashby, Dorset\'s Police and Crime Commissioner.',
        "Jane Ashby Police and Crime Commissioner, comments:",
        "PCC Jane Ashby said the report was fair.",
        "police and crime commissioner Jane Ashby said the report was fair.",
        "Councillor Jane Ashby, PCC for Dorset, said the report was fair.",
        "Dr Jane Ashby, the county's police and crime commissioner, welcomed the report.",
        "Received from the office of the Police and Crime Commissioner, Jane Ashby.",
        "Police and Crime Commissioner Jane Ashby's latest blog welcomes the report.",
        "Statement from Dr Jane Ashby responding to the publication of the report.",
    ],
)
def test_commissioner_named_in_prose_in_any_order(sentence):
    text = statement(sentence, "Dorset Police was inspected by HMICFRS under its PEEL programme.")

    check_parses(text, commissioner="Jane Ashby", force="Dorset Police")


@pytest.mark.parametrize(
    ("sentence", "title_key"),
    [
        ("Police, Fire and Crime Commissioner Tom Reeve said the PEEL report was fair.", "pfcc"),
        ("Police Fire and Crime Commissioner Tom Reeve welcomed the PEEL report.", "pfcc"),
        ("Tom Reeve, Police, Fire & Rescue and Crime Commissioner, said it was fair.", "pfcc"),
        ("Tom Reeve, Police, Crime and Victims' Commissioner for the area, said so.", "pcc"),
        ("The county's fire and crime commissioner Tom Reeve said the report was fair.", "pfcc"),
    ],
)
def test_long_and_combined_titles(sentence, title_key):
    text = statement(sentence, "Essex Police was inspected by HMICFRS under its PEEL programme.")

    check_parses(text, commissioner="Tom Reeve", title_key=title_key)


def test_title_and_name_in_different_sentences():
    text = statement(
        "The Police and Crime Commissioner for Wiltshire has praised the force's officers.",
        "In a statement Ruth Okafor said the PEEL inspection was a fair picture of Wiltshire "
        "Police, and that HMICFRS had recognised their work.",
    )

    check_parses(text, commissioner="Ruth Okafor")


def test_surname_mentions_credit_the_full_name():
    text = statement(
        "THE police and crime commissioner for Suffolk must answer councillors, they say.",
        "Omar Reid\n\nCoun Peter Vale, who leads the Labour group, said: 'He must come.'",
        "When the HMIC PEEL report came out, Mr Reid said it was a snapshot of Suffolk "
        "Constabulary.",
    )

    check_parses(text, commissioner="Omar Reid")


@pytest.mark.parametrize(
    "sentence",
    [
        "Chief Constable Mark Dunne said the PEEL report was fair.",
        "Mark Dunne, the force's Chief Constable, said the PEEL report was fair.",
        "Acting Chief Constable Mark Dunne welcomed the PEEL report.",
        "HM Inspector of Constabulary Mark Dunne said the force had improved.",
        "Councillor Mark Dunne, Chair of the Police and Crime Panel, said it was fair.",
    ],
)
def test_chief_constables_inspectors_and_chairs_are_never_the_commissioner(sentence):
    text = statement(
        sentence,
        "The Police and Crime Commissioner for Kent has also welcomed the PEEL report on Kent "
        "Police.",
    )

    check_parses(text, commissioner=None)


@pytest.mark.parametrize(
    ("force_sentence", "chief"),
    [
        ("Metropolitan Police Commissioner Sir Mark Rolfe said it was fair.", "Mark Rolfe"),
        ("Met Commissioner Clare Dicken welcomed the report.", "Clare Dicken"),
        ("Commissioner of the City of London Police Angela McLaren said it was fair.", None),
    ],
)
def test_the_mets_and_the_citys_commissioner_is_the_chief_officer(force_sentence, chief):
    text = statement(
        "Mayor Amal Hussain, in his role as the capital's police and crime commissioner, welcomed "
        "the HMICFRS report on the Metropolitan Police Service.",
        force_sentence,
    )

    check_parses(text, commissioner="Amal Hussain")


def test_a_mayor_is_the_commissioner_only_where_the_mayor_holds_the_office():
    text = statement(
        "Tees Valley Mayor Ben Houchen criticised the police after the HMICFRS PEEL report.",
        "Cleveland Police and Crime Commissioner Steve Turner said the report was fair.",
    )

    check_parses(text, commissioner="Steve Turner", force="Cleveland Police")


def test_headline_speaker_is_the_responder():
    text = statement(
        "Jane Ashby responds to the HMIC report on crime recording",
        "The report HMIC has published today on crime recording by police forces matters, and "
        "I will hold the Chief Constable of Kent Police to account for it.",
    )

    check_parses(text, commissioner="Jane Ashby")


# --- whether a text is a response -------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("From\nAndy Cooke QPM DL\nHis Majesty's Chief Inspector of Constabulary", "Chief"),
        ("From:\nHMI Lee Freeman KPM\nHis Majesty's Inspector of Constabulary", "HMI"),
        ("From\nRoy Wilsher\nHM Inspector of Constabulary", "Inspector"),
    ],
)
def test_letters_from_the_inspectorate_are_not_responses(head, title):
    text = statement(
        "Letter information",
        head,
        "To\nChief Constable Sam Price\nNorfolk Constabulary",
        "Cc\nJane Ashby\nPolice and Crime Commissioner for Norfolk",
        "I am glad to tell you that we have closed the cause of concern from our PEEL "
        "inspection of Norfolk Constabulary.",
    )

    parsed = check_parses(text, commissioner=None)

    assert parsed.pcc_response is False
    assert parsed.warnings[0].startswith("not a commissioner's response: a letter from")
    assert parsed.to_contract(source="x", sha256="0")["pcc_response"] is False

    assert parsed.inspection is not None  # the letter is about one force's inspection


@pytest.mark.parametrize(
    "subject",
    ["HMICFRS PEEL INSPECTIONS 2021/22", "Police effectiveness 2016: the national picture"],
)
def test_a_letter_to_every_commissioner_is_about_no_one_inspection(subject):
    text = statement(
        "From the Minister of State for Policing",
        "To: All Police and Crime Commissioners in England and Wales",
        "Dear Commissioner,",
        subject,
        "I am writing to thank you for responding to the PEEL inspections of your forces.",
        "Yours sincerely,\n\nSam Hart MP\nMinister of State for Policing",
    )

    parsed = check_parses(text, commissioner=None, force=None)

    assert (parsed.pcc_response, parsed.inspection) == (False, None)


def test_an_unlabelled_inspectorate_letter_in_its_own_voice_is_not_a_response():
    text = statement(
        "PEEL cause of concern revisit letter: Cheshire Constabulary",
        "Andy Cooke QPM DL\nHM Chief Inspector of Constabulary",
        "Chief Constable Mark Roberts\nCheshire Constabulary",
        "As part of our PEEL programme, we inspected Cheshire Constabulary and identified two "
        "causes of concern. Our recommendations were as follows.",
    )

    assert parse_letter(text).pcc_response is False


def test_a_letter_signed_by_the_home_secretary_is_not_a_response():
    text = (
        "Dear Police and Crime Commissioner,\n\nThank you for your work on the PEEL inspection "
        "of Gwent Police and the force's response.\n\nYours sincerely,\n\nJames Cleverly\n"
        "Home Secretary\n"
    )

    assert parse_letter(text).pcc_response is False


@pytest.mark.parametrize(
    "speaker",
    [
        "Chief Constable Chris Haward said: \u201cThe findings disappoint me.\u201d",
        "Commenting on the report, Chief Constable Chris Haward, said they disappointed him.",
        "The inspection assessed our police service and graded it as good.",
    ],
)
def test_a_chief_constables_own_statement_is_not_a_response(speaker):
    text = statement(
        "Lincolnshire Police requires improvement at responding to the public",
        "Today HMICFRS released its latest PEEL inspection of Lincolnshire Police.",
        speaker,
    )

    parsed = parse_letter(text)

    assert parsed.pcc_response is False
    assert "chief constable's or force's own statement" in parsed.warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        statement(
            "Chief Constable Chris Haward said the PEEL findings disappointed him.",
            "Police and Crime Commissioner Marc Jones said he would hold the force to account.",
        ),
        statement(
            "Minutes:\n1. The Chief Constable said the PEEL inspection had been rigorous.",
            "RESOLVED - That the report be noted by the Police and Crime Panel.",
        ),
        statement(
            "I welcome the HMICFRS PEEL report on Kent Police, which shows its progress.",
            "Through my accountability meetings I will keep a close eye on the force.",
        ),
        letter_text := (
            "Dear Sir Thomas,\n\nThank you for your PEEL report on Kent Police.\n\n"
            "Yours sincerely,\n\nJane Ashby\nPolice and Crime Commissioner for Kent\n"
        ),
    ],
)
def test_commissioners_panels_and_first_person_posts_are_responses(text):
    assert parse_letter(text).pcc_response is True


def test_a_pcc_letter_to_the_inspectorate_is_a_response():
    text = (
        "Date: 3 May 2024\n\nAndy Cooke QPM\nHis Majesty's Chief Inspector of Constabulary\n"
        "Globe House\n\nDear Andy Cooke,\n\nWe welcome your PEEL inspection of Kent Police. Our "
        "findings and our recommendations are published with this letter.\n\nYours sincerely,"
        "\n\nJane Ashby\nPolice and Crime Commissioner for Kent\n"
    )

    check_parses(text, commissioner="Jane Ashby", recipient="Andy Cooke")
    assert parse_letter(text).pcc_response is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Ashby, who is the Police and Crime Commissioner for Dorset, said it was fair.",
        "Jane Ashby (PCC) said the report was fair.",
        "Jane Ashby, in her role as Police and Crime Commissioner, welcomed the report.",
        "Comisiynydd Heddlu a Throseddu Jane Ashby said the report was fair.",
    ],
)
def test_commissioner_named_with_relative_clauses_brackets_and_welsh_titles(sentence):
    text = statement(sentence, "Dorset Police was inspected by HMICFRS under its PEEL programme.")

    check_parses(text, commissioner="Jane Ashby")


def test_the_inspectorates_own_statement_is_not_a_response():
    text = statement(
        "Inspectors find Derbyshire Constabulary good at preventing crime",
        "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services has published its "
        "PEEL inspection of Derbyshire Constabulary.",
        "HM Inspector of Constabulary Roy Wilsher said: \u201cI am pleased with the force.\u201d",
    )

    parsed = parse_letter(text)

    assert parsed.pcc_response is False
    assert "the inspectorate's own statement" in parsed.warnings[0]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (("Mark Burns-Williamson", "Mark Burns Williamson"), "Mark Burns-Williamson"),
        (("Philip Seccombe", "Phillip Seccombe", "Philip Seccombe"), "Philip Seccombe"),
    ],
)
def test_a_name_spelt_two_ways_is_read_in_its_commoner_or_hyphenated_spelling(names, expected):
    caption = "\n".join(f"Police and Crime Commissioner {name}" for name in names[:-1])
    text = statement(
        caption,
        "HMICFRS has published its PEEL inspection of the force.",
        f"Police and Crime Commissioner {names[-1]} said it was a fair report.",
    )

    check_parses(text, commissioner=expected)


@pytest.mark.parametrize(
    ("head", "iso"),
    [
        (
            " date 2019-09-27 The decision to end the alliance is criticised in the report.",
            "2019-09-27",
        ),
        ("Police and Crime Panel - Thursday 25 September 2025 2.30 pm", "2025-09-25"),
        ("Monday, 30th September 2019, 2:40 pm\nUpdated Monday, 7th October 2019", "2019-09-30"),
        ("Suffolk police rated by inspectors\nPublished: 10:30 AM June 1, 2022", "2022-06-01"),
        ("Posted 09.15, 3 May 2019", "2019-05-03"),
        ("By Local Reporter\nPublished 14:02 BST, 7 July 2021", "2021-07-07"),
    ],
)
def test_statement_dates_stamped_in_headings_and_datelines(head, iso):
    text = statement(
        head,
        "Police and Crime Commissioner Jane Ashby said the HMICFRS PEEL report on Kent Police "
        "was fair, and that she would hold the force to account for it.",
    )

    check_parses(text, date=iso)


@pytest.mark.parametrize(
    ("foot", "iso"),
    [
        (
            "Julia Reed\nPolice, Fire and Crime Commissioner for Northamptonshire\n24 June 2019",
            "2019-06-24",
        ),
        ("Sam Okoro\nPolice and Crime Commissioner\n\nDate: 3rd March 2017", "2017-03-03"),
        (
            "Yours sincerely\n\nAlun Jones\nComisiynydd Heddlu a Throseddu\nPolice and Crime "
            "Commissioner for Gwent\nDated 9 January 2024",
            "2024-01-09",
        ),
        # A date in related news at the foot of a page is no signature's date.
        ("Related news\nCommissioner launches victims strategy\n12 May 2019", None),
        # A date in a sentence under the signature is not the letter's date.
        (
            "Jane Ashby\nPolice and Crime Commissioner\nThe report was published on 2 May 2019.",
            None,
        ),
    ],
)
def test_a_response_dated_under_its_signature(foot, iso):
    text = statement(
        "Response to the HMICFRS PEEL inspection of the force",
        "I welcome the report and will hold the Chief Constable to account for its areas for "
        "improvement.",
        foot,
    )

    check_parses(text, date=iso)


@pytest.mark.parametrize(
    "sentence",
    [
        "HMICFRS published its PEEL assessment of Avon and Somerset Police on 20 September 2022.",
        "The inspectorate published their report into the force on Tuesday 20 September 2022.",
        "HMIC released its efficiency report on the force on 20 September 2022, and it is fair.",
    ],
)
def test_the_inspectorate_published_its_report_on_a_date(sentence):
    text = statement(
        "Statement from the Police and Crime Commissioner, 14 October 2022",
        f"I welcome the findings. {sentence} I will hold the Chief Constable to account.",
    )

    check_parses(text, published="2022-09-20")


def test_a_chief_constables_message_is_not_a_response():
    text = statement(
        "Message from Chief Constable Gavin Reid QPM",
        "Today our own PEEL assessment report from HMICFRS has been published. I am delighted "
        "that we were graded as outstanding at preventing crime.",
    )

    assert parse_letter(text).pcc_response is False


# --- whole statements, written for these tests in the ways offices and newspapers write -------

STATEMENTS = FIXTURES_DIR / "statements"

_RI = "requires-improvement"
WHOLE = {
    "avon-somerset-pcc-peel-2023-25-grades-by-group.txt": {
        "commissioner": "Clara Mendes",
        "force": "Avon and Somerset Constabulary",
        "published": "2024-06-20",
        "grades": {
            ("preventing-crime", "good"),
            ("managing-offenders", "good"),
            ("workforce", "good"),
            ("treatment-of-the-public", "adequate"),
            ("protecting-vulnerable-people", "adequate"),
            ("use-of-resources", "adequate"),
            ("investigating-crime", _RI),
            ("responding-to-the-public", "inadequate"),
        },
    },
    "humberside-news-peel-2023-25-rated-for-and-for.txt": {
        "date": "2024-10-19",
        "grades": {
            ("preventing-crime", "outstanding"),
            ("managing-offenders", "outstanding"),
            ("use-of-resources", "outstanding"),
            ("investigating-crime", "good"),
            ("protecting-vulnerable-people", "good"),
            ("crime-data-integrity", "good"),
            ("responding-to-the-public", "adequate"),
            ("treatment-of-the-public", "adequate"),
        },
    },
    "cleveland-commissioner-quote-peel-2021-22.txt": {
        "commissioner": "Stephen Tolley",
        "date": "2022-03-03",
        "grades": {
            ("investigating-crime", "adequate"),
            ("responding-to-the-public", "adequate"),
            ("crime-data-integrity", "good"),
            ("protecting-vulnerable-people", _RI),
            ("managing-offenders", _RI),
        },
    },
    "staffordshire-pipe-table-peel-2023-25.txt": {
        "commissioner": "Ben Aldous",
        "grades": {
            ("preventing-crime", "good"),
            ("responding-to-the-public", "adequate"),
            ("investigating-crime", _RI),
            ("protecting-vulnerable-people", "adequate"),
        },
    },
    "surrey-good-in-five-of-nine.txt": {
        "published": "2023-07-07",
        "grades": {
            ("preventing-crime", "good"),
            ("investigating-crime", "good"),
            ("protecting-vulnerable-people", "good"),
            ("managing-offenders", "good"),
            ("workforce", "good"),
        },
    },
    "hmi-letter-to-chief-constable-derbyshire.txt": {"pcc_response": False, "grades": set()},
    "kent-crime-data-integrity-2019.txt": {
        "kind": "crime-data-integrity",
        "published": "2019-08-02",
        "grades": {("crime-data-integrity", "good")},
    },
    "met-mayor-inadequate-2023.txt": {
        "commissioner": "Amal Hussain",
        "grades": {("responding-to-the-public", "inadequate")},
    },
    "lincolnshire-qa-page-peel-2021-22.txt": {
        "date": None,
        "published": "2022-04-01",
        "period": "2021/22",
        "grades": {
            ("responding-to-the-public", _RI),
            ("investigating-crime", "adequate"),
            ("protecting-vulnerable-people", "adequate"),
            ("managing-offenders", "good"),
            ("workforce", "adequate"),
            ("preventing-crime", "good"),
            ("treatment-of-the-public", "adequate"),
            ("use-of-resources", "adequate"),
        },
    },
    "cumbria-pcc-peel-efficiency-2015.txt": {
        "kind": "peel-efficiency",
        "period": "2015",
        "grades": {("efficiency", "good")},
    },
    "durham-good-across-five-areas.txt": {
        "grades": {("responding-to-the-public", _RI), ("protecting-vulnerable-people", _RI)},
    },
    "norfolk-efficiency-outstanding-2017.txt": {
        "kind": "peel-efficiency",
        "grades": {("efficiency", "outstanding")},
    },
    "thames-valley-serious-organised-crime-2023.txt": {
        "kind": "serious-organised-crime",
        "grades": {("serious-organised-crime", "good")},
    },
}


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_whole_statements_in_many_wordings(name):
    expected = dict(WHOLE[name])
    text = (STATEMENTS / name).read_text(encoding="utf-8")
    pcc_response = expected.pop("pcc_response", True)

    parsed = check_parses(text, **expected)

    assert parsed.pcc_response is pcc_response


@pytest.mark.parametrize(
    "label", ["Date response sent:", "Date sent -", "Date submitted:", "Date:", "Dated"]
)
def test_a_form_or_letter_labels_its_date_below_the_heading(label):
    text = statement(
        "Response from the Police and Crime Commissioner for Humberside",
        f"{label} 10 January 2023",
        "HMICFRS PEEL 2021/22 inspection of Humberside Police",
        "I welcome the report and will hold the Chief Constable to account for it.",
    )

    check_parses(text, date="2023-01-10", period="2021/22")


@pytest.mark.parametrize(
    ("top", "year"),
    [
        ("Date: 10 January 2023\n\nHMICFRS PEEL inspection of the force", "2023"),
        ("Published 4 March 2019\nPEEL inspection of the force", "2019"),
    ],
)
def test_the_year_of_a_date_is_no_period(top, year):
    text = statement(
        top, "I welcome the report and will hold the Chief Constable of Kent Police to account."
    )

    parsed = parse_letter(text)

    period = parsed.inspection.period
    assert period is None or text[period.start : period.end] != year


def test_a_period_written_before_a_line_break_is_a_period():
    text = statement(
        "The 2018/19\nPEEL inspection of the force",
        "I welcome the report and will hold the Chief Constable of Kent Police to account.",
    )

    check_parses(text, period="2018/19")


@pytest.mark.parametrize("close", ['."', '!"', ".\u201d", "?'"])
def test_a_quoted_sentence_on_its_own_line_is_no_title(close):
    text = statement(
        "HMICFRS has published its PEEL inspection of Lancashire Constabulary.",
        f'Commissioner Andrew Snowden said: "I welcome the report and I will act on it{close}',
    )

    check_parses(text, title=None)


# --- hard-wrapped text (a PDF's text layer, a plain-text email) ------------------------------


def wrapped(*paragraphs: str, width: int = 64) -> str:
    import textwrap

    return (
        "\n\n".join("\n".join(textwrap.wrap(p, width, break_on_hyphens=False)) for p in paragraphs)
        + "\n"
    )


_WRAPPED_PROSE = (
    "The inspectorate looked at how well the force prevents and investigates\n"
    "crime, how it responds to the public and how it protects vulnerable\n"
    "people, and it published its findings on its website this morning."
)


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        (
            "Following the inspection, Hertfordshire's Police and Crime Commissioner David\n"
            "Lloyd has defended the performance of the constabulary in every area.",
            "David Lloyd",
        ),
        (
            "After today's report came out, Merseyside's Police Commissioner Jane\n"
            "Kennedy said the officers and staff put enormous effort into it all.",
            "Jane Kennedy",
        ),
        (
            "The report was welcomed by the Police, Fire and Crime Commissioner, Sam\n"
            "Okoro, who said that he would hold the Chief Constable to account.",
            "Sam Okoro",
        ),
    ],
)
def test_a_name_wrapped_over_two_lines_is_read_whole(paragraph, name):
    text = statement(paragraph, _WRAPPED_PROSE)

    check_parses(text, commissioner=name)


def test_a_wrapped_headline_names_its_speaker():
    text = statement(
        "Inspectors' report shows Cleveland Police has kept up its progress -\nDr Jane Ashby",
        _WRAPPED_PROSE,
    )

    check_parses(text, commissioner="Jane Ashby")


def test_a_wrapped_cookie_notice_is_furniture_and_the_dateline_is_found():
    text = statement(
        "Cookies on this site",
        "Our site needs certain cookies to function, and we would also\nlike to set analytics "
        "cookies so that we can keep making the\nwebsite better, and remember your choices.",
        "Core functions depend on necessary cookies. You can switch\nthem off in your browser "
        "settings, though the website may then\nnot work properly.",
        "Analytics\n\nThese cookies gather aggregated data on traffic, helping us\nimprove the "
        "site in future.",
        "Latest police inspection recognises improvements at Gwent\nPolice",
        "24 July 2025",
        "Police and Crime Commissioner Jane Ashby said the PEEL report was fair.",
    )

    check_parses(text, date="2025-07-24")


def test_a_sentence_wrapped_onto_a_line_starting_report_colon_is_no_subject():
    text = statement(
        "Commissioner Jane Ashby welcomed the PEEL inspection of Kent Police.",
        "HM Inspector of Constabulary Wendy Williams wrote in the conclusion to her\n"
        'report: "The force will not be able to cut crime effectively until its\n'
        "suitably skilled people are in post where they are needed, and until it\n"
        'raises its capacity."',
    )

    check_parses(text, title=None)


@pytest.mark.parametrize("width", [48, 60, 72])
def test_grades_and_areas_wrapped_anywhere(width):
    text = wrapped(
        "Commissioner Jane Ashby welcomed the PEEL 2021/22 inspection of Kent Police.",
        "Three areas of policing were deemed to require improvement - responding to the "
        "public, investigating crime and managing offenders - while the report found the "
        "force 'good' at preventing crime.",
        width=width,
    )

    check_parses(
        text,
        grades=[
            ("responding-to-the-public", "requires-improvement"),
            ("investigating-crime", "requires-improvement"),
            ("managing-offenders", "requires-improvement"),
            ("preventing-crime", "good"),
        ],
    )


@pytest.mark.parametrize(
    "headline",
    [
        "Surrey Police and Crime Commissioner Takes Issue with HMIC's Efficiency Views",
        "Police and Crime Commissioner Welcomes PEEL Report",
        "PCC Backs Chief Constable After Inspection",
    ],
)
def test_a_title_case_headlines_verbs_are_no_name(headline):
    text = "\n".join(
        [
            headline,
            "Police and Crime Commissioner Lisa Tenby says she does not agree with what the "
            "inspectors concluded about the force's plans in their PEEL report.",
            "She said the report was out of date.",
        ]
    )

    check_parses(text, commissioner="Lisa Tenby")


def test_a_double_spaced_list_is_part_of_the_paragraph_before_it():
    text = statement(
        "Praise for Gwent Police's commitment to fairness",
        "Gwent / December 12",
        "Today the Police and Crime Commissioner congratulated the force on its report.",
        "The report was the work of HMICFRS, and the force was given an overall rating of 'good'.",
        "HMICFRS also gave the force ratings of 'good' for each of the three questions:",
        "  \u2022 To what extent does the force treat all of the people it serves fairly?",
        "  \u2022 How well does the force ensure that its workforce behaves ethically?",
        "  \u2022 To what extent does the force treat its workforce fairly?",
        "The inspector said the force is judged to be good at how legitimately it keeps people "
        "safe and reduces crime.",
    )

    check_parses(text, kind="peel-legitimacy", grades=[("legitimacy", "good")])


def test_a_text_without_blank_lines_has_its_subject_line():
    text = "\n".join(
        [
            "Dear Mr Wilsher,",
            "PEEL 2021/22 - An inspection of Kent Police",
            "I am writing in response to your report on Kent Police, published on 28 April "
            "2022, as required by section 55 of the Police Act 1996.",
            "Overall, I consider this to be a fair report and the force has a plan for each "
            "of the areas for improvement it identifies.",
            "Yours sincerely,",
            "Jane Ashby",
            "Police and Crime Commissioner for Kent",
        ]
    )

    check_parses(text, title="PEEL 2021/22 - An inspection of Kent Police")
