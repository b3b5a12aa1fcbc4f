"""Property-based fuzzing: whatever a client sends, the APIs answer with a 2xx or a 4xx, never a
server error. The project's own API is fuzzed from its OpenAPI schema (schemathesis), with valid
and invalid input; the content API, which has no schema, from generated query parameters."""

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

pytestmark = pytest.mark.django_db

# A deeper run: API_FUZZ_EXAMPLES=2000 pytest tests/api/test_fuzz.py
EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def project_operations():
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    return [result.ok() for result in schema.get_all_operations()]


def test_project_api_never_answers_with_a_server_error(wsgi_keeps_the_test_connection):
    operations = project_operations()
    assert {op.path for op in operations} >= {"/api/regions/", "/api/schools/", "/api/themes/{code}/"}
    for operation in operations:
        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)
        )

        @FUZZ
        @given(case=cases)
        def answers_without_server_error(case):
            response = case.call()
            assert response.status_code < 500, case.as_curl_command()

        answers_without_server_error()


CONTENT_PARAMETERS = [
    "type",
    "fields",
    "limit",
    "offset",
    "order",
    "search",
    "search_operator",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "locale",
    "site",
    "html_path",
    "id",
    "theme",
    "region",
    "kind",
    "school_type",
    "date_from",
    "date_to",
    "rich_text_format",
    "title",
    "author",
    "author_role",
]
values = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(str),
    st.sampled_from(
        [
            "*",
            "_,title",
            "*,-body",
            "body",
            "-title",
            "random",
            "knowledge.ArticlePage",
            "knowledge.NewsPage",
            "kwartiermaker",
            "regions.RegionPage,themes.ThemePage",
            "wagtailcore.Page",
            "nazorg",
            "AM22",
            "pro",
            "en",
            "html",
            "markdown",
            "and",
            "or",
            "2027-02-30",
            "title(intro)",
            "\x00",
        ]
    ),
)
content_queries = st.dictionaries(
    st.one_of(st.sampled_from(CONTENT_PARAMETERS), st.text(max_size=10)), values, max_size=4
)
content_paths = st.sampled_from(
    [
        "/api/v2/pages/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v2/redirects/",
    ]
) | st.builds(
    "/api/v2/{}/{}/".format,
    st.sampled_from(["pages", "images", "documents", "redirects"]),
    st.integers(min_value=0, max_value=2**70),
)


@settings(FUZZ, max_examples=EXAMPLES * 4)
@given(path=content_paths, query=content_queries)
def test_content_api_never_answers_with_a_server_error(client, path, query):
    response = client.get(path, query)
    assert response.status_code < 500, (path, query)
    if response.status_code >= 400:
        assert response.json()["message"]
