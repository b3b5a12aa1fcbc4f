from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Kennis en nieuws")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .caching import purge_pages_showing

        page_published.connect(purge_pages_showing)
        page_unpublished.connect(purge_pages_showing)
