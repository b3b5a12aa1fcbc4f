from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH


class UnansweredQuery(models.Model):
    """A query that found nothing, with how often and when it was last asked: for editors to
    see which content is missing. (Wagtail's own query log keeps the popular queries.)

    Anyone can add rows by searching, so the table stays bounded: a query not searched for in
    SEARCH_UNANSWERED_RETENTION_DAYS goes, and beyond SEARCH_UNANSWERED_MAX_QUERIES rows the
    least searched go."""

    query_string = models.CharField(_("zoekvraag"), max_length=MAX_QUERY_STRING_LENGTH, unique=True)
    hits = models.PositiveIntegerField(_("aantal keer gezocht"), default=0)
    last_searched_at = models.DateTimeField(_("laatst gezocht"), default=timezone.now)

    class Meta:
        ordering = ["-hits", "-last_searched_at"]
        verbose_name = _("zoekvraag zonder resultaten")
        verbose_name_plural = _("zoekvragen zonder resultaten")

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string):
        """Count the query under its normalised form (lower case, single spaces)."""
        query_string = " ".join(query_string.lower().split())[:MAX_QUERY_STRING_LENGTH].rstrip()
        if not query_string:
            return
        now = timezone.now()
        entry, created = cls.objects.get_or_create(
            query_string=query_string, defaults={"hits": 1, "last_searched_at": now}
        )
        if not created:
            cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1, last_searched_at=now)
            return
        # Only a new row grows the table: that is when it is trimmed.
        days = getattr(settings, "SEARCH_UNANSWERED_RETENTION_DAYS", 90)
        cls.objects.filter(last_searched_at__lt=now - timedelta(days=days)).delete()
        cls._drop_least_searched(keep=entry.pk)

    @classmethod
    def _drop_least_searched(cls, keep):
        """Down to SEARCH_UNANSWERED_MAX_QUERIES rows: the least searched go, the longest unsearched
        of them first; the query just recorded stays, so that a new query can still come in."""
        excess = cls.objects.count() - getattr(settings, "SEARCH_UNANSWERED_MAX_QUERIES", 5000)
        if excess > 0:
            least = cls.objects.exclude(pk=keep).order_by("hits", "last_searched_at", "pk")
            cls.objects.filter(pk__in=list(least.values_list("pk", flat=True)[:excess])).delete()


class SearchTerm(models.Model):
    """A word that occurs in public content (see search.vocabulary)."""

    word = models.CharField(_("woord"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")

    def __str__(self):
        return self.word
