"""Site-level views of the reference front end: the draft preview and robots.txt."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

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
