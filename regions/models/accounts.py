"""The accounts of the people who work for a region: its coordinators and the members of its
steering group. A proxy of the user model, so that managing them has permissions of its own, apart
from the admin's Users (which can make superusers and give any group)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class RegionalAccount(get_user_model()):
    class Meta:
        proxy = True
        verbose_name = _("account")
        verbose_name_plural = _("accounts per regio")
        # Accounts are deactivated, never deleted: what they did stays in the history.
        default_permissions = ("add", "change")

    def __str__(self):
        return self.get_full_name() or self.get_username()
