"""The second factor for the admin: wagtail-2fa 1.8 (its middleware, device pages and templates),
with the two pieces it lacks for Wagtail 8 and django-otp 1.7.1+. Both are upstream issues; drop
each piece once a wagtail-2fa release fixes it (README, "Inloggen en accounts")."""

import importlib.util
import sys
import types

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from wagtail_2fa import forms as wagtail_2fa_forms
from wagtail_2fa import views as wagtail_2fa_views


def provide_user_listing_button():
    """wagtail-2fa imports `UserListingButton` from `wagtail.users.widgets`, which Wagtail 8
    removed for `wagtail.admin.widgets.ListingButton` (wagtail-2fa issue #283): without the module
    its `wagtail_hooks`, and with it every admin page, fails to import."""
    if importlib.util.find_spec("wagtail.users.widgets") is not None:
        return
    from wagtail.admin.widgets import ListingButton

    module = types.ModuleType("wagtail.users.widgets")
    module.UserListingButton = ListingButton
    sys.modules[module.__name__] = module


class TokenForm(wagtail_2fa_forms.TokenForm):
    """wagtail-2fa's code form names no device, and django-otp 1.7.1+ checks a code only against
    the device the form names (wagtail-2fa issue #284). An editor with one authenticator app
    uses it; one with several picks the app in a list (rendered by wagtail-2fa's template as an
    extra field)."""

    otp_device = forms.ChoiceField(label=_("Authenticator-app"), required=False)

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        code = self.fields["otp_token"]
        code.label = _("Code uit je authenticator-app")
        code.widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})
        self.devices = list(devices_for_user(user))
        self.fields["otp_device"].choices = [(device.persistent_id, device.name) for device in self.devices]
        self.fields["otp_device"].required = len(self.devices) > 1

    @property
    def extra_fields(self):
        if len(self.devices) > 1:
            yield "otp_device", self["otp_device"]

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None and len(self.devices) == 1:
            return self.devices[0]
        return device


class CodeView(wagtail_2fa_views.LoginView):
    """The step after the password: the code of the editor's authenticator app."""

    form_class = TokenForm
