"""The search page, /zoeken/: the search service as HTML, with facet links that work without JS."""

from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from . import service

PAGE_SIZE = 12
FACET_HEADINGS = {
    "theme": _("Thema"),
    "region": _("Regio"),
    "kind": _("Soort"),
    "type": _("Soort pagina"),
    "school_type": _("Schooltype"),
}


def search_page(request):
    params = request.GET
    context = {"search_query": params.get("q", ""), "result": None, "error": None}
    try:
        result = service.search(
            params.get("q", ""),
            {name: params.get(name, "") for name in service.FACETS},
            page=_page_number(params.get("page", "1")),
            page_size=PAGE_SIZE,
            sort=params.get("sort") or "relevance",
        )
    except service.InvalidSearch as error:
        context["error"] = str(error)
        response = TemplateResponse(request, "search/search_page.html", context, status=error.status)
        if isinstance(error, service.SearchUnavailable):
            response["Retry-After"] = str(error.retry_after)
        return response
    service.record(result)
    context.update(
        result=result,
        search_query=result.query,
        facets=[
            (name, FACET_HEADINGS[name], [(value, _toggle_url(params, name, value)) for value in values])
            for name, values in result.facets.items()
            if values
        ],
        pages=_page_links(params, result),
    )
    return TemplateResponse(request, "search/search_page.html", context)


def _page_number(text):
    try:
        return int(text)
    except ValueError as error:
        raise service.invalid_page() from error


def _url(params, **changes):
    query = QueryDict(mutable=True)
    query.update({key: value for key, value in params.items() if value})
    for key, value in changes.items():
        query.pop(key, None)
        if value:
            query[key] = value
    return "?" + query.urlencode()


def _toggle_url(params, name, value):
    """The same search with this facet value chosen, or no longer chosen."""
    return _url(params, **{name: None if value.active else value.code, "page": None})


def _page_links(params, result):
    near = range(max(1, result.page - 2), min(result.num_pages, result.page + 2) + 1)
    numbers = sorted({1, result.num_pages, *near})
    return {
        "numbers": [(number, _url(params, page=str(number))) for number in numbers],
        "previous": result.page > 1 and _url(params, page=str(result.page - 1)),
        "next": result.page < result.num_pages and _url(params, page=str(result.page + 1)),
    }
