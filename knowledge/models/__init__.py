from .articles import ArticleAttachment, ArticleKind, ArticlePage, KnowledgeIndexPage
from .events import EventIndexPage, EventKind, EventPage
from .home import HomePage, NetworkPage
from .news import NewsIndexPage, NewsPage

__all__ = [
    "ArticleAttachment",
    "ArticleKind",
    "ArticlePage",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HomePage",
    "KnowledgeIndexPage",
    "NetworkPage",
    "NewsIndexPage",
    "NewsPage",
]
