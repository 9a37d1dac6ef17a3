"""Atom feeds (django.contrib.syndication): new letters overall, per force and per
commissioner, and new causes of concern. Each names its entries by their pages' addresses,
dates them by the letter (else when it was loaded), and says what it is under the licence."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from inspections.models import AreaForImprovement, Commissioner, Force
from letters.models import Letter
from pccsite.db import public

from . import licence

ITEMS = 30


def _when(date: dt.date | None, fallback: dt.datetime) -> dt.datetime:
    """A letter's date as midday in London (it has no time), else when it was loaded."""
    if date is None:
        return fallback
    return timezone.make_aware(dt.datetime.combine(date, dt.time(12)))


class LetterFeed(Feed):
    feed_type = Atom1Feed
    title = "PCC letters: new letters"
    subtitle = "Commissioners' letters answering police inspections, newest first."
    feed_copyright = licence.ATTRIBUTION

    def link(self, obj=None):
        return reverse("letters:letter_list")

    def letters(self, obj=None):
        return public(Letter.objects.listing())

    def items(self, obj=None):
        return self.letters(obj).order_by("-created_at", "-pk")[:ITEMS]

    def item_title(self, letter):
        who = letter.commissioner.name if letter.commissioner else "Unknown signatory"
        when = letter.date.strftime("%-d %B %Y") if letter.date else "undated"
        force = f", {letter.force.name}" if letter.force else ""
        return f"{who}{force} ({when})"

    def item_description(self, letter):
        if letter.inspection:
            return f"Answers {letter.inspection}. Source file {letter.file_name}."
        return f"Source file {letter.file_name}."

    def item_link(self, letter):
        return letter.get_absolute_url()

    def item_pubdate(self, letter):
        return _when(letter.date, letter.created_at)

    def item_updateddate(self, letter):
        return letter.updated_at


class ForceLetterFeed(LetterFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Force, slug=slug)

    def title(self, force):
        return f"PCC letters: new letters for {force.name}"

    def link(self, force):
        return force.get_absolute_url()

    def letters(self, force):
        return super().letters().filter(force=force)


class CommissionerLetterFeed(LetterFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Commissioner.objects.with_force(), slug=slug)

    def title(self, commissioner):
        return f"PCC letters: new letters from {commissioner.name}"

    def link(self, commissioner):
        return commissioner.get_absolute_url()

    def letters(self, commissioner):
        return super().letters().filter(commissioner=commissioner)


class CauseOfConcernFeed(Feed):
    feed_type = Atom1Feed
    title = "PCC letters: new causes of concern"
    subtitle = "Causes of concern the inspectorate raised, as commissioners' letters report them."
    feed_copyright = licence.ATTRIBUTION

    def link(self):
        return f"{reverse('inspections:finding_list')}?kind=cause-of-concern"

    def items(self):
        findings = AreaForImprovement.objects.filter(kind=AreaForImprovement.Kind.CAUSE_OF_CONCERN)
        return public(findings).with_context().order_by("-created_at", "-pk")[:ITEMS]

    def item_title(self, finding):
        return f"{finding.inspection.force}: cause of concern {finding.number}"

    def item_description(self, finding):
        return finding.text

    def item_link(self, finding):
        return finding.evidence_url

    def item_pubdate(self, finding):
        return _when(finding.inspection.published, finding.created_at)

    def item_updateddate(self, finding):
        return finding.updated_at
