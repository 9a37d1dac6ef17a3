"""Production settings: each checked in a fresh interpreter, since settings load once."""

import os
import subprocess
import sys

from tests.conftest import ROOT

PRODUCTION_ENV = {
    "PCCSITE_ENV": "production",
    "SECRET_KEY": "a-long-random-test-key-" + "x" * 40,
    "ALLOWED_HOSTS": "dashboard.example.org",
    "DATABASE_URL": "sqlite:////tmp/pccsite-settings-test.sqlite3",
}


def _manage(*args, env):
    full_env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_settings_production_without_secret_key_refuses_to_start():
    env = dict(PRODUCTION_ENV)
    del env["SECRET_KEY"]

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_settings_production_passes_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_production_turns_debug_off():
    result = _manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", env=PRODUCTION_ENV
    )

    assert result.stdout.strip().splitlines()[-1] == "False"


def test_responses_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/admin/login/")

    policy = response["Content-Security-Policy"]
    script_src = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src
    assert "frame-ancestors 'none'" in policy


def test_settings_production_installs_no_tooling_and_no_bench_urls():
    code = (
        "from django.conf import settings; "
        "print('devtools' in settings.INSTALLED_APPS, settings.ROOT_URLCONF)"
    )

    result = _manage("shell", "-c", code, env={**PRODUCTION_ENV, "PCCSITE_BENCH": "1"})

    assert result.stdout.strip().splitlines()[-1] == "False pccsite.urls"


def test_settings_development_installs_the_tooling():
    result = _manage("help", "generate_corpus", env={"PCCSITE_ENV": "development"})

    assert result.returncode == 0, result.stderr
    assert "--letters" in result.stdout


def test_postgresql_connections_do_not_jit_compile_the_sites_queries(db):
    """The site's queries run in milliseconds; compiling them took a hundred (settings.py)."""
    import pytest
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("JIT compiling is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
