"""gunicorn settings for production: `gunicorn -c pccsite/gunicorn.conf.py pccsite.wsgi`.

Behind a reverse proxy (nginx, Caddy) that terminates TLS and forwards to 127.0.0.1:8000.
Every value can be overridden on the command line or with GUNICORN_* environment variables.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Django views are CPU-bound here (templates, JSON for charts): one sync worker per core plus
# one, the usual starting point.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# An empty GUNICORN_ACCESSLOG turns access logging off (benchmarks; a proxy that logs already).
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
