"""The national overview of the regions (a table, a shaded map and a CSV download) and the map
on the region index. RegionIndexPage routes its sub-URLs here."""

import io

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .caseload import Norm
from .map import LegendEntry, numeric_shades, region_map
from .models import Region
from .models.plans import STATUS_LABELS
from .overview import COLUMNS, PLAN_ORDER, parse_sort, plan_rank, region_rows, sort_rows, write_csv


class Figure:
    """A figure the overview map can be shaded by: its label, its value for a row (shaded in equal
    steps) and its text in the region's tooltip."""

    def __init__(self, label, value, text):
        self.label, self.value, self.text = label, value, text

    def shading(self, rows):
        """(region code → shade, region code → label, legend)."""
        shade, legend = numeric_shades([self.value(row) for row in rows])
        return (
            {row.region.code: shade(self.value(row)) for row in rows},
            {row.region.code: self.text(row) for row in rows},
            legend,
        )


class PlanFigure(Figure):
    """The annual plan status: one shade per status, from none to approved."""

    def shading(self, rows):
        return (
            {row.region.code: plan_rank(row) or 0 for row in rows},
            {row.region.code: self.text(row) for row in rows},
            [LegendEntry(shade, STATUS_LABELS[code]) for shade, code in enumerate(PLAN_ORDER)],
        )


FIGURES = {
    "caseload": Figure(
        _("caseload (uur per week)"),
        lambda row: row.caseload.hours,
        lambda row: _("%(hours)s uur per week") % {"hours": number_format(row.caseload.hours)},
    ),
    "schools": Figure(
        _("aantal scholen"),
        lambda row: row.schools,
        lambda row: _("%(count)d scholen") % {"count": row.schools},
    ),
    "plan": PlanFigure(
        _("stand van het jaarplan"),
        plan_rank,
        lambda row: row.plan_status.label if row.plan_status else STATUS_LABELS["geen"],
    ),
}
DEFAULT_FIGURE = "caseload"


def attach_urls(rows, request):
    for row in rows:
        row.url = row.page.get_url(request) if row.page else None
        plan = row.plan_status.plan if row.plan_status else None
        row.plan_url = plan.get_url(request) if plan is not None and plan.live else None


def overview(request, index_page):
    rows = region_rows(index_page)
    attach_urls(rows, request)
    sort_key, descending = parse_sort(request.GET.get("sort"))
    rows = sort_rows(rows, sort_key, descending)
    figure_key = request.GET.get("figuur")
    if figure_key not in FIGURES:
        figure_key = DEFAULT_FIGURE
    figure = FIGURES[figure_key]
    shades, labels, legend = figure.shading(rows)
    title = _("Kaart van de arbeidsmarktregio's, gekleurd naar %(figure)s") % {"figure": figure.label}
    return TemplateResponse(
        request,
        "regions/region_overview.html",
        {
            "page": index_page,
            "self": index_page,
            "rows": rows,
            "headers": sort_headers(sort_key, descending, figure_key),
            "norm": Norm.from_settings(),
            "figures": [(key, value.label, key == figure_key) for key, value in FIGURES.items()],
            "figure_key": figure_key,
            "sort": request.GET.get("sort", ""),
            "csv_url": index_page.get_url(request) + index_page.reverse_subpage("overview_csv"),
            "region_map": {
                **region_map([(row.region, row.url) for row in rows], title, shades.get, labels),
                "legend": legend,
                "legend_title": figure.label,
            },
        },
    )


def sort_headers(sort_key, descending, figure_key):
    """Each column's label, the query string that sorts by it (ascending, or reversed when it is
    the current column) and its aria-sort value."""
    headers = []
    for column in COLUMNS:
        current = column.key == sort_key
        next_sort = f"-{column.key}" if current and not descending else column.key
        headers.append(
            {
                "key": column.key,
                "label": column.label,
                "query": f"?sort={next_sort}&figuur={figure_key}",
                "aria_sort": ("descending" if descending else "ascending") if current else None,
            }
        )
    return headers


def overview_csv(request, index_page):
    rows = sort_rows(region_rows(index_page), *parse_sort(request.GET.get("sort")))
    stream = io.StringIO()
    write_csv(rows, stream, Norm.from_settings())
    response = HttpResponse(
        "\ufeff" + stream.getvalue(), content_type="text/csv; charset=utf-8"
    )  # the byte-order mark makes spreadsheet programs read the file as UTF-8
    response["Content-Disposition"] = 'attachment; filename="regio-overzicht.csv"'
    return response


def index_map(request, region_pages):
    """The plain map on the region index: every region, a link where it has a page."""
    urls = {page.region_id: page.get_url(request) for page in region_pages}
    return region_map(
        [(region, urls.get(region.pk)) for region in Region.objects.all()],
        _("Kaart van de 35 arbeidsmarktregio's"),
    )
