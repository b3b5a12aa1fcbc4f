"""What editors set for the whole site under Instellingen: its name, footer and contact."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core.blocks import LinkBlock

DEFAULT_SITE_NAME = "VSO-PRO kennisplatform"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField(_("naam van de site"), max_length=100, default=DEFAULT_SITE_NAME)
    footer_text = models.TextField(
        _("voettekst"),
        blank=True,
        help_text=_("Eén of twee zinnen over de site, onderaan elke pagina."),
    )
    contact_email = models.EmailField(_("e-mailadres voor contact"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor contact"), max_length=30, blank=True)
    footer_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("links in de voettekst"),
        blank=True,
        help_text=_("Bijvoorbeeld de toegankelijkheidsverklaring en de privacyverklaring."),
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("footer_text"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site-instellingen")

    def __str__(self):
        return self.site_name
