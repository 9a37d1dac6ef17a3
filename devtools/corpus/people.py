"""Who signs and who receives a synthetic letter, by force and date.

Commissioners are fictional: drawn from seeded name lists, one per force and term, changing at
the PCC elections (a few re-elected). Offices follow the real arrangements: PFCCs where fire
governance moved to the commissioner, mayors in London, Greater Manchester, West Yorkshire,
South Yorkshire and York and North Yorkshire, and no commissioner at all in the City of London.
Recipients are the real office holders of the date, from the parser's ``lexicon.RECIPIENTS``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from inspections import vocabulary as vocab
from letters.parsing.lexicon import RECIPIENTS

FEMALE_NAMES = (
    "Alison", "Angela", "Bethan", "Caroline", "Catherine", "Deborah", "Donna", "Eleanor", "Emma",
    "Fiona", "Gillian", "Hannah", "Helen", "Jacqueline", "Janet", "Joanne", "Julie", "Karen",
    "Laura", "Lisa", "Louise", "Margaret", "Nadia", "Nicola", "Patricia", "Rachel", "Rebecca",
    "Ruth", "Sally", "Samantha", "Sarah", "Susan", "Teresa", "Victoria", "Yasmin",
)  # fmt: skip
MALE_NAMES = (
    "Andrew", "Barry", "Carl", "Colin", "Daniel", "David", "Edward", "Gareth", "Graham", "Ian",
    "James", "Jason", "Jonathan", "Keith", "Kevin", "Marcus", "Mark", "Martin", "Matthew",
    "Michael", "Neil", "Oliver", "Paul", "Philip", "Raj", "Richard", "Robert", "Simon", "Stephen",
    "Tariq", "Timothy", "Wayne",
)  # fmt: skip
FIRST_NAMES = FEMALE_NAMES + MALE_NAMES
LAST_NAMES = (
    "Ahmed", "Akhtar", "Ashworth", "Bailey", "Barker", "Bennett", "Bradshaw", "Brennan",
    "Calloway", "Carver", "Chadwick", "Clifford", "Collier", "Crawshaw", "Dalton", "Dawson",
    "Ellison", "Fairbrother", "Fenwick", "Fletcher", "Gallagher", "Garside", "Goodall",
    "Greenwood", "Hadley", "Halliwell", "Hammond", "Hartley", "Hebden", "Holloway", "Houghton",
    "Hussain", "Iqbal", "Jarvis", "Kendrick", "Kirkby", "Lambert", "Lockwood", "Lowther",
    "McAllister", "Marsden", "Mellor", "Moorcroft", "Nolan", "Oakley", "Ormerod", "Pemberton",
    "Pickering", "Prentice", "Quayle", "Radcliffe", "Redfern", "Rowntree", "Sandford", "Sayer",
    "Sheridan", "Singh", "Stanhope", "Sutcliffe", "Thackeray", "Thornton", "Tindall", "Underwood",
    "Varley", "Wainwright", "Whitfield", "Whittaker", "Wilding", "Woodhouse", "Yardley",
)  # fmt: skip
# Honorifics a commissioner may carry in the text; the truth is always the bare name.
FEMALE_HONORIFICS = ("Dame", "Baroness", "Dr", "Cllr", "Mrs")
MALE_HONORIFICS = ("Lord", "Sir", "Dr", "Cllr", "Mr")
WELSH_FORCES = ("dyfed-powys", "gwent", "north-wales", "south-wales")

# PCC (and mayoral) elections: a new term starts on each date.
ELECTIONS = (dt.date(2012, 11, 15), dt.date(2016, 5, 5), dt.date(2021, 5, 6), dt.date(2024, 5, 2))

# When the office changed kind, per force slug: (from, to, kind). Outside these, a PCC.
_OFFICES = {
    "city-of-london": ((dt.date(2000, 1, 1), None, "none"),),
    "metropolitan": ((dt.date(2000, 1, 1), None, "mayor"),),
    "greater-manchester": ((dt.date(2017, 5, 8), None, "mayor"),),
    "west-yorkshire": ((dt.date(2021, 5, 10), None, "mayor"),),
    "south-yorkshire": ((dt.date(2024, 5, 7), None, "mayor"),),
    "north-yorkshire": (
        (dt.date(2018, 11, 15), dt.date(2024, 5, 7), "pfcc"),
        (dt.date(2024, 5, 7), None, "mayor"),
    ),
    "essex": ((dt.date(2017, 10, 1), None, "pfcc"),),
    "staffordshire": ((dt.date(2018, 8, 1), None, "pfcc"),),
    "northamptonshire": ((dt.date(2019, 1, 1), None, "pfcc"),),
    "cumbria": ((dt.date(2021, 5, 13), None, "pfcc"),),
}

# Mayoral titles: (title of the mayor, title of the deputy who usually signs).
_MAYORAL_TITLES = {
    "metropolitan": ("Mayor of London", "Deputy Mayor for Policing and Crime"),
    "greater-manchester": (
        "Mayor of Greater Manchester",
        "Deputy Mayor for Policing, Crime, Criminal Justice and Fire",
    ),
    "west-yorkshire": ("Mayor of West Yorkshire", "Deputy Mayor for Policing and Crime"),
    "south-yorkshire": ("Mayor of South Yorkshire", "Deputy Mayor for Policing and Crime"),
    "north-yorkshire": (
        "Mayor of York and North Yorkshire",
        "Deputy Mayor for Policing, Fire and Crime",
    ),
}

# Letterheads and titles name the force's area, not the force; only these aliases read as
# area names ("GMP", "the Met" or "Heddlu Gwent" would not follow "Commissioner for").
_AREA_NAMES = {
    "avon-and-somerset": ("Avon and Somerset", "Avon & Somerset"),
    "cambridgeshire": ("Cambridgeshire and Peterborough", "Cambridgeshire & Peterborough"),
    "devon-and-cornwall": ("Devon and Cornwall", "Devon, Cornwall and the Isles of Scilly"),
    "durham": ("Durham", "Durham and Darlington", "Durham & Darlington"),
    "hampshire-and-isle-of-wight": ("Hampshire and the Isle of Wight", "Hampshire & Isle of Wight"),
    "leicestershire": (
        "Leicester, Leicestershire & Rutland",
        "Leicester, Leicestershire and Rutland",
    ),
    "north-yorkshire": ("North Yorkshire",),
    "staffordshire": ("Staffordshire", "Staffordshire and Stoke-on-Trent"),
    "wiltshire": ("Wiltshire", "Wiltshire and Swindon"),
    "metropolitan": ("London",),
    "city-of-london": ("the City of London",),
}


@dataclass(frozen=True)
class Signer:
    """Whoever signs: ``name`` is what the truth records (None for a non-commissioner)."""

    name: str
    honorific: str
    title: str
    office: str  # pcc, pfcc, mayor, deputy-mayor, board-chair

    @property
    def is_commissioner(self) -> bool:
        return self.office != "board-chair"

    @property
    def truth_name(self) -> str | None:
        return self.name if self.is_commissioner else None

    @property
    def written_name(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name


@dataclass(frozen=True)
class Recipient:
    name: str
    role: str  # chief-inspector, inspector, home-secretary
    honorifics: tuple[str, ...]
    female: bool

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


def area_names(force: vocab.ForceTerm, when: dt.date) -> tuple[str, ...]:
    """The names a letterhead may use for the force's area on a date."""
    names = _AREA_NAMES.get(force.slug, (force.short_name,))
    if force.slug == "north-yorkshire" and when >= dt.date(2024, 5, 7):
        return ("York and North Yorkshire", "York & North Yorkshire")
    return names


def office_for(force: vocab.ForceTerm, when: dt.date) -> str:
    """pcc, pfcc, mayor or none: what kind of local policing body the force had on a date."""
    for start, end, kind in _OFFICES.get(force.slug, ()):
        if start <= when and (end is None or when < end):
            return kind
    return "pcc"


def _term(force: vocab.ForceTerm, when: dt.date) -> int:
    term = sum(1 for election in ELECTIONS if election <= when)
    # Greater Manchester's first mayor took over the PCC's role mid-term.
    if force.slug == "greater-manchester" and when >= dt.date(2017, 5, 8):
        term += 10
    return term


def _person(seed: str, slug: str, term: int, role: str) -> tuple[str, str]:
    """(name, honorific) for one office holder; sometimes the previous term's holder again."""
    rng = random.Random(f"{seed}:{slug}:{term}:{role}")
    if term > 1 and rng.random() < 0.35:
        return _person(seed, slug, term - 1, role)
    first = rng.choice(FIRST_NAMES)
    honorifics = FEMALE_HONORIFICS if first in FEMALE_NAMES else MALE_HONORIFICS
    name = f"{first} {rng.choice(LAST_NAMES)}"
    honorific = rng.choice(honorifics) if rng.random() < 0.12 else ""
    return name, honorific


def signer_for(seed: str, force: vocab.ForceTerm, when: dt.date, rng: random.Random) -> Signer:
    """The person who signs a letter from the force's local policing body on a date."""
    office = office_for(force, when)
    term = _term(force, when)
    if office == "none":
        name, _ = _person(seed, force.slug, term, "chair")
        title = rng.choice(
            (
                "Chair, Police Authority Board",
                "Chairman of the Police Authority Board",
                "Chair of the Police Authority Board, City of London Corporation",
            )
        )
        return Signer(name, rng.choice(("", "Alderman", "Deputy")), title, "board-chair")
    if office == "mayor":
        mayor_title, deputy_title = _MAYORAL_TITLES[force.slug]
        if rng.random() < 0.25:
            name, honorific = _person(seed, force.slug, term, "mayor")
            return Signer(name, honorific, mayor_title, "mayor")
        name, honorific = _person(seed, force.slug, term, "deputy")
        return Signer(name, honorific, deputy_title, "deputy-mayor")
    name, honorific = _person(seed, force.slug, term, "pcc")
    title = (
        "Police, Fire and Crime Commissioner"
        if office == "pfcc"
        else "Police and Crime Commissioner"
    )
    if rng.random() < 0.5:
        title = f"{title} for {rng.choice(area_names(force, when))}"
    return Signer(name, honorific, title, office)


def chief_officer_name(seed: str, force: vocab.ForceTerm, when: dt.date) -> str:
    """A fictional chief constable (a different pool draw, never the commissioner)."""
    rng = random.Random(f"{seed}:{force.slug}:chief:{when.year // 3}")
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


_FEMALE = {
    "Zoë Billingham",
    "Dru Sharpling",
    "Wendy Williams",
    "Michelle Skeer",
    "Theresa May",
    "Amber Rudd",
    "Priti Patel",
    "Suella Braverman",
    "Yvette Cooper",
    "Shabana Mahmood",
}
_CHIEF_INSPECTORS = (
    ("Thomas Winsor", dt.date(2012, 10, 1), dt.date(2022, 4, 1)),
    ("Andy Cooke", dt.date(2022, 4, 1), dt.date(2100, 1, 1)),
)
_INSPECTORS = (
    ("Zoë Billingham", dt.date(2009, 1, 1), dt.date(2021, 12, 31)),
    ("Dru Sharpling", dt.date(2012, 1, 1), dt.date(2016, 12, 31)),
    ("Stephen Otter", dt.date(2013, 1, 1), dt.date(2015, 3, 31)),
    ("Michael Cunningham", dt.date(2014, 6, 1), dt.date(2018, 3, 31)),
    ("Matt Parr", dt.date(2015, 6, 1), dt.date(2022, 12, 31)),
    ("Wendy Williams", dt.date(2016, 1, 1), dt.date(2022, 12, 31)),
    ("Roy Wilsher", dt.date(2019, 4, 1), dt.date(2023, 12, 31)),
    ("Lee Freeman", dt.date(2023, 1, 1), dt.date(2100, 1, 1)),
    ("Michelle Skeer", dt.date(2023, 1, 1), dt.date(2100, 1, 1)),
)
_HOME_SECRETARIES = (
    ("Theresa May", dt.date(2010, 5, 12), dt.date(2016, 7, 13)),
    ("Amber Rudd", dt.date(2016, 7, 13), dt.date(2018, 4, 29)),
    ("Sajid Javid", dt.date(2018, 4, 29), dt.date(2019, 7, 24)),
    ("Priti Patel", dt.date(2019, 7, 24), dt.date(2022, 9, 6)),
    ("Suella Braverman", dt.date(2022, 9, 6), dt.date(2022, 10, 19)),
    ("Grant Shapps", dt.date(2022, 10, 19), dt.date(2022, 10, 25)),
    ("Suella Braverman", dt.date(2022, 10, 25), dt.date(2023, 11, 13)),
    ("James Cleverly", dt.date(2023, 11, 13), dt.date(2024, 7, 5)),
    ("Yvette Cooper", dt.date(2024, 7, 5), dt.date(2025, 9, 5)),
    ("Shabana Mahmood", dt.date(2025, 9, 5), dt.date(2100, 1, 1)),
)
_KNOWN = {person.name: person for person in RECIPIENTS}


def _recipient(name: str, role: str) -> Recipient:
    return Recipient(name, role, _KNOWN[name].honorifics, name in _FEMALE)


def _in_office(table, when: dt.date) -> list[str]:
    return [name for name, start, end in table if start <= when < end]


def chief_inspector(when: dt.date) -> Recipient:
    return _recipient(_in_office(_CHIEF_INSPECTORS, when)[0], "chief-inspector")


def home_secretary(when: dt.date) -> Recipient:
    return _recipient(_in_office(_HOME_SECRETARIES, when)[0], "home-secretary")


def inspector_for(force: vocab.ForceTerm, when: dt.date) -> Recipient:
    """The HM Inspector in post for the force's region: stable for a force within a year."""
    names = _in_office(_INSPECTORS, when)
    index = sum(ord(ch) for ch in force.slug) + when.year
    return _recipient(names[index % len(names)], "inspector")
