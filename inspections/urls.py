from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.home, name="home"),
    path("forces/", views.ForceListView.as_view(), name="force_list"),
    path("forces/<slug:slug>/", views.force_detail, name="force_detail"),
    path("commissioners/", views.CommissionerListView.as_view(), name="commissioner_list"),
    path("commissioners/<slug:slug>/", views.commissioner_detail, name="commissioner_detail"),
    path("inspections/", views.InspectionListView.as_view(), name="inspection_list"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("areas-for-improvement/", views.FindingListView.as_view(), name="finding_list"),
]
