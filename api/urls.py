"""/api/: the endpoints (a DRF router), the OpenAPI description and its documentation."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import official, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.register("forces", views.ForceViewSet, basename="force")
router.register("commissioners", views.CommissionerViewSet, basename="commissioner")
router.register("inspections", views.InspectionViewSet, basename="inspection")
router.register("letters", views.LetterViewSet, basename="letter")
router.register("grades", views.GradeViewSet, basename="grade")
router.register("findings", views.FindingViewSet, basename="finding")
router.register("official-grades", official.OfficialGradeViewSet, basename="official-grade")
router.register(
    "official-grade-counts", official.OfficialGradeCountViewSet, basename="official-grade-count"
)

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="schema"),
    # Swagger UI from our own static files; its start-up script is a separate request, so
    # the Content-Security-Policy needs no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
