from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.serializers import CharField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.models import SectionIndexPage
from core.preview import FrontEndPreviewMixin
from core.representations import DocumentField
from core.taxonomy import Taxonomy
from regions.models import SchoolType
from regions.serializers import RegionSerializer

from .base import TOPICAL_API_FIELDS, TOPICAL_PANELS, TOPICAL_SEARCH_FIELDS, TopicalPage
from .listings import paginate


class ArticleKind(models.TextChoices):
    GOOD_PRACTICE = "goed-voorbeeld", _("Goed voorbeeld")
    GUIDE = "handreiking", _("Handreiking")
    RESEARCH = "onderzoek", _("Onderzoek")
    REGULATION = "regelgeving", _("Regelgeving")
    INSTRUMENT = "instrument", _("Instrument")


class KnowledgeIndexPage(FrontEndPreviewMixin, SectionIndexPage):
    """The national Kennisbank."""

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.ArticlePage"]

    class Meta:
        verbose_name = _("kennisbank")

    def items(self, request):
        return paginate(request, ArticlePage.listed_pages(locale=self.locale))


class ArticlePage(TopicalPage):
    """A piece of knowledge: a good practice, guide, study, regulation or instrument."""

    taxonomy = Taxonomy(
        "article",
        themes="themes",
        regions="regions",
        kind="kind",
        date="date",
        school_types={SchoolType.PRO: "for_pro", SchoolType.VSO: "for_vso"},
        region_from_parent=True,
        listed=True,
    )
    listing_heading = _("Kennis")
    listing_empty_text = _("Er is nog geen kennis.")
    listing_order = 2

    kind = models.CharField(_("soort"), max_length=20, choices=ArticleKind.choices)
    date = models.DateField(_("publicatiedatum"), default=timezone.localdate)
    regions = ParentalManyToManyField(
        "regions.Region",
        verbose_name=_("regio's"),
        blank=True,
        related_name="+",
        help_text=_("Leeg voor landelijke kennis; onder een regiopagina wordt de regio vanzelf ingevuld."),
    )
    for_pro = models.BooleanField(_("praktijkonderwijs"), default=True)
    for_vso = models.BooleanField(_("voortgezet speciaal onderwijs"), default=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
        *TOPICAL_PANELS,
        FieldPanel("regions"),
        MultiFieldPanel([FieldPanel("for_pro"), FieldPanel("for_vso")], heading=_("Voor welk schooltype")),
        InlinePanel("attachments", label=_("Bijlagen")),
    ]
    search_fields = TOPICAL_SEARCH_FIELDS + [
        index.FilterField("kind"),
        index.FilterField("date"),
        index.FilterField("for_pro"),
        index.FilterField("for_vso"),
        index.RelatedFields("regions", [index.SearchField("name"), index.FilterField("code")]),
        index.FilterField("regions"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("regions", serializer=RegionSerializer(many=True)),
        APIField("school_types"),
        *TOPICAL_API_FIELDS,
        APIField("attachments"),
    ]

    parent_page_types = ["knowledge.KnowledgeIndexPage", "regions.RegionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("kennisartikel")
        verbose_name_plural = _("kennisartikelen")
        # Search facets read these of every matching article: from this index alone on
        # PostgreSQL, not from the wide table rows (other databases skip a covering index).
        indexes = [
            models.Index(
                fields=["page_ptr"], include=["kind", "for_pro", "for_vso"], name="knowledge_article_facets"
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = self.attachments.select_related("document")
        return context

    @property
    def school_types(self):
        return [code for code, flag in self.taxonomy.school_types.items() if getattr(self, flag)]


class ArticleAttachment(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("titel"), max_length=200, blank=True, help_text=_("Leeg laten om de documenttitel te gebruiken.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [
        APIField("document", serializer=DocumentField()),
        APIField("title", serializer=CharField(source="display_title")),
    ]

    @property
    def display_title(self):
        return self.title or self.document.title
