"""Logging in: the lockout page of django-axes and who may lift a lockout (README, "Inloggen en
accounts"). The second factor is in `core.two_factor`."""

import math

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

# Given to the national editors by `setup_roles`; superusers have them anyway.
LIFT_LOCKOUT_PERMISSIONS = ["axes.view_accessattempt", "axes.delete_accessattempt"]


def lockout_response(request, original_response, credentials):
    """What a locked-out login gets instead of its login page (AXES_LOCKOUT_CALLABLE): 429 and
    a Dutch page saying how long the lockout lasts."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    context = {"minutes": math.ceil(seconds / 60)}
    response = render(request, "core/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


class AdminLoginForm(LoginForm):
    """Wagtail's admin login form with labels in the user's language: Wagtail declares its
    username and password fields without a label, so Django shows their English field names
    ("Username", "Password") even in Dutch (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")
