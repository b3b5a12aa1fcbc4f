"""Reviewing what schools submit. Accepting adds the point to the region's arbeidsmarktregio-foto as a
new revision, published at once when the photo has no unpublished changes of its own (otherwise it
joins the draft, which the coordinator publishes); rejecting needs a reason. The coordinators hear of
a new submission and the school contact of the decision by e-mail."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import Locale

from .models import Bottleneck, RegionalPhotoPage, SubmissionStatus

logger = logging.getLogger(__name__)


def photo_of(region_id):
    """The region's arbeidsmarktregio-foto in the default language, or None."""
    photos = RegionalPhotoPage.objects.filter(region=region_id, locale=Locale.get_default())
    return photos.order_by("-live", "-pk").first()


@transaction.atomic
def accept(submission, user):
    """Put the submission on its region's photo; returns True when it is published there, False
    when it waits in the photo's draft. ValidationError when the region has no photo yet."""
    photo = photo_of(submission.region_id)
    if photo is None:
        raise ValidationError(
            _("%(region)s heeft nog geen arbeidsmarktregio-foto: maak die eerst.")
            % {"region": submission.region}
        )
    # One acceptance at a time per photo, so that none is built on a revision another replaces.
    photo = RegionalPhotoPage.objects.select_for_update().get(pk=photo.pk)
    publish = (
        photo.live and not photo.has_unpublished_changes and photo.permissions_for_user(user).can_publish()
    )
    draft = photo.get_latest_revision_as_object()
    draft.bottlenecks.add(
        Bottleneck(
            kind=submission.kind,
            title=submission.title,
            description=submission.text,
            themes=[submission.theme],
            schools=[submission.school],
        )
    )
    revision = draft.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    decide(submission, user, SubmissionStatus.ACCEPTED)
    return publish


def reject(submission, user, reason):
    if not reason.strip():
        raise ValidationError(_("Geef de school een reden waarom het punt niet op de foto komt."))
    submission.rejection_reason = reason.strip()
    decide(submission, user, SubmissionStatus.REJECTED)


def decide(submission, user, status):
    submission.status = status
    submission.reviewed_by = user
    submission.reviewed_at = timezone.now()
    submission.save()
    if submission.submitted_by is not None and submission.submitted_by.email:
        send("decision", {"submission": submission}, [submission.submitted_by.email])


def coordinator_addresses(region_id):
    accounts = get_user_model().objects.filter(is_active=True, groups__coordinated_region__region=region_id)
    return sorted(set(accounts.exclude(email="").values_list("email", flat=True)))


def announce(submission):
    """Tell the region's coordinators that a submission waits for them."""
    url = get_admin_base_url() + reverse("school_submissions:edit", args=[submission.pk])
    send(
        "new_submission", {"submission": submission, "url": url}, coordinator_addresses(submission.region_id)
    )


def send(template, context, addresses):
    """One mail per address from regions/mail/<template>(_subject).txt; a failing mail server is
    logged, what was decided or submitted stays."""
    if not addresses:
        return
    context = {**context, "site_name": settings.WAGTAIL_SITE_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"regions/mail/{template}_subject.txt", context).split())
        body = render_to_string(f"regions/mail/{template}.txt", context)
    try:
        send_mass_mail([(subject, body, None, [address]) for address in addresses])
    except (smtplib.SMTPException, OSError):
        logger.exception("Mail %s could not be sent", template)
