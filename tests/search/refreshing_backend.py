"""The configured cluster backend (OpenSearch, Elasticsearch) for test runs. It refreshes the index
after every write, so that a test finds what it has just published, and it notes what was
written, so that those documents can follow the database again after the test (the database
rolls back, the engine does not). Chosen by config/settings/test.py when a cluster is configured;
the real backend's module is the setting WRAPPED_BACKEND."""

from functools import cache

from modelsearch import index
from modelsearch.backends import get_search_backend, import_backend

WRITTEN = set()  # (model, pk) of the objects written to the index


@cache
def _refreshing(backend_class):
    class RefreshingIndex(backend_class.index_class):
        def add_item(self, item):
            super().add_item(item)
            self._written([item])

        def add_items(self, model, items):
            super().add_items(model, items)
            self._written(items)

        def delete_item(self, item):
            super().delete_item(item)
            self._written([item])

        def _written(self, items):
            WRITTEN.update((type(item), item.pk) for item in items)
            self.refresh()

    return type(f"Refreshing{backend_class.__name__}", (backend_class,), {"index_class": RefreshingIndex})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    params = dict(params)
    return _refreshing(import_backend(params.pop("WRAPPED_BACKEND")))(params)


def restore_written():
    """Make the written documents match the database again: reindex what is there, remove what
    is not."""
    written = list(WRITTEN)
    for model, pk in written:
        current = model.objects.filter(pk=pk).first()
        if current is not None:
            index.insert_or_update_object(current)
        else:  # no instance to ask its specific type: the document goes by its id
            get_search_backend().get_index_for_model(model).delete_item(model(pk=pk))
    WRITTEN.difference_update(written)
