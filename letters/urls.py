from django.urls import path

from . import views

app_name = "letters"

urlpatterns = [
    path("", views.LetterListView.as_view(), name="letter_list"),
    path("<int:pk>/", views.letter_detail, name="letter_detail"),
]
