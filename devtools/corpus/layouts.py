"""The four layouts a local policing body publishes its comments in.

- ``letter``: letterhead, reference and date, address, salutation, body, sign-off.
- ``form``: a section 55 response form of labelled fields ("Report title:", "Date of
  publication:", "Areas for improvement: 5"), then the comments; no addressee.
- ``web``: a news page on the commissioner's website, with navigation, a posted date, the
  statement, and related news items carrying dates of their own.
- ``press``: a press release: date, headline, quotes from the commissioner, "ENDS", notes to
  editors.
"""

from __future__ import annotations

import datetime as dt

from . import phrases
from .sections import (
    GRADE_WORDS,
    Block,
    Draft,
    add_reference_and_date,
    address_block,
    body,
    count_words,
    counts_sentence,
    findings_section,
    format_date,
    grade_list,
    grades_section,
    letterhead,
    recommendations_section,
    sign_off,
    subject_and_opening,
)


def _kind_body(draft: Draft) -> None:
    era = draft.inspection.era
    if era == "sop":
        body(draft, phrases.SOP_BODY, 2, 4)
    elif era == "thematic":
        body(draft, phrases.THEMATIC_BODY, 1, 2)
        recommendations_section(draft)
    elif era == "custody":
        body(draft, phrases.CUSTODY_BODY, 1, 3)
    else:
        body(draft, phrases.BODY, 1, 3)


def letter(draft: Draft) -> None:
    letterhead(draft)
    add_reference_and_date(draft, with_date=not draft.chance(0.02))
    address_block(draft)
    subject_and_opening(draft)
    if draft.chance(0.3):
        _kind_body(draft)
        grades_section(draft)
    else:
        grades_section(draft)
        _kind_body(draft)
    counts_sentence(draft)
    findings_section(draft)
    if draft.chance(0.5):
        body(draft, phrases.BODY, 0, 2)
    draft.add(draft.pick(phrases.CLOSINGS))
    sign_off(draft)


def form(draft: Draft) -> None:
    insp = draft.inspection
    rng = draft.rng
    signer = draft.signer
    office = (
        "Office of the Police, Fire and Crime Commissioner"
        if signer.office == "pfcc"
        else "Office of the Police and Crime Commissioner"
    )
    draft.add(f"{office} for {draft.area()}", "head")
    draft.add(
        rng.choice(
            (
                "SECTION 55 RESPONSE\nComments of the local policing body on an HMICFRS "
                "inspection report\n(Police Act 1996, section 55)",
                "Police and Crime Commissioner's response to HMICFRS report",
                "Response to HMICFRS inspection report",
            )
        ),
        "head",
    )
    fields = [f"Force: {draft.force.name}", f"Report title: {insp.title}"]
    draft.period_named = True
    if draft.chance(0.85):
        draft.published_stated = True
        label = rng.choice(("Date of publication", "Published", "Report published"))
        fields.append(f"{label}: {format_date(rng, insp.published)}")
    draft.date_stated = True
    date_label = rng.choice(("Date", "Date of response", "Response date"))
    fields.append(f"{date_label}: {format_date(rng, draft.date)}")
    fields.append(f"Response by: {signer.written_name}, {signer.title}")
    draft.commissioner_named = True
    fields.append(f"Chief Constable: {draft.chief}")
    draft.add("\n".join(fields), "head")
    if insp.grades and draft.chance(0.8):
        draft.add("Grades awarded:", "head")
        grade_list(draft, list(insp.grades))
    if insp.era not in ("sop", "thematic", "custody") and draft.chance(0.8):
        draft.causes_count, draft.afi_count = len(insp.causes), len(insp.afis)
        causes = "None" if not insp.causes else str(len(insp.causes))
        draft.add(f"Causes of concern: {causes}\nAreas for improvement: {len(insp.afis)}", "head")
    draft.add(
        rng.choice(("Summary of the Commissioner's comments:", "Commissioner's comments:")), "head"
    )
    _kind_body(draft)
    findings_section(draft)
    draft.add(f"Signed: {signer.written_name}\n{signer.title}", "sign")


RELATED_NEWS = (
    "Commissioner launches new victims strategy",
    "Funding announced for community safety projects",
    "Police and Crime Panel meeting papers published",
)


def _office(draft: Draft) -> str:
    """The body's name for itself: 'Police and Crime Commissioner for Kent', 'MOPAC' ..."""
    office = draft.signer.office
    if office == "board-chair":
        return "City of London Police Authority Board"
    if office in ("mayor", "deputy-mayor"):
        if draft.force.slug == "metropolitan":
            return "Mayor's Office for Policing and Crime"
        return f"Mayor of {draft.area()}"
    role = "Police, Fire and Crime" if office == "pfcc" else "Police and Crime"
    return f"{role} Commissioner for {draft.area()}"


def _who(draft: Draft) -> str:
    draft.commissioner_named = True
    signer = draft.signer
    role = {
        "pcc": "Police and Crime Commissioner",
        "pfcc": "Police, Fire and Crime Commissioner",
        "board-chair": "Chair of the Police Authority Board",
    }.get(signer.office, signer.title)
    return f"{role} {signer.written_name}"


def _quote(draft: Draft) -> str:
    who = _who(draft)
    return draft.pick(
        (
            f"{who} said: \u201c{draft.pick(phrases.BODY)}\u201d",
            f'Commenting on the report, {who} said: "{draft.pick(phrases.BODY)}"',
            f"{draft.signer.written_name}, {draft.signer.title}, said: "
            f"'{draft.pick(phrases.BODY)}'",
        )
    )


def _headline(draft: Draft) -> str:
    """Written after the body: a headline names a grade only when the body states it too."""
    short = draft.force.short_name
    if len(draft.inspection.grades) == 1 and draft.grades and draft.chance(0.4):
        grade = GRADE_WORDS[draft.grades[0][1]]
        return f"Commissioner responds to \u2018{grade}\u2019 rating for {short}"
    return draft.pick(
        (
            f"Commissioner responds to HMICFRS report on {short}",
            f"{short}: response to the inspectorate's report",
            "PCC welcomes inspection findings",
        )
    )


def _statement_facts(draft: Draft) -> None:
    """The facts a public statement carries: the report, its grades, its findings."""
    insp = draft.inspection
    published = ""
    if draft.chance(0.75):
        draft.published_stated = True
        published = f" published on {format_date(draft.rng, insp.published, prose=True)}"
    draft.period_named = True
    what = draft.pick(("the inspectorate's report", "HMICFRS's report", "the report"))
    if insp.era == "thematic":
        what = draft.pick(("the inspectorate's national thematic report", "the national report"))
    draft.lead(
        f"{_who(draft)} has responded to {what} \u2018{insp.title}\u2019{published}, which "
        f"covers {draft.force_words()}."
    )
    draft.add(_quote(draft))
    grades_section(draft)
    if insp.afis and draft.chance(0.5):
        draft.afi_count = len(insp.afis)
        draft.add(
            f"The inspectorate identified {count_words(draft, len(insp.afis))} "
            f"{'area' if len(insp.afis) == 1 else 'areas'} for improvement, and the force has "
            f"an action plan for {'it' if len(insp.afis) == 1 else 'each of them'}.",
            "grade",  # states a count: never split by a page break
        )


def web(draft: Draft) -> None:
    rng = draft.rng
    draft.third_person = True
    site = _office(draft)
    draft.add(f"Skip to main content\n{site}\nHome  About  News  Your say  Contact\nSearch", "head")
    at = len(draft.blocks)
    if not draft.chance(0.03):
        draft.date_stated = True
        label = rng.choice(("Posted on ", "Published: ", "", "Date: "))
        draft.add(f"{label}{format_date(rng, draft.date)}", "head")
    _statement_facts(draft)
    if draft.chance(0.4):
        findings_section(draft)
    _statement_body(draft)
    headline = _headline(draft)
    draft.blocks[at:at] = [Block(f"Home > News > {headline}", "head"), Block(headline, "head")]
    draft.add("Share this page: Facebook  X  LinkedIn  Email", "head")
    if draft.chance(0.5):
        others = []
        for step in (20, 45, 90):
            when = format_date(rng, draft.date.replace(day=1) - dt.timedelta(days=step))
            others.append(f"{rng.choice(RELATED_NEWS)}\n{when}")
        draft.add("Related news\n\n" + "\n\n".join(others), "head")
    draft.add(
        f"We use cookies to make this site work. Accept all cookies | Reject\n"
        f"\u00a9 Office of the {site} {draft.date.year}",
        "head",
    )


def _statement_body(draft: Draft) -> None:
    """Third person, so the body's first-person paragraphs become further quotes."""
    for paragraph in draft.rng.sample(phrases.BODY, draft.rng.randint(0, 2)):
        who = draft.pick(("The Commissioner", draft.signer.written_name.split()[-1]))
        if draft.signer.office in ("mayor", "deputy-mayor", "board-chair"):
            who = draft.signer.written_name
        draft.add(f"{who} added: \u201c{paragraph}\u201d")


def press(draft: Draft) -> None:
    rng = draft.rng
    draft.third_person = True
    if draft.chance(0.7):
        draft.add(_office(draft), "head")
    draft.add(rng.choice(("PRESS RELEASE", "NEWS RELEASE", "MEDIA RELEASE")), "head")
    draft.date_stated = True
    written = format_date(rng, draft.date)
    draft.add(
        rng.choice(
            (
                f"For immediate release: {written}",
                f"For immediate release\n{written}",
                f"Date: {written}",
            )
        ),
        "head",
    )
    at = len(draft.blocks)
    _statement_facts(draft)
    _statement_body(draft)
    draft.blocks.insert(at, Block(_headline(draft), "head"))
    draft.add("ENDS", "head")
    draft.add(
        f"Notes to editors\n1. The {_office(draft)} is the local policing body for the area.\n"
        f"2. For media enquiries please contact the press office on "
        f"0{rng.randint(1000, 3999)} {rng.randint(100000, 999999)}.",
        "head",
    )


LAYOUTS = {"letter": letter, "form": form, "web": web, "press": press}
