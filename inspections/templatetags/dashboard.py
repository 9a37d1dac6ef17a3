"""Template helpers for the dashboard: grades shown in words as well as colour, dates in one
style."""

from django import template
from django.utils.html import format_html

from inspections import vocabulary as vocab
from pccsite import dates

register = template.Library()


@register.simple_tag
def grade_badge(grade):
    """A grade as a word in a coloured badge; the word carries the meaning, colour only helps."""
    label = vocab.GRADE_LABELS.get(grade, grade or "Not graded")
    return format_html('<span class="grade grade--{}">{}</span>', grade or "none", label)


@register.filter
def area_label(area):
    return vocab.AREA_LABELS.get(area, area)


@register.filter
def kind_label(kind):
    return vocab.KIND_LABELS.get(kind, kind)


@register.filter
def time_tag(value, default=""):
    """A date as every page writes it ("28 January 2025") in a <time> element carrying the ISO
    date for machines; ``default`` when there is no date (pccsite.dates.time_tag)."""
    return dates.time_tag(value, default)


@register.filter
def term_date(value, precision):
    """A term of office's date: "May 2016" where the source gives only the month (the registry
    stores such a date with ``precision`` "month"), else as ``time_tag``; "—" when none."""
    if not value:
        return "—"
    if precision == "month":
        return format_html('<time datetime="{}">{}</time>', f"{value:%Y-%m}", f"{value:%B %Y}")
    return dates.time_tag(value)


@register.filter
def official_grade(row):
    """An OfficialGrade in words and colour, linked to its page, "unverified" where unchecked."""
    from inspections.compare import official_html

    return official_html(row)
