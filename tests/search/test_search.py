"""The search service through its two faces: the search page /zoeken/ and the API /api/search/."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from knowledge.models import KnowledgeIndexPage
from regions.models import RegionPage
from search import service
from search.models import SearchTerm, UnansweredQuery
from search.service import search
from search.vocabulary import known
from tests.knowledge.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def add_article(title, intro, live=True, password=None, **fields):
    """A Kennisbank article, saved as a draft; a password restriction is in place before it is
    published."""
    page = ArticlePageFactory(
        parent=KnowledgeIndexPage.objects.get(locale__language_code="nl"),
        publish=False,
        title=title,
        intro=intro,
        kind=fields.pop("kind", "handreiking"),
        **fields,
    )
    if password:
        PageViewRestriction.objects.create(page=page, restriction_type="password", password=password)
    if live:
        page.save_revision().publish()
    return page


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_drafts_and_private_pages_never_appear(client):
    add_article("Zeldzaamwoord in een concept", "Concepttekst zeldzaamwoord.", live=False)
    add_article("Zeldzaamwoord achter een wachtwoord", "Besloten zeldzaamwoord.", password="x")
    public = add_article("Zeldzaamwoord voor iedereen", "Openbare tekst.")

    result = api(client, q="zeldzaamwoord")
    assert [item["id"] for item in result["results"]] == [public.pk]
    assert result["total"] == 1
    assert sum(value["count"] for value in result["facets"]["type"]) == 1
    suggestions = client.get("/api/search/suggest/", {"q": "zeldzaam"}).json()
    assert [item["title"] for item in suggestions] == ["Zeldzaamwoord voor iedereen"]
    page = client.get("/zoeken/", {"q": "zeldzaamwoord"}).content.decode()
    assert "Openbare tekst" in page and "concept" not in page and "wachtwoord" not in page


def test_facet_counts_follow_the_query_and_the_other_filters(client):
    unfiltered = api(client, q="stage")
    theme = unfiltered["facets"]["theme"][0]
    narrowed = api(client, q="stage", theme=theme["code"])

    assert narrowed["total"] == theme["count"] < unfiltered["total"]
    # the theme facet ignores its own filter, so other themes stay reachable with their counts
    assert narrowed["facets"]["theme"] == unfiltered["facets"]["theme"]
    # the other facets count only what the theme filter leaves
    assert sum(v["count"] for v in narrowed["facets"]["type"]) == narrowed["total"]
    assert all(theme["code"] in [t["code"] for t in item["themes"]] for item in narrowed["results"])


def test_a_region_filter_finds_regional_pages_of_every_type():
    result = search("", {"region": "AM22"}, page_size=100)
    assert result.total == len(result.hits) > 1
    assert all("AM22" in [region.code for region in hit.regions] for hit in result.hits)
    assert {"region", "article", "event"} <= {hit.type_code for hit in result.hits}


def test_snippets_escape_content_and_mark_the_matched_words(client):
    body = [("paragraph", "<p>Stageplaatsen <b>vet</b> &amp; veilig.</p>")]
    add_article("Veilige snippets", 'Een <script>alert("x")</script> over stageplaatsen.', body=body)
    item = api(client, q="veilige stageplaats")["results"][0]
    assert "<script>" not in item["snippet"] and "<b>" not in item["snippet"]
    assert "&lt;script&gt;" in item["snippet"]  # the intro is plain text, shown as typed
    assert "<mark>stageplaatsen</mark>" in item["snippet"]
    assert "vet &amp; " in item["snippet"]  # the body's markup is dropped, its text kept


def test_snippets_hold_the_bodys_text_not_its_block_settings(client):
    body = [
        ("paragraph", "<p>Inleiding.</p>"),
        ("heading", {"text": "Fietsmaatjes voor elke stage", "level": "h2"}),
    ]
    add_article("Vervoer", "Over vervoer.", body=body)
    snippet = api(client, q="fietsmaatjes")["results"][0]["snippet"]
    assert "<mark>Fietsmaatjes</mark>" in snippet
    assert "h2" not in snippet


@pytest.mark.parametrize(
    "params, message",
    [
        ({"theme": "bestaat-niet"}, "bestaat-niet"),
        ({"region": "AM99"}, "AM99"),
        ({"type": "video"}, "video"),
        ({"page_size": 101}, "100"),
        ({"page": 0}, "1"),
        ({"page": "twee"}, "page"),
        ({"page": 10_001}, "10000"),
        ({"page": 461168601842738792}, "10000"),
        ({"page": 9223372036854775807}, "10000"),
        ({"page": 2**64}, "10000"),
        ({"sort": "titel"}, "date"),
        ({"q": "stage " * 2000}, "200"),
    ],
)
def test_bad_parameters_get_400_with_a_reason(client, params, message):
    response = client.get("/api/search/", params)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    if "page_size" not in params:  # the page shows a fixed number of results
        assert client.get("/zoeken/", params).status_code == 400


@pytest.mark.parametrize("query", ['"', "'", "AND", "OR NOT (", "-", "stage\x07\x1bplaats", "*", "\\"])
def test_odd_queries_get_an_answer_not_an_error(client, query):
    assert client.get("/api/search/", {"q": query}).status_code == 200
    assert client.get("/zoeken/", {"q": query}).status_code == 200


def test_a_page_beyond_the_end_is_empty_with_the_true_total(client):
    result = api(client, q="stage", page=999)
    assert result["results"] == [] and result["total"] > 0
    assert api(client, q="stage", page=10_000, page_size=100)["results"] == []


def test_the_service_refuses_page_numbers_beyond_its_bound():
    with pytest.raises(service.InvalidSearch):
        search("stage", page=service.MAX_PAGE + 1)


def test_a_misspelt_word_still_finds_the_article(client):
    target = add_article("Praktijkschool opent leerwerkplaats", "Een nieuwe leerwerkplaats.")
    assert target.pk in [item["id"] for item in api(client, q="praktijkschol leerwerkplaats")["results"]]


def test_adjacent_words_also_count_as_one_compound(client):
    target = add_article("Ouderbetrokkenheid versterken", "Ouders betrekken bij de stage.")
    assert api(client, q="ouder betrokkenheid")["results"][0]["id"] == target.pk


def test_a_title_match_outranks_a_match_deep_in_the_body(client):
    body = [("paragraph", "<p>" + "Algemene tekst over scholen. " * 30 + "Kringloopwinkel.</p>")]
    in_body = add_article("Werken in de regio", "Een verhaal over werk.", body=body)
    in_title = add_article("De kringloopwinkel als leerplek", "Een verhaal over leren.")
    ids = [item["id"] for item in api(client, q="kringloopwinkel")["results"]]
    assert ids.index(in_title.pk) < ids.index(in_body.pk)


def test_pages_with_all_words_come_first_then_pages_with_any():
    both = add_article("Een bijenhotel bij de tuinbouwkas", "Over allebei.")
    one = add_article("Een bijenhotel bouwen met leerlingen", "Alleen dit.")
    other = add_article("Werken in de tuinbouwkas", "Alleen dat.")
    result = search("tuinbouwkas bijenhotel")
    ids = [hit.page.pk for hit in result.hits]
    assert ids[0] == both.pk
    assert sorted(ids) == sorted([both.pk, one.pk, other.pk]) and result.total == 3
    assert search("tuinbouwkas bijenhotel", page=2, page_size=2).hits[0].page.pk in (one.pk, other.pk)


def test_sorting_by_date_puts_the_newest_first(client):
    dates = [item["date"] for item in api(client, type="article", sort="date")["results"]]
    assert dates == sorted(dates, reverse=True)


def test_promoted_pages_come_first_and_queries_are_recorded(client):
    region_page = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    promotion_query = Query.get("stageplaats")
    SearchPromotion.objects.create(query=promotion_query, page=region_page, sort_order=0)

    assert api(client, q="stageplaats")["results"][0]["id"] == region_page.pk
    api(client, q="blokfluitles")
    assert Query.get("stageplaats").hits == 1
    assert UnansweredQuery.objects.get(query_string="blokfluitles").hits == 1


def test_editors_see_the_queries_without_results(client, django_user_model):
    api(client, q="blokfluitles")
    client.force_login(django_user_model.objects.get(username="admin"))
    response = client.get("/admin/reports/unanswered-queries/")
    assert response.status_code == 200
    assert "blokfluitles" in response.content.decode()


def test_the_page_and_the_api_give_the_same_results(client):
    html = client.get("/zoeken/", {"q": "stageplaats werkgever"}).content.decode()
    theme_link = re.search(r'href="(\?q=stageplaats\+werkgever&amp;theme=[^"]+)"', html).group(1)
    narrowed_html = client.get("/zoeken/" + theme_link.replace("&amp;", "&")).content.decode()
    theme = re.search(r"theme=([\w-]+)", theme_link).group(1)
    result = api(client, q="stageplaats werkgever", theme=theme, page_size=12)
    titles = re.findall(r'class="search-hit__title"><a href="[^"]*">([^<]+)</a>', narrowed_html)
    assert titles == [item["title"] for item in result["results"]]
    assert len(titles) > 1 and f"{result['total']} resultaten" in narrowed_html


def test_suggestions_are_titles_that_start_with_what_was_typed(client):
    suggestions = client.get("/api/search/suggest/", {"q": "stagepl"}).json()
    assert suggestions
    assert all(re.search(r"\bstagepl", item["title"], re.IGNORECASE) for item in suggestions)


def test_the_openapi_schema_documents_the_search_api(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/search/" in paths and "/api/search/suggest/" in paths


def test_the_number_of_queries_does_not_grow_with_the_matches():
    def count_queries():
        search("stage", {"type": "article"})  # builds the vocabulary once
        with CaptureQueriesContext(connection) as queries:
            result = search("stage", {"type": "article"})
        return len(queries), result.total

    before, total_before = count_queries()
    for number in range(15):
        add_article(f"Stage nummer {number}", "Nog een stage.", regions=[], themes=[])
    after, total_after = count_queries()
    assert total_after == total_before + 15
    # a few per page type among the matches, whatever their number
    assert after == before <= 25


def test_only_words_of_published_public_pages_feed_typo_correction():
    add_article("Concept", "Conceptwoordje.", live=False)
    add_article("Besloten", "Geheimwoordje.", password="x")
    add_article("Openbaar", "Openbaarwoordje.")
    assert known(["conceptwoordje", "geheimwoordje", "openbaarwoordje"]) == {"openbaarwoordje"}
    assert search("geheimwoordj").total == 0  # no correction towards a private page's word


def test_update_search_terms_collects_the_words_of_public_pages_once():
    SearchTerm.objects.all().delete()
    call_command("update_search_terms", stdout=io.StringIO())
    count = SearchTerm.objects.count()
    assert known(["stageplaatsen", "werkgevers"]) == {"stageplaatsen", "werkgevers"}
    call_command("update_search_terms", stdout=io.StringIO())
    assert SearchTerm.objects.count() == count


@pytest.mark.parametrize("query", ["stage", ""])
def test_each_facet_count_is_the_number_of_results_when_it_is_chosen(query):
    result = search(query, {"school_type": "pro"})
    assert [value.code for value in result.facets["school_type"] if value.active] == ["pro"]
    for facet, values in result.facets.items():
        for value in values:
            narrowed = search(query, result.filters | {facet: value.code})
            assert narrowed.total == value.count, (facet, value.code)


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_paging_through_all_results_shows_each_match_once(monkeypatch, sort):
    monkeypatch.setattr(service, "RERANK_WINDOW", 4)  # pages on both sides of the window
    in_title = add_article("Stage bij de bakker", "Een verhaal over leren.")
    first = search("stage", page_size=3, sort=sort)
    hits = [
        hit
        for page in range(1, first.num_pages + 1)
        for hit in search("stage", page=page, page_size=3, sort=sort).hits
    ]
    shown = [hit.page.pk for hit in hits]
    assert len(shown) == len(set(shown)) == first.total > 4
    if sort == "date":
        dates = [hit.date or hit.page.first_published_at.date() for hit in hits]
        assert dates == sorted(dates, reverse=True)
    else:
        assert in_title.pk in [hit.page.pk for hit in first.hits]
