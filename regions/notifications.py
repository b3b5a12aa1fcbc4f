"""The steering group hears of a new progress report: when a coordinator publishes a report for
the first time, every active member of the region's steering group with an e-mail address gets
a short mail with the link. Later corrections send nothing."""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.signals import page_published

from .models import ProgressReportPage

logger = logging.getLogger(__name__)


def steering_group_addresses(region_id):
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__steered_region__region=region_id)
        .exclude(email="")
    )
    return sorted(set(members.values_list("email", flat=True)))


def mail_steering_group(report):
    """Mail the region's steering group that `report` is published. Returns the number of mails;
    a mail server that fails is logged, the report stays published."""
    addresses = steering_group_addresses(report.region_id)
    if not addresses:
        return 0
    context = {"report": report, "url": report.get_full_url(), "site_name": settings.WAGTAIL_SITE_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("regions/mail/progress_report_subject.txt", context).split())
        body = render_to_string("regions/mail/progress_report.txt", context)
    try:
        return send_mass_mail([(subject, body, None, [address]) for address in addresses])
    except (smtplib.SMTPException, OSError):
        logger.exception("Progress report %s: the steering group could not be mailed", report.pk)
        return 0


def on_first_publication(sender, instance, **kwargs):
    if instance.first_published_at == instance.last_published_at:
        mail_steering_group(instance)


def connect():
    page_published.connect(
        on_first_publication, sender=ProgressReportPage, dispatch_uid="progress_report_mail"
    )
