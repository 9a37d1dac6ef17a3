"""Who signed: the name a letter gives, read against the registry of who was in office.

The parser returns the name as written; here it becomes a registered Commissioner or a question
for staff, never a new commissioner:

- The candidates are the terms of the letter's force in office on the letter's date, or,
  undated, on its inspection's publication date (a month-precision bound holds its whole
  month, so a handover month offers both holders). A text with neither date is read against
  everyone who has held the office for the force.
- A name that matches one candidate (letters.loading.names: honorifics, first-name variants
  and small misspellings) is that person ("named"); the name stays as written on the letter.
- A name that matches nobody in office is a warning and a review item ("not-in-office",
  ``Letter.commissioner_review``) with no commissioner: page furniture read as a name, a chief
  constable, the Metropolitan or City of London Police Commissioner (their titles are refused
  even when a name matches), or a commissioner named outside their term.
- A text that names nobody is attributed to the office-holder on its date ("inferred from the
  date"), unless it is not a commissioner's response (the parser's ``pcc_response``) or is
  addressed to that office-holder.

Deputy mayors: a statutory deputy mayor for policing signs for the mayor, and the registry
lists them as their own terms. A letter a deputy mayor signs is the deputy mayor's (the person
who wrote it, on their own commissioner page); the office-holder, whom an unsigned text is
attributed to and whom per-inspection figures count, is the mayor
(CommissionerTermQuerySet.office_holders).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from inspections.models import Commissioner, CommissionerTerm

from .names import best_matches

# Offices that sign letters but are never a force's commissioner: chief officers and inspectors.
OTHER_OFFICES = re.compile(
    r"\b(?:chief\s+constable|commissioner\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}police"
    r"|commissioner\s+of\s+the\s+metropolis|(?:metropolitan|met|city\s+of\s+london)\s+police"
    r"\s+commissioner|inspector\s+of\s+constabulary|chief\s+inspector)\b",
    re.IGNORECASE,
)
NAMED, INFERRED, NOT_IN_OFFICE = "named", "inferred", "not-in-office"
OTHER_OFFICE_REFUSAL = "not as the force's commissioner"


@dataclass(frozen=True)
class Resolution:
    """Whose letter it is, and what to tell staff."""

    commissioner: Commissioner | None = None
    title: str = ""  # the office key: the registry's on the day, else the letter's words
    attribution: str = ""  # named, inferred, not-in-office, or "" (nobody named or inferred)
    review: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def registered(self) -> str | None:
        return self.commissioner.name if self.commissioner is not None else None


@dataclass(frozen=True)
class Signer:
    """What the parser read about who signed (ParsedPerson), as the resolution needs it."""

    name: str
    title_key: str = ""
    title: str = ""


class Registry:
    """Every term of office, read once per load (about two hundred rows), by force name."""

    def __init__(self, terms: Iterable[CommissionerTerm]):
        self.terms: dict[str, list[CommissionerTerm]] = defaultdict(list)
        for term in terms:
            self.terms[term.commissioner.force.name].append(term)

    @classmethod
    def load(cls) -> Registry:
        return cls(CommissionerTerm.objects.select_related("commissioner__force").order_by("pk"))

    def resolve(
        self,
        *,
        force: str | None,
        signer: Signer | None,
        on: dt.date | None,
        published: dt.date | None = None,
        responds: bool = True,
        recipient: str | None = None,
    ) -> Resolution:
        """Who signed a letter of ``force`` dated ``on`` (else ``published``)."""
        day, basis = (on, "its date") if on else (published, "its inspection's publication date")
        if signer is not None:
            return self._named(force, signer, day, basis)
        return self._unnamed(force, day, basis, responds=responds, recipient=recipient)

    def _named(self, force, signer: Signer, day, basis) -> Resolution:
        name, title_key = signer.name, signer.title_key
        if force is None:
            return _review(title_key, f"{name!r} not read against the registry: no force found")
        if OTHER_OFFICES.search(signer.title or ""):
            return _review(
                title_key,
                f"{name!r} signs as {signer.title!r}, {OTHER_OFFICE_REFUSAL}: "
                "not taken as a commissioner",
            )
        terms = self.terms.get(force, [])
        candidates = [term for term in terms if day is None or _holds(term, day)]
        match, found = _people(name, candidates)
        if len(found) == 1:
            [person] = found
            held = [term for term in candidates if term.commissioner_id == person.pk]
            return Resolution(person, _title(held, title_key), NAMED)
        if len(found) > 1:
            names = " and ".join(sorted(person.name for person in found))
            return _review(title_key, f"{name!r} could be {names}: left for review")
        when = f"on {_day(day)} ({basis})" if day else "at any time"
        _, elsewhere = _people(name, terms)
        if elsewhere:
            ids = {person.pk for person in elsewhere}
            spans = "; ".join(
                f"{term.role_label} {term.span_label}"
                for term in terms
                if term.commissioner_id in ids
            )
            who = " or ".join(sorted(person.name for person in elsewhere))
            return _review(
                title_key,
                f"{name!r} reads as {who} ({spans}), not in office {when}: "
                "left for review, not attributed",
            )
        return _review(
            title_key,
            f"{name!r} is nobody the registry has in office for {force} {when}: "
            "left for review, not added as a commissioner",
        )

    def _unnamed(self, force, day, basis, *, responds: bool, recipient) -> Resolution:
        addressed = f" (addressed to {recipient})" if recipient else ""
        unsigned = f"not written by a commissioner: no commissioner signs it{addressed}"
        if not responds or force is None or day is None:
            return Resolution(warnings=(unsigned,))
        holders = [
            term
            for term in self.terms.get(force, [])
            if term.role != Commissioner.Title.DEPUTY_MAYOR and _holds(term, day)
        ]
        people = {term.commissioner_id: term.commissioner for term in holders}
        if recipient and _people(recipient, holders)[1]:
            return Resolution(warnings=(unsigned,))
        if len(people) != 1:
            who = " or ".join(sorted(person.name for person in people.values())) or "nobody"
            return Resolution(
                warnings=(
                    f"no commissioner named, and {who} held the office for {force} on "
                    f"{_day(day)}: not attributed",
                )
            )
        [person] = people.values()
        held = [term for term in holders if term.commissioner_id == person.pk]
        return Resolution(
            person,
            _title(held, ""),
            INFERRED,
            warnings=(
                f"no commissioner named: attributed to {person.name}, in office on "
                f"{_day(day)} (inferred from {basis})",
            ),
        )


def signer_of(person) -> Signer | None:
    """A ParsedPerson (or None) as the resolution reads it."""
    if person is None:
        return None
    return Signer(person.name, person.title_key, person.title)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _holds(term: CommissionerTerm, day: dt.date) -> bool:
    return term.start <= day and (term.end is None or day <= term.end)


def _people(name: str, terms: list[CommissionerTerm]):
    """The match and the distinct people among ``terms`` that ``name`` matches best."""
    registered = {term.commissioner_id: term.commissioner for term in terms}
    match, keys = best_matches(name, ((pk, person.name) for pk, person in registered.items()))
    return match, [registered[pk] for pk in keys]


def _title(held: list[CommissionerTerm], title_key: str) -> str:
    """The office the person held: the letter's own word for it if they held that one."""
    roles = [term.role for term in sorted(held, key=lambda term: term.start)]
    if title_key in roles:
        return title_key
    return roles[-1] if roles else title_key


def _review(title_key: str, warning: str) -> Resolution:
    return Resolution(None, title_key, NOT_IN_OFFICE, True, (f"commissioner {warning}",))
