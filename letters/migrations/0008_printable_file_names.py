"""File names stored before issue 10 may hold control characters (a newline, an ANSI escape):
escape them as the loader now does (letters.loading.files.printable), so pages and the admin
never print them raw. Only rows whose name holds one are touched."""

import re

from django.db import migrations

# The same characters as letters.loading.files (migrations must not import app code that moves).
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match):
    char = match[0]
    if char in ESCAPES:
        return ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_file_names(apps, schema_editor):
    Letter = apps.get_model("letters", "Letter")
    for letter in Letter.objects.filter(file_name__regex=UNPRINTABLE.pattern).only("file_name"):
        letter.file_name = UNPRINTABLE.sub(_escape, letter.file_name)
        letter.save(update_fields=["file_name"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0007_one_row_per_commissioner")]

    operations = [migrations.RunPython(escape_file_names, migrations.RunPython.noop)]
