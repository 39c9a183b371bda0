"""The app's URLs plus, for the benchmark only, Wagtail's REST API v2 and the ceiling view."""

from django.urls import path

from bench.api import ROUTER
from bench.ceiling import ceiling
from cms.urls import urlpatterns as app_urlpatterns

urlpatterns = [
    path("api/v2/", ROUTER.urls),
    path("bench/ceiling/<str:name>/", ceiling, name="bench_ceiling"),
    *app_urlpatterns,
]
