"""The site's header, menu and footer, from the page tree and SiteSettings (Instellingen)."""

from django import template
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Site

from core.models import SiteSettings
from core.paths import optional_url
from core.phone_numbers import dutch_phone_number
from core.representations import is_public
from core.translations import hreflang_alternates, language_links

register = template.Library()


def _site_root(request):
    """The current site's root page in the active language, looked up once per request (the
    header and the footer both link it)."""
    if request is None:
        return None
    if not hasattr(request, "_site_root"):
        site = Site.find_for_request(request)
        request._site_root = site.root_page.localized if site is not None else None
    return request._site_root


@register.simple_tag(takes_context=True)
def site_settings(context):
    """The SiteSettings of the current site (its name, footer, contact)."""
    request = context.get("request")
    return SiteSettings.for_request(request) if request is not None else SiteSettings()


register.simple_tag(optional_url)

DESCRIPTION_LENGTH = 300


@register.simple_tag
def page_description(page=None):
    """The page's description for search engines (<meta name="description">): its own search
    description, else its introduction, else one sentence about the site."""
    text = getattr(page, "search_description", "") or getattr(page, "intro", "")
    if not text:
        text = _(
            "Kennis, nieuws en goede voorbeelden uit alle arbeidsmarktregio's over de overstap "
            "van leerlingen uit praktijkonderwijs en vso naar duurzaam werk."
        )
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """The page's published versions in every language, for <link rel="alternate" hreflang>."""
    return hreflang_alternates(context.get("page"), context.get("request"))


@register.inclusion_tag("includes/site_header.html", takes_context=True)
def site_header(context, search_box=True):
    """Logo, language switcher, search box (left out where the page has its own) and main menu:
    the live, public pages under the site's root page that are marked "Toon in menu's", the
    current one (or the one it lies in) marked."""
    request = context.get("request")
    root = _site_root(request)
    page = context.get("page")
    menu = root.get_children().live().public().in_menu() if root is not None else []
    return {
        "request": request,
        "site": site_settings(context),
        "home_url": root.get_url(request) if root is not None else "/",
        "is_home": root is not None and page is not None and page.pk == root.pk,
        "page": page,
        "search_box": search_box,
        "search_query": context.get("search_query"),
        "search_url": optional_url("search"),
        "menu": [(item, _current(page, item)) for item in menu],
        "languages": language_links(page, request),
    }


def _current(page, item):
    if page is None or not getattr(page, "path", None):
        return None
    if page.pk == item.pk:
        return "page"
    return "true" if page.path.startswith(item.path) else None


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    site = site_settings(context)
    return {
        "request": request,
        "site": site,
        "site_root": _site_root(request),
        # A link to a draft or private page would reveal its address.
        "links": [
            link.value
            for link in site.footer_links
            if link.value["page"] is None or is_public(link.value["page"], request)
        ],
        "search_url": optional_url("search"),
        "sitemap_url": optional_url("sitemap"),
        "rss_url": optional_url("feeds:news-rss"),
    }


@register.filter
def phone_link(value):
    """A telephone number grouped the Dutch way (010 123 4567, 06 12345678) as a tel: link."""
    number = dutch_phone_number(value)
    if not number.href:
        return number.text
    return format_html('<a href="{}">{}</a>', number.href, number.text)
