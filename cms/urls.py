from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from cms.graphql.view import graphql_view
from cms.views import frontend

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", graphql_view, name="graphql"),
    path("_allauth/", include("allauth.headless.urls")),
    path("events/", include("events.urls")),
    path("volunteers/", include("volunteers.urls")),
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", ServeView.as_view(), name="wagtailimages_serve"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every other path belongs to the frontend. Named "wagtail_serve" so that Wagtail computes
# page URLs (the admin's "View live", sitemaps) as the frontend's own paths.
urlpatterns += [re_path(r"^((?:[\w\-]+/)*)$", frontend, name="wagtail_serve")]
