from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Basis")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .caching import purge_pages_showing
        from .spreadsheets import protect_wagtail_exports

        page_published.connect(purge_pages_showing, dispatch_uid="core-purge-pages-showing")
        page_unpublished.connect(purge_pages_showing, dispatch_uid="core-purge-pages-showing-unpublish")
        protect_wagtail_exports()
