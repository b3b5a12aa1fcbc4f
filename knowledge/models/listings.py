"""The querysets that overviews share: live, public and ready to render without extra queries."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils import timezone

from .articles import ArticlePage
from .events import EventPage
from .news import NewsPage

PAGE_SIZE = 12


def _public(model, locale=None):
    pages = model.objects.live().public()
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.prefetch_related("themes")


def news_items(locale=None, national_only=False):
    items = _public(NewsPage, locale).select_related("region").order_by("-date", "-pk")
    return items.filter(region__isnull=True) if national_only else items


def articles(locale=None):
    return _public(ArticlePage, locale).prefetch_related("regions").order_by("-date", "-pk")


def upcoming_events(locale=None):
    return (
        _public(EventPage, locale).select_related("region")
        .filter(end__gte=timezone.now()).order_by("start", "pk")
    )


def latest_on_theme(theme, limit=5):
    """The newest articles and news and the next events on one theme, from every region."""
    return {
        "theme_articles": articles().filter(themes=theme)[:limit],
        "theme_news": news_items().filter(themes=theme)[:limit],
        "theme_events": upcoming_events().filter(themes=theme)[:limit],
    }


def regional_content(region_page, limit=5):
    """The newest news and articles and the next events under one region page."""
    return {
        "region_news": news_items().descendant_of(region_page)[:limit],
        "region_articles": articles().descendant_of(region_page)[:limit],
        "region_events": upcoming_events().descendant_of(region_page)[:limit],
    }


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
