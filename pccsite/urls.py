"""URL configuration: the public dashboard, the letters and the admin."""

from django.contrib import admin
from django.urls import include, path

from pccsite.throttle import throttle_login

urlpatterns = [
    # Before admin.site.urls so that this, not the admin's own route, serves the login page.
    path("admin/login/", throttle_login(admin.site.login)),
    path("admin/", admin.site.urls),
    path("letters/", include("letters.urls")),
    path("", include("inspections.urls")),
]
