"""``refresh``: rebuild the snapshot from live CBS OData (v3 and v4), all years.

The live path fetches the same tables as the offline files and more years of them, finds the
yearly editions (KWB, "Gebieden in Nederland") through the CBS catalog instead of a hard-coded
list, resolves keys by name, and then reuses the extraction and assembly of ``indicators.build``.
Figures that no CBS OData table delivers (the hand-transcribed outlook, the GGD health monitor,
a StatLine export) are carried over from the current snapshot with their original provenance,
so a refresh never silently drops an indicator. Any CBS failure aborts before anything is written.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from indicators import build
from indicators.errors import CBSError, SnapshotError
from indicators.regions import FOCUS_MUNICIPALITIES, NEDERLAND
from indicators.snapshot import load_snapshot
from indicators.sources.odata import (
    V3_BASE,
    V3_CATALOG,
    V4_BASE,
    ODataV3Client,
    ODataV4Client,
    make_session,
)

log = logging.getLogger(__name__)

REGION_FILTER_V4 = "(startswith(RegioS,'GM') or startswith(RegioS,'PV') or RegioS eq 'NL01')"
KWB_TITLE = re.compile(r"^Kerncijfers wijken en buurten (\d{4})$")
GEBIEDEN_TITLE = re.compile(r"^Gebieden in Nederland (\d{4})$")
FIRST_KWB_EDITION = 2020
# KWB key names differ between editions; the first that exists wins.
KWB_KEYS: dict[str, tuple[str, ...]] = {
    "a_inw": ("AantalInwoners",),
    "a_woning": ("Woningvoorraad",),
    "a_hh": ("HuishoudensTotaal",),
    "p_leegsw": (
        "OnbewoondeWoningen",
        "PercentageOnbewoondeWoningen",
        "PercentageLeegstaandeWoningen",
    ),
    "p_koopw": ("Koopwoningen",),
    "p_wcorpw": ("InBezitWoningcorporatie",),
    "g_wozbag": ("GemiddeldeWOZWaardeVanWoningen", "GemiddeldeWoningwaarde"),
    "ste_mvs": ("MateVanStedelijkheid",),
    "bev_dich": ("Bevolkingsdichtheid",),
}


@dataclass
class Clients:
    v3: ODataV3Client
    v4: ODataV4Client


def _v4_codes_filter(codes: list[str]) -> str:
    return "(" + " or ".join(f"Measure eq '{c}'" for c in codes) + ")"


def _period_status(c: Clients, table: str) -> dict[str, str]:
    """CBS's status per period (Definitief/Voorlopig) from the table's PeriodenCodes."""
    codes = c.v4.dimension_codes(table, "Perioden")
    if codes.empty or "Status" not in codes.columns:
        return {}
    return dict(zip(codes["Identifier"].astype(str), codes["Status"].astype(str), strict=True))


def live_population(c: Clients) -> build.SourceResult:
    measures = c.v4.measure_codes("03759ned")
    code = build.measure_by_title(measures, "Bevolking op 1 januari", "03759ned")
    obs = c.v4.observations(
        "03759ned",
        f"Measure eq '{code}' and Geslacht eq 'T001038' and Leeftijd eq '10000' and "
        f"BurgerlijkeStaat eq 'T001019' and {REGION_FILTER_V4}",
    )
    status = _period_status(c, "03759ned")
    return _live(
        "cbs-03759ned",
        "03759ned",
        c.v4.base_url,
        10,
        build.extract_population_03759(obs, measures, status),
    )


def live_house_prices(c: Clients) -> build.SourceResult:
    measures = c.v4.measure_codes("83625NED")
    code = build.measure_by_title(measures, "Gemiddelde verkoopprijs", "83625NED")
    obs = c.v4.observations("83625NED", f"Measure eq '{code}' and {REGION_FILTER_V4}")
    return _live(
        "cbs-83625ned",
        "83625NED",
        c.v4.base_url,
        10,
        build.extract_house_price_83625(obs, measures, _period_status(c, "83625NED")),
    )


def live_70072_v4(c: Clients) -> build.SourceResult:
    measures = c.v4.measure_codes("70072ned")
    codes = [
        build.measure_by_title(measures, t, "70072ned")
        for t in ("Totale bevolking", "Personenauto's, relatief")
    ]
    obs = c.v4.observations("70072ned", f"{_v4_codes_filter(codes)} and startswith(RegioS,'GM')")
    return _live(
        "cbs-70072ned-v4", "70072NED", c.v4.base_url, 20, build.extract_70072_v4(obs, measures)
    )


def live_70072_v3(c: Clients, regions: list[str]) -> build.SourceResult:
    keys = c.v3.keys("70072NED")
    needed = {build.resolve_key(keys, name, occ) for _, name, occ in build.DIRECT_70072}
    needed |= {build.resolve_key(keys, name, occ) for _, name, occ, _f in build.PER_CAPITA_70072}
    needed |= {
        build.resolve_key(keys, n)
        for n in (
            "TotaleBevolking",
            "VoorraadOp1Januari",
            "Nieuwbouwwoningen",
            "TotaalHuishoudelijkAfval",
            "GrofHuishoudelijkRestafval",
        )
    }
    select = ["RegioS", "Perioden", *sorted(needed, key=keys.index)]
    frame = c.v3.typed_dataset("70072NED", regions=regions, select=select, rows_per_region=40)
    obs = build.extract_70072_v3(frame, keys)
    obs["source"] = "cbs-70072ned"
    return _live("cbs-70072ned", "70072NED", c.v3.base_url, 25, obs)


def live_crime(c: Clients, regions: list[str]) -> build.SourceResult:
    keys = c.v3.keys("83648NED")
    wanted = [
        build.resolve_key(keys, n)
        for n in ("GeregistreerdeMisdrijvenPer1000Inw", "TotaalGeregistreerdeMisdrijven")
    ]
    frame = c.v3.typed_dataset(
        "83648NED",
        regions=regions,
        filters="SoortMisdrijf eq '0000000'",
        select=["SoortMisdrijf", "RegioS", "Perioden", *wanted],
    )
    return _live("cbs-83648ned", "83648NED", c.v3.base_url, 10, build.extract_crime_83648(frame))


def live_thefts(c: Clients, regions: list[str]) -> build.SourceResult:
    keys = c.v3.keys("83651NED")
    wanted = [
        build.resolve_key(keys, n)
        for n in ("GeregistreerdeDiefstallenPer1000Inw", "TotaalGeregistreerdeDiefstallen")
    ]
    frame = c.v3.typed_dataset(
        "83651NED",
        regions=regions,
        filters="SoortDiefstal eq 'CRI1122' and GebruikVanGeweld eq 'T001540'",
        select=["GebruikVanGeweld", "SoortDiefstal", "RegioS", "Perioden", *wanted],
    )
    return _live("cbs-83651ned", "83651NED", c.v3.base_url, 10, build.extract_thefts_83651(frame))


def live_life_expectancy(c: Clients) -> build.SourceResult:
    keys = c.v3.keys("71950ned")
    key = build.resolve_key(keys, "LevensverwachtingLV")
    frame = c.v3.typed_dataset(
        "71950ned",
        filters="Geslacht eq 'T001038' and LeeftijdOp31December eq '10010' and Marges eq 'MW00000'",
        select=["Geslacht", "LeeftijdOp31December", "Marges", "Perioden", key],
    )
    return _live(
        "cbs-71950ned", "71950ned", c.v3.base_url, 10, build.extract_life_expectancy_71950(frame)
    )


def editions(c: Clients, title: re.Pattern[str], search: str) -> dict[int, str]:
    """Edition year -> table id of yearly tables found in the CBS catalog."""
    found = c.v3.find_tables(search)
    out: dict[int, str] = {}
    for row in found.itertuples():
        match = title.match(str(row.Title).strip())
        if match:
            out[int(match.group(1))] = str(row.Identifier).strip()
    if not out:
        raise CBSError(
            f"The CBS catalog lists no table titled like {title.pattern!r}; the "
            "title may have changed. Check the catalog and indicators/refresh.py."
        )
    return out


def live_kwb(c: Clients) -> list[build.SourceResult]:
    found = {
        y: t
        for y, t in editions(c, KWB_TITLE, "Kerncijfers wijken en buurten").items()
        if y >= FIRST_KWB_EDITION
    }
    newest = max(found)
    results = []
    for edition, table in sorted(found.items()):
        keys = c.v3.keys(table)
        chosen = {}
        for canonical, names in KWB_KEYS.items():
            for name in names:
                if any(re.sub(r"_\d+$", "", k) == name for k in keys):
                    chosen[canonical] = build.resolve_key(keys, name)
                    break
            else:
                raise CBSError(
                    f"KWB {edition} ({table}): no key named any of {names}; CBS may "
                    "have renamed it. Add the new name to KWB_KEYS in refresh.py."
                )
        frame = c.v3.typed_dataset(
            table,
            region_dim="WijkenEnBuurten",
            filters="startswith(WijkenEnBuurten,'GM')",
            select=["WijkenEnBuurten", *chosen.values()],
        )
        frame = frame.rename(columns={v: k for k, v in chosen.items()})
        frame = frame.rename(columns={"WijkenEnBuurten": "gwb_code"})
        frame = frame.astype({k: str for k in KWB_KEYS})
        obs = build.extract_kwb(frame, edition, provisional=edition == newest)
        build.KWB_TABLES.setdefault(edition, table)
        obs["table"] = table
        results.append(_live(f"cbs-kwb-{edition}", table, c.v3.base_url, 40, obs))
    return results


def live_lookups(c: Clients) -> build.RegionLookups:
    found = editions(c, GEBIEDEN_TITLE, "Gebieden in Nederland")
    codes = _v4_codes_filter(list(build.GEBIEDEN_MEASURES))
    tables = {year: c.v4.observations(table, codes) for year, table in sorted(found.items())}
    return build.lookups_from_gebieden(tables)


def _live(
    source_id: str, table: str, base: str, priority: int, obs: pd.DataFrame
) -> build.SourceResult:
    obs = obs.copy()
    obs["source"] = source_id
    return build.SourceResult(
        source_id, table, f"CBS {table} (live OData)", f"{base}/{table}", priority, obs, []
    )


# Live tables that must deliver every focus municipality (the others are NL-only tables).
NATIONAL_ONLY = {"cbs-71950ned"}


def require_focus_regions(result: build.SourceResult) -> None:
    """Abort when a live table lacks one of the four municipalities: a silent gap would
    replace good figures with none."""
    if result.source_id in NATIONAL_ONLY:
        return
    present = set(result.observations["region"])
    missing = [code for code in FOCUS_MUNICIPALITIES if code not in present]
    if missing:
        raise CBSError(
            f"CBS table {result.table} returned no figures for {missing}. CBS may have changed "
            "the table or the regional classification; the refresh is aborted so the current "
            "figures stay. Check the table on StatLine, or run `build` from the raw files."
        )


def carried_over(previous: Path, live_ids: set[str]) -> list[build.SourceResult]:
    """Sources of the current snapshot that the live refresh does not deliver, kept as they were
    (lower priority than any live source, so a live figure always wins)."""
    try:
        snap = load_snapshot(previous)
    except SnapshotError:  # no previous snapshot: nothing to carry over
        return []
    obs = snap.observations
    obs = obs[obs["source"] != "derived"]  # regional aggregates are derived anew
    results = []
    for entry in snap.manifest.get("sources", []):
        sid = entry["id"]
        rows = obs[obs["source"] == sid]
        if sid in live_ids or rows.empty:
            continue
        results.append(
            build.SourceResult(
                sid,
                entry.get("table", ""),
                entry.get("title", ""),
                entry.get("url", ""),
                90,
                rows.astype({"year": "int64"}).reset_index(drop=True),
                entry.get("files", []),
                note=f"carried over from the previous snapshot ({snap.manifest.get('built_at')})",
            )
        )
    return results


def boundary_inputs(geo: Path, previous: Path) -> tuple[pd.DataFrame, dict[str, Callable]]:
    """Wijk names and geo writers: from the boundary files if given, else from the current
    snapshot (boundaries are not an OData table, so a refresh keeps the ones it has)."""
    from indicators import snapshot
    from indicators.sources import geo as geoio

    if geo.is_dir():
        boundaries = geoio.read_boundaries(geo)
        writers: dict[str, Callable] = {
            "geo/gemeenten.geojson": lambda p: geoio.write_geojson(boundaries.gemeenten, p),
            "geo/provincies.geojson": lambda p: geoio.write_geojson(boundaries.provincies, p),
            "geo/wijken.geojson": lambda p: geoio.write_geojson(boundaries.wijken, p),
        }
        return geoio.read_wijk_names(geo), writers
    snap = snapshot.load_snapshot(previous)
    wk = snap.regions[snap.regions["level"] == "wijk"]
    names = pd.DataFrame(
        {"wijkcode": wk["code"], "wijknaam": wk["name"], "gemeentecode": wk["gemeente"]}
    )
    writers = {
        name: (lambda p, src=previous / name: shutil.copyfile(src, p))
        for name in snapshot.GEO_FILES
    }
    return names, writers


def refresh_snapshot(args: argparse.Namespace) -> dict[str, object]:
    """Fetch everything live (with a progress bar), then validate and swap like ``build``."""
    from indicators import snapshot

    session = make_session(retries=args.retries)
    clients = Clients(
        ODataV3Client(
            args.v3_url or V3_BASE, args.catalog_url or V3_CATALOG, session, args.timeout
        ),
        ODataV4Client(args.v4_url or V4_BASE, session, args.timeout),
    )
    steps: list[tuple[str, Callable[[], object]]] = []
    state: dict[str, object] = {}
    steps.append(
        ("Gebieden in Nederland", lambda: state.setdefault("lookups", live_lookups(clients)))
    )

    def regions() -> list[str]:
        lookups: build.RegionLookups = state["lookups"]  # type: ignore[assignment]
        gm = sorted(set(lookups.membership["gemeente"]))
        pv = sorted(set(lookups.membership["provincie"].dropna()))
        return [NEDERLAND, *pv, *gm]

    steps += [
        ("03759ned bevolking", lambda: live_population(clients)),
        ("83625NED verkoopprijzen", lambda: live_house_prices(clients)),
        ("70072ned (v4) auto's", lambda: live_70072_v4(clients)),
        ("70072NED regionale kerncijfers", lambda: live_70072_v3(clients, regions())),
        ("83648NED criminaliteit", lambda: live_crime(clients, regions())),
        ("83651NED diefstallen", lambda: live_thefts(clients, regions())),
        ("71950ned levensverwachting", lambda: live_life_expectancy(clients)),
        ("KWB-edities", lambda: live_kwb(clients)),
    ]
    results: list[build.SourceResult] = []
    with tqdm(steps, desc="CBS", unit="tabel", disable=None) as bar:
        for label, step in bar:
            bar.set_postfix_str(label)
            out = step()
            if isinstance(out, build.SourceResult):
                results.append(out)
            elif isinstance(out, list):
                results.extend(out)
    lookups: build.RegionLookups = state["lookups"]  # type: ignore[assignment]
    for result in results:
        require_focus_regions(result)
    live_ids = {r.source_id for r in results}
    if any(r.source_id == "cbs-70072ned" for r in results):
        live_ids.add("cbs-70072ned-2015")  # the live series includes the 2015 figures
    results += carried_over(args.out, live_ids)
    obs, warnings = build.assemble(results, lookups)
    missing = [m for m in FOCUS_MUNICIPALITIES if m not in set(obs["region"])]
    if missing:
        raise CBSError(f"CBS returned no figures for {missing}; refresh aborted.")
    wijk_names, geo_writers = boundary_inputs(args.geo, args.out)
    try:
        known = snapshot.load_snapshot(args.out).regions
    except SnapshotError:
        known = None
    regions_frame = build.regions_table(obs, lookups, wijk_names, known)
    summary = snapshot.write_snapshot(
        args.out,
        obs,
        regions_frame,
        geo_writers,
        build.source_manifest(results),
        {
            "mode": "refresh (live CBS OData)",
            "v3": clients.v3.base_url,
            "v4": clients.v4.base_url,
            "cross_check_warnings": warnings,
        },
    )
    summary["warnings"] = warnings
    return summary
