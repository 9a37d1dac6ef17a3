"""pccsite.listing: the generic pieces of both apps' list pages."""

from pccsite.listing import PlainSelect, then_pk


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
