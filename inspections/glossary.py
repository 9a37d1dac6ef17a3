"""The glossary: the words the dashboard uses, each with an anchor pages link to.

The frameworks, their grade scales, the pillars and the areas are read from
``inspections.vocabulary``, so the glossary says what the rest of the site does. Pages link a
term to its entry with ``{% term "peel" %}`` (templatetags/glossary.py), once per page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.shortcuts import render

from . import vocabulary as vocab


@dataclass(frozen=True)
class Term:
    key: str  # the entry's anchor on /glossary/
    name: str  # the words pages print by default
    definition: str
    expansion: str = ""  # what an abbreviation stands for (an <abbr> title)

    @property
    def anchor(self) -> str:
        return f"term-{self.key}"


TERMS: tuple[Term, ...] = (
    Term(
        "hmicfrs",
        "HMICFRS",
        "The inspectorate of the police in England and Wales (and of fire and rescue services "
        "in England). It was HM Inspectorate of Constabulary (HMIC) until July 2017. It "
        "inspects every force and publishes a report on each inspection.",
        "His Majesty’s Inspectorate of Constabulary and Fire & Rescue Services",
    ),
    Term(
        "peel",
        "PEEL",
        "The inspectorate’s regular assessment of every force, graded on a scale of words. "
        "From 2014 to 2017 it was three separate yearly reports, one per pillar "
        "(effectiveness, efficiency and legitimacy); since 2018/19 one integrated report per "
        "force per cycle grades several areas. The questions and the scale changed with each "
        "framework, so grades compare only within one (see PEEL frameworks).",
        "Police effectiveness, efficiency and legitimacy",
    ),
    Term(
        "framework",
        "PEEL frameworks",
        "The set of questions and the grade scale of a PEEL cycle. A grade of one framework is "
        "not like for like with a grade of another: the site never joins them on a chart and "
        "groups them apart on a force’s page.",
    ),
    Term(
        "grade",
        "Grades",
        "The inspectorate’s judgement of an area, in words: outstanding, good, adequate "
        "(since 2021/22), requires improvement, inadequate. The site always prints the word; "
        "colour only helps.",
    ),
    Term(
        "pillar",
        "Pillars",
        "The three questions of PEEL from 2014 to 2017, each graded in its own report: "
        + ", ".join(term.label.lower() for term in vocab.PILLARS)
        + ".",
    ),
    Term(
        "area",
        "Areas",
        "What an integrated PEEL report grades one by one since 2021/22: "
        + ", ".join(term.label.lower() for term in vocab.AREAS)
        + " (the names vary a little between cycles).",
    ),
    Term(
        "afi",
        "Areas for improvement",
        "Where the inspectorate found a force should do better, short of a cause of concern. "
        "Reports number them; commissioners’ letters often answer each one (AFI for short).",
        "Area for improvement",
    ),
    Term(
        "cause-of-concern",
        "Causes of concern",
        "A serious shortcoming the inspectorate found, which comes with recommendations the "
        "force is expected to act on.",
    ),
    Term(
        "recommendation",
        "Recommendations",
        "What the inspectorate asks a force (or another body) to do, usually by a date; "
        "causes of concern carry them.",
    ),
    Term(
        "section-55",
        "Section 55",
        "Section 55 of the Police Act 1996: when the inspectorate publishes a report on a "
        "force, its police and crime commissioner (or mayor) must publish comments on it "
        "within 56 days and send them to the Home Secretary. Those letters are what this site "
        "reads.",
    ),
    Term(
        "pcc",
        "Police and crime commissioners",
        "The people elected to hold a force to account: police and crime commissioners, "
        "police, fire and crime commissioners where they also oversee fire and rescue, and in "
        "some places a mayor (with a deputy mayor for policing and crime). The City of "
        "London’s police authority does the same job for its force.",
        "Police and crime commissioner",
    ),
)
TERMS_BY_KEY = {term.key: term for term in TERMS}


def frameworks() -> list[dict]:
    """Each PEEL framework from the vocabulary with its scale in words and what changed."""
    rows = []
    previous = None
    for framework in vocab.FRAMEWORKS:
        scale = [vocab.GRADE_LABELS[grade] for grade in framework.scale]
        added = [vocab.GRADE_LABELS[g] for g in framework.scale if previous and g not in previous]
        rows.append(
            {
                "label": framework.label,
                "starts": framework.starts,
                "scale": scale,
                "added": added,
            }
        )
        previous = framework.scale
    return rows


def glossary(request):
    context = {"terms": TERMS, "frameworks": frameworks()}
    return render(request, "inspections/glossary.html", context)
