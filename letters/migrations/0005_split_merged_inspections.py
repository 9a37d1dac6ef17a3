"""Letters that state publication dates months apart answer two inspections, not one.

Until now a letter was filed under an inspection of its force, kind and period whatever
publication date it stated, so two reports of one cycle (a PEEL inspection and its revisit)
became one inspection with two grades for an area. The loader now files by the stated date
first (letters/loading/identity.py); stored letters are unchanged files, which a load skips, so
this moves them once: each letter whose stated date (read again from its own words, the span
``inspection.published``) is not its inspection's goes, with its grades and findings, to the
inspection of that date (found, or created as the loader would). Letters a person filed
(``inspection`` in edited_fields) stay where they are.
"""

from collections import defaultdict

from django.db import migrations
from django.db.models import Count

def split_merged_inspections(apps, schema_editor):
    from letters.parsing.dates import parse_date

    Inspection = apps.get_model("inspections", "Inspection")
    merged = Inspection.objects.annotate(answers=Count("letters")).filter(answers__gt=1)
    for inspection in merged.filter(published__isnull=False):
        by_date = defaultdict(list)
        for letter in inspection.letters.only("text", "spans", "edited_fields"):
            bounds = (letter.spans or {}).get("inspection.published")
            if "inspection" in letter.edited_fields or not bounds:
                continue
            stated = parse_date(letter.text[bounds[0] : bounds[1]])
            if stated and stated != inspection.published:
                by_date[stated].append(letter)
        for stated, letters in by_date.items():
            target = _inspection_of(apps, inspection, stated, letters[0])
            if target is not None:
                _move(apps, [letter.pk for letter in letters], inspection, target)


def _inspection_of(apps, merged, stated, letter):
    Inspection = apps.get_model("inspections", "Inspection")
    same = Inspection.objects.filter(force_id=merged.force_id, kind=merged.kind)
    found = same.filter(published=stated).order_by("pk").first()
    if found is not None or same.filter(natural_key=stated.isoformat()).exists():
        return found
    bounds = (letter.spans or {}).get("inspection.title")
    return Inspection.objects.create(
        force_id=merged.force_id,
        kind=merged.kind,
        title=letter.text[bounds[0] : bounds[1]] if bounds else "",
        period=merged.period,
        cycle=merged.cycle,
        published=stated,
        natural_key=stated.isoformat(),
    )


def _move(apps, letter_ids, source, target):
    for model in ("letters.Letter", "inspections.Grade", "inspections.AreaForImprovement"):
        rows = apps.get_model(model).objects
        if model == "letters.Letter":
            rows.filter(pk__in=letter_ids).update(inspection=target)
        else:
            rows.filter(letter_id__in=letter_ids, inspection=source).update(inspection=target)


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0005_inspection_cycle"),
        ("letters", "0004_letter_original_format_ocr"),
    ]

    operations = [migrations.RunPython(split_merged_inspections, migrations.RunPython.noop)]
