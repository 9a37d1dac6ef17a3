"""A letter's original file and its text as read: linked from its page, served safely."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.builders import make_letter
from tests.letters.formats import builders

pytestmark = pytest.mark.django_db

TEXT = "Dear Mr Wilsher,\n\nI write in response to your report on Kent Police.\n"


def _with_original(data: bytes, fmt: str, name: str, **kwargs):
    letter = make_letter(
        source=f"letters/{name}", format=fmt, sha256=hashlib.sha256(data).hexdigest(), **kwargs
    )
    letter.original.save(name, ContentFile(data))
    return letter


def test_a_pdf_opens_inline_with_its_own_content_type(client, django_assert_num_queries):
    data = builders.text_pdf(TEXT)
    letter = _with_original(data, "pdf", "kent.pdf")

    with django_assert_num_queries(1):
        response = client.get(reverse("letters:letter_original", args=[letter.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="kent.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == data


def test_a_web_page_downloads_and_cannot_run_as_a_page_of_the_site(client):
    data = b"<html><body><script>alert(1)</script><p>Dear Mr Wilsher,</p></body></html>"
    letter = _with_original(data, "html", "response.html")

    response = client.get(reverse("letters:letter_original", args=[letter.pk]))

    assert response["Content-Type"] == "text/html"
    assert response["Content-Disposition"] == 'attachment; filename="response.html"'
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == data


def test_a_word_document_downloads(client):
    data = builders.word_document(TEXT)
    letter = _with_original(data, "docx", "response.docx")

    response = client.get(reverse("letters:letter_original", args=[letter.pk]))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == 'attachment; filename="response.docx"'
    assert b"".join(response.streaming_content) == data


def test_no_original_kept_is_404_and_not_linked(client):
    letter = make_letter()

    response = client.get(reverse("letters:letter_original", args=[letter.pk]))
    page = client.get(letter.get_absolute_url()).content.decode()

    assert response.status_code == 404
    assert reverse("letters:letter_original", args=[letter.pk]) not in page
    assert reverse("letters:letter_text", args=[letter.pk]) in page


def test_an_original_missing_from_storage_is_404(client):
    letter = _with_original(b"%PDF-1.7", "pdf", "gone.pdf")
    letter.original.storage.delete(letter.original.name)

    response = client.get(reverse("letters:letter_original", args=[letter.pk]))

    assert response.status_code == 404


def test_the_original_answers_only_safe_methods(client):
    letter = _with_original(b"%PDF-1.7", "pdf", "kent.pdf")

    response = client.post(reverse("letters:letter_original", args=[letter.pk]))

    assert response.status_code == 405


def test_the_text_as_read_is_plain_text(client, django_assert_num_queries):
    letter = make_letter(text=TEXT, source="letters/kent.pdf", format="pdf")

    with django_assert_num_queries(1):
        response = client.get(reverse("letters:letter_text", args=[letter.pk]))

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="kent.txt"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.decode() == TEXT


def test_the_letter_page_links_its_original_and_text_and_says_it_was_ocr(
    client, django_assert_num_queries
):
    letter = _with_original(builders.text_pdf(TEXT), "pdf", "scan.pdf", ocr_confidence=93.6)

    with django_assert_num_queries(3):
        page = client.get(letter.get_absolute_url()).content.decode()

    assert (
        f'<a href="{reverse("letters:letter_original", args=[letter.pk])}">The original PDF</a>'
        in page
    )
    text_url = reverse("letters:letter_text", args=[letter.pk])
    assert f'<a href="{text_url}">The text as read from the PDF</a>' in page
    assert "read by OCR, 94% confidence" in page


def test_the_admin_links_the_original_through_the_safe_view(admin_client):
    letter = _with_original(builders.text_pdf(TEXT), "pdf", "kent.pdf")

    page = admin_client.get(reverse("admin:letters_letter_change", args=[letter.pk]))

    original_url = reverse("letters:letter_original", args=[letter.pk])
    assert f'<a href="{original_url}">kent.pdf</a>' in page.content.decode()
    assert b"/media/" not in page.content
