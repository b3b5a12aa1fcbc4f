"""After a restore the database is back, but a search cluster's index is not: `manage.py
restore_site` runs the AFTER_RESTORE hooks, and the search app's builds the index again. On a
cluster only (CI's third run, OPENSEARCH_URL or ELASTICSEARCH_URL): the database backend's index
is in the database and comes back with it (tests/operations/test_backup_restore.py)."""

import io

import pytest
from wagtail import hooks
from wagtail.search.backends import get_search_backend

from core.hooks import AFTER_RESTORE
from search.service import search
from tests.conftest import on_a_cluster

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.search_cluster,
    pytest.mark.skipif(not on_a_cluster(), reason="needs a cluster: set OPENSEARCH_URL or ELASTICSEARCH_URL"),
]


def test_a_restore_builds_the_clusters_index_again():
    found = search("stage").total
    backend = get_search_backend()
    backend.es.indices.delete(index=f"{backend.index_prefix}*")  # a new cluster has none
    assert found > 0

    for rebuild in hooks.get_hooks(AFTER_RESTORE):
        rebuild(io.StringIO())

    assert search("stage").total == found
