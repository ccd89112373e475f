"""Boundaries for the maps: read CBS/PDOK GeoJSON, simplify, and write small WGS84 files.

The app sends every polygon to the browser on each map render, so the snapshot keeps simplified
geometries (a tolerance of ~0.001 degree, 70-110 m, is invisible at municipality scale).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from indicators.errors import RawDataError
from indicators.regions import FOCUS_MUNICIPALITIES

GEMEENTE_FILE = Path("pdok-gemeente2024-niektensen") / "gemeente_gegeneraliseerd.geojson"
PROVINCIE_FILE = Path("cartomap-provincie2023-topoquiz") / "provincie_2023.geojson"
WIJK_FILE = Path("pdok-wijken2024-geoinzicht") / "wijken_2024.geojson"

GEMEENTE_TOLERANCE = 0.001
PROVINCIE_TOLERANCE = 0.002
WIJK_TOLERANCE = 0.0003


@dataclass
class Boundaries:
    gemeenten: gpd.GeoDataFrame  # code, name
    provincies: gpd.GeoDataFrame  # code, name
    wijken: gpd.GeoDataFrame  # code, name, gemeente (the four municipalities only)
    files: list[Path]


def _read(path: Path, required: tuple[str, ...]) -> gpd.GeoDataFrame:
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types; all mean "unreadable file"
        raise RawDataError(f"{path}: cannot read GeoJSON ({exc})") from exc
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise RawDataError(f"{path}: missing properties {missing}")
    if frame.crs is None:
        frame = frame.set_crs(4326)
    return frame.to_crs(4326)


def _simplify(frame: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    frame = frame.copy()
    frame["geometry"] = frame.geometry.simplify(tolerance, preserve_topology=True).make_valid()
    return frame


def read_boundaries(geo: Path) -> Boundaries:
    """Municipalities 2024, provinces, and the wijken of the four municipalities."""
    gm = _read(geo / GEMEENTE_FILE, ("statcode", "statnaam"))
    pv = _read(geo / PROVINCIE_FILE, ("statcode", "statnaam"))
    wk = _read(geo / WIJK_FILE, ("wijkcode", "wijknaam", "gemeentecode"))
    gm = gm.rename(columns={"statcode": "code", "statnaam": "name"})[["code", "name", "geometry"]]
    pv = pv.rename(columns={"statcode": "code", "statnaam": "name"})[["code", "name", "geometry"]]
    wk = wk[wk["gemeentecode"].isin(list(FOCUS_MUNICIPALITIES))]
    wk = wk.rename(columns={"wijkcode": "code", "wijknaam": "name", "gemeentecode": "gemeente"})
    wk = wk[["code", "name", "gemeente", "geometry"]]
    for label, frame in (("gemeenten", gm), ("wijken", wk)):
        absent = set(FOCUS_MUNICIPALITIES) - set(frame.get("gemeente", frame["code"]))
        if absent:
            raise RawDataError(f"{label}: no boundary for {sorted(absent)}")
    return Boundaries(
        _simplify(gm, GEMEENTE_TOLERANCE).sort_values("code").reset_index(drop=True),
        _simplify(pv, PROVINCIE_TOLERANCE).sort_values("code").reset_index(drop=True),
        _simplify(wk, WIJK_TOLERANCE).sort_values("code").reset_index(drop=True),
        [GEMEENTE_FILE, PROVINCIE_FILE, WIJK_FILE],
    )


def read_wijk_names(geo: Path) -> gpd.GeoDataFrame:
    """Wijk codes and names (all of NL) for mapping StatLine wijk names to codes."""
    wk = _read(geo / WIJK_FILE, ("wijkcode", "wijknaam", "gemeentecode", "gemeentenaam"))
    return wk.drop(columns="geometry")


def write_geojson(frame: gpd.GeoDataFrame, path: Path) -> None:
    """GeoJSON with 5 decimals (about 1 m): enough for maps, a fraction of the size."""
    frame.to_file(path, driver="GeoJSON", COORDINATE_PRECISION=5, RFC7946="YES")
