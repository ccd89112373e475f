"""``refresh``: rebuild the snapshot from live CBS OData (v3 and v4), all years.

The refresh reads the same recipes as the offline build (``Indicator.recipe``): for every table
or table family (:data:`indicators.recipes.FAMILIES`) it asks CBS for exactly the keys those
recipes name, resolved by name against the table's own metadata, and hands the rows to the same
extraction and assembly. Yearly editions (KWB, "Gebieden in Nederland", Arbeidsdeelname per
regional classification, the Fvw table, the regional population forecast) are found in the CBS
catalog by title, so a new edition is picked up without a code change. A key that an edition
lacks is an error that names the table, the key and the edition.

Figures that no CBS OData table delivers (the RIVM health tables, StatLine exports, the 2018
distances of the wijk- en buurtkaart) are carried over from the current snapshot with their
original provenance, so a refresh never silently drops an indicator. Any CBS failure aborts
before anything is written.
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

from indicators.assemble import SourceResult, assemble, regions_table, source_manifest
from indicators.errors import CBSError, SnapshotError
from indicators.extract import extract as extract_rows
from indicators.extract import missing_key_error, recipes_for, resolve_term, select_keys, v4_wide
from indicators.lookups import (
    GEBIEDEN_MEASURES,
    RegionLookups,
    add_historic_municipalities,
    lookups_from_gebieden,
)
from indicators.recipes import FAMILIES, Family
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
GEBIEDEN_TITLE = re.compile(r"^Gebieden in Nederland (\d{4})$")
CODE = re.compile(r"^[A-Za-z0-9_]+$")
GEO_TYPES = ("GeoDimension", "GeoDetail")
DIMENSION_TYPES = ("Dimension", "TimeDimension", *GEO_TYPES)
# Offline sources that a live source replaces as a whole (the live one has all their years).
REPLACES: dict[str, set[str]] = {
    "cbs-70072ned": {
        "cbs-70072ned-2015",
        "cbs-70072ned-v4",
        "cbs-70072ned-leeftijd",
        "cbs-70072ned-statline",
    },
    "cbs-83648ned": {"cbs-83648ned-2013-2017"},
    "cbs-kwb-2022": {"cbs-kwb-2022-bedrijven"},
    "cbs-arbeidsdeelname": {"cbs-85494ned"},
    "cbs-fvw": {"cbs-60039fvw-2019"},
    "cbs-regionale-prognose": {"cbs-84527ned-transcribed"},
}
# Live tables that hold Nederland only (no municipality to require).
NATIONAL_ONLY = {"cbs-71950ned"}


@dataclass
class Clients:
    v3: ODataV3Client
    v4: ODataV4Client


@dataclass
class TableMeta:
    """What a v3 table's ``DataProperties`` say: topic keys in order, their titles, the
    dimensions and which one holds the regions."""

    keys: list[str]
    titles: dict[str, str]
    dimensions: list[str]
    region_dim: str | None


def table_meta(c: Clients, table: str) -> TableMeta:
    props = c.v3.data_properties(table)
    topics = [p for p in props if p.get("Type") == "Topic" and str(p.get("Key") or "").strip()]
    topics.sort(key=lambda p: (p.get("Position") is None, p.get("Position") or 0))
    keys = [str(p["Key"]).strip() for p in topics]
    titles = {str(p["Key"]).strip(): str(p.get("Title") or "") for p in topics}
    dims = [str(p["Key"]).strip() for p in props if p.get("Type") in DIMENSION_TYPES]
    geo = [str(p["Key"]).strip() for p in props if p.get("Type") in GEO_TYPES]
    return TableMeta(keys, titles, dims, geo[0] if geo else None)


def where_filter(family: str, dimensions: list[str], edition: int | None = None) -> str | None:
    """An OData filter keeping the dimension codes that the family's recipes ask for."""
    accepted: dict[str, set[str]] = {}
    for _, recipe in recipes_for(family, edition):
        for dim, values in recipe.where:
            if dim in dimensions:
                accepted.setdefault(dim, set()).update(v for v in values if CODE.match(v))
    parts = [
        "(" + " or ".join(f"{dim} eq '{code}'" for code in sorted(codes)) + ")"
        for dim, codes in sorted(accepted.items())
        if codes
    ]
    return " and ".join(parts) or None


def _live(
    source_id: str, table: str, base: str, priority: int, obs: pd.DataFrame, title: str = ""
) -> SourceResult:
    return SourceResult(
        source_id,
        table,
        title or f"CBS {table} (live OData)",
        f"{base}/{table}",
        priority,
        obs.reset_index(drop=True),
        [],
    )


def live_v3(
    c: Clients,
    family: str,
    table: str,
    source_id: str,
    priority: int,
    *,
    regions: list[str] | None = None,
    edition: int | None = None,
    provisional: bool = False,
    by_prefix: bool = False,
    title: str = "",
) -> SourceResult:
    """One v3 table: the recipe keys of ``family``, every period, the reported regions.

    ``regions`` lists the region codes to ask for; ``by_prefix`` asks instead for every code
    starting with GM or NL (a KWB edition holds all wijken and buurten too). A table without
    a region dimension holds Nederland only.
    """
    meta = table_meta(c, table)
    chosen = select_keys(family, table, meta.keys, meta.titles, edition)
    dim = meta.region_dim
    dims = [d for d in meta.dimensions if d != dim]
    prefix = f"(startswith({dim},'GM') or startswith({dim},'NL'))" if by_prefix and dim else None
    filters = " and ".join(f for f in (where_filter(family, meta.dimensions, edition), prefix) if f)
    frame = c.v3.typed_dataset(
        table,
        region_dim=dim or "RegioS",
        regions=regions if dim else None,
        filters=filters or None,
        select=[*([dim] if dim else []), *dims, *chosen],
        rows_per_region=60,
    )
    if dim:
        frame = frame.rename(columns={dim: "RegioS"})
    else:
        frame["RegioS"] = NEDERLAND
    frame["RegioS"] = frame["RegioS"].astype(str).str.strip().replace({"NL00": NEDERLAND})
    if "Perioden" not in frame.columns:  # KWB editions have no period dimension
        frame["Perioden"] = f"{family} {edition}"
        frame["_year"] = edition
    obs = extract_rows(
        frame,
        family,
        source_id=source_id,
        table=table,
        edition=edition,
        required=True,
        provisional=provisional,
        titles=meta.titles,
    )
    return _live(source_id, table, c.v3.base_url, priority, obs, title)


def live_v4(c: Clients, family: str, table: str, source_id: str, priority: int) -> SourceResult:
    """One v4 table: the measures the recipes name (by title), filtered on their dimensions."""
    measures = c.v4.measure_codes(table)
    titles = [" ".join(str(t).split()) for t in measures["Title"]]
    chosen: set[str] = set()
    for indicator, recipe in recipes_for(family):
        for term in recipe.all_terms:
            column = resolve_term(titles, term)
            if column is None:
                if not term.optional:
                    raise missing_key_error(family, table, None, indicator, term)
                continue
            chosen.add(str(measures["Identifier"].iloc[titles.index(column)]))
    dims = set(c.v4.dimensions(table))
    filters = [
        "(" + " or ".join(f"Measure eq '{m}'" for m in sorted(chosen)) + ")",
        REGION_FILTER_V4,
    ]
    wanted = where_filter(family, sorted(dims))
    if wanted:
        filters.append(wanted)
    obs = c.v4.observations(table, " and ".join(filters))
    status = _period_status(c, table)
    rows = extract_rows(
        v4_wide(obs, measures),
        family,
        source_id=source_id,
        table=table,
        required=True,
        period_status=status,
    )
    return _live(source_id, table, c.v4.base_url, priority, rows)


def _period_status(c: Clients, table: str) -> dict[str, str]:
    """CBS's status per period (Definitief/Voorlopig) from the table's PeriodenCodes."""
    codes = c.v4.dimension_codes(table, "Perioden")
    if codes.empty or "Status" not in codes.columns:
        return {}
    return dict(zip(codes["Identifier"].astype(str), codes["Status"].astype(str), strict=True))


def editions(c: Clients, family: Family) -> dict[int, str]:
    """Edition year -> table id of a family's tables found in the CBS catalog by title."""
    found = c.v3.find_tables(family.search or family.name)
    out: dict[int, str] = {}
    for row in found.itertuples():
        match = re.match(family.title or "$^", str(row.Title).strip())
        if match:
            year = match.group(1) if match.groups() else None
            out[int(year) if year else 0] = str(row.Identifier).strip()
    if not out:
        raise CBSError(
            f"The CBS catalog lists no table titled like {family.title!r}; the title may have "
            "changed. Check the catalog and the family in indicators/recipes.py."
        )
    return out


def _gebieden_editions(c: Clients) -> dict[int, str]:
    found = c.v3.find_tables("Gebieden in Nederland")
    out = {}
    for row in found.itertuples():
        match = GEBIEDEN_TITLE.match(str(row.Title).strip())
        if match:
            out[int(match.group(1))] = str(row.Identifier).strip()
    if not out:
        raise CBSError(
            "The CBS catalog lists no table titled 'Gebieden in Nederland YYYY'; the title may "
            "have changed. Check the catalog and indicators/refresh.py."
        )
    return out


def live_lookups(c: Clients) -> RegionLookups:
    found = _gebieden_editions(c)
    codes = "(" + " or ".join(f"Measure eq '{m}'" for m in GEBIEDEN_MEASURES) + ")"
    tables = {year: c.v4.observations(table, codes) for year, table in sorted(found.items())}
    lookups = lookups_from_gebieden(tables)
    # Names of municipalities that ceased to exist before the oldest 'Gebieden' edition.
    add_historic_municipalities(lookups, c.v4.dimension_codes("70072ned", "RegioS"))
    return lookups


def live_kwb(c: Clients) -> list[SourceResult]:
    family = FAMILIES["KWB"]
    found = {y: t for y, t in editions(c, family).items() if y >= (family.first_edition or 0)}
    newest = max(found)
    return [
        live_v3(
            c,
            "KWB",
            table,
            f"cbs-kwb-{edition}",
            40,
            edition=edition,
            provisional=edition == newest,
            by_prefix=True,
            title=f"Kerncijfers wijken en buurten {edition} (live OData)",
        )
        for edition, table in sorted(found.items())
    ]


def live_newest(c: Clients, family_name: str, source_id: str, regions: list[str]) -> SourceResult:
    """The newest edition of a family found by title (all its periods)."""
    family = FAMILIES[family_name]
    found = editions(c, family)
    year = max(found)
    table = found[year]
    return live_v3(c, family_name, table, source_id, 10, regions=regions, title=f"{family_name}")


def carried_over(previous: Path, live_ids: set[str]) -> list[SourceResult]:
    """Sources of the current snapshot that the live refresh does not deliver, kept as they were
    (lower priority than any live source, so a live figure always wins)."""
    try:
        snap = load_snapshot(previous)
    except SnapshotError:  # no previous snapshot: nothing to carry over
        return []
    replaced = set(live_ids)
    for sid in live_ids:
        replaced |= REPLACES.get(sid, set())
    obs = snap.observations
    obs = obs[obs["source"] != "derived"]  # regional aggregates are derived anew
    results = []
    for entry in snap.manifest.get("sources", []):
        sid = entry["id"]
        rows = obs[obs["source"] == sid]
        if sid in replaced or rows.empty:
            continue
        results.append(
            SourceResult(
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


def require_focus_regions(result: SourceResult) -> None:
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
    state: dict[str, object] = {}

    def lookups() -> RegionLookups:
        return state["lookups"]  # type: ignore[return-value]

    def regions() -> list[str]:
        """Nederland, the provinces and every municipality code CBS has used."""
        names = lookups().names
        gm = sorted(set(names.loc[names["level"] == "gemeente", "code"]))
        pv = sorted(set(lookups().membership["provincie"].dropna()))
        return [NEDERLAND, *pv, *gm]

    c = clients
    steps: list[tuple[str, Callable[[], object]]] = [
        ("Gebieden in Nederland", lambda: state.setdefault("lookups", live_lookups(c))),
        ("03759ned bevolking", lambda: live_v4(c, "03759ned", "03759ned", "cbs-03759ned", 10)),
        ("83625NED verkoopprijzen", lambda: live_v4(c, "83625NED", "83625NED", "cbs-83625ned", 10)),
        (
            "70072NED regionale kerncijfers",
            lambda: live_v3(c, "70072NED", "70072NED", "cbs-70072ned", 25, regions=regions()),
        ),
        (
            "83648NED criminaliteit",
            lambda: live_v3(c, "83648NED", "83648NED", "cbs-83648ned", 10, regions=regions()),
        ),
        (
            "83651NED diefstallen",
            lambda: live_v3(c, "83651NED", "83651NED", "cbs-83651ned", 10, regions=regions()),
        ),
        (
            "71950ned levensverwachting",
            lambda: live_v3(c, "71950ned", "71950ned", "cbs-71950ned", 10),
        ),
        ("KWB-edities", lambda: live_kwb(c)),
        (
            "Arbeidsdeelname",
            lambda: live_newest(c, "Arbeidsdeelname", "cbs-arbeidsdeelname", regions()),
        ),
        ("Fvw-maatstaven", lambda: live_newest(c, "Fvw", "cbs-fvw", regions())),
        (
            "Regionale prognose",
            lambda: live_newest(c, "Regionale prognose", "cbs-regionale-prognose", regions()),
        ),
    ]
    results: list[SourceResult] = []
    with tqdm(steps, desc="CBS", unit="tabel", disable=None) as bar:
        for label, step in bar:
            bar.set_postfix_str(label)
            out = step()
            if isinstance(out, SourceResult):
                results.append(out)
            elif isinstance(out, list):
                results.extend(out)
    for result in results:
        require_focus_regions(result)
    live_ids = {r.source_id for r in results}
    results += carried_over(args.out, live_ids)
    obs, warnings = assemble(results, lookups())
    missing = [m for m in FOCUS_MUNICIPALITIES if m not in set(obs["region"])]
    if missing:
        raise CBSError(f"CBS returned no figures for {missing}; refresh aborted.")
    wijk_names, geo_writers = boundary_inputs(args.geo, args.out)
    try:
        known = snapshot.load_snapshot(args.out).regions
    except SnapshotError:
        known = None
    regions_frame = regions_table(obs, lookups(), wijk_names, known)
    summary = snapshot.write_snapshot(
        args.out,
        obs,
        regions_frame,
        geo_writers,
        source_manifest(results),
        {
            "mode": "refresh (live CBS OData)",
            "v3": clients.v3.base_url,
            "v4": clients.v4.base_url,
            "cross_check_warnings": warnings,
        },
    )
    summary["warnings"] = warnings
    return summary
