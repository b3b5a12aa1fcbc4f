"""A page an editor scheduled goes live once its time has come and publish_scheduled runs (every
minute in production: deploy/vsopro-publish.timer)."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from knowledge.models import NewsIndexPage
from tests.knowledge.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

SOON = datetime.timedelta(seconds=3)


def test_a_scheduled_page_goes_live_when_its_time_has_come_and_not_before(client):
    news_index = NewsIndexPage.objects.get(locale__language_code="nl")
    page = NewsPageFactory(parent=news_index, title="Nieuws van straks", publish=False)
    page.go_live_at = timezone.now() + SOON
    page.save_revision().publish()  # as the admin's Publish with a go-live date: scheduled

    call_command("publish_scheduled")
    assert client.get(page.url).status_code == 404

    time.sleep((page.go_live_at - timezone.now()).total_seconds() + 0.1)
    call_command("publish_scheduled")

    response = client.get(page.url)
    assert response.status_code == 200
    assert "Nieuws van straks" in response.content.decode()
