"""What the loader tells the rest of the site, without importing it.

Bulk writes send no model signals, so the loader sends these itself; the search index
(search/apps.py) and the whole-dataset download (opendata/apps.py: it notes that its files
predate the load) listen. The loader stays
below both apps in the import order (docs/architecture.md).

- ``letters_written(sender=Letter, letter_ids=[...])``: inside the transaction that wrote
  them, once per batch (and once per ``store_letter``), with the letters created or updated.
  A receiver's writes commit or roll back with the letters.
- ``load_finished(sender=Letter, summary=LoadSummary)``: after a load that was not a dry run
  has committed everything and created or updated at least one letter.
"""

from django.dispatch import Signal

letters_written = Signal()
load_finished = Signal()
