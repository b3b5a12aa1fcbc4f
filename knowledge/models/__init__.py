from .articles import ArticleAttachment, ArticleKind, ArticlePage, KnowledgeIndexPage
from .events import EventIndexPage, EventKind, EventPage
from .home import HomePage, NetworkPage
from .listings import latest_on_theme, regional_content
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
    "latest_on_theme",
    "regional_content",
]
