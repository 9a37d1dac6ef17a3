"""URL configuration: the public dashboard, the letters, search, open data, the API, the admin."""

from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from pccsite.throttle import throttle_login

urlpatterns = [
    # Before admin.site.urls so that this, not the admin's own route, serves the login page.
    path("admin/login/", throttle_login(admin.site.login)),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin's). Resolved per
    # request: in production the hashed name exists only once collectstatic has run.
    path("favicon.ico", lambda request: redirect(static("favicon.svg"))),
    path("letters/", include("letters.urls")),
    path("api/", include("api.urls")),
    path("search/", include("search.urls")),
    path("", include("opendata.urls")),
    path("", include("inspections.urls")),
]
