import re
from html import unescape

import pytest

from inspections.models import AreaForImprovement, Commissioner, Grade
from letters.loading import load_letters
from letters.models import Attribution, Letter
from tests.builders import make_answered_inspection, make_grade, make_letter

pytestmark = pytest.mark.django_db


def test_letter_detail_marks_every_fact_with_its_id(client):
    letter = make_answered_inspection().letters.get()
    grade = Grade.objects.get(area="preventing-crime")
    afi = AreaForImprovement.objects.get()

    content = client.get(letter.get_absolute_url()).content.decode()

    assert f'<mark id="grade-{grade.pk}" class="fact fact--grade"' in content
    assert "Preventing crime (&quot;outstanding&quot; grade)</mark>" in content
    assert f'<mark id="afi-{afi.pk}" class="fact fact--finding"' in content
    assert f'<mark id="afi-{afi.pk}-response"' in content
    assert '<mark id="fact-force"' in content and '<mark id="fact-commissioner"' in content
    assert f'href="#grade-{grade.pk}"' in content


def test_letter_detail_links_facts_to_their_pages(client):
    letter = make_answered_inspection().letters.get()

    content = client.get(letter.get_absolute_url()).content.decode()

    assert f'href="{letter.force.get_absolute_url()}"' in content
    assert f'href="{letter.commissioner.get_absolute_url()}"' in content
    assert f'href="{letter.inspection.get_absolute_url()}"' in content
    assert letter.file_name in content


def test_letter_detail_escapes_the_letter_text(client):
    letter = make_letter(text="<script>alert(1)</script> Dear Sir", spans={"date": [0, 8]})

    content = client.get(letter.get_absolute_url()).content.decode()

    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Dear Sir" in content.replace(
        '<mark id="fact-date" class="fact fact--field" title="Date of the letter">', ""
    ).replace("</mark>", "")


def test_letter_detail_with_no_facts_says_so(client):
    letter = make_letter(force=None, date=None)

    content = client.get(letter.get_absolute_url()).content.decode()

    assert "No grades named." in content and "None listed." in content
    assert "Not found" in content


def test_letter_detail_shows_summary_disagreement(client):
    letter = make_answered_inspection().letters.get()

    content = client.get(letter.get_absolute_url()).content.decode()

    assert "Good: the letter counts 2 but names 1." in content


def test_letter_detail_compares_only_the_counts_the_letter_states(client):
    inspection = make_answered_inspection()  # counts 1 outstanding and 2 good, names 1 and 1
    letter = inspection.letters.get()
    make_grade(inspection=inspection, letter=letter, area="workforce", grade="adequate")

    content = client.get(letter.get_absolute_url()).content.decode()

    assert "Good: the letter counts 2 but names 1." in content
    assert "Adequate: the letter counts" not in content


def test_letter_detail_unknown_is_404(client):
    assert client.get("/letters/999999/").status_code == 404


def test_letter_detail_shows_the_letterhead_in_bold_without_its_markup(client, seeds_dir):
    load_letters(paths=[seeds_dir / "001_439538cb42c9acce.txt"])
    letter = Letter.objects.get()
    grade = letter.grades.first()

    content = client.get(letter.get_absolute_url()).content.decode()

    body = content[content.index('<div class="letter-body">') :]
    assert "<strong>POLICE &amp; CRIME\nCOMMISSIONER</strong>" in body
    assert "**" not in body
    marked = re.search(rf'<mark id="{grade.anchor}"[^>]*>(.*?)</mark>', body, re.DOTALL)
    assert unescape(marked.group(1)) == letter.text[grade.start : grade.end] == grade.quote


def test_letter_page_says_how_its_commissioner_was_read(client):
    matthews = Commissioner.objects.get(name="Rupert Matthews")
    inferred = make_letter(commissioner=matthews, commissioner_attribution=Attribution.INFERRED)
    respelt = make_letter(
        commissioner=matthews,
        commissioner_name_as_written="Rupert Mathews",
        commissioner_attribution=Attribution.NAMED,
    )
    unmatched = make_letter(
        commissioner_name_as_written="Skip Content",
        commissioner_attribution=Attribution.NOT_IN_OFFICE,
        commissioner_review=True,
    )

    pages = {
        name: client.get(letter.get_absolute_url()).content.decode()
        for name, letter in [("inferred", inferred), ("respelt", respelt), ("unmatched", unmatched)]
    }

    assert "Inferred from the date: the text names no commissioner" in pages["inferred"]
    assert (
        "Written “Rupert Mathews” in the letter; the registry’s name is Rupert" in pages["respelt"]
    )
    assert "The letter names “Skip Content”, whom the registry" in pages["unmatched"]
    assert "<dd>Skip Content" in pages["unmatched"]
