"""Paths of URLs that another app or the host site may or may not provide."""

from django.urls import NoReverseMatch, reverse


def optional_url(name, *args):
    """The path of the named URL, or "" when no installed app or URLconf serves it."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""
