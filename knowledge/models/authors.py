"""Who writes the news: the kwartiermaker, the national editors or a region's coordinator. An
author is a byline, not an account: editors keep the list under *Auteurs* and pick one per item."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class AuthorRole(models.TextChoices):
    KWARTIERMAKER = "kwartiermaker", _("kwartiermaker")
    NATIONAL_EDITORS = "landelijke-redactie", _("landelijke redactie")
    COORDINATOR = "coordinator", _("coördinator")


class AuthorManager(models.Manager):
    def get_queryset(self):
        # Every list of authors (admin, chooser) shows the byline, which names a coordinator's region.
        return super().get_queryset().select_related("region")


class Author(models.Model):
    name = models.CharField(_("naam"), max_length=255)
    role = models.CharField(_("rol"), max_length=32, choices=AuthorRole.choices)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("regio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Alleen voor een coördinator: de regio die hij of zij coördineert."),
    )

    objects = AuthorManager()

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("region")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role=AuthorRole.COORDINATOR, region__isnull=False)
                | (~models.Q(role=AuthorRole.COORDINATOR) & models.Q(region__isnull=True)),
                name="author_region_only_for_coordinator",
                violation_error_message=_("Een coördinator heeft een regio, andere auteurs geen."),
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.role_description}"

    @property
    def role_description(self):
        """The role as a byline says it: "kwartiermaker", "coördinator Rijnmond"."""
        if self.role == AuthorRole.COORDINATOR and self.region_id:
            return _("coördinator %(region)s") % {"region": self.region.name}
        return self.get_role_display()

    def clean(self):
        super().clean()
        if self.role == AuthorRole.COORDINATOR and not self.region_id:
            raise ValidationError({"region": _("Kies de regio van de coördinator.")})
        if self.role != AuthorRole.COORDINATOR and self.region_id:
            raise ValidationError({"region": _("Alleen een coördinator hoort bij een regio; laat dit leeg.")})
