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


def topic(key: str, position: int) -> dict:
    return {"Key": key, "Type": "Topic", "Position": position, "Title": key.rsplit("_", 1)[0]}


def add_world(server: CBSServer, crime_key: str = "GeregistreerdeMisdrijvenPer1000Inw_3") -> None:
    server.add_v3_catalog(
        [
            {
                "Identifier": "99001NED",
                "Title": "Kerncijfers wijken en buurten 2026",
                "ShortTitle": "KWB 2026",
                "Period": "2026",
                "Modified": "2026-10-01T00:00:00",
                "OutputStatus": "Regulier",
            },
            {
                "Identifier": "99000NED",
                "Title": "Kerncijfers wijken en buurten 2019",
                "ShortTitle": "KWB 2019",
                "Period": "2019",
                "Modified": "2020-10-01T00:00:00",
                "OutputStatus": "Regulier",
            },
            {
                "Identifier": "99100NED",
                "Title": "Gebieden in Nederland 2026",
                "ShortTitle": "Gebieden 2026",
                "Period": "2026",
                "Modified": "2026-01-01T00:00:00",
                "OutputStatus": "Regulier",
            },
        ]
    )
    # Gebieden in Nederland 2026 (v4): gemeente -> provincie, COROP, GGD (codes and names).
    geb = []
    for gm in ALL_GM:
        pv, pv_name = ("PV20", "Groningen") if gm == GRONINGEN else ("PV22", "Drenthe")
        cr, cr_name = (
            ("CR02", "Overig Groningen") if gm == GRONINGEN else ("CR08", "Zuidoost-Drenthe")
        )
        for measure, text in (
            ("GM000C_1", NAMES[gm]),
            ("PV0001", pv),
            ("PV0002", pv_name),
            ("CR0001", cr),
            ("CR0002", cr_name),
            ("GG0001", "GG0706"),
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
        {"Perioden": [{"Identifier": "2026JJ00", "Title": "2026", "Status": "Voorlopig"}]},
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
    # 70072ned (v4): population and cars per 1 000 for the municipalities, 2026.
    cars = []
    for gm in ALL_GM:
        cars.append(
            {
                "Id": len(cars),
                "Measure": "M000352_3",
                "ValueAttribute": "None",
                "Value": POP_2026[gm],
                "StringValue": None,
                "RegioS": gm,
                "Perioden": "2026JJ00",
            }
        )
        cars.append(
            {
                "Id": len(cars),
                "Measure": "A018943_2",
                "ValueAttribute": "None",
                "Value": 500 + ALL_GM.index(gm),
                "StringValue": None,
                "RegioS": gm,
                "Perioden": "2026JJ00",
            }
        )
    server.add_v4_table(
        "70072ned",
        [
            {"Identifier": "M000352_3", "Title": "Totale bevolking"},
            {"Identifier": "A018943_2", "Title": "Personenauto's, relatief"},
        ],
        {},
        cars,
    )
    add_70072_v3(server)
    # 83648NED (v3): crime per 1 000, 2025; key suffix differs from the 2018 table version.
    props = [topic("TotaalGeregistreerdeMisdrijven_1", 0), topic(crime_key, 1)]
    rows = [
        {
            "ID": i,
            "SoortMisdrijf": "0000000",
            "RegioS": v3_pad(gm),
            "Perioden": "2025JJ00",
            "TotaalGeregistreerdeMisdrijven_1": 100,
            crime_key.split("?")[0]: 40.0 + i,
        }
        for i, gm in enumerate(ALL_GM)
    ]
    server.add_v3_table("83648NED", props, rows)
    # 83651NED (v3): bike thefts per 1 000, 2025; Borger-Odoorn suppressed ('.').
    rows = [
        {
            "ID": i,
            "GebruikVanGeweld": "T001540",
            "SoortDiefstal": "CRI1122",
            "RegioS": v3_pad(gm),
            "Perioden": "2025JJ00",
            "TotaalGeregistreerdeDiefstallen_1": 10 * (i + 1),
            "GeregistreerdeDiefstallenPer1000Inw_3": "." if gm == "GM1681" else f"  {2 + i}.5",
        }
        for i, gm in enumerate(ALL_GM)
    ]
    server.add_v3_table(
        "83651NED",
        [
            topic("TotaalGeregistreerdeDiefstallen_1", 0),
            topic("GeregistreerdeDiefstallenPer1000Inw_3", 1),
        ],
        rows,
    )
    # 71950ned (v3): life expectancy NL 2025.
    server.add_v3_table(
        "71950ned",
        [topic("LevensverwachtingLV_1", 0)],
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
    # KWB 2026 (v3): gemeente rows; WOZ x 1 000 euro describes 1 January 2025.
    kwb_keys = [
        "AantalInwoners_5",
        "Woningvoorraad_35",
        "HuishoudensTotaal_29",
        "OnbewoondeWoningen_46",
        "Koopwoningen_47",
        "InBezitWoningcorporatie_49",
        "GemiddeldeWOZWaardeVanWoningen_41",
        "MateVanStedelijkheid_127",
        "Bevolkingsdichtheid_34",
    ]
    rows = []
    for i, gm in enumerate(ALL_GM):
        values = [POP_2026[gm], 1000 * (i + 1), 900 * (i + 1), 3, 60, 25, 280 + i, 4, 200]
        rows.append(
            {"ID": i, "WijkenEnBuurten": v3_pad(gm), **dict(zip(kwb_keys, values, strict=True))}
        )
    rows.append(
        {
            "ID": 99,
            "WijkenEnBuurten": v3_pad("WK011401"),
            **dict(zip(kwb_keys, [1, 1, 1, 1, 1, 1, 1, 1, 1], strict=True)),
        }
    )
    server.add_v3_table("99001NED", [topic(k, n) for n, k in enumerate(kwb_keys)], rows)


# 70072NED (v3) topic names of the 2018 version the extraction resolves by name.
V3_70072_NAMES = [
    "TotaleBevolking",
    "TotaalAantalParticuliereHuishoudens",
    "VoorraadOp1Januari",
    "Nieuwbouwwoningen",
    "Koopwoningen",
    "TotaalParticuliereHuishoudens",
    "TotaalParticuliereHuishoudens",
    "Werkloosheid",
    "BijstandTotDeAOWLeeftijd",
    "ArbeidsongeschiktheidTotaal",
    "BedrijfsvestigingenTotaal",
    "TotaalAantalBanen",
    "HuishoudelijkRestafval",
    "TotaalHuishoudelijkAfval",
    "GrofHuishoudelijkRestafval",
    "AfstandTotHuisartsenpraktijk",
    "AfstandTotHuisartsenpost",
    "AfstandTotZiekenhuis",
    "AfstandTotKinderdagverblijf",
    "AfstandTotSchoolBasisonderwijs",
    "AfstandTotSchoolHavoVwo",
    "AfstandTotGroteSupermarkt",
    "AfstandTotBibliotheek",
    "AfstandTotBioscoop",
    "AfstandTotZwembad",
    "AfstandTotTreinstation",
    "AantalBasisonderwijsscholenBinnen3Km",
    "AantalGroteSupermarktenBinnen3Km",
]


def add_70072_v3(server: CBSServer) -> None:
    keys = [f"{name}_{n + 200}" for n, name in enumerate(V3_70072_NAMES)]
    rows = []
    for i, region in enumerate([*ALL_GM, "PV22", "PV20", "NL01"]):
        row = {"ID": i, "RegioS": v3_pad(region), "Perioden": "2025JJ00"}
        for key in keys:
            row[key] = 1.0
        row[keys[0]] = 100_000.0  # TotaleBevolking
        row[keys[7]] = 2_500.0  # Werkloosheid -> 25.0 per 1 000
        row[keys[15]] = 1.5 + i / 10  # AfstandTotHuisartsenpraktijk
        row[keys[13]] = 4.0  # TotaalHuishoudelijkAfval (restafval 1, grof 1) -> 50 % separated
        rows.append(row)
    server.add_v3_table("70072NED", [topic(k, n) for n, k in enumerate(keys)], rows)


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

    assert value("population", "GM0114", 2026) == 111_000
    status = obs[(obs.indicator == "population") & (obs.region == "GM0114") & (obs.year == 2026)]
    assert status["status"].iloc[0] == "provisional"  # CBS marks 2026 'Voorlopig' in the fake
    # ZOD = 111,000 + 36,000 + 57,000 + 26,000
    assert value("population", "ZOD", 2026) == 230_000
    assert value("house_price", "GM0109", 2025) == 300_001
    # 2,500 WW-uitkeringen / 100,000 inhabitants * 1,000
    assert value("unemployment_benefits_per_1000", "GM0118", 2025) == pytest.approx(25.0)
    assert value("dist_gp", "NL01", 2025) == pytest.approx(1.5 + 8 / 10)
    assert value("crime_per_1000", "GM1681", 2025) == 43.0
    assert value("bike_theft_per_1000", "GM0109", 2025) == 3.5
    # ZOD from summed counts though Borger-Odoorn's rate is suppressed; the population of 2025
    # comes from the fake 70072NED (100,000 per municipality):
    # (10 + 20 + 30 + 40) / (4 * 100,000) * 1,000 = 0.25
    assert value("bike_theft_per_1000", "ZOD", 2025) == pytest.approx(0.25)
    assert value("waste_separated_share", "GM0114", 2025) == pytest.approx(50.0)
    assert obs[
        (obs.indicator == "bike_theft_per_1000") & (obs.region == "GM1681") & (obs.year == 2025)
    ].empty
    assert value("life_expectancy", "NL01", 2025) == 82.0
    # KWB 2026 edition: WOZ describes 1 January 2025; the 2019 edition is not fetched.
    assert value("woz_value", "GM0114", 2025) == 280
    assert value("vacancy_rate", "GM0114", 2026) == 3
    assert value("cars_per_1000", "GM0109", 2026) == 501
    # Carried over unchanged from sources the fake CBS does not serve: the transcribed outlook
    # and the KWB 2025 edition (WOZ of 1 January 2024).
    assert value("population_outlook", "PV22", 2050) == 475.8
    assert value("woz_value", "GM0114", 2024) == 265
    # A source served live replaces its rows as a whole: 03759ned now only has 2026 here.
    assert obs[(obs.source == "cbs-03759ned")]["year"].unique().tolist() == [2026]
    manifest = (previous / "manifest.json").read_text()
    assert fake_cbs.v4_url in manifest and "carried over" in manifest
    assert "refresh (live CBS OData)" in manifest
    assert (
        subprocess.run(
            [sys.executable, "-m", "indicators", "validate", str(previous)],
            cwd=ROOT,
            capture_output=True,
        ).returncode
        == 0
    )


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
