"""Turn CBS tables into the tidy snapshot: one row per (indicator, region, year).

The extraction functions (``extract_*``) take frames in the shape the OData clients and the raw
readers both produce, so the offline ``build`` and the live ``refresh`` share them. Each source
returns a :class:`SourceResult` with its provenance; :func:`assemble` then resolves overlaps
between sources (by priority, with a loud cross-check), derives regional figures where CBS
publishes none (status ``derived``), and checks every row against the catalog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from indicators import catalog
from indicators.errors import RawDataError
from indicators.regions import (
    DRENTHE,
    FOCUS_MUNICIPALITIES,
    NEDERLAND,
    ZOD,
    ZOD_NAME,
    members_of,
    region_level,
)
from indicators.snapshot import OBS_COLUMNS
from indicators.sources import raw as rawio
from indicators.sources.values import parse_cbs_series, period_year, resolve_key

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


def _rows(
    frame: pd.DataFrame,
    indicator: str,
    value: pd.Series,
    *,
    region: str = "RegioS",
    period: str = "Perioden",
    status: str | pd.Series = "definitive",
    year: pd.Series | None = None,
) -> pd.DataFrame:
    """Long observation rows for one indicator from a wide frame (source/table set later)."""
    out = pd.DataFrame(
        {
            "indicator": indicator,
            "region": frame[region].astype(str).str.strip().to_numpy(),
            "year": (year if year is not None else frame[period].map(period_year)).to_numpy(),
            "value": value.astype("float64").to_numpy(),
            "period": frame[period].astype(str).str.strip().to_numpy(),
            "status": status if isinstance(status, str) else status.to_numpy(),
        }
    )
    return out.dropna(subset=["value", "year"])


def _finish(obs: Iterable[pd.DataFrame], source_id: str, table: str) -> pd.DataFrame:
    frame = pd.concat(list(obs), ignore_index=True)
    frame["source"] = source_id
    frame["table"] = table
    frame["year"] = frame["year"].astype("int64")
    return frame[list(OBS_COLUMNS)]


# CBS buckets that are not municipalities: GM0000 unknown, GM0998 abroad, GM0999 not assigned.
NOT_MUNICIPALITIES = ("GM0000", "GM0998", "GM0999")


def _is_reported_region(code: pd.Series) -> pd.Series:
    return code.str.match(r"^(GM\d{4}|PV\d{2}|NL01)$") & ~code.isin(NOT_MUNICIPALITIES)


# --- extraction: v4 ---------------------------------------------------------------------------


def measure_by_title(measure_codes: pd.DataFrame, title: str, table: str) -> str:
    """Measure identifier by its title (never a hard-coded code): titles survive re-versions."""
    norm = measure_codes["Title"].astype(str).str.strip().str.casefold()
    hits = measure_codes.loc[norm == title.strip().casefold(), "Identifier"]
    if hits.empty:
        raise RawDataError(
            f"{table}: no measure titled {title!r}; titles are {sorted(set(norm))[:12]}"
        )
    return str(hits.iloc[0])


def _period_status(periods: pd.Series, period_status: dict[str, str] | None) -> pd.Series:
    """CBS's own period status (PeriodenCodes ``Status``): 'Voorlopig' -> provisional."""
    status = periods.map(period_status or {}).astype("string").fillna("").str.casefold()
    provisional = status.str.contains("voorlopig") | periods.str.contains(r"\*", regex=True)
    return pd.Series(np.where(provisional, "provisional", "definitive"), index=periods.index)


def extract_population_03759(
    obs: pd.DataFrame, measures: pd.DataFrame, period_status: dict[str, str] | None = None
) -> pd.DataFrame:
    """03759ned: Bevolking op 1 januari, totals over sex, age and marital status."""
    code = measure_by_title(measures, "Bevolking op 1 januari", "03759ned")
    keep = obs["Measure"].eq(code) & _is_reported_region(obs["RegioS"])
    for dim, total in (
        ("Geslacht", "T001038"),
        ("Leeftijd", "10000"),
        ("BurgerlijkeStaat", "T001019"),
    ):
        if dim in obs.columns:
            keep &= obs[dim].eq(total)
    sel = obs[keep & obs["Perioden"].str.endswith("JJ00")]
    status = _period_status(sel["Perioden"], period_status)
    return _finish(
        [_rows(sel, "population", sel["Value"], status=status)], "cbs-03759ned", "03759ned"
    )


def extract_house_price_83625(
    obs: pd.DataFrame, measures: pd.DataFrame, period_status: dict[str, str] | None = None
) -> pd.DataFrame:
    """83625NED: average sale price of existing homes, yearly figures only."""
    code = measure_by_title(measures, "Gemiddelde verkoopprijs", "83625NED")
    sel = obs[
        obs["Measure"].eq(code)
        & _is_reported_region(obs["RegioS"])
        & obs["Perioden"].str.endswith("JJ00")
    ]
    status = _period_status(sel["Perioden"], period_status)
    return _finish(
        [_rows(sel, "house_price", sel["Value"], status=status)], "cbs-83625ned", "83625NED"
    )


def extract_70072_v4(obs: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """70072ned v4 extract: population and cars per 1,000 per gemeente, 2015 onwards."""
    pop = measure_by_title(measures, "Totale bevolking", "70072ned")
    cars = measure_by_title(measures, "Personenauto's, relatief", "70072ned")
    yearly = obs[obs["Perioden"].str.endswith("JJ00") & _is_reported_region(obs["RegioS"])]
    p = yearly[yearly["Measure"] == pop]
    c = yearly[yearly["Measure"] == cars]
    return _finish(
        [_rows(p, "population", p["Value"]), _rows(c, "cars_per_1000", c["Value"])],
        "cbs-70072ned-v4",
        "70072NED",
    )


# --- extraction: v3 ---------------------------------------------------------------------------

# (indicator, key name without suffix, occurrence) for direct 70072NED topics.
DIRECT_70072 = (
    ("population", "TotaleBevolking", 0),
    ("dwelling_stock", "VoorraadOp1Januari", 0),
    ("households", "TotaalAantalParticuliereHuishoudens", 0),
    ("owner_occupied_share", "Koopwoningen", 0),
    ("dist_gp", "AfstandTotHuisartsenpraktijk", 0),
    ("dist_gp_post", "AfstandTotHuisartsenpost", 0),
    ("dist_hospital", "AfstandTotZiekenhuis", 0),
    ("dist_childcare", "AfstandTotKinderdagverblijf", 0),
    ("dist_primary_school", "AfstandTotSchoolBasisonderwijs", 0),
    ("dist_secondary_school", "AfstandTotSchoolHavoVwo", 0),
    ("dist_supermarket", "AfstandTotGroteSupermarkt", 0),
    ("dist_library", "AfstandTotBibliotheek", 0),
    ("dist_cinema", "AfstandTotBioscoop", 0),
    ("dist_pool", "AfstandTotZwembad", 0),
    ("dist_train_station", "AfstandTotTreinstation", 0),
    ("schools_within_3km", "AantalBasisonderwijsscholenBinnen3Km", 0),
    ("supermarkets_within_3km", "AantalGroteSupermarktenBinnen3Km", 0),
    # Household income: the first block of eight is mean disposable income, the second the
    # mean standardised income (one-person households are equal in both, as they must be).
    ("income_household_mean_disposable", "TotaalParticuliereHuishoudens", 0),
    ("income_household_mean_standardised", "TotaalParticuliereHuishoudens", 1),
)
# (indicator, numerator key, occurrence, multiplier) divided by population (or dwellings).
PER_CAPITA_70072 = (
    ("unemployment_benefits_per_1000", "Werkloosheid", 0, 1000.0),
    ("social_assistance_per_1000", "BijstandTotDeAOWLeeftijd", 0, 1000.0),
    ("disability_benefits_per_1000", "ArbeidsongeschiktheidTotaal", 0, 1000.0),
    ("jobs_per_1000", "TotaalAantalBanen", 0, 1000.0 * 1000.0),  # banen in x 1 000
    ("businesses_per_1000", "BedrijfsvestigingenTotaal", 0, 1000.0),
    ("residual_waste_per_inhabitant", "HuishoudelijkRestafval", 0, 1000.0),  # 1 000 kg -> kg
)


def extract_70072_v3(frame: pd.DataFrame, keys: list[str] | None = None) -> pd.DataFrame:
    """70072NED in v3 shape (CSV download or TypedDataSet): keys resolved by name."""
    keys = keys or rawio.v3_topic_keys(frame)
    frame = frame[_is_reported_region(frame["RegioS"]) & frame["Perioden"].str.endswith("JJ00")]
    parts = []
    for indicator, name, occurrence in DIRECT_70072:
        key = resolve_key(keys, name, occurrence)
        parts.append(_rows(frame, indicator, frame[key]))
    population = frame[resolve_key(keys, "TotaleBevolking")]
    for indicator, name, occurrence, factor in PER_CAPITA_70072:
        value = frame[resolve_key(keys, name, occurrence)] * factor / population
        parts.append(_rows(frame, indicator, value, status="derived"))
    total = frame[resolve_key(keys, "TotaalHuishoudelijkAfval")]
    residual = frame[resolve_key(keys, "HuishoudelijkRestafval")]
    bulky = frame[resolve_key(keys, "GrofHuishoudelijkRestafval")]
    separated = total - residual - bulky
    parts.append(_rows(frame, "waste_total", total))
    parts.append(_rows(frame, "waste_separated", separated, status="derived"))
    parts.append(_rows(frame, "waste_separated_share", 100.0 * separated / total, status="derived"))
    stock = frame[resolve_key(keys, "VoorraadOp1Januari")]
    new = frame[resolve_key(keys, "Nieuwbouwwoningen")] * 1000.0 / stock
    parts.append(_rows(frame, "new_dwellings_per_1000", new, status="derived"))
    return _finish(parts, "cbs-70072ned-2015", "70072NED")


def extract_crime_83648(frame: pd.DataFrame) -> pd.DataFrame:
    """83648NED: all registered crimes (SoortMisdrijf total): count and per 1,000 inhabitants."""
    keys = rawio.v3_topic_keys(frame)
    sel = frame[
        frame["SoortMisdrijf"].str.strip().eq("0000000") & _is_reported_region(frame["RegioS"])
    ]
    rate = sel[resolve_key(keys, "GeregistreerdeMisdrijvenPer1000Inw")]
    count = sel[resolve_key(keys, "TotaalGeregistreerdeMisdrijven")]
    return _finish(
        [_rows(sel, "crime_per_1000", rate), _rows(sel, "crimes", count)],
        "cbs-83648ned",
        "83648NED",
    )


def extract_thefts_83651(frame: pd.DataFrame) -> pd.DataFrame:
    """83651NED: bicycle thefts (CRI1122), all use of violence (T001540): count and per 1,000.

    CBS suppresses the rate for small counts but publishes the (rounded) count, so regional
    rates can still be derived from summed counts.
    """
    keys = rawio.v3_topic_keys(frame)
    sel = frame[
        frame["SoortDiefstal"].eq("CRI1122")
        & frame["GebruikVanGeweld"].eq("T001540")
        & _is_reported_region(frame["RegioS"])
    ]
    rate = sel[resolve_key(keys, "GeregistreerdeDiefstallenPer1000Inw")]
    count = sel[resolve_key(keys, "TotaalGeregistreerdeDiefstallen")]
    return _finish(
        [_rows(sel, "bike_theft_per_1000", rate), _rows(sel, "bike_thefts", count)],
        "cbs-83651ned",
        "83651NED",
    )


def extract_life_expectancy_71950(frame: pd.DataFrame) -> pd.DataFrame:
    """71950ned: life expectancy at birth, both sexes, the value (not the margin), NL."""
    keys = rawio.v3_topic_keys(frame)
    sel = frame[
        frame["Geslacht"].eq("T001038")
        & frame["LeeftijdOp31December"].eq("10010")
        & frame["Marges"].eq("MW00000")
    ]
    sel = sel.assign(RegioS=NEDERLAND)
    value = sel[resolve_key(keys, "LevensverwachtingLV")]
    return _finish([_rows(sel, "life_expectancy", value)], "cbs-71950ned", "71950ned")


# --- KWB gemeente series ----------------------------------------------------------------------

# Canonical KWB variable -> (indicator, years to add to the edition year for the reference date)
KWB_VARIABLES = {
    "a_inw": ("population", 0),
    "a_woning": ("dwelling_stock", 0),
    "a_hh": ("households", 0),
    "p_leegsw": ("vacancy_rate", 0),
    "p_koopw": ("owner_occupied_share", 0),
    "p_wcorpw": ("social_housing_share", 0),
    "g_wozbag": ("woz_value", -1),  # edition X: waardepeildatum 1 January X-1
    "ste_mvs": ("urbanity", 0),
    "bev_dich": ("population_density", 0),
}


def extract_kwb(frame: pd.DataFrame, edition: int, provisional: bool) -> pd.DataFrame:
    """One KWB edition at gemeente level with canonical columns (``gwb_code`` + KWB codes).

    ``g_wozbag`` must be in x 1 000 euro (as CBS publishes it).
    """
    frame = frame[frame["gwb_code"].str.match(r"^GM\d{4}$")].assign(_edition=f"KWB {edition}")
    parts = []
    for column, (indicator, shift) in KWB_VARIABLES.items():
        if column not in frame.columns:
            raise RawDataError(f"KWB {edition}: column {column} missing")
        value = parse_cbs_series(frame[column])
        year = pd.Series(edition + shift, index=frame.index)
        status = "provisional" if provisional else "definitive"
        part = _rows(
            frame, indicator, value, region="gwb_code", status=status, year=year, period="_edition"
        )
        parts.append(part)
    out = _finish(parts, f"cbs-kwb-{edition}", KWB_TABLES.get(edition, f"KWB {edition}"))
    return out


KWB_TABLES = {
    2019: "84583NED",
    2020: "84799NED",
    2021: "85039NED",
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
}


# --- sources: offline recipes -----------------------------------------------------------------

V3_URL = "https://opendata.cbs.nl/ODataApi/odata/{table}"
V4_URL = "https://datasets.cbs.nl/odata/v1/CBS/{table}"


def _source(
    source_id: str,
    table: str,
    title: str,
    url: str,
    priority: int,
    obs: pd.DataFrame,
    files: list[Path],
    raw: Path,
    note: str = "",
) -> SourceResult:
    return SourceResult(
        source_id,
        table,
        title,
        url,
        priority,
        obs,
        [str(p.relative_to(raw)) for p in files],
        note=note,
    )


def source_03759(raw: Path) -> SourceResult:
    d = raw / "checkdecijfers-odata4" / "03759ned"
    obs, measures = rawio.read_v4_json_dir(d)
    status = rawio.read_v4_period_status(d)
    return _source(
        "cbs-03759ned",
        "03759ned",
        "Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio",
        V4_URL.format(table="03759ned"),
        10,
        extract_population_03759(obs, measures, status),
        [d],
        raw,
    )


def source_83625(raw: Path) -> SourceResult:
    d = raw / "checkdecijfers-odata4" / "83625NED"
    obs, measures = rawio.read_v4_json_dir(d)
    status = rawio.read_v4_period_status(d)
    return _source(
        "cbs-83625ned",
        "83625NED",
        "Bestaande koopwoningen; gemiddelde verkoopprijzen, regio",
        V4_URL.format(table="83625NED"),
        10,
        extract_house_price_83625(obs, measures, status),
        [d],
        raw,
    )


def source_70072_v4(raw: Path) -> SourceResult:
    d = raw / "odata4-parquet-datavakwerk"
    obs = rawio.read_v4_parquet(d / "cbs_70072ned_motorvoertuigen_gemeente.parquet")
    measures = pd.read_parquet(d / "cbs_70072ned_measurecodes.parquet")
    return _source(
        "cbs-70072ned-v4",
        "70072NED",
        "Regionale kerncijfers Nederland",
        V4_URL.format(table="70072ned"),
        20,
        extract_70072_v4(obs, measures),
        [
            d / "cbs_70072ned_motorvoertuigen_gemeente.parquet",
            d / "cbs_70072ned_measurecodes.parquet",
        ],
        raw,
    )


def source_70072_v3(raw: Path) -> SourceResult:
    f = raw / "odata3-csv-2015-rubennaatje" / "70072ned_UntypedDataSet_06062018_000805.csv"
    return _source(
        "cbs-70072ned-2015",
        "70072NED",
        "Regionale kerncijfers Nederland (versie 2018, peiljaar 2015)",
        V3_URL.format(table="70072NED"),
        30,
        extract_70072_v3(rawio.read_v3_csv(f)),
        [f],
        raw,
    )


def source_83648(raw: Path) -> SourceResult:
    f = raw / "odata3-csv-2015-rubennaatje" / "83648NED_UntypedDataSet_17052018_141347.csv"
    return _source(
        "cbs-83648ned",
        "83648NED",
        "Geregistreerde criminaliteit; soort misdrijf, regio",
        V3_URL.format(table="83648NED"),
        10,
        extract_crime_83648(rawio.read_v3_csv(f)),
        [f],
        raw,
    )


def source_83651(raw: Path) -> SourceResult:
    f = raw / "diefstallen-83651ned-brendaloznik" / "cbs_diefstallen.csv"
    return _source(
        "cbs-83651ned",
        "83651NED",
        "Geregistreerde diefstallen; diefstallen en verdachten, regio",
        V3_URL.format(table="83651NED"),
        10,
        extract_thefts_83651(rawio.read_v3_csv(f)),
        [f],
        raw,
    )


def source_kwb(raw: Path) -> list[SourceResult]:
    d = raw / "kwb-gemeente-2020-2025-marlinehuman"
    results = []
    editions = sorted(int(p.stem[3:7]) for p in d.glob("kwb20??_clean.csv"))
    if not editions:
        raise RawDataError(f"No KWB files kwb20XX_clean.csv in {d}")
    for edition in editions:
        f = d / f"kwb{edition}_clean.csv"
        frame = rawio.read_plain_csv(f, required=("gwb_code", *KWB_VARIABLES))
        # This extract multiplied the WOZ value by 1 000; back to CBS's unit (x 1 000 euro).
        frame["g_wozbag"] = (parse_cbs_series(frame["g_wozbag"]) / 1000.0).astype(str)
        obs = extract_kwb(frame, edition, provisional=edition == max(editions))
        results.append(
            _source(
                f"cbs-kwb-{edition}",
                KWB_TABLES.get(edition, f"KWB {edition}"),
                f"Kerncijfers wijken en buurten {edition} (gemeenten)",
                V3_URL.format(table=KWB_TABLES.get(edition, "")),
                40,
                obs,
                [f],
                raw,
                note="Extract of the CBS KWB Excel download; WOZ divided by 1 000 back to CBS's "
                "unit.",
            )
        )
    return results


def _name_to_code(names: pd.Series, lookup: dict[str, str], what: Path) -> pd.Series:
    # StatLine disambiguates a few names ("Utrecht (gemeente)" beside the province).
    codes = names.str.strip().str.replace(r" \(gemeente\)$", "", regex=True).map(lookup)
    unknown = sorted(set(names[codes.isna()].str.strip()) - {""})
    if unknown:
        log.info(
            "%s: %d names without a code, skipped (e.g. %s)", what.name, len(unknown), unknown[:3]
        )
    return codes


# The export does not name its table id; StatLine's title is the citation.
INCOME_TABLE = "StatLine Inkomen van huishoudens (indeling 2024)"


def source_income_2024(raw: Path, names: dict[str, str]) -> SourceResult:
    f = raw / "statline-csv-swienn" / "Inkomen_van_huishoudens__regio_11122025_135329.csv"
    frame = rawio.read_statline_csv(f, mangled_quotes=True)
    region_col = next(c for c in frame.columns if c.startswith("Regio"))
    frame["RegioS"] = _name_to_code(frame[region_col], names, f)
    frame = frame.dropna(subset=["RegioS"])
    status = np.where(frame["Perioden"].str.contains(r"\*"), "provisional", "definitive")
    columns = {
        "income_household_mean_disposable": "Gemiddeld besteedbaar inkomen",
        "income_household_mean_standardised": "Gemiddeld gestandaardiseerd inkomen",
        "income_household_median_standardised": "Mediaan gestandaardiseerd inkomen",
    }
    parts = []
    for indicator, title in columns.items():
        col = next((c for c in frame.columns if title in c), None)
        if col is None:
            raise RawDataError(f"{f}: no column with {title!r}")
        parts.append(
            _rows(
                frame,
                indicator,
                parse_cbs_series(frame[col], decimal_comma=True),
                status=pd.Series(status),
            )
        )
    return _source(
        "cbs-inkomen-huishoudens-2024",
        INCOME_TABLE,
        "Inkomen van huishoudens; huishoudenskenmerken, regio (indeling 2024)",
        "https://opendata.cbs.nl/statline/",
        10,
        _finish(parts, "cbs-inkomen-huishoudens-2024", INCOME_TABLE),
        [f],
        raw,
        note="StatLine CSV export with mangled quoting; names mapped to codes.",
    )


def source_life_expectancy(raw: Path) -> list[SourceResult]:
    d = raw / "levensverwachting-yasminesfk"
    f = d / "71950ned_TypedDataSet_29012025_112846.csv"
    nl = _source(
        "cbs-71950ned",
        "71950ned",
        "Gezonde levensverwachting; geslacht, leeftijd",
        V3_URL.format(table="71950ned"),
        10,
        extract_life_expectancy_71950(rawio.read_v3_csv(f)),
        [f],
        raw,
    )
    g = d / "klik_lv_ggd_20192022.csv"
    frame = rawio.read_plain_csv(g, sep=";", required=("GGD-regio", "Geslacht", "Bij geboorte"))
    sel = frame[
        frame["GGD-regio"].str.strip().eq("GGD Drenthe")
        & frame["Geslacht"].str.strip().eq("Totaal")
    ]
    if len(sel) != 1:
        raise RawDataError(f"{g}: expected one GGD Drenthe total row, found {len(sel)}")
    sel = sel.assign(RegioS=DRENTHE, Perioden="2019-2022")
    obs = _rows(
        sel,
        "life_expectancy",
        parse_cbs_series(sel["Bij geboorte"], decimal_comma=True),
        year=pd.Series(2022, index=sel.index),
    )
    ggd = _source(
        "rivm-levensverwachting-ggd",
        "VZinfo levensverwachting GGD-regio 2019-2022",
        "Levensverwachting per GGD-regio 2019-2022 (RIVM VZinfo, CBS-cijfers)",
        "https://www.vzinfo.nl/levensverwachting/regionaal",
        10,
        _finish([obs], "rivm-levensverwachting-ggd", "VZinfo GGD-regio"),
        [g],
        raw,
        note="GGD Drenthe covers exactly the province Drenthe; stored as PV22.",
    )
    return [nl, ggd]


HEALTH_MONITOR_COLUMNS = {
    "perceived_health_good": "Ervaren_gezondheid",
    "psychological_complaints": "Psychische_klachten",
    "meets_exercise_guideline": "Voldoet_aan_beweegrichtlijn",
    "smokers": "Rokers",
}


def source_health_monitor(raw: Path) -> SourceResult:
    f = (
        raw
        / "misc-small"
        / "gezond-oud-worden"
        / "Gezondheidsmonitor__bevolking_18_jaar_of_ouder__regio__2022_22012025_151906.csv"
    )
    frame = rawio.read_statline_csv(f)
    regions = {"Nederland": NEDERLAND, "GGD Drenthe (GG)": DRENTHE}
    frame["RegioS"] = frame["Regio"].str.strip().map(regions)
    frame = frame.dropna(subset=["RegioS"]).assign(Perioden="2022")
    parts = []
    for indicator, title in HEALTH_MONITOR_COLUMNS.items():
        col = next(c for c in frame.columns if title in c)
        parts.append(_rows(frame, indicator, parse_cbs_series(frame[col], decimal_comma=True)))
    return _source(
        "gezondheidsmonitor-2022",
        "Gezondheidsmonitor Volwassenen en Ouderen 2022",
        "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2022",
        "https://opendata.cbs.nl/statline/",
        10,
        _finish(parts, "gezondheidsmonitor-2022", "Gezondheidsmonitor 2022"),
        [f],
        raw,
        note="GGD Drenthe covers exactly the province Drenthe; stored as PV22.",
    )


def source_outlook(raw: Path, corop_names: dict[str, str]) -> SourceResult:
    f = raw / "prognose-reference-pages" / "prognose_reference_points.csv"
    frame = rawio.read_plain_csv(
        f, required=("table_or_source", "region", "region_type", "period", "value", "unit")
    )
    frame = frame[frame["table_or_source"].eq("84527NED")]  # CBS table pages, not news items

    def code(row: pd.Series) -> str | None:
        if row["region_type"] == "COROP":
            return corop_names.get(row["region"].replace(" (CR)", "").strip())
        return {"NL": NEDERLAND}.get(row["region_type"], row["region_type"])

    frame = frame.assign(RegioS=frame.apply(code, axis=1), Perioden=frame["period"])
    if frame["RegioS"].isna().any():
        raise RawDataError(f"{f}: COROP name without a code: {frame[frame.RegioS.isna()]}")
    obs = _rows(frame, "population_outlook", parse_cbs_series(frame["value"]), status="transcribed")
    return _source(
        "cbs-84527ned-transcribed",
        "84527NED",
        "Regionale prognose 2020-2050; bevolking, intervallen, regio-indeling 2018",
        "https://www.cbs.nl/nl-nl/cijfers/detail/84527NED",
        10,
        _finish([obs], "cbs-84527ned-transcribed", "84527NED"),
        [f],
        raw,
        note="Reference points transcribed by hand from the CBS table page.",
    )


def source_wijken_2024(
    raw: Path, gemeente_codes: dict[str, str], wijk_names: pd.DataFrame
) -> SourceResult:
    """KWB 2024 wijk figures of the four municipalities (85984NED)."""
    f = raw / "kwb2024-niquedegraaff" / "stripped_filtered_data_2024.json"
    data = rawio.read_json(f)
    if not isinstance(data, dict):
        raise RawDataError(f"{f}: expected an object keyed by region code")
    prefixes = tuple(f"WK{code[2:]}" for code in FOCUS_MUNICIPALITIES)
    rows = [
        {"RegioS": code, **values} for code, values in data.items() if code.startswith(prefixes)
    ]
    frame = pd.DataFrame(rows).assign(Perioden="2024")
    keys = [c for c in frame.columns if c not in ("RegioS", "Perioden")]
    parts = []
    for indicator, name in (
        ("wijk_population", "AantalInwoners"),
        ("wijk_population_density", "Bevolkingsdichtheid"),
        ("wijk_dwelling_stock", "Woningvoorraad"),
    ):
        parts.append(_rows(frame, indicator, parse_cbs_series(frame[resolve_key(keys, name)])))
    # Origin shares from the StatLine export: wijk rows are named "Wijk NN Naam", and NN is
    # the last two digits of the wijk code (WK + gemeente number + NN).
    g = raw / "statline-csv-swienn" / "Kerncijfers_wijken_en_buurten_2024_11122025_141648.csv"
    kwb = rawio.read_statline_csv(g)
    kwb.columns = ["naam", "gemeente", "inwoners", "nl", "europa", "buiten_europa"]
    # Some gemeenten (Borger-Odoorn) name wijken without the number: there the wijk name of the
    # boundary file is used, first occurrence (a wijk row precedes its buurten of equal name).
    # Both routes are checked below against the inhabitants in the coded JSON.
    number = kwb["naam"].str.extract(r"^Wijke? (\d{2}) ", expand=False)
    gm = kwb["gemeente"].str.strip().map(gemeente_codes)
    by_name = {(r.gemeentecode, r.wijknaam.strip()): r.wijkcode for r in wijk_names.itertuples()}
    named = pd.Series(
        [by_name.get((c, n.strip())) for c, n in zip(gm, kwb["naam"], strict=True)], index=kwb.index
    )
    kwb["RegioS"] = ("WK" + gm.str[2:] + number).fillna(named)
    kwb = kwb.dropna(subset=["RegioS"])
    kwb = kwb[kwb["RegioS"].str.startswith(prefixes)].drop_duplicates("RegioS")
    kwb = kwb.assign(Perioden="2024")
    check = parse_cbs_series(kwb.set_index("RegioS")["inwoners"])
    json_pop = parse_cbs_series(frame.set_index("RegioS")[resolve_key(keys, "AantalInwoners")])
    differ = (check - json_pop.reindex(check.index)).abs() > 0
    if differ.any() or set(check.index) != set(json_pop.index):
        raise RawDataError(
            f"{g}: wijk inhabitants disagree with {f.name} for "
            f"{sorted(check.index[differ])[:5]} (or the wijk sets differ)"
        )
    share = 100.0 * parse_cbs_series(kwb["buiten_europa"]) / parse_cbs_series(kwb["inwoners"])
    parts.append(_rows(kwb, "wijk_origin_outside_europe", share, status="derived"))
    return _source(
        "cbs-kwb-2024-wijken",
        "85984NED",
        "Kerncijfers wijken en buurten 2024 (wijken)",
        V3_URL.format(table="85984NED"),
        10,
        _finish(parts, "cbs-kwb-2024-wijken", "85984NED"),
        [f, g],
        raw,
        note="Wijken of the four municipalities; StatLine names matched to wijk codes.",
    )


# --- region lookups from "Gebieden in Nederland" ----------------------------------------------


@dataclass
class RegionLookups:
    membership: pd.DataFrame  # year, gemeente, provincie, corop
    names: pd.DataFrame  # code, name, level, provincie, corop, ggd, current
    name_to_code: dict[str, str]
    corop_name_to_code: dict[str, str]


GEBIEDEN_MEASURES = {
    "GM000C_1": "gm_name",
    "PV0001": "provincie",
    "PV0002": "pv_name",
    "CR0001": "corop",
    "CR0002": "cr_name",
    "GG0001": "ggd",
    "GG0002": "ggd_name",
}


def read_region_lookups(raw: Path) -> RegionLookups:
    """Gemeente -> provincie/COROP per year, and names, from the 'Gebieden in Nederland' tables."""
    d = raw / "odata4-parquet-datavakwerk"
    files = sorted(d.glob("cbs_gebieden_20??.parquet"))
    if not files:
        raise RawDataError(f"No cbs_gebieden_YYYY.parquet in {d}")
    return lookups_from_gebieden({int(p.stem[-4:]): rawio.read_v4_parquet(p) for p in files})


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
    return RegionLookups(
        membership[["year", "gemeente", "provincie", "corop"]], names, name_to_code, corop_map
    )


# --- assembly ---------------------------------------------------------------------------------


def resolve_overlaps(results: list[SourceResult]) -> tuple[pd.DataFrame, list[str]]:
    """One row per key: the highest-priority source wins; disagreements are reported."""
    frames = []
    for r in results:
        frames.append(r.observations.assign(_priority=r.priority))
    obs = pd.concat(frames, ignore_index=True).sort_values(["_priority", "source"])
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


def derive_aggregates(obs: pd.DataFrame, membership: pd.DataFrame) -> pd.DataFrame:
    """Derived figures for ZOD always, and for Drenthe and Nederland where CBS has none.

    Rates with a declared numerator and denominator (``aggregate_ratio``) are recomputed from
    summed counts; other rates are weighted by their denominator indicator (population,
    dwellings, households), which gives the same result when the rate is count/denominator;
    counts are summed. ZOD and Drenthe need every member; Nederland needs members holding 97 %
    of the weight (a handful of small municipalities may have a suppressed value).
    """
    gemeenten = obs[obs["region"].str.startswith("GM")]
    by_key = gemeenten.set_index(["indicator", "year", "region"])["value"].sort_index()
    present_keys = set(by_key.index.droplevel(2))
    existing = set(zip(obs["indicator"], obs["region"], obs["year"], strict=True))
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
            for region, need in ((ZOD, 1.0), (DRENTHE, 1.0), (NEDERLAND, 0.97)):
                if (ind.id, region, year) in existing:
                    continue
                members = members_of(region, membership, int(year))
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


def assemble(results: list[SourceResult], lookups: RegionLookups) -> tuple[pd.DataFrame, list[str]]:
    """All sources -> final observations (sorted, typed) plus cross-check warnings."""
    obs, warnings = resolve_overlaps(results)
    unknown = sorted(set(obs["indicator"]) - set(catalog.BY_ID))
    if unknown:
        raise RawDataError(f"Indicators produced but not in the catalog: {unknown}")
    derived = derive_aggregates(obs, lookups.membership)
    obs = pd.concat([obs, derived], ignore_index=True)
    obs = obs.astype(
        {
            "indicator": "string",
            "region": "string",
            "year": "int64",
            "value": "float64",
            "source": "string",
            "table": "string",
            "period": "string",
            "status": "string",
        }
    )
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
    return table.sort_values(["level", "code"]).reset_index(drop=True)


SourceFn = Callable[[Path], SourceResult | list[SourceResult]]


def offline_sources(
    raw: Path, lookups: RegionLookups, wijk_names: pd.DataFrame
) -> list[SourceResult]:
    """Every offline recipe, in a fixed order."""
    results: list[SourceResult] = []
    recipes: list[Callable[[], SourceResult | list[SourceResult]]] = [
        lambda: source_03759(raw),
        lambda: source_70072_v4(raw),
        lambda: source_70072_v3(raw),
        lambda: source_kwb(raw),
        lambda: source_83625(raw),
        lambda: source_83648(raw),
        lambda: source_83651(raw),
        lambda: source_income_2024(raw, lookups.name_to_code),
        lambda: source_life_expectancy(raw),
        lambda: source_health_monitor(raw),
        lambda: source_outlook(raw, lookups.corop_name_to_code),
        lambda: source_wijken_2024(raw, lookups.name_to_code, wijk_names),
    ]
    for recipe in recipes:
        out = recipe()
        results.extend(out if isinstance(out, list) else [out])
    return results


def source_manifest(results: list[SourceResult]) -> list[dict[str, object]]:
    """Manifest entries: one per source, with the rows it contributed after overlaps."""
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
