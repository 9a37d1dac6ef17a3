"""devtools.serving against real processes: a server that comes up, one that dies first."""

import subprocess
import sys

import pytest

from devtools.serving import free_port, wait_until_up


def test_waits_until_a_real_server_answers(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(url, server, timeout=20, error=RuntimeError)
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_server_that_exits_is_named_with_its_status():
    dead = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    dead.wait(timeout=10)
    url = f"http://127.0.0.1:{free_port()}/"

    with pytest.raises(SystemExit, match="gunicorn exited with status 3"):
        wait_until_up(url, dead, name="gunicorn")


def test_nothing_answering_in_time_names_the_address():
    url = f"http://127.0.0.1:{free_port()}/"

    with pytest.raises(RuntimeError, match=f"runserver did not answer at {url} within 0.5"):
        wait_until_up(url, timeout=0.5, name="runserver", error=RuntimeError)
