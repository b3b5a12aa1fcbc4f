"""The themes in the admin: national editors edit a theme's title and description. The codes and
the order come from the reference data and stay fixed; themes are not added or deleted here."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Theme


class ReferenceDataPermissionPolicy(ModelPermissionPolicy):
    """Model permissions without add and delete, for anyone: the rows are reference data."""

    refused = {"add", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.refused]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)


class ThemeViewSet(ModelViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thema's")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["title", "code", "order"]
    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("order", read_only=True),
        FieldPanel("title"),
        FieldPanel("description"),
    ]
