"""``{% term "peel" %}``: a word linked to its glossary entry, the first time a page uses it.

Later uses on the same page print the word alone, so a page is not a thicket of links. "The
same page" is the request being rendered (includes render apart from their parent, so the
template context cannot tell).
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from inspections.glossary import TERMS_BY_KEY

register = template.Library()

SEEN = "_glossary_terms_linked"


@register.simple_tag(takes_context=True)
def term(context, key, text=""):
    """The term's words (``text``, else its name), linked to /glossary/#term-<key> on their
    first use in the request; an abbreviation is an <abbr> with what it stands for."""
    entry = TERMS_BY_KEY.get(key)
    if entry is None:
        raise template.TemplateSyntaxError(
            f"{{% term %}}: no glossary entry {key!r} (inspections/glossary.py has "
            f"{', '.join(sorted(TERMS_BY_KEY))})"
        )
    words = text or entry.name
    request = context.get("request")
    seen = getattr(request, SEEN, None) if request is not None else None
    if seen is None:
        seen = set()
        if request is not None:
            setattr(request, SEEN, seen)
    if key in seen:
        return words
    seen.add(key)
    inner = (
        format_html('<abbr title="{}">{}</abbr>', entry.expansion, words)
        if entry.expansion and words.isupper()
        else words
    )
    url = f"{reverse('inspections:glossary')}#{entry.anchor}"
    return format_html('<a class="term" href="{}">{}</a>', url, inner)
