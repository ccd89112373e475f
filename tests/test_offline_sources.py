"""The readers and offline adapters of the nine new sources, on hand-written fixtures.

``tests/fixtures/raw/cbs-raw`` mirrors the folder layout of ``../shared/cbs-raw`` with a few
rows per file, typed by hand in the real formats (the ``.dbf`` and ``.xlsx`` are written byte by
byte by ``tests/fixtures/raw/make_binary_fixtures.py``). Every expected number is in the
fixture or worked out in a comment.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import pytest

from indicators import offline
from indicators.errors import RawDataError
from indicators.lookups import (
    RegionLookups,
    add_historic_municipalities,
    lookups_from_gebieden,
    normalise_name,
)
from indicators.sources import raw as rawio
from indicators.sources.dbf import read_dbf
from indicators.sources.xlsx import read_odata_xlsx

FIX = Path(__file__).resolve().parent / "fixtures" / "raw" / "cbs-raw"
STATLINE = Path(__file__).resolve().parent / "fixtures" / "raw" / "statline"

# (code, name, provincie, GGD region) in 2019 and 2024 (same set in both years).
MUNICIPALITIES = [
    ("GM0114", "Emmen", "PV22", "GG0706"),
    ("GM0109", "Coevorden", "PV22", "GG0706"),
    ("GM0118", "Hoogeveen", "PV22", "GG0706"),
    ("GM1681", "Borger-Odoorn", "PV22", "GG0706"),
    ("GM0106", "Assen", "PV22", "GG0706"),
    ("GM0014", "Groningen", "PV20", "GG0111"),
]


def gebieden(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """A 'Gebieden in Nederland' Observations frame: one text measure per code and name."""
    records = []
    for code, name, pv, ggd in rows:
        texts = {
            "GM000C_1": name,
            "PV0001": pv,
            "PV0002": "Drenthe" if pv == "PV22" else "Groningen",
            "CR0001": "CR08",
            "CR0002": "Zuidoost-Drenthe",
            "GG0001": ggd,
            "GG0002": "GGD",
        }
        records += [{"RegioS": code, "Measure": m, "StringValue": t} for m, t in texts.items()]
    return pd.DataFrame(records)


def make_lookups(rows=MUNICIPALITIES) -> RegionLookups:
    lookups = lookups_from_gebieden({2019: gebieden(rows), 2024: gebieden(rows)})
    historic = pd.DataFrame(
        {
            "Identifier": ["GM0738", "GM0478", "GM0014"],
            "Title": ["Aalburg", "Zeevang", "Groningen (gemeente)"],
            "DimensionGroupId": ["GMPV30", "GMPV27", "GMPV20"],
        }
    )
    add_historic_municipalities(lookups, historic)
    return lookups


def values(obs: pd.DataFrame) -> dict[tuple[str, str, int], float]:
    keys = list(zip(obs["indicator"], obs["region"], obs["year"], strict=True))
    assert len(keys) == len(set(keys)), "duplicate keys"
    return {(i, r, int(y)): float(v) for (i, r, y), v in zip(keys, obs["value"], strict=True)}


# --- names to codes ---------------------------------------------------------------------------


def test_names_map_to_codes_in_any_year_and_unknown_names_are_logged(caplog):
    lookups = make_lookups()
    assert normalise_name("Groningen (gemeente) ") == "groningen"
    names = pd.Series(["Emmen", "Groningen (gemeente)", "Aalburg", "Atlantis", "Buitenland"])
    with caplog.at_level(logging.WARNING):
        codes = lookups.codes_for(names, "test.csv")
    assert codes.tolist()[:3] == ["GM0114", "GM0014", "GM0738"]
    assert codes.isna().tolist()[3:] == [True, True]
    # Atlantis is reported, never guessed; "Buitenland" is not a municipality at all.
    assert "Atlantis" in caplog.text and "test.csv" in caplog.text
    assert "Buitenland" not in caplog.text
    # A name used by two codes is ambiguous: left out.
    lookups.all_names["emmen"] = {"GM0114", "GM9999"}
    assert lookups.codes_for(pd.Series(["Emmen"]), "x").isna().all()


# --- the readers: the format, and a clear error naming the file -------------------------------


def test_read_dbf_numbers_sentinels_and_text():
    frame = read_dbf(FIX / "kwb2018-gemeente-dbf" / "gemeente_2018_v2.dbf")
    assert frame["GM_CODE"].tolist() == ["GM0114", "GM0114", "GM0109", "GM0106"]
    assert frame["WATER"].tolist() == ["NEE", "JA", "NEE", "NEE"]
    assert frame["AANT_INW"].tolist()[0] == 100_000.0
    assert frame["AF_SUPERM"].tolist() == [1.1, 0.0, 1.5, 0.9]
    # -99999999 is CBS's missing value in these tables.
    assert pd.isna(frame["AF_ZIEK_E"].iloc[2])


def test_read_dbf_missing_corrupt_and_incomplete(tmp_path):
    absent = tmp_path / "absent.dbf"
    with pytest.raises(RawDataError, match="not found") as info:
        read_dbf(absent)
    assert str(absent) in str(info.value)
    broken = tmp_path / "broken.dbf"
    broken.write_bytes(b"this is not a dBASE table")
    with pytest.raises(RawDataError, match="cannot read") as info:
        read_dbf(broken)
    assert str(broken) in str(info.value)
    path = FIX / "kwb2018-gemeente-dbf" / "gemeente_2018_v2.dbf"
    with pytest.raises(RawDataError, match="G_WODIEF") as info:
        read_dbf(path, required=("GM_CODE", "G_WODIEF"))
    assert str(path) in str(info.value)


def test_read_odata_xlsx_strips_padding_and_keeps_selected_rows():
    path = FIX / "health-50090ned-2012-2016-2020" / "2016_18+.xlsx"
    frame = read_odata_xlsx(path, keep={"SoortRegio_2": ("Land", "Gemeente")})
    # The wijk row is dropped while reading; codes lose their padding.
    assert frame["WijkenEnBuurten"].tolist() == ["NL01", "GM0114", "GM0109"]
    assert frame["Perioden"].tolist() == ["2016JJ00"] * 3
    # "    77.0" -> 77.0 (76 + 1 in the 2016 file)
    assert frame["ErvarenGezondheidGoedZeerGoed_4"].tolist() == [77.0, 73.0, 79.0]
    everything = read_odata_xlsx(path)
    assert len(everything) == 4


def test_read_odata_xlsx_errors_name_the_file(tmp_path):
    absent = tmp_path / "absent.xlsx"
    with pytest.raises(RawDataError, match="not found"):
        read_odata_xlsx(absent)
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(RawDataError, match="cannot read the workbook") as info:
        read_odata_xlsx(broken)
    assert str(broken) in str(info.value)
    path = FIX / "health-50090ned-2012-2016-2020" / "2012_18+.xlsx"
    with pytest.raises(RawDataError, match="SoortRegio") as info:
        read_odata_xlsx(path, keep={"SoortRegio": ("Gemeente",)})
    assert str(path) in str(info.value)


def test_read_statline_pivot_csv():
    frame = rawio.read_statline_pivot_csv(FIX / "fvw-60039fvw-2019" / "FVW_2019.csv")
    assert frame.columns[0] == "Regio"
    assert frame["Regio"].tolist() == ["Emmen", "Coevorden", "Aalburg", "Buitenland"]
    assert "Periodieke bijstandsuitkeringen|Totaal bijstandsuitkeringen" in frame.columns


def test_read_statline_pivot_csv_refuses_a_plain_export():
    path = STATLINE / "export_plain.csv"
    with pytest.raises(RawDataError, match="pivot") as info:
        rawio.read_statline_pivot_csv(path)
    assert str(path) in str(info.value)


def test_read_v3_csv_without_perioden_when_allowed():
    path = FIX / "health-young-adults-50140ned-2024" / "50140NED_TypedDataSet_22092025_192544.csv"
    with pytest.raises(RawDataError, match="Perioden"):
        rawio.read_v3_csv(path)
    frame = rawio.read_v3_csv(path, require_period=False)
    assert frame["RegioS"].tolist()[:3] == ["NL01", "CG01", "GG0706"]  # "NL01  " stripped
    assert frame["GoedErvarenGezondheid_6"].tolist()[:4] == [64.0, 72.0, 66.0, 61.5]


# --- the adapters: file -> observations through the recipes -----------------------------------


def test_crime_83648ned_statline_export():
    obs = offline.source_83648_statline(FIX, make_lookups()).observations
    got = values(obs)
    assert got[("crime_per_1000", "GM0114", 2016)] == 40.0
    assert got[("crime_per_1000", "GM0114", 2017)] == 36.5  # "36,5"
    assert got[("crimes", "GM0114", 2017)] == 4_000.0
    assert got[("crime_per_1000", "GM0014", 2017)] == 87.5  # "Groningen (gemeente)"
    assert got[("property_crime_per_1000", "GM0114", 2017)] == 20.2
    assert got[("violent_crimes", "GM0114", 2017)] == 600.0
    # CBS gives no rate for traffic crimes here (empty cell): the count stays, the rate not.
    assert got[("traffic_crimes", "GM0114", 2017)] == 400.0
    assert ("traffic_crime_per_1000", "GM0114", 2017) not in got
    # Unknown names, 'Niet-gemeentelijk ingedeeld' and empty rows give nothing.
    assert set(obs["region"]) == {"GM0114", "GM0014"}
    assert set(obs["table"]) == {"83648NED"}
    assert set(obs["period"]) == {"2016", "2017"}


def test_fvw_2019_social_assistance_count():
    obs = offline.source_fvw(FIX, make_lookups()).observations
    assert values(obs) == {
        ("social_assistance_benefits_fvw", "GM0114", 2019): 3_000.0,
        ("social_assistance_benefits_fvw", "GM0109", 2019): 800.0,
    }
    assert set(obs["period"]) == {"2019"}  # from the file name: the export has no period


def test_labour_85494ned_total_persons_only():
    obs = offline.source_labour_85494(FIX).observations
    assert values(obs) == {
        ("net_labour_participation", "GM0114", 2019): 65.0,
        ("unemployment_rate", "GM0114", 2019): 5.0,
        ("labour_population", "GM0114", 2019): 80.0,  # x 1 000 persons, as CBS publishes
        ("labour_force", "GM0114", 2019): 55.0,
        ("net_labour_participation", "GM0109", 2019): 70.0,
        ("labour_population", "GM0109", 2019): 20.0,
        ("labour_force", "GM0109", 2019): 15.0,
        # GM0109's unemployment rate is "." (suppressed): no row; the men-only row is dropped.
    }


def test_young_adults_50140ned_ggd_drenthe_is_the_province():
    obs = offline.source_young_adults_50140(FIX, make_lookups()).observations
    assert values(obs) == {
        ("young_adult_health_good", "NL01", 2024): 64.0,
        ("young_adult_health_good", "PV22", 2024): 66.0,  # GG0706 = exactly Drenthe's members
        ("young_adult_health_good", "GM0114", 2024): 61.5,
    }


def test_young_adults_ggd_that_is_not_the_province_is_left_out(caplog):
    rows = [*MUNICIPALITIES[:-1], ("GM0014", "Groningen", "PV20", "GG0706")]
    with caplog.at_level(logging.WARNING):
        obs = offline.source_young_adults_50140(FIX, make_lookups(rows)).observations
    assert "PV22" not in set(obs["region"])
    assert "No GGD region coincides with PV22" in caplog.text


def test_kwb_2022_businesses_without_public_sectors():
    obs = offline.source_kwb_2022_businesses(FIX).observations
    assert values(obs) == {
        ("businesses", "NL01", 2022): 1_700_000.0,  # NL00: 2,000,000 - 300,000
        ("businesses", "GM0114", 2022): 8_500.0,  # 10,000 - 1,500
        # GM0109: O-Q is "." (unknown), so the total without O-Q is unknown: no row.
    }
    assert set(obs["period"]) == {"KWB 2022"}


def test_70072ned_age_counts_and_shares():
    obs = offline.source_70072_age(FIX).observations
    got = values(obs)
    assert got[("population", "GM0114", 2012)] == 100_000.0
    assert got[("population_65_plus", "GM0114", 2012)] == 20_000.0  # 15,000 + 5,000
    assert got[("share_65_plus", "GM0114", 2012)] == pytest.approx(20.0)  # 20,000 / 100,000
    assert got[("share_80_plus", "GM0114", 2013)] == pytest.approx(100 * 5_100 / 100_500)
    assert got[("share_65_plus", "GM1680", 2013)] == pytest.approx(20.0)  # 5,000 / 25,000
    assert "GM0738" not in set(obs["region"])  # Aalburg's row is empty


def test_70072ned_statline_woz_series_from_2008():
    obs = offline.source_70072_statline(FIX, make_lookups()).observations
    assert values(obs) == {
        # period t = waardepeildatum 1 January t-1
        ("woz_value_70072ned", "GM0114", 2017): 150.0,
        ("woz_value_70072ned", "GM0114", 2018): 163.0,
        ("woz_value_70072ned", "GM0014", 2018): 180.0,
        # 2005 is before annual valuation; 2021 is empty.
    }


def test_kwb_2018_dbf_land_records_and_distances():
    kwb, nearby = offline.source_kwb_2018(FIX)
    got = values(kwb.observations)
    assert got[("population", "GM0114", 2018)] == 100_000.0  # the water record adds nothing
    assert got[("dwelling_stock", "GM0109", 2018)] == 20_000.0
    assert got[("vacancy_rate", "GM0114", 2018)] == 3.0
    assert got[("businesses", "GM0106", 2018)] == 5_000.0
    assert got[("gas_use_per_dwelling", "GM0109", 2018)] == 1_700.0
    # The map's WOZ is the 70072NED definition, waardepeildatum 1 January 2017.
    assert got[("woz_value_70072ned", "GM0114", 2017)] == 150.0
    assert ("woz_value", "GM0114", 2017) not in got
    assert set(kwb.observations["table"]) == {"84286NED"}
    dist = values(nearby.observations)
    assert dist[("dist_supermarket", "GM0114", 2018)] == 1.1
    assert dist[("supermarkets_within_3km", "GM0106", 2018)] == 6.0
    assert dist[("dist_hospital", "GM0114", 2018)] == 7.4
    assert ("dist_hospital", "GM0109", 2018) not in dist  # -99999999
    assert set(nearby.observations["table"]) == {"80305NED"}


def test_health_50090ned_three_periods():
    obs = offline.source_health_50090(FIX).observations
    got = values(obs)
    # The fixture adds 0, 1 and 2 to every percentage in 2012, 2016 and 2020.
    assert [got[("health_good", "GM0114", y)] for y in (2012, 2016, 2020)] == [72.0, 73.0, 74.0]
    assert [got[("health_good", "NL01", y)] for y in (2012, 2016, 2020)] == [76.0, 77.0, 78.0]
    assert got[("difficulty_making_ends_meet", "GM0109", 2020)] == 18.0  # 20 - 2
    assert ("exercise_guideline", "GM0114", 2012) not in got  # empty in 2012
    assert got[("exercise_guideline", "GM0114", 2016)] == 51.0
    assert not any(r.startswith("WK") for r in obs["region"])
