"""Site-level views of the reference front end: the draft preview, robots.txt and uploaded images."""

import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET
from django.views.static import serve

from .preview import PreviewUnavailable, preview_page


@require_GET
@never_cache
@xframe_options_sameorigin  # shown inside the admin's preview panel
def preview(request):
    """The reference front end's answer to HEADLESS_PREVIEW_URL: the draft, rendered as the site
    would render it once published, for as long as the token is valid."""
    try:
        page = preview_page(request.GET.get("content_type"), request.GET.get("token"))
    except PreviewUnavailable as error:
        return render(
            request,
            "core/preview_unavailable.html",
            {"reason": error.reason},
            status=error.status,
        )
    response = page.serve_draft(request, page.default_preview_mode)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page's <link rel="icon"> says."""
    return HttpResponsePermanentRedirect(static("img/favicon-32.png"))


# The upload folders /media/ serves: Wagtail's original images, their renditions and the admin's
# avatars. Documents ("documents/") are not among them: they are served only by Wagtail's document
# view (/documents/<id>/<name>), which checks the view restrictions of their collection.
PUBLIC_MEDIA_FOLDERS = frozenset({"original_images", "images", "avatar_images"})


def media(request, path):
    """Uploaded images under /media/ while SERVE_MEDIA is on; every other upload is not found."""
    if not settings.SERVE_MEDIA:
        raise Http404
    # Normalised as django.views.static.serve does, so "images/../documents/x" counts as documents.
    folder, _, name = posixpath.normpath(path).lstrip("/").partition("/")
    if folder not in PUBLIC_MEDIA_FOLDERS or not name:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
