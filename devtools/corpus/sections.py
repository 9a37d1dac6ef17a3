"""The parts of a letter (letterhead, address, grades, findings, sign-off) in varied wordings.

Every part that states a fact records it on the ``Draft``: the truth is what the parts wrote,
never what the inspection found but the letter left out.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from inspections import vocabulary as vocab

from . import phrases
from .eras import Inspection
from .people import WELSH_FORCES, Recipient, Signer, area_names

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WELSH_MONTHS = (
    "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
    "Hydref", "Tachwedd", "Rhagfyr",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "requires-improvement": "requires improvement",
    "inadequate": "inadequate",
}
# How letters name each area, by framework: the 2021/22 names, the 2023-25 names, and the
# other wordings in the area table of docs/domain.md.
AREA_WORDS = {
    "treatment-of-the-public": {
        "2021": (
            "engaging with and treating the public with fairness and respect",
            "treating the public with fairness and respect",
        ),
        "2023": ("police powers and public treatment",),
    },
    "preventing-crime": {
        "2021": ("preventing crime and anti-social behaviour", "preventing crime"),
        "2023": ("preventing crime",),
    },
    "responding-to-the-public": {"2021": ("responding to the public",)},
    "investigating-crime": {"2021": ("investigating crime",)},
    "protecting-vulnerable-people": {"2021": ("protecting vulnerable people",)},
    "managing-offenders": {"2021": ("managing offenders and suspects", "managing offenders")},
    "workforce": {
        "2021": ("developing a positive workplace", "a safe, productive and positive workplace"),
        "2023": ("building, supporting and protecting the workforce",),
    },
    "use-of-resources": {
        "2021": ("good use of resources", "making best use of resources"),
        "2023": ("leadership and force management",),
    },
    "crime-data-integrity": {"2021": ("recording data about crime", "crime data integrity")},
    "serious-organised-crime": {
        "2021": ("disrupting serious organised crime", "tackling serious and organised crime")
    },
    "effectiveness": {
        "2014": (
            "effectiveness",
            "keeping people safe and reducing crime",
            "how effectively it keeps people safe and reduces crime",
        )
    },
    "efficiency": {
        "2014": (
            "efficiency",
            "the efficiency with which it keeps people safe and reduces crime",
            "keeping people safe and reducing crime affordably",
        )
    },
    "legitimacy": {
        "2014": (
            "legitimacy",
            "how legitimately it treats the public and its workforce",
        )
    },
}
QUOTES = (("'", "'"), ('"', '"'), ("\u2018", "\u2019"), ("\u201c", "\u201d"), ("", ""))


@dataclass
class Block:
    """A paragraph (or a run of lines) and what noise may touch it."""

    text: str
    kind: str = "body"  # head, lead, body, grade, list, afi, response, sign


@dataclass
class Draft:
    """A letter being written, with every fact its parts have stated so far."""

    rng: random.Random
    force: vocab.ForceTerm
    date: dt.date
    inspection: Inspection
    signer: Signer
    recipient: Recipient | None
    chief: str
    layout: str
    blocks: list[Block] = field(default_factory=list)
    date_stated: bool = False
    reference: str | None = None
    period_named: bool = False
    published_stated: bool = False
    commissioner_named: bool = False
    recipient_named: bool = False
    grades: list[tuple[str, str]] = field(default_factory=list)
    summary: dict[str, int] | None = None
    causes_count: int | None = None
    afi_count: int | None = None
    afis: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quote: tuple[str, str] = ("'", "'")
    third_person: bool = False  # a press release or web page, not a letter

    def add(self, text: str, kind: str = "body") -> None:
        self.blocks.append(Block(text, kind))

    def lead(self, text: str) -> None:
        """A paragraph that names the report and its date: wrapped maybe, never split."""
        self.blocks.append(Block(text, "lead"))

    def pick(self, options):
        return self.rng.choice(options)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    @property
    def era_year(self) -> str:
        return {"peel-2023": "2023", "pillar": "2014", "peel-2018": "2014"}.get(
            self.inspection.era, "2021"
        )

    def force_words(self) -> str:
        """The force as the body names it: usually its name, sometimes a common variant."""
        if self.force.slug == "hampshire-and-isle-of-wight" and self.date.year < 2022:
            return "Hampshire Constabulary"
        variants = [self.force.name] * 4 + [
            alias
            for alias in self.force.aliases
            if alias.endswith(("Police", "Constabulary", "Service")) and alias != self.force.name
        ]
        return self.pick(variants)

    def area(self) -> str:
        return self.pick(area_names(self.force, self.date))


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def format_date(rng: random.Random, when: dt.date, prose: bool = False) -> str:
    """A date in one of the ways UK letters write them (day first when numeric)."""
    month = MONTHS[when.month - 1]
    styles = [
        f"{ordinal(when.day)} {month} {when.year}",
        f"{when.day} {month} {when.year}",
        f"{when.day:02d} {month} {when.year}",
        f"{when.day} {month[:3]} {when.year}",
        f"{when.day:02d}/{when.month:02d}/{when.year}",
    ]
    if prose:
        styles += [
            f"the {ordinal(when.day)} {month} {when.year}",
            f"{ordinal(when.day)} {month}, {when.year}",
        ]
    else:
        styles += [
            f"{when.day:02d}.{when.month:02d}.{when.year}",
            f"{WEEKDAYS[when.weekday()]} {when.day} {month} {when.year}",
            f"{WEEKDAYS[when.weekday()]}, {ordinal(when.day)} {month} {when.year}",
            f"{month} {when.day}, {when.year}",
        ]
    return rng.choice(styles)


def initials(name: str) -> str:
    return "".join(part[0] for part in name.split()).upper()


def reference(draft: Draft) -> str:
    rng = draft.rng
    year = draft.date.year
    return rng.choice(
        (
            f"{initials(draft.signer.name)}/OPCC",
            f"OPCC/{rng.randint(100, 2999)}/{year % 100:02d}",
            f"PCC/{initials(draft.signer.name)}/{year}/{rng.randint(1, 180):03d}",
            f"{initials(draft.signer.name)}/{rng.choice(('JS', 'KM', 'AB', 'RT'))}/"
            f"{_inspectorate(draft.date, short=True)}",
            f"OPCC-{year}-{rng.randint(1, 400):03d}",
            f"HMIC/{year}/{rng.randint(1, 60)}",
            f"S55/{year % 100:02d}/{rng.randint(1, 40):02d}",
        )
    )


def add_reference_and_date(draft: Draft, with_date: bool = True) -> None:
    """Reference and date lines in one of the orders letters use."""
    lines = []
    if draft.chance(0.6):
        draft.reference = reference(draft)
        label = draft.pick(("Our ref:", "Our Ref:", "Ref:", "Our reference:", "Reference:"))
        lines.append(f"{label} {draft.reference}")
        if draft.chance(0.08):
            lines.append(f"Your ref: HMICFRS/{draft.date.year}/{draft.rng.randint(10, 99)}")
    if with_date:
        written = format_date(draft.rng, draft.date)
        date_line = f"{draft.pick(('', '', 'Date: ', 'Dated: '))}{written}"
        if draft.force.slug in WELSH_FORCES and draft.chance(0.4):
            welsh = f"{draft.date.day} {WELSH_MONTHS[draft.date.month - 1]} {draft.date.year}"
            date_line = (
                f"{welsh}\n{draft.date.day} {MONTHS[draft.date.month - 1]} {draft.date.year}"
            )
        draft.date_stated = True
        if lines and draft.chance(0.5):
            draft.add("\n".join(lines), "head")
            draft.add(date_line, "head")
        else:
            draft.add("\n\n".join([*lines, date_line]), "head")
    elif lines:
        draft.add("\n".join(lines), "head")


def letterhead(draft: Draft) -> None:
    office = draft.signer.office
    slug = draft.force.slug
    area = draft.area()
    phone = f"Tel: 0{draft.rng.randint(1000, 3999)} {draft.rng.randint(100000, 999999)}"
    email = f"opcc@{slug.replace('-', '')}.pcc.police.uk"
    if office == "board-chair":
        draft.add("CITY OF LONDON CORPORATION\nPolice Authority Board", "head")
        draft.add("Guildhall\nPO Box 270\nLondon EC2P 2EJ", "head")
        return
    if office in ("mayor", "deputy-mayor"):
        heads = {
            "metropolitan": "MAYOR OF LONDON\n\nOFFICE FOR POLICING AND CRIME",
            "greater-manchester": "GREATER MANCHESTER COMBINED AUTHORITY",
            "west-yorkshire": "West Yorkshire Combined Authority\nPolicing and Crime",
            "south-yorkshire": "South Yorkshire Mayoral Combined Authority",
            "north-yorkshire": (
                "York and North Yorkshire Combined Authority\nPolicing, Fire and Crime"
            ),
        }
        draft.add(heads[slug], "head")
        return
    role = "POLICE, FIRE & CRIME" if office == "pfcc" else "POLICE & CRIME"
    role_words = (
        "Police, Fire and Crime Commissioner"
        if office == "pfcc"
        else "Police and Crime Commissioner"
    )
    style = draft.rng.randrange(6)
    if style == 0:
        draft.add(
            f"**{role}\nCOMMISSIONER**\nfor {area}\nYour Communities - Your Commissioner", "head"
        )
    elif style == 1:
        draft.add(f"Office of the {role_words} for {area}\n{phone}   {email}", "head")
    elif style == 2:
        draft.add(f"{role_words}\nfor {area}", "head")
        draft.add(f"{phone}   Email: {email}", "head")
    elif style == 3 and slug in WELSH_FORCES:
        draft.add(
            f"Comisiynydd Heddlu a Throseddu {draft.force.short_name}\n{role_words} for {area}",
            "head",
        )
    elif style == 4:
        # No letterhead at all, only a strapline: the force must come from the body.
        draft.add(
            draft.pick(("Prevention | Partnership | Protection", "Safer, Stronger Communities")),
            "head",
        )
        draft.notes.append("no letterhead")
    else:
        draft.add(f"{area.upper()}\n{role_words.upper()}", "head")


def _inspectorate(when: dt.date, short: bool = False) -> str:
    if when < dt.date(2017, 7, 19):
        return "HMIC" if short else "Her Majesty's Inspectorate of Constabulary"
    if short:
        return "HMICFRS"
    crown = "Her" if when < dt.date(2022, 9, 8) else "His"
    return f"{crown} Majesty's Inspectorate of Constabulary and Fire & Rescue Services"


def address_block(draft: Draft) -> None:
    """The recipient's address, then the salutation; records whether the name is stated."""
    person = draft.recipient
    rng = draft.rng
    crown = "Her" if draft.date < dt.date(2022, 9, 8) else "His"
    named_in_block = True
    if person.role == "home-secretary":
        honorifics = " ".join(h for h in person.honorifics if h != "Rt Hon")
        name_line = f"{rng.choice(('Rt Hon', 'The Rt Hon'))} {person.name} {honorifics}".strip()
        if rng.random() < 0.3:
            block = f"{name_line}, Home Secretary"
        else:
            block = f"{name_line}\nHome Secretary\nHome Office\n2 Marsham Street\nLondon SW1P 4DF"
        salutation = rng.choice(
            ("Dear Home Secretary,", "Dear Home Secretary", f"Dear {person.name},")
        )
    else:
        role = (
            f"{crown} Majesty's Chief Inspector of Constabulary"
            if person.role == "chief-inspector"
            else rng.choice(
                (f"{crown} Majesty's Inspector of Constabulary", "HM Inspector of Constabulary")
            )
        )
        prefix = "Sir " if person.name == "Thomas Winsor" else ""
        title_ms = "Ms" if person.female else "Mr"
        post = " ".join(person.honorifics if not prefix else ())
        full = f"{prefix}{person.name} {post}".strip()
        salutations = [
            f"Dear {title_ms} {person.surname},",
            f"Dear {title_ms} {person.surname}",
            f"Dear {full},",
        ]
        if person.role == "inspector":
            salutations.append(f"Dear {person.first_name},")
        if prefix:  # a knight: never "Mr Winsor"
            salutations = ["Dear Sir Thomas,", "Dear Sir Tom,", "Dear Sir Thomas Winsor,"]
        salutation = rng.choice(salutations)
        # Letters often leave the name out of the address when the salutation gives it.
        named_in_block = rng.random() < 0.6 or not (
            person.surname in salutation and person.name != "Michael Cunningham"
        )
        lines = [full] if named_in_block else []
        lines.append(role)
        if draft.date >= dt.date(2017, 7, 19) and rng.random() < 0.4:
            lines.append(f"{crown} Majesty's Inspector of Fire & Rescue Services")
        elif rng.random() < 0.5:
            lines.append(_inspectorate(draft.date))
        lines.append(
            rng.choice(
                (
                    "6th Floor Globe House\n89 Eccleston Square\nLondon\nSW1V 1PN",
                    "6th Floor Globe House\n89 Eccleston Square London\nSW1V 1PN",
                    "Globe House\n89 Eccleston Square\nLondon SW1V 1PN",
                )
            )
        )
        block = "\n".join(lines)
    if rng.random() < 0.1:
        block += "\n\nBy email"
    draft.add(block, "head")
    draft.add(salutation, "head")
    draft.recipient_named = True


def published_words(draft: Draft) -> str:
    """' published on 5th December 2024' (recorded as stated) or '' (left out)."""
    if draft.chance(0.15):
        return ""
    draft.published_stated = True
    when = format_date(draft.rng, draft.inspection.published, prose=True)
    return draft.pick(
        (
            f", published on {when}",
            f" published on {when}",
            f" (published {when})",
            f", which was published on {when}",
            f" that was published on {when}",
        )
    )


def subject_and_opening(draft: Draft) -> None:
    """The 'Re:' line and the paragraph saying which report the letter answers."""
    insp = draft.inspection
    rng = draft.rng
    force = draft.force_words()
    name_period = insp.era in ("pillar", "peel-2018", "peel-2023", "sop") or (
        insp.era in ("peel-2021", "cdi") and draft.chance(0.7)
    )
    if insp.era == "pillar" and draft.chance(0.2):
        # The seed's wording: the period as the inspection year, the pillar in the Re: line.
        year = int(insp.period)
        published = format_date(rng, insp.published, prose=True).removeprefix("the ")
        draft.published_stated = True
        draft.period_named = True
        draft.add(f"Re: PEEL {insp.pillar.capitalize()} Report, Published {published}", "head")
        draft.lead(
            f"Further to the publication of this final report in the PEEL inspections for the "
            f"{year}/{(year + 1) % 100:02d} year, I write on behalf of the people of "
            f"{draft.area()} to comment on the findings for {force}."
        )
        return
    if insp.era == "sop":
        _sop_opening(draft, name_period)
        return
    if insp.era == "thematic":
        _thematic_opening(draft)
        return
    if insp.era == "soc":
        published = published_words(draft)
        draft.lead(
            f"I write to you in response to your inspection of the {insp.region} regional "
            f"response to serious and organised crime"
            f"{rng.choice((' as part of the PEEL inspection', ''))}{published}. "
            f"My comments concern {force}."
        )
        return
    title = insp.title
    if name_period and draft.chance(0.5):
        draft.add(f"{rng.choice(('Re: ', 'RE: ', ''))}{title}", "head")
        draft.period_named = True
        published = published_words(draft)
        draft.lead(
            rng.choice(
                (
                    f"Thank you for your report on {force}{published}. This letter is my "
                    f"response under section 55 of the Police Act 1996.",
                    f"I write in response to the report above{published}. "
                    f"{rng.choice(phrases.OPENING_THANKS)} I have considered the comments of "
                    f"the Chief Constable of {force}, {draft.chief}.",
                )
            )
        )
        return
    published = published_words(draft)
    if name_period:
        draft.period_named = True
        quoted = rng.choice((f"'{title}'", f"\u2018{title}\u2019", f'"{title}"'))
        draft.lead(
            f"I am providing the following response to the Secretary of State for the Home Office "
            f"and {_inspectorate(draft.date)} ({_inspectorate(draft.date, short=True)}), in "
            f"respect of the report {quoted}{published}. This action is pursuant to my "
            f"obligations under Section 55(1) of the Police Act 1996."
        )
    else:
        what = {
            "peel-2021": "PEEL inspection findings",
            "cdi": "crime data integrity inspection report",
            "custody": "report on police custody",
        }[insp.era]
        if insp.era == "custody":
            what = f"{what} '{title}'"
        draft.lead(
            f"I write to you in response to the {draft.force.short_name} {what}{published}. "
            f"This response concerns {force}."
        )


def _thematic_opening(draft: Draft) -> None:
    """A national report: the letter says so, and says it applies to this force too."""
    title = draft.inspection.title
    if draft.chance(0.4):
        draft.add(f"Re: {title}", "head")
    published = published_words(draft)
    force = draft.force_words()
    draft.lead(
        draft.pick(
            (
                f"I write in response to your national thematic report '{title}'{published}. "
                f"Its findings and recommendations apply to {force} as to every force.",
                f'I am writing in response to your report "{title}"{published}. This is a '
                f"national thematic report, and {force} was one of the forces whose work "
                f"informed it.",
                f"Thank you for your thematic inspection report \u2018{title}\u2019{published}. "
                f"{force} was not one of the forces inspected in the fieldwork, but the "
                f"report's findings apply to every force in England and Wales.",
            )
        )
    )


def _sop_opening(draft: Draft, name_period: bool) -> None:
    insp = draft.inspection
    published = format_date(draft.rng, insp.published, prose=True)
    single_year = "/" not in insp.period
    if draft.chance(0.5) or not single_year:
        draft.period_named = True
        draft.published_stated = draft.chance(0.6)
        when = f", published on {published}" if draft.published_stated else ""
        draft.lead(
            f"I write in response to your report {insp.period_words}{when}, and its "
            f"findings for policing nationally and for {draft.force_words()}."
        )
    else:
        draft.published_stated = True
        draft.lead(
            f"I write to you in response to your Annual State of Policing Letter dated "
            f"{published}. I set out below what it means for {draft.force_words()}."
        )


def _area_words(draft: Draft, area: str) -> str:
    return draft.pick(AREA_WORDS[area].get(draft.era_year) or AREA_WORDS[area]["2021"])


def _quoted(draft: Draft, grade: str) -> str:
    open_q, close_q = draft.quote
    words = GRADE_WORDS[grade]
    return f"{open_q}{draft.pick((words, words, words.capitalize()))}{close_q}"


def grade_phrase(draft: Draft, area: str, grade: str) -> str:
    """'responding to the public ("adequate" grade)': the seed's wording, for use in a list."""
    draft.grades.append((area, grade))
    open_q, close_q = draft.quote
    return f"{_area_words(draft, area)} ({open_q}{GRADE_WORDS[grade]}{close_q} grade)"


def grade_sentence(draft: Draft, area: str, grade: str) -> str:
    """One area's grade as a sentence of its own; records the grade."""
    draft.grades.append((area, grade))
    words = _area_words(draft, area)
    quoted = _quoted(draft, grade)
    preposition = "at" if words.split()[0].endswith("ing") else "for"
    return draft.pick(
        (
            f"The force was graded {quoted} for {words}.",
            f"{words[0].upper()}{words[1:]} was graded as {quoted}.",
            f"Inspectors judged the force to be {quoted} {preposition} {words}.",
            f"I note the {quoted} grade for {words}."
            if not draft.third_person
            else f"Inspectors gave a {quoted} grade for {words}.",
            f"{draft.force_words()} was rated {quoted} {preposition} {words}.",
        )
    )


def grade_list(draft: Draft, areas: list[tuple[str, str]]) -> None:
    """The grades as lines: 'Preventing crime: Good', '- ... – Adequate' or a two-column table."""
    style = draft.rng.randrange(4)
    rows = []
    for area, grade in areas:
        draft.grades.append((area, grade))
        wordings = AREA_WORDS[area].get(draft.era_year) or AREA_WORDS[area]["2021"]
        name = wordings[0]  # lists use the framework's own name
        rows.append((name[0].upper() + name[1:], GRADE_WORDS[grade].capitalize()))
    width = max(len(name) for name, _ in rows) + draft.rng.randint(3, 12)
    if style == 0:
        lines = [f"{name}: {label}" for name, label in rows]
    elif style == 1:
        lines = [f"- {name} \u2013 {label}" for name, label in rows]
    elif style == 2:
        lines = [f"{'Area':<{width}}Grade"] + [f"{name:<{width}}{label}" for name, label in rows]
    else:
        lines = [f"\u2022 {name}: {label.lower()}" for name, label in rows]
    draft.add("\n".join(lines), "list")


def grouped_sentence(draft: Draft, areas: list[tuple[str, str]]) -> str:
    """'graded 'good' for A, B and C; and 'adequate' for D' (records every grade)."""
    open_q, close_q = draft.quote
    parts = []
    for grade in vocab.GRADES:
        names = []
        for area, area_grade in areas:
            if area_grade == grade:
                draft.grades.append((area, grade))
                names.append(
                    draft.pick(AREA_WORDS[area].get(draft.era_year) or AREA_WORDS[area]["2021"])
                )
        if names:
            listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
            parts.append(f"as {open_q}{GRADE_WORDS[grade]}{close_q} for {listed}")
    joined = parts[0] if len(parts) == 1 else f"{'; '.join(parts[:-1])}; and {parts[-1]}"
    return f"Inspectors graded {draft.force_words()} {joined}."


def count_words(draft: Draft, count: int) -> str:
    if count <= 15 and draft.chance(0.5):
        return phrases.NUMBER_WORDS[count]
    return str(count)


def summary_sentence(draft: Draft) -> str:
    """Counts of grades in words, from every grade awarded (so it may not match those named)."""
    counts: dict[str, int] = {}
    for _, grade in draft.inspection.grades:
        counts[grade] = counts.get(grade, 0) + 1
    draft.summary = counts
    open_q, close_q = draft.quote
    ordered = [(g, counts[g]) for g in vocab.GRADES if g in counts]
    if draft.chance(0.5):
        parts = [f"{count_words(draft, n)} {open_q}{GRADE_WORDS[g]}{close_q}" for g, n in ordered]
        joined = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
        return (
            f"{joined[0].upper()}{joined[1:]} gradings shine a light on the service provided to "
            f"the communities of {draft.area()}."
        )
    parts = [
        f"{GRADE_WORDS[g]} in {count_words(draft, n)} {'area' if n == 1 else 'areas'}"
        for g, n in ordered
    ]
    joined = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"The force was graded {joined}."


def grades_section(draft: Draft) -> None:
    """Mention the inspection's grades (all, some, or none) in prose, lists or a summary."""
    insp = draft.inspection
    if not insp.grades or draft.chance(0.12):
        return
    rng = draft.rng
    open_q, close_q = draft.quote
    force = draft.force_words()
    if insp.era in ("pillar", "soc", "cdi"):
        area, grade = insp.grades[0]
        quoted = _quoted(draft, grade)
        pleased = grade in ("outstanding", "good")
        draft.grades.append((area, grade))
        if insp.era == "pillar" and draft.third_person and draft.chance(0.4):
            sentence = f"{draft.force.short_name} was rated {quoted} in the report."
        elif insp.era == "soc" and draft.third_person and draft.chance(0.5):
            sentence = (
                f"The inspectorate's grading of {quoted} recognises {force}'s work identifying "
                f"and driving out serious and organised criminals."
            )
        elif insp.era == "pillar" and draft.chance(0.4):
            # No area named: the report's pillar is the area (as in seed 002).
            sentence = rng.choice(
                (
                    f"I am {'delighted' if pleased else 'writing'} to inform you that "
                    f"{draft.force.short_name} was rated {quoted}.",
                    f"{force} has been graded {quoted} in this report.",
                )
            )
        elif insp.era == "soc" and draft.chance(0.5):
            sentence = (
                f"I {'was pleased to see' if pleased else 'note'} the grading of {quoted} "
                f"attributed to {force} for identifying and driving out serious and organised "
                f"criminals."
            )
        else:
            draft.grades.pop()
            sentence = grade_sentence(draft, area, grade)
        draft.add(sentence, "grade")
        return
    areas = list(insp.grades)
    if insp.era != "peel-2018" and draft.chance(0.35):
        draft.add(summary_sentence(draft), "grade")
        if draft.chance(0.3):
            return  # the summary alone: no grade named
        if draft.chance(0.5):
            areas = rng.sample(areas, max(1, len(areas) - rng.randint(1, 3)))
    style = rng.randrange(3)
    if style == 0:
        draft.add(
            rng.choice(
                (
                    "The inspection graded the force as follows:",
                    "The grades were:",
                    "Grades awarded:",
                )
            ),
            "body",
        )
        grade_list(draft, areas)
    elif style == 1:
        draft.add(grouped_sentence(draft, areas), "grade")
    elif draft.chance(0.4):
        rng.shuffle(areas)
        while areas:
            chunk, areas = areas[:3], areas[3:]
            draft.add(" ".join(grade_sentence(draft, a, g) for a, g in chunk), "grade")
    else:
        rng.shuffle(areas)
        while areas:
            chunk, areas = areas[:3], areas[3:]
            phrases_ = [grade_phrase(draft, a, g) for a, g in chunk]
            listed = (
                phrases_[0]
                if len(phrases_) == 1
                else f"{', '.join(phrases_[:-1])} and {phrases_[-1]}"
            )
            draft.add(
                rng.choice(
                    (
                        f"The report recognises the force's work on {listed}.",
                        f"I note your assessment of the force's performance in {listed}."
                        if not draft.third_person
                        else f"Inspectors assessed the force's performance in {listed}.",
                    )
                ),
                "grade",
            )


def counts_sentence(draft: Draft) -> None:
    insp = draft.inspection
    if insp.era in ("sop", "thematic", "custody") or draft.chance(0.3):
        return
    causes, afis = len(insp.causes), len(insp.afis)
    draft.causes_count, draft.afi_count = causes, afis
    cause_words = (
        draft.pick(
            (
                "did not receive any causes for concern",
                "did not identify any causes of concern",
                "raised no causes of concern",
            )
        )
        if causes == 0
        else f"identified {count_words(draft, causes)} cause{'' if causes == 1 else 's'} of concern"
    )
    afi_words = (
        "no areas for improvement"
        if afis == 0
        else f"{count_words(draft, afis)} {'area' if afis == 1 else 'areas'} for improvement"
    )
    name = draft.force.short_name
    draft.add(
        draft.pick(
            (
                f"{name} {cause_words}, however did receive {afi_words}.",
                f"The report {cause_words} and {afi_words}."
                if causes
                else f"The report {cause_words}. It identified {afi_words}.",
            )
        ),
        "grade",
    )


AFI_LABELS = (
    "AFI-{n}- ",
    "AFI {n}- ",
    "AFI {n} - ",
    "AFI {n} – ",
    "AFI {n}: ",
    "Area for improvement {n}: ",
    "Area for Improvement {n} – ",
    "{n}. ",
)


def findings_section(draft: Draft) -> None:
    """Causes of concern (not AFIs) and numbered AFIs, each with the force's response."""
    insp = draft.inspection
    rng = draft.rng
    if insp.causes and draft.chance(0.6):
        for number, (cause, recommendation) in enumerate(insp.causes, 1):
            label = f"Cause of concern {number}" if len(insp.causes) > 1 else "Cause of concern"
            draft.add(f"{label}: {cause}", "body")
            draft.add(
                f"{rng.choice(('Recommendation', 'Recommendations'))}: {recommendation}", "body"
            )
            draft.add(
                f"{rng.choice(('Response', 'Force response', 'PCC response'))}: "
                f"{rng.choice(phrases.RESPONSES)}",
                "response",
            )
    if not insp.afis or draft.chance(0.3):
        return
    label = rng.choice(AFI_LABELS)
    mixed = label.startswith("AFI") and draft.chance(0.25)
    if label == "{n}. ":
        draft.add(rng.choice(("Areas for improvement", "The areas for improvement were:")), "head")
    numbers = list(range(1, len(insp.afis) + 1))
    if len(numbers) > 3 and draft.chance(0.1):
        numbers = sorted(rng.sample(numbers, len(numbers) - 2))
        draft.notes.append("only some AFIs answered")
    for number in numbers:
        text = insp.afis[number - 1]
        this_label = rng.choice(AFI_LABELS[:5]) if mixed else label
        draft.afis.append((number, text))
        response = " ".join(rng.sample(phrases.RESPONSES, rng.randint(1, 3)))
        prefix = rng.choice(("", "", "Force response: ", "Response: ", "Update: "))
        if prefix and draft.chance(0.3):
            draft.add(f"{this_label.format(n=number)}{text}\n{prefix}{response}", "afi")
        else:
            draft.add(f"{this_label.format(n=number)}{text}", "afi")
            draft.add(f"{prefix}{response}", "response")
        if draft.chance(0.15):
            draft.add(f"PCC comment: {rng.choice(phrases.RESPONSES)}", "response")


def recommendations_section(draft: Draft) -> None:
    rng = draft.rng
    for number, text in enumerate(draft.inspection.recommendations, 1):
        label = rng.choice(
            (f"Recommendation {number}: ", f"Recommendation {number} – ", f"R{number}. ")
        )
        draft.add(f"{label}{text}", "body")
        draft.add(rng.choice(phrases.RESPONSES), "response")


def body(draft: Draft, pool=phrases.BODY, low: int = 1, high: int = 4) -> None:
    for paragraph in draft.rng.sample(pool, draft.rng.randint(low, min(high, len(pool)))):
        draft.add(paragraph, "body")


def sign_off(draft: Draft) -> None:
    """'Yours sincerely', a scanner's note of the signature, the name, stray lines, the title."""
    rng = draft.rng
    signer = draft.signer
    welsh = draft.force.slug in WELSH_FORCES and draft.chance(0.3)
    closing = (
        "Yn gywir / Yours sincerely,"
        if welsh
        else rng.choice(
            (
                "Yours sincerely,",
                "Yours sincerely",
                "Yours faithfully,",
                "Kind regards,",
                "Yours sincerely,",
            )
        )
    )
    if draft.chance(0.05):
        closing = rng.choice(phrases.OCR_JUNK[:1])
        draft.notes.append("OCR junk for the closing")
    lines = [closing, ""]
    if draft.chance(0.35):
        lines += [rng.choice(phrases.SIGNATURE_DESCRIPTIONS).format(name=signer.name), ""]
    lines.append(signer.written_name)
    if draft.chance(0.08):
        lines += ["", "", "", rng.choice(phrases.STRAY_LINES), ""]
        draft.notes.append("stray line between the name and the title")
    lines.append(signer.title)
    if signer.office in ("pcc", "pfcc") and "for" not in signer.title and draft.chance(0.3):
        lines.append(f"for {draft.area()}")
    if welsh:
        lines.append(f"Comisiynydd Heddlu a Throseddu {draft.force.short_name}")
    draft.add("\n".join(lines), "sign")
    draft.commissioner_named = True
    if draft.chance(0.06) and draft.recipient and draft.recipient.role != "home-secretary":
        draft.add("cc: The Home Secretary\nChief Constable", "head")
