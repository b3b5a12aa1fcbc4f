"""News has an author: the kwartiermaker, the national editors or a region's coordinator. The
byline shows on the item and in listings; the news list, the feeds and the content API filter by
it; national editors keep the authors, coordinators only pick one."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from knowledge.models import Author, AuthorRole, NewsIndexPage, NewsPage
from regions.models import Region, RegionPage
from tests.knowledge.factories import NewsPageFactory
from tests.regions.conftest import make_user

pytestmark = pytest.mark.django_db

KWARTIERMAKER = "Peter van Dijk, kwartiermaker"
EDITOR = "Joyce Hermans, landelijke redactie"
ZEELAND = "Wouter Claessen, coördinator Zeeland"


def author(name):
    return Author.objects.get(name=name)


def news_index():
    return NewsIndexPage.objects.get(locale__language_code="nl")


def titles_by(role):
    return set(NewsPage.objects.live().filter(author__role=role).values_list("title", flat=True))


def html_of(client, path, params=None):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def escaped(title):
    return title.replace("'", "&#x27;")


# The byline


def test_the_demo_tells_the_kwartiermakers_news_apart():
    kwartiermaker = author("Peter van Dijk")
    assert str(kwartiermaker) == KWARTIERMAKER
    assert NewsPage.objects.live().filter(author=kwartiermaker, region__isnull=True).count() >= 3
    assert NewsPage.objects.live().filter(author__role=AuthorRole.NATIONAL_EDITORS).exists()
    for page in NewsPage.objects.live().filter(region__isnull=False):
        assert page.author.role == AuthorRole.COORDINATOR
        assert page.author.region == page.region


def test_the_news_item_shows_its_byline_linked_to_the_authors_other_news(client):
    page = NewsPage.objects.live().filter(author__name="Peter van Dijk").first()
    html = html_of(client, page.url)
    link = f"{news_index().url}?auteur={page.author_id}"
    assert f'Door <a href="{link}">{KWARTIERMAKER}</a>' in html
    others = html_of(client, link)
    assert all(escaped(title) in others for title in titles_by(AuthorRole.KWARTIERMAKER))
    assert not any(escaped(title) in others for title in titles_by(AuthorRole.NATIONAL_EDITORS))


def test_cards_on_the_news_list_home_and_region_pages_carry_the_byline(client, home_page):
    listing = html_of(client, news_index().url)
    assert f"Door {KWARTIERMAKER}" in listing
    assert f"Door {EDITOR}" in listing
    assert f"Door {ZEELAND}" in listing
    assert f"Door {KWARTIERMAKER}" in html_of(client, home_page.url)
    zeeland = RegionPage.objects.get(region__code="AM24", locale__language_code="nl")
    assert f"Door {ZEELAND}" in html_of(client, zeeland.url)


def test_a_news_item_without_author_has_no_byline(client):
    page = NewsPageFactory(parent=news_index(), title="Zonder auteur")
    assert "Door " not in html_of(client, page.url).split("<main", 1)[1]


# The news list's filters


def test_the_list_filters_by_role(client):
    html = html_of(client, news_index().url, {"rol": "kwartiermaker"})
    assert all(escaped(title) in html for title in titles_by(AuthorRole.KWARTIERMAKER))
    assert not any(escaped(title) in html for title in titles_by(AuthorRole.NATIONAL_EDITORS))
    assert not any(escaped(title) in html for title in titles_by(AuthorRole.COORDINATOR))
    assert '<a href="/nieuws/?rol=kwartiermaker" aria-current="true">Van de kwartiermaker</a>' in html

    regions = html_of(client, news_index().url, {"rol": "coordinator"})
    assert all(escaped(title) in regions for title in titles_by(AuthorRole.COORDINATOR))
    assert not any(escaped(title) in regions for title in titles_by(AuthorRole.KWARTIERMAKER))


def test_every_filter_link_is_offered_on_the_list(client):
    html = html_of(client, news_index().url)
    assert '<a href="/nieuws/" aria-current="true">Alle nieuws</a>' in html
    for query, label in [
        ("kwartiermaker", "Van de kwartiermaker"),
        ("landelijke-redactie", "Landelijke redactie"),
        ("coordinator", "Regio&#x27;s"),
    ]:
        assert f'<a href="/nieuws/?rol={query}">{label}</a>' in html


def test_drafts_and_other_authors_stay_out_of_a_filtered_list(client):
    kwartiermaker = author("Peter van Dijk")
    NewsPageFactory(
        parent=news_index(), title="Concept van de kwartiermaker", author=kwartiermaker, publish=False
    )
    for params in ({"rol": "kwartiermaker"}, {"auteur": kwartiermaker.pk}):
        html = html_of(client, news_index().url, params)
        assert "Concept van de kwartiermaker" not in html
        assert escaped(next(iter(titles_by(AuthorRole.KWARTIERMAKER)))) in html


def test_the_list_of_one_author_names_the_author(client):
    zeeland = author("Wouter Claessen")
    html = html_of(client, news_index().url, {"auteur": zeeland.pk})
    assert f"Nieuws van {ZEELAND}" in html
    assert "Zeeuwse scholen en Werkgeversservicepunt" in html
    assert not any(escaped(title) in html for title in titles_by(AuthorRole.KWARTIERMAKER))


@pytest.mark.parametrize(
    "params",
    [
        {"rol": "onzin"},
        {"auteur": "abc"},
        {"auteur": "999999"},
        {"auteur": "9" * 30},
        {"auteur": "-1"},
        {"auteur": "²"},
    ],
)
def test_a_bad_filter_shows_all_news_and_says_so(client, params):
    html = html_of(client, news_index().url, params)
    assert "Dit filter is onbekend; hieronder staat al het nieuws." in html
    assert all(escaped(title) in html for title in titles_by(AuthorRole.KWARTIERMAKER))
    assert all(escaped(title) in html for title in titles_by(AuthorRole.NATIONAL_EDITORS))


def test_pagination_keeps_the_filter(client):
    kwartiermaker = author("Peter van Dijk")
    for number in range(12):
        NewsPageFactory(parent=news_index(), title=f"Kwartiermaker bericht {number}", author=kwartiermaker)
    first = html_of(client, news_index().url, {"rol": "kwartiermaker"})
    assert 'href="?rol=kwartiermaker&amp;page=2"' in first
    second = html_of(client, news_index().url, {"rol": "kwartiermaker", "page": 2})
    assert "Pagina 2 van 2" in second
    assert not any(escaped(title) in second for title in titles_by(AuthorRole.NATIONAL_EDITORS))


def count_queries(client, path, params):
    client.get(path, params)  # warm the per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured)


def add_news(count):
    authors = list(Author.objects.all())
    for number in range(count):
        page = NewsPageFactory.build(title=f"Extra {number}", author=authors[number % len(authors)])
        page.tags.add("stage", f"extra {number}")
        news_index().add_child(instance=page)
        page.save_revision().publish()


@pytest.mark.parametrize("params", [{}, {"rol": "coordinator"}, {"auteur": "author"}])
def test_the_news_list_costs_the_same_queries_however_many_authors_it_shows(client, no_page_cache, params):
    if params.get("auteur"):
        params = {"auteur": author("Ilse Brouwer").pk}
    path = news_index().url
    few = count_queries(client, path, params)
    add_news(10)
    Author.objects.filter(region__isnull=False).update(name="Andere coördinator")
    assert count_queries(client, path, params) == few


# Feeds


def test_feed_items_carry_their_authors_byline(client):
    rss = client.get(reverse("feeds:news-rss")).content.decode()
    assert f">{KWARTIERMAKER}</dc:creator>" in rss
    assert f">{EDITOR}</dc:creator>" in rss
    atom = client.get(reverse("feeds:news-atom")).content.decode()
    assert f"<author><name>{KWARTIERMAKER}</name></author>" in atom
    zeeland = client.get(reverse("feeds:region-rss", args=["AM24"])).content.decode()
    assert f">{ZEELAND}</dc:creator>" in zeeland


def test_the_kwartiermakers_feed_lists_only_her_news(client):
    rss = client.get(reverse("feeds:news-rss"), {"rol": "kwartiermaker"}).content.decode()
    assert "Nieuws van de kwartiermaker" in rss
    assert "/nieuws/rss/?rol=kwartiermaker" in rss
    assert rss.count("<item>") == len(titles_by(AuthorRole.KWARTIERMAKER))
    assert f">{EDITOR}</dc:creator>" not in rss
    assert client.get(reverse("feeds:news-atom"), {"rol": "onzin"}).status_code == 404
    regions = client.get(reverse("feeds:news-rss"), {"rol": "coordinator"}).content.decode()
    assert regions.count("<item>") == len(titles_by(AuthorRole.COORDINATOR))
    assert f">{ZEELAND}</dc:creator>" in regions


def test_the_filtered_list_offers_its_feed(client):
    html = html_of(client, news_index().url, {"rol": "kwartiermaker"})
    assert '<a href="/feeds/nieuws/rss/?rol=kwartiermaker">Volg deze berichten als RSS-feed</a>' in html
    assert "/feeds/nieuws/rss/?rol=" not in html_of(client, news_index().url)


# Content API


def api_news(client, **params):
    response = client.get("/api/v2/pages/", {"type": "knowledge.NewsPage", "fields": "author", **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_the_api_shows_the_author(client):
    items = {item["title"]: item["author"] for item in api_news(client, limit=50)}
    assert items["Zeeuwse scholen en Werkgeversservicepunt tekenen convenant over stageplaatsen"] == {
        "name": "Wouter Claessen",
        "role": "coordinator",
        "role_label": "coördinator",
        "region": {"code": "AM24", "name": "Zeeland"},
    }
    kwartiermaker = items["Kwartiermaker: 'Elke arbeidsmarktregio heeft nu een netwerkcoördinator'"]
    assert kwartiermaker == {
        "name": "Peter van Dijk",
        "role": "kwartiermaker",
        "role_label": "kwartiermaker",
        "region": None,
    }


def test_the_api_filters_by_author_role_and_author(client):
    by_role = {item["title"] for item in api_news(client, author_role="kwartiermaker", limit=50)}
    assert by_role == titles_by(AuthorRole.KWARTIERMAKER)
    zeeland = author("Wouter Claessen")
    by_author = [item["author"]["name"] for item in api_news(client, author=zeeland.pk)]
    assert by_author == ["Wouter Claessen"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "knowledge.NewsPage", "author_role": "onzin"},
        {"author_role": "kwartiermaker"},  # without the news type
        {"type": "knowledge.ArticlePage", "author_role": "kwartiermaker"},
        {"type": "knowledge.NewsPage", "author": "abc"},
    ],
)
def test_bad_author_filters_answer_400(client, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert response.json()["message"]


def test_the_api_list_with_authors_costs_the_same_queries(client, no_page_cache):
    params = {"type": "knowledge.NewsPage", "fields": "*", "limit": 100}
    few = count_queries(client, "/api/v2/pages/", params)
    add_news(10)
    assert count_queries(client, "/api/v2/pages/", params) == few
    items = {item["title"]: item for item in client.get("/api/v2/pages/", params).json()["items"]}
    assert items["Extra 3"]["tags"] == ["extra 3", "stage"]
    assert items["Extra 3"]["author"]["name"]


# The authors themselves


@pytest.mark.parametrize(
    ("role", "region_code"),
    [
        (AuthorRole.COORDINATOR, None),
        (AuthorRole.KWARTIERMAKER, "AM22"),
        (AuthorRole.NATIONAL_EDITORS, "AM22"),
    ],
)
def test_only_a_coordinator_has_a_region_and_always_one(role, region_code):
    region = Region.objects.get(code=region_code) if region_code else None
    with pytest.raises(ValidationError) as error:
        Author(name="Sam de Boer", role=role, region=region).full_clean()
    assert list(error.value.message_dict) == ["region"]


def add_author(client, **fields):
    data = {"name": "Carla Jansen", "role": "coordinator", "region": "", **fields}
    return client.post(reverse("wagtailsnippets_knowledge_author:add"), data)


def test_national_editors_keep_the_authors(client):
    editor = make_user("redacteur", "Landelijke redactie")
    assert {
        "knowledge.add_author",
        "knowledge.change_author",
        "knowledge.delete_author",
    } <= editor.get_all_permissions()
    client.force_login(editor)
    listing = html_of(client, reverse("wagtailsnippets_knowledge_author:list"), {"role": "kwartiermaker"})
    assert "Peter van Dijk" in listing
    assert "Joyce Hermans" not in listing
    response = add_author(client)
    assert response.status_code == 200
    assert "Kies de regio van de coördinator." in response.content.decode()
    assert not Author.objects.filter(name="Carla Jansen").exists()

    rijnmond = Region.objects.get(code="AM22")
    assert add_author(client, region=rijnmond.pk).status_code == 302
    assert str(Author.objects.get(name="Carla Jansen")) == "Carla Jansen, coördinator Rijnmond"


@pytest.mark.parametrize(
    "groups",
    [
        ["Coördinator Rijnmond", "Netwerk coördinatoren"],
        ["Stuurgroep Rijnmond"],
        ["Beheer netwerk"],
        ["Vertalers"],
    ],
)
def test_only_national_editors_reach_the_authors_in_the_admin(client, groups):
    client.force_login(make_user("iemand", *groups))
    kwartiermaker = author("Peter van Dijk")
    for address in (
        reverse("wagtailsnippets_knowledge_author:list"),
        reverse("wagtailsnippets_knowledge_author:add"),
        reverse("wagtailsnippets_knowledge_author:edit", args=[kwartiermaker.pk]),
        reverse("wagtailsnippets_knowledge_author:delete", args=[kwartiermaker.pk]),
    ):
        assert client.get(address).status_code == 302, address
    client.post(reverse("wagtailsnippets_knowledge_author:delete", args=[kwartiermaker.pk]))
    client.post(
        reverse("wagtailsnippets_knowledge_author:edit", args=[kwartiermaker.pk]),
        {"name": "Gekaapt", "role": "kwartiermaker", "region": ""},
    )
    assert str(author("Peter van Dijk")) == KWARTIERMAKER


def test_coordinators_choose_an_author_but_do_not_edit_them(client):
    coordinator = make_user("coordinator-rijnmond", "Coördinator Rijnmond", "Netwerk coördinatoren")
    client.force_login(coordinator)
    kwartiermaker = author("Peter van Dijk")
    assert (
        client.get(reverse("wagtailsnippets_knowledge_author:edit", args=[kwartiermaker.pk])).status_code
        == 302
    )
    assert add_author(client, region=Region.objects.get(code="AM22").pk).status_code == 302
    assert not Author.objects.filter(name="Carla Jansen").exists()

    rijnmond = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    form = client.get(reverse("wagtailadmin_pages:add", args=["knowledge", "newspage", rijnmond.pk]))
    assert form.status_code == 200
    assert 'name="author"' in form.content.decode()
    chooser = client.get(reverse("wagtailsnippetchoosers_knowledge_author:choose"), {"q": "Peter"})
    assert chooser.status_code == 200
    assert KWARTIERMAKER in chooser.json()["html"]


def test_the_byline_in_english():
    with translation.override("en"):
        assert str(author("Peter van Dijk")) == "Peter van Dijk, national coordinator"
        assert str(author("Joyce Hermans")) == "Joyce Hermans, national editorial team"
        assert str(author("Wouter Claessen")) == "Wouter Claessen, coordinator Zeeland"
