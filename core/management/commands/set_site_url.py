from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


class Command(BaseCommand):
    help = (
        "Point the default Site at the site's public address (WAGTAILADMIN_BASE_URL), which the "
        "links in feeds, the sitemap and the APIs are built from."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="default: WAGTAILADMIN_BASE_URL")

    def handle(self, *args, url=None, **options):
        hostname, port = site_address(url or settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(_("Er is geen standaardsite. Maak die eerst, bijvoorbeeld met seed_demo."))
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(_("Site: %(url)s (ongewijzigd)") % {"url": site.root_url})
            return
        site.hostname, site.port = hostname, port
        try:
            site.full_clean()
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        site.save()
        self.stdout.write(_("Site: %(url)s") % {"url": site.root_url})


def site_address(url):
    """The host name and port of a Wagtail Site for this address. A Site knows no path and takes
    https to mean port 443, so other addresses are refused rather than turned into wrong links."""
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        port = None
    if not parts.hostname or parts.scheme not in DEFAULT_PORTS or port is None:
        raise CommandError(_("%(url)s is geen adres als https://kennisplatform.example.nl.") % {"url": url})
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise CommandError(
            _("Een site staat op de hoofdmap van een adres, zonder pad: %(url)s") % {"url": url}
        )
    if (parts.scheme == "https") != (port == 443):
        raise CommandError(_("Een site gebruikt https op poort 443 en alleen daar: %(url)s") % {"url": url})
    return parts.hostname, port
