"""Every letter and everything read from it is rendered escaped, on every page that shows it.

A hostile letter goes through the real loader: markup, attribute-breaking quotes and
"javascript:" in its text and in the areas for improvement and responses it yields. The
parser reads names, titles and grade quotes only from words shaped like them, so markup in those
fields arrives as a staff correction would store it (saved on the loaded rows). Every page that
shows any of it must carry the escaped text and never the raw markup.
"""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from inspections.models import AreaForImprovement, Commissioner, Grade, Inspection
from letters.models import Letter

pytestmark = pytest.mark.django_db

HOSTILE_LETTER = """POLICE & CRIME COMMISSIONER
for Leicester, Leicestershire & Rutland

Date: 11th April 2023

His Majesty's Inspector of Constabulary
6th Floor Globe House

Dear Mr Wilsher,

I write in response to the report 'Leicestershire Police PEEL 2021/22 – Police effectiveness, \
efficiency and legitimacy' that was published on the 5th December 2022.

The force was graded "outstanding" in <script>alert("letter-text")</script> preventing crime, \
see <a href="javascript:alert('letter-link')">the report</a>.

The force did not receive any causes of concern, however did receive 2 areas for improvement.

AFI-1- The Force needs to <script>alert("afi-text")</script> improve "quotes" and 'apostrophes' \
<b onmouseover="alert('afi-bold')">bold</b> javascript:alert("afi-js").

Response: We will <iframe src="javascript:alert('afi-response')"></iframe> act "><svg \
onload=alert("afi-svg")>.

AFI 2- The Force should stop </textarea><script>alert("afi-textarea")</script>.

Response: Done & dusted <style>body{display:none}</style>.

Yours sincerely,

Rupert O'Brien-Matthews
Police and Crime Commissioner for Leicester, Leicestershire & Rutland
"""

# Corrections, as staff could type them into the admin.
HOSTILE_NAME = """Rupert "><script>alert("pcc")</script> O'Brien"""
HOSTILE_QUOTE = """graded "outstanding" '><img src=x onerror=alert("quote")>"""
HOSTILE_TITLE = """PEEL 2021/22 <script>alert("title")</script> "><a href='javascript:alert(1)'>"""

# Markup that must never reach a page as markup.
RAW = [
    "<script>alert(",
    '<a href="javascript:',
    "<a href='javascript:",
    "<b onmouseover",
    "<iframe src",
    "<svg onload",
    "<img src=x",
    "</textarea><script>",
    "<style>body",
    '"><script',
    "'><img",
]
# A javascript: URL in an attribute of a real tag; escaped markup never starts with a raw "<".
JAVASCRIPT_URL = re.compile(
    r"""<[a-z][^<>]*\s(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", re.I
)


def escaped(marker: str) -> str:
    """How the site's autoescaping writes alert("marker") inside a <script> tag."""
    return f"&lt;script&gt;alert(&quot;{marker}&quot;)&lt;/script&gt;"


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile-letter.txt"
    path.write_text(HOSTILE_LETTER, encoding="utf-8")
    call_command("load_letters", str(path), verbosity=0)

    letter = Letter.objects.get(file_name=path.name)
    afis = list(AreaForImprovement.objects.filter(letter=letter).order_by("number"))
    # The loader itself kept the markup: without it this test would prove nothing.
    assert "<script>" in letter.text
    assert '<script>alert("afi-text")</script>' in afis[0].text
    assert "<iframe" in afis[0].response

    commissioner = letter.commissioner
    commissioner.name = HOSTILE_NAME
    commissioner.save()
    grade = Grade.objects.filter(letter=letter).first()
    grade.quote = HOSTILE_QUOTE
    grade.save()
    inspection = letter.inspection
    inspection.title = HOSTILE_TITLE
    inspection.save()
    return {
        "letter": letter,
        "commissioner": Commissioner.objects.get(pk=commissioner.pk),
        "grade": grade,
        "inspection": Inspection.objects.get(pk=inspection.pk),
        "afis": afis,
    }


def assert_escaped(content: str, url: str, must_show: list[str]) -> None:
    for raw in RAW:
        assert raw not in content, (url, raw)
    match = JAVASCRIPT_URL.search(content)
    assert match is None, (url, content[max(match.start() - 80, 0) : match.end() + 80])
    for marker in must_show:
        assert marker in content, (url, marker)


def _public_pages(data):
    afi_text = escaped("afi-text")
    name = escaped("pcc")
    title = escaped("title")
    return {
        data["letter"].get_absolute_url(): [escaped("letter-text"), afi_text, name, title],
        data["letter"].force.get_absolute_url(): [afi_text, name, title, "alert(&quot;quote"],
        data["commissioner"].get_absolute_url(): [afi_text, name, title, "alert(&quot;quote"],
        data["inspection"].get_absolute_url(): [afi_text, title, "alert(&quot;quote"],
        "/": [name, title],
        "/forces/": [name],
        # The registry lists everyone: the hostile name is found by a filter.
        "/commissioners/?name=Rupert": [name],
        "/inspections/": [title],
        "/letters/": [name, title],
        "/areas-for-improvement/": [afi_text, escaped("afi-textarea"), title],
    }


def test_public_pages_render_hostile_letters_escaped(client, hostile):
    for url, must_show in _public_pages(hostile).items():
        response = client.get(url)

        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url, must_show)


def test_public_pages_keep_attribute_breaking_quotes_inside_attributes(client, hostile):
    content = client.get(hostile["letter"].get_absolute_url()).content.decode()

    assert "O&#x27;Brien" in content
    assert "&quot;&gt;&lt;svg" in content


def test_admin_pages_render_hostile_letters_escaped(admin_client, hostile):
    afi = hostile["afis"][0]
    pages = {
        reverse("admin:letters_letter_change", args=[hostile["letter"].pk]): [
            escaped("letter-text"),
            escaped("afi-textarea"),
        ],
        reverse("admin:inspections_commissioner_change", args=[hostile["commissioner"].pk]): [
            "alert(&quot;pcc&quot;)"
        ],
        reverse("admin:inspections_inspection_change", args=[hostile["inspection"].pk]): [
            "alert(&quot;title&quot;)"
        ],
        reverse("admin:inspections_grade_change", args=[hostile["grade"].pk]): [
            "alert(&quot;quote&quot;)"
        ],
        reverse("admin:inspections_areaforimprovement_change", args=[afi.pk]): [
            escaped("afi-text")
        ],
        reverse("admin:letters_letter_changelist"): [],
        reverse("admin:inspections_commissioner_changelist"): [escaped("pcc")],
        reverse("admin:inspections_inspection_changelist"): [escaped("title")],
        reverse("admin:inspections_areaforimprovement_changelist"): [],
    }
    for url, must_show in pages.items():
        response = admin_client.get(url)

        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url, must_show)
