"""pccsite.listing: the generic pieces of both apps' list pages."""

import pytest

from pccsite.listing import PlainSelect, then_pk
from tests.builders import make_letter


def test_then_pk_ends_every_ordering_with_the_primary_key():
    assert then_pk("force__name") == ("force__name", "pk")


def test_plain_select_marks_the_chosen_option_and_escapes_labels():
    select = PlainSelect(choices=[("", "Anyone"), (1, "Jane <Smith>"), (2, "Ann Jones")])

    html = select.render("commissioner", "1", attrs={"id": "id_commissioner"})

    assert html == (
        '<select id="id_commissioner" name="commissioner">'
        '<option value="">Anyone</option>'
        '<option value="1" selected>Jane &lt;Smith&gt;</option>'
        '<option value="2">Ann Jones</option></select>'
    )


# Issue 10, item 2: ?per_page= took any size (100000 rendered 2.9 MB in 2 s) and -1 was a 500.
@pytest.fixture
def sixty_letters(db):
    return [make_letter() for _ in range(60)]


def _rows(response):
    return len(response.context["table"].page.object_list)


@pytest.mark.parametrize("size", ["-1", "0", "100000", "abc", "1e3", "30", ""])
def test_listing_answers_a_size_not_offered_with_the_default(client, sixty_letters, size):
    response = client.get("/letters/", {"per_page": size})

    assert response.status_code == 200
    assert _rows(response) == 25


@pytest.mark.parametrize("size", [25, 50, 100])
def test_listing_offers_a_short_list_of_sizes(client, sixty_letters, size):
    response = client.get("/letters/", {"per_page": size})

    assert _rows(response) == min(size, 60)


def test_listing_pages_through_with_the_size_chosen(client, sixty_letters):
    response = client.get("/letters/", {"per_page": 50, "page": 2})

    assert _rows(response) == 10
    assert "per_page=50" in response.content.decode()
