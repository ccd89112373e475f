"""View models of the pages Kaart and Vergelijken (pure pandas/shapely, no Streamlit).

Kaart: values per municipality or wijk, colour classes, the map frame (centre and zoom) and
label positions. Vergelijken: the direction-adjusted profile (z per indicator) of chosen
regions against Nederland, and the table of raw values behind it.

The maps are drawn offline: boundaries come from ``data/geo`` (WGS84), and nothing is fetched
from a tile or font server. A municipality or wijk without a value in the chosen year stays
without one ("geen gegevens"); nothing is filled in from another year.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import polylabel

from indicators import catalog, scoring
from indicators.catalog import Indicator
from indicators.formatting import format_number
from indicators.regions import (
    DRENTHE,
    FOCUS_MUNICIPALITIES,
    NEDERLAND,
    ZOD,
    current_municipalities,
)
from indicators.snapshot import Snapshot
from indicators.ui_text import t
from indicators.views_indicator import STATUS_MARK, indicator_name, shown_decimals

GEO_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
GEO_YEAR = 2024  # gemeente and wijk boundaries (CBS/Kadaster via PDOK), see the manifest
REFERENCE = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND)
MAX_CLASSES = 5
# MapLibre/plotly zoom: the whole world is 512 * 2**zoom pixels wide.
WORLD_PX = 512.0
MAP_WIDTH = 760  # the narrowest width the map is drawn at on a laptop in the wide layout
MAP_HEIGHT = 760
# Title (up to two lines and the unit) above; the legend and the source line below.
MARGIN = {"l": 10, "r": 10, "t": 100, "b": 110}
COLOUR_BAR_PX = 110
LABEL_FONT_PX = 14


@dataclass(frozen=True)
class MapView:
    """Where the map opens: centre and zoom (MapLibre zoom levels)."""

    lon: float
    lat: float
    zoom: float


def load_geojson(name: str, directory: Path = GEO_DIR) -> dict:
    """One GeoJSON FeatureCollection of ``data/geo`` (``gemeenten``, ``wijken``, ...)."""
    with (directory / f"{name}.geojson").open(encoding="utf-8") as handle:
        return json.load(handle)


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
    width: float = MAP_WIDTH,
    height: float = MAP_HEIGHT,
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


def plot_area(height: int = MAP_HEIGHT, width: int = MAP_WIDTH) -> tuple[int, int]:
    """The map's own pixels inside the figure: width, height (without title, source, bar)."""
    return (
        width - MARGIN["l"] - MARGIN["r"] - COLOUR_BAR_PX,
        height - MARGIN["t"] - MARGIN["b"],
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
    for feature in subset(geo, codes)["features"]:
        for polygon in _polygons(feature):
            xs, ys = polygon.exterior.coords.xy
            lons.extend([*map(float, xs), None])
            lats.extend([*map(float, ys), None])
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


# --- values -----------------------------------------------------------------------------------


def map_indicators() -> list[Indicator]:
    """Indicators with a figure for every municipality (the national map)."""
    return [i for i in catalog.INDICATORS if i.level == "gemeente"]


def wijk_indicators() -> list[Indicator]:
    """Indicators with a figure per wijk of the four municipalities."""
    return [i for i in catalog.INDICATORS if i.level == "wijk"]


def map_years(obs: pd.DataFrame, indicator: str, codes: list[str]) -> list[int]:
    """Years in which at least one of ``codes`` (the areas on the map) has a value."""
    sel = obs[(obs["indicator"] == indicator) & obs["region"].isin(codes)].dropna(subset=["value"])
    return sorted(int(y) for y in sel["year"].unique())


def rank_order(ind: Indicator, values: pd.Series) -> pd.Series:
    """Place among the given values: 1 = most favourable (scored) or highest (context); ties
    share the better place; missing values get no place."""
    oriented = -values if ind.direction == "lower_better" else values
    return oriented.rank(method="min", ascending=False).astype("Int64")


def classify(values: pd.Series, n_classes: int = MAX_CLASSES) -> tuple[pd.Series, list]:
    """Equal-count classes (quintiles, as CBS maps use) of the values, lowest value = class 0.

    A value's class is floor(n_classes * share of values strictly below it), so ties always
    share a class and a skewed indicator (distance to a hospital: 2 to 64 km) still spreads
    its colours; classes left empty by ties are dropped. Returns the class per value (NaN
    stays NaN) and per class its (min, max) in the data.
    """
    valid = values.dropna().astype(float)
    if valid.empty:
        return pd.Series(np.nan, index=values.index), []
    below = valid.rank(method="min") - 1
    raw = np.floor(n_classes * below / len(valid)).astype(int)
    renumber = {old: new for new, old in enumerate(sorted(raw.unique()))}
    classes = raw.map(renumber)
    ranges = [
        (float(valid[classes == k].min()), float(valid[classes == k].max()))
        for k in range(len(renumber))
    ]
    return classes.reindex(values.index).astype(float), ranges


def class_labels(ranges: list[tuple[float, float]], decimals: int) -> list[str]:
    """'0,5 – 0,8' per class (one number where a class holds one value)."""
    out = []
    for low, high in ranges:
        a, b = format_number(low, decimals), format_number(high, decimals)
        out.append(a if a == b else f"{a} – {b}")
    return out


def value_text(value: float, decimals: int, status: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_number(value, decimals) + STATUS_MARK.get(status, "")


def area_values(
    obs: pd.DataFrame,
    ind: Indicator,
    year: int,
    codes: list[str],
    names: dict[str, str],
) -> pd.DataFrame:
    """One row per area on the map (every code, with or without a value in ``year``):
    code, name, year, value, status, table, rank (among those with a value), class (colour
    class, see :func:`classify`), value_text (Dutch, with a status mark)."""
    sel = obs[(obs["indicator"] == ind.id) & (obs["year"] == year) & obs["region"].isin(codes)]
    sel = sel.dropna(subset=["value"]).drop_duplicates("region").set_index("region")
    frame = pd.DataFrame({"code": codes})
    frame["name"] = frame["code"].map(names).fillna(frame["code"])
    frame["year"] = year
    frame["value"] = frame["code"].map(sel["value"]).astype(float)
    frame["status"] = frame["code"].map(sel["status"]).fillna("").astype(str)
    frame["table"] = frame["code"].map(sel["table"]).fillna("").astype(str)
    frame["rank"] = rank_order(ind, frame["value"])
    frame["class"], _ = classify(frame["value"])
    decimals = shown_decimals(ind, frame["value"].dropna())
    frame["value_text"] = [
        value_text(v, decimals, s) for v, s in zip(frame["value"], frame["status"], strict=True)
    ]
    return frame.sort_values(["rank", "name"], na_position="last").reset_index(drop=True)


def diff_unit(ind: Indicator, lang: str = "nl") -> str:
    """The unit of a difference: percentage points for a percentage."""
    if ind.unit == "%":
        return t("km_percentage_points", lang)
    return ind.unit


def is_count(ind: Indicator) -> bool:
    """A count (inhabitants, dwellings, crimes): regional figures are sums, so a municipality
    is compared by its place among the municipalities, not with the national total."""
    return ind.aggregate_weight == "sum"


def finding(
    obs: pd.DataFrame,
    ind: Indicator,
    year: int,
    region: str,
    names: dict[str, str],
    lang: str = "nl",
    codes: list[str] | None = None,
) -> str:
    """The map's title: where the chosen region stands against Nederland in that year (for a
    count: its place among the municipalities ``codes``)."""
    sel = obs[(obs["indicator"] == ind.id) & (obs["year"] == year)].set_index("region")["value"]
    mine = float(sel.get(region, math.nan))
    nl = float(sel.get(NEDERLAND, math.nan))
    decimals = shown_decimals(ind, [v for v in (mine, nl) if not math.isnan(v)])
    name = names.get(region, region)
    if is_count(ind) and codes and not math.isnan(mine):
        others = sel[sel.index.isin(codes)].dropna()
        return t(
            "km_title_count",
            lang,
            region=name,
            value=f"{format_number(mine, decimals)} {ind.unit}",
            year=year,
            rank=int((others > mine).sum()) + 1,
            n=len(others),
        )
    if math.isnan(mine):
        if math.isnan(nl):
            return t("km_title_no_data", lang, region=name, year=year)
        nl_text = f"{format_number(nl, decimals)} {ind.unit}"
        return t("km_title_no_region", lang, region=name, year=year, nl=nl_text)
    value = format_number(mine, decimals)
    if math.isnan(nl):
        return t("km_title_no_nl", lang, region=name, year=year, value=f"{value} {ind.unit}")
    nl_text = f"{format_number(nl, decimals)} {ind.unit}"
    difference = mine - nl
    if format_number(abs(difference), decimals) == format_number(0, decimals):
        return t("km_title_equal", lang, region=name, year=year, value=f"{value} {ind.unit}")
    judgement = ""
    if ind.scored:
        better = (difference > 0) == (ind.direction == "higher_better")
        judgement = t("km_favourable" if better else "km_unfavourable", lang)
    return t(
        "km_title_above" if difference > 0 else "km_title_below",
        lang,
        region=name,
        diff=f"{format_number(abs(difference), decimals)} {diff_unit(ind, lang)}",
        value=value,
        nl=nl_text,
        year=year,
        judgement=judgement,
    )


def place_sentence(
    values: pd.DataFrame, obs: pd.DataFrame, ind: Indicator, region: str, name: str, lang: str
) -> str:
    """'Emmen staat op plaats 301 van 321 gemeenten (1 = gunstigst)'; for ZOD the place it
    would take among the municipalities."""
    ranked = values.dropna(subset=["value"])
    if ranked.empty:
        return ""
    year = int(ranked["year"].iloc[0])
    sel = obs[(obs["indicator"] == ind.id) & (obs["year"] == year) & (obs["region"] == region)]
    if sel.empty or pd.isna(sel["value"].iloc[0]):
        return t("km_place_none", lang, region=name, year=year)
    mine = float(sel["value"].iloc[0])
    if ind.direction == "lower_better":
        ahead = int((ranked["value"] < mine).sum())
    else:
        ahead = int((ranked["value"] > mine).sum())
    key = "km_place_context" if not ind.scored else "km_place"
    return t(key, lang, region=name, rank=ahead + 1, n=len(ranked), year=year)


def reference_table(
    obs: pd.DataFrame,
    ind: Indicator,
    year: int,
    values: pd.DataFrame,
    names: dict[str, str],
    lang: str = "nl",
) -> pd.DataFrame:
    """The four, ZOD, Drenthe and Nederland in the map's year: name, value (Dutch text with
    status mark), year, place among the municipalities, status ('geen gegevens' where none)."""
    sel = obs[(obs["indicator"] == ind.id) & (obs["year"] == year)].set_index("region")
    ranked = values.dropna(subset=["value"])
    decimals = shown_decimals(ind, ranked["value"])
    rows = []
    for code in REFERENCE:
        has = code in sel.index and not pd.isna(sel.loc[code, "value"])
        value = float(sel.loc[code, "value"]) if has else math.nan
        status = str(sel.loc[code, "status"]) if has else ""
        place: str = ""
        if has and not ranked.empty:
            ahead = (
                (ranked["value"] < value).sum()
                if ind.direction == "lower_better"
                else (ranked["value"] > value).sum()
            )
            place = t("rank_of", lang, rank=int(ahead) + 1, n=len(ranked))
        rows.append(
            {
                t("region", lang): names.get(code, code),
                t("value", lang) + f" ({ind.unit})": value_text(value, decimals, status)
                if has
                else t("km_no_data", lang),
                t("year", lang): year,
                t("km_col_place", lang): place,
                t("km_col_status", lang): t(f"km_status_{status}", lang) if status else "",
            }
        )
    return pd.DataFrame(rows)


def display_table(values: pd.DataFrame, ind: Indicator, lang: str = "nl") -> pd.DataFrame:
    """The values behind a map as a table to read: place, name (and municipality for a wijk),
    value (Dutch text with a status mark), year, status; areas without a value at the bottom
    with 'geen gegevens'."""
    decimals = shown_decimals(ind, values["value"].dropna())
    columns: dict[str, object] = {
        t("km_col_place", lang): values["rank"].to_numpy(),
        t("km_col_name", lang): values["name"].to_numpy(),
    }
    if "gemeente_name" in values:
        columns[t("km_col_gemeente", lang)] = values["gemeente_name"].to_numpy()
    columns[t("value", lang) + f" ({ind.unit})"] = [
        value_text(v, decimals, s) or t("km_no_data", lang)
        for v, s in zip(values["value"], values["status"], strict=True)
    ]
    columns[t("year", lang)] = values["year"].to_numpy()
    columns[t("km_col_status", lang)] = [
        t(f"km_status_{s}", lang) if s else "" for s in values["status"]
    ]
    return pd.DataFrame(columns)


def wijk_codes(snap: Snapshot) -> list[str]:
    regions = snap.regions
    return sorted(regions.loc[regions["level"] == "wijk", "code"].astype(str))


def wijk_gemeente(snap: Snapshot) -> dict[str, str]:
    regions = snap.regions
    wijken = regions[regions["level"] == "wijk"]
    return dict(zip(wijken["code"].astype(str), wijken["gemeente"].astype(str), strict=True))


def wijk_finding(values: pd.DataFrame, ind: Indicator, names: dict[str, str], lang: str) -> str:
    """The wijk map's title: the highest and the lowest wijk of the four municipalities."""
    have = values.dropna(subset=["value"])
    if have.empty:
        return t("km_wijk_title_none", lang, name=indicator_name(ind, lang))
    high = have.loc[have["value"].idxmax()]
    low = have.loc[have["value"].idxmin()]
    return t(
        "km_wijk_title",
        lang,
        name=indicator_name(ind, lang),
        high=high["name"],
        high_gm=names.get(str(high["gemeente"]), ""),
        high_value=f"{high['value_text']} {ind.unit}",
        low=low["name"],
        low_gm=names.get(str(low["gemeente"]), ""),
        low_value=f"{low['value_text']} {ind.unit}",
        year=int(high["year"]),
    )


# --- Vergelijken ------------------------------------------------------------------------------

MAX_COMPARE = 12
COMPARE_REFERENCES = (ZOD, DRENTHE, NEDERLAND)


def compare_options(snap: Snapshot) -> list[str]:
    """What can be compared: the four, ZOD, Drenthe, Nederland, then every current
    municipality by name."""
    names = snap.regions.set_index("code")["name"].astype(str)
    others = sorted(
        (c for c in current_municipalities(snap.regions) if c not in FOCUS_MUNICIPALITIES),
        key=lambda c: (names.get(c, c), c),
    )
    return [*FOCUS_MUNICIPALITIES, *COMPARE_REFERENCES, *others]


def default_selection(region: str, peers: list[str], limit: int = MAX_COMPARE) -> list[str]:
    """The four, ZOD and Nederland (the zero point of the profile), then the chosen region's
    peer group ('vergelijkbare gemeenten') up to ``limit`` regions in all."""
    chosen = list(dict.fromkeys([region, *FOCUS_MUNICIPALITIES, ZOD, NEDERLAND]))
    for peer in peers:
        if len(chosen) >= limit:
            break
        if peer not in chosen:
            chosen.append(peer)
    return chosen[:limit]


def goal_scored(goal: int) -> list[Indicator]:
    """The indicators the goal score uses (scored, one figure per municipality)."""
    return [i for i in catalog.INDICATORS if i.goal == goal and i.scored and i.level == "gemeente"]


def profile(
    scores: scoring.Scores,
    obs: pd.DataFrame,
    regions: list[str],
    goal: int,
    names: dict[str, str],
    lang: str = "nl",
) -> pd.DataFrame:
    """Every (indicator, region) of the goal in the 'actueel' view: each region's latest year
    per indicator, its value, Nederland's value in that year and z (direction-adjusted, capped
    at +-3, Nederland = 0). A pair without a value stays in the frame with NaN, so the
    comparison can say "geen gegevens".

    Columns: indicator, indicator_name, unit, subtheme, region, region_name, year, value,
    nl_value, z, status, decimals.
    """
    indicators = goal_scored(goal)
    ids = [i.id for i in indicators]
    latest = scores.latest[
        scores.latest["indicator"].isin(ids) & scores.latest["region"].isin(regions)
    ]
    grid = pd.MultiIndex.from_product([ids, regions], names=["indicator", "region"]).to_frame(
        index=False
    )
    frame = grid.merge(
        latest[["indicator", "region", "year", "value", "nl_value", "z"]],
        on=["indicator", "region"],
        how="left",
    )
    status = obs[["indicator", "region", "year", "status"]].drop_duplicates(
        ["indicator", "region", "year"]
    )
    frame = frame.merge(status, on=["indicator", "region", "year"], how="left")
    by_id = {i.id: i for i in indicators}
    frame["indicator_name"] = frame["indicator"].map(lambda i: indicator_name(by_id[i], lang))
    frame["unit"] = frame["indicator"].map(lambda i: by_id[i].unit)
    frame["subtheme"] = frame["indicator"].map(lambda i: by_id[i].subtheme)
    frame["region_name"] = frame["region"].map(names).fillna(frame["region"])
    frame["status"] = frame["status"].fillna("").astype(str)
    frame["year"] = frame["year"].astype("Int64")
    frame["decimals"] = frame["indicator"].map(
        {
            i.id: shown_decimals(i, frame.loc[frame["indicator"] == i.id, "value"].dropna())
            for i in indicators
        }
    )
    cols = [
        "indicator",
        "indicator_name",
        "unit",
        "subtheme",
        "region",
        "region_name",
        "year",
        "value",
        "nl_value",
        "z",
        "status",
        "decimals",
    ]
    return frame[cols]


def focus_of(selection: list[str], region: str) -> str | None:
    """Whose finding the title states: the chosen region if compared, else the first region
    that is not Nederland itself."""
    if region in selection:
        return region
    return next((r for r in selection if r != NEDERLAND), None)


def profile_finding(
    frame: pd.DataFrame, focus: str | None, goal: int, names: dict[str, str], lang: str = "nl"
) -> str:
    """'Borger-Odoorn ligt op 9 van de 13 indicatoren achter op Nederland' (z < 0 counts as
    behind; indicators without a value are left out and said so)."""
    goal_name = catalog.GOALS[goal][lang]
    if focus is None:
        return t("vg_title_none", lang, goal=goal_name)
    part = frame[frame["region"] == focus]
    have = part.dropna(subset=["z"])
    name = names.get(focus, focus)
    if have.empty:
        return t("vg_title_no_data", lang, region=name, goal=goal_name)
    behind = int((have["z"] < 0).sum())
    ahead = int((have["z"] > 0).sum())
    missing = len(part) - len(have)
    text = t("vg_title", lang, region=name, behind=behind, n=len(have))
    if ahead:
        text += t("vg_title_ahead", lang, ahead=ahead)
    if missing:
        text += t("vg_title_missing", lang, missing=missing)
    return text


def compare_cell(value: float, year: object, status: str, decimals: int) -> str:
    """'1,8 (2015)' with a status mark after the value; empty text where there is none."""
    if value is None or pd.isna(value):
        return ""
    return f"{value_text(float(value), decimals, status)} ({int(year)})"  # type: ignore[arg-type]


def compare_table(
    frame: pd.DataFrame,
    scores: scoring.Scores,
    regions: list[str],
    goal: int,
    names: dict[str, str],
    lang: str = "nl",
) -> pd.DataFrame:
    """The raw values behind the profile: one row per indicator (name, unit, then per region
    'value (year)'), then three rows with the goal score ('actueel'), its place among the
    municipalities and the years it stands for."""
    none = t("km_no_data", lang)
    rows = []
    for _, part in frame.groupby("indicator", sort=False):
        first = part.iloc[0]
        row: dict[str, str] = {
            t("indicator", lang): str(first["indicator_name"]),
            t("vg_col_unit", lang): str(first["unit"]),
        }
        cells = part.set_index("region")
        for region in regions:
            rec = cells.loc[region]
            text = compare_cell(rec["value"], rec["year"], str(rec["status"]), int(rec["decimals"]))
            row[names.get(region, region)] = text or none
        rows.append(row)
    actueel = scores.actueel[scores.actueel["goal"] == goal].set_index("region")
    # Score, place and years in rows of their own: short cells are never cut off mid-number.
    labels = {
        "score": (t("vg_score_row", lang, goal=goal), t("vg_score_unit", lang)),
        "rank": (t("vg_rank_row", lang), t("vg_rank_unit", lang)),
        "years": (t("vg_years_row", lang), ""),
    }
    extra = {
        key: {t("indicator", lang): label, t("vg_col_unit", lang): unit}
        for key, (label, unit) in labels.items()
    }
    for region in regions:
        column = names.get(region, region)
        if region not in actueel.index or pd.isna(actueel.loc[region, "score"]):
            extra["score"][column] = t("insufficient", lang)
            extra["rank"][column] = ""
            extra["years"][column] = (
                str(actueel.loc[region, "years"]) if region in actueel.index else ""
            )
            continue
        rec = actueel.loc[region]
        extra["score"][column] = format_number(float(rec["score"]), 1)
        extra["rank"][column] = t("vg_rank_of", lang, rank=int(rec["rank"]), n=int(rec["n_ranked"]))
        extra["years"][column] = str(rec["years"])
    rows.extend(extra.values())
    return pd.DataFrame(rows)
