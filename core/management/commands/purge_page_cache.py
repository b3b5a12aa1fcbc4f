from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core.page_cache import lifetime, purge_site


class Command(BaseCommand):
    help = (
        "Drop every answer in the page cache, for instance after an upgrade whose templates render "
        "pages differently: each page is rendered afresh on its next visit."
    )

    def handle(self, *args, **options):
        if not lifetime():
            self.stdout.write(_("De paginacache staat uit (PAGE_CACHE_SECONDS=0)."))
            return
        purge_site()
        self.stdout.write(
            _("Paginacache geleegd: elke pagina wordt bij het volgende bezoek opnieuw opgebouwd.")
        )
