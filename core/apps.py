from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Basis")

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import ModelLogEntry, PageLogEntry
        from wagtail.signals import page_published, page_unpublished

        from .caching import purge_pages_showing
        from .notifications import send_approval_mails_with_comment
        from .page_cache import purge_site_on_log_entry
        from .spreadsheets import protect_wagtail_exports

        page_published.connect(purge_pages_showing, dispatch_uid="core-purge-pages-showing")
        page_unpublished.connect(purge_pages_showing, dispatch_uid="core-purge-pages-showing-unpublish")
        for log_entry in (PageLogEntry, ModelLogEntry):
            post_save.connect(
                purge_site_on_log_entry, sender=log_entry, dispatch_uid=f"core-purge-{log_entry._meta.label}"
            )
        protect_wagtail_exports()
        send_approval_mails_with_comment()
        if apps.is_installed("wagtail_2fa"):
            from .two_factor import provide_user_listing_button

            provide_user_listing_button()
