"""SQLite stays available while the loader writes: WAL mode, IMMEDIATE writes, a busy timeout.

Checked on a real database file in a fresh interpreter (settings load once, and the test
database is in memory, where WAL does not apply).
"""

import os
import subprocess
import sys

from tests.conftest import ROOT

# One connection holds an exclusive write transaction open while another reads: with a rollback
# journal the reader would wait out the busy timeout and fail with "database is locked"; in WAL
# mode it sees the last committed state at once.
PROBE = """
import time
from django.db import connection
from django.db.utils import ConnectionHandler
with connection.cursor() as cursor:
    print(cursor.execute("PRAGMA journal_mode").fetchone()[0])
    print(cursor.execute("PRAGMA busy_timeout").fetchone()[0])
    cursor.execute("CREATE TABLE probe (n integer)")
print(connection.transaction_mode)
writer = ConnectionHandler()["default"]
writer.set_autocommit(False)
writer.cursor().execute("BEGIN EXCLUSIVE")
writer.cursor().execute("INSERT INTO probe VALUES (1)")
started = time.monotonic()
with connection.cursor() as cursor:
    print(cursor.execute("SELECT COUNT(*) FROM probe").fetchone()[0])
print(time.monotonic() - started < 1)
writer.rollback()
"""


def test_sqlite_readers_are_not_blocked_by_a_writer(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "PCCSITE_ENV"}}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'probe.sqlite3'}"

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "20000", "IMMEDIATE", "0", "True"]
