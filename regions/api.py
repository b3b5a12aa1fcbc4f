"""/api/regions/ and /api/schools/: the labour-market regions with their coordinators, schools and
caseload, and the schools themselves, as structured data for front ends."""

import datetime
from typing import Literal

from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from core.representations import image_representation, images_with_renditions
from core.schemas import PageLinkOut, ProblemOut, page_link_out

from .caseload import caseload_for
from .cycle import cycles
from .models import Region, RegionCoordinator, RegionPage, School, SchoolType
from .models.plans import STATUS_LABELS

regions_router = Router(tags=["regio's"])
schools_router = Router(tags=["scholen"])

Language = Literal["nl", "en"]
SchoolTypeCode = Literal["pro", "vso"]
MAX_PAGE_SIZE = 100


class ImageRenditionOut(Schema):
    url: str
    width: int
    height: int


class CoordinatorPhotoOut(Schema):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: dict[str, ImageRenditionOut]


class RegionCoordinatorOut(Schema):
    name: str
    role: str
    email: str
    phone: str
    photo: CoordinatorPhotoOut | None


class CaseloadNormOut(Schema):
    minutes_per_school: int
    fulltime_hours: int
    description: str


class CaseloadOut(Schema):
    schools: int = Field(description="Actieve scholen in de regio")
    hours_per_week: float
    fte: float
    norm: CaseloadNormOut


class SchoolCountsOut(Schema):
    pro: int
    vso: int
    total: int


class RegionSummaryOut(Schema):
    code: str
    name: str
    page: PageLinkOut | None
    coordinators: list[RegionCoordinatorOut]
    school_counts: SchoolCountsOut
    caseload: CaseloadOut


class MunicipalityOut(Schema):
    code: str
    number: str
    name: str


class SchoolOut(Schema):
    location_number: str = Field(description="BRIN-nummer plus vestigingsvolgnummer")
    brin: str
    name: str
    school_type: SchoolTypeCode
    address: str
    postcode: str
    place: str
    municipality: MunicipalityOut
    region: str = Field(description="Code van de arbeidsmarktregio")
    website: str
    phone: str


class SteeringGroupMemberOut(Schema):
    name: str
    role: str
    organisation: str


class ProgressReportOut(Schema):
    quarter: int = Field(ge=1, le=4)
    meeting_date: datetime.date = Field(
        description="Datum van de stuurgroep waarin de voortgang is besproken"
    )
    page: PageLinkOut


class AnnualPlanOut(Schema):
    year: int
    status: Literal["geen", "concept", "ter-goedkeuring", "aanpassen", "goedgekeurd", "gepubliceerd"]
    label: str
    page: PageLinkOut | None = Field(description="Het gepubliceerde jaarplan; leeg zolang het niet live is")
    approved_at: datetime.datetime | None = Field(description="Wanneer de stuurgroep het goedkeurde")
    progress_reports: list[ProgressReportOut] = Field(
        description="De gepubliceerde voortgangsverslagen van het jaarplan, per kwartaal"
    )


class CycleOut(Schema):
    last_progress_report: datetime.date | None
    last_steering_group: datetime.datetime | None
    last_directors_meeting: datetime.datetime | None
    progress_overdue: bool = Field(description="Geen voortgang aan de stuurgroep in het afgelopen kwartaal")
    directors_meeting_overdue: bool = Field(description="Geen directiebijeenkomst in het afgelopen jaar")


class RegionDetailOut(RegionSummaryOut):
    photo: PageLinkOut | None = Field(description="De gepubliceerde arbeidsmarktregio-foto")
    annual_plan: AnnualPlanOut
    cycle: CycleOut
    centre_municipality: MunicipalityOut | None
    steering_group: list[SteeringGroupMemberOut]
    municipalities: list[MunicipalityOut]
    schools: list[SchoolOut]


class SchoolFilters(Schema):
    region: str | None = Field(None, description="Code van de arbeidsmarktregio, bijvoorbeeld AM22")
    type: SchoolTypeCode | None = Field(None, description="Schoolsoort: pro of vso")
    page: int = Field(1, ge=1, le=10_000)
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


class SchoolListOut(Schema):
    total: int
    page: int
    page_size: int
    results: list[SchoolOut]


def region_pages(locale, regions=None):
    """The published, public region page of each region in `locale`, with their coordinators."""
    pages = (
        RegionPage.objects.live()
        .public()
        .filter(locale__language_code=locale)
        .select_related("centre_municipality")
        .prefetch_related(
            Prefetch(
                "coordinators",
                RegionCoordinator.objects.prefetch_related(
                    Prefetch("photo", queryset=images_with_renditions())
                ),
            ),
        )
    )
    if regions is not None:
        pages = pages.filter(region__in=regions)
    return {page.region_id: page for page in pages}


def school_counts(regions=None):
    """Active schools per region and type: {region id: {"pro": n, "vso": n}}."""
    rows = School.objects.active()
    if regions is not None:
        rows = rows.filter(municipality__region__in=regions)
    counts = {}
    for row in rows.values("municipality__region", "school_type").annotate(count=Count("pk")):
        counts.setdefault(row["municipality__region"], {})[row["school_type"]] = row["count"]
    return counts


def caseload_out(school_count):
    caseload = caseload_for(school_count)
    return {
        "schools": caseload.schools,
        "hours_per_week": float(caseload.hours),
        "fte": float(caseload.fte),
        "norm": {
            "minutes_per_school": caseload.norm.minutes_per_school,
            "fulltime_hours": caseload.norm.fulltime_hours,
            "description": str(caseload.norm),
        },
    }


def coordinator_out(coordinator, request):
    photo = coordinator.photo and image_representation(
        coordinator.photo, {"request": request}, alt=coordinator.name
    )
    return {
        "name": coordinator.name,
        "role": coordinator.role,
        "email": coordinator.email,
        "phone": coordinator.phone,
        "photo": photo,
    }


def region_out(region, page, counts, request):
    by_type = {code: counts.get(code, 0) for code in SchoolType.values}
    total = sum(by_type.values())
    return {
        "code": region.code,
        "name": region.name,
        "page": page and page_link_out(page, request),
        "coordinators": [coordinator_out(c, request) for c in page.coordinators.all()] if page else [],
        "school_counts": {**by_type, "total": total},
        "caseload": caseload_out(total),
    }


def cycle_out(region, page, request):
    """The region's photo, this year's annual plan and its yearly cycle (RegionPage.photo_and_plan)."""
    facts = page.photo_and_plan(request) if page else None
    cycle = facts["cycle"] if facts else cycles([region.pk])[region.pk]
    plan_status = facts["plan_status"] if facts else None
    plan = plan_status.plan if plan_status else None
    photo = facts["photo"] if facts else None
    return {
        "photo": page_link_out(photo, request) if photo else None,
        "annual_plan": {
            "year": facts["plan_year"] if facts else timezone.localdate().year,
            "status": plan_status.code if plan_status else "geen",
            "label": str(plan_status.label if plan_status else STATUS_LABELS["geen"]),
            "page": page_link_out(plan, request) if plan is not None and plan.live else None,
            "approved_at": plan_status.approved_at if plan_status else None,
            "progress_reports": [
                {
                    "quarter": report.quarter,
                    "meeting_date": report.meeting_date,
                    "page": page_link_out(report, request),
                }
                for report in (plan.published_reports() if plan is not None and plan.live else [])
            ],
        },
        "cycle": {
            "last_progress_report": cycle.last_progress,
            "last_steering_group": cycle.last_steering_group,
            "last_directors_meeting": cycle.last_directors_meeting,
            "progress_overdue": cycle.progress_overdue,
            "directors_meeting_overdue": cycle.directors_meeting_overdue,
        },
    }


def municipality_out(municipality):
    return {"code": municipality.code, "number": municipality.number, "name": municipality.name}


def school_out(school):
    return {
        "location_number": school.location_number,
        "brin": school.brin,
        "name": school.name,
        "school_type": school.school_type,
        "address": school.address,
        "postcode": school.postcode,
        "place": school.place,
        "municipality": municipality_out(school.municipality),
        "region": school.municipality.region.code,
        "website": school.website,
        "phone": school.phone,
    }


def find_region(code, status=404):
    """The region with this code; unknown is a missing thing (404) in a path and the client's
    mistake (400) in a filter."""
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise HttpError(status, _("Onbekende regio: %(code)s") % {"code": code})
    return region


@regions_router.get(
    "/",
    response={200: list[RegionSummaryOut], 400: ProblemOut},
    summary=_("Alle arbeidsmarktregio's"),
)
def list_regions(request, locale: Language = "nl"):
    """The 35 regions by name, each with its page in `locale`, its coordinators, its active
    schools by type and the caseload they make."""
    pages = region_pages(locale)
    counts = school_counts()
    return [
        region_out(region, pages.get(region.pk), counts.get(region.pk, {}), request)
        for region in Region.objects.all()
    ]


@regions_router.get(
    "/{code}/",
    response={200: RegionDetailOut, 400: ProblemOut, 404: ProblemOut},
    summary=_("Eén arbeidsmarktregio"),
)
def region_detail(request, code: str, locale: Language = "nl"):
    """One region with its municipalities, its centre municipality, its steering group and all
    its active schools."""
    region = find_region(code)
    page = region_pages(locale, [region]).get(region.pk)
    schools = (
        School.objects.active()
        .in_region(region)
        .select_related("municipality__region")
        .order_by("name", "location_number")
    )
    centre = page and page.centre_municipality
    return {
        **region_out(region, page, school_counts([region]).get(region.pk, {}), request),
        **cycle_out(region, page, request),
        "centre_municipality": centre and municipality_out(centre),
        "steering_group": [
            {"name": member.name, "role": member.role, "organisation": member.organisation}
            for member in (page.steering_group_members.all() if page else [])
        ],
        "municipalities": [municipality_out(m) for m in region.municipalities.all()],
        "schools": [school_out(school) for school in schools],
    }


@schools_router.get(
    "/", response={200: SchoolListOut, 400: ProblemOut}, summary=_("Scholen, per regio en schoolsoort")
)
def list_schools(request, filters: Query[SchoolFilters]):
    """Active pro and vso school locations by name, filtered by region and school type, in pages
    of at most 100."""
    schools = School.objects.active().select_related("municipality__region").order_by("name", "pk")
    if filters.region is not None:
        schools = schools.in_region(find_region(filters.region, status=400))
    if filters.type is not None:
        schools = schools.filter(school_type=filters.type)
    start = (filters.page - 1) * filters.page_size
    return {
        "total": schools.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "results": [school_out(s) for s in schools[start : start + filters.page_size]],
    }
