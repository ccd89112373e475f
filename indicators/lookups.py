"""Region lookups: gemeente -> provincie/COROP/GGD per year, names, and name -> code.

Built from CBS "Gebieden in Nederland" (one table per year, 2015 onwards) and, for the
municipalities that ceased to exist before 2015, the ``RegioSCodes`` of 70072NED (code, name and
province of every municipality since 1995). StatLine exports name municipalities instead of
coding them; :meth:`RegionLookups.codes_for` maps those names, and a name that maps to nothing
is logged and left out, never guessed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from indicators.errors import RawDataError
from indicators.regions import DRENTHE, NEDERLAND, ZOD, ZOD_NAME
from indicators.sources import raw as rawio

log = logging.getLogger(__name__)

GEBIEDEN_MEASURES = {
    "GM000C_1": "gm_name",
    "PV0001": "provincie",
    "PV0002": "pv_name",
    "CR0001": "corop",
    "CR0002": "cr_name",
    "GG0001": "ggd",
    "GG0002": "ggd_name",
}
# StatLine rows that are no municipality.
NOT_A_MUNICIPALITY = {
    "niet-gemeentelijk ingedeeld",
    "buitenland",
    "gemeenten; niet in te delen",
    "nederland",
}


def normalise_name(name: object) -> str:
    """``"Groningen (gemeente)"`` and ``"groningen "`` -> ``"groningen"``."""
    return re.sub(r"\s*\(gemeente\)$", "", str(name).strip()).casefold()


@dataclass
class RegionLookups:
    membership: pd.DataFrame  # year, gemeente, provincie, corop, ggd
    names: pd.DataFrame  # code, name, level, provincie, corop, ggd, current
    name_to_code: dict[str, str]  # current names (and "Nederland")
    corop_name_to_code: dict[str, str]
    all_names: dict[str, set[str]] = field(default_factory=dict)  # normalised name -> GM codes

    def codes_for(self, names: pd.Series, what: str) -> pd.Series:
        """GM codes for municipality names (any year); NaN where a name maps to no code or
        to more than one (logged with the file or table ``what``)."""
        normalised = names.map(normalise_name)
        lookup = {n: next(iter(c)) for n, c in self.all_names.items() if len(c) == 1}
        codes = normalised.map(lookup)
        unknown = sorted(
            set(names[codes.isna()].astype(str).str.strip())
            - {""}
            - {n for n in names if normalise_name(n) in NOT_A_MUNICIPALITY}
        )
        if unknown:
            log.warning(
                "%s: %d region names without a unique GM code, left out (e.g. %s)",
                what,
                len(unknown),
                unknown[:5],
            )
        return codes

    def ggd_members(self, ggd: str, year: int) -> set[str]:
        """The municipalities of a GGD region in ``year`` (nearest classification)."""
        years = self.membership["year"].unique()
        nearest = min(years, key=lambda y: (abs(int(y) - year), -int(y)))
        rows = self.membership[self.membership["year"] == nearest]
        return set(rows.loc[rows["ggd"] == ggd, "gemeente"])

    def province_members(self, province: str, year: int) -> set[str]:
        years = self.membership["year"].unique()
        nearest = min(years, key=lambda y: (abs(int(y) - year), -int(y)))
        rows = self.membership[self.membership["year"] == nearest]
        return set(rows.loc[rows["provincie"] == province, "gemeente"])


def read_region_lookups(raw: Path) -> RegionLookups:
    """Lookups from the offline 'Gebieden in Nederland' Parquet files and 70072ned RegioSCodes."""
    d = raw / "odata4-parquet-datavakwerk"
    files = sorted(d.glob("cbs_gebieden_20??.parquet"))
    if not files:
        raise RawDataError(f"No cbs_gebieden_YYYY.parquet in {d}")
    lookups = lookups_from_gebieden({int(p.stem[-4:]): rawio.read_v4_parquet(p) for p in files})
    codes = d / "cbs_70072ned_regiocodes.parquet"
    if codes.exists():
        add_historic_municipalities(lookups, rawio.read_region_codes(codes))
    return lookups


def add_historic_municipalities(lookups: RegionLookups, region_codes: pd.DataFrame) -> None:
    """Names (and province) of municipalities absent from 'Gebieden in Nederland' (gone before
    2015), from a RegioSCodes list (``Identifier``, ``Title``, ``DimensionGroupId`` GMPVnn)."""
    gm = region_codes[region_codes["Identifier"].str.match(r"^GM\d{4}$")]
    province = (
        gm.get("DimensionGroupId", pd.Series(dtype=str))
        .astype(str)
        .str.extract(r"^GM(PV\d{2})$", expand=False)
    )
    known = set(lookups.names["code"])
    extra = pd.DataFrame(
        {
            "code": gm["Identifier"],
            "name": gm["Title"].str.strip(),
            "level": "gemeente",
            "provincie": province,
            "corop": None,
            "ggd": None,
            "current": False,
        }
    )
    extra = extra[~extra["code"].isin(known)]
    lookups.names = pd.concat([lookups.names, extra], ignore_index=True)
    for code, name in zip(gm["Identifier"], gm["Title"], strict=True):
        lookups.all_names.setdefault(normalise_name(name), set()).add(code)


def lookups_from_gebieden(tables: dict[int, pd.DataFrame]) -> RegionLookups:
    """Region lookups from v4 ``Observations`` of 'Gebieden in Nederland', one table per year.

    In those tables each code and name is a measure with a text value (``StringValue``).
    """
    wanted = GEBIEDEN_MEASURES
    frames = []
    for year, g in sorted(tables.items()):
        g = g[g["Measure"].isin(list(wanted))]
        missing = set(wanted) - set(g["Measure"])
        if missing:
            raise RawDataError(f"Gebieden in Nederland {year}: measures {sorted(missing)} missing")
        wide = g.pivot_table(
            index="RegioS", columns="Measure", values="StringValue", aggfunc="first"
        ).rename(columns=wanted)
        wide = (
            wide.apply(lambda c: c.str.strip()).reset_index().rename(columns={"RegioS": "gemeente"})
        )
        wide["year"] = year
        frames.append(wide)
    membership = pd.concat(frames, ignore_index=True)
    latest = membership["year"].max()
    last = membership.sort_values("year").groupby("gemeente").tail(1)
    gm = pd.DataFrame(
        {
            "code": last["gemeente"],
            "name": last["gm_name"],
            "level": "gemeente",
            "provincie": last["provincie"],
            "corop": last["corop"],
            "ggd": last["ggd"],
            "current": last["year"].eq(latest),
        }
    )
    pv = last[["provincie", "pv_name"]].drop_duplicates("provincie")
    pv = pd.DataFrame(
        {
            "code": pv["provincie"],
            "name": pv["pv_name"],
            "level": "provincie",
            "provincie": pv["provincie"],
            "corop": None,
            "ggd": None,
            "current": True,
        }
    )
    cr = last[["corop", "cr_name", "provincie"]].drop_duplicates("corop")
    cr = pd.DataFrame(
        {
            "code": cr["corop"],
            "name": cr["cr_name"],
            "level": "corop",
            "provincie": cr["provincie"],
            "corop": cr["corop"],
            "ggd": None,
            "current": True,
        }
    )
    extra = pd.DataFrame(
        [
            {
                "code": NEDERLAND,
                "name": "Nederland",
                "level": "land",
                "provincie": None,
                "corop": None,
                "ggd": None,
                "current": True,
            },
            {
                "code": ZOD,
                "name": ZOD_NAME,
                "level": "regio",
                "provincie": DRENTHE,
                "corop": None,
                "ggd": None,
                "current": True,
            },
        ]
    )
    names = pd.concat([extra, pv, cr, gm], ignore_index=True)
    current = membership[membership["year"] == latest]
    name_to_code = dict(zip(current["gm_name"], current["gemeente"], strict=True))
    name_to_code.update({"Nederland": NEDERLAND})
    corop_map = dict(zip(cr["name"], cr["code"], strict=True))
    all_names: dict[str, set[str]] = {}
    for code, name in zip(membership["gemeente"], membership["gm_name"], strict=True):
        all_names.setdefault(normalise_name(name), set()).add(code)
    return RegionLookups(
        membership[["year", "gemeente", "provincie", "corop", "ggd"]],
        names,
        name_to_code,
        corop_map,
        all_names,
    )
