"""HTTP caching of the content API, the feeds and the sitemap: Cache-Control, Last-Modified and
ETag, and 304 Not Modified for conditional requests; purging front-end caches on publish."""

import re

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import ModelLogEntry, PageLogEntry

from .bulk import per_batch
from .hooks import PAGES_SHOWING, PURGE_PATHS, gathered
from .paths import optional_url

# The preview endpoint is excluded: drafts are never cached (it answers "private, no-store").
CACHED_PATHS = re.compile(r"^/(api/v2/(?!page_preview/)|feeds/|sitemap\.xml$)")


def last_content_change():
    """When the published content last changed. Every publish, unpublish, move, deletion and
    privacy change of a page is logged, as are changes to images, documents and snippets;
    the newest log entry is therefore a safe Last-Modified (last_published_at alone would not
    change on an unpublish)."""
    newest = [
        log.objects.aggregate(newest=Max("timestamp"))["newest"] for log in (PageLogEntry, ModelLogEntry)
    ]
    return max((moment for moment in newest if moment is not None), default=None)


class ContentCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not self.is_cacheable(request, response):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
        else:
            patch_cache_control(response, public=True, max_age=getattr(settings, "HTTP_CACHE_MAX_AGE", 60))
        last_modified = last_content_change()
        if last_modified is not None:
            response.headers["Last-Modified"] = http_date(last_modified.timestamp())
        set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=int(last_modified.timestamp()) if last_modified else None,
            response=response,
        )

    @staticmethod
    def is_cacheable(request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
            and CACHED_PATHS.match(request.path_info) is not None
        )


def purge_pages_showing(sender, instance, **kwargs):
    """On publish and unpublish, Wagtail's frontend cache purges the page's own URL; this purges
    what else shows the page: its entry in the content API, the sitemap, the paths and pages the
    apps name for it (feeds, the pages of its themes), its parent and the home page. Inside a
    `core.bulk.batch()` once for all of its pages, at its end."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        per_batch(purge_showing, instance)


def purge_showing(pages):
    urls, pages_showing = set(), {}
    for instance in pages:
        site = instance.get_site()
        if site is None:
            continue
        paths = [
            reverse("wagtailapi:pages:listing"),
            reverse("wagtailapi:pages:detail", args=[instance.pk]),
            *filter(None, [optional_url("sitemap")]),
            *gathered(PURGE_PATHS, instance.specific_deferred),
        ]
        urls.update(site.root_url + path for path in paths)
        for page in [
            instance.get_parent(),
            site.root_page,
            *gathered(PAGES_SHOWING, instance.specific_deferred),
        ]:
            pages_showing[page.pk] = page
    if urls:
        batch = PurgeBatch(sorted(urls))
        batch.add_pages(pages_showing.values())
        batch.purge()
