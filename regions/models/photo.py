"""The arbeidsmarktregio-foto: one structured overview per region of its consultation tables,
regional plans, projects, partners, developments and the bottlenecks inventoried at the schools."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy
from regions.forms import RegionalPageForm, RegionScopedInlinePanel
from regions.serializers import RegionSerializer
from regions.tables import Cell, table_of
from themes.serializers import ThemeSerializer

from .regional import RegionalPageMixin


class RegionalPhotoPage(FrontEndPreviewMixin, RegionalPageMixin, Page):
    """The region's photo; a coordinator keeps it current and marks when it was last reviewed."""

    taxonomy = Taxonomy("regional-photo", regions="region", date="last_reviewed", region_from_parent=True)

    intro = models.TextField(_("inleiding"), blank=True)
    last_reviewed = models.DateField(
        _("laatst herzien"),
        null=True,
        blank=True,
        help_text=_("De datum waarop de foto voor het laatst met de regio is doorgenomen."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("last_reviewed"),
        InlinePanel("consultation_tables", heading=_("Overlegtafels"), label=_("Overlegtafel")),
        InlinePanel("plans", heading=_("Regionale plannen"), label=_("Plan")),
        InlinePanel("projects", heading=_("Projecten"), label=_("Project")),
        InlinePanel("partners", heading=_("Ketenpartners"), label=_("Partner")),
        InlinePanel("developments", heading=_("Ontwikkelingen"), label=_("Ontwikkeling")),
        RegionScopedInlinePanel("bottlenecks", heading=_("Knelpunten en ontwikkelpunten"), label=_("Punt")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("search_text"),
        index.FilterField("last_reviewed"),
        *RegionalPageMixin.region_search_fields,
    ]
    api_fields = [
        APIField("region", serializer=RegionSerializer()),
        APIField("intro"),
        APIField("last_reviewed"),
        APIField("consultation_tables"),
        APIField("plans"),
        APIField("projects"),
        APIField("partners"),
        APIField("developments"),
        APIField("bottlenecks"),
    ]

    base_form_class = RegionalPageForm
    parent_page_types = ["regions.RegionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("arbeidsmarktregio-foto")
        verbose_name_plural = _("arbeidsmarktregio-foto's")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = list(self.partners.all())
        context.update(
            tables=self.tables(),
            partner_groups=[
                {"label": label, "partners": [p for p in partners if p.kind == kind]}
                for kind, label in PartnerKind.choices
                if any(p.kind == kind for p in partners)
            ],
            developments=self.developments.all(),
        )
        return context

    def tables(self):
        """The photo's tables by name, for `regions/includes/photo_table.html`."""
        region = {"region": self.region.name}
        return {
            "consultation_tables": table_of(
                self.consultation_tables.all(),
                "overlegtafels",
                _("Overlegtafels"),
                _("Overlegtafels in %(region)s") % region,
                _("Er zijn nog geen overlegtafels beschreven."),
            ),
            "plans": table_of(
                self.plans.all(),
                "plannen",
                _("Regionale plannen"),
                _("Regionale plannen in %(region)s") % region,
                _("Er zijn nog geen regionale plannen beschreven."),
            ),
            "projects": table_of(
                self.projects.all(),
                "projecten",
                _("Projecten"),
                _("Projecten in %(region)s") % region,
                _("Er zijn nog geen projecten beschreven."),
            ),
            "bottlenecks": table_of(
                self.bottlenecks.prefetch_related("themes", "schools"),
                "knelpunten",
                _("Knelpunten en ontwikkelpunten"),
                _("Knelpunten en ontwikkelpunten op de scholen in %(region)s") % region,
                _("Er zijn nog geen knelpunten of ontwikkelpunten geïnventariseerd."),
            ),
        }

    def search_text(self):
        """The text of every structured item, so that a search finds the photo by its content."""
        items = [
            *self.consultation_tables.all(),
            *self.plans.all(),
            *self.projects.all(),
            *self.partners.all(),
            *self.developments.all(),
            *self.bottlenecks.all(),
        ]
        return "\n".join(item.search_text() for item in items)


class RelevanceMixin(models.Model):
    """Whether an item matters for pro/vso pupils, and why (or why not)."""

    relevant = models.BooleanField(_("relevant voor pro/vso"), default=True)
    relevance_reason = models.CharField(_("waarom (niet) relevant"), max_length=500, blank=True)

    relevance_panels = [FieldRowPanel([FieldPanel("relevant"), FieldPanel("relevance_reason")])]
    relevance_api_fields = [APIField("relevant"), APIField("relevance_reason")]

    class Meta:
        abstract = True


class ConsultationTable(RelevanceMixin, Orderable):
    page = ParentalKey(RegionalPhotoPage, on_delete=models.CASCADE, related_name="consultation_tables")
    name = models.CharField(_("naam"), max_length=200)
    convenor = models.CharField(_("voorzitter of organisator"), max_length=200, blank=True)
    frequency = models.CharField(_("frequentie"), max_length=100, blank=True)
    representative = models.CharField(
        _("vertegenwoordiger pro/vso"),
        max_length=200,
        blank=True,
        help_text=_("Wie namens praktijkonderwijs en vso aan tafel zit; leeg als niemand."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("convenor"), FieldPanel("frequency")]),
        FieldPanel("representative"),
        *RelevanceMixin.relevance_panels,
    ]
    api_fields = [
        APIField("name"),
        APIField("convenor"),
        APIField("frequency"),
        APIField("representative"),
        *RelevanceMixin.relevance_api_fields,
    ]

    table_columns = [
        _("Overlegtafel"),
        _("Voorzitter of organisator"),
        _("Frequentie"),
        _("Vertegenwoordiger pro/vso"),
        _("Relevant voor pro/vso"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("overlegtafel")
        verbose_name_plural = _("overlegtafels")

    def __str__(self):
        return self.name

    def table_row(self):
        return [
            Cell(self.name),
            Cell(self.convenor or "–"),
            Cell(self.frequency or "–"),
            Cell(self.representative or _("Niemand")),
            Cell(relevance=self),
        ]

    def search_text(self):
        return " ".join([self.name, self.convenor, self.representative, self.relevance_reason])


class PlanKind(models.TextChoices):
    SCHOOL_TO_WORK = "school-naar-werk", _("Van school naar duurzaam werk")
    LABOUR_MARKET = "arbeidsmarkt", _("Regionaal arbeidsmarktplan")
    OTHER = "overig", _("Ander regionaal plan")


class RegionalPlan(RelevanceMixin, Orderable):
    """A regional plan; the goals of an annual plan refer to these."""

    page = ParentalKey(RegionalPhotoPage, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=PlanKind.choices, default=PlanKind.OTHER)
    period = models.CharField(_("looptijd"), max_length=50, blank=True)
    summary = models.TextField(_("samenvatting"), blank=True)
    url = models.URLField(_("link naar het plan"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("period")]),
        FieldPanel("summary"),
        FieldPanel("url"),
        *RelevanceMixin.relevance_panels,
    ]
    api_fields = [
        APIField("id"),
        APIField("title"),
        APIField("kind"),
        APIField("period"),
        APIField("summary"),
        APIField("url"),
        *RelevanceMixin.relevance_api_fields,
    ]

    table_columns = [
        _("Plan"),
        _("Soort"),
        _("Looptijd"),
        _("Samenvatting"),
        _("Relevant voor pro/vso"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("regionaal plan")
        verbose_name_plural = _("regionale plannen")

    def __str__(self):
        return self.title

    def table_row(self):
        return [
            Cell(self.title, url=self.url),
            Cell(self.get_kind_display()),
            Cell(self.period or "–"),
            Cell(self.summary),
            Cell(relevance=self),
        ]

    def search_text(self):
        return " ".join([self.title, self.get_kind_display(), self.summary, self.relevance_reason])


class Project(RelevanceMixin, Orderable):
    page = ParentalKey(RegionalPhotoPage, on_delete=models.CASCADE, related_name="projects")
    title = models.CharField(_("titel"), max_length=200)
    lead = models.CharField(_("trekker"), max_length=200, blank=True)
    period = models.CharField(_("looptijd"), max_length=50, blank=True)
    description = models.TextField(_("omschrijving"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("lead"), FieldPanel("period")]),
        FieldPanel("description"),
        *RelevanceMixin.relevance_panels,
    ]
    api_fields = [
        APIField("title"),
        APIField("lead"),
        APIField("period"),
        APIField("description"),
        *RelevanceMixin.relevance_api_fields,
    ]

    table_columns = [
        _("Project"),
        _("Trekker"),
        _("Looptijd"),
        _("Omschrijving"),
        _("Relevant voor pro/vso"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projecten")

    def __str__(self):
        return self.title

    def table_row(self):
        return [
            Cell(self.title),
            Cell(self.lead or "–"),
            Cell(self.period or "–"),
            Cell(self.description),
            Cell(relevance=self),
        ]

    def search_text(self):
        return " ".join([self.title, self.lead, self.description, self.relevance_reason])


class PartnerKind(models.TextChoices):
    CENTRAL_MUNICIPALITY = "centrumgemeente", _("Centrumgemeente")
    MUNICIPALITY = "gemeente", _("Gemeente")
    DOORSTROOMPUNT = "doorstroompunt", _("Doorstroompunt (voorheen RMC)")
    WSP = "wsp", _("Werkgeversservicepunt (WSP)")
    SBB = "sbb", _("SBB")
    UWV = "uwv", _("UWV")
    MBO = "mbo", _("Mbo-instelling")
    EMPLOYERS = "werkgeversorganisatie", _("Werkgeversorganisatie")
    OTHER = "overig", _("Overig")


class Partner(Orderable):
    page = ParentalKey(RegionalPhotoPage, on_delete=models.CASCADE, related_name="partners")
    kind = models.CharField(_("soort"), max_length=30, choices=PartnerKind.choices)
    name = models.CharField(_("naam"), max_length=200)
    contact = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    role = models.TextField(_("rol voor pro/vso"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldPanel("contact"),
        FieldPanel("role"),
    ]
    api_fields = [APIField("kind"), APIField("name"), APIField("contact"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("ketenpartner")
        verbose_name_plural = _("ketenpartners")

    def __str__(self):
        return self.name

    def search_text(self):
        return " ".join([self.name, self.get_kind_display(), self.contact, self.role])


class Development(RelevanceMixin, Orderable):
    page = ParentalKey(RegionalPhotoPage, on_delete=models.CASCADE, related_name="developments")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("description"), *RelevanceMixin.relevance_panels]
    api_fields = [APIField("title"), APIField("description"), *RelevanceMixin.relevance_api_fields]

    class Meta(Orderable.Meta):
        verbose_name = _("ontwikkeling")
        verbose_name_plural = _("ontwikkelingen")

    def __str__(self):
        return self.title

    def search_text(self):
        return " ".join([self.title, self.description, self.relevance_reason])


class BottleneckKind(models.TextChoices):
    BOTTLENECK = "knelpunt", _("Knelpunt")
    DEVELOPMENT_POINT = "ontwikkelpunt", _("Ontwikkelpunt")


class Bottleneck(ClusterableModel, Orderable):
    """A bottleneck or development point inventoried at the schools; annual-plan actions answer
    these. Clusterable so that its themes and schools travel with the page's revisions."""

    page = ParentalKey(RegionalPhotoPage, on_delete=models.CASCADE, related_name="bottlenecks")
    kind = models.CharField(
        _("soort"), max_length=20, choices=BottleneckKind.choices, default=BottleneckKind.BOTTLENECK
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    themes = ParentalManyToManyField(
        "themes.Theme",
        verbose_name=_("thema's"),
        related_name="bottlenecks",
    )
    schools = ParentalManyToManyField(
        "regions.School",
        verbose_name=_("scholen"),
        blank=True,
        related_name="bottlenecks",
        help_text=_("De scholen waar het punt is opgehaald; leeg als het voor de hele regio geldt."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("schools"),
    ]
    api_fields = [
        APIField("id"),
        APIField("kind"),
        APIField("title"),
        APIField("description"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
    ]

    table_columns = [_("Punt"), _("Soort"), _("Thema's"), _("Scholen")]

    class Meta(Orderable.Meta):
        verbose_name = _("knelpunt of ontwikkelpunt")
        verbose_name_plural = _("knelpunten en ontwikkelpunten")

    def __str__(self):
        return self.title

    def table_row(self):
        themes = ", ".join(theme.title for theme in self.themes.all())
        schools = ", ".join(school.name for school in self.schools.all())
        return [
            Cell(self.title, note=self.description),
            Cell(self.get_kind_display()),
            Cell(themes),
            Cell(schools or _("Hele regio")),
        ]

    def search_text(self):
        themes = " ".join(theme.title for theme in self.themes.all())
        return " ".join([self.get_kind_display(), self.title, self.description, themes])
