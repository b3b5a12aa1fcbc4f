"""The groups, collection and workflow that `manage.py setup_roles` made for each region."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Workflow


class RegionRoles(models.Model):
    region = models.OneToOneField(
        "regions.Region",
        verbose_name=_("arbeidsmarktregio"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    coordinators = models.OneToOneField(
        Group,
        verbose_name=_("coördinatoren"),
        on_delete=models.PROTECT,
        related_name="coordinated_region",
    )
    steering_group = models.OneToOneField(
        Group,
        verbose_name=_("stuurgroep"),
        on_delete=models.PROTECT,
        related_name="steered_region",
    )
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("collectie"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    annual_plan_workflow = models.OneToOneField(
        Workflow,
        verbose_name=_("workflow jaarplan"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("rollen van een regio")
        verbose_name_plural = _("rollen per regio")

    def __str__(self):
        return str(self.region)


def regions_coordinated_by(user):
    """The regions whose coordinator group the user belongs to."""
    from regions.models import Region

    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(roles__coordinators__user=user)
