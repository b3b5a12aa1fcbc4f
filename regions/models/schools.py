"""Schools: the pro and vso locations (vestigingen) DUO registers, each in a municipality and so
in a region."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .reference import Municipality, SchoolType


class SchoolQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def in_region(self, region):
        return self.filter(municipality__region=region)


class School(models.Model):
    """A school location, keyed by DUO's vestigingsnummer (the BRIN number plus two digits)."""

    brin = models.CharField(_("BRIN-nummer"), max_length=4)
    location_number = models.CharField(_("vestigingsnummer"), max_length=6, unique=True)
    name = models.CharField(_("naam"), max_length=255)
    school_type = models.CharField(_("schoolsoort"), max_length=3, choices=SchoolType.choices)
    address = models.CharField(_("adres"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="schools"
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Alleen actieve scholen tellen mee voor de caseload."),
    )

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("scholen")

    def __str__(self):
        return f"{self.name} ({self.location_number})"

    @property
    def region(self):
        return self.municipality.region
