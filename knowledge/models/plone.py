from django.db import models
from django.utils.translation import gettext_lazy as _


class PloneItem(models.Model):
    """An item of a Plone export and what `manage.py import_plone` made of it: a page, an image, a
    document or a redirect. Keyed by the export and the item's UID (two exports may share a UID,
    such as their site root's), so that importing again updates instead of adding."""

    export = models.CharField(_("export"), max_length=100)
    uid = models.CharField(_("UID"), max_length=64)
    portal_type = models.CharField(_("Plone-type"), max_length=100)
    path = models.CharField(_("pad in Plone"), max_length=1024)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    redirect = models.ForeignKey(
        "wagtailredirects.Redirect", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A hash of what the import last wrote: an item whose hash is unchanged is left alone.
    fingerprint = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(_("geïmporteerd"), auto_now=True)

    class Meta:
        verbose_name = _("geïmporteerd Plone-item")
        verbose_name_plural = _("geïmporteerde Plone-items")
        constraints = [models.UniqueConstraint(fields=["export", "uid"], name="knowledge_plone_item_key")]

    def __str__(self):
        return f"{self.export}: {self.path}"
