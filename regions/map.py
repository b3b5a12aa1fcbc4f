"""A map of the 35 labour-market regions, drawn on the server as inline SVG from the region
boundaries in regions/data/arbeidsmarktregio_2025.topojson (RD New coordinates, metres).

Every point of the boundaries is kept; coordinates are rounded to SVG units of SCALE metres.
The paths never change, so they are computed once per process. A map can be shaded by a figure
in SHADES steps; regions without a figure keep the lightest shade."""

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

TOPOJSON = Path(__file__).parent / "data" / "arbeidsmarktregio_2025.topojson"
SCALE = 100  # metres per SVG unit
SHADES = 5


@dataclass(frozen=True)
class Outline:
    view_box: str
    paths: dict  # region code → SVG path data


@functools.cache
def outline():
    topology = json.loads(TOPOJSON.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    geometries = next(iter(topology["objects"].values()))["geometries"]
    rings_by_code = {
        geometry["id"]: [ring_points(ring, arcs) for ring in polygon_rings(geometry)]
        for geometry in geometries
    }
    points = [point for rings in rings_by_code.values() for ring in rings for point in ring]
    min_x = min(x for x, _y in points)
    max_y = max(y for _x, y in points)
    width = math.ceil((max(x for x, _y in points) - min_x) / SCALE)
    height = math.ceil((max_y - min(y for _x, y in points)) / SCALE)

    def project(point):
        # SVG's y axis points down, RD's up.
        return round((point[0] - min_x) / SCALE), round((max_y - point[1]) / SCALE)

    paths = {
        code: " ".join(path_data([project(point) for point in ring]) for ring in rings)
        for code, rings in rings_by_code.items()
    }
    return Outline(f"0 0 {width} {height}", paths)


def decode_arcs(topology):
    """The arcs in RD coordinates: TopoJSON stores each position as a delta from the one before."""
    (scale_x, scale_y), (translate_x, translate_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def polygon_rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["arcs"]
    return [ring for polygon in geometry["arcs"] for ring in polygon]


def ring_points(arc_indexes, arcs):
    """A ring's points; a negative index (~i) means arc i reversed, and consecutive arcs share
    their joining point."""
    points = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def path_data(points):
    deduplicated = [point for i, point in enumerate(points) if i == 0 or point != points[i - 1]]
    head, *tail = deduplicated
    return f"M{head[0]} {head[1]}L" + " ".join(f"{x} {y}" for x, y in tail) + "Z"


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    url: str | None
    path: str
    shade: int | None  # 0 … SHADES, or None for an unshaded map
    label: str = ""  # the figure as text, after the name in the tooltip


@dataclass(frozen=True)
class LegendEntry:
    shade: int
    label: str


def numeric_shades(values):
    """A shade 0 … SHADES for each value (0 only for zero or no value) in equal steps up to the
    largest value, and the legend, whose labels give each step's upper bound."""
    top = max((value for value in values if value), default=0)
    bounds = [top * step / SHADES for step in range(1, SHADES + 1)]

    def shade(value):
        if not value:
            return 0
        return next(step for step, bound in enumerate(bounds, start=1) if value <= bound)

    legend = [LegendEntry(0, "0")] + [
        LegendEntry(step, _("t/m %(bound)s") % {"bound": number_format(tidy(bound))})
        for step, bound in enumerate(bounds, start=1)
        if top
    ]
    return shade, legend


def tidy(number):
    """One decimal at most, none when it is a whole number."""
    number = round(float(number), 1)
    return int(number) if number.is_integer() else number


def region_map(regions, title, shade=None, labels=None):
    """The areas of a map: `regions` is a list of (Region, url or None); `shade` maps a region
    code to a shade, `labels` a region code to the figure shown in its tooltip."""
    paths = outline().paths
    return {
        "view_box": outline().view_box,
        "title": title,
        "areas": [
            Area(
                region.code,
                region.name,
                url,
                paths[region.code],
                shade(region.code) if shade else None,
                (labels or {}).get(region.code, ""),
            )
            for region, url in regions
            if region.code in paths
        ],
    }
