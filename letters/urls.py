from django.urls import path

from pccsite.readonly import read_only

from . import views

app_name = "letters"

urlpatterns = [
    path("", read_only(views.LetterListView.as_view()), name="letter_list"),
    path("<int:pk>/", read_only(views.letter_detail), name="letter_detail"),
]
