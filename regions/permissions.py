"""What a coordinator's rights on the region page subtree do not cover.

Coordinators hold add/change/publish on their region page, and Wagtail hands those rights down
to everything below it. Two things need national rights all the same, that is: the same
permission granted on a page above the region page (the national editors hold theirs on the
root), or being a superuser:

- publishing, unpublishing or deleting a live annual plan directly: it is published by the
  steering group's approval in the plan's workflow (see regions.workflows);
- deleting, moving or unpublishing the region page itself, the root of the coordinator's rights.

Schools and the schools' submissions carry model permissions; RegionalModelPermissionPolicy limits a
coordinator's to the rows of their own region (the schools admin and the submissions admin list,
edit and delete through it) and regions.forms.SchoolForm to the municipalities of that region.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import DeleteView, EditView


class RegionalPermissionTester(PagePermissionTester):
    region_depth_offset = 0

    def has_national(self, action):
        """Whether the user holds `action` on a page above the region page this page is in."""
        if self.user.is_superuser:
            return self.user.is_active
        region_depth = self.page.depth - self.region_depth_offset
        codename = f"{action}_page"
        return any(
            perm.permission.codename == codename
            and perm.page.depth < region_depth
            and self.page.path.startswith(perm.page.path)
            for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
        )


class RegionPagePermissionTester(RegionalPermissionTester):
    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self.has_national("publish")

    def can_unpublish(self):
        return super().can_unpublish() and self.has_national("publish")


class AnnualPlanPermissionTester(RegionalPermissionTester):
    region_depth_offset = 1

    def can_publish(self):
        return super().can_publish() and self.has_national("publish")

    def can_unpublish(self):
        return super().can_unpublish() and self.has_national("publish")

    def can_delete(self, ignore_bulk=False):
        allowed = super().can_delete(ignore_bulk)
        return allowed and (not self.page.live or self.has_national("publish"))


def can_publish_annual_plans(user, region_page):
    """Whether the user may publish annual plans under `region_page` without the workflow."""
    return RegionalPermissionTester(user, region_page).has_national("publish")


class RegionalModelPermissionPolicy(ModelPermissionPolicy):
    """Model permissions whose reach, for a coordinator, ends at the rows of their own regions
    (`region_lookup` leads from a row to its region)."""

    region_lookup = "region"

    def restricted_regions(self, user, actions):
        """None when the user's rights hold everywhere, else the regions they hold them in."""
        from regions.models import RegionRoles, regions_coordinated_by

        if user.is_superuser:
            return None
        codenames = self._get_permission_codenames(actions)
        national_groups = user.groups.exclude(pk__in=RegionRoles.objects.values("coordinators")).filter(
            permissions__codename__in=codenames
        )
        direct = user.user_permissions.filter(codename__in=codenames)
        if national_groups.exists() or direct.exists():
            return None
        return set(regions_coordinated_by(user).values_list("pk", flat=True))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not self.user_has_any_permission(user, actions):
            return False
        regions = self.restricted_regions(user, actions)
        return regions is None or self.instances_in(regions).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        regions = self.restricted_regions(user, actions)
        return self.model._default_manager.all() if regions is None else self.instances_in(regions)

    def instances_in(self, regions):
        return self.model._default_manager.filter(**{f"{self.region_lookup}__in": regions})


class SchoolPermissionPolicy(RegionalModelPermissionPolicy):
    """Model permissions on schools; a coordinator's reach only the schools of their region."""

    region_lookup = "municipality__region"

    def municipalities_for(self, user, action):
        """The municipalities the user may place a school in by `action` ("add" or "change")."""
        from regions.models import Municipality

        municipalities = Municipality.objects.all()
        regions = self.restricted_regions(user, [action])
        return municipalities if regions is None else municipalities.filter(region__in=regions)


class InstancePermissionMixin:
    """A snippet view refusing objects the user's permission policy keeps from them for
    `instance_action`, rather than only checking the model permission."""

    instance_action = None

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.user_has_permission_for_instance(self.instance_action, obj):
            raise PermissionDenied
        return obj


class InstancePermissionEditView(InstancePermissionMixin, EditView):
    instance_action = "change"


class InstancePermissionDeleteView(InstancePermissionMixin, DeleteView):
    instance_action = "delete"
