from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from knowledge.blocks import BodyBlock
from knowledge.preview import FrontEndPreviewMixin
from knowledge.sections import SectionIndexPage

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
            ThemePage.objects.child_of(self).live().public().select_related("theme")
            .order_by("theme__order")
        )


class ThemePage(FrontEndPreviewMixin, Page):
    """The public page of one theme; a translation is a second page for the same theme."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("thema"), on_delete=models.PROTECT, related_name="pages"
    )
    intro = models.TextField(_("inleiding"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.RelatedFields("theme", [index.SearchField("title"), index.FilterField("code")]),
        index.FilterField("theme"),
    ]
    api_fields = [
        APIField("theme", serializer=ThemeSerializer()),
        APIField("intro"),
        APIField("body"),
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
        from knowledge.models import latest_on_theme
        from regions.theme_map import regions_on_theme

        context = super().get_context(request, *args, **kwargs)
        context.update(latest_on_theme(self.theme))
        context["regions_on_theme"] = regions_on_theme(self.theme, locale=self.locale)
        return context
