"""Offline sources: the raw CBS files in ``../shared/cbs-raw``, one adapter per folder.

One small adapter per raw folder reads its files with the reader for their format
(:mod:`indicators.sources`), gives the frame region codes and periods as CBS writes them, and
hands it to the recipe-driven :func:`indicators.extract.extract` under the table family the file
belongs to. Adding an indicator therefore touches only its catalog record; a new file format
needs one reader and one adapter here.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from indicators.assemble import SourceResult
from indicators.errors import RawDataError
from indicators.extract import extract, v4_wide
from indicators.lookups import RegionLookups
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND
from indicators.sources import raw as rawio
from indicators.sources.dbf import read_dbf
from indicators.sources.values import parse_cbs_series
from indicators.sources.xlsx import read_odata_xlsx

log = logging.getLogger(__name__)

V3_URL = "https://opendata.cbs.nl/ODataApi/odata/{table}"
V4_URL = "https://datasets.cbs.nl/odata/v1/CBS/{table}"
RIVM_URL = "https://statline.rivm.nl/#/RIVM/nl/dataset/{table}"
# Table ids of the KWB editions, to cite the offline extracts (the live refresh finds them in
# the CBS catalog by title instead).
KWB_TABLES = {
    2016: "83487NED",
    2017: "83765NED",
    2018: "84286NED",
    2019: "84583NED",
    2020: "84799NED",
    2021: "85039NED",
    2022: "85318NED",
    2023: "85618NED",
    2024: "85984NED",
    2025: "86165NED",
}


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


def _numbers(frame: pd.DataFrame, skip: tuple[str, ...], decimal_comma: bool) -> pd.DataFrame:
    """Parse every value column of a text frame (StatLine exports, KWB extracts)."""
    return pd.DataFrame(
        {
            column: frame[column]
            if column in skip
            else parse_cbs_series(frame[column], decimal_comma=decimal_comma)
            for column in frame.columns
        }
    )


# --- v4 JSON and Parquet -------------------------------------------------------------------------


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
        extract(
            v4_wide(obs, measures),
            "03759ned",
            source_id="cbs-03759ned",
            table="03759ned",
            period_status=status,
        ),
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
        extract(
            v4_wide(obs, measures),
            "83625NED",
            source_id="cbs-83625ned",
            table="83625NED",
            period_status=status,
        ),
        [d],
        raw,
    )


def source_70072_v4(raw: Path) -> SourceResult:
    d = raw / "odata4-parquet-datavakwerk"
    f = d / "cbs_70072ned_motorvoertuigen_gemeente.parquet"
    m = d / "cbs_70072ned_measurecodes.parquet"
    obs = rawio.read_v4_parquet(f)
    measures = rawio.read_region_codes(m)  # a code list like any other: Identifier, Title
    frame = v4_wide(obs, measures)
    return _source(
        "cbs-70072ned-v4",
        "70072NED",
        "Regionale kerncijfers Nederland",
        V4_URL.format(table="70072ned"),
        20,
        extract(frame, "70072NED", source_id="cbs-70072ned-v4", table="70072NED"),
        [f, m],
        raw,
    )


# --- 70072NED: OData CSV downloads and a StatLine export -----------------------------------------


def source_70072_2015(raw: Path) -> SourceResult:
    f = raw / "odata3-csv-2015-rubennaatje" / "70072ned_UntypedDataSet_06062018_000805.csv"
    return _source(
        "cbs-70072ned-2015",
        "70072NED",
        "Regionale kerncijfers Nederland (versie 2018, peiljaar 2015)",
        V3_URL.format(table="70072NED"),
        30,
        extract(rawio.read_v3_csv(f), "70072NED", source_id="cbs-70072ned-2015", table="70072NED"),
        [f],
        raw,
    )


def source_70072_age(raw: Path) -> SourceResult:
    f = raw / "70072ned-odata-age-2004-2023" / "regionale_kerncijfers_subset.csv"
    return _source(
        "cbs-70072ned-leeftijd",
        "70072NED",
        "Regionale kerncijfers Nederland (leeftijdsgroepen, gemeenten 2004-2023)",
        V3_URL.format(table="70072NED"),
        25,
        extract(
            rawio.read_v3_csv(f), "70072NED", source_id="cbs-70072ned-leeftijd", table="70072NED"
        ),
        [f],
        raw,
        note="OData CSV selection (20 keys); rows of municipalities that did not exist in a "
        "year are empty.",
    )


def statline_frame(
    path: Path, lookups: RegionLookups, *, region: str = "Regio's", mangled: bool = False
) -> pd.DataFrame:
    """A StatLine CSV export with names mapped to GM codes and values parsed (decimal comma)."""
    frame = rawio.read_statline_csv(path, mangled_quotes=mangled)
    if region not in frame.columns:
        raise RawDataError(f"{path}: no region column {region!r}; found {list(frame.columns)[:5]}")
    if "Perioden" not in frame.columns:
        raise RawDataError(f"{path}: no Perioden column; found {list(frame.columns)[:5]}")
    names = frame[region]
    frame = frame.assign(RegioS=lookups.codes_for(names, path.name))
    frame.loc[names.str.strip().eq("Nederland"), "RegioS"] = NEDERLAND
    frame = frame.dropna(subset=["RegioS"])
    skip = ("RegioS", "Perioden", region, *[c for c in frame.columns if not _is_value(c)])
    return _numbers(frame, skip, decimal_comma=True)


def _is_value(column: str) -> bool:
    """StatLine value columns carry a unit in brackets: ``Totale bevolking (aantal)``."""
    return column.rstrip().endswith(")")


def source_70072_statline(raw: Path, lookups: RegionLookups) -> SourceResult:
    f = raw / "70072ned-statline-1995-2021" / "Regionale_kerncijfers_Nederland_29012022_153425.csv"
    frame = statline_frame(f, lookups)
    return _source(
        "cbs-70072ned-statline",
        "70072NED",
        "Regionale kerncijfers Nederland (StatLine-export 29-01-2022, gemeenten 1995-2021)",
        "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/70072NED",
        35,
        extract(frame, "70072NED", source_id="cbs-70072ned-statline", table="70072NED"),
        [f],
        raw,
        note="Municipality names mapped to codes (Gebieden in Nederland, 70072ned RegioSCodes).",
    )


# --- KWB: clean extracts 2020-2025, the 2018 .dbf, the 2022 business columns ---------------------


def source_kwb(raw: Path) -> list[SourceResult]:
    d = raw / "kwb-gemeente-2020-2025-marlinehuman"
    results = []
    editions = sorted(int(p.stem[3:7]) for p in d.glob("kwb20??_clean.csv"))
    if not editions:
        raise RawDataError(f"No KWB files kwb20XX_clean.csv in {d}")
    for edition in editions:
        f = d / f"kwb{edition}_clean.csv"
        frame = rawio.read_plain_csv(f, required=("gwb_code", "a_inw", "g_wozbag"))
        frame = _numbers(frame, ("gwb_code", "gm_naam", "recs", "year"), decimal_comma=False)
        # This extract multiplied the WOZ value by 1 000; back to CBS's unit (x 1 000 euro).
        frame["g_wozbag"] = frame["g_wozbag"] / 1000.0
        frame = frame.assign(RegioS=frame["gwb_code"], Perioden=f"KWB {edition}", _year=edition)
        table = KWB_TABLES.get(edition, f"KWB {edition}")
        source_id = f"cbs-kwb-{edition}"
        obs = extract(
            frame,
            "KWB",
            source_id=source_id,
            table=table,
            edition=edition,
            provisional=edition == max(editions),
        )
        results.append(
            _source(
                source_id,
                table,
                f"Kerncijfers wijken en buurten {edition} (gemeenten)",
                V3_URL.format(table=table),
                40,
                obs,
                [f],
                raw,
                note="Extract of the CBS KWB Excel download; WOZ divided by 1 000 back to CBS's "
                "unit.",
            )
        )
    return results


def kwb_2018_frame(path: Path) -> pd.DataFrame:
    """The land records of the Wijk- en buurtkaart 2018 (one per municipality of 2018)."""
    frame = read_dbf(path, required=("GM_CODE", "WATER", "AANT_INW"))
    frame = frame[frame["WATER"].eq("NEE")]
    if frame["GM_CODE"].duplicated().any():
        raise RawDataError(f"{path}: more than one land record for a municipality")
    return frame.assign(RegioS=frame["GM_CODE"], Perioden="KWB 2018", _year=2018)


def source_kwb_2018(raw: Path) -> list[SourceResult]:
    f = raw / "kwb2018-gemeente-dbf" / "gemeente_2018_v2.dbf"
    frame = kwb_2018_frame(f)
    kwb = extract(frame, "KWB", source_id="cbs-kwb-2018", table=KWB_TABLES[2018], edition=2018)
    nearby = extract(frame, "Nabijheid", source_id="cbs-nabijheid-2018", table="80305NED")
    return [
        _source(
            "cbs-kwb-2018",
            KWB_TABLES[2018],
            "Kerncijfers wijken en buurten 2018 (gemeenten)",
            V3_URL.format(table=KWB_TABLES[2018]),
            40,
            kwb,
            [f],
            raw,
            note="Attribute table (.dbf) of the CBS Wijk- en buurtkaart 2018 versie 2; land "
            "records (WATER = NEE); -99999999 = missing.",
        ),
        _source(
            "cbs-nabijheid-2018",
            "80305NED",
            "Nabijheid voorzieningen; afstand locatie, regionale cijfers (2018, gemeenten)",
            V3_URL.format(table="80305NED"),
            40,
            nearby,
            [f],
            raw,
            note="From the Wijk- en buurtkaart 2018 versie 2 (.dbf): its distances (AF_*/AV*) "
            "are CBS's nabijheid statistics of 2018 (Drenthe, population-weighted, = 80305NED "
            "2018).",
        ),
    ]


def source_kwb_2022_businesses(raw: Path) -> SourceResult:
    f = raw / "kwb2022-businesses-85318ned" / "Dataset_subset2.csv"
    frame = rawio.read_v3_csv(f, require_period=False)
    if "WijkenEnBuurten" not in frame.columns:
        raise RawDataError(f"{f}: no WijkenEnBuurten column")
    codes = frame["WijkenEnBuurten"].replace({"NL00": NEDERLAND})
    frame = frame.assign(RegioS=codes, Perioden="KWB 2022", _year=2022)
    return _source(
        "cbs-kwb-2022-bedrijven",
        "85318NED",
        "Kerncijfers wijken en buurten 2022 (gemeenten)",
        V3_URL.format(table="85318NED"),
        45,
        extract(frame, "KWB", source_id="cbs-kwb-2022-bedrijven", table="85318NED", edition=2022),
        [f],
        raw,
        note="85318NED, column selection of the first release; only the business columns "
        "(bedrijfsvestigingen) are filled.",
    )


# --- crime and thefts ----------------------------------------------------------------------------


def source_83648(raw: Path) -> SourceResult:
    f = raw / "odata3-csv-2015-rubennaatje" / "83648NED_UntypedDataSet_17052018_141347.csv"
    return _source(
        "cbs-83648ned",
        "83648NED",
        "Geregistreerde criminaliteit; soort misdrijf, regio",
        V3_URL.format(table="83648NED"),
        10,
        extract(rawio.read_v3_csv(f), "83648NED", source_id="cbs-83648ned", table="83648NED"),
        [f],
        raw,
    )


def source_83648_statline(raw: Path, lookups: RegionLookups) -> SourceResult:
    f = raw / "crime-83648ned-2013-2017" / "Veiligheid.csv"
    frame = statline_frame(f, lookups)
    if "Soort misdrijf" not in frame.columns:
        raise RawDataError(f"{f}: no 'Soort misdrijf' column")
    frame = frame.rename(columns={"Soort misdrijf": "SoortMisdrijf"})
    return _source(
        "cbs-83648ned-2013-2017",
        "83648NED",
        "Geregistreerde criminaliteit; soort misdrijf, regio (StatLine-export, 2013-2017)",
        "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/83648NED",
        15,
        extract(frame, "83648NED", source_id="cbs-83648ned-2013-2017", table="83648NED"),
        [f],
        raw,
        note="Municipality names mapped to codes; 'Niet-gemeentelijk ingedeeld' left out.",
    )


def source_83651(raw: Path) -> SourceResult:
    f = raw / "diefstallen-83651ned-brendaloznik" / "cbs_diefstallen.csv"
    return _source(
        "cbs-83651ned",
        "83651NED",
        "Geregistreerde diefstallen; diefstallen en verdachten, regio",
        V3_URL.format(table="83651NED"),
        10,
        extract(rawio.read_v3_csv(f), "83651NED", source_id="cbs-83651ned", table="83651NED"),
        [f],
        raw,
    )


# --- health, labour, Fvw -------------------------------------------------------------------------

HEALTH_FILES = ("2012_18+.xlsx", "2016_18+.xlsx", "RIVM_gezondheid2020_18+.xlsx")


def source_health_50090(raw: Path) -> SourceResult:
    d = raw / "health-50090ned-2012-2016-2020"
    parts = []
    for name in HEALTH_FILES:
        frame = read_odata_xlsx(d / name, keep={"SoortRegio_2": ("Land", "Gemeente")})
        if "WijkenEnBuurten" not in frame.columns or "Perioden" not in frame.columns:
            raise RawDataError(f"{d / name}: no WijkenEnBuurten/Perioden columns")
        frame = frame.assign(RegioS=frame["WijkenEnBuurten"])
        parts.append(extract(frame, "50090NED", source_id="rivm-50090ned", table="50090NED"))
    return SourceResult(
        "rivm-50090ned",
        "50090NED",
        "Gezondheid per wijk en buurt (2012, 2016 en 2020; indeling 2020)",
        RIVM_URL.format(table="50090NED"),
        10,
        pd.concat(parts, ignore_index=True),
        [str((d / n).relative_to(raw)) for n in HEALTH_FILES],
        licence="CC BY 4.0",
        note="OData download saved as .xlsx; 18+ files (the 65+ file is not used).",
    )


def ggd_as_province(
    frame: pd.DataFrame, lookups: RegionLookups, year: int, province: str = DRENTHE
) -> pd.DataFrame:
    """Store a GGD region's figure as the province's when the GGD region consists of exactly
    the province's municipalities in that year (GGD Drenthe = Drenthe); else leave it out."""
    members = lookups.province_members(province, year)
    ggds = set(lookups.membership.loc[lookups.membership["gemeente"].isin(members), "ggd"])
    if len(ggds) == 1:
        ggd = ggds.pop()
        if lookups.ggd_members(ggd, year) == members:
            return frame.assign(RegioS=frame["RegioS"].replace({ggd: province}))
    log.warning("No GGD region coincides with %s in %s; no provincial figure", province, year)
    return frame


def source_young_adults_50140(raw: Path, lookups: RegionLookups) -> SourceResult:
    f = raw / "health-young-adults-50140ned-2024" / "50140NED_TypedDataSet_22092025_192544.csv"
    frame = rawio.read_v3_csv(f, require_period=False)
    frame = frame.assign(Perioden="2024")
    frame = ggd_as_province(frame, lookups, 2024)
    return SourceResult(
        "rivm-50140ned",
        "50140NED",
        "Gezondheidsmonitor Jongvolwassenen (2024); gemeenten, GGD-regio's",
        RIVM_URL.format(table="50140NED"),
        10,
        extract(frame, "50140NED", source_id="rivm-50140ned", table="50140NED"),
        [str(f.relative_to(raw))],
        licence="CC BY 4.0",
        note="One period (2024) per download; GGD Drenthe stored as the province Drenthe.",
    )


def source_labour_85494(raw: Path) -> SourceResult:
    d = raw / "labour-85494ned-2019-2022"
    files = sorted(d.glob("arbeidsdeelname_regionaleindeling*.csv"))
    if not files:
        raise RawDataError(f"No arbeidsdeelname_regionaleindeling*.csv in {d}")
    parts = [
        extract(rawio.read_v3_csv(f), "Arbeidsdeelname", source_id="cbs-85494ned", table="85494NED")
        for f in files
    ]
    return _source(
        "cbs-85494ned",
        "85494NED",
        "Arbeidsdeelname; regionale indeling 2022",
        V3_URL.format(table="85494NED"),
        10,
        pd.concat(parts, ignore_index=True),
        files,
        raw,
    )


def source_fvw(raw: Path, lookups: RegionLookups) -> SourceResult:
    d = raw / "fvw-60039fvw-2019"
    f = d / "FVW_2019.csv"
    year = re.search(r"(\d{4})", f.name)
    if year is None:
        raise RawDataError(f"{f}: the Fvw export has no period; expected a year in the name")
    frame = rawio.read_statline_pivot_csv(f)
    names = frame["Regio"]
    frame = _numbers(frame, ("Regio",), decimal_comma=True)
    frame = frame.assign(RegioS=lookups.codes_for(names, f.name), Perioden=year.group(1))
    frame = frame.dropna(subset=["RegioS"])
    return _source(
        "cbs-60039fvw-2019",
        "60039fvw",
        "Maatstaven Financiële-verhoudingswet (Fvw), 2019",
        "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/60039fvw",
        10,
        extract(frame, "Fvw", source_id="cbs-60039fvw-2019", table="60039fvw"),
        [f],
        raw,
        note="StatLine pivot export with municipality names; the period is in the file name.",
    )


# --- sources kept from the first build -----------------------------------------------------------


def source_income_2024(raw: Path, lookups: RegionLookups) -> SourceResult:
    f = raw / "statline-csv-swienn" / "Inkomen_van_huishoudens__regio_11122025_135329.csv"
    frame = rawio.read_statline_csv(f, mangled_quotes=True)
    region = next(c for c in frame.columns if c.startswith("Regio"))
    frame = frame.rename(columns={region: "Regio's"})
    names = frame["Regio's"]
    frame = frame.assign(RegioS=lookups.codes_for(names, f.name))
    frame.loc[names.str.strip().eq("Nederland"), "RegioS"] = NEDERLAND
    frame = frame.dropna(subset=["RegioS"])
    skip = ("RegioS", "Perioden", *[c for c in frame.columns if not _is_value(c)])
    frame = _numbers(frame, skip, decimal_comma=True)
    table = "StatLine Inkomen van huishoudens (indeling 2024)"
    return _source(
        "cbs-inkomen-huishoudens-2024",
        table,
        "Inkomen van huishoudens; huishoudenskenmerken, regio (indeling 2024)",
        "https://opendata.cbs.nl/statline/",
        10,
        extract(
            frame, "Inkomen huishoudens", source_id="cbs-inkomen-huishoudens-2024", table=table
        ),
        [f],
        raw,
        note="StatLine CSV export with mangled quoting; names mapped to codes.",
    )


def source_life_expectancy(raw: Path) -> list[SourceResult]:
    d = raw / "levensverwachting-yasminesfk"
    f = d / "71950ned_TypedDataSet_29012025_112846.csv"
    frame = rawio.read_v3_csv(f).assign(RegioS=NEDERLAND)
    nl = _source(
        "cbs-71950ned",
        "71950ned",
        "Gezonde levensverwachting; geslacht, leeftijd",
        V3_URL.format(table="71950ned"),
        10,
        extract(frame, "71950ned", source_id="cbs-71950ned", table="71950ned"),
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
    sel = _numbers(sel[["Bij geboorte"]], (), decimal_comma=True)
    sel = sel.assign(RegioS=DRENTHE, Perioden="2019-2022", _year=2022)
    ggd = _source(
        "rivm-levensverwachting-ggd",
        "VZinfo levensverwachting GGD-regio 2019-2022",
        "Levensverwachting per GGD-regio 2019-2022 (RIVM VZinfo, CBS-cijfers)",
        "https://www.vzinfo.nl/levensverwachting/regionaal",
        10,
        extract(sel, "VZinfo", source_id="rivm-levensverwachting-ggd", table="VZinfo GGD-regio"),
        [g],
        raw,
        note="GGD Drenthe covers exactly the province Drenthe; stored as PV22.",
    )
    return [nl, ggd]


def source_health_monitor(raw: Path) -> SourceResult:
    f = (
        raw
        / "misc-small"
        / "gezond-oud-worden"
        / "Gezondheidsmonitor__bevolking_18_jaar_of_ouder__regio__2022_22012025_151906.csv"
    )
    frame = rawio.read_statline_csv(f)
    regions = {"Nederland": NEDERLAND, "GGD Drenthe (GG)": DRENTHE}
    frame = frame.assign(RegioS=frame["Regio"].str.strip().map(regions), Perioden="2022")
    frame = frame.dropna(subset=["RegioS"])
    frame = _numbers(frame, ("Regio", "RegioS", "Perioden"), decimal_comma=True)
    return _source(
        "gezondheidsmonitor-2022",
        "Gezondheidsmonitor Volwassenen en Ouderen 2022",
        "Gezondheidsmonitor; bevolking 18 jaar of ouder, regio, 2022",
        "https://opendata.cbs.nl/statline/",
        10,
        extract(
            frame,
            "Gezondheidsmonitor 2022",
            source_id="gezondheidsmonitor-2022",
            table="Gezondheidsmonitor 2022",
        ),
        [f],
        raw,
        note="GGD Drenthe covers exactly the province Drenthe; stored as PV22.",
    )


def source_outlook(raw: Path, lookups: RegionLookups) -> SourceResult:
    f = raw / "prognose-reference-pages" / "prognose_reference_points.csv"
    frame = rawio.read_plain_csv(
        f, required=("table_or_source", "region", "region_type", "period", "value", "unit")
    )
    frame = frame[frame["table_or_source"].eq("84527NED")]  # CBS table pages, not news items

    def code(row: pd.Series) -> str | None:
        if row["region_type"] == "COROP":
            return lookups.corop_name_to_code.get(row["region"].replace(" (CR)", "").strip())
        return {"NL": NEDERLAND}.get(row["region_type"], row["region_type"])

    frame = frame.assign(
        RegioS=frame.apply(code, axis=1),
        Perioden=frame["period"],
        value=parse_cbs_series(frame["value"]),
    )
    if frame["RegioS"].isna().any():
        raise RawDataError(f"{f}: COROP name without a code: {frame[frame.RegioS.isna()]}")
    obs = extract(
        frame[["RegioS", "Perioden", "value"]],
        "Regionale prognose",
        source_id="cbs-84527ned-transcribed",
        table="84527NED",
    )
    obs["status"] = "transcribed"
    # COROP codes are not among the regions extract() keeps; add them back as transcribed.
    corop = frame[frame["RegioS"].str.startswith("CR")]
    extra = pd.DataFrame(
        {
            "indicator": "population_outlook",
            "region": corop["RegioS"],
            "year": corop["Perioden"].astype(int),
            "value": corop["value"],
            "source": "cbs-84527ned-transcribed",
            "table": "84527NED",
            "period": corop["Perioden"],
            "status": "transcribed",
        }
    )
    return _source(
        "cbs-84527ned-transcribed",
        "84527NED",
        "Regionale prognose 2020-2050; bevolking, intervallen, regio-indeling 2018",
        "https://www.cbs.nl/nl-nl/cijfers/detail/84527NED",
        10,
        pd.concat([obs, extra[obs.columns]], ignore_index=True),
        [f],
        raw,
        note="Reference points transcribed by hand from the CBS table page.",
    )


def source_wijken_2024(raw: Path, lookups: RegionLookups, wijk_names: pd.DataFrame) -> SourceResult:
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
    frame = _numbers(frame, ("RegioS", "Perioden"), decimal_comma=False)
    # Origin shares from the StatLine export: wijk rows are named "Wijk NN Naam", and NN is
    # the last two digits of the wijk code (WK + gemeente number + NN).
    g = raw / "statline-csv-swienn" / "Kerncijfers_wijken_en_buurten_2024_11122025_141648.csv"
    kwb = rawio.read_statline_csv(g)
    kwb.columns = ["naam", "gemeente", "inwoners", "nl", "europa", "buiten_europa"]
    # Some gemeenten (Borger-Odoorn) name wijken without the number: there the wijk name of the
    # boundary file is used, first occurrence (a wijk row precedes its buurten of equal name).
    # Both routes are checked below against the inhabitants in the coded JSON.
    number = kwb["naam"].str.extract(r"^Wijke? (\d{2}) ", expand=False)
    gm = kwb["gemeente"].str.strip().map(lookups.name_to_code)
    by_name = {(r.gemeentecode, r.wijknaam.strip()): r.wijkcode for r in wijk_names.itertuples()}
    named = pd.Series(
        [by_name.get((c, n.strip())) for c, n in zip(gm, kwb["naam"], strict=True)], index=kwb.index
    )
    kwb["RegioS"] = ("WK" + gm.str[2:] + number).fillna(named)
    kwb = kwb.dropna(subset=["RegioS"])
    kwb = kwb[kwb["RegioS"].str.startswith(prefixes)].drop_duplicates("RegioS")
    kwb = kwb.assign(Perioden="2024")
    kwb = _numbers(kwb, ("naam", "gemeente", "RegioS", "Perioden"), decimal_comma=True)
    check = kwb.set_index("RegioS")["inwoners"]
    inhabitants = next(k for k in keys if k.startswith("AantalInwoners"))
    json_pop = frame.set_index("RegioS")[inhabitants]
    differ = (check - json_pop.reindex(check.index)).abs() > 0
    if differ.any() or set(check.index) != set(json_pop.index):
        raise RawDataError(
            f"{g}: wijk inhabitants disagree with {f.name} for "
            f"{sorted(check.index[differ])[:5]} (or the wijk sets differ)"
        )
    merged = frame.merge(kwb[["RegioS", "inwoners", "buiten_europa"]], on="RegioS", how="left")
    return _source(
        "cbs-kwb-2024-wijken",
        "85984NED",
        "Kerncijfers wijken en buurten 2024 (wijken)",
        V3_URL.format(table="85984NED"),
        10,
        extract(
            merged,
            "85984NED wijken",
            source_id="cbs-kwb-2024-wijken",
            table="85984NED",
            wijken=True,
        ),
        [f, g],
        raw,
        note="Wijken of the four municipalities; StatLine names matched to wijk codes.",
    )
