from django.urls import path

from pccsite.readonly import read_only

from . import accountability, compare_views, glossary, views

app_name = "inspections"

urlpatterns = [
    path("", read_only(views.home), name="home"),
    path("forces/", read_only(views.ForceListView.as_view()), name="force_list"),
    path("forces/<slug:slug>/", read_only(views.force_detail), name="force_detail"),
    path(
        "commissioners/",
        read_only(views.CommissionerListView.as_view()),
        name="commissioner_list",
    ),
    path(
        "commissioners/<slug:slug>/",
        read_only(views.commissioner_detail),
        name="commissioner_detail",
    ),
    path(
        "inspections/",
        read_only(views.InspectionListView.as_view()),
        name="inspection_list",
    ),
    path(
        "inspections/<int:pk>/",
        read_only(views.inspection_detail),
        name="inspection_detail",
    ),
    path("peel/", read_only(compare_views.cycles_index), name="peel_index"),
    path("peel/<slug:cycle>/", read_only(compare_views.PeelCycleView.as_view()), name="peel_cycle"),
    path("areas/<slug:key>/", read_only(compare_views.area_detail), name="area_detail"),
    path("grades/", read_only(views.GradeListView.as_view()), name="grade_list"),
    path("glossary/", read_only(glossary.glossary), name="glossary"),
    path(
        "section-55/",
        read_only(accountability.Section55ListView.as_view()),
        name="section55_list",
    ),
    path(
        "areas-for-improvement/",
        read_only(views.FindingListView.as_view()),
        name="finding_list",
    ),
]
