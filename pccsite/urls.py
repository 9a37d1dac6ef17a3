"""URL configuration: the public dashboard, the letters and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("letters/", include("letters.urls")),
    path("", include("inspections.urls")),
]
