"""Who signed, read against the registry of who was in office (letters.loading.registry).

The test database holds the real registry (data/reference, imported in tests/conftest.py), so
these are the real terms: Avon and Somerset's 2024 election (Mark Shelford's term ended on 8
May 2024, Clare Moody's began on 9 May), Greater Manchester's mayor and deputy mayor, the
City of London's month-precision handover of May 2016.
"""

import datetime as dt

import pytest

from inspections.models import Commissioner
from letters.loading import Registry
from letters.loading.registry import INFERRED, NAMED, NOT_IN_OFFICE, Signer
from letters.models import Attribution, Letter
from letters.parsing import ParsedPerson
from tests.letters.loading.examples import TEXT, parsed_letter, span, store

pytestmark = pytest.mark.django_db

AVON = "Avon and Somerset Constabulary"
GMP = "Greater Manchester Police"
ELECTION_EVE, ELECTED = dt.date(2024, 5, 8), dt.date(2024, 5, 9)


@pytest.fixture
def registry():
    return Registry.load()


def resolve(registry, force, name=None, on=None, title="", **kwargs):
    signer = Signer(name, title=title) if name else None
    return registry.resolve(force=force, signer=signer, on=on, **kwargs)


@pytest.mark.parametrize(
    ("on", "name", "attribution"),
    [
        (ELECTION_EVE, "Mark Shelford", NAMED),
        (ELECTED, "Mark Shelford", NOT_IN_OFFICE),
        (ELECTION_EVE, "Clare Moody", NOT_IN_OFFICE),
        (ELECTED, "Clare Moody", NAMED),
    ],
)
def test_a_name_resolves_only_within_the_term(registry, on, name, attribution):
    resolution = resolve(registry, AVON, name, on)

    assert resolution.attribution == attribution
    assert resolution.registered == (name if attribution == NAMED else None)
    assert resolution.review == (attribution == NOT_IN_OFFICE)


@pytest.mark.parametrize(
    ("on", "holder"), [(ELECTION_EVE, "Mark Shelford"), (ELECTED, "Clare Moody")]
)
def test_an_unsigned_letter_is_the_office_holders_on_its_date(registry, on, holder):
    resolution = resolve(registry, AVON, on=on)

    assert (resolution.attribution, resolution.registered, resolution.title) == (
        INFERRED,
        holder,
        "pcc",
    )
    assert "inferred from its date" in resolution.warnings[0]


def test_undated_letters_use_the_inspections_publication_date(registry):
    resolution = resolve(registry, AVON, published=ELECTED)

    assert resolution.registered == "Clare Moody"
    assert "inferred from its inspection's publication date" in resolution.warnings[0]


def test_a_letter_with_no_date_at_all_is_read_against_every_holder_of_the_office(registry):
    assert resolve(registry, AVON, "Sue Mountstevens").registered == "Sue Mountstevens"
    assert resolve(registry, AVON).attribution == ""  # nothing to infer from


@pytest.mark.parametrize(
    ("name", "force", "on", "registered"),
    [
        ("Bev Hughes", GMP, dt.date(2019, 3, 1), "Beverley Hughes"),
        ("Andrew M Burnham", GMP, dt.date(2022, 10, 28), "Andy Burnham"),
        ("Kathyn Holloway", "Bedfordshire Police", dt.date(2017, 3, 1), "Kathryn Holloway"),
        ("Zoe Metcalfe", "North Yorkshire Police", dt.date(2022, 6, 1), "Zoë Metcalfe"),
        ("Sir Sadiq Khan", "Metropolitan Police Service", dt.date(2025, 1, 1), "Sadiq Khan"),
    ],
)
def test_variants_and_misspellings_resolve_to_the_registered_person(
    registry, name, force, on, registered
):
    resolution = resolve(registry, force, name, on)

    assert (resolution.attribution, resolution.registered, resolution.review) == (
        NAMED,
        registered,
        False,
    )


def test_a_deputy_mayor_signs_their_own_letter_but_the_mayor_holds_the_office(registry):
    signed = resolve(registry, GMP, "Baroness Beverley Hughes", dt.date(2019, 3, 1))
    unsigned = resolve(registry, GMP, on=dt.date(2019, 3, 1))

    assert (signed.registered, signed.title) == ("Beverley Hughes", "deputy-mayor")
    assert (unsigned.registered, unsigned.title) == ("Andy Burnham", "mayor")


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Mark Rowley", "Commissioner of Police of the Metropolis"),
        ("Cressida Dick", ""),
        ("Sadiq Khan", "Metropolitan Police Commissioner"),  # a registered name, a wrong office
        ("Sadiq Khan", "Chief Constable"),
    ],
)
def test_chief_officers_never_become_commissioners(registry, name, title):
    resolution = resolve(registry, "Metropolitan Police Service", name, dt.date(2022, 1, 5), title)

    assert resolution.commissioner is None
    assert resolution.review and resolution.attribution == NOT_IN_OFFICE


def test_a_commissioner_named_outside_their_term_is_reported_with_their_terms(registry):
    resolution = resolve(registry, "North Yorkshire Police", "Jo Coles", dt.date(2024, 3, 12))

    assert resolution.commissioner is None and resolution.review
    assert (
        "reads as Jo Coles (Deputy Mayor for Policing and Crime from 8 July 2024"
        in (resolution.warnings[0])
    )


def test_a_month_precision_handover_infers_nobody(registry):
    resolution = resolve(registry, "City of London Police", on=dt.date(2016, 5, 15))

    assert resolution.commissioner is None
    assert "Doug Barrow or Henry Pollard held the office" in resolution.warnings[0]


def test_a_text_that_is_not_a_response_or_is_addressed_to_the_holder_is_not_attributed(registry):
    not_a_response = resolve(registry, AVON, on=ELECTED, responds=False)
    addressed = resolve(registry, AVON, on=ELECTED, recipient="Clare Moody")

    assert not_a_response.commissioner is None and addressed.commissioner is None
    assert addressed.warnings == (
        "not written by a commissioner: no commissioner signs it (addressed to Clare Moody)",
    )


def test_the_loader_keeps_the_name_as_written_and_links_the_registered_person():
    parsed = parsed_letter(commissioner=ParsedPerson("Rupert Mathews", 0, 14, title_key="pcc"))

    store(parsed)

    letter = Letter.objects.select_related("commissioner").get()
    assert letter.commissioner.name == "Rupert Matthews"
    assert letter.commissioner.terms.exists()
    assert (letter.commissioner_name_as_written, letter.commissioner_attribution) == (
        "Rupert Mathews",
        Attribution.NAMED,
    )
    assert not letter.commissioner_review


def test_the_loader_never_adds_a_commissioner_for_a_name_nobody_held_office_under():
    people = Commissioner.objects.count()
    parsed = parsed_letter(commissioner=ParsedPerson("Skip Content", 0, 12, title_key="pcc"))

    store(parsed)

    letter = Letter.objects.get()
    assert Commissioner.objects.count() == people
    assert letter.commissioner is None and letter.commissioner_review
    assert letter.commissioner_name_as_written == "Skip Content"
    assert letter.commissioner_attribution == Attribution.NOT_IN_OFFICE
    assert letter.warnings[1].startswith("commissioner 'Skip Content' is nobody the registry")


def test_the_loader_attributes_an_unsigned_letter_and_says_so():
    store(parsed_letter(commissioner=None))

    letter = Letter.objects.select_related("commissioner").get()
    assert letter.commissioner.name == "Rupert Matthews"
    assert letter.commissioner_attribution == Attribution.INFERRED
    assert letter.commissioner_name_as_written == ""
    assert any("inferred from its date" in warning for warning in letter.warnings)


def test_a_staff_choice_of_commissioner_survives_a_reload():
    store(parsed_letter(commissioner=ParsedPerson("Skip Content", 0, 12, title_key="pcc")))
    letter = Letter.objects.get()
    chosen = Commissioner.objects.get(name="Rupert Matthews")
    letter.commissioner, letter.commissioner_review = chosen, False
    letter.mark_edited(["commissioner", "commissioner_review"])
    letter.save()
    later = parsed_letter(
        date=span(dt.date(2025, 1, 29), "28th January 2025"),
        commissioner=ParsedPerson("Skip Content", 0, 12, title_key="pcc"),
    )

    result = store(later, text=TEXT)

    letter.refresh_from_db()
    assert result.outcome == "updated"
    assert (letter.commissioner, letter.commissioner_review) == (chosen, False)
    assert letter.date == dt.date(2025, 1, 29)
