"""Logging in: the lockout page of django-axes and who may lift a lockout (README, "Inloggen en
accounts"). The second factor is in `core.two_factor`."""

import math

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

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
