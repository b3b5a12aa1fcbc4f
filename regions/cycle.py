"""The yearly cycle of a region: its annual plan, progress to the steering group every quarter and a
directors' meeting every year. The national overview, the region page and the API show where each
region stands and what is overdue. A fixed number of queries, however many regions."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, OuterRef, Subquery
from django.utils import timezone

from core.taxonomy import registered_page_models, taxonomy_of

from .models.progress import live_reports_of_live_plans, previous_quarter
from .models.reference import DIRECTORS_MEETING_KIND, STEERING_GROUP_KIND

PROGRESS_INTERVAL = datetime.timedelta(days=92)  # a quarter
DIRECTORS_MEETING_INTERVAL = datetime.timedelta(days=366)


@dataclass(frozen=True)
class Cycle:
    last_progress: datetime.date | None
    last_steering_group: datetime.datetime | None
    last_directors_meeting: datetime.datetime | None
    reported_quarters: frozenset = frozenset()  # {(year, quarter)} with a published report

    @property
    def due_quarter(self):
        """(year, quarter) of the last quarter that ended, when it has no published report yet."""
        quarter = previous_quarter(timezone.localdate())
        return None if quarter in self.reported_quarters else quarter

    @property
    def months_since_directors_meeting(self):
        last = _as_date(self.last_directors_meeting)
        if last is None:
            return None
        today = timezone.localdate()
        return (today.year - last.year) * 12 + today.month - last.month - (today.day < last.day)

    @property
    def progress_overdue(self):
        return _overdue(self.last_progress, PROGRESS_INTERVAL)

    @property
    def directors_meeting_overdue(self):
        return _overdue(_as_date(self.last_directors_meeting), DIRECTORS_MEETING_INTERVAL)


def _as_date(moment):
    return timezone.localtime(moment).date() if moment is not None else None


def _overdue(last, interval):
    return last is None or timezone.localdate() - last > interval


def cycles(region_ids):
    """{region pk: Cycle} for the regions of `region_ids`."""
    progress, reported = progress_reports(region_ids)
    steering = last_meetings(STEERING_GROUP_KIND, region_ids)
    directors = last_meetings(DIRECTORS_MEETING_KIND, region_ids)
    return {
        region_id: Cycle(
            progress.get(region_id),
            steering.get(region_id),
            directors.get(region_id),
            frozenset(reported.get(region_id, ())),
        )
        for region_id in region_ids
    }


def progress_reports(region_ids):
    """({region pk: the steering-group date of its newest published progress report},
    {region pk: {(year, quarter)} reported}), from the reports on the regions' live annual plans."""
    reports = live_reports_of_live_plans().filter(
        region__in=region_ids, meeting_date__lte=timezone.localdate()
    )
    last, reported = {}, {}
    for row in reports.values("region", "plan_year", "quarter", "meeting_date").order_by():
        region = row["region"]
        last[region] = max(last.get(region, row["meeting_date"]), row["meeting_date"])
        reported.setdefault(region, set()).add((row["plan_year"], row["quarter"]))
    return last, reported


def meeting_page_types():
    """(model, taxonomy) of every page type with a kind, one region and a date (the knowledge
    app's events)."""
    for model in registered_page_models():
        taxonomy = taxonomy_of(model)
        if not (taxonomy.kind and taxonomy.regions and taxonomy.date):
            continue
        if model._meta.get_field(taxonomy.regions).many_to_many:
            continue
        yield model, taxonomy


def last_meetings(kind, region_ids):
    """{region pk: start of the region's most recent published meeting of `kind` so far}."""
    found = {}
    for model, taxonomy in meeting_page_types():
        pages = (
            model.objects.live()
            .public()
            .filter(
                **{
                    taxonomy.kind: kind,
                    f"{taxonomy.regions}__in": region_ids,
                    f"{taxonomy.date}__lte": timezone.now(),
                }
            )
        )
        for row in pages.values(taxonomy.regions).annotate(last=Max(taxonomy.date)).order_by():
            region, last = row[taxonomy.regions], row["last"]
            found[region] = max(found.get(region, last), last)
    return found


def next_meetings(kind, region_ids):
    """{region pk: (start, page) of the region's next live meeting of `kind`}, one query per
    meeting page type."""
    found = {}
    for model, taxonomy in meeting_page_types():
        region, date = taxonomy.regions, taxonomy.date
        upcoming = model.objects.live().filter(**{taxonomy.kind: kind, f"{date}__gte": timezone.now()})
        first_start = upcoming.filter(**{region: OuterRef(region)}).order_by(date).values(date)[:1]
        pages = upcoming.filter(**{f"{region}__in": region_ids, date: Subquery(first_start)})
        region_attname = model._meta.get_field(region).attname
        for page in pages.order_by("pk"):
            start, region_id = getattr(page, date), getattr(page, region_attname)
            if region_id not in found or start < found[region_id][0]:
                found[region_id] = (start, page)
    return found
