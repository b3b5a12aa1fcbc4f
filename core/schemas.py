"""Schemas the project's own API endpoints share (Django Ninja)."""

from django.urls import reverse
from ninja import Schema
from wagtail.api.utils import get_full_url


class PageLinkOut(Schema):
    """A page as a front end links to it: `url` for the site, `api_url` for its full content."""

    id: int
    title: str
    url: str
    api_url: str


class ProblemOut(Schema):
    detail: str


def page_link_out(page, request):
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "api_url": get_full_url(request, reverse("wagtailapi:pages:detail", args=[page.pk])),
    }
