"""Which inspection a letter of a given date can answer, and what that inspection found.

Each kind has the publication window, grade scale and graded areas of its era: pillar reports
(2014-2018, four points, one pillar each), the integrated PEEL 2018/19 (three pillars), PEEL
2021/22 and 2023-25 (five points, graded by area, with each cycle's own area names), regional
serious and organised crime inspections, crime data integrity, the State of Policing, national
thematic reports (recommendations, no grades) and custody inspections (no grades).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from inspections import vocabulary as vocab

from . import phrases

FOUR = vocab.FOUR_POINT
FIVE = vocab.FIVE_POINT
_FOUR_WEIGHTS = (8, 55, 30, 7)
_FIVE_WEIGHTS = (5, 30, 35, 25, 5)

PEEL_2021_AREAS = (
    "treatment-of-the-public",
    "preventing-crime",
    "responding-to-the-public",
    "investigating-crime",
    "protecting-vulnerable-people",
    "managing-offenders",
    "workforce",
    "use-of-resources",
)

REGIONS = {
    "North East": ("cleveland", "durham", "northumbria"),
    "North West": ("cheshire", "cumbria", "greater-manchester", "lancashire", "merseyside"),
    "Yorkshire and the Humber": (
        "humberside",
        "north-yorkshire",
        "south-yorkshire",
        "west-yorkshire",
    ),
    "East Midlands": (
        "derbyshire",
        "leicestershire",
        "lincolnshire",
        "northamptonshire",
        "nottinghamshire",
    ),
    "West Midlands": ("staffordshire", "warwickshire", "west-mercia", "west-midlands"),
    "Eastern": ("bedfordshire", "cambridgeshire", "essex", "hertfordshire", "norfolk", "suffolk"),
    "South East": ("hampshire-and-isle-of-wight", "kent", "surrey", "sussex", "thames-valley"),
    "South West": (
        "avon-and-somerset",
        "devon-and-cornwall",
        "dorset",
        "gloucestershire",
        "wiltshire",
    ),
    "Wales": ("dyfed-powys", "gwent", "north-wales", "south-wales"),
    "London": ("metropolitan", "city-of-london"),
}
_REGION_OF = {slug: region for region, slugs in REGIONS.items() for slug in slugs}

# (period as named, publication date) of the annual State of Policing assessments.
STATE_OF_POLICING = (
    ("2013/14", dt.date(2014, 4, 2)),
    ("2014/15", dt.date(2015, 11, 26)),
    ("2016", dt.date(2017, 4, 27)),
    ("2017", dt.date(2018, 6, 28)),
    ("2018", dt.date(2019, 7, 2)),
    ("2019", dt.date(2020, 7, 3)),
    ("2020", dt.date(2021, 7, 8)),
    ("2021", dt.date(2022, 7, 21)),
    ("2022", dt.date(2023, 7, 6)),
    ("2023", dt.date(2024, 7, 19)),
    ("2024", dt.date(2025, 7, 10)),
)

# National thematic reports: (title, publication date).
THEMATICS = (
    ("Everyone's business: Improving the police response to domestic abuse", dt.date(2014, 3, 27)),
    ("Building the picture: An inspection of police information management", dt.date(2015, 7, 9)),
    ("In harm's way: The role of the police in keeping children safe", dt.date(2015, 7, 16)),
    (
        "Living in fear – the police and CPS response to harassment and stalking",
        dt.date(2017, 7, 5),
    ),
    (
        "Stolen freedom: the policing response to modern slavery and human trafficking",
        dt.date(2017, 10, 24),
    ),
    ("Picking up the pieces: A review of police mental health provision", dt.date(2018, 11, 27)),
    (
        "The poor relation: The police and CPS response to crimes against older people",
        dt.date(2019, 7, 17),
    ),
    ("Cyber: Keep the light on", dt.date(2019, 10, 24)),
    ("Policing in the pandemic", dt.date(2021, 4, 20)),
    (
        "Police response to violence against women and girls: Final inspection report",
        dt.date(2021, 9, 17),
    ),
    (
        "An inspection of vetting, misconduct, and misogyny in the police service",
        dt.date(2022, 11, 2),
    ),
    (
        "An inspection of how well the police tackle online child sexual abuse and exploitation",
        dt.date(2023, 4, 20),
    ),
    ("An inspection into activism and impartiality in policing", dt.date(2023, 9, 12)),
    (
        "An inspection of the police contribution to the criminal justice system",
        dt.date(2024, 6, 27),
    ),
    ("An inspection of neighbourhood policing and community engagement", dt.date(2025, 5, 15)),
)


@dataclass
class Inspection:
    """What the report said; the layout decides which of it the letter mentions."""

    kind: str
    era: str  # pillar, peel-2018, peel-2021, peel-2023, soc, cdi, sop, thematic, custody
    title: str
    published: dt.date
    period: str | None  # as the text names it, in the contract's form
    period_words: str = ""  # how the text names the period ("PEEL 2023/24"), "" if unnamed
    pillar: str = ""  # for a single-pillar report
    region: str = ""
    scale: tuple[str, ...] = ()
    grades: list[tuple[str, str]] = field(default_factory=list)  # (area, grade), all awarded
    afis: list[str] = field(default_factory=list)
    causes: list[tuple[str, str]] = field(default_factory=list)  # (cause, recommendation)
    recommendations: list[str] = field(default_factory=list)


def _between(when: dt.date, start: dt.date, end: dt.date) -> bool:
    return start <= when <= end


def _grade(rng: random.Random, scale: tuple[str, ...]) -> str:
    weights = _FOUR_WEIGHTS if scale == FOUR else _FIVE_WEIGHTS
    return rng.choices(scale, weights)[0]


def _findings(rng: random.Random, inspection: Inspection, force_words: str, most: int) -> None:
    count = rng.choice((0, *range(1, most + 1)))
    inspection.afis = [
        text.format(force=force_words) for text in rng.sample(phrases.AFI_TEXTS, count)
    ]
    if rng.random() < 0.3:
        causes = rng.sample(phrases.CAUSES_OF_CONCERN, rng.choice((1, 1, 2)))
        inspection.causes = [(c.format(force=force_words), r) for c, r in causes]


def _pillar(rng, force, published) -> Inspection:
    pillar = rng.choice(("effectiveness", "efficiency", "legitimacy"))
    year = published.year if published.month >= 9 else published.year - 1
    title = rng.choice(
        (
            f"PEEL: Police {pillar} {year} – An inspection of {force.name}",
            f"PEEL {year}: {pillar.capitalize()} – {force.name}",
            f"{force.name} – PEEL {pillar.capitalize()} {year}",
        )
    )
    inspection = Inspection(
        kind=f"peel-{pillar}",
        era="pillar",
        title=title,
        published=published,
        period=str(year),
        period_words=f"PEEL {year}",
        pillar=pillar,
        scale=FOUR,
    )
    if rng.random() < 0.9:
        inspection.grades = [(pillar, _grade(rng, FOUR))]
    _findings(rng, inspection, force.name, 6)
    return inspection


def _peel_2018(rng, force, published) -> Inspection:
    inspection = Inspection(
        kind="peel",
        era="peel-2018",
        title=f"PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – An inspection of "
        f"{force.name}",
        published=published,
        period="2018/19",
        period_words=rng.choice(("PEEL 2018/19", "2018/19 PEEL")),
        scale=FOUR,
        grades=[(p, _grade(rng, FOUR)) for p in ("effectiveness", "efficiency", "legitimacy")],
    )
    _findings(rng, inspection, force.name, 12)
    return inspection


def _peel_2021(rng, force, published, later: bool) -> Inspection:
    if later:
        words, period = rng.choice(
            (
                ("PEEL 2023–2025", "2023/25"),
                ("PEEL 2023-25", "2023/25"),
                ("PEEL 2023–25", "2023/25"),
                ("PEEL 2023/24", "2023/24"),
            )
        )
        if period == "2023/24" and published >= dt.date(2025, 3, 1):
            words, period = "PEEL 2023–2025", "2023/25"
        title = rng.choice(
            (
                f"{words}: An inspection of {force.name}",
                f"{force.name} {words} – Police effectiveness, efficiency and legitimacy",
            )
        )
    else:
        words, period = rng.choice((("PEEL 2021/22", "2021/22"), ("PEEL 2021–22", "2021/22")))
        title = f"{words}: An inspection of {force.name}"
    areas = list(PEEL_2021_AREAS)
    if rng.random() < 0.45:
        areas.append("crime-data-integrity")
    inspection = Inspection(
        kind="peel",
        era="peel-2023" if later else "peel-2021",
        title=title,
        published=published,
        period=period,
        period_words=words,
        scale=FIVE,
        grades=[(area, _grade(rng, FIVE)) for area in areas],
    )
    _findings(rng, inspection, force.name, 15)
    return inspection


def _soc(rng, force, published) -> Inspection:
    region = _REGION_OF[force.slug]
    inspection = Inspection(
        kind="serious-organised-crime",
        era="soc",
        title=f"An inspection of the {region} regional response to serious and organised crime",
        published=published,
        period=None,
        region=region,
        scale=FIVE,
        grades=[("serious-organised-crime", _grade(rng, FIVE))],
    )
    _findings(rng, inspection, force.name, 4)
    return inspection


def _cdi(rng, force, published) -> Inspection:
    graded = published.year >= 2016
    year = published.year if published.month >= 3 else published.year - 1
    inspection = Inspection(
        kind="crime-data-integrity",
        era="cdi",
        title=rng.choice(
            (
                f"{force.name}: Crime Data Integrity inspection {year}",
                f"Crime Data Integrity inspection {year}: {force.name}",
            )
        ),
        published=published,
        period=str(year),
        period_words=f"inspection {year}",
        scale=FOUR,
        grades=[("crime-data-integrity", _grade(rng, FOUR))] if graded else [],
    )
    _findings(rng, inspection, force.name, 5)
    return inspection


def _thematic(rng, title, published) -> Inspection:
    count = rng.randint(2, 5)
    return Inspection(
        kind="thematic",
        era="thematic",
        title=title,
        published=published,
        period=None,
        recommendations=rng.sample(phrases.RECOMMENDATIONS, count),
    )


def _custody(rng, force, published) -> Inspection:
    return Inspection(
        kind="other",
        era="custody",
        title=f"Report on an unannounced inspection visit to police custody suites in "
        f"{force.short_name}",
        published=published,
        period=None,
    )


def _sop(period, published) -> Inspection:
    return Inspection(
        kind="state-of-policing",
        era="sop",
        title=f"State of Policing: The Annual Assessment of Policing in England and Wales {period}",
        published=published,
        period=period,
        period_words=f"State of Policing {period}",
    )


def choose(rng: random.Random, force: vocab.ForceTerm, year: int) -> tuple[dt.date, Inspection]:
    """A letter date in ``year`` and an inspection, published 12-62 days before, it answers.

    A few dates are tried, because some stretches (2020, most of 2014) had little published
    about single forces; a custody inspection is the answer when nothing else fits.
    """
    start = dt.date(year, 1, 1)
    days = (dt.date(year, 12, 31) - start).days + 1
    for _ in range(4):
        letter_date = start + dt.timedelta(days=rng.randrange(days))
        options = _options(rng, force, letter_date)
        if len(options) > 1:
            break
    weights = [weight for weight, _ in options]
    build = rng.choices([build for _, build in options], weights)[0]
    return letter_date, build()


def _options(rng: random.Random, force: vocab.ForceTerm, letter_date: dt.date) -> list:
    published = letter_date - dt.timedelta(days=rng.randint(12, 62))
    options: list[tuple[float, object]] = []
    if _between(published, dt.date(2014, 10, 20), dt.date(2018, 3, 31)) and published.month in (
        10, 11, 12, 1, 2, 3,
    ):  # fmt: skip
        options.append((5, lambda: _pillar(rng, force, published)))
    if _between(published, dt.date(2019, 5, 2), dt.date(2020, 2, 28)):
        options.append((5, lambda: _peel_2018(rng, force, published)))
    if _between(published, dt.date(2021, 9, 20), dt.date(2022, 11, 30)):
        options.append((5, lambda: _peel_2021(rng, force, published, later=False)))
    if _between(published, dt.date(2023, 9, 1), dt.date(2025, 10, 31)):
        options.append((5, lambda: _peel_2021(rng, force, published, later=True)))
    if _between(published, dt.date(2022, 6, 1), dt.date(2025, 10, 31)):
        options.append((1.5, lambda: _soc(rng, force, published)))
    if _between(published, dt.date(2014, 11, 18), dt.date(2015, 1, 31)) or _between(
        published, dt.date(2016, 8, 1), dt.date(2020, 3, 31)
    ):
        options.append((1.5, lambda: _cdi(rng, force, published)))
    for period, sop_published in STATE_OF_POLICING:
        if _between(letter_date - sop_published, dt.timedelta(12), dt.timedelta(90)):
            options.append((1.5, lambda p=period, d=sop_published: _sop(p, d)))
    for title, thematic_published in THEMATICS:
        if _between(letter_date - thematic_published, dt.timedelta(12), dt.timedelta(120)):
            options.append((1.5, lambda t=title, d=thematic_published: _thematic(rng, t, d)))
    options.append((0.4 if options else 1, lambda: _custody(rng, force, published)))
    return options
