"""Answers to errors no view handled: JSON under /api/, never an HTML page or a traceback there,
and 503 with Retry-After while the database cannot be reached (a restart, a failover) instead of
a 500."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.log import log_response
from django.utils.translation import gettext as _
from django.views import defaults

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER = 30  # seconds


def is_api(request):
    return request.path.startswith("/api/")


def api_problem(request, message, status):
    """An error as the API under the path answers it: `{"message": …}` on Wagtail's /api/v2/,
    `{"detail": …}` on the project's /api/ (Django Ninja)."""
    key = "message" if request.path.startswith("/api/v2/") else "detail"
    return JsonResponse({key: message}, status=status)


def database_unavailable(request):
    message = _("De database is even niet bereikbaar. Probeer het over een halve minuut opnieuw.")
    if is_api(request):
        response = api_problem(request, message, 503)
    else:
        html = render_to_string("core/database_unavailable.html", {"message": message})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with Retry-After. (When a middleware
    meets the error, `server_error` answers the same.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        response = database_unavailable(request)
        log_response(
            "Database unavailable: %s",
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
        return response


def server_error(request):
    """handler500, called while Django handles the exception (DEBUG off)."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return database_unavailable(request)
    if is_api(request):
        return api_problem(request, _("Er ging iets mis op de server. Probeer het later opnieuw."), 500)
    return defaults.server_error(request)
