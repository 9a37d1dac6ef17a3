"""Stored letters read against a changed registry (letters.loading.relink)."""

import datetime as dt

import pytest
from django.core.management import call_command

from inspections.models import Commissioner, CommissionerTerm
from letters.loading.relink import relink_letters
from letters.models import Attribution, Letter
from letters.parsing import ParsedPerson
from tests.builders import get_force, make_commissioner, make_letter
from tests.letters.loading.examples import parsed_letter, store

pytestmark = pytest.mark.django_db


def test_a_new_term_links_letters_that_named_someone_not_yet_in_office():
    store(parsed_letter(commissioner=ParsedPerson("Ann Newcomer", 0, 12, title_key="pcc")))
    letter = Letter.objects.get()
    assert letter.commissioner_review
    newcomer = make_commissioner(name="Ann Newcomer", term={"start": dt.date(2024, 5, 9)})

    summary = relink_letters()

    letter.refresh_from_db()
    assert (letter.commissioner, letter.commissioner_review) == (newcomer, False)
    assert letter.commissioner_attribution == Attribution.NAMED
    assert not any("Ann Newcomer" in warning for warning in letter.warnings)
    assert letter.warnings[0] == "a parser warning"
    assert (summary.read, summary.changed) == (1, 1)


def test_letters_loaded_before_the_registry_move_to_registered_people():
    gmp = get_force("greater-manchester")
    old = make_commissioner(name="Andrew Burnham", slug="old", force=gmp, registered=False)
    junk = make_commissioner(name="Skip Content", slug="junk", force=gmp, registered=False)
    kept = make_commissioner(name="Hand Made", slug="hand", force=gmp, registered=False)
    kept.mark_edited(["name"])
    kept.save()
    signed = make_letter(
        force=gmp,
        date=dt.date(2019, 3, 1),
        commissioner=old,
        commissioner_name_as_written="Andrew Burnham",
        commissioner_attribution=Attribution.NAMED,
    )
    furniture = make_letter(
        force=gmp,
        date=dt.date(2019, 3, 1),
        commissioner=junk,
        commissioner_name_as_written="Skip Content",
        commissioner_attribution=Attribution.NAMED,
    )

    call_command("relink_commissioners", verbosity=0)

    signed.refresh_from_db()
    furniture.refresh_from_db()
    assert signed.commissioner.name == "Andy Burnham"
    assert furniture.commissioner is None and furniture.commissioner_review
    assert not Commissioner.objects.filter(pk__in=[old.pk, junk.pk]).exists()
    assert Commissioner.objects.filter(pk=kept.pk).exists()  # a person's work is kept
    assert (
        not Commissioner.objects.exclude(pk=kept.pk)
        .exclude(pk__in=CommissionerTerm.objects.values("commissioner"))
        .exists()
    )


def test_a_staff_choice_is_left_alone():
    store(parsed_letter(commissioner=ParsedPerson("Skip Content", 0, 12, title_key="pcc")))
    letter = Letter.objects.get()
    letter.commissioner = Commissioner.objects.get(name="Rupert Matthews")
    letter.mark_edited(["commissioner"])
    letter.save()

    assert relink_letters().read == 0
