from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.home, name="home"),
    path("forces/<slug:slug>/", views.force_detail, name="force_detail"),
    path("commissioners/<slug:slug>/", views.commissioner_detail, name="commissioner_detail"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
]
