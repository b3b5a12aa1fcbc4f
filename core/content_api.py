"""The content API's endpoints (/api/v2/): Wagtail's own, with the page filters front ends need
(theme, region, kind, school type, date range), public content only, answered as for an anonymous
visitor, a 4xx for any bad input and no N+1 queries."""

import copy
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.redirects.api.v2 import RedirectsAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .limits import MAX_INTEGER, MAX_QUERY_LENGTH, MAX_TERMS, TERM
from .preview import PreviewUnavailable, preview_page
from .representations import images_with_renditions
from .taxonomy import TAXONOMY_FACETS, known_codes, pages_dated, pages_having

DATE_FILTERS = {"date_from": "gte", "date_to": "lte"}


def _parse_date(name, value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(
            _("%(name)s is geen datum in de vorm JJJJ-MM-DD: %(value)s") % {"name": name, "value": value}
        ) from None


class ContentFilter(BaseFilterBackend):
    """?theme=code, ?region=AMxx, ?kind=code, ?school_type=pro|vso, ?date_from=, ?date_to=: on
    every page type that declares the facet in its taxonomy (`core.taxonomy`); with ?type=, the
    filters the page type declares in `api_filters`."""

    parameters = [*TAXONOMY_FACETS, "school_type", *DATE_FILTERS]

    def filter_queryset(self, request, queryset, view):
        for name in TAXONOMY_FACETS:
            if name in request.GET:
                value = request.GET[name]
                if value not in known_codes(name):
                    raise BadRequestError(
                        _("Onbekende waarde voor %(name)s: %(value)s") % {"name": name, "value": value}
                    )
                queryset = queryset.filter(pages_having(name, value))
        if "school_type" in request.GET:
            value = request.GET["school_type"]
            if value not in known_codes("school_type"):
                raise BadRequestError(_("school_type is pro of vso"))
            queryset = queryset.filter(pages_having("school_type", value))
        dates = {name: _parse_date(name, request.GET[name]) for name in DATE_FILTERS if name in request.GET}
        if len(dates) == 2 and dates["date_from"] > dates["date_to"]:
            raise BadRequestError(_("date_from ligt na date_to"))
        for name, value in dates.items():
            queryset = queryset.filter(pages_dated(DATE_FILTERS[name], value))
        return _declared_filters(request, queryset)


def _declared_filters(request, queryset):
    """The filters a page type declares in `api_filters` ({parameter: lookup}, e.g. news by
    ?author_role=): each in the query narrows the pages to its value, which must be one of the
    choices of the field the lookup ends at."""
    for name, lookup in getattr(queryset.model, "api_filters", {}).items():
        if name not in request.GET:
            continue
        value = request.GET[name]
        if value not in [choice for choice, _label in _lookup_field(queryset.model, lookup).choices]:
            raise BadRequestError(
                _("Onbekende waarde voor %(name)s: %(value)s") % {"name": name, "value": value}
            )
        queryset = queryset.filter(**{lookup: value})
    return queryset


def _lookup_field(model, lookup):
    *relations, name = lookup.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model._meta.get_field(name)


def public_pages(request):
    """Live pages outside view restrictions, judged as for an anonymous visitor whatever session
    the request carries: API responses are shared and cached."""
    anonymous = copy.copy(request)
    anonymous.user = AnonymousUser()
    anonymous.session = {}
    try:
        return get_public_pages_queryset(anonymous)
    except ValueError as error:
        raise BadRequestError(str(error)) from error


def with_related(queryset):
    """Fetch the relations a page type's API fields use in bulk: one query per relation, however
    many pages the list holds. A related row's own relations come along when the field's
    serializer names them in `select_related`."""
    model = queryset.model
    queryset = queryset.select_related("locale")
    for api_field in getattr(model, "api_fields", ()):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one or field.one_to_one:
            nested = getattr(getattr(api_field, "serializer", None), "select_related", ())
            queryset = queryset.select_related(field.name, *(f"{field.name}__{name}" for name in nested))
        elif field.many_to_many:
            queryset = queryset.prefetch_related(field.name)
        elif field.one_to_many:
            queryset = queryset.prefetch_related(_child_prefetch(field))
    return queryset


def _child_prefetch(relation):
    """Inline rows (attachments, coordinators, …) with their own related objects."""
    child = relation.related_model
    names = [getattr(api_field, "name", api_field) for api_field in getattr(child, "api_fields", ())]
    single, many = [], []
    for name in names:
        try:
            field = child._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one and field.related_model is get_image_model():
            many.append(Prefetch(name, queryset=images_with_renditions()))
        elif field.many_to_one and field.name != relation.field.name:
            single.append(name)
        elif field.many_to_many:
            many.append(name)
    rows = child.objects.select_related(*single).prefetch_related(*many)
    return Prefetch(relation.get_accessor_name(), queryset=rows)


# Ids and offsets beyond MAX_INTEGER overflow the database: they are bad input, not a crash.
INTEGER_PARAMETERS = [
    "offset",
    "limit",
    "id",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
]
SEARCH_OPERATORS = ["and", "or"]


def check_search(text):
    """A query the search backends can take: at most MAX_QUERY_LENGTH characters and MAX_TERMS
    words."""
    if len(text) > MAX_QUERY_LENGTH:
        raise BadRequestError(
            _("De zoekvraag is te lang: hoogstens %(max)d tekens.") % {"max": MAX_QUERY_LENGTH}
        )
    if len(TERM.findall(text)) > MAX_TERMS:
        raise BadRequestError(
            _("De zoekvraag heeft te veel woorden: hoogstens %(max)d.") % {"max": MAX_TERMS}
        )


class CheckedInputMixin:
    """Input Wagtail's endpoints would crash on is answered with a 400 or 404 and a reason."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if int(kwargs.get("pk", 0)) > MAX_INTEGER:
            raise Http404(_("Onbekend id"))
        for name in INTEGER_PARAMETERS:
            value = request.GET.get(name, "").strip()
            if value.lstrip("-").isdecimal() and abs(int(value)) > MAX_INTEGER:
                raise BadRequestError(_("%(name)s is te groot") % {"name": name})
        if not request.GET.get("id", "0").strip().lstrip("-").isdecimal():
            raise BadRequestError(_("id is een getal"))
        if request.GET.get("search_operator", "and") not in SEARCH_OPERATORS:
            raise BadRequestError(_("search_operator is and of or"))
        check_search(request.GET.get("search", ""))

    def handle_exception(self, exc):
        if isinstance(exc, Http404) and not str(exc):
            exc = Http404(_("Niet gevonden"))
        return super().handle_exception(exc)


class ContentPagesAPIViewSet(CheckedInputMixin, PagesAPIViewSet):
    filter_backends = [
        ContentFilter,
        *[backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter],
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(ContentFilter.parameters)

    # Bodies (with their images and renditions) come with a page's detail, not with lists:
    # a list stays a fixed number of queries, however many pages it holds.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "body"]

    def check_query_parameters(self, queryset):
        # The filters the listed page type declares are known parameters for this request only.
        declared = getattr(queryset.model, "api_filters", {})
        self.known_query_parameters = type(self).known_query_parameters.union(declared)
        super().check_query_parameters(queryset)

    def get_base_queryset(self):
        if not hasattr(self, "_public_pages"):
            self._public_pages = public_pages(self.request._request)
        return self._public_pages.all()

    def get_queryset(self):
        return with_related(super().get_queryset())


class ContentImagesAPIViewSet(CheckedInputMixin, ImagesAPIViewSet):
    pass


class ContentDocumentsAPIViewSet(CheckedInputMixin, DocumentsAPIViewSet):
    pass


class PublicRedirectsAPIViewSet(CheckedInputMixin, RedirectsAPIViewSet):
    """/api/v2/redirects/: redirects to external addresses and to pages anyone may see; a redirect
    to a draft or private page would reveal that page's address."""

    def get_queryset(self):
        visible = public_pages(self.request._request).values("pk")
        return (
            super()
            .get_queryset()
            .select_related("redirect_page")
            .filter(Q(redirect_page__isnull=True) | Q(redirect_page__in=visible))
        )


class PagePreviewAPIViewSet(ContentPagesAPIViewSet):
    """/api/v2/page_preview/?content_type=…&token=…: the draft behind a preview token, in the same
    representation as /api/v2/pages/<id>/. Without a valid, unexpired token there is no draft."""

    known_query_parameters = ContentPagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def listing_view(self, request):
        self.action = "detail_view"
        return self.detail_view(request, 0)

    def detail_view(self, request, pk):
        serializer = self.get_serializer(self.get_object())
        return self.private(Response(serializer.data))

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            page = preview_page(self.request.GET.get("content_type"), self.request.GET.get("token"))
            if page.pk is None:
                page.pk = 0  # a page that was never saved: the API's URL routing needs a number
            self._preview_page = page
        return self._preview_page

    def handle_exception(self, exc):
        if isinstance(exc, PreviewUnavailable):
            return self.private(Response({"message": str(exc.reason)}, status=exc.status))
        return super().handle_exception(exc)

    @staticmethod
    def private(response):
        patch_cache_control(response, private=True, no_store=True)
        return response


def content_api_router():
    """/api/v2/: pages, images, documents, redirects and the draft preview, under the namespace
    `wagtailapi` that the project's API links (`api_url`) and the cache purge rely on. Include its
    `urls` at `api/v2/`."""
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", ContentPagesAPIViewSet)
    router.register_endpoint("images", ContentImagesAPIViewSet)
    router.register_endpoint("documents", ContentDocumentsAPIViewSet)
    router.register_endpoint("redirects", PublicRedirectsAPIViewSet)
    router.register_endpoint("page_preview", PagePreviewAPIViewSet)
    return router
