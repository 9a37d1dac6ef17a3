from django.urls import path

from pccsite.caching import cache_public_page

from . import views

app_name = "inspections"

urlpatterns = [
    path("", cache_public_page(views.home), name="home"),
    path("forces/", cache_public_page(views.ForceListView.as_view()), name="force_list"),
    path("forces/<slug:slug>/", cache_public_page(views.force_detail), name="force_detail"),
    path(
        "commissioners/",
        cache_public_page(views.CommissionerListView.as_view()),
        name="commissioner_list",
    ),
    path(
        "commissioners/<slug:slug>/",
        cache_public_page(views.commissioner_detail),
        name="commissioner_detail",
    ),
    path(
        "inspections/",
        cache_public_page(views.InspectionListView.as_view()),
        name="inspection_list",
    ),
    path(
        "inspections/<int:pk>/",
        cache_public_page(views.inspection_detail),
        name="inspection_detail",
    ),
    path(
        "areas-for-improvement/",
        cache_public_page(views.FindingListView.as_view()),
        name="finding_list",
    ),
]
