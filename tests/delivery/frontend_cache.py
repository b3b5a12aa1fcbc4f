"""A front-end cache backend for tests: it remembers the URLs it was asked to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED_URLS = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED_URLS.append(url)
