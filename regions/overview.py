"""The national overview: one row per region with its schools, caseload, coordinators and where
its regional photo, annual plan, progress reports, steering group and directors' meeting stand. A
fixed number of queries, however many regions and schools; sorted on the server by a whitelisted
key; also as CSV.

Coordinators appear by name only: their e-mail addresses and phone numbers are work contacts
shown on their own region page, not gathered into one national list."""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import csv_writer

from .caseload import Caseload, Norm, caseload_for
from .cycle import Cycle, cycles
from .models import Region, RegionalPhotoPage, RegionPage, School, SchoolType
from .models.plans import annual_plan_statuses


@dataclass
class RegionRow:
    region: Region
    page: RegionPage | None
    pro: int
    vso: int
    caseload: Caseload
    coordinators: list = field(default_factory=list)
    photo_reviewed: object = None  # date
    plan_status: object = None  # regions.models.plans.AnnualPlanStatus
    cycle: Cycle | None = None
    url: str | None = None  # of the region page, set by the view
    plan_url: str | None = None  # of the annual plan when it is live, set by the view

    @property
    def schools(self):
        return self.pro + self.vso

    @property
    def coordinator_names(self):
        return ", ".join(self.coordinators)


# Order of the annual plan statuses, from nothing to done, for sorting and shading.
PLAN_ORDER = ["geen", "concept", "aanpassen", "ter-goedkeuring", "gepubliceerd", "goedgekeurd"]


def plan_rank(row):
    return PLAN_ORDER.index(row.plan_status.code) if row.plan_status else None


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sort_value: object  # row → comparable value, or None (sorted last)
    csv_value: object  # row → text for the CSV file


def _local_date(moment):
    return timezone.localtime(moment).date() if moment is not None else None


def _with_due_mark(date, overdue):
    """The CSV's text for a date of the yearly cycle: the date, and whether the next one is due."""
    text = str(date or "")
    return f"{text} ({_('achterstallig')})".strip() if overdue else text


COLUMNS = [
    Column("region", _("Regio"), lambda row: row.region.name.lower(), lambda row: row.region.name),
    Column("code", _("Code"), lambda row: row.region.code, lambda row: row.region.code),
    Column("pro", _("Pro-scholen"), lambda row: row.pro, lambda row: row.pro),
    Column("vso", _("Vso-scholen"), lambda row: row.vso, lambda row: row.vso),
    Column("schools", _("Scholen"), lambda row: row.schools, lambda row: row.schools),
    Column(
        "hours",
        _("Caseload (uur per week)"),
        lambda row: row.caseload.hours,
        lambda row: row.caseload.hours,
    ),
    Column("fte", _("Caseload (fte)"), lambda row: row.caseload.fte, lambda row: row.caseload.fte),
    Column(
        "coordinator",
        _("Netwerkcoördinator"),
        lambda row: row.coordinator_names.lower() or None,
        lambda row: row.coordinator_names,
    ),
    Column(
        "photo",
        _("Arbeidsmarktregio-foto herzien"),
        lambda row: row.photo_reviewed,
        lambda row: row.photo_reviewed or "",
    ),
    Column(
        "plan",
        _("Jaarplan"),
        plan_rank,
        lambda row: row.plan_status.label if row.plan_status else "",
    ),
    Column(
        "progress",
        _("Laatste voortgang"),
        lambda row: row.cycle.last_progress,
        lambda row: _with_due_mark(row.cycle.last_progress, row.cycle.progress_overdue),
    ),
    Column(
        "steering-group",
        _("Laatste stuurgroep"),
        lambda row: row.cycle.last_steering_group,
        lambda row: _local_date(row.cycle.last_steering_group) or "",
    ),
    Column(
        "directors",
        _("Laatste directiebijeenkomst"),
        lambda row: row.cycle.last_directors_meeting,
        lambda row: _with_due_mark(
            _local_date(row.cycle.last_directors_meeting), row.cycle.directors_meeting_overdue
        ),
    ),
]
COLUMNS_BY_KEY = {column.key: column for column in COLUMNS}
DEFAULT_SORT = "region"


def parse_sort(value):
    """(column key, descending) from `?sort=key` or `?sort=-key`; unknown keys give the default."""
    value = value or ""
    descending = value.startswith("-")
    key = value.removeprefix("-")
    if key not in COLUMNS_BY_KEY:
        return DEFAULT_SORT, False
    return key, descending


def sort_rows(rows, key, descending):
    """Rows sorted by a column; rows without a value come last either way, ties by region name."""
    column = COLUMNS_BY_KEY[key]
    by_name = sorted(rows, key=lambda row: row.region.name.lower())
    present = [row for row in by_name if column.sort_value(row) is not None]
    missing = [row for row in by_name if column.sort_value(row) is None]
    return sorted(present, key=column.sort_value, reverse=descending) + missing


def region_rows(index_page):
    """A RegionRow for every region, with its live public page under `index_page` if it has one."""
    norm = Norm.from_settings()
    pages = {
        page.region_id: page
        for page in RegionPage.objects.child_of(index_page).live().public().prefetch_related("coordinators")
    }
    counts = school_counts()
    photos = photo_review_dates()
    plans = annual_plan_statuses(list(pages.values()))
    regions = list(Region.objects.all())
    cycle_of = cycles([region.pk for region in regions])
    rows = []
    for region in regions:
        pro, vso = counts.get(region.pk, (0, 0))
        page = pages.get(region.pk)
        rows.append(
            RegionRow(
                region=region,
                page=page,
                pro=pro,
                vso=vso,
                caseload=caseload_for(pro + vso, norm),
                coordinators=[person.name for person in page.coordinators.all()] if page else [],
                photo_reviewed=photos.get(region.pk),
                plan_status=plans.get(page.pk) if page else None,
                cycle=cycle_of[region.pk],
            )
        )
    return rows


def school_counts():
    """{region pk: (active pro schools, active vso schools)} in one query."""
    rows = (
        School.objects.active()
        .values("municipality__region")
        .annotate(
            pro=Count("pk", filter=Q(school_type=SchoolType.PRO)),
            vso=Count("pk", filter=Q(school_type=SchoolType.VSO)),
        )
        .order_by()
    )
    return {row["municipality__region"]: (row["pro"], row["vso"]) for row in rows}


def photo_review_dates():
    """{region pk: the date the region's published photo was last reviewed}."""
    rows = (
        RegionalPhotoPage.objects.live()
        .public()
        .filter(last_reviewed__isnull=False)
        .values("region")
        .annotate(reviewed=Max("last_reviewed"))
        .order_by()
    )
    return {row["region"]: row["reviewed"] for row in rows}


def write_csv(rows, stream, norm):
    """The overview as CSV; the caseload headers name the norm the figures follow."""
    writer = csv_writer(stream)
    writer.writerow(
        [
            f"{column.label}; {_('norm')}: {norm}" if column.key in ("hours", "fte") else str(column.label)
            for column in COLUMNS
        ]
    )
    for row in rows:
        writer.writerow([column.csv_value(row) for column in COLUMNS])
