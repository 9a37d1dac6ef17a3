"""Letters loaded before the registry keep the name they were read with, and one person is one
commissioner row (issue 14): rows of one force whose names differ only in case, accents,
punctuation, honorifics, middle initials or a first name's nickname ("Andy"/"Andrew Burnham",
"Zoe"/"Zoë Metcalfe") are merged into one, keeping every letter and every correction.

Which row is kept: one a person corrected, else the one with most letters, else the oldest.
A field a person corrected on a merged-away row (and not on the kept one) is carried over.
Only a nickname the dataset lists for the other name merges two first names (never two names
that merely share a nickname), so two different people are not merged by a guess.
"""

import unicodedata
from collections import defaultdict

from django.db import migrations
from nicknames import NickNamer

HONORIFICS = {
    "sir",
    "dame",
    "lord",
    "lady",
    "baroness",
    "baron",
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "cllr",
    "councillor",
    "rt",
    "hon",
    "the",
    "rev",
    "revd",
}
CARRIED = ("name", "slug", "honorific", "title")


def folded(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = "".join(c if c.isalnum() or c.isspace() else " " for c in text.replace("'", ""))
    words = text.split()
    while words and words[0] in HONORIFICS:
        words = words[1:]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return words


def same_first_name(a, b, namer):
    return a == b or b in namer.nicknames_of(a) or a in namer.nicknames_of(b)


def fill_names_as_written(apps):
    Letter = apps.get_model("letters", "Letter")
    letters = list(
        Letter.objects.filter(commissioner__isnull=False, commissioner_name_as_written="")
        .select_related("commissioner")
        .only("pk", "commissioner__name", "commissioner__title")
    )
    for letter in letters:
        letter.commissioner_name_as_written = letter.commissioner.name
        letter.commissioner_title = letter.commissioner.title
        letter.commissioner_attribution = "named"
    Letter.objects.bulk_update(
        letters,
        ["commissioner_name_as_written", "commissioner_title", "commissioner_attribution"],
        batch_size=500,
    )


def merge_duplicates(apps):
    Commissioner = apps.get_model("inspections", "Commissioner")
    CommissionerTerm = apps.get_model("inspections", "CommissionerTerm")
    Letter = apps.get_model("letters", "Letter")
    namer = NickNamer()
    by_surname = defaultdict(list)
    for person in Commissioner.objects.order_by("pk"):
        words = folded(person.name)
        if len(words) >= 2:
            by_surname[(person.force_id, " ".join(words[1:]))].append((words[0], person))
    letter_counts = defaultdict(int)
    for commissioner_id in Letter.objects.values_list("commissioner_id", flat=True):
        letter_counts[commissioner_id] += 1
    for people in by_surname.values():
        groups = []
        for first, person in people:
            group = next(
                (g for g in groups if any(same_first_name(first, f, namer) for f, _ in g)), None
            )
            if group is None:
                groups.append([(first, person)])
            else:
                group.append((first, person))
        for group in groups:
            if len(group) > 1:
                _merge([person for _, person in group], letter_counts, Letter, CommissionerTerm)


def _merge(people, letter_counts, Letter, CommissionerTerm):
    keep = min(people, key=lambda p: (not p.edited_fields, -letter_counts[p.pk], p.pk))
    edited = set(keep.edited_fields)
    for other in people:
        if other.pk == keep.pk:
            continue
        for field in other.edited_fields:
            if field in CARRIED and field not in edited:
                setattr(keep, field, getattr(other, field))
                edited.add(field)
        Letter.objects.filter(commissioner_id=other.pk).update(commissioner_id=keep.pk)
        CommissionerTerm.objects.filter(commissioner_id=other.pk).update(commissioner_id=keep.pk)
        other.delete()
    keep.edited_fields = sorted(edited)
    keep.save()


def forwards(apps, schema_editor):
    fill_names_as_written(apps)
    merge_duplicates(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0006_letter_commissioner_as_written"),
        ("inspections", "0006_commissioner_terms"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
