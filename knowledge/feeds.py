"""RSS and Atom feeds: the national news, and the news and Kennisbank articles of one region or
one theme. One feed class; the region or theme in the URL narrows what it lists, ?rol=<author
role> narrows it to the news of, say, the kwartiermaker. Only live, public pages appear; a news
item carries its author's byline, never the names or addresses of the editors' accounts."""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.models import SiteSettings
from regions.models import Region, RegionPage
from themes.models import Theme, ThemePage

from .models import ArticlePage, AuthorRole, EventPage, NewsIndexPage, NewsPage

FEED_SIZE = 20


@dataclass
class FeedSubject:
    """What one request of a feed is about: everything national, a region or a theme; all
    authors or those of one role."""

    request: HttpRequest
    region: Region | None = None
    theme: Theme | None = None
    role: AuthorRole | None = None

    @property
    def query(self):
        """The query string that narrows a feed or a news list to the role, or ""."""
        return f"?{urlencode({'rol': self.role.value})}" if self.role else ""


class ContentFeed(Feed):
    """News (and, for a region or theme, Kennisbank articles), newest first."""

    language = "nl"

    def __init__(self, feed_type=Rss201rev2Feed):
        super().__init__()
        self.feed_type = feed_type

    def get_object(self, request, region=None, theme=None):
        role = request.GET.get("rol", "")
        if role and role not in AuthorRole.values:
            raise Http404(_("Onbekende rol: %(role)s") % {"role": role})
        return FeedSubject(
            request=request,
            region=get_object_or_404(Region, code__iexact=region) if region else None,
            theme=get_object_or_404(Theme, code=theme) if theme else None,
            role=AuthorRole(role) if role else None,
        )

    def items(self, subject):
        locale = Locale.get_default()
        news, knowledge = NewsPage.listed_pages(locale), ArticlePage.listed_pages(locale)
        if subject.region or subject.theme:
            facet, code = ("region", subject.region.code) if subject.region else ("theme", subject.theme.code)
            news = news.filter(NewsPage.taxonomy.having(facet, code))
            knowledge = knowledge.filter(ArticlePage.taxonomy.having(facet, code))
        if subject.role:
            # One role's news, from everywhere (the coordinators' news is regional).
            news, knowledge = news.filter(author__role=subject.role), knowledge.none()
        elif not (subject.region or subject.theme):
            news, knowledge = news.filter(region__isnull=True), knowledge.none()
        pages = sorted(
            [*news[:FEED_SIZE], *knowledge[:FEED_SIZE]],
            key=lambda page: (page.date, page.last_published_at),
            reverse=True,
        )[:FEED_SIZE]
        for page in pages:
            page.feed_link = page.get_full_url(subject.request)
        return pages

    def title(self, subject):
        site_name = SiteSettings.for_request(subject.request).site_name
        if subject.role:
            return _("Nieuws van de %(role)s – %(site)s") % {"role": subject.role.label, "site": site_name}
        if subject.region:
            return _("%(region)s – nieuws en kennis – %(site)s") % {
                "region": subject.region.name,
                "site": site_name,
            }
        if subject.theme:
            return _("Thema %(theme)s – %(site)s") % {"theme": subject.theme.title, "site": site_name}
        return _("Landelijk nieuws – %(site)s") % {"site": site_name}

    def description(self, subject):
        if subject.role:
            return _("Nieuws geschreven door de %(role)s.") % {"role": subject.role.label}
        if subject.region:
            return _("Nieuws en kennis uit de arbeidsmarktregio %(region)s.") % {
                "region": subject.region.name
            }
        if subject.theme:
            return _("Nieuws en kennis over het thema %(theme)s.") % {"theme": subject.theme.title}
        return _("Landelijk nieuws over praktijkonderwijs, vso en duurzaam werk.")

    def link(self, subject):
        locale = Locale.get_default()
        if subject.region:
            pages = RegionPage.objects.filter(region=subject.region)
        elif subject.theme:
            pages = ThemePage.objects.filter(theme=subject.theme)
        else:
            pages = NewsIndexPage.objects.all()
        page = pages.live().public().filter(locale=locale).first()
        if page is None:
            return subject.request.build_absolute_uri("/")
        return page.get_full_url(subject.request) + (subject.query if isinstance(page, NewsIndexPage) else "")

    def feed_url(self, subject):
        return subject.request.build_absolute_uri(subject.request.path + subject.query)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        """The byline ("Naam, kwartiermaker") of a news item; articles have no author."""
        author = getattr(item, "author", None)
        return str(author) if author else None

    def item_categories(self, item):
        return [theme.title for theme in item.themes.all()]


def feed_paths_for(page):
    """The paths of the feeds and calendars that list this page (for purging caches)."""
    page = page.specific_deferred
    if isinstance(page, NewsPage):
        regions = [page.region] if page.region_id else []
        scopes = [("news-", {})] if not regions else []
    elif isinstance(page, ArticlePage):
        regions = list(page.regions.all())
        scopes = []
    elif isinstance(page, EventPage):
        paths = [reverse("feeds:agenda")]
        if page.region_id:
            paths.append(reverse("feeds:region-agenda", args=[page.region.code]))
        return paths
    else:
        return []
    scopes += [("region-", {"region": region.code}) for region in regions]
    scopes += [("theme-", {"theme": theme.code}) for theme in page.themes.all()]
    return [
        reverse(f"feeds:{prefix}{kind}", kwargs=kwargs)
        for prefix, kwargs in scopes
        for kind in ("rss", "atom")
    ]
