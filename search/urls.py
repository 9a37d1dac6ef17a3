from django.urls import path
from django.views.decorators.http import require_safe

from . import views

app_name = "search"

# Not through the page cache: every question is a new page, and search answers in
# milliseconds itself (docs/benchmarks.md).
urlpatterns = [path("", require_safe(views.search), name="search")]
