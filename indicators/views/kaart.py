"""Kaart: one indicator for every municipality on a map, and the wijken of the four (no
Streamlit): the values per area with their colour class, the title that states where the
chosen region stands, its place among the municipalities, and the tables behind the maps.

A municipality or wijk without a value in the chosen year stays without one ("geen
gegevens"); nothing is filled in from another year.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from indicators import catalog, scoring
from indicators.boundaries import GEO_YEAR, NOT_SERVED, GeometryUrls, feature_codes, geojson
from indicators.catalog import Indicator
from indicators.charts import Chart
from indicators.charts.maps import (
    MapParts,
    classify,
    municipal_map,
    municipal_map_spec,
    municipal_parts,
    wijk_map,
    wijk_map_spec,
    wijk_parts,
)
from indicators.formatting import format_number, shown_decimals, value_text
from indicators.regions import (
    DRENTHE,
    FOCUS_MUNICIPALITIES,
    NEDERLAND,
    ZOD,
    current_municipalities,
)
from indicators.scoring import Scores
from indicators.snapshot import Snapshot, snapshot_year
from indicators.ui_text import t
from indicators.views.common import region_names

REFERENCE = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND)


def map_years(obs: pd.DataFrame, indicator: str, codes: list[str]) -> list[int]:
    """Years in which at least one of ``codes`` (the areas on the map) has a value."""
    sel = obs[(obs["indicator"] == indicator) & obs["region"].isin(codes)].dropna(subset=["value"])
    return sorted(int(y) for y in sel["year"].unique())


def area_values(
    obs: pd.DataFrame,
    ind: Indicator,
    year: int,
    codes: list[str],
    names: dict[str, str],
    lang: str = "nl",
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
    frame["status"] = frame["code"].map(sel["status"]).astype(object).fillna("").astype(str)
    frame["table"] = frame["code"].map(sel["table"]).astype(object).fillna("").astype(str)
    frame["rank"] = scoring.rank_places(frame["value"], ind.direction)
    frame["class"], _ = classify(frame["value"])
    decimals = shown_decimals(ind, frame["value"].dropna())
    frame["value_text"] = [
        value_text(v, decimals, s, lang)
        for v, s in zip(frame["value"], frame["status"], strict=True)
    ]
    return frame.sort_values(["rank", "name"], na_position="last").reset_index(drop=True)


def diff_unit(ind: Indicator, lang: str = "nl") -> str:
    """The unit of a difference: percentage points for a percentage."""
    if ind.unit == "%":
        return t("km_percentage_points", lang)
    return ind.unit_text(lang)


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
    if ind.is_count and codes and not math.isnan(mine):
        others = sel[sel.index.isin(codes)].dropna()
        return t(
            "km_title_count",
            lang,
            region=name,
            value=f"{format_number(mine, decimals, lang=lang)} {ind.unit_text(lang)}",
            year=year,
            rank=int((others > mine).sum()) + 1,
            n=len(others),
        )
    if math.isnan(mine):
        if math.isnan(nl):
            return t("km_title_no_data", lang, region=name, year=year)
        nl_text = f"{format_number(nl, decimals, lang=lang)} {ind.unit_text(lang)}"
        return t("km_title_no_region", lang, region=name, year=year, nl=nl_text)
    value = format_number(mine, decimals, lang=lang)
    if math.isnan(nl):
        return t(
            "km_title_no_nl", lang, region=name, year=year, value=f"{value} {ind.unit_text(lang)}"
        )
    nl_text = f"{format_number(nl, decimals, lang=lang)} {ind.unit_text(lang)}"
    # the difference of the two values as shown, so that a reader who subtracts them gets the
    # number in the sentence ("0,5 onder: 3,7 tegen 4,2", not "0,6" from 3,66 and 4,24)
    difference = round(mine, decimals) - round(nl, decimals)
    if format_number(abs(difference), decimals, lang=lang) == format_number(0, decimals, lang=lang):
        return t(
            "km_title_equal", lang, region=name, year=year, value=f"{value} {ind.unit_text(lang)}"
        )
    judgement = ""
    if ind.scored:
        better = (difference > 0) == (ind.direction == "higher_better")
        judgement = t("km_favourable" if better else "km_unfavourable", lang)
    return t(
        "km_title_above" if difference > 0 else "km_title_below",
        lang,
        region=name,
        diff=f"{format_number(abs(difference), decimals, lang=lang)} {diff_unit(ind, lang)}",
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
    place = scoring.place_among(ranked["value"], float(sel["value"].iloc[0]), ind.direction)
    key = "km_place_context" if not ind.scored else "km_place"
    return t(key, lang, region=name, rank=place, n=len(ranked), year=year)


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
            rank = scoring.place_among(ranked["value"], value, ind.direction)
            place = t("rank_of_year", lang, rank=rank, n=len(ranked), year=year)
        rows.append(
            {
                t("region", lang): names.get(code, code),
                t("value", lang) + f" ({ind.unit_text(lang)})": value_text(
                    value, decimals, status, lang=lang
                )
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
    columns[t("value", lang) + f" ({ind.unit_text(lang)})"] = [
        value_text(v, decimals, s, lang=lang) or t("km_no_data", lang)
        for v, s in zip(values["value"], values["status"], strict=True)
    ]
    columns[t("year", lang)] = values["year"].to_numpy()
    columns[t("km_col_status", lang)] = [
        t(f"km_status_{s}", lang) if s else "" for s in values["status"]
    ]
    return pd.DataFrame(columns)


def map_codes(snap: Snapshot, scores: Scores) -> list[str]:
    """The municipalities on the national map (the codes of the boundary file)."""
    del scores
    return feature_codes(geojson(snap, "gemeenten"))


def map_years_for(snap: Snapshot, scores: Scores, indicator: str) -> list[int]:
    """:func:`map_years` of the national map (a builder for the pages' view cache)."""
    return map_years(snap.observations, indicator, map_codes(snap, scores))


class MapTables(NamedTuple):
    """What the page shows under the national map, built once per selection."""

    place: str
    reference: pd.DataFrame
    values: pd.DataFrame


def map_tables_for(
    snap: Snapshot, scores: Scores, indicator: str, year: int, region: str, lang: str = "nl"
) -> MapTables:
    """The place sentence, the reference table and the table of every municipality of the
    national map (the same values as :func:`municipal_map_for` draws)."""
    ind = catalog.BY_ID[indicator]
    names = region_names(snap, lang=lang)
    values = area_values(snap.observations, ind, year, map_codes(snap, scores), names, lang)
    obs = snap.observations
    return MapTables(
        place_sentence(values, obs, ind, region, names.get(region, region), lang),
        reference_table(obs, ind, year, values, names, lang),
        display_table(values, ind, lang),
    )


def wijk_table_for(
    snap: Snapshot, scores: Scores, indicator: str, lang: str = "nl"
) -> pd.DataFrame:
    """The table of every wijk of the wijk map (a builder for the pages' view cache; the same
    values as the map, without building the map's figure again)."""
    del scores
    ind = catalog.BY_ID[indicator]
    return display_table(wijk_values(snap, ind, region_names(snap, lang=lang), lang), ind, lang)


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
        return t("km_wijk_title_none", lang, name=ind.name(lang))
    high = have.loc[have["value"].idxmax()]
    low = have.loc[have["value"].idxmin()]
    return t(
        "km_wijk_title",
        lang,
        name=ind.name(lang),
        high=high["name"],
        high_gm=names.get(str(high["gemeente"]), ""),
        high_value=f"{high['value_text']} {ind.unit_text(lang)}",
        low=low["name"],
        low_gm=names.get(str(low["gemeente"]), ""),
        low_value=f"{low['value_text']} {ind.unit_text(lang)}",
        year=int(high["year"]),
    )


# --- builders ---------------------------------------------------------------------------


def map_finding_for(
    snap: Snapshot, scores: Scores, indicator: str, year: int, region: str, lang: str = "nl"
) -> str:
    """The finding of the national map for ``region`` (see :func:`finding`), which the page
    shows above the map and the map's image carries as its title."""
    del scores
    names = region_names(snap, lang=lang)
    codes = feature_codes(geojson(snap, "gemeenten"))
    return finding(snap.observations, catalog.BY_ID[indicator], year, region, names, lang, codes)


def _municipal_parts(
    snap: Snapshot, indicator: str, year: int, zoom: str, lang: str, title: str
) -> MapParts:
    ind = catalog.BY_ID[indicator]
    names = region_names(snap, lang=lang)
    geo = geojson(snap, "gemeenten")
    values = area_values(snap.observations, ind, year, feature_codes(geo), names, lang)
    drenthe = current_municipalities(snap.regions, DRENTHE)
    return municipal_parts(
        values, geo, ind, year, zoom, names, title, drenthe, lang, snapshot_year(snap)
    )


def municipal_map_for(
    snap: Snapshot,
    scores: Scores,
    indicator: str,
    year: int,
    zoom: str,
    lang: str = "nl",
    urls: GeometryUrls = NOT_SERVED,
) -> Chart:
    """The national map on screen for one indicator and year (a Vega-Lite spec); ``urls``:
    where the app serves the boundary files, if it does (see charts.maps.municipal_map_spec).

    The same for every region, so one map serves all of them and a change of municipality
    draws none: its title names the indicator, and the page shows the region's finding
    (:func:`map_finding_for`) above it."""
    del scores
    ind = catalog.BY_ID[indicator]
    title = t("km_map_name", lang, name=ind.name(lang), year=year)
    parts = _municipal_parts(snap, indicator, year, zoom, lang, title)
    geo, province_geo = geojson(snap, "gemeenten"), geojson(snap, "provincies")
    return municipal_map_spec(parts, geo, province_geo, ind, lang, urls)


def municipal_map_image_for(
    snap: Snapshot,
    scores: Scores,
    indicator: str,
    year: int,
    zoom: str,
    region: str,
    lang: str = "nl",
) -> Chart:
    """The same map as :func:`municipal_map_for` as a plotly figure titled with the region's
    finding, for its PNG image."""
    title = map_finding_for(snap, scores, indicator, year, region, lang)
    parts = _municipal_parts(snap, indicator, year, zoom, lang, title)
    geo, province_geo = geojson(snap, "gemeenten"), geojson(snap, "provincies")
    return municipal_map(parts, geo, province_geo, catalog.BY_ID[indicator], lang)


def _wijk_parts(snap: Snapshot, indicator: str, lang: str) -> MapParts:
    ind = catalog.BY_ID[indicator]
    names = region_names(snap, lang=lang)
    values = wijk_values(snap, ind, names, lang)
    title = wijk_finding(values, ind, names, lang)
    return wijk_parts(values, geojson(snap, "gemeenten"), ind, names, title, lang)


def wijk_map_for(
    snap: Snapshot,
    scores: Scores,
    indicator: str,
    lang: str = "nl",
    urls: GeometryUrls = NOT_SERVED,
) -> Chart:
    """The wijk map on screen of one wijk indicator in its latest year (``urls`` as in
    :func:`municipal_map_for`)."""
    del scores
    wijk_geo, gemeente_geo = geojson(snap, "wijken"), geojson(snap, "gemeenten")
    parts = _wijk_parts(snap, indicator, lang)
    return wijk_map_spec(parts, wijk_geo, gemeente_geo, catalog.BY_ID[indicator], lang, urls)


def wijk_map_image_for(snap: Snapshot, scores: Scores, indicator: str, lang: str = "nl") -> Chart:
    """The same map as :func:`wijk_map_for` as a plotly figure, for its PNG image."""
    del scores
    wijk_geo, gemeente_geo = geojson(snap, "wijken"), geojson(snap, "gemeenten")
    parts = _wijk_parts(snap, indicator, lang)
    return wijk_map(parts, wijk_geo, gemeente_geo, catalog.BY_ID[indicator], lang)


def wijk_values(snap: Snapshot, ind: Indicator, names: dict[str, str], lang: str) -> pd.DataFrame:
    """:func:`area_values` of the wijken in the indicator's latest year, with the municipality
    of each wijk (``gemeente``, ``gemeente_name``): what the wijk map and its table show."""
    codes = wijk_codes(snap)
    years = map_years(snap.observations, ind.id, codes)
    year = years[-1] if years else GEO_YEAR
    values = area_values(snap.observations, ind, year, codes, names, lang)
    values["gemeente"] = values["code"].map(wijk_gemeente(snap))
    values["gemeente_name"] = values["gemeente"].map(names).fillna("")
    return values
