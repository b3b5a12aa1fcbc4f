"""The search at scale: Wagtail's Elasticsearch and OpenSearch backends, chosen by environment.

Without a cluster, these tests build the project's index mapping and documents and capture the
requests the search service sends, by replacing the client's `search` call. The test marked
`search_cluster` runs against a real cluster when ELASTICSEARCH_URL or OPENSEARCH_URL is set.
"""

import io
import json
import os
import uuid
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig, TransportApiResponse
from elastic_transport import Transport as ElasticTransport
from modelsearch.backends import import_backend
from opensearchpy import Transport as OpenSearchTransport
from wagtail.models import Page, PageViewRestriction

from knowledge.models import ArticlePage
from search import service
from search.backends import search_backends

pytestmark = pytest.mark.django_db

CLUSTER_ENVIRONMENTS = {
    "elasticsearch9": {"ELASTICSEARCH_URL": "http://search.invalid:9200"},
    "opensearch3": {"OPENSEARCH_URL": "https://user:secret@search.invalid:9200"},
    "elasticsearch8": {
        "ELASTICSEARCH_URL": "http://search.invalid:9200",
        "SEARCH_BACKEND": "wagtail.search.backends.elasticsearch8",
    },
    "opensearch2": {
        "OPENSEARCH_URL": "http://search.invalid:9200",
        "SEARCH_BACKEND": "wagtail.search.backends.opensearch2",
    },
}


def cluster_settings(environ):
    return search_backends(environ, uses_postgresql=False)


def make_backend(environ):
    params = dict(cluster_settings(environ)["default"])
    return import_backend(params.pop("BACKEND"))(params)


def empty_aggregations(definitions):
    """What an empty cluster answers to these aggregations: no buckets, no documents."""
    answers = {}
    for name, definition in definitions.items():
        if "terms" in definition:
            answers[name] = {"buckets": []}
        else:  # filter, nested: a count and the aggregations within
            answers[name] = {"doc_count": 0, **empty_aggregations(definition.get("aggs", {}))}
    return answers


def answer(body):
    """What an empty cluster answers to a search, a count, a facet request or a multi-search (a
    list of header and body pairs)."""
    if isinstance(body, list):
        return {"responses": [answer(search_body) for search_body in body[1::2]]}
    body = body or {}
    aggregations = empty_aggregations(body.get("aggregations", body.get("aggs", {})))
    return {"hits": {"total": {"value": 0}, "hits": []}, "count": 0, "aggregations": aggregations}


def elasticsearch_transport(requests):
    def perform_request(transport, method, target, *, body=None, **options):
        requests.append({"method": method, "target": target, "body": body})
        meta = ApiResponseMeta(
            status=200,
            http_version="1.1",
            duration=0.0,
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
            node=NodeConfig("http", "search.invalid", 9200),
        )
        return TransportApiResponse(meta, answer(body))

    return mock.patch.object(ElasticTransport, "perform_request", perform_request)


def opensearch_transport(requests):
    def perform_request(transport, method, url, params=None, body=None, headers=None, **options):
        if isinstance(body, (str, bytes)):  # a multi-search, serialised as JSON lines
            body = [json.loads(line) for line in body.splitlines() if line.strip()]
        requests.append({"method": method, "target": url, "body": body, "params": params})
        return answer(body)

    return mock.patch.object(OpenSearchTransport, "perform_request", perform_request)


@pytest.fixture(params=list(CLUSTER_ENVIRONMENTS))
def environ(request):
    return CLUSTER_ENVIRONMENTS[request.param]


@pytest.fixture
def captured(environ):
    """Send the site's searches through the configured backend and its real client, down to the
    HTTP transport, which records each request and answers as an empty cluster would."""
    requests = []
    backend = cluster_settings(environ)["default"]["BACKEND"]
    transport = opensearch_transport if "opensearch" in backend else elasticsearch_transport
    with override_settings(WAGTAILSEARCH_BACKENDS=cluster_settings(environ)), transport(requests):
        yield requests


# Choosing the backend


def test_database_backend_is_the_default_with_dutch_on_postgresql():
    assert search_backends({}, uses_postgresql=False) == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    assert search_backends({}, uses_postgresql=True)["default"]["SEARCH_CONFIG"] == "dutch"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL storage")
def test_postgresql_keeps_search_vectors_in_the_index_row():
    """A common word matches most pages; fetching each body vector from the TOAST table made
    that several times slower than the match itself."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = "
            "'wagtailsearch_indexentry'::regclass AND attname IN ('title', 'body', 'autocomplete')"
        )
        assert dict(cursor.fetchall()) == {"title": "m", "body": "m", "autocomplete": "m"}


@pytest.mark.parametrize(
    ("variable", "backend"),
    [
        ("ELASTICSEARCH_URL", "wagtail.search.backends.elasticsearch9"),
        ("OPENSEARCH_URL", "wagtail.search.backends.opensearch3"),
    ],
)
def test_cluster_url_chooses_wagtails_backend(variable, backend):
    config = search_backends({variable: "http://a:9200, http://b:9200"}, uses_postgresql=True)
    assert config["default"]["BACKEND"] == backend
    assert config["default"]["URLS"] == ["http://a:9200", "http://b:9200"]


def test_two_cluster_urls_are_refused():
    with pytest.raises(ImproperlyConfigured):
        search_backends({"ELASTICSEARCH_URL": "http://a", "OPENSEARCH_URL": "http://b"}, False)


# The index: mapping, analysis, documents


def test_index_uses_dutch_analysis_beside_wagtails_own_analyzers(environ):
    analyzers = make_backend(environ).settings["settings"]["analysis"]["analyzer"]
    assert analyzers["default"] == {"type": "dutch"}
    assert {"ngram_analyzer", "edgengram_analyzer"} <= set(analyzers)


def test_article_mapping_holds_the_fields_search_filters_and_facets_use(environ):
    backend = make_backend(environ)
    properties = backend.mapping_class(ArticlePage).get_mapping()["properties"]

    for name in ("title", "knowledge_articlepage__intro", "knowledge_articlepage__body"):
        assert properties[name]["type"] == "text"
    assert "_all_text_boost_2_0" in properties["knowledge_articlepage__intro"]["copy_to"]
    for filter_field, kind in {
        "live_filter": "boolean",
        "locale_id_filter": "integer",
        "content_type_id_filter": "integer",
        "path_filter": "keyword",
        "knowledge_articlepage__kind_filter": "keyword",
        "knowledge_articlepage__date_filter": "date",
        "knowledge_articlepage__for_pro_filter": "boolean",
        "knowledge_articlepage__for_vso_filter": "boolean",
    }.items():
        assert properties[filter_field]["type"] == kind, filter_field
    for relation in ("themes", "regions"):
        nested = properties[f"knowledge_articlepage__{relation}"]
        assert nested["type"] == "nested"
        assert nested["properties"]["code_filter"]["type"] == "keyword"
    assert backend.get_index_for_model(ArticlePage).name == "vsopro_wagtailcore_page"


def test_article_document_carries_its_text_themes_and_regions(environ):
    article = ArticlePage.objects.live().filter(regions__isnull=False, themes__isnull=False)[0]
    document = make_backend(environ).mapping_class(ArticlePage).get_document(article)

    assert document["title"] == article.title
    assert document["live_filter"] is True
    assert document["knowledge_articlepage__kind_filter"] == article.kind
    assert {item["code_filter"] for item in document["knowledge_articlepage__themes"]} == {
        theme.code for theme in article.themes.all()
    }
    assert {item["code_filter"] for item in document["knowledge_articlepage__regions"]} == {
        region.code for region in article.regions.all()
    }
    json.dumps(document, default=str)  # serialisable as the client will send it


# The queries the search service sends


def filters_of(body):
    """The query of a search body, or of each search in a multi-search, as text."""
    if isinstance(body, list):
        return " ".join(json.dumps(search_body["query"]) for search_body in body[1::2])
    return json.dumps(body["query"])


def test_service_query_keeps_drafts_foreign_locales_and_restricted_pages_out(captured):
    restricted = PageViewRestriction.objects.select_related("page").first().page

    result = service.search("stageplaats werkgever", {"theme": "nazorg"})

    assert result.total == 0
    request = captured[0]
    assert request["method"] == "POST"
    # Two words: all of them, and any of them should all of them find too few, in one request.
    assert request["target"].startswith("/vsopro_wagtailcore_page/_msearch")
    assert len(captured) == 1
    text = filters_of(request["body"])
    assert '{"term": {"live_filter": true}}' in text
    assert '"locale_id_filter"' in text
    assert '"content_type_id_filter"' in text
    assert json.dumps({"prefix": {"path_filter": restricted.path}}) in text
    assert "stageplaats" in text and "werkgever" in text
    assert '"_all_text_boost_2_0' in text  # boosted title and intro take part


def test_service_suggestions_compile_to_an_autocomplete_query(captured):
    assert service.suggest("stage") == []

    text = filters_of(captured[0]["body"])
    assert "_edgengrams" in text and "stage" in text
    assert '{"term": {"live_filter": true}}' in text


@pytest.mark.parametrize("facet", ["kind", "themes", "regions", "for_pro"])
def test_article_filter_fields_compile_to_engine_facets(captured, facet):
    results = ArticlePage.objects.live().filter(kind="handreiking").search("stage")

    assert results.facet(facet) == {}

    body = captured[-1]["body"]
    assert body["aggregations"][facet]["terms"]["field"] == f"knowledge_articlepage__{facet}_filter"
    assert '"knowledge_articlepage__kind_filter": "handreiking"' in filters_of(body)


# Against a real cluster


CLUSTER_URL = os.environ.get("ELASTICSEARCH_URL") or os.environ.get("OPENSEARCH_URL")


@pytest.mark.search_cluster
@pytest.mark.skipif(
    not CLUSTER_URL,
    reason="needs a running cluster: set ELASTICSEARCH_URL or OPENSEARCH_URL",
)
def test_search_service_finds_live_articles_on_a_real_cluster(tmp_path):
    environ = {
        key: value
        for key, value in os.environ.items()
        if key in {"ELASTICSEARCH_URL", "OPENSEARCH_URL", "SEARCH_BACKEND"}
    }
    environ["SEARCH_INDEX_PREFIX"] = f"vsopro_test_{uuid.uuid4().hex[:8]}_"
    config = cluster_settings(environ)
    corpus = tmp_path / "cluster.jsonl"
    corpus.write_text(
        "\n".join(
            json.dumps(
                {
                    "slug": slug,
                    "title": title,
                    "intro": "Praktijkonderwijs en werkgevers.",
                    "body_html": "<p>Zeldzaamwoord voor het clusterexperiment.</p>",
                    "kind": "instrument",
                    "themes": ["nazorg"],
                    "regions": ["AM22"],
                    "school_types": ["pro"],
                    "published": "2026-01-15",
                    "live": live,
                }
            )
            for slug, title, live in [
                ("cluster-live", "Jobcoaching op de werkvloer", True),
                ("cluster-concept", "Jobcoaching concept", False),
            ]
        ),
        encoding="utf-8",
    )

    with override_settings(WAGTAILSEARCH_BACKENDS=config):
        backend = make_backend(environ)
        index = backend.get_index_for_model(Page)
        try:
            index.reset()
            for model in (Page, ArticlePage):
                index.add_model(model)
            call_command("import_articles", str(corpus), stdout=io.StringIO())
            index.add_items(ArticlePage, list(ArticlePage.objects.all()))
            index.refresh()

            result = service.search("zeldzaamwoord", {"region": "AM22"})

            assert [hit.page.slug for hit in result.hits] == ["cluster-live"]
            assert result.facets["theme"][0].code == "nazorg"
        finally:
            index.delete()
