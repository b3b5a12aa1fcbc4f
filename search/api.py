"""The search API: the search service as JSON (DESIGN §4), and title suggestions while typing."""

from datetime import date

from django.http import JsonResponse
from django.urls import reverse
from ninja import Query, Router, Schema
from wagtail.api.utils import get_full_url

from core.schemas import ProblemOut

from . import service

router = Router(tags=["zoeken"])


class SearchHitRegionOut(Schema):
    code: str
    name: str


class SearchHitThemeOut(Schema):
    code: str
    title: str


class SearchHitOut(Schema):
    id: int
    slug: str
    type: str
    title: str
    url: str
    api_url: str
    snippet: str
    date: date | None
    region: SearchHitRegionOut | None
    themes: list[SearchHitThemeOut]
    kind: str | None


class SearchFacetValueOut(Schema):
    code: str
    title: str
    count: int


class SearchFacetsOut(Schema):
    theme: list[SearchFacetValueOut]
    region: list[SearchFacetValueOut]
    type: list[SearchFacetValueOut]
    kind: list[SearchFacetValueOut]
    school_type: list[SearchFacetValueOut]


class SearchResultsOut(Schema):
    query: str
    total: int
    page: int
    page_size: int
    results: list[SearchHitOut]
    facets: SearchFacetsOut


class SearchParams(Schema):
    q: str = ""
    theme: str = ""
    region: str = ""
    kind: str = ""
    type: str = ""
    school_type: str = ""
    page: int = 1
    page_size: int = service.DEFAULT_PAGE_SIZE
    sort: str = "relevance"


class SearchSuggestionOut(Schema):
    title: str
    url: str


def as_json(hit, request):
    page = hit.page
    region = hit.regions[0] if hit.regions else None
    return {
        "id": page.pk,
        "slug": page.slug,
        "type": hit.type_code,
        "title": page.title,
        "url": page.get_full_url(request),
        "api_url": get_full_url(request, reverse("wagtailapi:pages:detail", args=[page.pk])),
        "snippet": str(hit.snippet),
        "date": hit.date,
        "region": region and {"code": region.code, "name": region.name},
        "themes": [{"code": theme.code, "title": theme.title} for theme in hit.themes],
        "kind": hit.kind,
    }


@router.get(
    "/",
    response={200: SearchResultsOut, 400: ProblemOut, 503: ProblemOut},
    summary="Zoeken in het kennisplatform",
)
def search(request, params: Query[SearchParams]):
    """Live, public pages matching `q`, with facet counts. Each facet counts the matches under
    every active filter except its own. Snippets are HTML-escaped with matches in `<mark>`."""
    filters = {name: getattr(params, name) for name in service.FACETS}
    try:
        result = service.search(
            params.q, filters, page=params.page, page_size=params.page_size, sort=params.sort
        )
    except service.InvalidSearch as error:
        return problem(error)
    service.record(result)
    return {
        "query": result.query,
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "results": [as_json(hit, request) for hit in result.hits],
        "facets": {
            name: [{"code": v.code, "title": v.title, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
    }


@router.get(
    "/suggest/",
    response={200: list[SearchSuggestionOut], 400: ProblemOut, 503: ProblemOut},
    summary="Suggesties tijdens het typen",
)
def suggest(request, q: str = ""):
    """Titles of live, public pages with a word that starts with what was typed."""
    try:
        pages = service.suggest(q)
    except service.InvalidSearch as error:
        return problem(error)
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]


def problem(error):
    """The search's answer to input it cannot take (400) or to an engine that is down (503, with
    Retry-After)."""
    response = JsonResponse({"detail": str(error)}, status=error.status)
    if isinstance(error, service.SearchUnavailable):
        response["Retry-After"] = str(error.retry_after)
    return response
