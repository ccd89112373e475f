"""``python -m indicators refresh`` end to end against a local fake CBS (v3, v4, catalog).

The fake CBS holds a small, hand-made world: NL, Drenthe, Groningen and six municipalities,
with numbers chosen so the expected snapshot values can be computed by hand. The previous
snapshot is a copy of the committed one; what CBS OData does not deliver is carried over.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.cbs_server import CBSServer, start_server
from tests.conftest import DATA, ROOT

FOUR = ["GM0114", "GM0109", "GM0118", "GM1681"]
DRENTHE_OTHER = "GM0106"  # Assen
GRONINGEN = "GM0014"
ALL_GM = [*FOUR, DRENTHE_OTHER, GRONINGEN]
NAMES = {
    "GM0114": "Emmen",
    "GM0109": "Coevorden",
    "GM0118": "Hoogeveen",
    "GM1681": "Borger-Odoorn",
    "GM0106": "Assen",
    "GM0014": "Groningen",
}
# Population on 1 January 2026 in the fake world (hand-picked, round numbers).
POP_2026 = {
    "GM0114": 111_000,
    "GM0109": 36_000,
    "GM0118": 57_000,
    "GM1681": 26_000,
    "GM0106": 70_000,
    "GM0014": 240_000,
    "PV22": 500_000,
    "PV20": 600_000,
    "NL01": 18_000_000,
}


def v3_pad(code: str) -> str:
    return code.ljust(10)


def topic(key: str, position: int, title: str | None = None) -> dict:
    return {
        "Key": key,
        "Type": "Topic",
        "Position": position,
        "Title": title or key.rsplit("_", 1)[0],
    }


def dim(key: str, kind: str = "Dimension") -> dict:
    """A dimension entry of DataProperties (v3): Dimension, TimeDimension, GeoDimension or
    GeoDetail (the KWB region dimension)."""
    return {"Key": key, "Type": kind, "Position": None, "Title": key}


REGIONS_V3 = [dim("RegioS", "GeoDimension"), dim("Perioden", "TimeDimension")]
CATALOG = [
    ("99018NED", "Kerncijfers wijken en buurten 2018", "2018"),
    ("99001NED", "Kerncijfers wijken en buurten 2026", "2026"),
    ("99000NED", "Kerncijfers wijken en buurten 2015", "2015"),  # before 2016: not fetched
    ("99100NED", "Gebieden in Nederland 2026", "2026"),
    ("99200NED", "Arbeidsdeelname; regionale indeling 2024", "2019-2024"),
    ("99199NED", "Arbeidsdeelname; regionale indeling 2022", "2019-2022"),  # older: skipped
    ("99300NED", "Maatstaven Financiële-verhoudingswet (Fvw)", "2024"),
    ("99400NED", "Regionale prognose 2025-2050; bevolking, intervallen, regio-indeling 2025", ""),
]
# KWB 2026 is shaped like the real KWB 2024 (85984NED): the keys and suffixes of its
# DataProperties (../shared/cbs-raw/kwb2024-niquedegraaff; test_kwb_recipes_fit_real_metadata).
KWB_2026_KEYS = {
    "AantalInwoners_5": lambda i, gm: POP_2026[gm],
    "HuishoudensTotaal_29": lambda i, gm: 900 * (i + 1),
    "Bevolkingsdichtheid_34": lambda i, gm: 200,
    "Woningvoorraad_35": lambda i, gm: 1000 * (i + 1),
    "GemiddeldeWOZWaardeVanWoningen_39": lambda i, gm: 280 + i,
    "OnbewoondeWoningen_46": lambda i, gm: 3,
    "Koopwoningen_47": lambda i, gm: 60,
    "InBezitWoningcorporatie_49": lambda i, gm: 25,
    "GemiddeldeElektriciteitsleveringTotaal_53": lambda i, gm: 2500 + 10 * i,
    "GemiddeldAardgasverbruikTotaal_61": lambda i, gm: 1000 + 10 * i,
    "BedrijfsvestigingenTotaal_102": lambda i, gm: 100 * (i + 1),
    "OQOverheidOnderwijsEnZorg_109": lambda i, gm: 10 * (i + 1),
    "AfstandTotHuisartsenpraktijk_117": lambda i, gm: 1.0 + i / 10,
    "AfstandTotGroteSupermarkt_118": lambda i, gm: 1.5,
    "AfstandTotKinderdagverblijf_119": lambda i, gm: 0.8,
    "AfstandTotSchool_120": lambda i, gm: 0.7,
    "ScholenBinnen3Km_121": lambda i, gm: 5.0,
    "MateVanStedelijkheid_127": lambda i, gm: 4,
}
# KWB 2018 has the older key names (84286NED): the recipes reach them through their aliases.
KWB_2018_KEYS = {
    "AantalInwoners_5": lambda i, gm: 10_000 * (i + 1),
    "HuishoudensTotaal_28": lambda i, gm: 800,
    "Bevolkingsdichtheid_33": lambda i, gm: 150,
    "Woningvoorraad_34": lambda i, gm: 900,
    "GemiddeldeWoningwaarde_35": lambda i, gm: 150 + i,  # the 70072NED definition
    "PercentageOnbewoond_39": lambda i, gm: 4,  # later 'OnbewoondeWoningen'
    "Koopwoningen_40": lambda i, gm: 61,
    "InBezitWoningcorporatie_42": lambda i, gm: 28,
    "GemiddeldElektriciteitsverbruikTotaal_47": lambda i, gm: 2900,  # later '...levering...'
    "GemiddeldAardgasverbruikTotaal_55": lambda i, gm: 1500,
    "BedrijfsvestigingenTotaal_72": lambda i, gm: 70 * (i + 1),  # no O-Q sector yet
    "TotaalDiefstalUitWoningSchuurED_78": lambda i, gm: 3.0,
    "AfstandTotHuisartsenpraktijk_95": lambda i, gm: 1.2,
    "AfstandTotGroteSupermarkt_96": lambda i, gm: 1.1,
    "AfstandTotKinderdagverblijf_97": lambda i, gm: 0.9,
    "AfstandTotSchool_98": lambda i, gm: 0.8,
    "ScholenBinnen3Km_99": lambda i, gm: 4.0,
    "MateVanStedelijkheid_105": lambda i, gm: 4,
}


def add_kwb(server: CBSServer, table: str, keys: dict, drop: str | None = None) -> None:
    keys = {k: v for k, v in keys.items() if k != drop}
    rows = []
    for i, gm in enumerate(ALL_GM):
        rows.append(
            {"ID": i, "WijkenEnBuurten": v3_pad(gm), **{k: f(i, gm) for k, f in keys.items()}}
        )
    rows.append({"ID": 99, "WijkenEnBuurten": v3_pad("WK011401"), **dict.fromkeys(keys, 1)})
    props = [dim("WijkenEnBuurten", "GeoDetail")]
    props += [topic(k, n) for n, k in enumerate(keys)]
    server.add_v3_table(table, props, rows)


def add_world(
    server: CBSServer,
    crime_key: str = "GeregistreerdeMisdrijvenPer1000Inw_3",
    kwb_drop: str | None = None,
) -> None:
    server.add_v3_catalog(
        [
            {
                "Identifier": ident,
                "Title": title,
                "ShortTitle": title[:40],
                "Period": period,
                "Modified": "2026-10-01T00:00:00",
                "OutputStatus": "Regulier",
            }
            for ident, title, period in CATALOG
        ]
    )
    # Gebieden in Nederland 2026 (v4): gemeente -> provincie, COROP, GGD (codes and names).
    geb = []
    for gm in ALL_GM:
        pv, pv_name = ("PV20", "Groningen") if gm == GRONINGEN else ("PV22", "Drenthe")
        cr, cr_name = (
            ("CR02", "Overig Groningen") if gm == GRONINGEN else ("CR08", "Zuidoost-Drenthe")
        )
        ggd = "GG0111" if gm == GRONINGEN else "GG0706"
        for measure, text in (
            ("GM000C_1", NAMES[gm]),
            ("PV0001", pv),
            ("PV0002", pv_name),
            ("CR0001", cr),
            ("CR0002", cr_name),
            ("GG0001", ggd),
            ("GG0002", "GGD"),
        ):
            geb.append(
                {
                    "Id": len(geb),
                    "Measure": measure,
                    "ValueAttribute": "None",
                    "Value": None,
                    "StringValue": text.ljust(30),
                    "RegioS": gm,
                }
            )
    server.add_v4_table(
        "99100NED",
        [
            {"Identifier": m, "Title": m}
            for m in ("GM000C_1", "PV0001", "PV0002", "CR0001", "CR0002", "GG0001", "GG0002")
        ],
        {},
        geb,
    )
    # 70072ned (v4) RegioSCodes: names of every municipality since 1995, also dissolved ones.
    codes = [{"Identifier": gm, "Title": NAMES[gm], "DimensionGroupId": "GMPV22"} for gm in ALL_GM]
    codes.append({"Identifier": "GM0738", "Title": "Aalburg", "DimensionGroupId": "GMPV30"})
    server.add_v4_table("70072ned", [], {"RegioS": codes}, [])
    # 03759ned (v4): population on 1 January 2026; the measure has an unusual id (found by
    # title), and a non-total Geslacht row that must be ignored.
    obs = []
    for region, value in POP_2026.items():
        for sex, v in (("T001038", value), ("3000", value // 2)):
            obs.append(
                {
                    "Id": len(obs),
                    "Measure": "M999999",
                    "ValueAttribute": "None",
                    "Value": v,
                    "StringValue": None,
                    "Geslacht": sex,
                    "Leeftijd": "10000",
                    "BurgerlijkeStaat": "T001019",
                    "RegioS": region,
                    "Perioden": "2026JJ00",
                }
            )
    server.add_v4_table(
        "03759ned",
        [{"Identifier": "M999999", "Title": "Bevolking op 1 januari"}],
        {
            "Perioden": [{"Identifier": "2026JJ00", "Title": "2026", "Status": "Voorlopig"}],
            "Geslacht": [{"Identifier": "T001038"}, {"Identifier": "3000"}],
            "Leeftijd": [{"Identifier": "10000"}],
            "BurgerlijkeStaat": [{"Identifier": "T001019"}],
            "RegioS": [{"Identifier": r} for r in POP_2026],
        },
        obs,
        page_size=4,
    )
    # 83625NED (v4): average sale price 2025.
    prices = [
        {
            "Id": i,
            "Measure": "M001534",
            "ValueAttribute": "None",
            "Value": 300_000 + i,
            "StringValue": None,
            "RegioS": r,
            "Perioden": "2025JJ00",
        }
        for i, r in enumerate([*ALL_GM, "PV22", "PV20", "NL01"])
    ]
    server.add_v4_table(
        "83625NED",
        [{"Identifier": "M001534", "Title": "Gemiddelde verkoopprijs"}],
        {"Perioden": [{"Identifier": "2025JJ00", "Title": "2025", "Status": "Definitief"}]},
        prices,
    )
    add_70072_v3(server)
    # 83648NED (v3): crime 2025, total and four groups; the rate key's suffix differs from
    # the 2018 table version.
    groups = {"0000000": 40.0, "1000000": 20.0, "2000000": 6.0, "3000000": 5.0, "5000000": 4.0}
    props = [dim("SoortMisdrijf"), *REGIONS_V3]
    props += [topic("TotaalGeregistreerdeMisdrijven_1", 0), topic(crime_key, 1)]
    rows = []
    for i, gm in enumerate(ALL_GM):
        for code, rate in groups.items():
            rows.append(
                {
                    "ID": len(rows),
                    "SoortMisdrijf": code,
                    "RegioS": v3_pad(gm),
                    "Perioden": "2025JJ00",
                    "TotaalGeregistreerdeMisdrijven_1": int(rate * 10),
                    crime_key: rate + i,
                }
            )
    server.add_v3_table("83648NED", props, rows)
    # 83651NED (v3): thefts 2025: bikes (CRI1122; Borger-Odoorn suppressed '.') and
    # burglaries (CRI1134).
    rows = []
    for i, gm in enumerate(ALL_GM):
        for kind in ("CRI1122", "CRI1134"):
            bikes = kind == "CRI1122"
            rows.append(
                {
                    "ID": len(rows),
                    "GebruikVanGeweld": "T001540",
                    "SoortDiefstal": kind,
                    "RegioS": v3_pad(gm),
                    "Perioden": "2025JJ00",
                    "TotaalGeregistreerdeDiefstallen_1": 10 * (i + 1) if bikes else 5 * (i + 1),
                    "GeregistreerdeDiefstallenPer1000Inw_3": (
                        "." if bikes and gm == "GM1681" else f"  {2 + i}.5" if bikes else "1.5"
                    ),
                }
            )
    server.add_v3_table(
        "83651NED",
        [
            dim("GebruikVanGeweld"),
            dim("SoortDiefstal"),
            *REGIONS_V3,
            topic("TotaalGeregistreerdeDiefstallen_1", 0),
            topic("GeregistreerdeDiefstallenPer1000Inw_3", 1),
        ],
        rows,
    )
    # 71950ned (v3): life expectancy NL 2025 (no region dimension).
    server.add_v3_table(
        "71950ned",
        [
            dim("Geslacht"),
            dim("LeeftijdOp31December"),
            dim("Marges"),
            dim("Perioden", "TimeDimension"),
            topic("LevensverwachtingLV_1", 0),
        ],
        [
            {
                "ID": 0,
                "Geslacht": "T001038",
                "LeeftijdOp31December": "10010",
                "Marges": "MW00000",
                "Perioden": "2025JJ00",
                "LevensverwachtingLV_1": 82.0,
            }
        ],
    )
    # KWB editions (v3, found by title): 2018 with the old key names, 2026 like KWB 2024.
    add_kwb(server, "99018NED", KWB_2018_KEYS)
    add_kwb(server, "99001NED", KWB_2026_KEYS, drop=kwb_drop)
    # Arbeidsdeelname; regionale indeling 2024 (v3): 2023, all persons and men.
    rows = []
    for i, gm in enumerate(ALL_GM):
        for person, net in (("T009002", 70.0 + i), ("3000", 80.0)):
            rows.append(
                {
                    "ID": len(rows),
                    "Persoonskenmerken": person,
                    "RegioS": v3_pad(gm),
                    "Perioden": "2023JJ00",
                    "BeroepsEnNietBeroepsbevolking_1": 10 * (i + 1),
                    "Beroepsbevolking_2": 7 * (i + 1),
                    "Werkloosheidspercentage_13": 3.0,
                    "NettoArbeidsparticipatie_16": net,
                }
            )
    server.add_v3_table(
        "99200NED",
        [
            dim("Persoonskenmerken"),
            *REGIONS_V3,
            topic("BeroepsEnNietBeroepsbevolking_1", 0),
            topic("Beroepsbevolking_2", 1),
            topic("Werkloosheidspercentage_13", 2),
            topic("NettoArbeidsparticipatie_16", 3),
        ],
        rows,
    )
    # Fvw (v3): the social-assistance key found by its title.
    rows = [
        {
            "ID": i,
            "RegioS": v3_pad(gm),
            "Perioden": "2026JJ00",
            "TotaalBijstandsuitkeringen_31": 100 * (i + 1),
        }
        for i, gm in enumerate(ALL_GM)
    ]
    server.add_v3_table(
        "99300NED",
        [*REGIONS_V3, topic("TotaalBijstandsuitkeringen_31", 0, "Totaal bijstandsuitkeringen")],
        rows,
    )
    # Regionale prognose (v3): x 1 000 inhabitants, with the 67 % interval.
    rows = []
    for region in [*FOUR, "PV22", "NL01"]:
        base = POP_2026.get(region, 100_000) / 1000
        for period, factor in (("2030JJ00", 1.0), ("2050JJ00", 0.95)):
            for interval, spread in (("MW00000", 0.0), ("MOG0067", -5.0), ("MBG0067", 5.0)):
                rows.append(
                    {
                        "ID": len(rows),
                        "PrognoseInterval": interval,
                        "Leeftijd": "10000",
                        "RegioS": v3_pad(region),
                        "Perioden": period,
                        "TotaleBevolking_1": round(base * factor + spread, 1),
                    }
                )
    server.add_v3_table(
        "99400NED",
        [
            dim("PrognoseInterval"),
            dim("Leeftijd"),
            *REGIONS_V3,
            topic("TotaleBevolking_1", 0, "Totale bevolking"),
        ],
        rows,
    )


def v3_70072_names() -> list[str]:
    """Every 70072NED key name the recipes use (the income key twice: two blocks)."""
    from indicators.extract import recipes_for

    names = sorted({t.names[0] for _, r in recipes_for("70072NED") for t in r.all_terms})
    return [*names, "TotaalParticuliereHuishoudens"]


def add_70072_v3(server: CBSServer) -> None:
    names = v3_70072_names()
    keys = [f"{name}_{n + 200}" for n, name in enumerate(names)]
    position = {name: keys[names.index(name)] for name in names}
    rows = []
    for i, region in enumerate([*ALL_GM, "PV22", "PV20", "NL01"]):
        row = {"ID": i, "RegioS": v3_pad(region), "Perioden": "2025JJ00"}
        for key in keys:
            row[key] = 1.0
        row[position["TotaleBevolking"]] = 100_000.0
        row[position["Werkloosheid"]] = 2_500.0  # -> 25.0 per 1 000
        row[position["AfstandTotHuisartsenpraktijk"]] = 1.5 + i / 10
        row[position["TotaalHuishoudelijkAfval"]] = 4.0  # restafval 1, grof 1 -> 50 %
        row[position["k_65Tot80Jaar"]] = 15_000.0
        row[position["k_80JaarOfOuder"]] = 5_000.0  # 65+: 20,000 of 100,000 = 20 %
        row[position["PersonenautoSRelatief"]] = 500.0 + i
        rows.append(row)
    server.add_v3_table("70072NED", [*REGIONS_V3, *(topic(k, n) for n, k in enumerate(keys))], rows)


def digest(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def refresh(server: CBSServer, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "refresh",
            "--out",
            str(out),
            "--v3-url",
            server.v3_url,
            "--v4-url",
            server.v4_url,
            "--catalog-url",
            server.v3_catalog_url,
            "--timeout",
            "2",
            "--retries",
            "2",
            "--geo",
            str(out.parent / "no-geo"),
            *extra,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    return out


@pytest.fixture
def fake_cbs():
    with start_server(load_fixtures=False, timeout_sleep=3.0) as server:
        add_world(server)
        yield server


def test_refresh_end_to_end(fake_cbs, previous):
    result = refresh(fake_cbs, previous)
    assert result.returncode == 0, result.stderr
    obs = pd.read_parquet(previous / "observations.parquet")

    def value(ind: str, region: str, year: int) -> float:
        hit = obs[(obs.indicator == ind) & (obs.region == region) & (obs.year == year)]
        assert len(hit) == 1, (ind, region, year, hit)
        return float(hit["value"].iloc[0])

    def years(ind: str, region: str = "GM0114") -> list[int]:
        return sorted(obs[(obs.indicator == ind) & (obs.region == region)]["year"])

    assert value("population", "GM0114", 2026) == 111_000
    status = obs[(obs.indicator == "population") & (obs.region == "GM0114") & (obs.year == 2026)]
    assert status["status"].iloc[0] == "provisional"  # CBS marks 2026 'Voorlopig' in the fake
    # ZOD = 111,000 + 36,000 + 57,000 + 26,000
    assert value("population", "ZOD", 2026) == 230_000
    assert value("house_price", "GM0109", 2025) == 300_001
    # 70072NED: 2,500 WW-uitkeringen / 100,000 inhabitants * 1,000; 65+ = 20,000 / 100,000
    assert value("unemployment_benefits_per_1000", "GM0118", 2025) == pytest.approx(25.0)
    assert value("share_65_plus", "GM0114", 2025) == pytest.approx(20.0)
    assert value("dist_gp", "NL01", 2025) == pytest.approx(1.5 + 8 / 10)
    assert value("waste_separated_share", "GM0114", 2025) == pytest.approx(50.0)
    assert value("cars_per_1000", "GM0109", 2025) == 501
    # 83648NED: every crime group of the recipes (rate + index of the municipality)
    assert value("crime_per_1000", "GM1681", 2025) == 43.0  # 40 + 3
    assert value("property_crime_per_1000", "GM0114", 2025) == 20.0
    assert value("traffic_crime_per_1000", "GM0109", 2025) == 5.0  # 4 + 1
    assert years("crime_per_1000") == [2025]  # the live table replaces the 2013-2017 export
    # 83651NED: bike thefts and burglaries
    assert value("bike_theft_per_1000", "GM0109", 2025) == 3.5
    assert value("burglary_per_1000", "GM0118", 2025) == 1.5
    # ZOD from summed counts though Borger-Odoorn's rate is suppressed; the population of 2025
    # comes from the fake 70072NED (100,000 per municipality):
    # (10 + 20 + 30 + 40) / (4 * 100,000) * 1,000 = 0.25
    assert value("bike_theft_per_1000", "ZOD", 2025) == pytest.approx(0.25)
    assert obs[
        (obs.indicator == "bike_theft_per_1000") & (obs.region == "GM1681") & (obs.year == 2025)
    ].empty
    assert value("life_expectancy", "NL01", 2025) == 82.0
    # KWB 2026 (keys as in the real KWB 2024): WOZ describes 1 January 2025; the business
    # count leaves out O-Q: 100 - 10 for GM0114; electricity through 'levering'.
    assert value("woz_value", "GM0114", 2025) == 280
    assert value("vacancy_rate", "GM0114", 2026) == 3
    assert value("businesses", "GM0114", 2026) == 90
    assert value("electricity_use_per_dwelling", "GM0109", 2026) == 2510
    # KWB 2018 under its old key names, through the aliases: vacancy 'PercentageOnbewoond',
    # electricity 'verbruik', WOZ 'GemiddeldeWoningwaarde' (the 70072NED series, 1-1-2017).
    assert value("vacancy_rate", "GM0114", 2018) == 4
    assert value("electricity_use_per_dwelling", "GM0114", 2018) == 2900
    assert value("woz_value_70072ned", "GM0109", 2017) == 151
    assert value("burglary_per_1000", "GM0114", 2018) == 3.0
    assert 2017 not in years("woz_value")  # never spliced into the KWB (BAG) series
    # businesses per 1,000 from two indicators: 90 / 111,000 * 1,000
    assert value("businesses_per_1000", "GM0114", 2026) == pytest.approx(90 / 111)
    # The 2015 edition is older than the first edition asked for (2016): not fetched.
    assert 2015 not in years("vacancy_rate")
    # Arbeidsdeelname, newest edition by title: all persons only; Drenthe weighted by the
    # 15-75 population: (70*10 + 71*20 + 72*30 + 73*40 + 74*50) / 150 = 72.666...
    assert value("net_labour_participation", "GM0114", 2023) == 70.0
    assert value("net_labour_participation", "PV22", 2023) == pytest.approx(10_900 / 150)
    # Fvw: the key found by its title; per 1,000 inhabitants of the same year (03759ned):
    # 300 / 57,000 * 1,000
    assert value("social_assistance_benefits_fvw", "GM0118", 2026) == 300
    assert value("social_assistance_benefits_fvw_per_1000", "GM0118", 2026) == pytest.approx(
        300 / 57
    )
    # The regional forecast per municipality, with the 67 % interval.
    assert value("population_outlook", "GM0114", 2050) == pytest.approx(round(111 * 0.95, 1))
    assert value("population_outlook_low", "GM0114", 2050) == pytest.approx(
        round(111 * 0.95 - 5, 1)
    )
    assert value("population_outlook_high", "GM1681", 2030) == pytest.approx(31.0)
    assert obs[obs.source == "cbs-84527ned-transcribed"].empty  # the old points are replaced
    # Carried over unchanged from sources the fake CBS does not serve: the RIVM health table,
    # the 2018 distances of the map, and the KWB 2025 edition (WOZ of 1 January 2024).
    assert value("health_good", "GM0114", 2020) == 76.7
    assert value("dist_daily_groceries", "GM0114", 2018) > 0
    assert value("woz_value", "GM0114", 2024) == 265
    # A source served live replaces its rows as a whole: 03759ned now only has 2026 here.
    assert obs[(obs.source == "cbs-03759ned")]["year"].unique().tolist() == [2026]
    manifest = (previous / "manifest.json").read_text()
    assert fake_cbs.v4_url in manifest and "carried over" in manifest
    assert "refresh (live CBS OData)" in manifest
    # Every request asked only for the keys the recipes name (here: KWB 2026).
    kwb = fake_cbs.requests_for("/v3/99001NED/TypedDataSet")[0].query["$select"].split(",")
    assert set(kwb) == {"WijkenEnBuurten", *KWB_2026_KEYS}
    assert (
        subprocess.run(
            [sys.executable, "-m", "indicators", "validate", str(previous)],
            cwd=ROOT,
            capture_output=True,
        ).returncode
        == 0
    )


def test_refresh_kwb_edition_without_a_key_names_table_key_and_edition(previous):
    with start_server(load_fixtures=False) as server:
        add_world(server, kwb_drop="Woningvoorraad_35")
        before = digest(previous)
        result = refresh(server, previous)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert "KWB 2026 (99001NED)" in first and "'Woningvoorraad'" in first
    assert "previous snapshot is unchanged" in result.stderr
    assert digest(previous) == before


def test_kwb_recipes_fit_the_real_kwb_2024_metadata(shared_dirs):
    """Every KWB key the recipes require for an edition from 2020 resolves in the real
    DataProperties of KWB 2024 (85984NED), with the suffixes the fake CBS above uses."""
    import json

    from indicators.extract import select_keys

    path = shared_dirs[0] / "kwb2024-niquedegraaff" / "DataProperties.json"
    props = json.loads(path.read_text(encoding="utf-8"))
    props = props["value"] if isinstance(props, dict) else props
    topics = [p for p in props if p.get("Type") == "Topic"]
    keys = [p["Key"] for p in sorted(topics, key=lambda p: p["Position"])]
    titles = {p["Key"]: p["Title"] for p in topics}
    chosen = select_keys("KWB", "85984NED", keys, titles, edition=2024)
    assert set(chosen) == set(KWB_2026_KEYS)


def test_refresh_recovers_from_transient_errors(fake_cbs, previous):
    fake_cbs.faults["/v4/03759ned/Observations"] = ["503", "ok"]
    fake_cbs.faults["/v3/83648NED/TypedDataSet"] = ["500", "ok"]
    result = refresh(fake_cbs, previous)
    assert result.returncode == 0, result.stderr
    assert fake_cbs.count("/v4/03759ned/Observations") >= 2


@pytest.mark.parametrize(
    ("path", "fault", "expected"),
    [
        ("/v4/03759ned/Observations", ["500"] * 5, "03759ned"),
        ("/v3/70072NED/TypedDataSet", ["malformed"] * 5, "70072NED"),
        ("/v3/83651NED/DataProperties", ["404"] * 5, "83651NED"),
        ("/v3catalog/Tables", ["timeout"] * 5, "catalog"),
    ],
)
def test_refresh_failure_keeps_previous_snapshot(fake_cbs, previous, path, fault, expected):
    before = digest(previous)
    fake_cbs.faults[path] = fault
    result = refresh(fake_cbs, previous)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
    assert "previous snapshot is unchanged" in result.stderr
    assert digest(previous) == before


def test_refresh_renamed_key_names_the_key(previous):
    with start_server(load_fixtures=False) as server:
        add_world(server, crime_key="MisdrijvenPerDuizendInwoners_3")
        before = digest(previous)
        result = refresh(server, previous)
    assert result.returncode == 1
    assert "GeregistreerdeMisdrijvenPer1000Inw" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(previous) == before


def test_refresh_unreachable_cbs(previous, tmp_path):
    before = digest(previous)
    dead = "http://127.0.0.1:9"  # discard port: connection refused
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "indicators",
            "refresh",
            "--out",
            str(previous),
            "--v3-url",
            dead,
            "--v4-url",
            dead,
            "--catalog-url",
            dead,
            "--retries",
            "1",
            "--timeout",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "not reachable" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(previous) == before


def test_refresh_honours_retry_after_on_429(fake_cbs, previous):
    fake_cbs.faults["/v3/83648NED/TypedDataSet"] = ["429", "ok"]  # Retry-After: 1
    result = refresh(fake_cbs, previous)
    assert result.returncode == 0, result.stderr
    times = [r.time for r in fake_cbs.requests_for("/v3/83648NED/TypedDataSet")]
    assert len(times) == 2 and times[1] - times[0] >= 0.9


def test_refresh_missing_region_aborts_and_keeps_snapshot(previous):
    with start_server(load_fixtures=False) as server:
        add_world(server)
        # Re-register 83651NED without Borger-Odoorn's row.
        rows = [
            {
                "ID": 0,
                "GebruikVanGeweld": "T001540",
                "SoortDiefstal": "CRI1122",
                "RegioS": v3_pad(gm),
                "Perioden": "2025JJ00",
                "TotaalGeregistreerdeDiefstallen_1": 5,
                "GeregistreerdeDiefstallenPer1000Inw_3": 1.0,
            }
            for gm in ALL_GM
            if gm != "GM1681"
        ]
        server.add_v3_table(
            "83651NED",
            [
                topic("TotaalGeregistreerdeDiefstallen_1", 0),
                topic("GeregistreerdeDiefstallenPer1000Inw_3", 1),
            ],
            rows,
        )
        before = digest(previous)
        result = refresh(server, previous)
    assert result.returncode == 1
    assert "83651NED" in result.stderr and "GM1681" in result.stderr
    assert "Traceback" not in result.stderr
    assert digest(previous) == before


@pytest.mark.parametrize("kill_after", [0.3, 0.8, 1.5])
def test_refresh_killed_mid_run_leaves_a_valid_snapshot(previous, kill_after):
    """SIGKILL at some moment: afterwards the snapshot is either the old one, byte for byte,
    or (if the swap had finished) a complete new one; never a half-written one."""
    import signal
    import time

    from indicators.snapshot import load_snapshot, remove_stale_temporaries, validate

    before = digest(previous)
    with start_server(load_fixtures=False, timeout_sleep=3.0) as server:
        add_world(server)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "indicators",
                "refresh",
                "--out",
                str(previous),
                "--v3-url",
                server.v3_url,
                "--v4-url",
                server.v4_url,
                "--catalog-url",
                server.v3_catalog_url,
                "--timeout",
                "5",
                "--retries",
                "0",
                "--geo",
                str(previous.parent / "no-geo"),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    load_snapshot(previous)  # recovers an interrupted swap, if the kill hit one
    after = digest(previous)
    if after != before:
        validate(previous)  # the swap completed: the new snapshot must be whole
    remove_stale_temporaries(previous)  # what the next build does first
    assert not list(previous.parent.glob(".data.new-*"))
    assert not list(previous.parent.glob(".data.old-*"))
