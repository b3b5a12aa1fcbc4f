"""Feeds under /feeds/: RSS and Atom of the news, and the Agenda as iCalendar."""

from django.urls import path
from django.utils.feedgenerator import Atom1Feed

from .calendar import event_calendar
from .feeds import ContentFeed

app_name = "feeds"

urlpatterns = [
    path("nieuws/rss/", ContentFeed(), name="news-rss"),
    path("nieuws/atom/", ContentFeed(Atom1Feed), name="news-atom"),
    path("regio/<str:region>/rss/", ContentFeed(), name="region-rss"),
    path("regio/<str:region>/atom/", ContentFeed(Atom1Feed), name="region-atom"),
    path("thema/<slug:theme>/rss/", ContentFeed(), name="theme-rss"),
    path("thema/<slug:theme>/atom/", ContentFeed(Atom1Feed), name="theme-atom"),
    path("agenda.ics", event_calendar, name="agenda"),
    path("regio/<str:region>/agenda.ics", event_calendar, name="region-agenda"),
]
