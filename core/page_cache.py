"""A server-side cache of what anonymous visitors are shown: the site's pages, the APIs, the feeds
and the sitemap, kept in the cache `pages` (CACHES) for at most PAGE_CACHE_SECONDS.

An entry is looked up by the address (scheme, host, path and query), the language, the request
headers the response varies on (Django's own cache keys: `learn_cache_key`, `get_cache_key`) and
two generations: one of the path and one of the whole site. Purging changes a generation, so that
every answer filed under the old one, with any query string, is never found again:

- `PageCacheBackend`, a backend of Wagtail's frontend cache (WAGTAILFRONTENDCACHE), purges the
  paths of the URLs Wagtail purges on publish and unpublish (`core.caching.purge_pages_showing`);
- every entry of Wagtail's audit log (pages, snippets, settings, images, documents, privacy)
  purges the whole site, since the header, the footer and the listings show on every page.

Purges happen at once and again when the transaction commits: a request that read the content
before the commit and is stored after the first purge is dropped by the second.
"""

import re
import uuid
from hashlib import md5
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_cache_key,
    get_conditional_response,
    get_max_age,
    has_vary_header,
    learn_cache_key,
)
from django.utils.http import parse_http_date_safe
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from .bulk import per_batch

CACHE_ALIAS = "pages"
SITE_GENERATION = "page_cache.site"
# Never from the cache, whatever the response says: the admin, drafts in preview, documents (the
# privacy of their collection is checked on every request), uploads and the health check.
NEVER_CACHED_PATHS = re.compile(
    r"^/(admin|documents|preview|media|static|healthz)(/|$)|^/api/v2/page_preview(/|$)"
)
# Requests that carry someone's session (an editor, a visitor who gave a page's password) or
# messages meant for them, or that sign in otherwise, are always answered afresh.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
NOT_SHARED = {"private", "no-store", "no-cache"}


def lifetime():
    """Seconds an answer stays in the cache; 0 (or a host site without the setting) switches it off."""
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def page_cache():
    return caches[CACHE_ALIAS]


def path_generation_key(path):
    return "page_cache.path." + md5(path.encode(), usedforsecurity=False).hexdigest()


def purge_paths(paths):
    """Every cached answer for these paths, with any query string and on any host, goes."""
    purge([path_generation_key(path) for path in paths])


def purge_site():
    purge([SITE_GENERATION])


def purge(generation_keys):
    renew_generations(generation_keys)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: renew_generations(generation_keys))


def renew_generations(generation_keys):
    if lifetime():
        page_cache().set_many({key: uuid.uuid4().hex for key in generation_keys}, lifetime())


def purge_site_on_log_entry(sender, instance, created, raw=False, **kwargs):
    """post_save of Wagtail's log entries: whatever an editor changed may show on any page (inside
    a `core.bulk.batch()`, such as an import, once at its end)."""
    if created and not raw:
        per_batch(purge_site_for, instance)


def purge_site_for(log_entries):
    purge_site()


class PageCacheBackend(BaseBackend):
    """Wagtail's frontend cache purges this cache like any other: by URL."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        per_batch(purge_urls, *urls)


def purge_urls(urls):
    purge_paths({unquote(urlsplit(url).path) for url in urls})


class PageCacheMiddleware:
    """Answers anonymous GET and HEAD requests from the page cache and stores the answers that may
    be shared. Place it after LocaleMiddleware (the language is part of the key) and before every
    middleware that may set a cookie or read the session (SessionMiddleware, CsrfViewMiddleware,
    AuthenticationMiddleware, MessageMiddleware), so that it sees what they add to a response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not lifetime() or not is_shared_request(request):
            return self.get_response(request)
        cache = page_cache()
        generation_keys = [SITE_GENERATION, path_generation_key(request.path)]
        generations = cache.get_many(generation_keys)
        if len(generations) == len(generation_keys):
            cached = cached_response(request, cache, key_prefix(generations, generation_keys))
            if cached is not None:
                return cached
        response = self.get_response(request)
        if is_shared_response(request, response):
            store(request, response, cache, generation_keys, generations)
        response["X-Cache"] = "MISS"
        return response


def is_shared_request(request):
    return (
        request.method in ("GET", "HEAD")
        and NEVER_CACHED_PATHS.match(request.path_info) is None
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def is_shared_response(request, response):
    """Whether the answer to this GET may be given to every request with the same key. Restricted
    pages never are: Wagtail marks their password form, their login redirect and the page itself
    `private, no-store`."""
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or has_vary_header(response, "*")
        or get_max_age(response) == 0
        or has_own_content_security_policy(request, response)
    ):
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    user = getattr(request, "user", None)
    return not directives & NOT_SHARED and not (user is not None and user.is_authenticated)


def has_own_content_security_policy(request, response):
    """django-csp, before this middleware, builds the header from a policy the view left on the
    response (`@csp_update` and the like) or a nonce the page used: a cached copy has neither."""
    return getattr(request, "_csp_nonce", None) is not None or any(
        name.startswith("_csp_") for name in vars(response)
    )


def key_prefix(generations, generation_keys):
    return "page_cache." + ".".join(generations[key] for key in generation_keys)


def cached_response(request, cache, prefix):
    key = get_cache_key(request, prefix, method="GET", cache=cache)
    entry = cache.get(key) if key is not None else None
    if entry is None:
        return None
    status, headers, content = entry
    response = HttpResponse(content, status=status, headers=headers)
    response = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
    response["X-Cache"] = "HIT"
    return response


def store(request, response, cache, generation_keys, generations):
    """Files the answer under the generations read before it was made: a purge meanwhile changed
    them, so that an answer which may show what the purge was about is never found. A generation
    that did not exist yet is made now, unless a purge or another request made it first."""
    generations = dict(generations)
    for key in generation_keys:
        if key not in generations:
            generations[key] = uuid.uuid4().hex
            if not cache.add(key, generations[key], lifetime()):
                return
    prefix = key_prefix(generations, generation_keys)
    cache_key = learn_cache_key(request, response, lifetime(), prefix, cache)
    cache.set(cache_key, (response.status_code, list(response.items()), response.content), lifetime())
