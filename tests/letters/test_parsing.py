"""The letter parser on small snippets: structure, dates, forces, people, inspections, errors.

``check_parses(text, **expected)`` parses ``text`` and compares the named parts of the
extraction contract; it also checks that every span the parser reports is the evidence for its
value. ``letter(body)`` wraps a snippet in the minimum a letter needs (salutation, sign-off,
signature) so each test can say only what it is about.
"""

import datetime as dt

import pytest

from letters.parsing import LetterParseError, parse_letter
from letters.parsing.dates import parse_date

_CONTRACT_KEYS = {
    "date": ("date",),
    "reference": ("reference",),
    "force": ("force",),
    "commissioner": ("commissioner", "name"),
    "commissioner_title": ("commissioner", "title"),
    "recipient": ("recipient", "name"),
    "salutation": ("recipient", "salutation"),
    "kind": ("inspection", "kind"),
    "title": ("inspection", "title"),
    "period": ("inspection", "period"),
    "published": ("inspection", "published"),
    "grade_summary": ("grade_summary",),
    "causes_of_concern_count": ("causes_of_concern_count",),
    "areas_for_improvement_count": ("areas_for_improvement_count",),
}


def letter(body: str, *, head: str = "Dear Mr Wilsher,", sign: str = "") -> str:
    sign = sign or "Yours sincerely,\n\nJane Smith\nPolice and Crime Commissioner for Kent"
    return f"{head}\n\n{body}\n\n{sign}\n"


def check_parses(text: str, **expected):
    """Parse ``text``; assert each expected part of the contract; return the parsed letter.

    Keys: those of _CONTRACT_KEYS, ``grades`` (a set of (area, grade)), ``afis``, ``causes``,
    ``recommendations`` (lists of (number, text)), ``responses`` (AFI responses in order),
    ``warnings`` (the exact list), ``honorific`` and ``title_key`` (the commissioner's).
    """
    parsed = parse_letter(text)
    contract = parsed.to_contract(source="snippet.txt", sha256="0")
    for key, want in expected.items():
        if key in _CONTRACT_KEYS:
            node = contract
            for part in _CONTRACT_KEYS[key]:
                node = node.get(part) if isinstance(node, dict) else None
            assert node == want, f"{key}: expected {want!r}, got {node!r}"
        elif key == "grades":
            got = {(g["area"], g["grade"]) for g in contract["grades"]}
            assert got == set(want), f"grades: expected {sorted(want)}, got {sorted(got)}"
        elif key in ("afis", "causes", "recommendations"):
            kind = {"afis": "afi", "causes": "cause-of-concern"}.get(key, "recommendation")
            got = [(f.number, f.text) for f in parsed.findings_of(kind)]
            assert got == list(want), f"{key}: expected {want!r}, got {got!r}"
        elif key == "responses":
            assert [f.response for f in parsed.findings_of("afi")] == list(want)
        elif key == "warnings":
            assert list(parsed.warnings) == list(want)
        elif key in ("honorific", "title_key"):
            assert getattr(parsed.commissioner, key) == want
        else:
            raise AssertionError(f"check_parses does not know {key!r}")
    _check_spans(text, parsed)
    return parsed


def _check_spans(text: str, parsed) -> None:
    """Every span is the evidence: a date's span holds a date, a name's span the name..."""
    for grade in parsed.grades:
        assert text[grade.start : grade.end] == grade.quote
    for person in (parsed.commissioner, parsed.recipient):
        if person is not None:
            assert person.name.split()[-1] in text[person.start : person.end].replace("\u2019", "'")
    if parsed.date is not None:
        assert parse_date(text[parsed.date.start : parsed.date.end]) == parsed.date.value
    if parsed.reference is not None:
        assert text[parsed.reference.start : parsed.reference.end] == parsed.reference.value
    if parsed.force is not None:
        assert text[parsed.force.start : parsed.force.end].strip()
    for finding in parsed.findings:
        assert finding.text.split()[0] in text[finding.start : finding.end]


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "lorem ipsum dolor sit amet", "Shopping list:\n- eggs\n- milk\n- bread"],
)
def test_parse_letter_without_letter_content_raises(text):
    with pytest.raises(LetterParseError):
        parse_letter(text)


def test_parse_letter_error_names_the_source():
    with pytest.raises(LetterParseError, match="broken.txt"):
        parse_letter("nothing to see", source="broken.txt")


def test_parse_letter_without_salutation_but_about_policing_parses():
    text = (
        "The Police and Crime Commissioner for Kent, Jane Smith, said the PEEL inspection "
        "of Kent Police was welcome.\n"
    )

    check_parses(text, force="Kent Police", commissioner="Jane Smith", kind="peel")


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Date: 11th April 2023", "2023-04-11"),
        ("18 May 2022", "2022-05-18"),
        ("Date: 28/01/2025", "2025-01-28"),
        ("January 5, 2023", "2023-01-05"),
        ("Date: 28th January 2025", "2025-01-28"),
        ("09 April 2018", "2018-04-09"),
        ("Monday, 3 Sept 2018", "2018-09-03"),
        ("2024-03-01", "2024-03-01"),
    ],
)
def test_letter_date_formats(line, iso):
    check_parses(
        f"Our ref: AB/1\n\n{line}\n\n" + letter("Thank you for the PEEL report."), date=iso
    )


def test_letter_date_without_year_is_null():
    check_parses("Date: 7th January\n\n" + letter("Thank you for the PEEL report."), date=None)


def test_letter_date_ignores_publication_and_visit_dates_in_body():
    body = (
        "Re: PEEL report, published 22 March 2018\n\n"
        "HMICFRS visited on 7th and 8th of January 2018 and on 3 February 2018."
    )

    check_parses(
        "Date: 09 April 2018\n\n" + letter(body), date="2018-04-09", published="2018-03-22"
    )


def test_statement_date_from_published_label():
    text = (
        "Home > News\n\nPublished: 12 October 2022\n\n"
        "Police and Crime Commissioner Jane Smith said the PEEL inspection of Surrey Police, "
        "published on 29 September 2022, showed real progress in the force.\n"
    )

    check_parses(text, date="2022-10-12", published="2022-09-29", commissioner="Jane Smith")


def test_parse_date_rejects_impossible_days():
    assert parse_date("31 February 2023") is None
    assert parse_date("5th December 2024") == dt.date(2024, 12, 5)


# --- reference -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Our ref: RM/OPCC", "RM/OPCC"),
        ("Our Ref: OPCC/1761/18", "OPCC/1761/18"),
        ("Ref: GMCA/PCC/19/088", "GMCA/PCC/19/088"),
        ("Ein cyf / Our ref: CHTh/RI/17/014", "CHTh/RI/17/014"),
        ("Our reference: MOPAC/DMPC/2022/0417", "MOPAC/DMPC/2022/0417"),
    ],
)
def test_reference_read_from_header(line, value):
    check_parses(f"{line}\n\n18 May 2022\n\n" + letter("The PEEL report."), reference=value)


def test_reference_prefers_our_ref_over_your_ref():
    header = "Our ref: PAB/1\nYour ref: HMICFRS/2\n\n3rd March 2021\n\n"

    check_parses(header + letter("The PEEL report."), reference="PAB/1")


def test_re_line_is_not_a_reference():
    check_parses(letter("Re: PEEL Effectiveness Report, Published 22 March 2018"), reference=None)


# --- forces --------------------------------------------------------------------------------


def test_force_from_letterhead_area_name():
    head = "POLICE & CRIME\nCOMMISSIONER\nfor Leicester,\nLeicestershire & Rutland\n\n"

    check_parses(head + letter("The report was welcome."), force="Leicestershire Police")


def test_force_from_commissioner_title_beats_other_forces_in_body():
    body = "Only Kent, Essex and Surrey were rated better than Essex; Essex and Surrey lead."
    sign = "Yours sincerely,\n\nJane Smith\nPolice and Crime Commissioner for Sussex"

    check_parses(letter(body, sign=sign), force="Sussex Police")


def test_force_regional_name_is_not_a_force():
    body = (
        "Your inspection of the East Midlands regional response to serious and organised crime "
        "graded Derbyshire Constabulary as good."
    )
    sign = "Yours sincerely,\n\nJane Smith\nPolice and Crime Commissioner"

    check_parses(letter(body, sign=sign), force="Derbyshire Constabulary")


def test_force_longest_alias_wins():
    sign = (
        "Yours sincerely,\n\nJane Smith\nPolice and Crime Commissioner for York and North Yorkshire"
    )

    check_parses(letter("The report.", sign=sign), force="North Yorkshire Police")


def test_force_acronyms_match_only_in_capitals():
    body = "The report on the force was published. We will fill the gmp gap."
    sign = "Yours sincerely,\n\nJane Smith\nPolice and Crime Commissioner"

    check_parses(letter(body, sign=sign), force=None)


# --- commissioners -------------------------------------------------------------------------


def test_commissioner_from_signature_with_scanner_description():
    sign = (
        "Yours sincerely,\n\n"
        'A handwritten signature in blue ink, reading "Rupert Matthews", with a line.\n\n'
        "Rupert Matthews\nPolice and Crime Commissioner for Leicester, Leicestershire & Rutland"
    )

    check_parses(
        letter("The report.", sign=sign),
        commissioner="Rupert Matthews",
        commissioner_title="Police and Crime Commissioner",
        title_key="pcc",
    )


def test_commissioner_skips_ocr_junk_and_keeps_honorific_apart():
    sign = "You au, Bail,\n\nLord Willy Bach\n\nPolice and Crime Commissioner"

    check_parses(letter("The report.", sign=sign), commissioner="Willy Bach", honorific="Lord")


def test_commissioner_skips_a_stray_line_that_is_not_a_full_name():
    sign = "Yours sincerely,\n\nRupert Matthews\n\n\n\nProf. Hall\n\nPolice and Crime Commissioner"

    check_parses(letter("The report.", sign=sign), commissioner="Rupert Matthews")


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Police, Fire and Crime Commissioner for Essex", "pfcc"),
        ("Deputy Mayor for Policing and Crime", "deputy-mayor"),
        ("Deputy Mayor for Policing, Fire and Crime", "deputy-mayor"),
        ("Police, Crime and Victims' Commissioner for Durham and Darlington", "pcc"),
        ("Staffordshire Commissioner for Police, Fire and Rescue and Crime", "pfcc"),
        ("Mayor of Greater Manchester", "mayor"),
    ],
)
def test_commissioner_title_variants(title, key):
    sign = f"Yours sincerely,\n\nDr Amara Okafor\n{title}"

    check_parses(letter("The report.", sign=sign), commissioner="Amara Okafor", title_key=key)


def test_commissioner_place_before_title_is_not_a_name():
    sign = "Yours sincerely,\n\nOwain Pritchard MBE\nSouth Wales Police and Crime Commissioner"

    check_parses(letter("The report.", sign=sign), commissioner="Owain Pritchard")


def test_commissioner_is_never_a_chief_constable_or_chair():
    sign = "Yours sincerely,\n\nCatherine Waller\nChair, Police Authority Board"
    body = "The Commissioner of the City of London Police, Andrew Marsh, agreed."

    check_parses(letter(body, sign=sign), commissioner=None)


def test_commissioner_named_in_a_press_statement():
    text = (
        "PRESS RELEASE\n\nMayor welcomes inspection\n\n"
        "The report on West Yorkshire Police was published by HMICFRS today.\n\n"
        'Chief Constable John Doe said: "We are proud."\n\n'
        'Mayor Helen Ashworth said: "This is an excellent report for the police."\n'
    )

    check_parses(text, commissioner="Helen Ashworth")


# --- recipients ----------------------------------------------------------------------------


def test_recipient_surname_resolved_from_address_block():
    head = (
        "Roy Wilsher OBE QFSM\nHer Majesty's Inspector of Constabulary\n6th Floor Globe House\n\n"
    )

    check_parses(
        head + letter("The report."), recipient="Roy Wilsher", salutation="Dear Mr Wilsher,"
    )


def test_recipient_surname_resolved_from_known_recipients():
    head = "Her Majesty's Inspector of Constabulary\n89 Eccleston Square London\n\n"

    check_parses(head + letter("The report."), recipient="Roy Wilsher")


def test_recipient_role_salutation_takes_address_block_name():
    head = "Rt Hon Amber Rudd MP, Home Secretary\n\n"

    check_parses(head + letter("The report.", head="Dear Home Secretary,"), recipient="Amber Rudd")


@pytest.mark.parametrize(
    "salutation", ["Dear Andy Cooke QPM,", "Dear Andy Cooke, QPM,", "Dear Mr Cooke", "Dear Andy,"]
)
def test_recipient_without_honorifics_or_post_nominals(salutation):
    head = "Andy Cooke QPM\nHis Majesty's Chief Inspector of Constabulary\n\n"

    check_parses(head + letter("The report.", head=salutation), recipient="Andy Cooke")


def test_recipient_nickname_and_welsh_salutation():
    head = "Sir Thomas Winsor\nHer Majesty's Chief Inspector of Constabulary\n\n"

    check_parses(head + letter("The report.", head="Dear Sir Tom,"), recipient="Thomas Winsor")
    check_parses(
        head + letter("The report.", head="Annwyl Syr Thomas / Dear Sir Thomas,"),
        recipient="Thomas Winsor",
    )


def test_recipient_sir_or_madam_is_null():
    check_parses(letter("The report.", head="Dear Sir/Madam,"), recipient=None)


# --- inspections ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "kind"),
    [
        ("Re: PEEL Effectiveness Report, Published 22 March 2018", "peel-effectiveness"),
        ("PEEL 2016: Legitimacy - Dyfed-Powys Police", "peel-legitimacy"),
        ('Your report "PEEL: Police efficiency 2016" was welcome.', "peel-efficiency"),
        (
            "I write in response to your inspection of the East Midlands regional response to "
            "serious and organised crime as part of the PEEL inspection.",
            "serious-organised-crime",
        ),
        ("I write in response to your Annual State of Policing Letter.", "state-of-policing"),
        ("Your report: Crime Data Integrity inspection 2020.", "crime-data-integrity"),
        (
            "Thank you for the report covering the police effectiveness, efficiency and "
            "legitimacy inspections.",
            "peel",
        ),
        (
            'Your report "An inspection of vetting, misconduct, and misogyny in the police '
            'service" was published.',
            "thematic",
        ),
        ("Thank you for your letter about the budget.", "other"),
    ],
)
def test_inspection_kind_from_what_the_letter_answers(opening, kind):
    check_parses(letter(opening), kind=kind)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("the report 'Kent Police PEEL 2023/24 - Police effectiveness'", "2023/24"),
        ("PEEL 2023-2025: An inspection of Kent Police", "2023/25"),
        ("PEEL 2023–2025: An inspection of Kent Police", "2023/25"),
        ("the 23/24 HMICFRS PEEL inspection", "2023/24"),
        ("PEEL: Police effectiveness, efficiency and legitimacy 2018/19", "2018/19"),
    ],
)
def test_inspection_period_as_named(text, period):
    check_parses(letter(f"Thank you for {text}."), period=period)


def test_inspection_period_latest_not_after_the_letter():
    body = (
        "Re: PEEL 2023/24\n\nIn the 21/22 PEEL inspection this sat at 47%. "
        "We look forward to PEEL 2027/29."
    )

    check_parses("Date: 28th January 2025\n\n" + letter(body), period="2023/24")


def test_pillar_report_period_is_the_single_peel_year():
    body = (
        "Re: PEEL Effectiveness Report, Published 22 March 2018\n\n"
        "Further to this final report in the PEEL inspections for the 2017/18 year, the force "
        "was rated 'Good'."
    )

    check_parses("Date: 09 April 2018\n\n" + letter(body), period="2017", kind="peel-effectiveness")


def test_state_of_policing_period_inferred_from_publication_with_warning():
    body = "I write in response to your Annual State of Policing Letter dated 19th July 2024."

    check_parses(
        "Date: 13th September 2024\n\n" + letter(body),
        kind="state-of-policing",
        published="2024-07-19",
        period="2023",
        warnings=[
            "period inferred: a State of Policing report assesses the year before its release"
        ],
    )


def test_unstated_peel_period_inferred_from_date_and_grade_scale_with_warning():
    body = 'Thank you for the PEEL report. Responding to the public ("adequate" grade) needs work.'

    check_parses(
        "18 May 2022\n\n" + letter(body),
        period="2021/22",
        warnings=["period inferred from the letter's date and the grade scale"],
    )


def test_published_is_the_date_tied_to_publication():
    body = (
        "I write in response to the PEEL inspection findings published 5th December 2024. "
        "HMICFRS visited Force HQ on 7 January 2025."
    )

    check_parses("Date: 28th January 2025\n\n" + letter(body), published="2024-12-05")


@pytest.mark.parametrize(
    "phrase",
    [
        "which was published on the 5th December 2024",
        "published by Her Majesty's Inspectorate of Constabulary on 5 December 2024",
        "(published 5 December 2024)",
        "which HMICFRS published on 5 December 2024",
    ],
)
def test_published_wordings(phrase):
    check_parses(letter(f"Thank you for the PEEL report, {phrase}."), published="2024-12-05")


def test_published_never_the_letters_own_date():
    check_parses("Date: 5 December 2024\n\n" + letter("The PEEL report."), published=None)


def test_inspection_title_from_quotes_or_subject_line():
    quoted = letter("Your report 'Kent Police PEEL 2023/24 - Police effectiveness' is welcome.")
    subject = letter("Re: PEEL Effectiveness Report, Published 22 March 2018")

    check_parses(quoted, title="Kent Police PEEL 2023/24 - Police effectiveness")
    check_parses(subject, title="PEEL Effectiveness Report")


# --- hard-wrapped text, inferred periods, titles ----------------------------------------------


def test_hard_wrapped_statement_finds_its_prose_dates_and_title():
    text = (
        "Home > News > Devon and Cornwall: response to the inspectorate's report\n\n"
        "Posted on 7 June 2014\n\n"
        "Police and Crime Commissioner Sarah Nolan has responded to the inspectorate's\n"
        "report 'State of Policing: The Annual Assessment of Policing in England and\n"
        "Wales 2013/14' published on 02 April\n2014, which covers Devon and Cornwall\n"
        "Police.\n\nShare this page\n"
    )

    check_parses(
        text,
        date="2014-06-07",
        kind="state-of-policing",
        period="2013/14",
        published="2014-04-02",
        title="State of Policing: The Annual Assessment of Policing in England and Wales 2013/14",
    )


def test_peel_period_in_hard_wrapped_prose():
    body = (
        "Re: PEEL Legitimacy Report, Published 06/01/2015\n\n"
        "Further to the publication of this final report in the PEEL inspections for the\n"
        "2014/15 year, I write to comment on the findings."
    )

    check_parses("14 Feb 2015\n\n" + letter(body), period="2014", kind="peel-legitimacy")


def test_statement_dateline_is_at_the_top_not_in_related_news():
    text = (
        "Home > News\n\n"
        "Police and Crime Commissioner Jane Smith has responded to the PEEL inspection of Kent "
        "Police, published on 24 April 2019.\n\n"
        "Related news\n\nCommissioner launches new victims strategy\n12 May 2019\n"
    )

    check_parses(text, date=None, published="2019-04-24")


def test_unstated_peel_period_from_the_publication_date_without_grades():
    body = "I write in response to the PEEL inspection findings (published 27th January 2022)."

    check_parses(
        "5th March 2022\n\n" + letter(body),
        period="2021/22",
        warnings=["period inferred from the publication date"],
    )


def test_unstated_peel_period_from_summary_counts_scale():
    body = (
        'I write in response to the PEEL inspection findings. 4 "good", two "adequate" and 3 '
        '"requires improvement" gradings shine a light on the service.'
    )

    parsed = check_parses("10/02/2022\n\n" + letter(body), period="2021/22")

    assert "period inferred from the letter's date and the grade scale" in parsed.warnings


def test_unstated_peel_period_from_the_letters_date_only_well_inside_a_cycle():
    body = "I write in response to the PEEL inspection findings."

    check_parses(
        "28th December 2022\n\n" + letter(body),
        period="2021/22",
        warnings=["period inferred from the letter's date"],
    )
    # Four months after a cycle began, the report answered may belong to the cycle before.
    check_parses("12th July 2023\n\n" + letter(body), period=None, warnings=[])


def test_quoted_title_without_report_words_named_by_the_words_before():
    body = (
        'I am writing in response to your report "The poor relation: The police\n'
        'and CPS response to crimes against older people" (published the 17th July\n'
        "2019). This is a national thematic report, and the force was\n"
        "one of the forces whose work informed it."
    )

    check_parses(
        "11th August 2019\n\n" + letter(body),
        title="The poor relation: The police and CPS response to crimes against older people",
        kind="thematic",
        period=None,
        published="2019-07-17",
    )


def test_graded_topic_in_a_later_sentence_does_not_change_a_peel_letters_kind():
    body = (
        "I write to you in response to the PEEL inspection findings. This response concerns "
        'Kent Police.\n\nThe report recognises the force\'s work on crime data integrity ("good" '
        "grade)."
    )

    check_parses(letter(body), kind="peel", grades=[("crime-data-integrity", "good")])


def test_region_sharing_a_forces_name_is_not_the_force():
    body = (
        "I write in response to your inspection of the West Midlands regional response to "
        "serious and organised crime. My comments concern West Mercia Police."
    )

    check_parses(
        "**POLICE & CRIME\nCOMMISSIONER**\nfor West Mercia\n\n" + letter(body, sign="Yours"),
        force="West Mercia Police",
    )


def test_security_marking_is_not_a_speaker_and_reflects_is_not_a_reference():
    text = (
        "Home > News\n\nPCC welcomes inspection findings\n\nSunday, 22nd March 2020\n\n"
        "NOT PROTECTIVELY MARKED\n\nPolice and Crime Commissioner Timothy Gallagher said: "
        '"The report\nreflects the professionalism of the force\'s officers."\n\n'
        "Inspectors graded Kent Police as good for efficiency in the PEEL report.\n"
    )

    check_parses(text, commissioner="Timothy Gallagher", reference=None)


def test_page_number_before_a_finding_is_not_a_count():
    body = (
        "Cause of concern 1: The force does not answer calls.\n\nForce response: Done.\n\n2\n\n"
        "Cause of concern 2: The force does not safeguard children.\n\nForce response: Done."
    )

    check_parses(letter(body), causes_of_concern_count=None)


def test_form_whose_only_prose_is_cut_by_a_page_break_keeps_its_header_fields():
    text = (
        "Office of the Police and Crime Commissioner for Wiltshire\n\n"
        "Report title: Report on an unannounced inspection visit to police custody suites in "
        "Wiltshire\nDate of publication: 12.09.2016\nDate of response: 5 Oct 2016\n\n"
        "Summary of the Commissioner's comments:\n\nThe report's findings on the healthcare\n\n\n"
        "NOT PROTECTIVELY MARKED\n\n\n"
        "provided in custody will be taken forward with the commissioned provider.\n\n"
        "Signed: Joanne Bradshaw\nPolice and Crime Commissioner\n"
    )

    check_parses(text, date="2016-10-05", published="2016-09-12", kind="other")


def test_hard_wrapped_published_on_is_not_the_statements_own_date():
    text = (
        "Home > News > Lincolnshire: response to the inspectorate's report\n\n"
        "Police and Crime Commissioner Barry Sutcliffe has responded to HMICFRS's report\n"
        "'State of Policing: The Annual Assessment of Policing in England and Wales 2014/15'\n"
        "published on 26 November 2015, which covers Lincolnshire Police.\n\n"
        "Police and Crime Commissioner Barry Sutcliffe has responded to the report\n"
        "'PEEL 2023-25: An inspection of Lincolnshire Police' published on\n"
        "18th January, 2025, which covers Lincolnshire Police.\n"
    )

    check_parses(text, date=None, published="2015-11-26")


def test_vocabulary_scan_of_lower_case_text_matches_the_case_insensitive_pattern():
    from letters.parsing.forces import FORCE_NAMES
    from letters.parsing.grades import AREA_NAMES

    text = (
        "The Met and the METROPOLITAN Police; LLR and Leicester, Leicestershire & Rutland; GMP "
        "and the met. Avon & Somerset, DEVON, CORNWALL AND THE ISLES OF SCILLY. Preventing "
        "Crime and Anti-Social Behaviour; GOOD USE OF RESOURCES; a safe, productive and "
        "positive workplace.\u0130"
    )

    for vocabulary in (FORCE_NAMES, AREA_NAMES):
        spans = vocabulary.spans(text.replace("\u0130", ""))
        assert spans == [m.span() for m in vocabulary.pattern.finditer(text.replace("\u0130", ""))]
        assert spans
        # A character whose lower case is longer falls back to the case-insensitive pattern.
        assert vocabulary.spans(text) == [m.span() for m in vocabulary.pattern.finditer(text)]
