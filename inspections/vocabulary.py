"""The domain's fixed vocabularies: forces, PEEL areas, the grade scale, frameworks, kinds.

Pure Python with no Django imports, because both the letter parser (which must not touch Django)
and the data migrations that create Force rows read it. Facts come from docs/domain.md; aliases
are the names letterheads and letters use for a force's area.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ForceTerm:
    name: str
    slug: str
    short_name: str
    country: str
    aliases: tuple[str, ...] = ()
    # Short forms that are ordinary words in lower case ("Hants", "Beds"): matched only as written.
    abbreviations: tuple[str, ...] = ()

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, self.short_name, *self.aliases, *self.abbreviations)


def _force(
    name: str,
    slug: str,
    short: str,
    *aliases: str,
    country: str = "England",
    abbreviations: tuple[str, ...] = (),
):
    return ForceTerm(
        name=name,
        slug=slug,
        short_name=short,
        country=country,
        aliases=aliases,
        abbreviations=abbreviations,
    )


# The 43 territorial forces of England and Wales. Aliases are the area names letterheads and
# commissioners' titles use ("Police and Crime Commissioner for Leicester, Leicestershire &
# Rutland"), former names and well-known abbreviations.
FORCES: tuple[ForceTerm, ...] = (
    _force(
        "Avon and Somerset Constabulary",
        "avon-and-somerset",
        "Avon and Somerset",
        "Avon & Somerset",
        "Avon and Somerset Police",
    ),
    _force("Bedfordshire Police", "bedfordshire", "Bedfordshire", abbreviations=("Beds",)),
    _force(
        "Cambridgeshire Constabulary",
        "cambridgeshire",
        "Cambridgeshire",
        "Cambridgeshire and Peterborough",
        "Cambridgeshire & Peterborough",
        "Cambridgeshire Police",
        abbreviations=("Cambs",),
    ),
    _force("Cheshire Constabulary", "cheshire", "Cheshire", "Cheshire Police"),
    _force(
        "City of London Police",
        "city-of-london",
        "City of London",
        "City of London Corporation",
        "Common Council of the City of London",
        "the Square Mile",
    ),
    _force("Cleveland Police", "cleveland", "Cleveland"),
    _force("Cumbria Constabulary", "cumbria", "Cumbria", "Cumbria Police"),
    _force(
        "Derbyshire Constabulary",
        "derbyshire",
        "Derbyshire",
        "Derbyshire Police",
        abbreviations=("Derbys",),
    ),
    _force(
        "Devon and Cornwall Police",
        "devon-and-cornwall",
        "Devon and Cornwall",
        "Devon & Cornwall",
        "Devon, Cornwall and the Isles of Scilly",
        "Devon, Cornwall & the Isles of Scilly",
    ),
    _force("Dorset Police", "dorset", "Dorset"),
    _force(
        "Durham Constabulary",
        "durham",
        "Durham",
        "Durham and Darlington",
        "Durham & Darlington",
        "Durham Police",
    ),
    _force(
        "Dyfed-Powys Police",
        "dyfed-powys",
        "Dyfed-Powys",
        "Dyfed Powys",
        "Heddlu Dyfed-Powys",
        country="Wales",
    ),
    _force("Essex Police", "essex", "Essex"),
    _force(
        "Gloucestershire Constabulary",
        "gloucestershire",
        "Gloucestershire",
        "Gloucestershire Police",
        abbreviations=("Glos",),
    ),
    _force(
        "Greater Manchester Police",
        "greater-manchester",
        "Greater Manchester",
        "GMP",
        "Greater Manchester Combined Authority",
    ),
    _force("Gwent Police", "gwent", "Gwent", "Heddlu Gwent", country="Wales"),
    _force(
        "Hampshire and Isle of Wight Constabulary",
        "hampshire-and-isle-of-wight",
        "Hampshire and Isle of Wight",
        "Hampshire & Isle of Wight",
        "Hampshire and the Isle of Wight",
        "Hampshire & the Isle of Wight",
        "Hampshire Constabulary",
        "Hampshire",
        abbreviations=("Hants",),
    ),
    _force(
        "Hertfordshire Constabulary",
        "hertfordshire",
        "Hertfordshire",
        "Hertfordshire Police",
        abbreviations=("Herts",),
    ),
    _force("Humberside Police", "humberside", "Humberside"),
    _force("Kent Police", "kent", "Kent"),
    _force(
        "Lancashire Constabulary",
        "lancashire",
        "Lancashire",
        "Lancashire Police",
        abbreviations=("Lancs",),
    ),
    _force(
        "Leicestershire Police",
        "leicestershire",
        "Leicestershire",
        "Leicester, Leicestershire & Rutland",
        "Leicester, Leicestershire and Rutland",
        "LLR",
        abbreviations=("Leics",),
    ),
    _force("Lincolnshire Police", "lincolnshire", "Lincolnshire", abbreviations=("Lincs",)),
    _force("Merseyside Police", "merseyside", "Merseyside"),
    _force(
        "Metropolitan Police Service",
        "metropolitan",
        "Metropolitan Police",
        "the Met",
        "MOPAC",
        "Mayor's Office for Policing and Crime",
        "Mayor’s Office for Policing and Crime",
        "Metropolitan Police Service",
        "MPS",
    ),
    _force("Norfolk Constabulary", "norfolk", "Norfolk", "Norfolk Police"),
    _force(
        "North Wales Police", "north-wales", "North Wales", "Heddlu Gogledd Cymru", country="Wales"
    ),
    _force(
        "North Yorkshire Police",
        "north-yorkshire",
        "North Yorkshire",
        "York and North Yorkshire",
        "York & North Yorkshire",
    ),
    _force(
        "Northamptonshire Police",
        "northamptonshire",
        "Northamptonshire",
        abbreviations=("Northants",),
    ),
    _force("Northumbria Police", "northumbria", "Northumbria"),
    _force(
        "Nottinghamshire Police", "nottinghamshire", "Nottinghamshire", abbreviations=("Notts",)
    ),
    _force("South Wales Police", "south-wales", "South Wales", "Heddlu De Cymru", country="Wales"),
    _force("South Yorkshire Police", "south-yorkshire", "South Yorkshire"),
    _force(
        "Staffordshire Police",
        "staffordshire",
        "Staffordshire",
        "Staffordshire and Stoke-on-Trent",
        "Staffordshire & Stoke-on-Trent",
        abbreviations=("Staffs",),
    ),
    _force("Suffolk Constabulary", "suffolk", "Suffolk", "Suffolk Police"),
    _force("Surrey Police", "surrey", "Surrey"),
    _force("Sussex Police", "sussex", "Sussex"),
    _force("Thames Valley Police", "thames-valley", "Thames Valley"),
    _force("Warwickshire Police", "warwickshire", "Warwickshire"),
    _force("West Mercia Police", "west-mercia", "West Mercia"),
    _force("West Midlands Police", "west-midlands", "West Midlands"),
    _force("West Yorkshire Police", "west-yorkshire", "West Yorkshire"),
    _force(
        "Wiltshire Police",
        "wiltshire",
        "Wiltshire",
        "Wiltshire and Swindon",
        "Wiltshire & Swindon",
        abbreviations=("Wilts",),
    ),
)

FORCES_BY_NAME = {force.name: force for force in FORCES}

# Each force's police force area (PFA) code in the ONS's Government Statistical Service (GSS)
# coding: E23 for the 39 English areas, W15 for the 4 Welsh ones. The codes have not changed
# since the areas were first coded; only names have (Hampshire became "Hampshire and Isle of
# Wight" in the 2023 list).
ONS_CODE_SOURCE = (
    "Office for National Statistics, Police Force Areas (December 2023) Names and Codes in "
    "England and Wales, ONS Open Geography Portal (PFA23CD), checked December 2026"
)
ONS_CODE_SOURCE_URL = "https://geoportal.statistics.gov.uk/"
ONS_CODES: dict[str, str] = {
    "metropolitan": "E23000001",
    "cumbria": "E23000002",
    "lancashire": "E23000003",
    "merseyside": "E23000004",
    "greater-manchester": "E23000005",
    "cheshire": "E23000006",
    "northumbria": "E23000007",
    "durham": "E23000008",
    "north-yorkshire": "E23000009",
    "west-yorkshire": "E23000010",
    "south-yorkshire": "E23000011",
    "humberside": "E23000012",
    "cleveland": "E23000013",
    "west-midlands": "E23000014",
    "staffordshire": "E23000015",
    "west-mercia": "E23000016",
    "warwickshire": "E23000017",
    "derbyshire": "E23000018",
    "nottinghamshire": "E23000019",
    "lincolnshire": "E23000020",
    "leicestershire": "E23000021",
    "northamptonshire": "E23000022",
    "cambridgeshire": "E23000023",
    "norfolk": "E23000024",
    "suffolk": "E23000025",
    "bedfordshire": "E23000026",
    "hertfordshire": "E23000027",
    "essex": "E23000028",
    "thames-valley": "E23000029",
    "hampshire-and-isle-of-wight": "E23000030",
    "surrey": "E23000031",
    "kent": "E23000032",
    "sussex": "E23000033",
    "city-of-london": "E23000034",
    "devon-and-cornwall": "E23000035",
    "avon-and-somerset": "E23000036",
    "gloucestershire": "E23000037",
    "wiltshire": "E23000038",
    "dorset": "E23000039",
    "north-wales": "W15000001",
    "gwent": "W15000002",
    "south-wales": "W15000003",
    "dyfed-powys": "W15000004",
}


# The ordered grade scale, best first. ADEQUATE exists only in the 2021+ five-point scale.
GRADES: tuple[str, ...] = (
    "outstanding",
    "good",
    "adequate",
    "requires-improvement",
    "inadequate",
)
GRADE_LABELS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "adequate": "Adequate",
    "requires-improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
# Higher is better; charts plot this number and label the axis in words.
GRADE_RANK = {grade: len(GRADES) - index for index, grade in enumerate(GRADES)}


@dataclass(frozen=True)
class AreaTerm:
    key: str
    label: str
    names: tuple[str, ...]  # the names each PEEL cycle used
    aliases: tuple[str, ...] = ()  # other wordings seen in letters

    @property
    def all_names(self) -> tuple[str, ...]:
        return (*self.names, *self.aliases)


AREAS: tuple[AreaTerm, ...] = (
    AreaTerm(
        "treatment-of-the-public",
        "Treatment of the public",
        (
            "Engaging with and treating the public with fairness and respect",
            "Police powers and public treatment",
        ),
        (
            "treating the public with fairness and respect",
            "public treatment",
            "treatment of the public",
        ),
    ),
    AreaTerm(
        "preventing-crime",
        "Preventing crime",
        ("Preventing crime and anti-social behaviour", "Preventing crime"),
        (
            "preventing crime and antisocial behaviour",
            # The 2023-25 reports' full wording.
            "Preventing and deterring crime and antisocial behaviour, and reducing vulnerability",
            "reduce demand",
            "prevent crime",
            "preventing crime",
        ),
    ),
    AreaTerm(
        "responding-to-the-public",
        "Responding to the public",
        ("Responding to the public",),
        ("respond to the public",),
    ),
    AreaTerm(
        "investigating-crime",
        "Investigating crime",
        ("Investigating crime",),
        ("investigate crime",),
    ),
    AreaTerm(
        "protecting-vulnerable-people",
        "Protecting vulnerable people",
        ("Protecting vulnerable people",),
        ("protect vulnerable people",),
    ),
    AreaTerm(
        "managing-offenders",
        "Managing offenders",
        ("Managing offenders and suspects",),
        (
            "managing offenders",
            "manage offenders",
            "management of offenders and suspects",
            "management of offenders",
        ),
    ),
    AreaTerm(
        "workforce",
        "Workforce",
        ("Developing a positive workplace", "Building, supporting and protecting the workforce"),
        (
            "safe, productive and positive workplace",
            "positive workplace",
            "building, supporting and protecting the workforce",
        ),
    ),
    AreaTerm(
        "use-of-resources",
        "Use of resources",
        ("Good use of resources", "Leadership and force management"),
        (
            "making best use of resources",
            "use of resources",
            "best use of resources",
            # The 2021/22 reports' own name for the area.
            "Strategic planning, organisational management and value for money",
        ),
    ),
    AreaTerm(
        "crime-data-integrity",
        "Recording data about crime",
        ("Recording data about crime",),
        ("crime data integrity", "crime recording", "recording of data about crime"),
    ),
    AreaTerm(
        "serious-organised-crime",
        "Serious and organised crime",
        ("Disrupting serious organised crime",),
        (
            "identifying and driving out serious and organised criminals",
            "serious and organised crime",
            "serious organised crime",
        ),
    ),
    AreaTerm(
        "victim-service",
        "Service to victims of crime",
        ("Providing a service to victims of crime",),
        ("service to victims",),
    ),
)

# 2014-2019 pillar grades use the pillar as the area.
PILLARS: tuple[AreaTerm, ...] = (
    AreaTerm(
        "effectiveness",
        "Effectiveness",
        ("Effectiveness",),
        (
            "keeping people safe and reducing crime",
            "how effectively it keeps people safe and reduces crime",
            "effectiveness at keeping people safe and reducing crime",
        ),
    ),
    AreaTerm(
        "efficiency",
        "Efficiency",
        ("Efficiency",),
        (
            "keeping people safe and reducing crime affordably",
            "efficient",
            "operating efficiently",
            "the efficiency with which it keeps people safe and reduces crime",
        ),
    ),
    AreaTerm(
        "legitimacy",
        "Legitimacy",
        ("Legitimacy",),
        (
            "treating the public fairly",
            "legitimate",
            "treating the public and its workforce legitimately",
            "how legitimately it treats the public and its workforce",
        ),
    ),
)
OVERALL_AREA = "overall"

AREA_LABELS = {term.key: term.label for term in (*AREAS, *PILLARS)} | {OVERALL_AREA: "Overall"}


INSPECTION_KINDS: tuple[tuple[str, str], ...] = (
    ("peel", "PEEL"),
    ("peel-effectiveness", "PEEL effectiveness"),
    ("peel-efficiency", "PEEL efficiency"),
    ("peel-legitimacy", "PEEL legitimacy"),
    ("serious-organised-crime", "Serious and organised crime"),
    ("crime-data-integrity", "Crime data integrity"),
    ("state-of-policing", "State of Policing"),
    ("thematic", "Thematic"),
    ("other", "Other"),
)
KIND_LABELS = dict(INSPECTION_KINDS)


COMMISSIONER_TITLES: tuple[tuple[str, str], ...] = (
    ("pcc", "Police and Crime Commissioner"),
    ("pfcc", "Police, Fire and Crime Commissioner"),
    ("mayor", "Mayor"),
    ("deputy-mayor", "Deputy Mayor for Policing and Crime"),
)
# Every office the commissioner registry records: the titles above, which letters sign with,
# and the City of London's police authority, whose chair answers for the force but is never
# read from a signature as a commissioner's title.
OFFICES: tuple[tuple[str, str], ...] = (
    *COMMISSIONER_TITLES,
    ("police-authority", "Chair of the Police Authority"),
)
OFFICE_LABELS = dict(OFFICES)


@dataclass(frozen=True)
class Framework:
    """A PEEL framework. Grades are comparable within one framework, not across them."""

    key: str
    label: str
    starts: dt.date  # first publication date that belongs to it
    scale: tuple[str, ...]
    # The cycle key of an integrated framework (see cycle_for); "" for the 2014-17 pillar
    # reports, each of which belongs to its own year.
    cycle: str = ""

    @property
    def years(self) -> range:
        """The first years of the periods that name this framework's cycle ("2023/24" and
        "2023-2025" both start in 2023, so 2023-25's years are 2023 to 2025)."""
        if not self.cycle:
            return range(0)
        first, last = self.cycle.split("-")
        return range(int(first), int(first[:2] + last) + 1)


FOUR_POINT = ("outstanding", "good", "requires-improvement", "inadequate")
FIVE_POINT = GRADES

FRAMEWORKS: tuple[Framework, ...] = (
    Framework(
        "peel-2014-17", "PEEL 2014–17 pillars (4-point scale)", dt.date(2014, 1, 1), FOUR_POINT
    ),
    Framework(
        "peel-2018-19",
        "PEEL 2018/19 integrated (4-point scale)",
        dt.date(2018, 9, 1),
        FOUR_POINT,
        cycle="2018-19",
    ),
    Framework(
        "peel-2021-22",
        "PEEL 2021/22 (5-point scale)",
        dt.date(2021, 6, 1),
        FIVE_POINT,
        cycle="2021-22",
    ),
    Framework(
        "peel-2023-25",
        "PEEL 2023–25 (5-point scale)",
        dt.date(2023, 6, 1),
        FIVE_POINT,
        cycle="2023-25",
    ),
)


def framework_for(when: dt.date | None) -> Framework | None:
    """The framework in force on a publication (or letter) date."""
    if when is None:
        return None
    current = None
    for framework in FRAMEWORKS:
        if when >= framework.starts:
            current = framework
    return current


# --- cycles ---------------------------------------------------------------------------------
#
# Letters name one cycle several ways: "PEEL 2023/24", "PEEL 2023-2025" and "2023/25" are all
# the 2023-25 framework; "PEEL 2021" of a 2021/22 report is 2021/22. The letter's own wording
# is kept (Inspection.period); the cycle (Inspection.cycle) is what pages group and filter by.
#
# Cycle keys are URL-safe, so they can name pages (/peel/<cycle>/) and filter values:
# - "2018-19", "2021-22", "2023-25": the integrated PEEL frameworks (Framework.cycle), for
#   PEEL and regional serious and organised crime inspections whose period falls in them;
# - "2014" ... "2017": a year of the pillar reports (each pillar report belongs to one year);
# - any other period as its first year, or "YYYY-YY" for a span: "2020" (a crime data
#   integrity inspection), "2013-14" (a State of Policing assessment);
# - a period nobody could read as years ("2023 revisit", typed in the admin) as a slug of its
#   words, lower case, hyphenated.
# Every key matches CYCLE_PATTERN. An inspection with no period has no cycle ("") unless it is
# an integrated PEEL inspection with a publication date, whose framework names its cycle.

CYCLE_PATTERN = r"[0-9a-z]+(?:-[0-9a-z]+)*"
# The kinds whose periods are PEEL cycles. Regional serious and organised crime inspections
# ran inside PEEL and letters give them its periods.
CYCLE_KINDS = ("peel", "serious-organised-crime")
PILLAR_YEARS = range(2014, 2018)

_PERIOD_RE = re.compile(r"(?P<first>(?:19|20)\d\d)(?:\s*[/\-–—]\s*(?P<second>\d\d(?:\d\d)?))?")


def cycle_for(kind: str, period: str, published: dt.date | None = None) -> str:
    """The cycle key (see above) of an inspection of ``kind`` whose letters name ``period``."""
    period = (period or "").strip()
    if not period:
        framework = framework_for(published) if kind == "peel" else None
        return framework.cycle if framework else ""
    match = _PERIOD_RE.fullmatch(period)
    if match is None:
        return re.sub(r"[^0-9a-z]+", "-", period.lower()).strip("-")
    first = int(match.group("first"))
    pillar = kind.startswith("peel-")
    if kind in CYCLE_KINDS:
        framework = next((f for f in FRAMEWORKS if first in f.years), None)
        if framework is not None:
            return framework.cycle
    if (pillar or kind in CYCLE_KINDS) and first in PILLAR_YEARS:
        return str(first)
    second = match.group("second")
    return f"{first}-{second[-2:]}" if second and not pillar else str(first)


def cycle_label(cycle: str) -> str:
    """A cycle key as pages write it: "2023-25" is "2023–25" (an en dash), "2016" stays."""
    if re.fullmatch(r"\d{4}-\d\d", cycle):
        return cycle.replace("-", "–")
    return cycle


# --- regions and the areas of each framework (the compare pages) ---------------------------
#
# The nine English regions (ONS statistical regions, which police force areas nest in) and
# Wales, so the cycle pages can be filtered the way national comparisons are usually cut.
REGIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("north-east", "North East", ("cleveland", "durham", "northumbria")),
    (
        "north-west",
        "North West",
        ("cheshire", "cumbria", "greater-manchester", "lancashire", "merseyside"),
    ),
    (
        "yorkshire-and-the-humber",
        "Yorkshire and the Humber",
        ("humberside", "north-yorkshire", "south-yorkshire", "west-yorkshire"),
    ),
    (
        "east-midlands",
        "East Midlands",
        ("derbyshire", "leicestershire", "lincolnshire", "northamptonshire", "nottinghamshire"),
    ),
    (
        "west-midlands",
        "West Midlands",
        ("staffordshire", "warwickshire", "west-mercia", "west-midlands"),
    ),
    (
        "east-of-england",
        "East of England",
        ("bedfordshire", "cambridgeshire", "essex", "hertfordshire", "norfolk", "suffolk"),
    ),
    ("london", "London", ("city-of-london", "metropolitan")),
    (
        "south-east",
        "South East",
        ("hampshire-and-isle-of-wight", "kent", "surrey", "sussex", "thames-valley"),
    ),
    (
        "south-west",
        "South West",
        ("avon-and-somerset", "devon-and-cornwall", "dorset", "gloucestershire", "wiltshire"),
    ),
    ("wales", "Wales", ("dyfed-powys", "gwent", "north-wales", "south-wales")),
)
REGION_LABELS = {key: label for key, label, _ in REGIONS}
REGION_OF_FORCE = {slug: key for key, _, slugs in REGIONS for slug in slugs}

# The PEEL cycles a cycle page exists for, oldest first: the pillar years, then the integrated
# frameworks. 2014 had no pillar grades from the inspectorate but letters may report some.
PEEL_CYCLES: tuple[str, ...] = ("2014", "2015", "2016", "2017", "2018-19", "2021-22", "2023-25")
# The inspection kinds whose grades belong on a cycle page: PEEL and its pillar reports.
PEEL_KINDS: tuple[str, ...] = ("peel", "peel-effectiveness", "peel-efficiency", "peel-legitimacy")
# The areas each framework grades, in the order its reports list them. The 2021/22 and 2023-25
# frameworks graded the same nine areas under partly new names (AreaTerm.names); serious and
# organised crime and service to victims were graded in some forces only and join a page's
# columns when a grade of theirs is loaded.
_PEEL_AREAS = (
    "treatment-of-the-public",
    "preventing-crime",
    "responding-to-the-public",
    "investigating-crime",
    "protecting-vulnerable-people",
    "managing-offenders",
    "workforce",
    "use-of-resources",
    "crime-data-integrity",
)
FRAMEWORK_AREAS: dict[str, tuple[str, ...]] = {
    "peel-2014-17": tuple(term.key for term in PILLARS),
    "peel-2018-19": tuple(term.key for term in PILLARS),
    "peel-2021-22": _PEEL_AREAS,
    "peel-2023-25": _PEEL_AREAS,
}
FRAMEWORK_EXTRA_AREAS: dict[str, tuple[str, ...]] = {
    "peel-2021-22": ("serious-organised-crime", "victim-service"),
    "peel-2023-25": ("serious-organised-crime", "victim-service"),
}


def framework_of_cycle(cycle: str) -> Framework | None:
    """The framework a PEEL cycle key belongs to: a pillar year is 2014-17's."""
    for framework in FRAMEWORKS:
        if framework.cycle and framework.cycle == cycle:
            return framework
    if cycle.isdigit() and int(cycle) in PILLAR_YEARS:
        return FRAMEWORKS[0]
    return None
