from django.urls import path

from pccsite.readonly import read_only, read_only_uncached

from . import feeds, views

app_name = "opendata"

urlpatterns = [
    # Not through the page cache: the dataset is rebuilt after a load has committed (and the
    # cache been invalidated), so a cached page could name the files of the build before.
    path("data/", read_only_uncached(views.data), name="data"),
    path("data/<str:name>", read_only_uncached(views.download), name="download"),
    path("feeds/letters/", read_only(feeds.LetterFeed()), name="feed_letters"),
    path("feeds/forces/<slug:slug>/", read_only(feeds.ForceLetterFeed()), name="feed_force"),
    path(
        "feeds/commissioners/<slug:slug>/",
        read_only(feeds.CommissionerLetterFeed()),
        name="feed_commissioner",
    ),
    path(
        "feeds/causes-of-concern/",
        read_only(feeds.CauseOfConcernFeed()),
        name="feed_causes_of_concern",
    ),
]
