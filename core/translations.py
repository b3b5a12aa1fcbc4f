"""A page in each content language: the language switcher, the hreflang alternates in <head> and
the sitemap's alternates. Only live, public versions count: a draft translation stays unknown."""

from django.db.models import Q
from django.utils.translation import get_language, get_language_info
from wagtail.coreutils import get_content_languages
from wagtail.models import Page, Site


def published_versions(pages):
    """{translation_key: {language_code: page}} of the live, public versions of `pages`."""
    return _versions_by_key(Q(translation_key__in={page.translation_key for page in pages}))


def _versions_by_key(condition):
    versions = {}
    for version in Page.objects.live().public().filter(condition).select_related("locale"):
        versions.setdefault(version.translation_key, {})[version.locale.language_code] = version
    return versions


def alternates(versions, request=None):
    """[{"lang_code", "location"}] of a page's `versions` ({language_code: page}) when it is
    published in more than one language, in the order of the content languages; else empty."""
    if len(versions) < 2:
        return []
    return [
        {"lang_code": code, "location": versions[code].get_full_url(request)}
        for code in get_content_languages()
        if code in versions
    ]


def language_versions(page, request):
    """(the page's published versions, the site's published home pages), each {language_code:
    page}; one query, once per request."""
    page_key = page.translation_key if isinstance(page, Page) else None
    remembered = getattr(request, "_language_versions", {})
    if page_key in remembered:
        return remembered[page_key]
    site = Site.find_for_request(request) if request is not None else None
    home_key = site.root_page.translation_key if site is not None else None
    keys = {key for key in (page_key, home_key) if key is not None}
    by_key = _versions_by_key(Q(translation_key__in=keys)) if keys else {}
    found = (by_key.get(page_key, {}), by_key.get(home_key, {}))
    if request is not None:
        request._language_versions = {**remembered, page_key: found}
    return found


def hreflang_alternates(page, request=None):
    return alternates(language_versions(page, request)[0], request)


def language_links(page, request):
    """The language switcher: every other content language with the page's own version in it, or
    else that language's published home page; a language with neither is left out."""
    versions, homes = language_versions(page, request)
    current = get_language()
    links = []
    for code in get_content_languages():
        target = versions.get(code) or homes.get(code)
        if code != current and target is not None:
            links.append(
                {"code": code, "name": get_language_info(code)["name_local"], "url": target.get_url(request)}
            )
    return links
