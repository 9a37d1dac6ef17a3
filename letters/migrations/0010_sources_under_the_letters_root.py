"""Letter.source becomes the same whatever folder a load ran from (issue 10, item 5).

Sources were stored relative to the working directory of the load that wrote them. Each is now
the resolved path relative to settings.LETTERS_ROOT (absolute outside it), as the loader stores
them (letters.loading.files.normalise_source). A relative source is read as relative to the
project folder, where `make load` and the documented commands run.

Rows that turn out to be one file loaded from two folders (the duplicates this issue created)
would share a source: one is kept (the one a person corrected, else the oldest) and the others
are withdrawn (hidden from the public site, kept with their history; the admin can restore
them), with a warning saying why and a source of their own.
"""

import os
from collections import defaultdict

from django.conf import settings
from django.db import migrations


def normalise(path, root):
    real = os.path.realpath(path)
    if os.path.commonpath([real, root]) == root:
        return os.path.relpath(real, root).replace(os.sep, "/")
    return real.replace(os.sep, "/")


def _corrected(apps):
    """Letters a person corrected, or whose grades or findings a person corrected."""
    letters = set(
        apps.get_model("letters", "Letter").objects.exclude(edited_fields=[]).values_list(
            "pk", flat=True
        )
    )
    for model in ("Grade", "AreaForImprovement"):
        rows = apps.get_model("inspections", model).objects.exclude(edited_fields=[])
        letters |= set(rows.exclude(letter=None).values_list("letter_id", flat=True))
    return letters


def relocate_sources(apps, schema_editor):
    Letter = apps.get_model("letters", "Letter")
    root = os.path.realpath(settings.LETTERS_ROOT)
    base = str(settings.BASE_DIR)
    groups = defaultdict(list)
    current = {}
    for pk, source in Letter.objects.values_list("pk", "source").order_by("pk").iterator():
        path = source if os.path.isabs(source) else os.path.join(base, source)
        groups[normalise(path, root)].append(pk)
        current[pk] = source
    corrected = _corrected(apps) if any(len(pks) > 1 for pks in groups.values()) else set()
    final, doubles = {}, {}
    for source, pks in groups.items():
        keep = min(pks, key=lambda pk: (pk not in corrected, pk))
        final[keep] = source
        for pk in pks:
            if pk != keep:
                final[pk] = f"{source}#duplicate-of-{keep}-{pk}"
                doubles[pk] = (source, keep)
    moving = [pk for pk, source in final.items() if source != current[pk]]
    # Through a name of their own first, so no row takes a source another has not left yet.
    for pk in moving:
        Letter.objects.filter(pk=pk).update(source=f"relocating-{pk}")
    for pk in moving:
        Letter.objects.filter(pk=pk).update(source=final[pk])
    for pk, (source, keep) in doubles.items():
        letter = Letter.objects.get(pk=pk)
        letter.withdrawn = True
        letter.warnings = [
            *letter.warnings,
            f"withdrawn: the same file ({source}) as letter {keep}, loaded from another folder "
            "before sources were independent of the working directory",
        ]
        letter.save(update_fields=["withdrawn", "warnings"])


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0009_letter_withdrawn"),
        ("inspections", "0008_grade_and_finding_deleted"),
    ]

    operations = [migrations.RunPython(relocate_sources, migrations.RunPython.noop)]
