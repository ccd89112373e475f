"""The real build from ../shared: known CBS figures land where they belong."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators.snapshot import load_snapshot, validate
from tests.conftest import DATA


def value(snap, indicator: str, region: str, year: int) -> float:
    obs = snap.observations
    hit = obs[(obs.indicator == indicator) & (obs.region == region) & (obs.year == year)]
    assert len(hit) == 1, f"{indicator} {region} {year}: {len(hit)} rows"
    return float(hit["value"].iloc[0])


@pytest.mark.parametrize(
    ("indicator", "region", "year", "expected"),
    [
        # Figures quoted in the SOURCE.md files and cross-checked there against other CBS files.
        ("population", "GM0114", 2024, 109_346),  # Emmen, 03759ned = KWB 2024
        ("population", "GM1681", 2024, 26_014),  # Borger-Odoorn
        ("population", "GM0109", 2024, 35_725),  # Coevorden
        ("population", "GM0118", 2024, 56_591),  # Hoogeveen
        ("population", "GM0114", 2015, 107_775),  # 70072NED 2015
        ("population", "GM0114", 2021, 107_024),
        ("house_price", "GM0114", 2024, 313_566),  # 83625NED
        ("house_price", "GM0114", 2023, 297_463),
        ("crime_per_1000", "GM0114", 2015, 50.2),  # 83648NED
        ("bike_theft_per_1000", "GM0114", 2021, 3.0),  # 83651NED CRI1122
        ("bike_theft_per_1000", "GM0118", 2018, 1.9),
        ("woz_value", "GM0114", 2024, 265),  # KWB 2025 = waardepeildatum 1-1-2024, x 1 000 euro
        ("woz_value", "GM0114", 2019, 174),  # KWB 2020
        ("urbanity", "GM0109", 2020, 5),
        ("urbanity", "GM0109", 2025, 4),
        ("owner_occupied_share", "GM1681", 2025, 74),
        ("income_household_mean_disposable", "GM0114", 2024, 53.2),  # 2024*
        ("income_household_median_standardised", "GM1681", 2024, 36.6),
        ("income_household_mean_disposable", "NL01", 2024, 60.2),
        ("life_expectancy", "PV22", 2022, 81.1),  # GGD Drenthe 2019-2022
        ("life_expectancy", "NL01", 2023, 81.84),  # 71950ned
        ("perceived_health_good", "PV22", 2022, 70.2),
        ("population_outlook", "PV22", 2050, 475.8),  # transcribed 84527NED
        ("population_outlook", "CR08", 2050, 156.3),  # Zuidoost-Drenthe COROP
        ("dist_gp", "GM0114", 2015, 1.4),  # 70072NED 2015
        ("dist_gp", "NL01", 2015, 1.0),
    ],
)
def test_known_figures(built_snapshot, indicator, region, year, expected):
    assert value(built_snapshot, indicator, region, year) == pytest.approx(expected)


def test_derived_rates_from_counts(built_snapshot):
    # Emmen 2015 (70072NED): 3,620 WW-uitkeringen / 107,775 inwoners * 1,000 = 33.589...
    assert value(built_snapshot, "unemployment_benefits_per_1000", "GM0114", 2015) == (
        pytest.approx(3620 * 1000 / 107775)
    )
    # 44.2 thousand jobs / 107,775 inhabitants * 1,000 = 410.1
    assert value(built_snapshot, "jobs_per_1000", "GM0114", 2015) == pytest.approx(
        44.2e3 * 1000 / 107775
    )


def test_zod_population_is_the_sum_of_the_four(built_snapshot):
    # 109,346 + 35,725 + 56,591 + 26,014 = 227,676
    assert value(built_snapshot, "population", "ZOD", 2024) == 227_676
    obs = built_snapshot.observations
    zod = obs[(obs.region == "ZOD")]
    assert set(zod["status"]) == {"derived"}


def test_suppressed_values_stay_missing(built_snapshot):
    obs = built_snapshot.observations
    bike = obs[(obs.indicator == "bike_theft_per_1000") & (obs.region == "GM1681")]
    assert bike.empty, "CBS suppresses Borger-Odoorn's rate; it must not be filled in"
    assert not obs["value"].isna().any()
    assert (obs["value"] > -99990).all()


def test_provisional_and_transcribed_are_marked(built_snapshot):
    obs = built_snapshot.observations
    income = obs[(obs.indicator == "income_household_mean_disposable") & (obs.year == 2024)]
    assert set(income["status"]) <= {"provisional", "derived"}
    assert set(obs[obs.indicator == "population_outlook"]["status"]) == {"transcribed"}


def test_every_row_traces_to_a_source_in_the_manifest(built_snapshot):
    sources = {s["id"] for s in built_snapshot.manifest["sources"]}
    assert set(built_snapshot.observations["source"]) - {"derived"} <= sources
    assert (built_snapshot.observations["period"].str.len() > 0).all()


def test_wijken_of_the_four(built_snapshot):
    obs = built_snapshot.observations
    wijk = obs[obs.indicator == "wijk_population"]
    counts = wijk["region"].str[2:6].value_counts()
    # SOURCE.md of the wijk boundaries: Emmen 27, Borger-Odoorn 25, Hoogeveen 13, Coevorden 9.
    assert counts.to_dict() == {"0114": 27, "1681": 25, "0118": 13, "0109": 9}
    # CBS rounds wijk counts to fives, so the 27 wijken of Emmen add up to its 109,346
    # inhabitants within 27 * 2.5 = 67.5.
    emmen = wijk[wijk.region.str.startswith("WK0114")]["value"]
    assert (emmen % 5 == 0).all()
    assert abs(emmen.sum() - 109_346) <= 67.5


def test_committed_snapshot_is_valid_and_reproduced(built_snapshot):
    validate(DATA)
    committed = load_snapshot(DATA).observations
    rebuilt = built_snapshot.observations
    keys = ["indicator", "region", "year"]
    a = committed.sort_values(keys).reset_index(drop=True)
    b = rebuilt.sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12)
    assert not math.isnan(a["value"].sum())
