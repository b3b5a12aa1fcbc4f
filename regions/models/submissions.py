"""What schools bring in: a school contact (Schoolcontactpersoon) is an account tied to one school or
more, which submits knelpunten and ontwikkelpunten for its region; the region's coordinator accepts
them onto the arbeidsmarktregio-foto or rejects them with a reason (regions.submissions)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .photo import BottleneckKind


class SchoolContact(models.Model):
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="school_contact",
    )
    schools = models.ManyToManyField("regions.School", verbose_name=_("scholen"), related_name="contacts")

    class Meta:
        verbose_name = _("schoolcontactpersoon")
        verbose_name_plural = _("schoolcontactpersonen")

    def __str__(self):
        return str(self.account)


class SubmissionStatus(models.TextChoices):
    PENDING = "ingediend", _("Ter beoordeling")
    ACCEPTED = "geaccepteerd", _("Geaccepteerd")
    REJECTED = "afgewezen", _("Afgewezen")


class SchoolSubmissionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=SubmissionStatus.PENDING)


class SchoolSubmission(models.Model):
    """A knelpunt or ontwikkelpunt a school submitted; it reaches the photo only once the region's
    coordinator accepts it."""

    school = models.ForeignKey(
        "regions.School", verbose_name=_("school"), on_delete=models.PROTECT, related_name="submissions"
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("arbeidsmarktregio"),
        on_delete=models.PROTECT,
        related_name="school_submissions",
        editable=False,
    )
    kind = models.CharField(
        _("soort"), max_length=20, choices=BottleneckKind.choices, default=BottleneckKind.BOTTLENECK
    )
    theme = models.ForeignKey(
        "themes.Theme", verbose_name=_("thema"), on_delete=models.PROTECT, related_name="school_submissions"
    )
    title = models.CharField(_("korte titel"), max_length=200)
    text = models.TextField(_("toelichting"), max_length=2000)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingediend door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("ingediend op"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    rejection_reason = models.TextField(_("reden van afwijzing"), blank=True)

    objects = SchoolSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("inzending van een school")
        verbose_name_plural = _("inzendingen van scholen")
        # Schools submit on the site, nobody deletes: the history stays.
        default_permissions = ("view", "change")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The region the school was in when it submitted; it stays with the submission.
        if self.region_id is None:
            self.region_id = self.school.municipality.region_id
        super().save(*args, **kwargs)

    @property
    def is_pending(self):
        return self.status == SubmissionStatus.PENDING
