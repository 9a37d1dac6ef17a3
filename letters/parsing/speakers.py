"""Who gives a statement's response: the commissioner named in prose.

Web statements, press releases and news stories name the commissioner beside a title, in any of
the ways people write it: "Police and Crime Commissioner Jane Doe", "Commissioner, Jane Doe,
said", "the PCC for Kent, Jane Doe", "PCC for Kent Jane Doe", "(PCC) Jane Doe", "Jane Doe, Kent's
Police, Fire and Crime Commissioner", "Jane Doe Kent PCC", lower-case "police and crime
commissioner jane", "Mayor Jane Doe" where the mayor holds the office. When the title and the
name stand apart ("The commissioner for Kent has praised ... In a statement Jane Doe said") the
name comes from the speaker whose words the text reports; a headline ("Jane Doe responds to
...", "Statement from Jane Doe"), a response called hers ("Jane Doe's response to the report")
or a first-person page under her name ("... - Jane Doe") names her too.

Each candidate is scored: bound to a title, then reported as speaking (said, welcomed,
responded; "Mr Doe said" credits the full name with that surname). A name that the text gives
another role (a chief constable, an inspector, a councillor, a chair, a Home Secretary, the
Met's Commissioner) is never the commissioner, and neither is anyone the lexicon knows as an
addressee (HM inspectors, Home Secretaries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .forces import FORCE_NAMES
from .lexicon import ADDRESS_WORDS, MAYORAL_FORCES, RECIPIENTS
from .names import Name, read_name
from .text import Line, line_at, trie_pattern
from .titles import Title, prose_titles

# A run of capitalised words (a name, perhaps with honorifics and a place run into it).
_RUN = re.compile(
    r"(?:[A-Z\u00c0-\u00de][^\s,;:()\"!?\u201c\u201d]*"
    r"(?:[ \t]+(?:(?:de|van|von|der|den|da|di|du|le|la|bin|al)[ \t]+)?"
    r"[A-Z\u00c0-\u00de][^\s,;:()\"!?\u201c\u201d]*){0,5})"
)
_SPEECH = (
    r"(?:said|says|say|added|adds|commented|comments|welcomed|welcomes|welcoming|responded"
    r"|responds|responding|replied|told|tells|stated|states|wrote|writes|explained|explains"
    r"|praised|praises|believes|believed|insisted|insists|accepted|accepts|promised|promises"
    r"|pledged|pledges|urged|warned|defended|congratulated|thanked|hit\s+out|slammed|slams"
    r"|criticised|stressed|stresses|reacted|commenting|reacting|speaking|paid\s+tribute"
    r"|pays\s+tribute|issued|issues|put\s+out|set\s+out|stood\s+up|is\s+pleased|was\s+pleased"
    r"|is\s+delighted|was\s+delighted|believes|agrees|rejects|refutes|disputes|takes\s+issue"
    r"|has\s+(?:\w+\s+)?(?:said|welcomed|praised|responded|promised|told|paid|set|issued|stood"
    r"|stressed|called|written|accepted|defended|criticised|congratulated))"
)
# After the name (or its appositive), before the sentence ends: "Jane Doe, the PCC, said".
_SPEECH_AFTER = re.compile(
    r"^[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:,[^.!?\n]{0,80}?,)?[ \t]*"
    r"(?:(?:has|have|had|is|was|also|today|then|now|further|later|herself|himself|once\s+more"
    r"|again)[ \t]+){0,3}" + _SPEECH + r"\b",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|added|commented|wrote|according\s+to|statement\s+(?:from|by)"
    r"|response\s+(?:from|by)|comments?\s+(?:from|by)|came\s+from|from)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
# Roles that are not the commissioner, written before or after a name.
_ROLE = (
    r"(?:(?:acting|temporary|t/|deputy|assistant|new|former|interim|outgoing)[ \t]+)*"
    r"(?:chief[ \t]+constable|chief[ \t]+officer|chief[ \t]+executive|chief[ \t]+inspector"
    r"|chief[ \t]+fire[ \t]+officer|dcc|acc|superintendent|inspector|hmi|hmcic|hmicfrs"
    r"|home[ \t]+secretary|secretary[ \t]+of[ \t]+state|minister|chair(?:man|woman|person)?"
    r"|leader|director|editor|reporter|spokes(?:man|woman|person)"
    r"|federation|author|met(?:ropolitan)?[ \t]+(?:police[ \t]+)?commissioner"
    r"|commissioner[ \t]+of[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+){0,3}police|mp)"
)
_ROLE_ANYWHERE = re.compile(
    r"(?="
    + trie_pattern(
        [
            "acting",
            "temporary",
            "t/",
            "deputy",
            "assistant",
            "new",
            "former",
            "interim",
            "outgoing",
            "chief",
            "dcc",
            "acc",
            "superintendent",
            "inspector",
            "hmi",
            "hmcic",
            "hmicfrs",
            "home",
            "secretary",
            "minister",
            "chair",
            "leader",
            "director",
            "editor",
            "reporter",
            "spokes",
            "federation",
            "author",
            "met",
            "commissioner",
            "mp",
        ],
        prefixes=True,
    )
    + r")\b"
    + _ROLE
    + r"\b",
    re.IGNORECASE,
)
_ROLE_BEFORE = re.compile(r"\b" + _ROLE + r"[ \t,:]*(?:of[ \t]+[\w \t]{1,40}?[ \t,]+)?$", re.I)
_ROLE_AFTER = re.compile(
    r"^[ \t]*(?:,[ \t]*|[ \t]+)(?:the[ \t]+|an?[ \t]+|his[ \t]+|her[ \t]+)?"
    r"(?:[\w]+'s?[ \t]+)?(?-i:(?:[A-Z][\w']*[ \t]+){0,3}?)"
    + _ROLE
    + r"\b|^[ \t]*,[ \t]*who[ \t]+(?:leads|chairs)\b",
    re.IGNORECASE,
)
_SURNAME_MENTION = re.compile(
    r"\b(?P<title>Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Commissioner|PCC|PFCC|Mayor)\.?[ \t]+"
    r"(?P<surname>[A-Z][\w'\-\u00c0-\u024f]+)\b"
)
_FIRST_PERSON = re.compile(r"(?:^|[\s\"'])(?:I|I'm|I've|my|My)\s")
_SELF_TITLE = re.compile(
    r"\b(?:I|my)\b[^.!?\n]{0,60}\b(?:police(?:,\s*fire)?\s+and\s+crime\s+commissioner|PCC|PFCC)\b",
    re.IGNORECASE,
)
_HEADLINE_SPEAKER = re.compile(
    r"^(?:[\w ]{0,20}:\s*)?(?P<name>(?-i:[A-Z][\w'\-.]*(?:[ \t]+[A-Z][\w'\-.]*){1,4}?))"
    r"(?:'s?)?\s+"
    r"(?:responds?|response|says?|said|praises|welcomes|slams|hits\s+out|statement|reacts"
    r"|comments?|rejects|refutes|disputes|defends|criticises|calls)\b"
    r"|^(?:statement|response|comments?)\s+(?:from|by)\s+(?P<name2>(?-i:[A-Z])[^\n]{2,60}?)"
    r"(?:\s+(?:on|to|responding|about|regarding)\b|$)"
    r"|\s[-\u2013|]\s+(?P<name3>(?-i:[A-Z])[^-\u2013|\n]{3,40})$",
    re.IGNORECASE,
)
_RESPONSE_OF = re.compile(
    r"(?P<name>[A-Z][\w'\-\u00c0-\u024f]+(?:[ \t]+[A-Z][\w'\-\u00c0-\u024f]+){1,3})'s?[ \t]+"
    r"(?:response|reply|responses|statement|comments)[ \t]+(?:to|on)\b"
)
_RECIPIENT_NAMES = {person.name.lower() for person in RECIPIENTS}


@dataclass(frozen=True)
class Speaker:
    name: Name
    start: int  # span of the bare name in the text
    end: int
    title: Title | None
    score: float


def _name_at(folded: str, offset: int, limit: int) -> tuple[Name, int] | None:
    """The name starting at ``offset`` (a run of capitalised words): its Name and start."""
    run = _RUN.match(folded, offset, limit)
    if run is None:
        return None
    words = run.group().split()
    # The longest reading of at most four words: "Jane Doe" in "Jane Doe Police ...".
    for count in range(min(len(words), 4), 1, -1):
        phrase = " ".join(words[:count])
        name = read_name(phrase, prose=True)
        if name is not None:
            return name, offset + name.offset
    return None


def _name_before(folded: str, offset: int, floor: int) -> tuple[Name, int] | None:
    """The name ending just before ``offset`` on its line: "Jane Doe, Kent's" + title."""
    text = folded[floor:offset]
    # "Jane Doe, who is the Police and Crime Commissioner", "Jane Doe (PCC)"
    text = re.sub(
        r"[\s,]*(?:who\s+is|who\s+was|as|in\s+(?:his|her)\s+role\s+as)\s+(?:the\s+)?$", "", text
    )
    text = re.sub(r"[\s,\-\u2013:(]*(?:the\s+)?$", "", text)
    places = [span for span in FORCE_NAMES.spans(text) if span[1] >= len(text) - 3]
    if places:
        text = re.sub(r"[\s,\-\u2013:]*(?:the\s+)?$", "", text[: places[-1][0]])
    text = re.sub(r"[\s,\-\u2013:]*(?:the\s+)?$", "", text)
    words = list(re.finditer(r"[^\s,;:()\"!?]+", text))
    for count in (3, 2):
        if len(words) < count:
            continue
        start = words[-count].start()
        name = read_name(text[start:], prose=True)
        if name is not None and name.offset + name.length >= len(text[start:]) - 1:
            return name, floor + start + name.offset
    return None


def _after_title(folded: str, title: Title) -> int:
    """Where a name would start after a title: past "(PCC)" and "for Kent," / "for Kent", or
    inside the brackets of "the Police and Crime Commissioner (Jane Doe)"."""
    position = title.end
    bracketed = re.compile(r"[ \t]*\((?=[A-Z][a-z])").match(folded, position)
    if bracketed and not re.match(r"[A-Z]{2,6}\)", folded[bracketed.end() : bracketed.end() + 7]):
        return bracketed.end()
    paren = re.compile(r"[ \t]*\((?:the\s+)?[A-Za-z]{2,6}\)").match(folded, position)
    if paren:
        position = paren.end()
    place = re.compile(r"[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?", re.IGNORECASE).match(
        folded, position
    )
    if place:
        spans = FORCE_NAMES.spans(folded[place.end() : place.end() + 60])
        if spans and spans[0][0] == 0:
            position = place.end() + spans[0][1]
        else:
            comma = re.compile(r"[^,.\n]{1,50},").match(folded, place.end())
            position = comma.end() if comma else position
    separator = re.compile(r"[ \t]*(?:[,:\-\u2013][ \t]*)?(?:[ \t]*\n[ \t]*)?").match(
        folded, position
    )
    return separator.end() if separator else position


def _speaks(folded: str, start: int, end: int) -> bool:
    return bool(
        _SPEECH_AFTER.match(folded[end : end + 140])
        or _SPEECH_BEFORE.search(folded, max(0, start - 40), start)
    )


def _bound(folded: str, titles: list[Title], lines: list[Line]) -> list[Speaker]:
    """Names written beside a commissioner's title."""
    found = []
    for title in titles:
        line = line_at(lines, title.start)
        readings = []
        after = _name_at(folded, _after_title(folded, title), min(len(folded), title.end + 120))
        if after and _address_line(folded, after):
            after = None
        if after:
            readings.append((after, after[1] + after[0].length))
        if not title.short or title.text.isupper():
            before = _name_before(folded, title.start, max(line.start, title.start - 80))
            if before:
                readings.append((before, title.end))
        for (name, start), clause_end in readings:
            end = start + name.length
            score = 10 + 5 * _speaks(folded, start, clause_end)
            found.append(Speaker(name, start, end, title, score))
    return found


# An address goes on after a comma with a town or a postcode: ", Nettleham", ", LN2 2LT".
_ADDRESS_GOES_ON = re.compile(r",[ \t]*(?:[A-Z][a-z]+|[A-Z]{1,2}\d)")


def _address_line(folded: str, reading: tuple[Name, int]) -> bool:
    """Whether a "name" under a letterhead's title is its address: "Deepdale Lane, Nettleham"
    (an address word last, then a town or postcode after a comma), unless it speaks
    ("Michael Lane, the PCC, said")."""
    name, start = reading
    end = start + name.length
    if name.name.split()[-1].lower() not in ADDRESS_WORDS:
        return False
    town = _ADDRESS_GOES_ON.match(folded, end)
    return town is not None and not _speaks(folded, start, end)


def _unbound(folded: str) -> list[Speaker]:
    """Names reported as speaking, with no title beside them: "In a statement Jane Doe said"."""
    found = []
    for match in re.finditer(_SPEECH, folded):
        # "Jane Doe said" / "said Jane Doe"
        head = folded[max(0, match.start() - 60) : match.start()]
        trailing = re.search(
            r"([A-Z][\w'\-\u00c0-\u024f]+(?:[ \t]+[A-Z][\w'\-\u00c0-\u024f]+){1,3})"
            r"(?:[ \t]+(?:has|have|had|also|then|today))?[ \t]+$",
            head,
        )
        if trailing:
            start = match.start() - len(head) + trailing.start(1)
            name = read_name(trailing.group(1), prose=True)
            if name:
                found.append(
                    Speaker(
                        name, start + name.offset, start + name.offset + name.length, None, 6 + 5
                    )
                )
        follow = _name_at(folded, match.end() + 1, min(len(folded), match.end() + 60))
        if follow and folded[match.end() : match.end() + 1] in (" ", "\t"):
            name, start = follow
            found.append(Speaker(name, start, start + name.length, None, 6 + 5))
    return found


def _headline(folded: str, headline: Line | None, lines: list[Line]) -> list[Speaker]:
    """The responder a headline or a page's opening names ("Jane Doe responds to ...")."""
    found = []
    candidates = [headline] if headline else []
    candidates += [line for line in lines[:12] if not line.blank][:4]
    for line in dict.fromkeys(candidates):
        # The headline as printed, wrapped onto a second line or not (``folded`` is unwrapped).
        end = folded.find("\n", line.start)
        match = _HEADLINE_SPEAKER.search(folded[line.start : len(folded) if end < 0 else end])
        if not match:
            continue
        group = next(g for g in ("name", "name2", "name3") if match.group(g))
        start = line.start + match.start(group)
        reading = _name_at(folded, start, line.start + match.end(group))
        if reading:
            name, name_start = reading
            found.append(Speaker(name, name_start, name_start + name.length, None, 8))
    for match in _RESPONSE_OF.finditer(folded):
        name = read_name(match.group("name"), prose=True)
        if name:
            start = match.start("name") + name.offset
            found.append(Speaker(name, start, start + name.length, None, 8))
    return found


def _author(folded: str, lines: list[Line]) -> list[Speaker]:
    """A first-person page under its author's name: the name alone on the page's first line, or
    a body that says "I ... Police and Crime Commissioner"."""
    first = next((line for line in lines if not line.blank), None)
    if first is None or not _FIRST_PERSON.search(folded):
        return []
    name = read_name(first.stripped)
    if name is None:
        return []
    start = first.start + first.text.find(name.name.split()[0])
    score = 4 + 4 * bool(_SELF_TITLE.search(folded))
    return [Speaker(name, start, start + name.length, None, score)]


def _other_role(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - 60) : start]
    after = folded[end : end + 60]
    # An honorific between the role and the name: "Chief Constable Sir Jane Doe".
    before = re.sub(r"(?:\b(?:sir|dame|dr|mr|mrs|ms|lord|lady)\.?[ \t]+)+$", "", before, flags=re.I)
    return bool(_ROLE_BEFORE.search(before) or _ROLE_AFTER.match(after))


def _roles(folded: str, speakers: list[Speaker]) -> set[str]:
    """Names the text gives another role anywhere (one mention is enough)."""
    others = set()
    for match in _ROLE_ANYWHERE.finditer(folded):
        limit = min(len(folded), match.end() + 80)
        reading = _name_at(folded, _skip_gap(folded, match.end()), limit)
        if reading:
            others.add(reading[0].name)
    for name in {speaker.name.name for speaker in speakers}:
        if name.lower() in _RECIPIENT_NAMES:
            others.add(name)
            continue
        for mention in re.finditer(re.escape(name), folded):
            if _other_role(folded, mention.start(), mention.end()):
                others.add(name)
                break
    return others


def _credit_titles(folded: str, titles: list[Title], bound: list[Speaker]) -> list[Speaker]:
    """ "The Deputy Mayor said": a title that speaks on its own credits the names it is given."""
    named = {(speaker.title.start if speaker.title else -1) for speaker in bound}
    speaking = {
        title.key
        for title in titles
        if title.start not in named and _speaks(folded, title.start, title.end)
    }
    return [
        Speaker(s.name, s.start, s.end, s.title, s.score + 4)
        if s.title is not None and s.title.key in speaking
        else s
        for s in bound
    ]


def _skip_gap(folded: str, offset: int) -> int:
    gap = re.compile(r"[ \t]*(?:,[ \t]*)?(?:(?:sir|dame|dr|mr|mrs|ms|lord|lady)\.?[ \t]+)*", re.I)
    return gap.match(folded, offset).end()


def _credit_surnames(folded: str, speakers: list[Speaker], others: set[str]) -> list[Speaker]:
    """ "Mr Doe said", "Commissioner Doe": credit the first full name with that surname, or
    find that full name elsewhere in the text (a caption, "wants Jane Doe to attend")."""
    credited: dict[str, float] = {}
    for match in _SURNAME_MENTION.finditer(folded):
        surname = match.group("surname")
        titled = match.group("title").lower() in ("commissioner", "pcc", "pfcc", "mayor")
        speaking = _speaks(folded, match.start(), match.end())
        if titled or speaking:
            credited[surname] = max(credited.get(surname, 0), 5 if speaking else 3)
    result = []
    seen: set[str] = set()
    for speaker in sorted(speakers, key=lambda s: s.start):
        surname = speaker.name.name.split()[-1]
        bonus = 0
        if surname in credited and surname not in seen and speaker.name.name not in others:
            bonus = credited[surname]
            seen.add(surname)
        result.append(
            Speaker(speaker.name, speaker.start, speaker.end, speaker.title, speaker.score + bonus)
        )
    for surname, bonus in credited.items():
        if surname in seen:
            continue
        full = re.search(
            r"\b([A-Z][\w'\-\u00c0-\u024f]+[ \t]+)" + re.escape(surname) + r"\b", folded
        )
        name = read_name(full.group(), prose=True) if full else None
        if name and name.name not in others and name.name.split()[-1] == surname:
            start = full.start() + name.offset
            result.append(Speaker(name, start, start + name.length, None, 4 + bonus))
    return result


def find_speaker(
    folded: str,
    lines: list[Line],
    *,
    force: str | None,
    headline: Line | None,
    captions: frozenset[int] = frozenset(),
    body_start: int = 0,
) -> Speaker | None:
    """The commissioner a statement names as giving its response, or None."""
    chief_is_commissioner = force in ("Metropolitan Police Service", "City of London Police")
    titles = [
        title
        for title in prose_titles(folded, chief_is_commissioner=chief_is_commissioner)
        if title.key not in ("mayor", "deputy-mayor") or force in MAYORAL_FORCES or not title.short
    ]
    bound = _bound(folded, titles, lines)
    loose = _headline(folded, headline, lines)
    if titles or loose:
        loose += _unbound(folded)
    loose += _author(folded, lines)
    bound = _credit_titles(folded, titles, bound)
    speakers = bound + loose
    others = _roles(folded, speakers)
    speakers = [s for s in speakers if s.name.name not in others]
    speakers = _credit_surnames(folded, speakers, others)
    if not speakers:
        return None
    ranked = []
    for speaker in speakers:
        score = speaker.score
        line = line_at(lines, speaker.start)
        if line.index in captions:
            score -= 3
        elif speaker.start < body_start and speaker.title is not None:
            score -= 1
        ranked.append((score, -speaker.start, speaker))
    best = max(ranked, key=lambda item: (item[0], item[1]))[2]
    return _best_spelling(folded, best, speakers)


def _same_person(one: str, other: str) -> bool:
    """Two spellings of one name: "Mark Burns-Williamson" and "Mark Burns Williamson", "Philip
    Seccombe" and "Phillip Seccombe" (one letter apart)."""
    if re.sub(r"[^a-z]", "", one.lower()) == re.sub(r"[^a-z]", "", other.lower()):
        return True
    first, second = one.split(), other.split()
    if len(first) != len(second) or first[-1] != second[-1]:
        return False
    return all(_one_edit(a.lower(), b.lower()) for a, b in zip(first, second, strict=True))


def _one_edit(one: str, other: str) -> bool:
    if one == other:
        return True
    if abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        return sum(a != b for a, b in zip(one, other, strict=True)) == 1
    shorter, longer = sorted((one, other), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _best_spelling(folded: str, best: Speaker, speakers: list[Speaker]) -> Speaker:
    """Where the text spells the commissioner's name two ways, the spelling it uses more often
    (a typo is the rarer spelling), then the hyphenated one (a hyphen is dropped more often than
    added), then the first."""
    spellings = [s for s in speakers if _same_person(s.name.name, best.name.name)]
    if len({s.name.name for s in spellings}) < 2:
        return best

    def weight(speaker: Speaker) -> tuple[int, bool, int]:
        pattern = r"\s+".join(re.escape(part) for part in speaker.name.name.split())
        uses = len(re.findall(r"\b" + pattern + r"\b", folded))
        return uses, "-" in speaker.name.name, -speaker.start

    return max(spellings, key=weight)
