from csp.decorators import csp_update
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.health import healthz
from core.sitemap import TranslatedSitemap
from core.views import favicon, media, preview, robots_txt
from core.workflow_actions import ConfirmingWorkflowActionView
from search.views import search_page

from .api import content_api, project_api

# The admin needs a looser Content-Security-Policy than the site (settings: CONTENT_SECURITY_POLICY…).
admin_urlpatterns = decorate_urlpatterns(
    [
        # Wagtail's own view at Wagtail's address, with a confirmation (core/workflow_actions.py).
        path(
            "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            ConfirmingWorkflowActionView.as_view(),
        ),
        *wagtailadmin_urls.urlpatterns,
    ],
    csp_update(settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE),
)

urlpatterns = [
    path("admin/", include(admin_urlpatterns)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", content_api.urls),
    path("api/", project_api.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("healthz", healthz, name="healthz"),
    path("feeds/", include("knowledge.urls")),
    path("preview/", preview, name="preview"),
    # Uploaded images while SERVE_MEDIA is on (decided per request); never documents.
    re_path(r"^media/(?P<path>.*)$", media, name="media"),
]

# Under /api/ a JSON answer; 503 while the database cannot be reached.
handler500 = "core.errors.server_error"

urlpatterns += i18n_patterns(
    path("zoeken/", search_page, name="search"),
    path("school/", include("regions.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
