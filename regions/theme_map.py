"""Where a theme lives in the country: the regions whose annual plan has actions on it and whose
regional photo lists bottlenecks on it. Only live, public pages count; the newest live annual
plan of each region stands for that region."""

from dataclasses import dataclass, field

from .models import AnnualPlanAction, AnnualPlanPage, Bottleneck, RegionalPhotoPage, RegionPage


@dataclass
class RegionOnTheme:
    region_page: RegionPage
    plan: AnnualPlanPage | None = None
    actions: list = field(default_factory=list)
    photo: RegionalPhotoPage | None = None
    bottlenecks: list = field(default_factory=list)


def regions_on_theme(theme, locale=None):
    """[RegionOnTheme] ordered by region name, in a fixed number of queries."""
    plans = AnnualPlanPage.objects.live().public().order_by("-year")
    photos = RegionalPhotoPage.objects.live().public()
    if locale is not None:
        plans, photos = plans.filter(locale=locale), photos.filter(locale=locale)
    newest_plans = {}
    for plan in plans:
        newest_plans.setdefault(_parent_path(plan), plan)
    plans_by_pk = {plan.pk: plan for plan in newest_plans.values()}
    actions = AnnualPlanAction.objects.filter(themes=theme, page__in=list(plans_by_pk)).order_by(
        "page", "sort_order", "pk"
    )
    bottlenecks = (
        Bottleneck.objects.filter(themes=theme, page__in=photos)
        .select_related("page")
        .order_by("page", "sort_order", "pk")
    )

    rows = {}
    for action in actions:
        plan = plans_by_pk[action.page_id]
        row = rows.setdefault(_parent_path(plan), RegionOnTheme(region_page=None))
        row.plan = plan
        row.actions.append(action)
    for bottleneck in bottlenecks:
        row = rows.setdefault(_parent_path(bottleneck.page), RegionOnTheme(region_page=None))
        row.photo = bottleneck.page
        row.bottlenecks.append(bottleneck)

    region_pages = RegionPage.objects.live().public().filter(path__in=list(rows)).select_related("region")
    found = []
    for region_page in region_pages:
        row = rows[region_page.path]
        row.region_page = region_page
        found.append(row)
    return sorted(found, key=lambda row: row.region_page.region.name)


def _parent_path(page):
    return page.path[: -page.steplen]
