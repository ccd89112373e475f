"""Methode & bronnen: the sensitivity sentences and tables, the source table, and the page
headless (AppTest)."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.formatting import format_number
from indicators.views import methode as vm
from tests.conftest import REGIONS, ROOT


def test_stability_words():
    assert vm.stability_key(0.98) == "m_stable_high"
    assert vm.stability_key(0.90) == "m_stable_mid"
    assert vm.stability_key(0.50) == "m_stable_low"
    assert vm.stability_key(float("nan")) == "m_stable_low"


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
    (sentence,) = vm.sensitivity_sentences(_sens_rows(), names, "nl").values()
    assert sentence.startswith("Bij doel 2 (Duurzaam en bereikbaar voorzieningenniveau)")
    assert "vrijwel gelijk (Spearman ρ 0,98 bij percentielrangen, 0,99 bij min-max)" in sentence
    assert "het kwart van Coevorden verandert bij percentielrangen." in sentence
    # Only the six regions of interest count (XX9999 is left out): Coevorden moves 0.4.
    assert sentence.endswith("hooguit 0,4 punt (Coevorden).")


def test_sensitivity_sentence_without_changes_and_with_two():
    rows = _sens_rows()
    rows["quartile_pct"] = "midden"
    (none,) = vm.sensitivity_sentences(rows, {}, "nl").values()
    assert "bij geen van de vier gemeenten, ZOD en Drenthe verandert het kwart" in none
    rows.loc[rows.region == "GM0114", "quartile_minmax"] = "bovenste kwart"
    rows.loc[rows.region == "GM0109", "quartile_pct"] = "onderste kwart"
    rows.loc[rows.region == "GM0109", "quartile_minmax"] = "onderste kwart"
    names = {"GM0114": "Emmen", "GM0109": "Coevorden"}
    (two,) = vm.sensitivity_sentences(rows, names, "nl").values()
    assert (
        "het kwart verandert voor Emmen (bij min-max) en Coevorden (bij percentielrangen en "
        "min-max)." in two
    )


def test_sensitivity_table_shows_the_six_regions(expected):
    snap, scores = expected
    sens = scoring.sensitivity(scores)
    names = snap.regions.set_index("code")["name"].to_dict()
    table = vm.sensitivity_table(sens, names)
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
    goal_two = vm.sensitivity_table(sens, names, goal=2)
    assert len(goal_two) == 6 and "Doel" not in goal_two.columns


def test_source_table_years_come_from_the_observations(expected):
    snap, _ = expected
    table = vm.source_table(snap).set_index("Titel")
    houses = snap.observations[snap.observations["source"] == "cbs-83625ned"]["year"]
    title = next(s["title"] for s in snap.manifest["sources"] if s["id"] == "cbs-83625ned")
    assert table.loc[title, "Jaren"] == f"{houses.min()}–{houses.max()}"
    assert table.loc[title, "Licentie"] == "CC BY 4.0"
    geo = [s for s in snap.manifest["sources"] if s["id"].startswith("geo-")]
    assert len(table) == len(snap.manifest["sources"]) - len(geo)
    assert len(vm.boundary_table(snap)) == len(geo) > 0


def test_derived_summary_counts_the_derived_regional_rows(expected):
    snap, _ = expected
    n, years = vm.derived_summary(snap)
    derived = snap.observations[snap.observations["source"] == "derived"]
    assert n == len(derived) > 0
    assert set(derived["region"]) <= {"ZOD", "PV22", "NL01"}
    assert years.startswith(str(derived["year"].min()))


def test_context_indicators_are_the_unscored_ones():
    table = vm.context_table("nl")
    assert len(table) == sum(1 for i in catalog.INDICATORS if i.direction == "context")
    assert "Gemiddelde WOZ-waarde" in set(table["Indicator"])


@pytest.mark.parametrize("region", REGIONS)
def test_method_page_shows_scores_sources_and_sentences(region, expected, run_page):
    snap, scores = expected
    at = run_page("methode", gemeente=region)
    assert not at.exception
    assert len(at.get("latex")) == 2
    name = snap.regions.set_index("code").loc[region, "name"]
    actueel = scores.actueel.set_index(["region", "goal"])
    for goal in (1, 2, 3):  # one table per goal, under its sentence
        table = at.dataframe[goal - 1].value
        row = table[table["Regio"] == name].iloc[0]
        assert row["Score"] == format_number(actueel.loc[(region, goal), "score"], 1)
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


def test_the_context_table_is_sent_only_when_opened():
    """Fifty rows most readers skip travel only once the expander is opened; then every
    context indicator of the catalog is in it, and the caption counts them either way."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/methode.py").run()
    assert not at.exception
    context = [i for i in catalog.INDICATORS if i.direction == "context"]
    assert len(at.dataframe) == 4  # three goals and the boundaries
    assert not any("Gemiddelde WOZ-waarde" in set(d.value.iloc[:, 0]) for d in at.dataframe)
    caption = f"{len(context)} van de {len(catalog.INDICATORS)} indicatoren zijn context."
    assert any(c.value.startswith(caption) for c in at.caption)
    at.session_state["methode_context"] = True
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 5
    table = at.dataframe[0].value
    assert len(table) == len(context)
    assert set(table["Indicator"]) == {i.name_nl for i in context}


def test_the_sources_table_is_sent_only_when_opened(snap):
    """Every source table of the snapshot (not the boundary files, which have their own
    table) with its rows read, once the expander that counts them is opened."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/methode.py").run()
    assert not at.exception
    tables = [s for s in snap.manifest["sources"] if not s["id"].startswith("geo-")]
    label = f"Alle {len(tables)} brontabellen: titel, perioden, link en bewerking"
    assert [e.label for e in at.expander if label in e.label] == [f"**{label}**"]
    assert not any("Titel" in d.value.columns for d in at.dataframe)
    at.session_state["methode_sources"] = True
    at.run()
    assert not at.exception
    sources = next(d.value for d in at.dataframe if "Titel" in d.value.columns)
    assert len(sources) == len(tables)
    houses = next(s for s in tables if s["id"] == "cbs-83625ned")
    row = sources[sources["Titel"] == houses["title"]].iloc[0]
    assert row["Rijen"] == format_number(houses["rows_read"])
