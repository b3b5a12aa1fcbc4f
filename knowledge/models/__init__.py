from .articles import ArticleAttachment, ArticleKind, ArticlePage, KnowledgeIndexPage
from .authors import Author, AuthorRole
from .content import ContentPage
from .events import EventIndexPage, EventKind, EventPage
from .home import HomePage, NetworkPage
from .news import NewsIndexPage, NewsPage
from .plone import PloneItem

__all__ = [
    "ArticleAttachment",
    "ArticleKind",
    "ArticlePage",
    "Author",
    "AuthorRole",
    "ContentPage",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HomePage",
    "KnowledgeIndexPage",
    "NetworkPage",
    "NewsIndexPage",
    "NewsPage",
    "PloneItem",
]
