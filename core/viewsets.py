"""Login lockouts in the admin (Instellingen → Inlogblokkades): the usernames and addresses that
failed to log in within the lockout period, and lifting a lockout before it ends."""

from axes.models import AccessAttempt
from django.conf import settings
from django.urls import path
from django.utils.formats import date_format
from django.utils.timezone import localtime, now
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Attempts are recorded by django-axes alone: nobody adds or edits them, not even a superuser."""

    def user_has_permission(self, user, action):
        return action in {"view", "delete"} and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def locked_until(attempt):
    if attempt.failures_since_start < settings.AXES_FAILURE_LIMIT:
        return None
    return date_format(localtime(attempt.attempt_time + settings.AXES_COOLOFF_TIME), "H:i")


def describe(attempt):
    return _("%(username)s vanaf %(ip_address)s") % {
        "username": attempt.username or "–",
        "ip_address": attempt.ip_address or "–",
    }


class LockoutIndexView(IndexView):
    page_title = _("Inlogblokkades")

    def get_base_queryset(self):
        return AccessAttempt.objects.filter(attempt_time__gte=now() - settings.AXES_COOLOFF_TIME)

    def get_list_more_buttons(self, instance):
        return []

    def get_list_buttons(self, instance):
        if delete_url := self.get_delete_url(instance):
            return [ListingButton(_("Blokkade opheffen"), url=delete_url, icon_name="lock-open")]
        return []


class LiftLockoutView(DeleteView):
    template_name = "core/lift_lockout.html"
    page_title = _("Blokkade opheffen")
    success_message = _("De blokkade van %(object)s is opgeheven.")

    @property
    def confirmation_message(self):
        return _("%(client)s kan daarna meteen weer inloggen.") % {"client": self.get_page_subtitle()}

    def get_page_subtitle(self):
        return describe(self.object)

    def get_usage_url(self):
        return None  # nothing refers to a login attempt

    def get_success_message(self):
        return self.success_message % {"object": describe(self.object)}

    def delete_action(self):
        super().delete_action()
        # The lockout counts the failures of this username from this address in every browser.
        AccessAttempt.objects.filter(
            username=self.object.username, ip_address=self.object.ip_address
        ).delete()


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Inlogblokkades")
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = LockoutIndexView
    delete_view_class = LiftLockoutView
    list_display = [
        "username",  # the title column, which carries the button
        Column("ip_address", label=_("IP-adres")),
        Column("failures_since_start", label=_("Mislukte pogingen")),
        DateColumn("attempt_time", label=_("Laatste poging")),
        Column("locked_until", label=_("Geblokkeerd tot"), accessor=locked_until),
    ]
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    ordering = ["-attempt_time"]

    def get_urlpatterns(self):
        # A listing and lifting a lockout; no form to add or edit an attempt.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]
