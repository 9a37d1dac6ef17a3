"""Where each extracted fact came from, in words: read by the parser, corrected or confirmed.

Every Curated row knows which of its fields a person corrected (``edited_fields``), who last
corrected it and when (``corrected_by``, ``corrected_at``), and who confirmed it and when
(``confirmed_by``, ``confirmed_at``); the letter it was read from knows the parser's version.
``provenance`` turns that into one line per fact, for the review screen (names the person) and
the public pages (say "staff": a reader needs to know a person checked it, not who).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

PARSED = "parsed"
CORRECTED = "corrected"
CONFIRMED = "confirmed"


@dataclass(frozen=True)
class Provenance:
    kind: str  # PARSED, CORRECTED or CONFIRMED
    text: str  # "corrected by staff on 7 December 2026"
    said: str = ""  # what the letter itself says, for a corrected fact

    @property
    def checked(self) -> bool:
        return self.kind != PARSED


def _on(when) -> str:
    if when is None:
        return ""
    return f" on {date_format(timezone.localtime(when).date())}"


def _who(user, public: bool) -> str:
    if public or user is None:
        return "staff"
    return user.get_username()


def provenance(
    row, field: str, parser_version: str, *, public: bool = True, said: str = ""
) -> Provenance:
    """Where ``row``'s ``field`` came from. ``public`` says "staff" for the person (and reads
    no user row); ``said`` is the letter's own words, kept beside a correction."""
    if field in (row.edited_fields or ()) or (field == "deleted" and getattr(row, field, False)):
        who = _who(row.corrected_by if not public else None, public)
        return Provenance(CORRECTED, f"corrected by {who}{_on(row.corrected_at)}", said)
    if row.confirmed_at is not None:
        who = _who(row.confirmed_by if not public else None, public)
        return Provenance(CONFIRMED, f"confirmed by {who}{_on(row.confirmed_at)}")
    version = f" (version {parser_version})" if parser_version else ""
    return Provenance(PARSED, f"read by the parser{version}")
