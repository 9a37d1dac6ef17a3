"""Read an admin page's form the way a browser would, so tests post the real form back.

data = form_data(admin_client.get(url))
data["grade"] = "inadequate"
admin_client.post(url, data)
"""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (self.form_id is None or attrs.get("id") == self.form_id):
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "image", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and name:
            self._select, self._select_first = name, None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in attrs:
                self.data[self._select] = value
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self._select:
            # A browser submits the first option of a single select when none is selected.
            self.data.setdefault(self._select, self._select_first or "")
            self._select = None
        elif tag == "textarea" and self._textarea:
            # A browser drops the one newline that follows <textarea>.
            self.data[self._textarea] = "".join(self._text).removeprefix("\n")
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def form_data(response, form_id: str | None = None) -> dict[str, str]:
    """The values a browser would submit from the page's form (the first, or ``form_id``)."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    return reader.data


def row_prefix(data: dict[str, str], obj) -> str:
    """The form prefix ("grades-0") of obj's row in an inline formset or list_editable list."""
    return next(
        key.removesuffix("-id")
        for key, value in data.items()
        if key.endswith("-id") and value == str(obj.pk)
    )
