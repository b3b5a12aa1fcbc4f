from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from wagtail.signals import page_published, post_page_move

        from .engine import reindex_moved_section
        from .vocabulary import record_page_words

        page_published.connect(record_page_words, dispatch_uid="search-record-page-words")
        post_page_move.connect(reindex_moved_section, dispatch_uid="search-reindex-moved-section")
