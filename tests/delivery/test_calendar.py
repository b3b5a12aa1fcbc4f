import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from knowledge.models import EventIndexPage, EventPage
from regions.models import RegionPage
from tests.knowledge.factories import EventPageFactory

from .conftest import EDITOR

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def calendar(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_uid(cal):
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


def test_agenda_lists_every_live_event_with_its_details(client):
    cal = calendar(client, "/feeds/agenda.ics")
    assert str(cal["VERSION"]) == "2.0"
    events = events_by_uid(cal)
    live = EventPage.objects.live().public()
    assert set(events) == {f"event-{page.pk}@localhost" for page in live}

    page = live.exclude(location="").first()
    event = events[f"event-{page.pk}@localhost"]
    assert str(event["SUMMARY"]) == page.title
    assert str(event["LOCATION"]) == page.location
    assert str(event["URL"]) == page.full_url
    assert page.intro in str(event["DESCRIPTION"])
    assert event.decoded("DTSTART") == page.start
    assert event.decoded("DTEND") == page.end
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"


def test_agenda_carries_the_time_zone_calendar_apps_need(client):
    cal = calendar(client, "/feeds/agenda.ics")
    zones = [str(zone["TZID"]) for zone in cal.walk("VTIMEZONE")]
    assert zones == ["Europe/Amsterdam"]
    # A summer and a winter meeting keep their wall-clock time.
    index = EventIndexPage.objects.get()
    for month in (1, 7):
        start = datetime.datetime(timezone.now().year + 1, month, 15, 10, 0, tzinfo=AMSTERDAM)
        page = EventPageFactory(
            parent=index,
            title=f"Werktafel maand {month}",
            intro="Overleg.",
            kind="werktafel",
            start=start,
            end=start + datetime.timedelta(hours=2),
            location="Utrecht",
        )
        cal = calendar(client, "/feeds/agenda.ics")
        event = events_by_uid(cal)[f"event-{page.pk}@localhost"]
        assert f"DTSTART;TZID=Europe/Amsterdam:{start:%Y%m%dT100000}" in event.to_ical().decode()
        # Apps that read the calendar's own VTIMEZONE (not a zone database) get the same hour.
        shipped_zone = cal.walk("VTIMEZONE")[0].to_tz()
        assert page.start.astimezone(shipped_zone).hour == 10
        assert page.start.astimezone(shipped_zone).utcoffset() == start.utcoffset()


def test_region_agenda_lists_only_that_regions_events(client):
    region_page = RegionPage.objects.get(region__code="AM22")
    cal = calendar(client, "/feeds/regio/AM22/agenda.ics")
    expected = EventPage.objects.live().descendant_of(region_page)
    assert expected.exists()
    assert set(events_by_uid(cal)) == {f"event-{page.pk}@localhost" for page in expected}
    assert "Rijnmond" in str(cal["X-WR-CALNAME"])


def test_unknown_region_agenda_is_not_found(client):
    assert client.get("/feeds/regio/AM99/agenda.ics").status_code == 404


def test_uid_stays_the_same_after_an_edit(client):
    page = EventPage.objects.live().first()
    uid = f"event-{page.pk}@localhost"
    page.title = "Verplaatst: nieuwe titel"
    page.save_revision().publish()
    events = events_by_uid(calendar(client, "/feeds/agenda.ics"))
    assert str(events[uid]["SUMMARY"]) == "Verplaatst: nieuwe titel"


def test_drafts_changes_and_private_events_stay_out_of_the_agenda(client):
    start = timezone.now() + datetime.timedelta(days=3)
    EventPageFactory(
        parent=EventIndexPage.objects.get(),
        publish=False,
        title="Geheime conceptbijeenkomst",
        intro="Nog niet bekend.",
        kind="overig",
        start=start,
        end=start + datetime.timedelta(hours=1),
    )
    live = EventPage.objects.live().filter(region__isnull=True).first()
    live.title = "Niet gepubliceerde wijziging"
    live.save_revision()
    region_page = RegionPage.objects.get(region__code="AM22")
    regional = EventPage.objects.live().descendant_of(region_page).first()
    PageViewRestriction.objects.create(
        page=region_page, restriction_type=PageViewRestriction.PASSWORD, password="intern"
    )
    for path in ("/feeds/agenda.ics", "/feeds/regio/AM22/agenda.ics"):
        body = client.get(path).content.decode()
        assert "Geheime conceptbijeenkomst" not in body
        assert "Niet gepubliceerde wijziging" not in body
        assert f"event-{regional.pk}@" not in body


def test_agenda_carries_no_personal_data_of_editors(client, editor):
    page = EventPage.objects.live().first()
    page.save_revision(user=editor).publish(user=editor)
    body = client.get("/feeds/agenda.ics").content.decode()
    assert f"event-{page.pk}@" in body
    for value in EDITOR.values():
        assert value not in body
    assert "ORGANIZER" not in body and "ATTENDEE" not in body


def test_agenda_queries_do_not_grow_with_the_number_of_events(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/feeds/agenda.ics").status_code == 200
        return len(captured)

    before = queries()
    for number in range(5):
        start = timezone.now() + datetime.timedelta(days=10 + number)
        EventPageFactory(
            parent=EventIndexPage.objects.get(),
            title=f"Extra bijeenkomst {number}",
            intro="Overleg.",
            kind="overig",
            start=start,
            end=start + datetime.timedelta(hours=1),
        )
    assert queries() == before
