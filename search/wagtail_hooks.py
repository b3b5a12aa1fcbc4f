"""Editors' tools: a report of queries that found nothing, beside Wagtail's search promotions
(which also list the popular queries). And after a restore, a search cluster's index is built again;
on every publish the search page and API are purged from the caches."""

from django.core.management import call_command
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.permission_policies import ModelPermissionPolicy

from core.hooks import AFTER_RESTORE, PURGE_PATHS
from core.paths import optional_url

from .engine import cluster_backend
from .models import UnansweredQuery

# The project API's search and suggestions (config/api.py), where the host site has them.
SEARCH_API_URLS = ["project_api:search", "project_api:suggest"]

# Whoever may manage search promotions may see what people searched for.
PERMISSION_POLICY = ModelPermissionPolicy(SearchPromotion)
PERMISSIONS = ["add", "change", "delete"]


class UnansweredQueriesReport(ReportView):
    page_title = _("Zoekvragen zonder resultaten")
    header_icon = "search"
    index_url_name = "search_unanswered_queries"
    index_results_url_name = "search_unanswered_queries_results"
    permission_policy = PERMISSION_POLICY
    any_permission_required = PERMISSIONS
    model = UnansweredQuery
    columns = [
        Column("query_string", label=_("Zoekvraag")),
        Column("hits", label=_("Aantal keer gezocht")),
        DateColumn("last_searched_at", label=_("Laatst gezocht")),
    ]
    list_export = ["query_string", "hits", "last_searched_at"]

    def get_queryset(self):
        return UnansweredQuery.objects.all()


class PromotionsMenuItem(MenuItem):
    def is_shown(self, request):
        return PERMISSION_POLICY.user_has_any_permission(request.user, PERMISSIONS)


@hooks.register("register_admin_urls")
def register_report_urls():
    view = UnansweredQueriesReport
    return [
        path("reports/unanswered-queries/", view.as_view(), name=view.index_url_name),
        path(
            "reports/unanswered-queries/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return PromotionsMenuItem(
        _("Zoekvragen zonder resultaten"),
        reverse(UnansweredQueriesReport.index_url_name),
        name="unanswered-queries",
        icon_name="search",
        order=1000,
    )


@hooks.register(AFTER_RESTORE)
def rebuild_cluster_index(stdout):
    """A restored database holds the database backend's index, but a cluster knows nothing of it."""
    if cluster_backend() is not None:
        call_command("update_index", stdout=stdout)


@hooks.register(PURGE_PATHS)
def search_paths(page):
    """Any page may turn up in any search, its suggestions included."""
    with translation.override(page.locale.language_code):
        paths = [optional_url("search"), *map(optional_url, SEARCH_API_URLS)]
    return list(filter(None, paths))
