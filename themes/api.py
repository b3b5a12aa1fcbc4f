"""/api/themes/: the seven development themes, each with its page and its newest articles."""

from datetime import date
from typing import Literal

from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.errors import HttpError

from core.schemas import PageLinkOut, ProblemOut, page_link_out
from core.taxonomy import page_model_for

from .models import Theme, ThemePage

router = Router(tags=["thema's"])

LATEST_ARTICLES = 10


class ThemeSummaryOut(Schema):
    code: str
    title: str
    description: str
    order: int
    page: PageLinkOut | None


class ArticleSummaryOut(PageLinkOut):
    date: date
    kind: str
    intro: str


class ThemeDetailOut(ThemeSummaryOut):
    articles: list[ArticleSummaryOut]


Language = Literal["nl", "en"]


def theme_pages(locale):
    pages = ThemePage.objects.live().public().filter(locale__language_code=locale)
    return {page.theme_id: page for page in pages}


def theme_out(theme, page, request):
    return {
        "code": theme.code,
        "title": theme.title,
        "description": theme.description,
        "order": theme.order,
        "page": page and page_link_out(page, request),
    }


@router.get("/", response={200: list[ThemeSummaryOut], 400: ProblemOut}, summary=_("Alle thema's"))
def list_themes(request, locale: Language = "nl"):
    """The seven themes in their fixed order, each with its theme page in `locale` (if published)."""
    pages = theme_pages(locale)
    return [theme_out(theme, pages.get(theme.pk), request) for theme in Theme.objects.all()]


@router.get(
    "/{code}/",
    response={200: ThemeDetailOut, 400: ProblemOut, 404: ProblemOut},
    summary=_("Eén thema"),
)
def theme_detail(request, code: str, locale: Language = "nl"):
    """One theme with its page and its newest published articles from every region (pages of the
    type `article`, when the knowledge app is installed)."""
    theme = Theme.objects.filter(code=code).first()
    if theme is None:
        raise HttpError(404, _("Onbekend thema: %(code)s") % {"code": code})
    article_model = page_model_for("article")
    articles = (
        article_model.objects.live()
        .public()
        .filter(article_model.taxonomy.having("theme", theme.code), locale__language_code=locale)
        .order_by(f"-{article_model.taxonomy.date}", "-pk")[:LATEST_ARTICLES]
        if article_model
        else []
    )
    return {
        **theme_out(theme, theme_pages(locale).get(theme.pk), request),
        "articles": [
            {
                **page_link_out(article, request),
                "date": article.date,
                "kind": article.kind,
                "intro": article.intro,
            }
            for article in articles
        ],
    }
