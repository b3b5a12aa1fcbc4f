"""The host's own URLs: Wagtail's admin and pages, the content API that `core` provides, and the
region and theme endpoints of the apps mounted on an API of its own (no feeds, sitemap or
search)."""

from django.urls import include, path
from ninja import NinjaAPI
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from core.content_api import content_api_router

api = NinjaAPI(title="Regions host API", urls_namespace="host_api")
api.add_router("/regions/", "regions.api.regions_router")
api.add_router("/schools/", "regions.api.schools_router")
api.add_router("/themes/", "themes.api.router")

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", content_api_router().urls),
    path("api/", api.urls),
    path("", include(wagtail_urls)),
]
