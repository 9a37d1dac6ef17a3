"""Settings for pccsite, read from the environment with safe development defaults.

One file for every environment (splitting settings is not worth it at this size):
- PCCSITE_ENV    "development" (default) or "production"; production refuses to start without a
                 SECRET_KEY and serves hashed, compressed static files.
- DATABASE_URL   default: a SQLite file in the project folder; PostgreSQL in production.
- SECRET_KEY     required in production; a fixed, public development key otherwise.
- DEBUG          "1"/"true" to turn on; on in development, off in production unless set.
- ALLOWED_HOSTS  comma-separated; localhost names by default.
- LETTERS_ROOT   letters' sources are stored relative to this folder (default: the project
                 folder), so loads from any working directory find the same letters.
- CACHE_URL      where rendered pages are cached: file:///path (default: .cache/ in the project),
                 redis://host:port/db in production, locmem:// for a single process. Pages
                 are keyed by the database they came from, so instances may share one.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PRODUCTION = os.environ.get("PCCSITE_ENV", "development").strip().lower() == "production"
DEBUG = env_bool("DEBUG", default=not PRODUCTION)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when PCCSITE_ENV=production.")
    SECRET_KEY = "django-insecure-development-key-not-for-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "letters",
    "inspections",
    "search",
    "opendata",
    "api",
]
if not PRODUCTION:
    # Tooling (the corpus generator's command, benchmarks, the soak) is never deployed.
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "pccsite.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below whitenoise (static files come compressed already), above everything that writes
    # the body; public pages only (BREACH: see the class).
    "pccsite.middleware.PublicGZipMiddleware",
    # Before CommonMiddleware, as django-cors-headers asks; it answers only under /api/.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# Benchmark runs add a bare view as the throughput ceiling (devtools/bench_urls.py); never in
# production, which does not install the tooling.
BENCH = env_bool("PCCSITE_BENCH") and not PRODUCTION
ROOT_URLCONF = "devtools.bench_urls" if BENCH else "pccsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "pccsite.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The loader writes while gunicorn's workers read. WAL lets readers go on during a write;
    # IMMEDIATE takes the write lock when a transaction begins, so two writers queue (for up to
    # `timeout` seconds) instead of failing with "database is locked" on a lock upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiling pays off on long analytical queries; the site's run in milliseconds, but
    # PostgreSQL's cost estimates for their subqueries cross jit_above_cost, and compiling took
    # 130 ms of a 150 ms query (a commissioner page at 5,000 letters). Off for our connections.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")


def cache_from_url(url: str) -> dict:
    """A CACHES entry from a URL. The page cache must be shared by every worker process, so
    locmem:// suits only single-process use (tests, runserver)."""
    scheme, _, rest = url.partition("://")
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest}
    if scheme == "file":
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": rest}
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(f"CACHE_URL scheme {scheme!r} is not one of locmem, file, redis")


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", f"file://{BASE_DIR / '.cache'}"))}
# Cached pages are keyed by a fingerprint of the database they were read from
# (pccsite/caching.py), so instances on different databases can share a cache. Set this (to the
# same value for the site and the loader) only if they reach one database by different URLs.
PAGE_CACHE_NAMESPACE = os.environ.get("PAGE_CACHE_NAMESPACE", "")

# The day the section 55 clock reads (inspections/section55.py), as an ISO date; unset, today.
# Tests and demonstrations fix it so "not yet due" and "no response loaded yet" stay put.
SECTION55_TODAY = os.environ.get("SECTION55_TODAY") or None

# Letter.source is the file's resolved path relative to this folder (absolute outside it), so
# the same file is the same letter whatever folder `load_letters` runs from (letters.loading).
LETTERS_ROOT = os.path.realpath(os.environ.get("LETTERS_ROOT", BASE_DIR))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# pccsite/formats/en_GB: GOV.UK's date style ("28 January 2025") wherever Django formats a date.
FORMAT_MODULE_PATH = ["pccsite.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Letters' original files (Letter.original, under originals/). A local folder by default; in
# production any Django storage backend can replace STORAGES["default"] (object storage, say),
# since the site reads and writes originals only through the storage API.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"
# Files uploaded in the admin, kept under their own names and read by the loader from there: a
# folder on the server's disk whatever the storage backend. Unset: MEDIA_ROOT/uploads.
LETTER_UPLOADS_DIR = os.environ.get("LETTER_UPLOADS_DIR") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files in production; plain files while developing and testing so that
    # no collectstatic step is needed before `runserver` or the test suite.
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", default=PRODUCTION)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production, whitenoise serves straight from the finders (no collectstatic needed).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

DJANGO_TABLES2_TEMPLATE = "includes/table.html"

# Open data (the opendata, api and search apps).
# Absolute links in exports, feeds and the dataset built by a command (no request to ask).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The whole-dataset download (a ZIP of CSVs and a SQLite file), rebuilt after every load; a
# folder of its own, outside the repository's tracked files (media/ is gitignored).
DATASET_DIR = Path(os.environ.get("DATASET_DIR", MEDIA_ROOT / "dataset"))

# The read-only JSON API under /api/: anonymous, JSON only, bounded pages.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PCC letters dashboard API",
    "DESCRIPTION": (
        "Read-only JSON of the police inspection outcomes read from police and crime "
        "commissioners' letters: forces, commissioners, inspections with their grades and "
        "findings, letters with their extracted facts and the character spans they came from. "
        "Field names follow the extraction contract. Data under the Open Government Licence v3.0."
    ),
    "VERSION": "1",
    # 3.1: a nullable nested object is oneOf [object, null], which validators read as meant.
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Two fields are named "kind": an inspection's and a finding's.
    "ENUM_NAME_OVERRIDES": {
        "InspectionKindEnum": "inspections.vocabulary.INSPECTION_KINDS",
        "FindingKindEnum": "inspections.models.AreaForImprovement.Kind",
    },
    "LICENSE": {
        "name": "Open Government Licence v3.0",
        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    },
}
# Anyone may read the API from a browser on another site: GET only, and only under /api/.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified")

# Security. Production turns everything on; each switch can be overridden from the environment
# (a site behind a TLS-terminating proxy sets SECURE_PROXY_SSL_HEADER via SECURE_PROXY_SSL=1).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=PRODUCTION)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=PRODUCTION)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=PRODUCTION)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=PRODUCTION)
if env_bool("SECURE_PROXY_SSL", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Admin sign-in throttling (pccsite/throttle.py) counts failures per client address and per
# address and username, never per username alone (that would let anyone lock a person out).
# Behind a reverse proxy every request comes from the proxy, so name the header the proxy sets
# with the real client address, e.g. HTTP_X_REAL_IP; otherwise failures from anyone would count
# against everyone.
LOGIN_THROTTLE_IP_HEADER = os.environ.get("LOGIN_THROTTLE_IP_HEADER", "REMOTE_ADDR")
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
LOGIN_FAILURE_WINDOW = int(os.environ.get("LOGIN_FAILURE_WINDOW", str(15 * 60)))

# Served on every response by pccsite.middleware. Scripts only from our own static files:
# chart data reaches the page as JSON (json_script) and static/js draws it. Plotly and the
# admin set inline styles, hence 'unsafe-inline' for styles only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
