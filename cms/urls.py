from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from cms.accounts.views import my_data
from cms.graphql.view import graphql_view
from cms.health import healthz
from cms.views import frontend

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", graphql_view, name="graphql"),
    path("my-data.json", my_data, name="my_data"),
    path("_allauth/", include("allauth.headless.urls")),
    path("events/", include("events.urls")),
    path("volunteers/", include("volunteers.urls")),
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", ServeView.as_view(), name="wagtailimages_serve"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every other path belongs to the frontend app (its client-side routes, e.g. /events/12 or
# /classes/tea-art/): the built index.html. Named "wagtail_serve" so that Wagtail computes page
# URLs (the admin's "View live", sitemaps) as the frontend's own paths; reversing it with a page's
# path gives "/classes/tea-art/". Paths under Django's own prefixes, and anything that looks like a
# file (a dot in the last segment: a missing asset, an unknown .ics), are not the app's: 404.
DJANGO_PREFIXES = "admin|graphql|_allauth|documents|media|static|images|assets|healthz"
FRONTEND_PATH = rf"^(?!(?:{DJANGO_PREFIXES})(?:/|$))((?:[^/.]+/)*[^/.]*)$"
urlpatterns += [re_path(FRONTEND_PATH, frontend, name="wagtail_serve")]
