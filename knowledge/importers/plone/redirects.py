"""301 redirects (wagtail.contrib.redirects) from the old site's addresses to where the items went.

Redirects the import made are marked as made automatically and follow their item on a re-run; a
redirect made by an editor for the same address is left alone and reported."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect

LINK_MAX_LENGTH = Redirect._meta.get_field("redirect_link").max_length
REDIRECTS_PER_WRITE = 500


class Redirects:
    def __init__(self, site, report):
        self.site = site
        self.report = report
        self.new = {}  # old path → a redirect not yet written
        self.existing = {
            old_path: [pk, page_id, link, automatic]
            for pk, old_path, page_id, link, automatic in Redirect.objects.filter(
                Q(site=site) | Q(site__isnull=True)
            ).values_list("pk", "old_path", "redirect_page_id", "redirect_link", "automatically_created")
        }
        # The site's own language prefixes (/en): those addresses are the translated home pages.
        self.reserved = {"/"} | {
            f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
        }

    def ensure(self, old_path, page_id=None, link=""):
        """A redirect from `old_path` to a page or an address: (its normalised old path, "created",
        "updated" or "unchanged"), or (None, None) when there is none. New ones are written by
        `save`."""
        old_path = Redirect.normalise_path(old_path)
        if old_path in self.reserved:
            return None, None
        if len(link) > LINK_MAX_LENGTH:
            self.report.unresolved_redirects.append((old_path, link))
            return None, None
        existing = self.existing.get(old_path)
        if existing is None:
            self.new[old_path] = Redirect(
                old_path=old_path,
                site=self.site,
                redirect_page_id=page_id,
                redirect_link=link,
                is_permanent=True,
                automatically_created=True,
            )
            self.existing[old_path] = [None, page_id, link, True]
            if len(self.new) == REDIRECTS_PER_WRITE:
                self.save()
            return self.count(old_path, "created")
        pk, current_page_id, current_link, automatic = existing
        if (current_page_id, current_link) == (page_id, link):
            return self.count(old_path, "unchanged")
        if automatic:
            if pk is None:
                self.new[old_path].redirect_page_id, self.new[old_path].redirect_link = page_id, link
            else:
                Redirect.objects.filter(pk=pk).update(redirect_page_id=page_id, redirect_link=link)
            existing[1:3] = [page_id, link]
            return self.count(old_path, "updated")
        target = _("pagina %(id)d") % {"id": current_page_id} if current_page_id else current_link
        self.report.redirect_conflicts.append((old_path, target))
        return None, None

    def count(self, old_path, outcome):
        self.report.redirects[outcome] += 1
        return old_path, outcome

    def save(self):
        """Write the new redirects (a few hundred at a time, as they come)."""
        for redirect in Redirect.objects.bulk_create(self.new.values()):
            self.existing[redirect.old_path][0] = redirect.pk
        self.new = {}

    def pk(self, old_path):
        return self.existing[old_path][0] if old_path in self.existing else None
