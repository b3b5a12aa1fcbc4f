"""Requests every view would have to guard against, refused once for the whole site."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

from core.errors import api_problem, is_api

NUL = "\x00"


class RejectNulCharactersMiddleware:
    """A NUL character in the address or a query parameter gets a 400: PostgreSQL cannot compare
    text holding one and raises instead, which would otherwise surface as a 500 in any lookup."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or any(
            NUL in text for name, values in request.GET.lists() for text in [name, *values]
        ):
            return self.bad_request(request)
        return self.get_response(request)

    @staticmethod
    def bad_request(request):
        message = _("Het adres of een parameter bevat een NUL-teken.")
        if is_api(request):
            return api_problem(request, message, 400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
