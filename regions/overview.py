"""The national overview: one row per region with its schools, caseload, coordinators and where
its regional photo, annual plan and steering group stand. A fixed number of queries, however many
regions and schools; sorted on the server by a whitelisted key; also as CSV.

Coordinators appear by name only: their e-mail addresses and phone numbers are work contacts
shown on their own region page, not gathered into one national list."""

from dataclasses import dataclass, field

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.spreadsheets import csv_writer
from core.taxonomy import registered_page_models, taxonomy_of

from .caseload import Caseload, Norm, caseload_for
from .models import Region, RegionalPhotoPage, RegionPage, School, SchoolType
from .models.plans import annual_plan_statuses
from .models.reference import STEERING_GROUP_KIND


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
    last_steering_group: object = None  # datetime
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
        "steering-group",
        _("Laatste stuurgroep"),
        lambda row: row.last_steering_group,
        lambda row: timezone.localtime(row.last_steering_group).date() if row.last_steering_group else "",
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
    meetings = last_steering_group_meetings()
    rows = []
    for region in Region.objects.all():
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
                last_steering_group=meetings.get(region.pk),
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


def last_steering_group_meetings():
    """{region pk: start of the region's most recent published steering-group meeting so far}:
    pages of the kind `STEERING_GROUP_KIND` of every page type with a kind, one region and a date
    (the knowledge app's events)."""
    found = {}
    for model in registered_page_models():
        taxonomy = taxonomy_of(model)
        if not (taxonomy.kind and taxonomy.regions and taxonomy.date):
            continue
        if model._meta.get_field(taxonomy.regions).many_to_many:
            continue
        rows = (
            model.objects.live()
            .public()
            .filter(
                **{
                    taxonomy.kind: STEERING_GROUP_KIND,
                    f"{taxonomy.regions}__isnull": False,
                    f"{taxonomy.date}__lte": timezone.now(),
                }
            )
            .values(taxonomy.regions)
            .annotate(last=Max(taxonomy.date))
            .order_by()
        )
        for row in rows:
            region, last = row[taxonomy.regions], row["last"]
            found[region] = max(found.get(region, last), last)
    return found


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
