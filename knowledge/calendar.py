"""The Agenda as an iCalendar feed (RFC 5545) that calendar apps subscribe to: all events, or the
events of one region. Only live, public events; times in Europe/Amsterdam with its VTIMEZONE."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event, vDuration
from wagtail.models import Locale, Site

from core.models import SiteSettings
from regions.models import Region

from .models import EventPage

# Calendar apps drop what disappears from a subscription; a year of history keeps recent
# meetings in the subscriber's calendar without the feed growing without end.
HISTORY = datetime.timedelta(days=365)
REFRESH_INTERVAL = datetime.timedelta(hours=1)


@require_GET
def event_calendar(request, region=None):
    region = get_object_or_404(Region, code__iexact=region) if region else None
    calendar = build_calendar(request, calendar_name(request, region), calendar_events(region))
    filename = f"agenda-{region.code.lower()}.ics" if region else "agenda.ics"
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_events(region=None):
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .filter(end__gte=timezone.now() - HISTORY)
        .order_by("start", "pk")
    )
    return list(events.filter(region=region) if region else events)


def build_calendar(request, name, events):
    site = Site.find_for_request(request)
    domain = site.hostname if site else request.get_host()
    calendar = Calendar()
    calendar.add("prodid", f"-//{SiteSettings.for_request(request).site_name}//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for event in events:
        calendar.add_component(calendar_event(event, domain, event.get_full_url(request)))
    # The time zone definition only needs to cover the calendar's own period.
    now = timezone.now()
    first = min((event.start for event in events), default=now)
    last = max((event.end for event in events), default=now)
    calendar.add_missing_timezones(
        first_date=first.date() - datetime.timedelta(days=1),
        last_date=last.date() + datetime.timedelta(days=1),
    )
    return calendar


def calendar_name(request, region):
    site_name = SiteSettings.for_request(request).site_name
    if region is None:
        return _("Agenda %(site)s") % {"site": site_name}
    return _("Agenda %(region)s – %(site)s") % {"region": region.name, "site": site_name}


def calendar_event(event, domain, url):
    entry = Event()
    # The page id never changes, so calendar apps update the same entry after an edit.
    entry.add("uid", f"event-{event.pk}@{domain}")
    entry.add("dtstamp", event.last_published_at or timezone.now())
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    if event.whole_day:
        # All-day entries are dates; the end date is the day after the last day (RFC 5545).
        entry.add("dtstart", timezone.localdate(event.start))
        entry.add("dtend", timezone.localdate(event.end) + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", timezone.localtime(event.start))
        entry.add("dtend", timezone.localtime(event.end))
    entry.add("summary", event.title)
    entry.add("description", f"{event.intro}\n\n{url}" if event.intro else url)
    if event.location:
        entry.add("location", event.location)
    entry.add("url", url)
    entry.add("categories", [event.get_kind_display()])
    return entry
