"""The pages 'Data & downloads' and 'Methode & bronnen': their view models and the pages
headless (AppTest) for the four municipalities and ZOD."""

from __future__ import annotations

import io
import string

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators import views_data as vd
from indicators.export import to_csv_bytes
from indicators.formatting import format_number
from indicators.snapshot import load_snapshot
from indicators.ui_text import downloads as dl_text
from indicators.ui_text import methode as m_text
from tests.conftest import DATA, ROOT

REGIONS = ["GM0114", "GM0109", "GM0118", "GM1681", "ZOD"]


@pytest.fixture(scope="module")
def expected():
    snap = load_snapshot(DATA)
    return snap, scoring.compute(snap.observations, snap.regions)


# --- pure functions ---------------------------------------------------------------------------


def test_file_names_say_what_and_when():
    assert (
        vd.file_name("alle-indicatoren", "2026-11-29")
        == "brede-welvaart-zod_alle-indicatoren_2026-11-29.csv"
    )
    assert (
        vd.file_name("selectie-GM0114-Zuid- en Oost-Drenthe", "2026-11-29", dutch_excel=True)
        == "brede-welvaart-zod_selectie-gm0114-zuid-en-oost-drenthe_2026-11-29_excel-nl.csv"
    )


def test_snapshot_date_is_the_build_day(expected):
    snap, _ = expected
    assert vd.snapshot_date(snap) == snap.manifest["built_at"][:10]


def test_join_words():
    assert vd.join_words(["a"]) == "a"
    assert vd.join_words(["a", "b", "c"]) == "a, b en c"
    assert vd.join_words(["a", "b"], "en") == "a and b"


def test_selection_is_region_references_and_its_wijken(expected):
    snap, _ = expected
    regions = snap.regions
    emmen = vd.selection_regions("GM0114", regions)
    assert emmen[:4] == ["GM0114", "ZOD", "PV22", "NL01"]
    wijken = regions[(regions["level"] == "wijk") & (regions["gemeente"] == "GM0114")]["code"]
    assert sorted(emmen[4:]) == sorted(wijken) and len(wijken) > 0
    zod = vd.selection_regions("ZOD", regions)
    assert zod[:7] == ["ZOD", "GM0114", "GM0109", "GM0118", "GM1681", "PV22", "NL01"]
    assert len(zod) == 7 + int((regions["level"] == "wijk").sum())  # all wijken are of the four


def test_selection_dataset_holds_every_observation_of_those_regions(expected):
    snap, _ = expected
    frame = vd.selection_dataset(snap, "GM1681")
    obs = snap.observations
    wanted = vd.selection_regions("GM1681", snap.regions)
    assert len(frame) == int(obs["region"].isin(wanted).sum())
    assert list(frame.columns) == list(vd.TIDY_COLUMNS)
    first = frame.iloc[0]
    assert (first["indicator"], first["region"]) == ("population", "GM1681")
    assert (
        first["year"]
        == obs[(obs.indicator == "population") & (obs.region == "GM1681")]["year"].min()
    )


def test_dutch_excel_csv_of_the_selection_reads_back_as_numbers(expected):
    snap, _ = expected
    frame = vd.selection_dataset(snap, "GM0109")
    back = pd.read_csv(
        io.BytesIO(to_csv_bytes(frame, dutch_excel=True)),
        sep=";",
        decimal=",",
        encoding="utf-8-sig",
    )
    assert back["value"].dtype == float
    np.testing.assert_allclose(back["value"].to_numpy(), frame["value"].to_numpy())


def test_scores_per_year_cover_all_years_and_focus_regions_first(expected):
    snap, scores = expected
    table = vd.scores_per_year(scores, snap.regions)
    wanted = scores.municipalities | {"ZOD", "PV22", "NL01"}
    per_jaar = scores.per_jaar[scores.per_jaar["region"].isin(wanted)]
    assert len(table) == len(per_jaar)
    assert "n_bottom_quarter" not in table.columns
    assert list(table["region"].iloc[:1]) == ["GM0114"]
    row = table[(table.region == "GM0118") & (table.goal == 3) & (table.year == 2015)].iloc[0]
    source = per_jaar[
        (per_jaar.region == "GM0118") & (per_jaar.goal == 3) & (per_jaar.year == 2015)
    ].iloc[0]
    assert row["score"] == round(source["score"], 2)


def test_scores_actueel_has_every_region_once_per_goal(expected):
    snap, scores = expected
    table = vd.scores_actueel(scores, snap.regions)
    assert not table.duplicated(["region", "goal"]).any()
    assert table.iloc[0]["region"] == "GM0114"
    nl = table[(table.region == "NL01")]
    assert set(nl["score"]) == {5.0}


def test_preview_formats_the_dutch_way():
    frame = pd.DataFrame(
        {
            "indicator": ["population", "crime_per_1000", "crime_per_1000"],
            "year": [2015, 2020, 2021],
            "value": [107775.0, 3.14159, np.nan],
            "rank": [1.0, np.nan, 12345.0],
            "score": [4.0, 3.66, 5.0],
        }
    )
    shown = vd.preview(frame)
    # population has 0 decimals, crime_per_1000 has 1 in the catalog
    assert list(shown["value"]) == ["107.775", "3,1", "–"]
    assert list(shown["year"]) == ["2015", "2020", "2021"]
    assert list(shown["rank"]) == ["1", "–", "12.345"]
    assert list(shown["score"]) == ["4,00", "3,66", "5,00"]
    assert len(vd.preview(frame, 2)) == 2


def test_column_descriptions_cover_the_tidy_dataset(expected):
    snap, _ = expected
    from indicators.export import tidy_dataset

    table = vd.column_descriptions("en")
    assert list(table["column"]) == list(tidy_dataset(snap).columns)
    assert table["meaning"].str.len().min() > 5


def test_stability_words():
    assert vd.stability_key(0.98) == "m_stable_high"
    assert vd.stability_key(0.90) == "m_stable_mid"
    assert vd.stability_key(0.50) == "m_stable_low"
    assert vd.stability_key(float("nan")) == "m_stable_low"


def _sens_rows() -> pd.DataFrame:
    base = {
        "goal": 2,
        "status": "ok",
        "rho_pct": 0.981,
        "rho_minmax": 0.994,
        "quartile_z": "midden",
        "quartile_minmax": "midden",
    }
    return pd.DataFrame(
        [
            {**base, "region": "GM0114", "score": 5.0, "loo_min": 4.9, "loo_max": 5.1},
            {
                **base,
                "region": "GM0109",
                "score": 5.0,
                "loo_min": 4.6,
                "loo_max": 5.2,
                "quartile_pct": "onderste kwart",
            },
            {**base, "region": "XX9999", "score": 9.0, "loo_min": 1.0, "loo_max": 9.0},
        ]
    ).fillna({"quartile_pct": "midden"})


def test_sensitivity_sentence_names_the_changed_quarter():
    names = {"GM0114": "Emmen", "GM0109": "Coevorden"}
    (sentence,) = vd.sensitivity_sentences(_sens_rows(), names, "nl").values()
    assert sentence.startswith("Bij doel 2 (Duurzaam en bereikbaar voorzieningenniveau)")
    assert "vrijwel gelijk (Spearman ρ 0,98 bij percentielrangen, 0,99 bij min-max)" in sentence
    assert "het kwart van Coevorden verandert bij percentielrangen." in sentence
    # Only the six regions of interest count (XX9999 is left out): Coevorden moves 0.4.
    assert sentence.endswith("hooguit 0,4 punt (Coevorden).")


def test_sensitivity_sentence_without_changes_and_with_two():
    rows = _sens_rows()
    rows["quartile_pct"] = "midden"
    (none,) = vd.sensitivity_sentences(rows, {}, "nl").values()
    assert "bij geen van de vier gemeenten, ZOD en Drenthe verandert het kwart" in none
    rows.loc[rows.region == "GM0114", "quartile_minmax"] = "bovenste kwart"
    rows.loc[rows.region == "GM0109", "quartile_pct"] = "onderste kwart"
    rows.loc[rows.region == "GM0109", "quartile_minmax"] = "onderste kwart"
    names = {"GM0114": "Emmen", "GM0109": "Coevorden"}
    (two,) = vd.sensitivity_sentences(rows, names, "nl").values()
    assert (
        "het kwart verandert voor Emmen (bij min-max) en Coevorden (bij percentielrangen en "
        "min-max)." in two
    )


def test_sensitivity_table_shows_the_six_regions(expected):
    snap, scores = expected
    sens = scoring.sensitivity(scores)
    names = snap.regions.set_index("code")["name"].to_dict()
    table = vd.sensitivity_table(sens, names)
    assert len(table) == 6 * 3
    row = table[(table["Regio"] == "Coevorden") & (table["Doel"] == "1")].iloc[0]
    actueel = scores.actueel.set_index(["region", "goal"])
    assert row["Score"] == format_number(actueel.loc[("GM0109", 1), "score"], 1)
    rank = int(actueel.loc[("GM0109", 1), "rank"])
    assert row["z-score (gebruikt)"].startswith(f"{rank} · ")
    icon = {"bovenste kwart": "▲", "midden": "●", "onderste kwart": "▼"}
    quarters = sens.set_index(["region", "goal"]).loc[("GM0109", 1)]
    for column, method in (("z-score (gebruikt)", "z"), ("Percentielrang", "pct")):
        label = quarters[f"quartile_{method}"]
        assert row[column] == f"{int(quarters[f'rank_{method}'])} · {icon[label]} {label}"
    goal_two = vd.sensitivity_table(sens, names, goal=2)
    assert len(goal_two) == 6 and "Doel" not in goal_two.columns


def test_source_table_years_come_from_the_observations(expected):
    snap, _ = expected
    table = vd.source_table(snap).set_index("Titel")
    houses = snap.observations[snap.observations["source"] == "cbs-83625ned"]["year"]
    title = next(s["title"] for s in snap.manifest["sources"] if s["id"] == "cbs-83625ned")
    assert table.loc[title, "Jaren"] == f"{houses.min()}–{houses.max()}"
    assert table.loc[title, "Licentie"] == "CC BY 4.0"
    geo = [s for s in snap.manifest["sources"] if s["id"].startswith("geo-")]
    assert len(table) == len(snap.manifest["sources"]) - len(geo)
    assert len(vd.boundary_table(snap)) == len(geo) > 0


def test_derived_summary_counts_the_derived_regional_rows(expected):
    snap, _ = expected
    n, years = vd.derived_summary(snap)
    derived = snap.observations[snap.observations["source"] == "derived"]
    assert n == len(derived) > 0
    assert set(derived["region"]) <= {"ZOD", "PV22", "NL01"}
    assert years.startswith(str(derived["year"].min()))


def test_context_indicators_are_the_unscored_ones():
    table = vd.context_indicators("nl")
    assert len(table) == sum(1 for i in catalog.INDICATORS if i.direction == "context")
    assert "Gemiddelde WOZ-waarde" in set(table["Indicator"])


def test_ui_texts_have_both_languages_and_the_same_placeholders():
    for module in (dl_text, m_text):
        for key, entry in module.TEXT.items():
            assert set(entry) == {"nl", "en"}, key
            fields = [
                {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
                for lang in ("nl", "en")
            ]
            assert fields[0] == fields[1], key


# --- the pages headless -----------------------------------------------------------------------


def open_page(page: str, region: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["gemeente"] = region
    at.run()  # the entry point sets the view state, then the page runs under st.navigation
    return at.switch_page(page).run()


@pytest.mark.parametrize("region", REGIONS)
def test_downloads_page_shows_sizes_and_the_selection(region, expected):
    snap, _ = expected
    at = open_page("pages/downloads.py", region)
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert f"{format_number(len(snap.observations))} rijen × 12 kolommen" in captions
    obs = snap.observations
    pop = obs[(obs.indicator == "population") & (obs.region == region)].sort_values("year")
    selection = at.dataframe[1].value
    first = selection.iloc[0]
    assert (first["region"], first["year"], first["value"]) == (
        region,
        str(pop["year"].iloc[0]),
        format_number(pop["value"].iloc[0]),
    )
    assert len(at.get("download_button")) == 14  # seven datasets, two dialects each


@pytest.mark.parametrize("region", REGIONS)
def test_method_page_shows_scores_sources_and_sentences(region, expected):
    snap, scores = expected
    at = open_page("pages/methode.py", region)
    assert not at.exception
    assert len(at.get("latex")) == 2
    name = snap.regions.set_index("code").loc[region, "name"]
    actueel = scores.actueel.set_index(["region", "goal"])
    for goal in (1, 2, 3):  # one table per goal, under its sentence
        table = at.dataframe[goal].value
        row = table[table["Regio"] == name].iloc[0]
        assert row["Score"] == format_number(actueel.loc[(region, goal), "score"], 1)
    sources = at.dataframe[4].value
    houses = next(s for s in snap.manifest["sources"] if s["id"] == "cbs-83625ned")
    row = sources[sources["Titel"] == houses["title"]].iloc[0]
    assert row["Rijen"] == format_number(houses["rows_read"])
    sentences = [m.value for m in at.markdown if m.value.startswith("Bij doel")]
    assert len(sentences) == 3


def test_method_page_in_english():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/methode.py").run()
    assert not at.exception
    assert at.title[0].value == "Method & sources"
    assert any(m.value.startswith("For goal 1") for m in at.markdown)
