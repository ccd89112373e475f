"""Extraction, overlap resolution and regional aggregation on small hand-built frames.

Every expected number is worked out by hand in a comment next to it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators import catalog
from indicators.assemble import (
    SourceResult,
    classification_members,
    derive_aggregates,
    from_indicators,
    resolve_overlaps,
)
from indicators.errors import CBSError
from indicators.extract import extract, resolve_term, select_keys, v4_wide
from indicators.recipes import Term
from indicators.regions import FOCUS_MUNICIPALITIES
from indicators.snapshot import OBS_COLUMNS
from indicators.sources import raw as rawio


def extract_70072_v3(frame: pd.DataFrame) -> pd.DataFrame:
    return extract(frame, "70072NED", source_id="cbs-70072ned-2015", table="70072NED")


def extract_kwb(frame: pd.DataFrame, edition: int, provisional: bool, **kw) -> pd.DataFrame:
    frame = frame.rename(columns={"gwb_code": "RegioS"}).assign(
        Perioden=f"KWB {edition}", _year=edition
    )
    return extract(
        frame,
        "KWB",
        source_id=f"cbs-kwb-{edition}",
        table={2024: "85984NED"}.get(edition, f"KWB {edition}"),
        edition=edition,
        provisional=provisional,
        **kw,
    )


def extract_v4(family: str, obs, measures, period_status=None) -> pd.DataFrame:
    return extract(
        v4_wide(obs, measures),
        family,
        source_id=f"cbs-{family.lower()}",
        table=family,
        period_status=period_status,
    )


def extract_thefts_83651(frame: pd.DataFrame) -> pd.DataFrame:
    return extract(frame, "83651NED", source_id="cbs-83651ned", table="83651NED")


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "raw"


def lookup(obs: pd.DataFrame) -> dict[tuple[str, str, int], float]:
    """(indicator, region, year) -> value; fails on duplicate keys."""
    keys = list(zip(obs["indicator"], obs["region"], obs["year"], strict=True))
    assert len(keys) == len(set(keys)), "duplicate (indicator, region, year) keys"
    return {(i, r, int(y)): float(v) for (i, r, y), v in zip(keys, obs["value"], strict=True)}


def rows_of(obs: pd.DataFrame, indicator: str) -> pd.DataFrame:
    return obs[obs["indicator"] == indicator].set_index("region")


# --- 70072NED in v3 shape ---------------------------------------------------------------------

REGIONS_70072 = ["GM0114", "PV22", "NL01", "GM0000", "LD01"]
# Column -> value per region in REGIONS_70072 order. Suffixes are arbitrary (found by name).
COLUMNS_70072: dict[str, list[float]] = {
    "TotaleBevolking_1": [100_000, 500_000, 17_000_000, 50, 1_700_000],
    "Nieuwbouwwoningen_86": [250, 1_320, 77_000, 1, 8_000],
    "VoorraadOp1Januari_84": [50_000, 220_000, 7_700_000, 20, 800_000],
    "TotaalAantalParticuliereHuishoudens_70": [48_000, 230_000, 7_900_000, 25, 780_000],
    "Koopwoningen_90": [62, 65, 56, 1, 60],
    "AfstandTotHuisartsenpraktijk_213": [1.4, 1.6, 1.0, 9, 1.2],
    "AfstandTotHuisartsenpost_214": [6.1, 7.0, 5.0, 9, 6.0],
    "AfstandTotZiekenhuis_215": [5.2, 9.0, 7.0, 9, 8.0],
    "AfstandTotKinderdagverblijf_216": [0.9, 1.1, 0.8, 9, 1.0],
    "AfstandTotSchoolBasisonderwijs_217": [0.8, 0.9, 0.7, 9, 0.8],
    "AfstandTotSchoolHavoVwo_218": [3.5, 5.0, 2.5, 9, 4.0],
    "AfstandTotGroteSupermarkt_219": [1.0, 1.2, 0.9, 9, 1.1],
    "AfstandTotBibliotheek_220": [2.2, 2.5, 1.8, 9, 2.0],
    "AfstandTotBioscoop_221": [np.nan, 12.0, 6.0, 9, 9.0],  # GM0114 suppressed
    "AfstandTotZwembad_222": [2.8, 3.1, 2.4, 9, 2.9],
    "AfstandTotTreinstation_223": [3.9, 8.0, 5.0, 9, 7.0],
    "AantalBasisonderwijsscholenBinnen3Km_226": [5.5, 4.0, 8.0, 9, 5.0],
    "AantalGroteSupermarktenBinnen3Km_227": [3.5, 2.5, 5.0, 9, 3.0],
    "TotaalAantalBanen_111": [45, 200, 8_500, 1, 700],  # x 1 000 banen
    # Income: first block = mean disposable, second block = mean standardised.
    "TotaalParticuliereHuishoudens_142": [40.1, 45.3, 47.0, 9, 44.0],
    "TotaalParticuliereHuishoudens_150": [28.3, 31.0, 33.4, 9, 30.0],
    "Werkloosheid_159": [3_000, 10_000, 425_000, 5, 40_000],
    "BijstandTotDeAOWLeeftijd_161": [2_000, 7_500, 340_000, 5, 30_000],
    "ArbeidsongeschiktheidTotaal_163": [8_000, 35_000, 1_020_000, 5, 100_000],
    "BedrijfsvestigingenTotaal_170": [7_000, 40_000, 1_700_000, 5, 150_000],
    "TotaalHuishoudelijkAfval_238": [50_000, 240_000, 8_500_000, 9, 700_000],  # x 1 000 kg
    "HuishoudelijkRestafval_240": [20_000, 90_000, 3_400_000, 5, 300_000],  # x 1 000 kg
    "GrofHuishoudelijkRestafval_241": [5_000, 30_000, 850_000, 1, 60_000],  # x 1 000 kg
}


def frame_70072() -> pd.DataFrame:
    frame = pd.DataFrame({"ID": [str(i) for i in range(len(REGIONS_70072))]})
    frame["RegioS"] = REGIONS_70072
    frame["Perioden"] = "2015JJ00"
    for column, values in COLUMNS_70072.items():
        frame[column] = [float(v) for v in values]
    return frame


def test_extract_70072_v3_per_capita_rates():
    values = lookup(extract_70072_v3(frame_70072()))
    # Emmen: population 100,000
    assert values[("unemployment_benefits_per_1000", "GM0114", 2015)] == pytest.approx(30.0)
    # 3,000 * 1,000 / 100,000 = 30
    assert values[("social_assistance_per_1000", "GM0114", 2015)] == pytest.approx(20.0)
    # 2,000 * 1,000 / 100,000 = 20
    assert values[("disability_benefits_per_1000", "GM0114", 2015)] == pytest.approx(80.0)
    # 8,000 * 1,000 / 100,000 = 80
    assert values[("jobs_per_1000", "GM0114", 2015)] == pytest.approx(450.0)
    # 45 (x 1 000 banen) * 1,000 * 1,000 / 100,000 = 450
    assert values[("businesses", "GM0114", 2015)] == 7_000.0  # the count; the rate per
    # 1,000 inhabitants is computed from indicators at assembly (test_from_indicators)
    assert values[("residual_waste_per_inhabitant", "GM0114", 2015)] == pytest.approx(200.0)
    # 20,000 (x 1 000 kg) * 1,000 / 100,000 = 200 kg
    assert values[("new_dwellings_per_1000", "GM0114", 2015)] == pytest.approx(5.0)
    # 250 * 1,000 / 50,000 dwellings = 5

    # Drenthe: population 500,000, dwellings 220,000
    assert values[("unemployment_benefits_per_1000", "PV22", 2015)] == pytest.approx(20.0)
    # 10,000 * 1,000 / 500,000 = 20
    assert values[("jobs_per_1000", "PV22", 2015)] == pytest.approx(400.0)
    # 200 * 1e6 / 500,000 = 400
    assert values[("residual_waste_per_inhabitant", "PV22", 2015)] == pytest.approx(180.0)
    # 90,000 * 1,000 / 500,000 = 180
    assert values[("new_dwellings_per_1000", "PV22", 2015)] == pytest.approx(6.0)
    # 1,320 * 1,000 / 220,000 = 6

    # Nederland: population 17,000,000, dwellings 7,700,000
    assert values[("unemployment_benefits_per_1000", "NL01", 2015)] == pytest.approx(25.0)
    # 425,000 * 1,000 / 17e6 = 25
    assert values[("jobs_per_1000", "NL01", 2015)] == pytest.approx(500.0)
    # 8,500 * 1e6 / 17e6 = 500
    assert values[("new_dwellings_per_1000", "NL01", 2015)] == pytest.approx(10.0)
    # 77,000 * 1,000 / 7.7e6 = 10


def test_extract_70072_v3_waste_separation():
    values = lookup(extract_70072_v3(frame_70072()))
    assert values[("waste_total", "GM0114", 2015)] == 50_000.0
    # separated = total - residual - bulky residual = 50,000 - 20,000 - 5,000 = 25,000
    assert values[("waste_separated", "GM0114", 2015)] == pytest.approx(25_000.0)
    # share = 100 * 25,000 / 50,000 = 50 %
    assert values[("waste_separated_share", "GM0114", 2015)] == pytest.approx(50.0)
    # PV22: 240,000 - 90,000 - 30,000 = 120,000; 100 * 120,000 / 240,000 = 50 %
    assert values[("waste_separated", "PV22", 2015)] == pytest.approx(120_000.0)
    assert values[("waste_separated_share", "PV22", 2015)] == pytest.approx(50.0)
    # NL01: 8,500,000 - 3,400,000 - 850,000 = 4,250,000; share 50 %
    assert values[("waste_separated", "NL01", 2015)] == pytest.approx(4_250_000.0)


def test_extract_70072_v3_direct_values_and_income_blocks():
    values = lookup(extract_70072_v3(frame_70072()))
    assert values[("population", "GM0114", 2015)] == 100_000.0
    assert values[("dwelling_stock", "PV22", 2015)] == 220_000.0
    assert values[("households", "NL01", 2015)] == 7_900_000.0
    assert values[("owner_occupied_share", "GM0114", 2015)] == 62.0
    assert values[("dist_gp", "GM0114", 2015)] == 1.4
    assert values[("dist_train_station", "PV22", 2015)] == 8.0
    assert values[("schools_within_3km", "GM0114", 2015)] == 5.5
    # The first TotaalParticuliereHuishoudens column is disposable, the second standardised.
    assert values[("income_household_mean_disposable", "GM0114", 2015)] == 40.1
    assert values[("income_household_mean_standardised", "GM0114", 2015)] == 28.3
    assert values[("income_household_mean_disposable", "NL01", 2015)] == 47.0
    assert values[("income_household_mean_standardised", "NL01", 2015)] == 33.4


def test_extract_70072_v3_regions_status_and_provenance():
    obs = extract_70072_v3(frame_70072())
    assert list(obs.columns) == list(OBS_COLUMNS)
    # GM0000 ("gemeente onbekend") and LD01 (landsdeel) are dropped.
    assert set(obs["region"]) == {"GM0114", "PV22", "NL01"}
    # Every indicator has one row per region, except the suppressed cinema distance of GM0114.
    per_indicator = obs.groupby("indicator")["region"].agg(sorted).to_dict()
    assert per_indicator.pop("dist_cinema") == ["NL01", "PV22"]
    assert all(regions == ["GM0114", "NL01", "PV22"] for regions in per_indicator.values())
    assert rows_of(obs, "dist_cinema").loc["PV22", "value"] == 12.0
    derived = {
        "unemployment_benefits_per_1000",
        "social_assistance_per_1000",
        "disability_benefits_per_1000",
        "jobs_per_1000",
        "residual_waste_per_inhabitant",
        "new_dwellings_per_1000",
        "waste_separated",
        "waste_separated_share",
    }
    direct = {
        "population",
        "dwelling_stock",
        "households",
        "owner_occupied_share",
        "dist_gp",
        "dist_gp_post",
        "dist_hospital",
        "dist_childcare",
        "dist_primary_school",
        "dist_secondary_school",
        "dist_supermarket",
        "dist_library",
        "dist_cinema",
        "dist_pool",
        "dist_train_station",
        "schools_within_3km",
        "supermarkets_within_3km",
        "income_household_mean_disposable",
        "income_household_mean_standardised",
        "waste_total",
        "businesses",
    }
    status = obs.groupby("indicator")["status"].agg(set).to_dict()
    assert set(status) >= derived | direct
    for indicator in derived:
        assert status[indicator] == {"derived"}, indicator
    for indicator in direct:
        assert status[indicator] == {"definitive"}, indicator
    assert set(obs["source"]) == {"cbs-70072ned-2015"}
    assert set(obs["table"]) == {"70072NED"}
    assert set(obs["period"]) == {"2015JJ00"}
    assert set(obs["year"]) == {2015}
    assert obs["year"].dtype == "int64"


def test_extract_70072_v3_keeps_only_yearly_periods():
    frame = frame_70072()
    quarter = frame.iloc[[0]].assign(Perioden="2015KW01", TotaleBevolking_1=99_999.0)
    obs = extract_70072_v3(pd.concat([frame, quarter], ignore_index=True))
    assert lookup(rows_of(obs, "population").reset_index())[("population", "GM0114", 2015)] == (
        100_000.0
    )


def test_extract_70072_v3_missing_topic_is_skipped_offline():
    # An offline file is a selection of the table: a recipe without its key gives no rows.
    frame = frame_70072().rename(columns={"Werkloosheid_159": "Werkloos_159"})
    obs = extract_70072_v3(frame)
    assert "unemployment_benefits_per_1000" not in set(obs["indicator"])
    assert lookup(rows_of(obs, "population").reset_index())[("population", "GM0114", 2015)] == (
        100_000.0
    )


def test_live_keys_of_a_table_name_a_missing_key():
    # Every key the 70072NED recipes name, with an arbitrary suffix, except Werkloosheid.
    from indicators.extract import recipes_for

    names = {t.names[0] for _, r in recipes_for("70072NED") for t in r.all_terms}
    keys = [f"{name}_{n}" for n, name in enumerate(sorted(names))]
    keys += ["TotaalParticuliereHuishoudens_999"]  # the second income block
    chosen = select_keys("70072NED", "70072NED", keys)
    assert "TotaleBevolking_" + str(sorted(names).index("TotaleBevolking")) in chosen
    without = [k for k in keys if not k.startswith("Werkloosheid_")]
    with pytest.raises(CBSError, match="'Werkloosheid'") as info:
        select_keys("70072NED", "70072NED", without)
    assert "table 70072NED" in str(info.value)
    assert "unemployment_benefits_per_1000" in str(info.value)


# --- KWB --------------------------------------------------------------------------------------


def frame_kwb_2024() -> pd.DataFrame:
    rows = {
        #            a_inw,    a_woning, a_hh,    leegsw, koopw, wcorpw, woz,   ste,  dich
        "GM0114": ["110000", "52000", "49000", "4", "63", "25", "250", "4", "320"],
        "GM0109": ["36000", "16500", "15800", ".", "70", "18", "297", "5", "120"],
        "NL00": ["18000000", "8100000", "8300000", "3", "57", "28", "340", "2", "530"],
    }
    columns = [
        "a_inw",
        "a_woning",
        "a_hh",
        "p_leegsw",
        "p_koopw",
        "p_wcorpw",
        "g_wozbag",
        "ste_mvs",
        "bev_dich",
    ]
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    frame = frame.rename_axis("gwb_code").reset_index()
    return frame


def test_extract_kwb_years_values_and_units():
    obs = extract_kwb(frame_kwb_2024(), 2024, provisional=False)
    values = lookup(obs)
    # WOZ of edition 2024 is the value on 1 January 2023, in x 1 000 euro as given.
    assert values[("woz_value", "GM0114", 2023)] == 250.0
    assert values[("woz_value", "GM0109", 2023)] == 297.0
    assert ("woz_value", "GM0114", 2024) not in values
    assert values[("population", "GM0114", 2024)] == 110_000.0
    assert values[("dwelling_stock", "GM0109", 2024)] == 16_500.0
    assert values[("households", "GM0114", 2024)] == 49_000.0
    assert values[("vacancy_rate", "GM0114", 2024)] == 4.0
    assert values[("social_housing_share", "GM0109", 2024)] == 18.0
    assert values[("urbanity", "GM0109", 2024)] == 5.0
    assert values[("population_density", "GM0114", 2024)] == 320.0
    # Only gemeenten: NL00 is dropped. GM0109's vacancy "." is no row.
    assert set(obs["region"]) == {"GM0114", "GM0109"}
    assert ("vacancy_rate", "GM0109", 2024) not in values
    assert len(obs) == 17  # 2 gemeenten x 9 variables - 1 missing
    years = obs.groupby("indicator")["year"].agg(set).to_dict()
    assert years.pop("woz_value") == {2023}
    assert all(y == {2024} for y in years.values())
    assert set(obs["status"]) == {"definitive"}
    assert set(obs["source"]) == {"cbs-kwb-2024"}
    assert set(obs["table"]) == {"85984NED"}


def test_extract_kwb_provisional_edition():
    obs = extract_kwb(frame_kwb_2024(), 2024, provisional=True)
    assert set(obs["status"]) == {"provisional"}
    assert len(obs) == 17


def test_extract_kwb_unknown_edition_table_name():
    frame = frame_kwb_2024().assign(_edition="2031")
    obs = extract_kwb(frame, 2031, provisional=True)
    assert set(obs["table"]) == {"KWB 2031"}
    assert lookup(obs)[("woz_value", "GM0114", 2030)] == 250.0  # 2031 - 1


def test_extract_kwb_missing_column():
    frame = frame_kwb_2024().drop(columns="ste_mvs")
    # Offline: the urbanity recipe is skipped, the rest comes through (17 - 2 rows).
    obs = extract_kwb(frame, 2024, provisional=False)
    assert "urbanity" not in set(obs["indicator"])
    assert len(obs) == 15
    # Live (required): one line naming the table family, the edition, the table and the key.
    with pytest.raises(CBSError) as info:
        extract_kwb(frame, 2024, provisional=False, required=True)
    message = str(info.value)
    assert "KWB 2024 (85984NED)" in message and "'MateVanStedelijkheid'" in message
    assert "\n" not in message


# --- v4: 03759ned population and 83625NED house prices ----------------------------------------

POP_MEASURES = pd.DataFrame(
    {
        # The identifier CBS uses today for "Bevolking op 1 januari" is M000352; here it
        # belongs to another measure, so only a lookup by title finds the right one.
        "Identifier": ["M000352", "XPOP_JAN_9"],
        "Title": ["Gemiddelde bevolking", "  Bevolking op 1 januari "],
        "Unit": ["aantal", "aantal"],
    }
)


def v4_frame(columns: list[str], rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    frame.insert(0, "Id", range(1, len(frame) + 1))
    frame["StringValue"] = None
    frame["Value"] = frame["Value"].astype("float64")
    return frame


def population_obs() -> pd.DataFrame:
    columns = ["Measure", "Geslacht", "Leeftijd", "BurgerlijkeStaat", "RegioS", "Perioden"]
    columns += ["ValueAttribute", "Value"]
    total = ("T001038", "10000", "T001019")
    rows = [
        ("XPOP_JAN_9", *total, "GM0114", "2024JJ00", "None", 110_000),  # kept
        ("M000352", *total, "GM0114", "2024JJ00", "None", 110_500),  # other measure
        ("XPOP_JAN_9", "3000", "10000", "T001019", "GM0114", "2024JJ00", "None", 54_000),
        ("XPOP_JAN_9", "T001038", "70100", "T001019", "GM0114", "2024JJ00", "None", 6_000),
        ("XPOP_JAN_9", "T001038", "10000", "1010", "GM0114", "2024JJ00", "None", 40_000),
        ("XPOP_JAN_9", *total, "PV22", "2024JJ00", "None", 500_000),  # kept
        ("XPOP_JAN_9", *total, "NL01", "2024JJ00", "None", 18_000_000),  # kept
        ("XPOP_JAN_9", *total, "LD01", "2024JJ00", "None", 1_800_000),  # landsdeel
        ("XPOP_JAN_9", *total, "GM0000", "2024JJ00", "None", 10),  # gemeente onbekend
        ("XPOP_JAN_9", *total, "CR08", "2024JJ00", "None", 150_000),  # COROP
        ("XPOP_JAN_9", *total, "GM0114", "2023JJ00", "None", 109_000),  # kept
        ("XPOP_JAN_9", *total, "GM0109", "2024JJ00", "Secret", np.nan),  # no value
    ]
    return v4_frame(columns, rows)


def test_extract_population_03759_totals_only():
    obs = extract_v4("03759ned", population_obs(), POP_MEASURES)
    assert lookup(obs) == {
        ("population", "GM0114", 2024): 110_000.0,
        ("population", "GM0114", 2023): 109_000.0,
        ("population", "PV22", 2024): 500_000.0,
        ("population", "NL01", 2024): 18_000_000.0,
    }
    assert set(obs["status"]) == {"definitive"}
    assert set(obs["source"]) == {"cbs-03759ned"}
    assert set(obs["table"]) == {"03759ned"}
    assert sorted(obs["period"]) == ["2023JJ00", "2024JJ00", "2024JJ00", "2024JJ00"]


def test_extract_population_03759_without_the_measure():
    measures = POP_MEASURES[POP_MEASURES["Identifier"] == "M000352"]
    assert extract_v4("03759ned", population_obs(), measures).empty
    with pytest.raises(CBSError, match="Bevolking op 1 januari"):
        extract(
            v4_wide(population_obs(), measures),
            "03759ned",
            source_id="cbs-03759ned",
            table="03759ned",
            required=True,
        )


def test_population_from_the_v4_json_fixture():
    obs, measures = rawio.read_v4_json_dir(FIXTURES / "v4" / "03759ned")
    result = extract_v4("03759ned", obs, measures)
    # page 1: NL01 18,000,000 and GM0114 110,000 (the Q_POP_AVG row is another measure);
    # page 2: GM0114 men only (dropped), GM0109 36,000, GM1681 null (dropped).
    assert lookup(result) == {
        ("population", "NL01", 2024): 18_000_000.0,
        ("population", "GM0114", 2024): 110_000.0,
        ("population", "GM0109", 2024): 36_000.0,
    }


HOUSE_MEASURES = pd.DataFrame(
    {
        "Identifier": ["HP_COUNT_1", "HP_AVG_77"],
        "Title": ["Verkochte woningen", "Gemiddelde verkoopprijs"],
    }
)


def house_price_obs() -> pd.DataFrame:
    columns = ["Measure", "RegioS", "Perioden", "ValueAttribute", "Value"]
    rows = [
        ("HP_AVG_77", "GM0114", "2023JJ00", "None", 297_000),  # kept, definitive
        ("HP_AVG_77", "GM0114", "2024JJ00", "None", 313_000),  # kept, provisional period
        ("HP_AVG_77", "GM0114", "2024KW01", "None", 305_000),  # quarter
        ("HP_AVG_77", "GM0114", "2024MM03", "None", 306_000),  # month
        ("HP_COUNT_1", "GM0114", "2024JJ00", "None", 1_500),  # other measure
        ("HP_AVG_77", "LD01", "2024JJ00", "None", 420_000),  # landsdeel
        ("HP_AVG_77", "NL01", "2024JJ00", "None", 450_000),  # kept
        ("HP_AVG_77", "PV22", "2024JJ00", "Impossible", np.nan),  # no value
        ("HP_AVG_77", "GM0000", "2024JJ00", "None", 1),  # gemeente onbekend
    ]
    return v4_frame(columns, rows)


def test_extract_house_price_83625_yearly_reported_regions():
    # CBS marks a period provisional in PeriodenCodes.Status, not per cell.
    period_status = {"2023JJ00": "Definitief", "2024JJ00": "Voorlopig"}
    obs = extract_v4("83625NED", house_price_obs(), HOUSE_MEASURES, period_status)
    assert lookup(obs) == {
        ("house_price", "GM0114", 2023): 297_000.0,
        ("house_price", "GM0114", 2024): 313_000.0,
        ("house_price", "NL01", 2024): 450_000.0,
    }
    status = dict(zip(zip(obs["region"], obs["year"], strict=True), obs["status"], strict=True))
    assert status == {
        ("GM0114", 2023): "definitive",
        ("GM0114", 2024): "provisional",  # period status "Voorlopig"
        ("NL01", 2024): "provisional",
    }
    assert set(obs["table"]) == {"83625NED"}


def test_extract_house_price_83625_without_the_measure():
    assert extract_v4("83625NED", house_price_obs(), HOUSE_MEASURES.iloc[[0]]).empty


def test_thefts_from_the_unquoted_v3_fixture():
    obs = extract_thefts_83651(rawio.read_v3_csv(FIXTURES / "v3" / "83651ned_unquoted.csv"))
    # Only GebruikVanGeweld T001540 x CRI1122 rows: rate GM0114 2.5; GM0109 "." and GM1681 ""
    # have no rate; the A048105 and CRI1123 rows are other breakdowns.
    rates = obs[obs["indicator"] == "bike_theft_per_1000"]
    assert lookup(rates) == {("bike_theft_per_1000", "GM0114", 2020): 2.5}
    # Counts: GM0114 250, GM0109 60 (its rate is suppressed, the count is not), GM1681 empty.
    counts = obs[obs["indicator"] == "bike_thefts"]
    assert lookup(counts) == {
        ("bike_thefts", "GM0114", 2020): 250.0,
        ("bike_thefts", "GM0109", 2020): 60.0,
    }
    assert set(obs["status"]) == {"definitive"}


# --- overlaps between sources -----------------------------------------------------------------


def obs_frame(rows: list[tuple], source: str, status: str = "definitive") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])
    frame["source"] = source
    frame["table"] = source.upper()
    frame["period"] = frame["year"].astype(str)
    frame["status"] = status
    return frame[list(OBS_COLUMNS)]


def result(source: str, priority: int, rows: list[tuple]) -> SourceResult:
    return SourceResult(
        source, source.upper(), source, "https://example.org", priority, obs_frame(rows, source)
    )


def test_resolve_overlaps_priority_and_cross_check():
    low = result(
        "cbs-low",
        30,
        [
            ("population", "GM0114", 2024, 110.0),
            ("house_price", "GM0114", 2024, 1_000.0),
            ("dwelling_stock", "GM0114", 2024, 50.0),
        ],
    )
    high = result(
        "cbs-high",
        10,
        [
            ("population", "GM0114", 2024, 100.0),
            ("house_price", "GM0114", 2024, 1_001.0),
            ("households", "GM0114", 2024, 45.0),
        ],
    )
    obs, warnings = resolve_overlaps([low, high])  # list order must not matter
    values = lookup(obs)
    assert values == {
        ("population", "GM0114", 2024): 100.0,  # priority 10 beats 30
        ("house_price", "GM0114", 2024): 1_001.0,
        ("dwelling_stock", "GM0114", 2024): 50.0,  # only in one source: kept
        ("households", "GM0114", 2024): 45.0,
    }
    winners = dict(zip(obs["indicator"], obs["source"], strict=True))
    assert winners["population"] == "cbs-high"
    assert winners["dwelling_stock"] == "cbs-low"
    assert "_priority" not in obs.columns
    # population: (110 - 100) / 110 = 9.1 % > 0.5 % -> warned;
    # house_price: (1001 - 1000) / 1001 = 0.1 % -> silent.
    assert warnings == ["population GM0114 2024: sources differ by 9.1%"]


def test_resolve_overlaps_without_overlap_has_no_warnings():
    a = result("cbs-a", 10, [("population", "GM0114", 2024, 100.0)])
    b = result("cbs-b", 10, [("population", "GM0114", 2023, 90.0)])
    obs, warnings = resolve_overlaps([a, b])
    assert len(obs) == 2
    assert warnings == []


# --- derived regional figures -----------------------------------------------------------------

MEMBERSHIP = pd.DataFrame(
    {
        "year": [2020] * 5,
        "gemeente": ["GM0114", "GM0109", "GM0118", "GM1681", "GM0014"],
        # Drenthe = {GM0114, GM0109} here; ZOD must still take all four focus gemeenten.
        "provincie": ["PV22", "PV22", "PV20", "PV20", "PV20"],
        "corop": ["CR08", "CR08", "CR09", "CR08", "CR01"],
    }
)

POPULATION = {"GM0114": 1_000, "GM0109": 400, "GM0118": 600, "GM1681": 300, "GM0014": 2_000}
DWELLINGS = {"GM0114": 500, "GM0109": 200, "GM0118": 250, "GM1681": 150, "GM0014": 900}
VACANCY = {
    2020: {"GM0114": 4.0, "GM0109": 2.0, "GM0118": 6.0, "GM1681": 3.0, "GM0014": 5.0},
    # 2021: GM1681 has no vacancy figure (its dwellings are known).
    2021: {"GM0114": 3.0, "GM0109": 1.0, "GM0118": 5.0, "GM0014": 4.0},
}
URBANITY = {"GM0114": 4, "GM0109": 5, "GM0118": 3, "GM1681": 5, "GM0014": 1}


def aggregate_input() -> pd.DataFrame:
    rows = []
    for year in (2020, 2021):
        rows += [("population", g, year, float(v)) for g, v in POPULATION.items()]
        rows += [("dwelling_stock", g, year, float(v)) for g, v in DWELLINGS.items()]
        rows += [("vacancy_rate", g, year, v) for g, v in VACANCY[year].items()]
        rows += [("urbanity", g, year, float(v)) for g, v in URBANITY.items()]
    rows.append(("population", "NL01", 2020, 4_400.0))  # published by CBS
    return obs_frame(rows, "cbs-test")


def test_membership_fixture_matches_the_focus_municipalities():
    assert set(FOCUS_MUNICIPALITIES) == {"GM0114", "GM0109", "GM0118", "GM1681"}


def test_derive_aggregates_sums_and_weighted_means():
    derived = derive_aggregates(aggregate_input(), MEMBERSHIP)
    values = lookup(derived)
    # population (sum): ZOD = 1000 + 400 + 600 + 300 = 2300; Drenthe = 1000 + 400 = 1400
    assert values[("population", "ZOD", 2020)] == 2_300.0
    assert values[("population", "PV22", 2020)] == 1_400.0
    # dwellings (sum): ZOD = 500 + 200 + 250 + 150 = 1100; PV22 = 700; NL = 1100 + 900 = 2000
    assert values[("dwelling_stock", "ZOD", 2020)] == 1_100.0
    assert values[("dwelling_stock", "PV22", 2020)] == 700.0
    assert values[("dwelling_stock", "NL01", 2020)] == 2_000.0
    # vacancy weighted by dwellings:
    # ZOD = (500*4 + 200*2 + 250*6 + 150*3) / 1100 = 4350 / 1100
    assert values[("vacancy_rate", "ZOD", 2020)] == pytest.approx(4350 / 1100)
    # PV22 = (500*4 + 200*2) / 700 = 2400 / 700
    assert values[("vacancy_rate", "PV22", 2020)] == pytest.approx(2400 / 700)
    # NL01 = (4350 + 900*5) / 2000 = 8850 / 2000 = 4.425
    assert values[("vacancy_rate", "NL01", 2020)] == pytest.approx(4.425)


def test_derive_aggregates_rows_are_marked_derived():
    derived = derive_aggregates(aggregate_input(), MEMBERSHIP)
    assert list(derived.columns) == list(OBS_COLUMNS)
    assert set(derived["status"]) == {"derived"}
    assert set(derived["source"]) == {"derived"}
    vacancy = derived[derived["indicator"] == "vacancy_rate"]
    assert set(vacancy["table"]) == {"; ".join(catalog.get("vacancy_rate").tables)}
    assert set(derived["region"]) <= {"ZOD", "PV22", "NL01"}
    # urbanity is a class (no aggregate weight): never averaged.
    assert "urbanity" not in set(derived["indicator"])


def test_derive_aggregates_keeps_a_published_nederland_figure():
    obs = aggregate_input()
    derived = derive_aggregates(obs, MEMBERSHIP)
    values = lookup(derived)
    # CBS published NL01 population 2020 = 4400; the member sum would be 4300: not derived.
    assert ("population", "NL01", 2020) not in values
    # 2021 has no published NL figure: 1000 + 400 + 600 + 300 + 2000 = 4300 is derived.
    assert values[("population", "NL01", 2021)] == 4_300.0
    combined = lookup(pd.concat([obs, derived], ignore_index=True))
    assert combined[("population", "NL01", 2020)] == 4_400.0


def test_derive_aggregates_needs_every_zod_member():
    values = lookup(derive_aggregates(aggregate_input(), MEMBERSHIP))
    # 2021: GM1681 lacks a vacancy figure -> no ZOD figure at all.
    assert ("vacancy_rate", "ZOD", 2021) not in values
    # Drenthe's members (GM0114, GM0109) are complete: (500*3 + 200*1) / 700 = 1700 / 700
    assert values[("vacancy_rate", "PV22", 2021)] == pytest.approx(1700 / 700)
    # Nederland: members with a value hold (2000 - 150) / 2000 = 92.5 % < 97 % of the weight.
    assert ("vacancy_rate", "NL01", 2021) not in values
    # The complete 2021 population still aggregates: 2300.
    assert values[("population", "ZOD", 2021)] == 2_300.0


def test_derive_aggregates_skips_a_sum_with_a_missing_member():
    obs = aggregate_input()
    obs = obs[~((obs["indicator"] == "dwelling_stock") & (obs["region"] == "GM0118"))]
    obs = obs[~((obs["indicator"] == "dwelling_stock") & (obs["year"] == 2021))]
    values = lookup(derive_aggregates(obs, MEMBERSHIP))
    assert ("dwelling_stock", "ZOD", 2020) not in values  # GM0118 missing
    assert ("dwelling_stock", "NL01", 2020) not in values
    assert values[("dwelling_stock", "PV22", 2020)] == 700.0  # GM0114 + GM0109 complete


@pytest.mark.parametrize("drop", ["weight only", "value and weight"])
def test_derive_aggregates_zod_member_without_weight(drop):
    obs = aggregate_input()
    obs = obs[obs["year"] == 2020]
    gone = (obs["region"] == "GM1681") & (obs["indicator"] == "dwelling_stock")
    if drop == "value and weight":  # GM1681 absent from both indicators
        gone |= (obs["region"] == "GM1681") & (obs["indicator"] == "vacancy_rate")
    values = lookup(derive_aggregates(obs[~gone], MEMBERSHIP))
    # Otherwise ZOD would be (500*4 + 200*2 + 250*6) / 950 = 3900 / 950 from 3 of 4 members.
    assert ("vacancy_rate", "ZOD", 2020) not in values, (
        f"BUG build.derive_aggregates ({drop}): ZOD vacancy_rate derived from 3 of the 4 focus "
        f"gemeenten = {values.get(('vacancy_rate', 'ZOD', 2020))}; 'ZOD needs every member' "
        "is only checked against members that have a weight"
    )


def test_derive_aggregates_needs_the_weight_indicator():
    obs = aggregate_input()
    obs = obs[obs["indicator"] != "dwelling_stock"]
    derived = derive_aggregates(obs, MEMBERSHIP)
    # No dwellings at all: vacancy cannot be weighted; the population sum is unaffected.
    assert "vacancy_rate" not in set(derived["indicator"])
    assert lookup(derived)[("population", "ZOD", 2020)] == 2_300.0


def test_derive_aggregates_ratio_from_summed_counts():
    # bike_theft_per_1000 = 1000 * bike_thefts / population. CBS suppresses GM1681's rate, but
    # its count is known, so the regional rate is recomputed from the summed counts.
    obs = aggregate_input()
    obs = obs[obs["year"] == 2020]
    counts = {"GM0114": 25.0, "GM0109": 8.0, "GM0118": 12.0, "GM1681": 1.0, "GM0014": 40.0}
    rates = {"GM0114": 25.0, "GM0109": 20.0, "GM0118": 20.0, "GM0014": 20.0}  # no GM1681
    extra = obs_frame(
        [("bike_thefts", g, 2020, v) for g, v in counts.items()]
        + [("bike_theft_per_1000", g, 2020, v) for g, v in rates.items()],
        "cbs-test",
    )
    values = lookup(derive_aggregates(pd.concat([obs, extra], ignore_index=True), MEMBERSHIP))
    # ZOD: 1000 * (25 + 8 + 12 + 1) / (1000 + 400 + 600 + 300) = 46,000 / 2300 = 20
    assert values[("bike_theft_per_1000", "ZOD", 2020)] == pytest.approx(20.0)
    # PV22: 1000 * (25 + 8) / (1000 + 400) = 33,000 / 1400
    assert values[("bike_theft_per_1000", "PV22", 2020)] == pytest.approx(33_000 / 1_400)
    # NL01 from the members (not the published 4400): 1000 * 86 / 4300 = 20
    assert values[("bike_theft_per_1000", "NL01", 2020)] == pytest.approx(20.0)
    assert values[("bike_thefts", "ZOD", 2020)] == 46.0  # 25 + 8 + 12 + 1


# --- recipes: names, aliases, titles, filters, editions, years ---------------------------------


def test_resolve_term_by_key_alias_title_and_occurrence():
    columns = [
        "TotaalParticuliereHuishoudens_140",
        "TotaalParticuliereHuishoudens_148",
        "AF_SUPERM",
        "Geregistreerde misdrijven/Geregistreerde misdrijven per 1000 inw.  (per 1 000 inwoners)",
        "Periodieke bijstandsuitkeringen|Totaal bijstandsuitkeringen",
        "Nettoarbeidsparticipatie_78",
    ]
    term = Term(("TotaalParticuliereHuishoudens",))
    assert resolve_term(columns, term) == "TotaalParticuliereHuishoudens_140"
    second = Term(("TotaalParticuliereHuishoudens",), occurrence=1)
    assert resolve_term(columns, second) == "TotaalParticuliereHuishoudens_148"
    # The first name that a column answers to wins; here only the offline alias is present.
    assert resolve_term(columns, Term(("AfstandTotGroteSupermarkt", "AF_SUPERM"))) == "AF_SUPERM"
    # A StatLine title path: the last part without its unit, case-insensitive.
    rate = Term(("GeregistreerdeMisdrijvenPer1000Inw", "Geregistreerde misdrijven per 1000 inw."))
    assert resolve_term(columns, rate) == columns[3]
    fvw = Term(("PeriodiekeBijstandsuitkeringenTotaal", "Totaal bijstandsuitkeringen"))
    assert resolve_term(columns, fvw) == columns[4]
    # A live key by its DataProperties title.
    titles = {"Nettoarbeidsparticipatie_78": "Netto arbeidsparticipatie"}
    assert resolve_term(columns, Term(("Netto arbeidsparticipatie",)), titles) == columns[5]
    assert resolve_term(columns, Term(("Werkloosheid",))) is None


def kwb_frame(edition: int, columns: dict[str, list[float]]) -> pd.DataFrame:
    frame = pd.DataFrame({"RegioS": ["NL01", "GM0114", "WK011401"], **columns})
    return frame.assign(Perioden=f"KWB {edition}", _year=edition)


def test_kwb_businesses_subtract_the_public_sectors_where_the_edition_counts_them():
    # KWB 2022 counts O-Q (overheid, onderwijs, zorg) in its total: 10,000 - 1,500 = 8,500.
    frame = kwb_frame(
        2022,
        {
            "BedrijfsvestigingenTotaal_91": [2_000_000.0, 10_000.0, 1_000.0],
            "OQOverheidOnderwijsEnZorg_98": [300_000.0, 1_500.0, 100.0],
        },
    )
    obs = extract(frame, "KWB", source_id="k", table="85318NED", edition=2022)
    assert lookup(obs) == {
        ("businesses", "NL01", 2022): 1_700_000.0,  # 2,000,000 - 300,000
        ("businesses", "GM0114", 2022): 8_500.0,
    }
    assert set(obs["status"]) == {"derived"}  # two terms: a calculation on CBS figures
    # The 2018 map has no O-Q column (the optional term counts as 0): A_BEDV as published.
    frame = kwb_frame(2018, {"A_BEDV": [np.nan, 7_000.0, 10.0]})
    obs = extract(frame, "KWB", source_id="k", table="84286NED", edition=2018)
    assert lookup(obs) == {("businesses", "GM0114", 2018): 7_000.0}


def test_kwb_key_of_old_editions_goes_to_its_own_series():
    # "GemiddeldeWoningwaarde" (KWB up to 2019, the 70072NED definition) feeds
    # woz_value_70072ned, one year back (waardepeildatum); in a 2024 edition it is not used.
    frame = kwb_frame(2019, {"GemiddeldeWoningwaarde_35": [230.0, 160.0, 150.0]})
    obs = extract(frame, "KWB", source_id="k", table="84583NED", edition=2019)
    assert lookup(obs) == {
        ("woz_value_70072ned", "NL01", 2018): 230.0,
        ("woz_value_70072ned", "GM0114", 2018): 160.0,
    }
    frame = kwb_frame(2024, {"GemiddeldeWoningwaarde_35": [230.0, 160.0, 150.0]})
    assert extract(frame, "KWB", source_id="k", table="85984NED", edition=2024).empty


def test_recipe_periods_drop_years_before_annual_valuation():
    # woz_value_70072ned from 70072NED keeps periods from 2008 (annual WOZ valuation).
    frame = pd.DataFrame(
        {
            "RegioS": ["GM0114"] * 3,
            "Perioden": ["2007JJ00", "2008JJ00", "2019JJ00"],
            "GemiddeldeWoningwaarde_99": [185.0, 185.0, 163.0],
        }
    )
    obs = extract(frame, "70072NED", source_id="x", table="70072NED")
    assert lookup(obs) == {
        ("woz_value_70072ned", "GM0114", 2007): 185.0,  # period 2008 = waardepeildatum 2007
        ("woz_value_70072ned", "GM0114", 2018): 163.0,
    }


COUNT_TITLE = "Geregistreerde misdrijven/Totaal geregistreerde misdrijven (aantal)"
RATE_TITLE = (
    "Geregistreerde misdrijven/Geregistreerde misdrijven per 1000 inw.  (per 1 000 inwoners)"
)


def test_where_filters_accept_codes_and_statline_labels():
    frame = pd.DataFrame(
        {
            "RegioS": ["GM0114", "GM0114", "GM0114"],
            "Perioden": ["2017", "2017", "2017JJ00"],
            "SoortMisdrijf": ["Misdrijven, totaal", "1 Vermogensmisdrijven", "3000000"],
            COUNT_TITLE: [4000, 2200, 600],
            RATE_TITLE: [36.5, 20.2, 5.5],
        }
    )
    obs = extract(frame, "83648NED", source_id="x", table="83648NED")
    assert lookup(obs) == {
        ("crime_per_1000", "GM0114", 2017): 36.5,
        ("crimes", "GM0114", 2017): 4000.0,
        ("property_crime_per_1000", "GM0114", 2017): 20.2,
        ("property_crimes", "GM0114", 2017): 2200.0,
        ("violent_crime_per_1000", "GM0114", 2017): 5.5,
        ("violent_crimes", "GM0114", 2017): 600.0,
    }


def test_provisional_marks_star_periods():
    frame = pd.DataFrame(
        {"RegioS": ["GM0114", "GM0114"], "Perioden": ["2023", "2024*"], "TotaleBevolking_1": [1, 2]}
    )
    obs = extract(frame, "70072NED", source_id="x", table="70072NED")
    pop = obs[obs["indicator"] == "population"].set_index("year")["status"].to_dict()
    assert pop == {2023: "definitive", 2024: "provisional"}


# --- rates from two indicators, and the classification of derived figures --------------------


def test_from_indicators_rate_per_1000():
    obs = obs_frame(
        [
            ("businesses", "GM0114", 2018, 7_000.0),
            ("population", "GM0114", 2018, 100_000.0),
            ("businesses", "NL01", 2018, 1_600_000.0),
            ("population", "NL01", 2018, 17_000_000.0),
            ("businesses", "GM0109", 2018, 3_000.0),  # no population: no rate
            ("population", "GM0118", 2018, 50_000.0),  # no businesses: no rate
            ("social_assistance_benefits_fvw", "GM0114", 2019, 3_000.0),
            ("population", "GM0114", 2019, 100_000.0),
        ],
        "cbs-test",
    )
    computed = from_indicators(obs)
    assert lookup(computed) == {
        ("businesses_per_1000", "GM0114", 2018): pytest.approx(70.0),  # 7,000 / 100,000 x 1,000
        # 1,600,000 / 17,000,000 x 1,000 = 94.117...
        ("businesses_per_1000", "NL01", 2018): pytest.approx(1_600_000 / 17_000),
        ("social_assistance_benefits_fvw_per_1000", "GM0114", 2019): pytest.approx(30.0),
    }
    assert set(computed["status"]) == {"derived"}
    # A rate a source already gives is never recomputed.
    given = obs_frame([("businesses_per_1000", "GM0114", 2018, 71.0)], "cbs-other")
    again = from_indicators(pd.concat([obs, given], ignore_index=True))
    assert ("businesses_per_1000", "GM0114", 2018) not in lookup(again)


def test_nederland_in_the_classification_the_data_use():
    # 85494NED gives 2019 in the municipalities of 2022: GM9001 and GM9002 merged into GM9003
    # in 2022. The 2022 classification fits the data exactly, 2019 does not.
    membership = pd.DataFrame(
        {
            "year": [2019, 2019, 2019, 2022, 2022],
            "gemeente": ["GM0114", "GM9001", "GM9002", "GM0114", "GM9003"],
            "provincie": ["PV22", "PV20", "PV20", "PV22", "PV20"],
            "corop": ["CR08"] * 5,
            "ggd": ["GG0706"] * 5,
        }
    )
    nation, year = classification_members({"GM0114", "GM9003"}, 2019, membership, {})
    assert (nation, year) == ({"GM0114", "GM9003"}, 2022)
    rows = [
        ("net_labour_participation", "GM0114", 2019, 60.0),
        ("net_labour_participation", "GM9003", 2019, 70.0),
        ("labour_population", "GM0114", 2019, 80.0),
        ("labour_population", "GM9003", 2019, 120.0),
    ]
    values = lookup(derive_aggregates(obs_frame(rows, "cbs-test"), membership))
    # (60 x 80 + 70 x 120) / (80 + 120) = (4,800 + 8,400) / 200 = 66
    assert values[("net_labour_participation", "NL01", 2019)] == pytest.approx(66.0)
    assert values[("labour_population", "NL01", 2019)] == 200.0


def test_nederland_before_the_first_classification_is_every_municipality_of_that_year():
    # 2013: GM0001 and GM0002 still exist (merged into GM0003 before 2015, the first year of
    # 'Gebieden in Nederland'); the population of 2013 says which municipalities there were.
    membership = pd.DataFrame(
        {
            "year": [2015, 2015],
            "gemeente": ["GM0114", "GM0003"],
            "provincie": ["PV22", "PV20"],
            "corop": ["CR08", "CR01"],
            "ggd": ["GG0706", "GG0111"],
        }
    )
    rows = [
        ("population", "GM0114", 2013, 100.0),
        ("population", "GM0001", 2013, 60.0),
        ("population", "GM0002", 2013, 40.0),
        ("crimes", "GM0114", 2013, 5.0),
        ("crimes", "GM0001", 2013, 3.0),
        ("crimes", "GM0002", 2013, 1.0),
        ("crime_per_1000", "GM0114", 2013, 50.0),
    ]
    values = lookup(derive_aggregates(obs_frame(rows, "cbs-test"), membership))
    assert values[("population", "NL01", 2013)] == 200.0  # 100 + 60 + 40
    # 1,000 x (5 + 3 + 1) / 200 = 45
    assert values[("crime_per_1000", "NL01", 2013)] == pytest.approx(45.0)
    assert values[("crimes", "PV22", 2013)] == 5.0  # Drenthe = GM0114 here
