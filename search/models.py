from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string


class UnansweredQuery(models.Model):
    """A query that found nothing, with how often and when it was last asked: for editors to
    see which content is missing. (Wagtail's own query log keeps the popular queries.)"""

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
        entry, _created = cls.objects.get_or_create(query_string=normalise_query_string(query_string))
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1, last_searched_at=timezone.now())


class SearchTerm(models.Model):
    """A word that occurs in public content (see search.vocabulary)."""

    word = models.CharField(_("woord"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("zoekterm")
        verbose_name_plural = _("zoektermen")

    def __str__(self):
        return self.word
