"""Assembly: combine the sources into the snapshot's observations and regions.

:func:`assemble` resolves overlaps between sources (the highest-priority source wins; a
disagreement is reported), computes the rates declared as one indicator per 1,000 of another
(:class:`~indicators.recipes.FromIndicators`), derives regional figures where CBS publishes
none (status ``derived``), and checks every row against the catalog. Both the offline build and
the live refresh end here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators import catalog
from indicators.errors import RawDataError
from indicators.lookups import RegionLookups
from indicators.recipes import FromIndicators
from indicators.regions import (
    DRENTHE,
    FOCUS_MUNICIPALITIES,
    NEDERLAND,
    ZOD,
    members_of,
    region_level,
)
from indicators.snapshot import OBS_COLUMNS

log = logging.getLogger(__name__)

CROSS_CHECK_TOLERANCE = 0.005


@dataclass
class SourceResult:
    """Observations from one source, with what the manifest needs to cite it."""

    source_id: str
    table: str
    title: str
    url: str
    priority: int
    observations: pd.DataFrame
    files: list[str] = field(default_factory=list)
    licence: str = catalog.CBS_LICENCE
    note: str = ""


def resolve_overlaps(results: list[SourceResult]) -> tuple[pd.DataFrame, list[str]]:
    """One row per key: the highest-priority source wins; disagreements are reported."""
    frames = [r.observations.assign(_priority=r.priority) for r in results if len(r.observations)]
    obs = pd.concat(frames, ignore_index=True).sort_values(["_priority", "source"], kind="stable")
    keys = ["indicator", "region", "year"]
    dup = obs[obs.duplicated(keys, keep=False)]
    warnings = []
    if not dup.empty:
        spread = dup.groupby(keys)["value"].agg(["min", "max"])
        rel = (spread["max"] - spread["min"]) / spread["max"].abs().replace(0, np.nan)
        bad = rel[rel > CROSS_CHECK_TOLERANCE]
        for (ind, reg, yr), r in bad.head(20).items():
            warnings.append(f"{ind} {reg} {yr}: sources differ by {r:.1%}")
        if len(bad) > 20:
            warnings.append(f"... and {len(bad) - 20} more disagreements")
    obs = obs.drop_duplicates(keys, keep="first").drop(columns="_priority")
    return obs.reset_index(drop=True), warnings


def from_indicators(obs: pd.DataFrame) -> pd.DataFrame:
    """Rows for every :class:`FromIndicators` recipe: factor x numerator / denominator for each
    region and year that has both (never where a source already gives the figure). The rows
    keep the numerator's source, table and period, with status 'derived'."""
    existing = set(zip(obs["indicator"], obs["region"], obs["year"], strict=True))
    parts = []
    for ind in catalog.INDICATORS:
        for recipe in ind.recipe:
            if not isinstance(recipe, FromIndicators):
                continue
            num = obs[obs["indicator"] == recipe.numerator]
            den = obs[obs["indicator"] == recipe.denominator][["region", "year", "value"]]
            both = num.merge(den, on=["region", "year"], suffixes=("", "_den"))
            both = both[both["value_den"] > 0]
            if both.empty:
                continue
            keep = [
                (ind.id, r, y) not in existing
                for r, y in zip(both["region"], both["year"], strict=True)
            ]
            both = both[keep]
            parts.append(
                pd.DataFrame(
                    {
                        "indicator": ind.id,
                        "region": both["region"],
                        "year": both["year"],
                        "value": recipe.factor * both["value"] / both["value_den"],
                        # The numerator's source: a rate computed for a municipality is not a
                        # regional aggregate (those have source 'derived').
                        "source": both["source"],
                        "table": both["table"],
                        "period": both["period"],
                        "status": "derived",
                    }
                )
            )
    if not parts:
        return pd.DataFrame(columns=list(OBS_COLUMNS))
    return pd.concat(parts, ignore_index=True)[list(OBS_COLUMNS)]


def classification_members(
    codes: set[str], year: int, membership: pd.DataFrame, present: dict[int, set[str]]
) -> tuple[set[str], int]:
    """The municipalities of Nederland in the classification that the data use, and the
    'Gebieden in Nederland' year to take provinces from.

    A table may publish a year in a later classification (85494NED gives 2019 in the
    municipalities of 2022; 50090NED gives 2012 in those of 2020), and years before 2015 have
    no 'Gebieden in Nederland': there the municipalities with a population in that year are
    the classification. The set that best matches the data's own codes wins (ties: the
    nearest year).
    """
    candidates: list[tuple[float, int, set[str], int]] = []
    for y, members in membership.groupby("year")["gemeente"]:
        members = set(members)
        score = len(codes & members) / max(len(codes | members), 1)
        candidates.append((score, -abs(int(y) - year), members, int(y)))
    if year in present:
        members = present[year]
        score = len(codes & members) / max(len(codes | members), 1)
        nearest = min(membership["year"].unique(), key=lambda y: (abs(int(y) - year), -int(y)))
        candidates.append((score, 1, members, int(nearest)))
    best = max(candidates, key=lambda c: (c[0], c[1]))
    return best[2], best[3]


def regional_members(
    region: str,
    membership: pd.DataFrame,
    year: int,
    present: dict[int, set[str]],
    codes: set[str] | None = None,
) -> list[str]:
    """The municipalities that make up ``region`` for data of ``year`` whose municipality
    codes are ``codes`` (see :func:`classification_members`)."""
    if region == ZOD or not codes:
        return members_of(region, membership, int(year))
    nation, classification = classification_members(codes, int(year), membership, present)
    if region == NEDERLAND:
        return sorted(nation)
    return members_of(region, membership, classification)


def derive_aggregates(obs: pd.DataFrame, membership: pd.DataFrame) -> pd.DataFrame:
    """Derived figures for ZOD always, and for Drenthe and Nederland where CBS has none.

    Rates with a declared numerator and denominator (``aggregate_ratio``) are recomputed from
    summed counts; other rates are weighted by their denominator indicator (population,
    dwellings, households), which gives the same result when the rate is count/denominator;
    counts are summed. The weight is always of the same year. ZOD and Drenthe need every
    member; Nederland needs members holding 97 % of the weight (a handful of small
    municipalities may have a suppressed value).
    """
    gemeenten = obs[obs["region"].str.startswith("GM")]
    by_key = gemeenten.set_index(["indicator", "year", "region"])["value"].sort_index()
    present_keys = set(by_key.index.droplevel(2))
    existing = set(zip(obs["indicator"], obs["region"], obs["year"], strict=True))
    population = gemeenten[gemeenten["indicator"] == "population"]
    present = {int(y): set(g) for y, g in population.groupby("year")["region"]}
    rows = []
    for ind in catalog.INDICATORS:
        if ind.level != "gemeente" or ind.id not in by_key.index.get_level_values(0):
            continue
        if ind.aggregate_weight is None and ind.aggregate_ratio is None:
            continue
        values = by_key.loc[ind.id]
        for year in sorted(values.index.get_level_values(0).unique()):
            if ind.aggregate_ratio is not None:
                num_id, den_id, factor = ind.aggregate_ratio
                if (num_id, year) not in present_keys or (den_id, year) not in present_keys:
                    continue
                num, den = by_key.loc[(num_id, year)], by_key.loc[(den_id, year)]
            elif ind.aggregate_weight == "sum":
                num, den, factor = values.loc[year], None, 1.0
            elif (ind.aggregate_weight, year) in present_keys:
                vals = values.loc[year]
                weights = by_key.loc[(ind.aggregate_weight, year)]
                num, den, factor = vals * weights.reindex(vals.index), weights, 1.0
            else:
                continue
            # The municipalities the figures come in (their classification), from the counts
            # or weighted values actually used.
            codes = set(num.index[num.notna()])
            for region, need in ((ZOD, 1.0), (DRENTHE, 1.0), (NEDERLAND, 0.97)):
                if (ind.id, region, year) in existing:
                    continue
                members = regional_members(region, membership, int(year), present, codes)
                if not members:
                    continue
                n = num.reindex(members)
                if den is None:
                    if n.isna().any():
                        continue
                    value = float(n.sum())
                else:
                    d = den.reindex(members)
                    ok = n.notna() & d.notna()
                    # Every member must carry a weight (ZOD, Drenthe: and a value); otherwise
                    # the coverage share below would be computed over a partial region.
                    if d.isna().mean() > 1.0 - need or (need == 1.0 and not ok.all()):
                        continue
                    if d.sum() <= 0 or d[ok].sum() / d.sum() < need:
                        continue
                    value = float(factor * n[ok].sum() / d[ok].sum())
                rows.append(
                    {
                        "indicator": ind.id,
                        "region": region,
                        "year": int(year),
                        "value": value,
                        "source": "derived",
                        "table": "; ".join(ind.tables),
                        "period": str(year),
                        "status": "derived",
                    }
                )
    return pd.DataFrame(rows, columns=list(OBS_COLUMNS))


OBS_DTYPES = {
    "indicator": "string",
    "region": "string",
    "year": "int64",
    "value": "float64",
    "source": "string",
    "table": "string",
    "period": "string",
    "status": "string",
}


def assemble(results: list[SourceResult], lookups: RegionLookups) -> tuple[pd.DataFrame, list[str]]:
    """All sources -> final observations (sorted, typed) plus cross-check warnings."""
    obs, warnings = resolve_overlaps(results)
    unknown = sorted(set(obs["indicator"]) - set(catalog.BY_ID))
    if unknown:
        raise RawDataError(f"Indicators produced but not in the catalog: {unknown}")
    obs = obs.astype(OBS_DTYPES)
    computed = from_indicators(obs)
    if len(computed):
        obs = pd.concat([obs, computed.astype(OBS_DTYPES)], ignore_index=True)
    derived = derive_aggregates(obs, lookups.membership)
    if len(derived):
        obs = pd.concat([obs, derived.astype(OBS_DTYPES)], ignore_index=True)
    obs = obs.astype(OBS_DTYPES)
    obs = obs.sort_values(["indicator", "region", "year"]).reset_index(drop=True)
    return obs, warnings


def regions_table(
    obs: pd.DataFrame,
    lookups: RegionLookups,
    wijk_names: pd.DataFrame,
    known: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every region code in the observations, with name, level, parents, population, urbanity."""
    names = lookups.names.copy()
    wk = wijk_names[wijk_names["gemeentecode"].isin(list(FOCUS_MUNICIPALITIES))]
    wk = pd.DataFrame(
        {
            "code": wk["wijkcode"],
            "name": wk["wijknaam"],
            "level": "wijk",
            "provincie": DRENTHE,
            "corop": None,
            "ggd": None,
            "current": True,
            "gemeente": wk["gemeentecode"],
        }
    )
    frames = [names, wk]
    if known is not None:  # names from an earlier snapshot, for carried-over regions
        frames.append(known[[c for c in known.columns if c in names.columns or c == "gemeente"]])
    names = pd.concat(frames, ignore_index=True).drop_duplicates("code")
    used = set(obs["region"])
    missing = sorted(used - set(names["code"]))
    if missing:
        raise RawDataError(f"Region codes without a name: {missing[:10]}")
    table = names[names["code"].isin(used) | names["level"].isin(["land", "provincie"])].copy()

    def latest(indicator: str) -> pd.Series:
        s = obs[obs["indicator"] == indicator].sort_values("year")
        return s.groupby("region")["value"].last()

    table["population"] = table["code"].map(latest("population"))
    table["urbanity"] = table["code"].map(latest("urbanity"))
    table["population_density"] = table["code"].map(latest("population_density"))
    table["level"] = [
        lv if lv else region_level(c) for c, lv in zip(table["code"], table["level"], strict=True)
    ]
    table["current"] = table["current"].fillna(False).astype(bool)
    return table.sort_values(["level", "code"]).reset_index(drop=True)


def source_manifest(results: list[SourceResult]) -> list[dict[str, object]]:
    """Manifest entries: one per source, with the rows it contributed before overlaps."""
    return [
        {
            "id": r.source_id,
            "table": r.table,
            "title": r.title,
            "url": r.url,
            "licence": r.licence,
            "rows_read": len(r.observations),
            "files": r.files,
            "note": r.note,
        }
        for r in results
    ]
