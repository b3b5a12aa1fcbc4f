"""The sitemap: Wagtail's, with the published pages of every content language and hreflang
alternates on each page published in more than one."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .translations import alternates, published_versions


class TranslatedSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return Page.objects.live().public().filter(in_a_tree).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = published_versions(pages)
        urls = []
        for item in pages:
            page_alternates = alternates(versions.get(item.translation_key, {}), self.request)
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": page_alternates})
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
