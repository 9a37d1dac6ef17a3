"""The words the parser reads names with: honorifics, post-nominals, nicknames, words that are
never part of a person's name, and the people letters are addressed to.

These are lexicons of how names are written, not facts the dashboard stores, so they live with
the parser (the domain's vocabularies of forces, areas and grades stay in
``inspections/vocabulary.py``). Commissioners are never listed: their names are read from the
text by pattern (a title beside a name, a signature block, a quoted speaker).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    honorifics: tuple[str, ...] = ()


# People letters are addressed to, so that "Dear Mr Wilsher" resolves to a full name when the
# address block does not give one.
RECIPIENTS: tuple[Person, ...] = (
    Person("Thomas Winsor", "HM Chief Inspector of Constabulary", ("Sir",)),
    Person("Andy Cooke", "HM Chief Inspector of Constabulary", ("QPM",)),
    Person("Roy Wilsher", "HM Inspector of Constabulary", ("OBE", "QFSM")),
    Person("Matt Parr", "HM Inspector of Constabulary", ("CB",)),
    Person("Zoë Billingham", "HM Inspector of Constabulary", ("CBE",)),
    Person("Wendy Williams", "HM Inspector of Constabulary", ("CBE",)),
    Person("Michael Cunningham", "HM Inspector of Constabulary", ("QPM",)),
    Person("Mike Cunningham", "HM Inspector of Constabulary", ("QPM",)),
    Person("Dru Sharpling", "HM Inspector of Constabulary", ("CBE",)),
    Person("Stephen Otter", "HM Inspector of Constabulary", ("QPM",)),
    Person("Phil Gormley", "HM Inspector of Constabulary", ("QPM",)),
    Person("Lee Freeman", "HM Inspector of Constabulary", ("QPM",)),
    Person("Michelle Skeer", "HM Inspector of Constabulary", ("OBE", "QPM")),
    Person("Theresa May", "Home Secretary", ("Rt Hon", "MP")),
    Person("Amber Rudd", "Home Secretary", ("Rt Hon", "MP")),
    Person("Sajid Javid", "Home Secretary", ("Rt Hon", "MP")),
    Person("Priti Patel", "Home Secretary", ("Rt Hon", "MP")),
    Person("Grant Shapps", "Home Secretary", ("Rt Hon", "MP")),
    Person("Suella Braverman", "Home Secretary", ("Rt Hon", "KC", "MP")),
    Person("James Cleverly", "Home Secretary", ("Rt Hon", "MP")),
    Person("Yvette Cooper", "Home Secretary", ("Rt Hon", "MP")),
    Person("Shabana Mahmood", "Home Secretary", ("Rt Hon", "MP")),
)

# Honorifics and post-nominals stripped from names ("Lord Willy Bach" -> "Willy Bach").
HONORIFICS: tuple[str, ...] = (
    "Rt Hon",
    "Rt. Hon.",
    "Right Honourable",
    "The Rt Hon",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Mx",
    "Cllr",
    "Councillor",
    "Coun",
    "Coun.",
    "Cr",
    "Rev",
    "Revd",
    "Canon",
    "Alderman",
    "Alderwoman",
    "Cllr.",
    "The Baroness",
    "The Lord",
)
POST_NOMINALS: tuple[str, ...] = (
    "MP",
    "QPM",
    "KPM",
    "OBE",
    "MBE",
    "CBE",
    "KBE",
    "DBE",
    "QFSM",
    "KFSM",
    "CB",
    "KC",
    "QC",
    "DL",
    "JP",
    "FRSA",
    "PhD",
    "MA",
    "BA",
    "MSc",
    "LLB",
)

# Name particles that may stand lower-case inside a name: "Ursula van der Leyen".
PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "bin", "al", "st"}
)

# Capitalised words that are not parts of people's names (address blocks, titles, letterheads).
NOT_NAME_WORDS = frozenset(
    {
        "police",
        "crime",
        "commissioner",
        "constabulary",
        "force",
        "office",
        "chief",
        "constable",
        "inspector",
        "inspectorate",
        "inspectors",
        "yours",
        "sincerely",
        "faithfully",
        "regards",
        "dear",
        "signature",
        "signed",
        "secretary",
        "majesty",
        "majesty's",
        "his",
        "her",
        "home",
        "mayor",
        "deputy",
        "county",
        "council",
        "team",
        "report",
        "response",
        "comments",
        "fire",
        "rescue",
        "services",
        "service",
        "policing",
        "london",
        "manchester",
        "email",
        "e-mail",
        "telephone",
        "tel",
        "www",
        "headquarters",
        "hq",
        "authority",
        "combined",
        "panel",
        "board",
        "thank",
        "thanks",
        "kind",
        "best",
        "wishes",
        "private",
        "director",
        "executive",
        "officer",
        "staff",
        "cc",
        "re",
        "ref",
        "date",
        "subject",
        "mr",
        "mrs",
        "ms",
        "dr",
        "page",
        "prevention",
        "partnership",
        "protection",
        "your",
        "our",
        "communities",
        "on",
        "behalf",
        "justice",
        "minister",
        "prime",
        "opcc",
        "hmicfrs",
        "hmic",
        "peel",
        "release",
        "news",
        "statement",
        "media",
        "press",
        # the names of funds, plans and campaigns a headline puts after a title ("PCC Safer
        # Streets Fund praised", "Commissioner's Everybody's Business campaign")
        "fund",
        "funding",
        "business",
        "strategy",
        "plan",
        "scheme",
        "award",
        "awards",
        "campaign",
        "project",
        "programme",
        "network",
        "unit",
        "centre",
        "forum",
        "hub",
        "safety",
        "safer",
        "streets",
        "neighbourhood",
        "charter",
        "initiative",
        "alliance",
        "foundation",
        "academy",
        "conference",
        "summit",
        "survey",
        "consultation",
        "budget",
        "precept",
        # security markings at the head or foot of a page
        "protectively",
        "marked",
        "official",
        "sensitive",
        "unclassified",
    }
    # A title-case headline's verbs: "Commissioner Takes Issue with ...", "PCC Welcomes Report".
    | {
        "takes",
        "issue",
        "welcomes",
        "responds",
        "reacts",
        "says",
        "backs",
        "hails",
        "praises",
        "slams",
        "urges",
        "vows",
        "pledges",
        "calls",
        "questions",
        "criticises",
        "criticizes",
        "defends",
        "rejects",
        "disputes",
        "refutes",
        "warns",
        "insists",
        "admits",
        "speaks",
        "writes",
        "announces",
        "accepts",
        "launches",
        "congratulates",
        "commends",
        "challenges",
    }
)

# Short forms in salutations: "Dear Sir Tom" is Sir Thomas Winsor in the address block.
NICKNAMES = {
    "tom": "thomas",
    "andy": "andrew",
    "mike": "michael",
    "matt": "matthew",
    "phil": "philip",
    "steve": "stephen",
    "rob": "robert",
    "bob": "robert",
    "jim": "james",
    "bill": "william",
    "will": "william",
    "liz": "elizabeth",
    "kate": "katherine",
    "chris": "christopher",
    "dave": "david",
    "nick": "nicholas",
    "tony": "anthony",
    "sue": "susan",
    "ben": "benjamin",
    "dan": "daniel",
    "sam": "samuel",
    "alex": "alexander",
    "jo": "joanne",
    "zoe": "zo\u00eb",
}


# Forces whose local policing body is a mayor's office (docs/domain.md): there "Mayor Jane Doe"
# and "Deputy Mayor Jane Doe" name the commissioner; elsewhere a mayor is someone else.
MAYORAL_FORCES = frozenset(
    {
        "Metropolitan Police Service",
        "Greater Manchester Police",
        "West Yorkshire Police",
        "South Yorkshire Police",
        "North Yorkshire Police",
    }
)


# Words of an address block ("Globe House", "Eccleston Square"): not a name when a whole line is
# read as one, though a surname in prose may be one of them ("Michael Lane said").
ADDRESS_WORDS = frozenset(
    {
        "house", "square", "street", "road", "lane", "floor", "building", "buildings", "hall",
        "avenue", "way", "place", "court", "centre", "center", "park",
    }
)  # fmt: skip

# Capitalised words that open sentences and headlines but never a name ("However Jane Doe
# said", "Today Jane Doe welcomed").
FUNCTION_WORDS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "of", "with",
        "by", "from", "to", "however", "meanwhile", "today", "yesterday", "tomorrow", "tonight",
        "also", "but", "and", "or", "now", "then", "speaking", "commenting", "reacting",
        "responding", "according", "welcoming", "following", "after", "before", "as", "when",
        "while", "whilst", "our", "their", "his", "her", "its", "my", "new", "former", "outgoing",
        "acting", "interim", "last", "latest", "said", "says", "read", "watch", "listen", "more",
        "statement", "picture", "photo", "image", "published", "updated", "posted", "author",
    }
)  # fmt: skip
