"""``python -m indicators build``: the offline build, from raw CBS files to a validated snapshot.

The steps live in their own modules: readers (:mod:`indicators.sources`), the source adapters
of the raw folders (:mod:`indicators.offline`), recipe-driven extraction
(:mod:`indicators.extract`), and assembly (:mod:`indicators.assemble`). This module only runs
them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from indicators.assemble import SourceResult, assemble, regions_table, source_manifest
from indicators.errors import RawDataError
from indicators.lookups import RegionLookups, read_region_lookups
from indicators.offline import (
    source_03759,
    source_70072_2015,
    source_70072_age,
    source_70072_statline,
    source_70072_v4,
    source_83625,
    source_83648,
    source_83648_statline,
    source_83651,
    source_fvw,
    source_health_50090,
    source_health_monitor,
    source_income_2024,
    source_kwb,
    source_kwb_2018,
    source_kwb_2022_businesses,
    source_labour_85494,
    source_life_expectancy,
    source_outlook,
    source_wijken_2024,
    source_young_adults_50140,
)


def offline_sources(
    raw: Path, lookups: RegionLookups, wijk_names: pd.DataFrame
) -> list[SourceResult]:
    """Every offline source, in a fixed order."""
    steps: list[Callable[[], SourceResult | list[SourceResult]]] = [
        lambda: source_03759(raw),
        lambda: source_70072_v4(raw),
        lambda: source_70072_2015(raw),
        lambda: source_70072_age(raw),
        lambda: source_70072_statline(raw, lookups),
        lambda: source_kwb(raw),
        lambda: source_kwb_2018(raw),
        lambda: source_kwb_2022_businesses(raw),
        lambda: source_83625(raw),
        lambda: source_83648(raw),
        lambda: source_83648_statline(raw, lookups),
        lambda: source_83651(raw),
        lambda: source_health_50090(raw),
        lambda: source_young_adults_50140(raw, lookups),
        lambda: source_labour_85494(raw),
        lambda: source_fvw(raw, lookups),
        lambda: source_income_2024(raw, lookups),
        lambda: source_life_expectancy(raw),
        lambda: source_health_monitor(raw),
        lambda: source_outlook(raw, lookups),
        lambda: source_wijken_2024(raw, lookups, wijk_names),
    ]
    results: list[SourceResult] = []
    for step in steps:
        out = step()
        results.extend(out if isinstance(out, list) else [out])
    empty = [r.source_id for r in results if r.observations.empty]
    if empty:
        raise RawDataError(f"Sources without a single figure (recipes or files changed?): {empty}")
    return results


def build_snapshot(raw: Path, geo: Path, out: Path) -> dict[str, object]:
    """Offline build: raw files -> validated snapshot swapped into ``out``."""
    from indicators import snapshot
    from indicators.sources import geo as geoio

    for label, path in (("raw", raw), ("geo", geo)):
        if not path.is_dir():
            raise RawDataError(f"--{label} directory {path} does not exist")
    lookups = read_region_lookups(raw)
    wijk_names = geoio.read_wijk_names(geo)
    results = offline_sources(raw, lookups, wijk_names)
    obs, warnings = assemble(results, lookups)
    boundaries = geoio.read_boundaries(geo)
    regions = regions_table(obs, lookups, wijk_names)
    geo_sources = [
        {
            "id": f"geo-{p.parts[0]}",
            "table": "CBS/PDOK gebiedsindelingen",
            "title": str(p),
            "url": "https://service.pdok.nl/cbs/gebiedsindelingen",
            "licence": "Bron: CBS, Kadaster (PDOK)",
            "rows_read": None,
            "files": [str(p)],
            "note": "simplified for the maps",
        }
        for p in boundaries.files
    ]
    summary = snapshot.write_snapshot(
        out,
        obs,
        regions,
        {
            "geo/gemeenten.geojson": lambda p: geoio.write_geojson(boundaries.gemeenten, p),
            "geo/provincies.geojson": lambda p: geoio.write_geojson(boundaries.provincies, p),
            "geo/wijken.geojson": lambda p: geoio.write_geojson(boundaries.wijken, p),
        },
        source_manifest(results) + geo_sources,
        {
            "mode": "build (offline raw files)",
            "raw": raw.name,
            "geo": geo.name,
            "cross_check_warnings": warnings,
        },
    )
    summary["warnings"] = warnings
    return summary
