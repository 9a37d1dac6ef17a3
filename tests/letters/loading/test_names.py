"""Names compared: what a letter writes against what the registry lists (letters.loading.names)."""

import pytest

from letters.loading.names import Name, best_matches, compare, fold


@pytest.mark.parametrize(
    ("written", "registered", "kind"),
    [
        ("Willy Bach", "Willy Bach", "exact"),
        ("Lord Willy Bach", "Willy Bach", "exact"),
        ("The Rt Hon Sadiq Khan MP", "Sadiq Khan", "exact"),
        ("Zoe Metcalfe", "Zoë Metcalfe", "exact"),
        ("MARK BURNS WILLIAMSON", "Mark Burns-Williamson", "exact"),
        ("Andrew Burnham", "Andy Burnham", "variant"),
        ("Andrew M Burnham", "Andy Burnham", "variant"),
        ("Bev Hughes", "Beverley Hughes", "variant"),
        ("Kate Green", "Kathryn Green", "variant"),
        ("Olly Martins", "Oliver Martins", "variant"),
        ("Steve Turner", "Stephen Turner", "variant"),
        ("J Campion", "John Campion", "variant"),
        ("John Vincent Dwyer", "John Dwyer", "variant"),
        ("Kathyn Holloway", "Kathryn Holloway", "spelling"),
        ("Dafydd Llewelyn", "Dafydd Llywelyn", "spelling"),
        ("Alison Hernandes", "Alison Hernandez", "spelling"),
    ],
)
def test_a_written_name_resolves_to_the_registered_person(written, registered, kind):
    match = compare(fold(written), fold(registered))

    assert match is not None and match.kind == kind


@pytest.mark.parametrize(
    ("written", "registered"),
    [
        ("Joy Allen", "David Allen"),  # same surname, another person
        ("Alan Billingham", "Alan Billings"),  # surnames 78 alike: another person
        ("John Campbell", "John Campion"),
        ("Mark Rowley", "Sadiq Khan"),
        ("Jo Coles", "Zoë Metcalfe"),
        ("Ben AdamsImage", "Ben Adams"),  # page furniture glued to a name
    ],
)
def test_another_name_does_not_resolve(written, registered):
    assert compare(fold(written), fold(registered)) is None


@pytest.mark.parametrize("junk", ["The Sussex", "Sussex", "Sir", "Mr Hogg", ""])
def test_a_one_word_remnant_is_no_name(junk):
    assert fold(junk) is None
    assert best_matches(junk, [(1, "Katy Bourne"), (2, "Ron Hogg")]) == (None, [])


@pytest.mark.parametrize("junk", ["North Yorkshire's", "Skip Content", "Message Type Icon"])
def test_page_furniture_matches_nobody(junk):
    people = [(1, "Julia Mulligan"), (2, "Zoë Metcalfe"), (3, "Philip Allott")]

    assert best_matches(junk, people) == (None, [])


def test_fold_drops_honorifics_post_nominals_and_middle_initials():
    assert fold("Dame Vera Baird QC") == Name("vera", "baird")
    assert fold("Cllr. Jane O’Brien") == Name("jane", "obrien")
    assert fold("Andrew M. Burnham") == Name("andrew", "burnham")


def test_best_matches_prefers_the_exact_name_and_reports_a_tie():
    people = [(1, "Andy Burnham"), (2, "Andrew Burnham")]

    match, keys = best_matches("Andrew Burnham", people)
    tie = best_matches("Drew Burnham", [(1, "Andrew Smith"), (2, "Andrew Burnham")])

    assert (match.kind, keys) == ("exact", [2])
    assert tie[1] == [2]
    assert best_matches("Andy Burnham", [(1, "Andrew Burnham"), (2, "Andrew Burnham")])[1] == [
        1,
        2,
    ]
