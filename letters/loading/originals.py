"""The original files, kept with Django's file storage (Letter.original).

A file is kept under ``originals/<sha256[:2]>/<sha256>/<file name>`` (letters.models): the name
follows from the bytes, so keeping a file is idempotent. Unchanged bytes are never written again
(the name exists); a changed file is a new name, written before its letter's transaction, and
the name it replaces is deleted once that transaction has committed, when no letter still names
it. A failed or rolled-back batch may leave a kept file that no letter names yet: the next load
of the same bytes finds it and uses it. A dry run keeps nothing.

Any storage backend works (STORAGES["default"]): only ``exists``, ``save`` and ``delete`` are
used, through the FileField's storage.
"""

from __future__ import annotations

import os

from django.core.files.base import ContentFile
from django.db import transaction

from letters.models import Letter

from .files import Pending


def keep_original(item: Pending, *, dry_run: bool = False) -> None:
    """Store ``item``'s bytes as its letter's original file; sets ``item.original``."""
    field = Letter._meta.get_field("original")
    name = field.generate_filename(item, os.path.basename(item.path))
    item.original = name
    if dry_run or not item.data or field.storage.exists(name):
        return
    saved = field.storage.save(name, ContentFile(item.data), max_length=field.max_length)
    if saved != name:
        # Another load saved the same bytes meanwhile; the storage gave this copy a new name.
        field.storage.delete(saved)


def forget_original_after_commit(name: str) -> None:
    """Delete a replaced original once the replacing write commits, if no letter names it."""
    if not name:
        return

    def forget():
        if not Letter.objects.filter(original=name).exists():
            Letter._meta.get_field("original").storage.delete(name)

    transaction.on_commit(forget)
