"""The people a region page names: its network coordinator(s) and its steering group."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from core.representations import ImageField


class RegionCoordinator(Orderable):
    """A network coordinator; name, e-mail and phone are work contacts, shown on the region page."""

    page = ParentalKey("regions.RegionPage", on_delete=models.CASCADE, related_name="coordinators")
    name = models.CharField(_("naam"), max_length=255)
    role = models.CharField(_("rol"), max_length=255, default=_("Netwerkcoördinator"))
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("photo"),
    ]
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("email"),
        APIField("phone"),
        APIField("photo", serializer=ImageField()),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("netwerkcoördinator")
        verbose_name_plural = _("netwerkcoördinatoren")

    def __str__(self):
        return self.name


class SteeringGroupMember(Orderable):
    page = ParentalKey("regions.RegionPage", on_delete=models.CASCADE, related_name="steering_group_members")
    name = models.CharField(_("naam"), max_length=255)
    role = models.CharField(
        _("rol"), max_length=255, blank=True, help_text=_("Bijvoorbeeld: directeur, voorzitter.")
    )
    organisation = models.CharField(
        _("organisatie"),
        max_length=255,
        blank=True,
        help_text=_("De school of partner die dit lid vertegenwoordigt."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")])]
    api_fields = [APIField("name"), APIField("role"), APIField("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("stuurgroeplid")
        verbose_name_plural = _("stuurgroepleden")

    def __str__(self):
        return self.name
