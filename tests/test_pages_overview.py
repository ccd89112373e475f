"""The app headless (AppTest): frame, URL state and the Overzicht page show snapshot numbers."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from indicators import scoring
from indicators.formatting import format_number
from indicators.snapshot import load_snapshot
from tests.conftest import DATA, ROOT
from tests.html_text import card_scores, population_figures

REGIONS = ["GM0114", "GM0109", "GM0118", "GM1681", "ZOD"]


@pytest.fixture(scope="module")
def expected():
    snap = load_snapshot(DATA)
    return snap, scoring.compute(snap.observations, snap.regions)


def run_app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


@pytest.mark.parametrize("region", REGIONS)
def test_overview_goal_cards_show_the_scores(region, expected):
    _snap, scores = expected
    at = run_app(gemeente=region)
    assert not at.exception
    assert at.sidebar.selectbox[0].value == region
    shown = card_scores(at)
    actueel = scores.actueel[scores.actueel.region == region].set_index("goal")
    assert shown == [format_number(actueel.loc[g, "score"], 1) for g in (1, 2, 3)]


def test_another_region_in_the_link_changes_the_numbers(expected):
    # AppTest reruns only the page script under st.navigation (not the entrypoint with its
    # sidebar), so a selection change is tested as a new link here and by clicking the
    # selectbox in the browser test.
    _snap, scores = expected
    first = run_app(gemeente="GM0114")
    second = run_app(gemeente="GM1681")
    assert not second.exception
    actueel = scores.actueel[scores.actueel.region == "GM1681"].set_index("goal")
    shown = card_scores(second)
    assert shown == [format_number(actueel.loc[g, "score"], 1) for g in (1, 2, 3)]
    assert shown != card_scores(first)


def test_population_metrics_are_the_snapshot_values(expected):
    snap, _ = expected
    at = run_app()
    metrics = population_figures(at)
    pop = snap.observations[snap.observations.indicator == "population"]
    latest = int(pop["year"].max())
    for code, name in [("GM0114", "Emmen"), ("GM1681", "Borger-Odoorn")]:
        value = pop[(pop.region == code) & (pop.year == latest)]["value"].iloc[0]
        assert metrics[name] == format_number(value)


def inline_values(spec: object) -> list[dict]:
    """Every row of inline data (``data.values``) anywhere in a Vega-Lite spec."""
    if isinstance(spec, dict):
        data = spec.get("data")
        rows = list(data["values"]) if isinstance(data, dict) and "values" in data else []
        return rows + [r for k, v in spec.items() if k != "data" for r in inline_values(v)]
    if isinstance(spec, list):
        return [r for item in spec for r in inline_values(item)]
    return []


def chart_frames(at: AppTest) -> list[tuple[dict, pd.DataFrame]]:
    """Spec and data of each Vega-Lite chart as sent to the browser (data inline or as
    Arrow datasets; a layered chart has one set per layer, concatenated here)."""
    out = []
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        frames = [pd.DataFrame(inline_values(spec))] + [
            pa.ipc.open_stream(dataset.data.data).read_all().to_pandas()
            for dataset in element.proto.datasets
        ]
        out.append((spec, pd.concat(frames, ignore_index=True)))
    return out


def test_comparison_chart_uses_dutch_separators_and_the_scores(expected):
    _snap, scores = expected
    at = run_app(gemeente="GM0109")
    spec, data = chart_frames(at)[0]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert len(data) == 3 * 7  # three goals x the four, ZOD, Drenthe, NL
    actueel = scores.actueel.set_index(["region", "goal"])["score"]
    for row in data.itertuples():
        assert row.score == pytest.approx(actueel[(row.region, row.goal)], abs=1e-12)
    nl = data[(data.region == "NL01") & (data.goal == 1)]
    assert nl["score"].iloc[0] == 5.0 and nl["label"].iloc[0] == "5,0"
    coevorden = data[(data.region == "GM0109") & (data.goal == 2)].iloc[0]
    assert coevorden["label"] == f"{coevorden['score']:.1f}".replace(".", ",")


def test_outlook_chart_title_states_the_measured_change_and_the_2050_outlook(expected):
    snap, _scores = expected
    at = run_app()
    spec, data = chart_frames(at)[1]
    obs = snap.observations
    pop = obs[(obs.indicator == "population") & (obs.region == "PV22")].set_index("year")["value"]
    outlook = obs[(obs.indicator == "population_outlook") & (obs.region == "PV22")]
    first, last = pop.loc[2015], pop.loc[pop.index.max()]
    in_2050 = outlook.loc[outlook.year == 2050, "value"].iloc[0]
    title = spec["vconcat"][0]["title"]["text"]
    growth = f"{(last / first - 1) * 100:+.1f}".replace(".", ",")
    change = f"{(in_2050 / (last / 1000) - 1) * 100:+.1f}".replace(".", ",")
    assert title.startswith(f"Drenthe groeide sinds 2015 ({growth} %)")
    assert f"{in_2050:.1f}".replace(".", ",") + " duizend" in title
    assert f"({change} % t.o.v. {pop.index.max()})" in title
    drenthe = data[data.region == "PV22"]
    assert drenthe[drenthe.kind == "gemeten"]["value"].max() == pytest.approx(pop.max() / 1000)


def test_junk_url_shows_a_note_and_the_default():
    at = run_app(gemeente="<script>alert(1)</script>", jaar="abc")
    assert not at.exception
    notes = [i.value for i in at.info]
    assert any("gemeente" in n for n in notes) and any("jaar" in n for n in notes)
    assert at.sidebar.selectbox[0].value == "GM0114"
    # The value is escaped markdown, never HTML: no raw tag reaches the page.
    assert all("<script>" not in n for n in notes)


def test_language_toggle_switches_texts():
    at = run_app(lang="en")
    assert not at.exception
    assert "Broad prosperity" in at.title[0].value


def test_selecting_another_region_in_the_sidebar(expected):
    _snap, scores = expected
    at = run_app(gemeente="GM0114")
    at.sidebar.selectbox[0].set_value("GM1681").run()
    assert not at.exception
    actueel = scores.actueel[scores.actueel.region == "GM1681"].set_index("goal")
    assert card_scores(at) == [format_number(actueel.loc[g, "score"], 1) for g in (1, 2, 3)]
