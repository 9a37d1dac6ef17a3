from django.urls import path

from pccsite.readonly import read_only_uncached

from . import views

app_name = "search"

# Not through the page cache: every question is a new page, and search answers in
# milliseconds itself (docs/benchmarks.md).
urlpatterns = [path("", read_only_uncached(views.search), name="search")]
