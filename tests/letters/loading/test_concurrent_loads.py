"""Two `load_letters` processes on the same folder at the same time store each letter once.

The processes are real (`manage.py load_letters` in subprocesses) and write to one real
database: PostgreSQL's test database when the suite runs on PostgreSQL, else a SQLite file.
What they store together must be what one load alone stores.

Marked slow (up to half a minute on SQLite on a busy machine): a plain ``pytest`` skips it,
``make test`` and ``.ci/run`` (SQLite and PostgreSQL) run it.
"""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import REGISTRY_FILES, ROOT

pytestmark = pytest.mark.slow

LETTERS = 240
SUMMARY = re.compile(
    r"Loaded (?P<total>\d+) files: (?P<created>\d+) created, (?P<updated>\d+) updated, "
    r"(?P<unchanged>\d+) unchanged, (?P<duplicates>\d+) duplicates?, (?P<failed>\d+) failed"
)

# Everything two loads could disagree on, by natural identity (primary keys differ by design).
SNAPSHOT = """
import json, django
django.setup()
from inspections.models import AreaForImprovement, Commissioner, Grade, Inspection
from letters.models import Letter
print(json.dumps({
    "letters": sorted(
        [l.source, l.sha256, str(l.date), str(l.force), str(l.commissioner),
         l.inspection and [str(l.inspection.force), l.inspection.kind, l.inspection.natural_key]]
        for l in Letter.objects.select_related("force", "commissioner", "inspection__force")
    ),
    "inspections": sorted(
        [str(i.force), i.kind, i.natural_key, i.title, i.period, str(i.published)]
        for i in Inspection.objects.select_related("force")
    ),
    "commissioners": sorted(
        [c.name, str(c.force), c.honorific] for c in Commissioner.objects.select_related("force")
    ),
    "grades": sorted(
        [g.letter.source, g.area, g.grade, g.quote] for g in Grade.objects.select_related("letter")
    ),
    "findings": sorted(
        [f.letter.source, f.kind, f.number, f.text]
        for f in AreaForImprovement.objects.select_related("letter")
    ),
}))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, request):
    """Generated letters from 12 forces, the seeds, and a copy of one letter (a duplicate)."""
    folder = tmp_path_factory.mktemp("concurrent") / "letters"
    call_command(
        "generate_corpus",
        out=folder,
        letters=LETTERS,
        forces=12,
        years="2014-2025",
        seed="concurrent",
        verbosity=0,
    )
    (folder / "truth.json").unlink(missing_ok=True)
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "zz-copy.txt")
    return folder


def _env(database_url):
    env = {**os.environ, "DATABASE_URL": database_url, "CACHE_URL": "locmem://", "DEBUG": "0"}
    env["DJANGO_SETTINGS_MODULE"] = "pccsite.settings"
    return env


def _manage(*args, env, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=check,
    )


def _snapshot(env):
    finished = subprocess.run(
        [sys.executable, "-c", SNAPSHOT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


def _load_twice_at_once(folder, env, starts=None):
    """Start two loads together; returns each one's summary counts and -v 2 lines.

    ``starts`` gives each load's (working directory, path to the folder from there); both run
    from the project folder with the folder's absolute path by default.
    """
    starts = starts or [(ROOT, folder)] * 2
    manage = [sys.executable, str(ROOT / "manage.py"), "load_letters"]
    processes = [
        subprocess.Popen(
            [*manage, str(path), "--batch-size", "10", "-v", "2"],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for cwd, path in starts
    ]
    runs = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        assert "database is locked" not in stdout + stderr
        match = SUMMARY.search(stdout)
        assert match, stdout[-2000:]
        runs.append(({key: int(value) for key, value in match.groupdict().items()}, stdout))
    return runs


def _check_together_as_one(folder, runs, together, alone):
    files = len(list(folder.rglob("*.txt")))
    for counts, _ in runs:
        assert counts["total"] == files
        assert counts["failed"] == counts["updated"] == 0
    # Each letter was created by exactly one of the two; the other found it stored.
    assert sum(counts["created"] for counts, _ in runs) == files - 1
    assert all(counts["duplicates"] >= 1 for counts, _ in runs)
    assert together == alone
    assert len(together["letters"]) == files - 1


def _two_directories(corpus, tmp_path):
    """One load from the corpus's parent folder by a relative path (as cron might), one from an
    unrelated folder by the absolute path (as a person might): issue 10, item 5."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    return [(corpus.parent, corpus.name), (elsewhere, corpus)]


def _sqlite_database(folder, name):
    """A migrated SQLite file of its own, with the commissioner registry as `make load` has."""
    url = f"sqlite:///{folder / name}"
    _manage("migrate", "-v0", env=_env(url))
    _manage("import_commissioners", *map(str, REGISTRY_FILES), env=_env(url))
    return url


def test_concurrent_loads_on_sqlite_store_each_letter_once(corpus, tmp_path):
    together_url = _sqlite_database(tmp_path, "together.sqlite3")
    shutil.copy(tmp_path / "together.sqlite3", tmp_path / "alone.sqlite3")
    alone_url = f"sqlite:///{tmp_path / 'alone.sqlite3'}"

    runs = _load_twice_at_once(corpus, _env(together_url))
    _manage("load_letters", corpus, env=_env(alone_url))

    _check_together_as_one(corpus, runs, _snapshot(_env(together_url)), _snapshot(_env(alone_url)))


def _postgresql_url():
    settings = connection.settings_dict
    user = settings["USER"] or ""
    if settings["PASSWORD"]:
        user += f":{settings['PASSWORD']}"
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgresql://{user}@{host}:{port}/{settings['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("where", ["one directory", "two directories"])
def test_concurrent_loads_on_postgresql_store_each_letter_once(corpus, tmp_path, where):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (run with DATABASE_URL=postgresql://...; .ci/run does): "
            "SQLite serialises writers, so only PostgreSQL lets two loads race row by row"
        )
    # The subprocesses use pytest-django's test database (test_<name>), committed to, since
    # this test runs outside a transaction.
    together_env = _env(_postgresql_url())
    starts = _two_directories(corpus, tmp_path) if where == "two directories" else None

    runs = _load_twice_at_once(corpus, together_env, starts)
    alone_url = _sqlite_database(tmp_path, "alone.sqlite3")
    _manage("load_letters", corpus, env=_env(alone_url))

    _check_together_as_one(corpus, runs, _snapshot(together_env), _snapshot(_env(alone_url)))


def test_concurrent_loads_from_two_directories_on_sqlite_store_each_letter_once(corpus, tmp_path):
    together_url = _sqlite_database(tmp_path, "together.sqlite3")
    shutil.copy(tmp_path / "together.sqlite3", tmp_path / "alone.sqlite3")
    alone_url = f"sqlite:///{tmp_path / 'alone.sqlite3'}"

    runs = _load_twice_at_once(corpus, _env(together_url), _two_directories(corpus, tmp_path))
    _manage("load_letters", corpus, env=_env(alone_url))

    _check_together_as_one(corpus, runs, _snapshot(_env(together_url)), _snapshot(_env(alone_url)))
