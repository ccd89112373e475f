"""The snapshot's boundary files (``data/geo``): the one module that reads them.

Every map, the title slide and the factsheet take their geometry from here: the GeoJSON of
municipalities, provinces and wijken (simplified, WGS84), read from the directory of the
snapshot they belong to (so a snapshot in another folder brings its own boundaries), their
bounds, the map view that fits them, label points inside each area, and outline rings.

The file is read once per snapshot object and kept on it (``Snapshot.geo``): the maps of all
sessions share one read-only copy.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from shapely.ops import polylabel

from indicators.snapshot import Snapshot

GEO_YEAR = 2024  # gemeente and wijk boundaries (CBS/Kadaster via PDOK), see the manifest
NAMES = ("gemeenten", "provincies", "wijken")
# MapLibre/plotly zoom: the whole world is 512 * 2**zoom pixels wide.
WORLD_PX = 512.0
LABEL_FONT_PX = 14


def geojson(snap: Snapshot, name: str) -> dict:
    """One FeatureCollection of the snapshot's ``geo/`` (``gemeenten``, ``provincies``,
    ``wijken``), read once per snapshot. Callers must not modify it."""
    if name not in NAMES:
        raise KeyError(f"No boundary file {name!r}; known: {', '.join(NAMES)}")
    if name not in snap.geo:
        path = snap.directory / "geo" / f"{name}.geojson"
        with path.open(encoding="utf-8") as handle:
            snap.geo[name] = json.load(handle)
    return snap.geo[name]


class GeometryUrls(NamedTuple):
    """Where the app serves each boundary file (:func:`published_geometry`); None where it
    does not, and a map then carries that file."""

    gemeenten: str | None = None
    provincies: str | None = None
    wijken: str | None = None


NOT_SERVED = GeometryUrls()


def wound_for_d3(geo: dict) -> dict:
    """The FeatureCollection with every outer ring clockwise and every hole counter-clockwise.

    Why: the maps are drawn by Vega, whose d3-geo reads a ring's winding on the sphere; the
    counter-clockwise outer rings of RFC 7946 (the PDOK files) would mean "the whole globe
    except this area". shapely turns the rings; nothing else of a feature changes."""
    features = []
    for feature in geo["features"]:
        turned = shapely.orient_polygons(shape(feature["geometry"]), exterior_cw=True)
        features.append({**feature, "geometry": mapping(turned)})
    return {"type": "FeatureCollection", "features": features}


def published_geometry(snap: Snapshot, name: str, folder: Path) -> str:
    """Write one boundary file of the snapshot, wound for the maps (:func:`wound_for_d3`),
    into ``folder`` (a web server's static folder) under a name that carries a hash of its
    content, and return that name.

    Why: a map that names its geometry by URL instead of carrying it lets the browser fetch the
    file once and every rerun send only the values; the hash makes a new snapshot a new URL,
    so no browser keeps stale borders. Written to a temporary file and renamed, so a reader
    never sees half a file; an existing file is kept.
    """
    data = json.dumps(wound_for_d3(geojson(snap, name)), separators=(",", ":")).encode()
    file_name = f"{name}-{hashlib.sha256(data).hexdigest()[:16]}.json"
    target = folder / file_name
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{file_name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return file_name


def rings(geo: dict, codes: list[str], holes: bool = True) -> dict[str, list[list[tuple]]]:
    """Per feature in ``codes`` its rings as (lon, lat) lists: the outer ring of every part,
    and with ``holes`` the inner rings too (a filled shape needs them, an outline does not)."""
    out: dict[str, list[list[tuple]]] = {}
    for feature in subset(geo, codes)["features"]:
        parts = []
        for polygon in _polygons(feature):
            parts.append([(float(x), float(y)) for x, y, *_ in polygon.exterior.coords])
            if holes:
                parts.extend(
                    [(float(x), float(y)) for x, y, *_ in ring.coords] for ring in polygon.interiors
                )
        out[str(feature["properties"]["code"])] = parts
    return out


@dataclass(frozen=True)
class MapView:
    """Where the map opens: centre and zoom (MapLibre zoom levels)."""

    lon: float
    lat: float
    zoom: float


def feature_codes(geo: dict) -> list[str]:
    return [str(f["properties"]["code"]) for f in geo["features"]]


def subset(geo: dict, codes: set[str] | list[str]) -> dict:
    """The features whose code is in ``codes`` (one trace gets only what it draws, which keeps
    the page small: the country's boundaries are sent once, not once per trace)."""
    keep = set(codes)
    return {
        "type": "FeatureCollection",
        "features": [f for f in geo["features"] if f["properties"]["code"] in keep],
    }


def _polygons(feature: dict) -> list[Polygon]:
    geom = shape(feature["geometry"])
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return [geom] if isinstance(geom, Polygon) else []


def bounds(geo: dict, codes: set[str] | list[str] | None = None) -> tuple[float, ...]:
    """(min lon, min lat, max lon, max lat) of the features (all, or those in ``codes``)."""
    features = geo["features"] if codes is None else subset(geo, codes)["features"]
    boxes = np.array([p.bounds for f in features for p in _polygons(f)])
    if boxes.size == 0:
        raise ValueError("no features to take the bounds of")
    return (
        float(boxes[:, 0].min()),
        float(boxes[:, 1].min()),
        float(boxes[:, 2].max()),
        float(boxes[:, 3].max()),
    )


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _inverse_mercator_y(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def fit_view(
    box: tuple[float, ...],
    width: float = 760,
    height: float = 760,
    padding: float = 0.05,
) -> MapView:
    """Centre and zoom that show the box in a map of width x height pixels (plot area), with
    ``padding`` (a share of each side) of white around it. Web Mercator, as MapLibre draws."""
    lon0, lat0, lon1, lat1 = box
    y0, y1 = _mercator_y(lat0), _mercator_y(lat1)
    usable_w, usable_h = width * (1 - 2 * padding), height * (1 - 2 * padding)
    span_lon = max(lon1 - lon0, 1e-6)
    span_y = max(y1 - y0, 1e-9)
    zoom_lon = math.log2(usable_w * 360.0 / (span_lon * WORLD_PX))
    zoom_lat = math.log2(usable_h * 2 * math.pi / (span_y * WORLD_PX))
    return MapView(
        lon=(lon0 + lon1) / 2,
        lat=_inverse_mercator_y((y0 + y1) / 2),
        zoom=round(min(zoom_lon, zoom_lat), 2),
    )


def px_per_degree(view: MapView) -> tuple[float, float]:
    """Pixels per degree of longitude and of latitude around the view's centre."""
    per_lon = WORLD_PX * 2**view.zoom / 360.0
    return per_lon, per_lon / math.cos(math.radians(view.lat))


def outline_path(geo: dict, codes: list[str]) -> tuple[list[float | None], list[float | None]]:
    """The outer rings of the features as one line (lon, lat lists, rings split by None), for
    a thick border drawn on top of the choropleth."""
    lons: list[float | None] = []
    lats: list[float | None] = []
    for parts in rings(geo, codes, holes=False).values():
        for ring in parts:
            lons.extend([*(p[0] for p in ring), None])
            lats.extend([*(p[1] for p in ring), None])
    return lons, lats


def label_points(geo: dict, codes: list[str]) -> dict[str, tuple[float, float]]:
    """A point well inside each feature (pole of inaccessibility of its largest part), so a
    name never lands outside a concave municipality."""
    points = {}
    for feature in subset(geo, codes)["features"]:
        largest = max(_polygons(feature), key=lambda p: p.area)
        point = polylabel(largest, tolerance=0.001)
        points[str(feature["properties"]["code"])] = (float(point.x), float(point.y))
    return points


def labels(
    geo: dict,
    codes: list[str],
    names: dict[str, str],
    view: MapView,
    beside: bool,
) -> pd.DataFrame:
    """Where the names of ``codes`` go: code, name, lon, lat (the text), anchor_lon/anchor_lat
    (the point inside the feature), align ("center" or "left").

    At the scale of the whole country the four municipalities are too small to carry their
    names, so ``beside`` stacks the names to the east of them (over Germany, where the map is
    empty), each with a leader line; otherwise each name sits inside its municipality.
    """
    points = label_points(geo, codes)
    frame = pd.DataFrame(
        {
            "code": list(points),
            "name": [names.get(c, c) for c in points],
            "anchor_lon": [p[0] for p in points.values()],
            "anchor_lat": [p[1] for p in points.values()],
        }
    )
    if not beside or frame.empty:
        return frame.assign(lon=frame["anchor_lon"], lat=frame["anchor_lat"], align="center")
    _, per_lat = px_per_degree(view)
    step = 1.9 * LABEL_FONT_PX / per_lat
    frame = frame.sort_values("anchor_lat", ascending=False).reset_index(drop=True)
    middle = frame["anchor_lat"].mean()
    offsets = (np.arange(len(frame)) - (len(frame) - 1) / 2) * step
    east = bounds(geo, codes)[2] + 40.0 / px_per_degree(view)[0]
    return frame.assign(lon=east, lat=middle - offsets, align="left")


def label_boxes(frame: pd.DataFrame, view: MapView) -> pd.DataFrame:
    """A white box behind each name drawn inside a coloured area (code, lons, lats of a closed
    rectangle), sized for the label font at the view's zoom, so the name stays readable on a
    dark colour. MapLibre text has no halo in plotly, hence the box."""
    per_lon, per_lat = px_per_degree(view)
    rows = []
    for row in frame.itertuples():
        half_w = (0.62 * LABEL_FONT_PX * len(str(row.name)) / 2 + 6) / per_lon
        half_h = (LABEL_FONT_PX / 2 + 4) / per_lat
        x, y = float(row.lon), float(row.lat)
        rows.append(
            {
                "code": row.code,
                "lons": [x - half_w, x + half_w, x + half_w, x - half_w, x - half_w],
                "lats": [y - half_h, y - half_h, y + half_h, y + half_h, y - half_h],
            }
        )
    return pd.DataFrame(rows, columns=["code", "lons", "lats"])
