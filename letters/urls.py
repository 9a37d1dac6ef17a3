from django.urls import path

from pccsite.caching import cache_public_page

from . import views

app_name = "letters"

urlpatterns = [
    path("", cache_public_page(views.LetterListView.as_view()), name="letter_list"),
    path("<int:pk>/", cache_public_page(views.letter_detail), name="letter_detail"),
]
