"""Search and reference index updates for a bulk import: once per object at the end, instead of on
every save (a page is saved three times on its way to being published, each time re-indexed)."""

import gc
from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

CHUNK_SIZE = 500


class DeferredIndexing:
    def __init__(self):
        self.touched = defaultdict(set)  # model → primary keys

    def touch(self, obj):
        self.touched[type(obj)].add(obj.pk)

    @contextmanager
    def deferred(self):
        """Saves inside leave both indexes alone; `update` brings them up to date afterwards. The
        search index's signal handlers are disconnected for the whole process meanwhile: imports
        run in a process of their own (`manage.py import_plone`), never in a web worker."""
        models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
        for model in models:
            post_save.disconnect(post_save_signal_handler, sender=model)
        try:
            with disable_reference_index_auto_update():
                yield
        finally:
            for model in models:
                post_save.connect(post_save_signal_handler, sender=model)

    def update(self):
        for model, pks in self.touched.items():
            pks = sorted(pks)
            for start in range(0, len(pks), CHUNK_SIZE):
                chunk = pks[start : start + CHUNK_SIZE]
                searched = index.class_is_indexed(model)
                objects = list(
                    (model.get_indexed_objects() if searched else model.objects).filter(pk__in=chunk)
                )
                for obj in objects:
                    ReferenceIndex.create_or_update_for_object(obj)
                if searched and objects:
                    for backend in get_search_backends(with_auto_update=True):
                        backend.add_bulk(model, objects)
                gc.collect()  # the chunk's objects hold reference cycles
        self.touched.clear()
