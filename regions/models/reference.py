"""Reference data: the labour-market regions, their municipalities and the school types."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The kinds of a page (an event) that is a meeting of a region's steering group, and of its yearly
# directors' meeting: the national overview shows each region's latest (regions/cycle.py).
STEERING_GROUP_KIND = "stuurgroep"
DIRECTORS_MEETING_KIND = "directiebijeenkomst"


class SchoolType(models.TextChoices):
    PRO = "pro", _("Praktijkonderwijs")
    VSO = "vso", _("Voortgezet speciaal onderwijs")


class Region(models.Model):
    """An arbeidsmarktregio (labour-market region); reference data from CBS."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("arbeidsmarktregio")
        verbose_name_plural = _("arbeidsmarktregio's")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A gemeente; each belongs to exactly one labour-market region."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True)
    number = models.CharField(_("gemeentenummer"), max_length=4, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    region = models.ForeignKey(
        Region,
        verbose_name=_("arbeidsmarktregio"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name
