from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from core.hooks import gathered
from core.listings import listings, with_code
from core.models import BasePage, SectionIndexPage
from core.preview import FrontEndPreviewMixin
from core.taxonomy import Taxonomy

from .hooks import THEME_PAGE_PANELS
from .serializers import ThemeSerializer


class Theme(models.Model):
    """One of the seven development themes (ontwikkelthema's); reference data."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    order = models.PositiveSmallIntegerField(_("volgorde"))
    description = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")

    def __str__(self):
        return self.title


class ThemeIndexPage(FrontEndPreviewMixin, SectionIndexPage):
    subpage_types = ["themes.ThemePage"]

    class Meta:
        verbose_name = _("thema-overzicht")

    def items(self, request):
        return (
            ThemePage.objects.child_of(self).live().public().select_related("theme").order_by("theme__order")
        )


class ThemePage(BasePage):
    """The public page of one theme; a translation is a second page for the same theme."""

    taxonomy = Taxonomy("theme", themes="theme")

    theme = models.ForeignKey(Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="pages")

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.RelatedFields("theme", [index.SearchField("title"), index.FilterField("code")]),
        index.FilterField("theme"),
    ]
    api_fields = [
        APIField("theme", serializer=ThemeSerializer()),
        *BasePage.api_fields,
    ]

    parent_page_types = ["themes.ThemeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("themapagina")

    def clean(self):
        super().clean()
        # A translation is a second page for the same theme, so uniqueness is per locale.
        others = ThemePage.objects.filter(theme=self.theme_id, locale=self.locale_id).exclude(pk=self.pk)
        if self.theme_id and others.exists():
            raise ValidationError({"theme": _("Dit thema heeft in deze taal al een pagina.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listings"] = listings(with_code("theme", self.theme.code))
        context["theme_panels"] = gathered(THEME_PAGE_PANELS, self)
        return context
