"""Template tags of the section 55 clock (inspections/section55.py)."""

from django import template

from inspections import section55

register = template.Library()


@register.simple_tag
def clock_label(inspection, today):
    """An annotated inspection's status in words ("Late by 3 days") on ``today``."""
    if inspection.published is None or inspection.response_status is None:
        return "No publication date"
    return section55.label_of(
        inspection.response_status, inspection.published, inspection.responded, today
    )


@register.filter
def due_date(published):
    return section55.due_date(published) if published else None


@register.filter
def days(delay):
    """A duration as whole days, for the "days to respond" column."""
    return delay.days if delay is not None else None
