"""Serving the site for a measurement or a browser test: a free port, and waiting until it answers.

The page-weight run, the benchmarks, the soak test and the browser tests each start a server
in a subprocess (runserver or gunicorn) and must not send it anything before it answers.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(
    url: str,
    process: subprocess.Popen | None = None,
    *,
    timeout: float = 30,
    name: str = "the server",
    error: type[BaseException] = SystemExit,
) -> None:
    """Return once ``url`` answers 200; raise ``error`` if ``process`` (``name``) exits first
    or nothing answers within ``timeout`` seconds.

    The scripts stop with SystemExit (a message, no traceback); tests pass RuntimeError.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise error(f"{name} exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # refused, reset or timed out: not up yet
            time.sleep(0.2)
    raise error(f"{name} did not answer at {url} within {timeout} seconds")
