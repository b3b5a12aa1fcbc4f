from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from core.hooks import LOAD_REFERENCE_DATA, Panel
from themes.hooks import THEME_PAGE_PANELS

from .account_admin import RegionalAccountPermissionPolicy, RegionalAccountViewSet
from .dashboard import CoordinatorPanel
from .models import AnnualPlanPage, ProgressReportPage, RegionalAccount, regions_coordinated_by
from .permissions import can_publish_annual_plans
from .reference import load_municipalities, load_regions
from .submission_admin import SchoolSubmissionViewSet
from .theme_map import regions_on_theme
from .viewsets import SchoolViewSet

register_snippet(SchoolViewSet)
register_permission_policy(RegionalAccount, RegionalAccountPermissionPolicy(RegionalAccount))


@hooks.register("register_admin_viewset")
def register_regional_accounts():
    return RegionalAccountViewSet()


@hooks.register("register_admin_viewset")
def register_school_submissions():
    return SchoolSubmissionViewSet()


@hooks.register("construct_homepage_panels")
def show_the_coordinators_regions(request, panels):
    regions = list(regions_coordinated_by(request.user).order_by("name"))
    if regions:
        panels.append(CoordinatorPanel(regions))


@hooks.register(LOAD_REFERENCE_DATA)
def load_regions_and_municipalities(tally):
    load_regions(tally)
    load_municipalities(tally)


@hooks.register(THEME_PAGE_PANELS)
def where_the_theme_lives(theme_page):
    rows = regions_on_theme(theme_page.theme, locale=theme_page.locale)
    return [Panel("regions/includes/regions_on_theme.html", {"regions_on_theme": rows})]


# Annual plans are published by the steering group's approval; these close the two ways of
# publishing a plan that do not pass the plan's own permission tester (regions.permissions).


def _creating_annual_plan(request):
    match = request.resolver_match
    return match is not None and match.kwargs.get("content_type_model_name") == "annualplanpage"


@hooks.register("construct_page_action_menu")
def hide_publish_for_new_annual_plans(menu_items, request, context):
    if context.get("view") == "create" and _creating_annual_plan(request):
        if not can_publish_annual_plans(request.user, context["parent_page"]):
            menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_create_page")
def refuse_publishing_new_annual_plans(request, parent_page, page_class):
    publishing = request.method == "POST" and request.POST.get("action-publish")
    if publishing and issubclass(page_class, AnnualPlanPage):
        if not can_publish_annual_plans(request.user, parent_page):
            raise PermissionDenied


@hooks.register("before_copy_page")
def refuse_publishing_copied_annual_plans(request, page):
    publishing = request.method == "POST" and request.POST.get("publish_copies")
    if publishing and page.specific_class is AnnualPlanPage:
        if not can_publish_annual_plans(request.user, page.get_parent()):
            raise PermissionDenied


# A progress report is published by the coordinator: the steering-group workflow of the plan it sits
# under does not apply to it (ProgressReportPage.get_workflow), also not while it is being created,
# when Wagtail asks the parent plan.


def _creating_progress_report(request):
    match = request.resolver_match
    return match is not None and match.kwargs.get("content_type_model_name") == "progressreportpage"


@hooks.register("construct_page_action_menu")
def no_workflow_for_new_progress_reports(menu_items, request, context):
    if context.get("view") == "create" and _creating_progress_report(request):
        menu_items[:] = [item for item in menu_items if item.name != "action-submit"]


@hooks.register("before_create_page")
def refuse_submitting_new_progress_reports(request, parent_page, page_class):
    if request.method == "POST" and request.POST.get("action-submit"):
        if issubclass(page_class, ProgressReportPage):
            raise PermissionDenied
