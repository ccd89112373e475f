"""The boundary files: map views, bounds, outlines and label points, by hand and on the
snapshot's geometry."""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil

import pytest
from shapely.geometry import Point, shape

from indicators.boundaries import (
    MapView,
    bounds,
    fit_view,
    geojson,
    label_points,
    labels,
    outline_path,
    published_geometry,
    wound_for_d3,
)
from indicators.regions import FOCUS_MUNICIPALITIES
from indicators.snapshot import load_snapshot
from tests.conftest import DATA

SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"code": "GM0001", "name": "Vierkant"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[6.0, 52.0], [7.0, 52.0], [7.0, 53.0], [6.0, 53.0], [6.0, 52.0]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"code": "GM0002", "name": "Twee delen"},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [
                    [[[4.0, 51.0], [4.1, 51.0], [4.1, 51.1], [4.0, 51.1], [4.0, 51.0]]],
                    [[[5.0, 50.0], [5.8, 50.0], [5.8, 50.8], [5.0, 50.8], [5.0, 50.0]]],
                ],
            },
        },
    ],
}


@pytest.fixture(scope="module")
def geo(snap):
    return geojson(snap, "gemeenten")


def test_fit_view_zoom_and_centre_by_hand():
    # 22.5 degrees of longitude = 1/16 of the world; 512 px wide at zoom z shows 360/2**z
    # degrees, so zoom 4 fits it exactly (no padding); the latitude span is tiny.
    view = fit_view((0.0, -0.001, 22.5, 0.001), width=512, height=512, padding=0)
    assert view.zoom == pytest.approx(4.0, abs=0.01)
    assert view.lon == pytest.approx(11.25)
    assert view.lat == pytest.approx(0.0, abs=1e-9)
    # A box symmetric about the equator is centred on it, whatever its height.
    assert fit_view((-10.0, -10.0, 10.0, 10.0)).lat == pytest.approx(0.0, abs=1e-9)


def test_bounds_outline_and_label_points_of_hand_made_shapes():
    assert bounds(SQUARE) == (4.0, 50.0, 7.0, 53.0)
    assert bounds(SQUARE, ["GM0001"]) == (6.0, 52.0, 7.0, 53.0)
    lons, lats = outline_path(SQUARE, ["GM0001"])
    assert lons == [6.0, 7.0, 7.0, 6.0, 6.0, None]
    assert lats == [52.0, 52.0, 53.0, 53.0, 52.0, None]
    points = label_points(SQUARE, ["GM0001", "GM0002"])
    assert points["GM0001"] == pytest.approx((6.5, 52.5), abs=0.01)
    # The label goes in the larger part of a multipolygon.
    assert points["GM0002"] == pytest.approx((5.4, 50.4), abs=0.01)


def test_labels_beside_are_stacked_east_of_the_shapes():
    view = MapView(lon=5.0, lat=52.0, zoom=6.0)
    placed = labels(SQUARE, ["GM0001", "GM0002"], {"GM0001": "A", "GM0002": "B"}, view, True)
    assert (placed["lon"] > 7.0).all()
    assert placed["lat"].is_monotonic_decreasing
    inside = labels(SQUARE, ["GM0001"], {"GM0001": "A"}, view, False)
    assert inside.loc[0, "lon"] == inside.loc[0, "anchor_lon"]


def test_labels_of_the_four_lie_inside_their_municipality(geo):
    points = label_points(geo, list(FOCUS_MUNICIPALITIES))
    shapes = {f["properties"]["code"]: shape(f["geometry"]) for f in geo["features"]}
    for code, (lon, lat) in points.items():
        assert shapes[code].contains(Point(lon, lat)), code


def test_drenthe_view_frames_drenthe(geo, snap):
    regions = snap.regions
    current = regions[regions.current & (regions.level == "gemeente")]
    drenthe = current[current.provincie == "PV22"]
    assert len(drenthe) == 12
    view = fit_view(bounds(geo, drenthe["code"].tolist()))
    assert 52.6 < view.lat < 53.2 and 6.1 < view.lon < 7.1
    assert view.zoom > fit_view(bounds(geo)).zoom + 1.5


def signed_area(ring: list) -> float:
    """Shoelace: positive for a counter-clockwise ring (lon east, lat north)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def test_wound_for_d3_turns_outer_rings_clockwise_and_holes_the_other_way():
    holed = {
        "type": "Feature",
        "properties": {"code": "GM0003", "name": "Met gat"},
        "geometry": {
            "type": "Polygon",
            "coordinates": [
                [[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0], [0.0, 0.0]],  # anticlockwise
                [[1.0, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0], [1.0, 1.0]],  # anticlockwise
            ],
        },
    }
    wound = wound_for_d3({**SQUARE, "features": [*SQUARE["features"], holed]})
    square, parts, hole = (f["geometry"]["coordinates"] for f in wound["features"])
    # the RFC 7946 square (anticlockwise, area +1) read backwards: clockwise, area -1
    assert [list(p) for p in square[0]] == [[6, 52], [6, 53], [7, 53], [7, 52], [6, 52]]
    assert signed_area(square[0]) == -1.0
    assert [signed_area(polygon[0]) for polygon in parts] == pytest.approx([-0.01, -0.64])
    assert signed_area(hole[0]) == -16.0 and signed_area(hole[1]) == 1.0  # the hole turned
    assert [f["properties"] for f in wound["features"]] == [
        *(f["properties"] for f in SQUARE["features"]),
        holed["properties"],
    ]
    assert SQUARE["features"][0]["geometry"]["coordinates"][0][1] == [7.0, 52.0]  # untouched


def test_published_geometry_is_the_snapshot_file_wound_for_d3_under_a_name_of_its_content(
    tmp_path,
):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    snap = load_snapshot(data)
    folder = tmp_path / "static"
    original = json.loads((data / "geo" / "wijken.geojson").read_bytes())
    name = published_geometry(snap, "wijken", folder)
    written = (folder / name).read_bytes()
    assert name == f"wijken-{hashlib.sha256(written).hexdigest()[:16]}.json"
    served = json.loads(written)
    assert [f["properties"] for f in served["features"]] == [
        f["properties"] for f in original["features"]
    ]
    for before, after in zip(original["features"], served["features"], strict=True):
        # the same area, every outer ring clockwise (the snapshot's are anticlockwise)
        assert shape(after["geometry"]).equals(shape(before["geometry"]))
        polygons = after["geometry"]["coordinates"]
        polygons = polygons if after["geometry"]["type"] == "MultiPolygon" else [polygons]
        assert all(signed_area(polygon[0]) < 0 for polygon in polygons)
    assert [p.name for p in folder.iterdir()] == [name]  # no temporary file left behind
    # A second call (another server process, a rerun) keeps the file as it is.
    stamp = (folder / name).stat().st_mtime_ns
    assert published_geometry(snap, "wijken", folder) == name
    assert (folder / name).stat().st_mtime_ns == stamp
    # New boundaries in a new snapshot: a new name, so no browser keeps the old borders.
    changed = dict(original, features=original["features"][:3])
    (data / "geo" / "wijken.geojson").write_text(json.dumps(changed), encoding="utf-8")
    other = published_geometry(load_snapshot(data), "wijken", folder)
    assert other != name and len(json.loads((folder / other).read_bytes())["features"]) == 3
    with pytest.raises(KeyError, match="buurten"):
        published_geometry(snap, "buurten", folder)
