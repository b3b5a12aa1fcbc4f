from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Zoeken")

    def ready(self):
        from wagtail.signals import page_published

        from .vocabulary import record_page_words

        page_published.connect(record_page_words, dispatch_uid="search-record-page-words")
