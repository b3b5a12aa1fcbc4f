from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.limits import MAX_INTEGER
from core.models import SectionIndexPage
from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy

from ..serializers import AuthorSerializer, TagNamesField
from .authors import Author, AuthorRole
from .base import (
    REGION_API_FIELD,
    REGION_SEARCH_FIELDS,
    TOPICAL_API_FIELDS,
    TOPICAL_PANELS,
    TOPICAL_SEARCH_FIELDS,
    TopicalPage,
)
from .listings import paginate
from .tags import NewsPageTag

# The news list's filters by author role: (value of ?rol=, label of its link).
ROLE_FILTERS = [
    ("", _("Alle nieuws")),
    (AuthorRole.KWARTIERMAKER, _("Van de kwartiermaker")),
    (AuthorRole.NATIONAL_EDITORS, _("Landelijke redactie")),
    (AuthorRole.COORDINATOR, _("Regio's")),
]


@dataclass(frozen=True)
class NewsFilter:
    """Which news the list shows: ?rol=<author role> or ?auteur=<author id> (which wins). A value
    naming no role or author shows all news, marked `unknown` so the page can say so."""

    role: str = ""
    author: Author | None = None
    unknown: bool = False

    @classmethod
    def from_request(cls, request):
        """The request's filter, read once per request."""
        if not hasattr(request, "_news_filter"):
            request._news_filter = cls.from_query(request.GET)
        return request._news_filter

    @classmethod
    def from_query(cls, query):
        author_id, role = query.get("auteur", "").strip(), query.get("rol", "").strip()
        if author_id:
            author = None
            if author_id.isdecimal() and int(author_id) <= MAX_INTEGER:
                author = Author.objects.filter(pk=int(author_id)).first()
            return cls(author=author) if author else cls(unknown=True)
        if role:
            return cls(role=role) if role in AuthorRole.values else cls(unknown=True)
        return cls()

    def apply(self, pages):
        if self.author:
            return pages.filter(author=self.author)
        if self.role:
            return pages.filter(author__role=self.role)
        return pages

    def role_links(self):
        """The filter links: label, query string and whether it is the one shown."""
        current = None if self.author else self.role
        return [
            {
                "label": label,
                "query": f"?{urlencode({'rol': role})}" if role else "",
                "current": role == current,
            }
            for role, label in ROLE_FILTERS
        ]


class NewsIndexPage(FrontEndPreviewMixin, SectionIndexPage):
    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.NewsPage"]

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def items(self, request):
        pages = NewsPage.listed_pages(locale=self.locale)
        return paginate(request, NewsFilter.from_request(request).apply(pages))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_filter"] = NewsFilter.from_request(request)
        return context


class NewsPage(TopicalPage):
    """A national or regional news item, with its author's byline."""

    taxonomy = Taxonomy(
        "news", themes="themes", regions="region", date="date", region_from_parent=True, listed=True
    )
    listing_heading = _("Nieuws")
    listing_empty_text = _("Er is nog geen nieuws.")
    listing_order = 1

    date = models.DateField(_("datum"), default=timezone.localdate)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("regio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leeg voor landelijk nieuws; onder een regiopagina wordt de regio vanzelf ingevuld."),
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("auteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
        help_text=_(
            "Wie het bericht schrijft: de kwartiermaker, de landelijke redactie of de coördinator "
            "van een regio. Staat de auteur er niet bij, vraag de landelijke redactie hem toe te voegen."
        ),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("trefwoorden"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("date"), FieldPanel("region"), FieldPanel("author")]
        + TOPICAL_PANELS
        + [FieldPanel("tags")]
    )
    search_fields = TOPICAL_SEARCH_FIELDS + REGION_SEARCH_FIELDS + [index.FilterField("date")]
    api_fields = [
        APIField("date"),
        REGION_API_FIELD,
        APIField("author", serializer=AuthorSerializer(allow_null=True)),
        *TOPICAL_API_FIELDS,
        APIField("tags", serializer=TagNamesField()),
    ]
    # Content API filters beyond Wagtail's field filters (core.content_api): ?author_role=.
    api_filters = {"author_role": "author__role"}

    # Under a content page: news items of an imported Plone site stay in their folder.
    parent_page_types = ["knowledge.NewsIndexPage", "regions.RegionPage", "knowledge.ContentPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    @classmethod
    def listed_pages(cls, locale=None):
        return super().listed_pages(locale).select_related("author__region")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.author_id:
            # The byline links to the author's other news on the news list.
            news_indexes = NewsIndexPage.objects.live().public().filter(locale_id=self.locale_id)
            context["news_index"] = news_indexes.first()
        return context
