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
        # --- the nine sources of the second gathering, spot checks of their SOURCE.md --------
        # 83648NED 2013-2017 (StatLine export with names)
        ("crime_per_1000", "GM0114", 2013, 53.0),
        ("crime_per_1000", "GM0114", 2016, 44.4),
        ("crime_per_1000", "GM0114", 2017, 38.5),
        ("crimes", "GM0109", 2016, 1_305),
        ("crime_per_1000", "GM0109", 2016, 36.9),
        ("crimes", "GM0118", 2017, 2_205),
        ("crime_per_1000", "GM1681", 2017, 21.3),
        ("property_crime_per_1000", "GM0114", 2017, 21.7),  # "1 Vermogensmisdrijven"
        ("vandalism_crime_per_1000", "GM0114", 2013, 10.1),
        ("violent_crime_per_1000", "GM0114", 2016, 6.0),
        ("traffic_crime_per_1000", "GM0109", 2017, 5.1),
        # 85494NED (T009002, all persons)
        ("unemployment_rate", "GM0114", 2022, 3.4),
        ("net_labour_participation", "GM0114", 2022, 67.5),
        ("unemployment_rate", "GM0114", 2019, 4.7),
        ("net_labour_participation", "GM0109", 2019, 66.6),
        ("net_labour_participation", "GM0118", 2022, 72.1),
        ("unemployment_rate", "GM1681", 2022, 3.0),
        # 50090NED (18+, xlsx)
        ("health_good", "GM0114", 2012, 72.4),
        ("health_good", "GM0114", 2016, 73.4),
        ("health_good", "GM0114", 2020, 76.7),
        ("health_good", "NL01", 2016, 75.2),
        ("health_good", "GM0109", 2020, 78.9),
        ("overweight", "GM0114", 2020, 58.6),
        ("loneliness", "GM0114", 2012, 36.6),
        ("loneliness", "GM0114", 2020, 45.6),
        ("difficulty_making_ends_meet", "GM0114", 2020, 12.5),
        # 50140NED (16-25); GGD Drenthe (GG0706) stored as the province
        ("young_adult_health_good", "NL01", 2024, 63.8),
        ("young_adult_health_good", "GM0114", 2024, 61.3),
        ("young_adult_health_good", "GM0118", 2024, 68.1),
        ("young_adult_health_good", "GM1681", 2024, 59.5),
        ("young_adult_health_good", "PV22", 2024, 64.1),
        # KWB 2018 (.dbf): population 1-1-2018, nabijheid 2018, energy 2018, businesses
        ("population", "GM0114", 2018, 107_192),
        ("dist_supermarket", "GM0114", 2018, 1.1),  # AF_SUPERM
        ("dist_hospital", "GM0109", 2018, 15.0),  # AF_ZIEK_E (not AF_ZIEK_I, 6.6)
        ("gas_use_per_dwelling", "GM0114", 2018, 1_570),
        ("businesses", "GM0114", 2018, 7_770),  # A_BEDV
        ("vacancy_rate", "GM0114", 2018, 3),
        ("woz_value_70072ned", "GM0114", 2017, 150),  # WOZ, waardepeildatum 1-1-2017
        # 60039fvw 2019
        ("social_assistance_benefits_fvw", "GM0114", 2019, 3_315),
        ("social_assistance_benefits_fvw", "GM0109", 2019, 708),
        ("social_assistance_benefits_fvw", "GM0118", 2019, 1_189),
        ("social_assistance_benefits_fvw", "GM1681", 2019, 450),
        # 85318NED (KWB 2022, first release): total minus O-Q, 10,495 - 1,580
        ("businesses", "GM0114", 2022, 8_915),
        ("businesses", "NL01", 2022, 2_275_240 - 362_260),
        # 70072NED OData selection 2004-2023 and StatLine export 1995-2021
        ("population", "GM0114", 2004, 108_354),
        ("population_80_plus", "GM0114", 2019, 5_760),
        ("woz_value_70072ned", "GM0114", 2015, 148),  # period 2016
        ("woz_value_70072ned", "GM0114", 2019, 173),  # period 2020
        # 83651NED CRI1134 (woninginbraak) 2018
        ("burglary_per_1000", "GM0114", 2018, 3.4),
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


# --- derived regional figures, recomputed by hand from the raw files ---------------------------

DRENTHE = {
    "GM1680": "Aa en Hunze",
    "GM0106": "Assen",
    "GM1681": "Borger-Odoorn",
    "GM0109": "Coevorden",
    "GM1690": "De Wolden",
    "GM0114": "Emmen",
    "GM0118": "Hoogeveen",
    "GM0119": "Meppel",
    "GM1730": "Tynaarlo",
    "GM1731": "Midden-Drenthe",
    "GM1699": "Noordenveld",
    "GM1701": "Westerveld",
}


def test_drenthe_crime_rate_from_summed_counts(built_snapshot, shared_dirs):
    import csv

    raw = shared_dirs[0]
    with open(raw / "crime-83648ned-2013-2017" / "Veiligheid.csv", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, delimiter=";"))
    crimes = sum(
        int(r[3])
        for r in rows[1:]
        if r[0] == "Misdrijven, totaal" and r[1] == "2017" and r[2] in DRENTHE.values()
    )
    with open(
        raw / "70072ned-odata-age-2004-2023" / "regionale_kerncijfers_subset.csv",
        encoding="utf-8-sig",
    ) as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = rows[0]
    population = sum(
        int(r[header.index("TotaleBevolking_1")])
        for r in rows[1:]
        if r[1].strip() in DRENTHE and r[2] == "2017JJ00"
    )
    assert len(DRENTHE) == 12 and population > 480_000
    expected = 1000 * crimes / population
    assert value(built_snapshot, "crime_per_1000", "PV22", 2017) == pytest.approx(expected)
    obs = built_snapshot.observations
    row = obs[(obs.indicator == "crime_per_1000") & (obs.region == "PV22") & (obs.year == 2017)]
    assert row["status"].iloc[0] == "derived"


def test_distances_2018_join_the_2015_series(built_snapshot, shared_dirs):
    """The 70072NED distances of 2015 and the map's of 2018 are one definition: both match
    80305NED, the regional nabijheid table, for Drenthe (population-weighted for 2018)."""
    import pyogrio

    from indicators.sources import raw as rawio

    raw = shared_dirs[0]
    nabij = rawio.read_v3_csv(
        raw / "misc-small" / "ijhidding-80305ned" / "80305ned_UntypedDataSet_31012020_124042.csv"
    )
    pv = nabij[nabij["RegioS"] == "PV22"].set_index("Perioden")
    dbf = pyogrio.read_dataframe(
        raw / "kwb2018-gemeente-dbf" / "gemeente_2018_v2.dbf", read_geometry=False
    )
    dbf = dbf[(dbf["WATER"] == "NEE") & dbf["GM_CODE"].isin(list(DRENTHE))]
    weight = dbf["AANT_INW"].astype(float)
    pairs = {  # indicator: (map column, 80305NED key)
        "dist_supermarket": ("AF_SUPERM", "AfstandTotGroteSupermarkt_20"),
        "supermarkets_within_3km": ("AV3_SUPERM", "Binnen3Km_22"),
        "dist_hospital": ("AF_ZIEK_E", "AfstandTotZiekenhuis_11"),  # without outpatient clinics
        "dist_restaurant": ("AF_RESTAU", "AfstandTotRestaurant_40"),
        "restaurants_within_3km": ("AV3_RESTAU", "Binnen3Km_42"),
        "dist_cinema": ("AF_BIOS", "AfstandTotBioscoop_115"),
        "dist_pool": ("AF_ZWEMB", "AfstandTotZwembad_104"),
    }
    for indicator, (column, key) in pairs.items():
        # 2015: the CBS figure for Drenthe in 70072NED is 80305NED's.
        assert value(built_snapshot, indicator, "PV22", 2015) == pv.loc["2015JJ00", key]
        # 2018: the population-weighted mean of the map's municipal values is 80305NED 2018
        # (CBS rounds both to 0.1 km); it is also the derived Drenthe figure of the snapshot.
        weighted = float((dbf[column].astype(float) * weight).sum() / weight.sum())
        assert abs(weighted - pv.loc["2018JJ00", key]) <= 0.06, indicator
        assert value(built_snapshot, indicator, "PV22", 2018) == pytest.approx(weighted, abs=0.01)
    # With outpatient clinics the map gives 7.6 = 80305NED 2018 (2017: 7.2): the year is 2018.
    with_clinics = float((dbf["AF_ZIEK_I"].astype(float) * weight).sum() / weight.sum())
    assert round(with_clinics, 1) == pv.loc["2018JJ00", "AfstandTotZiekenhuis_7"] == 7.6
    assert pv.loc["2017JJ00", "AfstandTotZiekenhuis_7"] == 7.2


def test_burglary_code_and_kwb_2018_agree(shared_dirs):
    """83651NED CRI1134 in 2018 is KWB 2018's 'diefstal uit woning, schuur e.d.' per 1,000
    (the map rounds to whole numbers): the label of the code and the year of the map."""
    import pyogrio

    from indicators.sources import raw as rawio

    raw = shared_dirs[0]
    thefts = rawio.read_v3_csv(raw / "diefstallen-83651ned-brendaloznik" / "cbs_diefstallen.csv")
    sel = thefts[
        thefts["SoortDiefstal"].eq("CRI1134")
        & thefts["GebruikVanGeweld"].eq("T001540")
        & thefts["Perioden"].eq("2018JJ00")
    ].set_index("RegioS")["GeregistreerdeDiefstallenPer1000Inw_3"]
    dbf = pyogrio.read_dataframe(
        raw / "kwb2018-gemeente-dbf" / "gemeente_2018_v2.dbf", read_geometry=False
    )
    kwb = dbf[dbf["WATER"] == "NEE"].set_index("GM_CODE")["G_WODIEF"].astype(float)
    both = pd.concat([sel.rename("cbs"), kwb.rename("kwb")], axis=1, join="inner").dropna()
    both = both[both["kwb"] >= 0]
    assert len(both) > 100
    assert (both["cbs"].round() == both["kwb"]).mean() > 0.9


def test_woz_of_the_2018_map_is_the_70072ned_series(built_snapshot, shared_dirs):
    # Two sources of woz_value_70072ned overlap in 2017 (70072NED period 2018 and the map's
    # WOZ): the build's cross-check found no difference above 0.5 % anywhere.
    assert built_snapshot.manifest["built_from"]["cross_check_warnings"] == []
    obs = built_snapshot.observations
    woz = obs[(obs.indicator == "woz_value_70072ned") & (obs.year == 2017)]
    assert len(woz[woz.region.str.startswith("GM")]) > 350
    # ... and it is not the KWB (BAG) series: in 2019 they differ (Emmen 173 against 174).
    assert value(built_snapshot, "woz_value_70072ned", "GM0114", 2019) == 173
    assert value(built_snapshot, "woz_value", "GM0114", 2019) == 174


def test_age_shares_agree_with_the_published_percentages(built_snapshot, shared_dirs):
    """Shares computed from the OData counts (2004-2023) match StatLine's own percentages."""
    from indicators.sources import raw as rawio

    path = (
        shared_dirs[0]
        / "70072ned-statline-1995-2021"
        / "Regionale_kerncijfers_Nederland_29012022_153425.csv"
    )
    frame = rawio.read_statline_csv(path)
    emmen = frame[(frame["Regio's"] == "Emmen") & (frame["Perioden"] == "2019")].iloc[0]
    share_65_80 = float(
        next(v for c, v in emmen.items() if "65 tot 80 jaar (%)" in c).replace(",", ".")
    )
    share_80 = float(
        next(v for c, v in emmen.items() if "80 jaar of ouder (%)" in c).replace(",", ".")
    )
    assert share_65_80 == 17.2  # SOURCE.md
    total = value(built_snapshot, "share_65_plus", "GM0114", 2019)
    assert total == pytest.approx(share_65_80 + share_80, abs=0.1)
    assert value(built_snapshot, "share_80_plus", "GM0114", 2019) == pytest.approx(
        share_80, abs=0.05
    )


def test_businesses_2022_are_the_seven_sectors(shared_dirs):
    # NL: the seven sectors A to N and R-U of 85318NED add up to total minus O-Q.
    seven = 79_965 + 316_395 + 391_415 + 172_250 + 184_765 + 519_465 + 248_725
    assert seven == 2_275_240 - 362_260


# --- the acceptance numbers of issue 11 --------------------------------------------------------


def test_every_goal_is_current_and_broad(built_snapshot):
    """Per goal >= 10 scored indicators with municipal, Drenthe and Nederland figures; the
    median latest year >= 2017; >= 20 scored indicators with three or more years."""
    from indicators import catalog

    obs = built_snapshot.observations
    with_three = 0
    for goal in (1, 2, 3):
        latest = []
        for ind in catalog.scored_indicators(goal):
            rows = obs[obs["indicator"] == ind.id]
            nl = set(rows.loc[rows["region"] == "NL01", "year"])
            pv = set(rows.loc[rows["region"] == "PV22", "year"])
            gm = set(rows.loc[rows["region"].str.startswith("GM"), "year"])
            years = sorted(nl & pv & gm)
            assert years, ind.id
            latest.append(max(years))
            with_three += len(years) >= 3
        assert len(latest) >= 10, goal
        assert float(pd.Series(latest).median()) >= 2017, (goal, sorted(latest))
    assert with_three >= 20
