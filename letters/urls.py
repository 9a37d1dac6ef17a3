from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from pccsite.readonly import read_only

from . import views

app_name = "letters"

urlpatterns = [
    path("", read_only(views.LetterListView.as_view()), name="letter_list"),
    path("<int:pk>/", read_only(views.letter_detail), name="letter_detail"),
    path("<int:pk>/text/", read_only(views.letter_text), name="letter_text"),
    # Streamed from storage, so not through the page cache (which keeps whole responses).
    path(
        "<int:pk>/original/",
        csrf_exempt(require_safe(views.letter_original)),
        name="letter_original",
    ),
]
