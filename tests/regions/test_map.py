"""The map of the 35 regions: drawn from the TopoJSON boundaries as inline SVG, each region a
link with its name, shaded on the overview by the chosen figure."""

import re

import pytest

from regions.map import decode_arcs, numeric_shades, outline, ring_points
from regions.models import Region, RegionIndexPage

from .school_data import make_schools


def test_delta_encoded_arcs_are_decoded_with_the_transform():
    topology = {
        "transform": {"scale": [2, 1], "translate": [10, 20]},
        "arcs": [[[0, 0], [1, 2], [3, -1]]],
    }
    assert decode_arcs(topology) == [[(10, 20), (12, 22), (18, 21)]]


def test_rings_join_arcs_and_follow_reversed_ones_backwards():
    arcs = [[(0, 0), (1, 0)], [(1, 1), (1, 0)], [(1, 1), (0, 0)]]
    # arc 0, then arc 1 reversed (~1 == -2), then arc 2: each join point once
    assert ring_points([0, ~1, 2], arcs) == [(0, 0), (1, 0), (1, 1), (0, 0)]


def test_every_region_has_a_closed_path_inside_the_view_box():
    shapes = outline()
    _x, _y, width, height = (int(part) for part in shapes.view_box.split())
    assert len(shapes.paths) == 35
    for code, path in shapes.paths.items():
        assert path.startswith("M") and path.endswith("Z"), code
        numbers = [int(number) for number in re.findall(r"-?\d+", path)]
        assert len(numbers) > 20, code
        assert all(0 <= x <= width for x in numbers[0::2]), code
        assert all(0 <= y <= height for y in numbers[1::2]), code


def test_north_is_up():
    paths = outline().paths
    top = {code: min(int(y) for y in re.findall(r"\d+ (\d+)", path)) for code, path in paths.items()}
    assert top["AM01"] < top["AM30"]  # Groningen lies north of Zuid-Limburg


def test_shades_rise_in_five_equal_steps_up_to_the_largest_value():
    shade, legend = numeric_shades([0, 1, 5, 10])
    assert [shade(value) for value in (0, 1, 2, 5, 6, 10)] == [0, 1, 1, 3, 3, 5]
    assert [entry.label for entry in legend] == ["0", "t/m 2", "t/m 4", "t/m 6", "t/m 8", "t/m 10"]


def svg_of(html):
    return html[html.index("<svg") : html.index("</svg>") + 6]


@pytest.mark.django_db
def test_region_index_shows_the_map_with_a_link_and_name_per_region(client):
    index = RegionIndexPage.objects.get(locale__language_code="nl")
    html = client.get(index.url).content.decode()
    svg = svg_of(html)

    labelled_by = re.search(r'<svg role="group" aria-labelledby="([^"]+)"', svg).group(1)
    assert f'<title id="{labelled_by}">' in svg
    links = re.findall(r'<a href="([^"]+)"><path [^>]*d="M[^"]+"><title>([^<]+)</title>', svg)
    assert len(links) == 35
    names = {name.replace("&#x27;", "'") for _url, name in links}
    assert names == set(Region.objects.values_list("name", flat=True))
    rijnmond_url = next(url for url, name in links if name == "Rijnmond")
    assert client.get(rijnmond_url).status_code == 200


def shade_of(svg, code):
    return int(re.search(rf'region-map__shade-(\d)" data-region="{code}"', svg).group(1))


@pytest.mark.django_db
def test_overview_map_is_shaded_by_the_chosen_figure(client):
    index = RegionIndexPage.objects.get(locale__language_code="nl")
    url = index.url + index.reverse_subpage("overview")
    make_schools("AM09", pro=100)  # Achterhoek: far more schools than any other region
    make_schools("AM11", pro=55)  # Flevoland: just over half of that

    svg = svg_of(client.get(url, {"figuur": "schools"}).content.decode())

    assert shade_of(svg, "AM09") == 5
    assert shade_of(svg, "AM11") == 3
    assert shade_of(svg, "AM38") == 0  # FoodValley: no schools
    assert "Achterhoek: 100 scholen" in svg

    svg = svg_of(client.get(url, {"figuur": "plan"}).content.decode())
    assert shade_of(svg, "AM09") == 0  # no annual plan
