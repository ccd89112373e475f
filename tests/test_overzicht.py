"""Overzicht: the goal cards (HTML), the two Vega-Lite charts on small hand-made frames, and
the page headless (AppTest) showing snapshot numbers."""

from __future__ import annotations

import json
import math

import jsonschema
import pandas as pd
import pyarrow as pa
import pytest
from altair.vegalite.v6.schema import load_schema
from streamlit.testing.v1 import AppTest

from indicators.charts.overview import (
    comparison_words,
    goal_small_multiples,
    outlook_chart,
    outlook_words,
)
from indicators.formatting import format_number
from indicators.views.overzicht import goal_card_html, goal_cards_html, population_html
from tests.conftest import REGIONS
from tests.html_text import card_scores, parse, population_figures


def card(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "goal": 2,
        "name": {"nl": "Veilig & <leefbaar>", "en": "Safe & <liveable>"},
        "score": 5.34,
        "ok": True,
        "rank": 3,
        "n_ranked": 4,
        "percentile": 40.0,
        "quartile": "onderste kwart",
        "n_bottom": 2,
        "n_indicators": 6,
        "n_total": 7,
        "years": "2015-2023",
        "year_min": 2015,
        "dated": True,
        "trend": "trend_worse",
        "n_trend": 5,
        "n_better": 1,
        "n_worse": 3,
    }
    return base | changes


def test_a_card_above_nl_states_score_distance_rank_and_trend():
    html = goal_card_html(card(), "Emmen")
    texts = parse(html)
    # 5,34 rounds to 5,3; 5,34 - 5 = 0,34 -> +0,3 above NL, with an up arrow
    assert texts.by_class["bw-value"] == ["5,3"]
    assert texts.by_class["bw-delta"] == ["▲ +0,3 t.o.v. NL"]
    assert "bw-better" in html and "bw-worse" not in html
    meta = texts.by_class["bw-meta"][0]
    assert meta.startswith("plaats 3 van 4 gemeenten met een score · ▼ onderste kwart · 2 ")
    # 3 of the 5 indicators with a series worsen relative to NL, 1 improves: a down arrow
    trend = (
        "trend: ↘ 1 van 5 indicatoren met een reeks verbeteren t.o.v. Nederland, 3 verslechteren"
    )
    assert trend in meta
    assert meta.endswith("stand per 2015-2023, oudste cijfer 2015: verouderd (meer dan 5 jaar oud)")
    # the quartile as a class (the colour) and as words (for everyone)
    assert texts.sections == [
        {"class": "bw-card bw-q-bottom", "aria-label": "Doel 2: Veilig & <leefbaar>"}
    ]
    assert "<leefbaar>" not in html  # data is escaped
    assert "Emmen scoort 5,3 op 'Veilig & <leefbaar>', beter dan Nederland" in "".join(texts.text)


def test_a_card_below_nl_in_english():
    texts = parse(goal_card_html(card(score=4.06, quartile="bovenste kwart"), "Emmen", "en"))
    # 4.06 - 5 = -0.94 -> -0.9, in English notation, with a down arrow
    assert texts.by_class["bw-value"] == ["4.1"]
    assert texts.by_class["bw-delta"] == ["▼ -0.9 vs NL"]
    assert texts.sections[0]["class"] == "bw-card bw-q-top"
    assert texts.sections[0]["aria-label"] == "Goal 2: Safe & <liveable>"


def test_a_card_without_enough_data_says_so_and_shows_no_distance():
    texts = parse(goal_card_html(card(ok=False, score=math.nan, quartile=""), "Coevorden"))
    assert texts.by_class["bw-value"] == ["onvoldoende gegevens"]
    assert "bw-delta" not in texts.by_class and "bw-meta" not in texts.by_class
    assert texts.sections[0]["class"] == "bw-card bw-q-none"
    assert "Voor Coevorden zijn te weinig indicatoren" in "".join(texts.text)


def test_three_cards_in_order_and_one_style_block():
    html = goal_cards_html([card(goal=g, score=4.0 + g) for g in (1, 2, 3)], "Emmen")
    assert parse(html).by_class["bw-value"] == ["5,0", "6,0", "7,0"]
    assert html.count("<style>") == 1 and html.count("<section") == 3


def test_population_pairs_each_name_with_its_number():
    texts = parse(population_html([("Emmen", 107_123.0), ("Borger-<b>", 25_990.0)]))
    assert texts.text == ["Emmen", "107.123", "Borger-<b>", "25.990"]


def outlook_frame(values: dict[int, float], outlook: dict[int, float]) -> pd.DataFrame:
    rows = [("PV22", "Drenthe", y, "gemeten", v) for y, v in values.items()]
    rows += [("PV22", "Drenthe", y, "prognose", v) for y, v in outlook.items()]
    rows += [("CR08", "Zuidoost-Drenthe", 2015, "gemeten", 50.0)]
    return pd.DataFrame(rows, columns=["region", "region_name", "year", "kind", "value"])


def test_outlook_title_compares_like_with_like():
    # Measured 200 -> 210 is +5,0 %. The outlook's own change: 204 (2023) -> 189 (2050) is
    # -7,4 % (189/204 = 0,9265); never 189 against the measured 210. In 2023 there is no
    # measured figure here, so nothing is said about the gap.
    frame = outlook_frame({2015: 200.0, 2020: 205.0, 2024: 210.0}, {2023: 204.0, 2050: 189.0})
    assert outlook_words(frame) == (
        "Drenthe groeide sinds 2015 met +5,0 % tot 210,0 duizend inwoners (2024); de prognose "
        "gaat van 204,0 duizend (2023) naar 189,0 duizend (2050), -7,4 %"
    )


def test_outlook_title_says_how_far_the_measurement_already_ran_from_the_outlook():
    # Measured 2023: 207,5; the outlook's 2023: 204,0 -> 3,5 thousand above.
    frame = outlook_frame({2015: 200.0, 2023: 207.5, 2024: 210.0}, {2023: 204.0, 2050: 189.0})
    assert outlook_words(frame).endswith("; de meting lag in 2023 al 3,5 duizend boven de prognose")
    below = outlook_frame({2015: 200.0, 2023: 201.0}, {2023: 204.0, 2050: 189.0})
    assert outlook_words(below).endswith("; de meting lag in 2023 3,0 duizend onder de prognose")


def test_outlook_title_says_shrank_in_english():
    # 200 -> 190 is -5,0 %; the outlook 180 (2023) -> 199,5 (2050) is +10,8 %.
    frame = outlook_frame({2015: 200.0, 2024: 190.0}, {2023: 180.0, 2050: 199.5})
    assert outlook_words(frame, "en").startswith(
        "Drenthe shrank by -5.0% since 2015 to 190.0 thousand (2024); the outlook goes from "
        "180.0 thousand (2023) to 199.5 thousand (2050), +10.8%"
    )


def test_outlook_title_without_outlook_points_is_plain():
    frame = outlook_frame({2015: 200.0, 2024: 190.0}, {})
    assert outlook_words(frame) == "Bevolking sinds 2015 en de prognose tot 2050"


def comparison_frame() -> pd.DataFrame:
    scores = {  # goal -> (Emmen, Coevorden, NL)
        1: (6.0, 7.0, 5.0),
        2: (4.0, 2.0, 5.0),  # the weakest goal of the municipalities: mean 3.0
        3: (5.5, 4.5, 5.0),
    }
    rows = []
    for goal, values in scores.items():
        for (code, name), score in zip(
            [("GM0114", "Emmen"), ("GM0109", "Coevorden"), ("NL01", "Nederland")],
            values,
            strict=True,
        ):
            rows.append((goal, code, name, score))
    return pd.DataFrame(rows, columns=["goal", "region", "region_name", "score"])


def test_comparison_title_names_best_and_worst_on_the_weakest_goal():
    title, _alt, source, stem = comparison_words(comparison_frame())
    assert title == (
        "Emmen scoort het hoogst op 'Duurzaam en bereikbaar voorzieningenniveau', "
        "Coevorden het laagst"
    )
    assert "70072NED" in source and stem.startswith("brede-welvaart_scores-per-doel")


def test_small_multiple_draws_one_panel_per_goal_with_dutch_labels():
    chart = goal_small_multiples(comparison_frame())
    spec = chart.figure
    panels = spec["vconcat"][0]
    assert panels["facet"]["column"]["field"] == "panel"
    values = panels["data"]["values"]
    labels = {(v["region"], v["goal"]): v["label"] for v in values}
    assert labels[("GM0114", 3)] == "5,5" and labels[("NL01", 1)] == "5,0"
    assert len({v["panel"] for v in values}) == 3
    assert spec["config"]["locale"]["number"] == {
        "decimal": ",",
        "thousands": ".",
        "grouping": [3],
        "currency": ["€ ", ""],
    }
    assert chart.data.equals(comparison_frame())  # the download is exactly the drawn data


@pytest.mark.parametrize(
    "chart",
    [
        lambda: goal_small_multiples(comparison_frame()),
        lambda: outlook_chart(outlook_frame({2015: 200.0, 2024: 190.0}, {2050: 199.5})),
        lambda: outlook_chart(
            outlook_frame({2015: 200.0, 2024: float("nan")}, {2023: 195.0, 2050: 199.5}), "en"
        ),
    ],
)
def test_specs_are_valid_vega_lite(chart):
    # The specs are written as data (see charts/overview.py), so the schema is the check; an
    # invalid spec would only fail in the browser. NaN must arrive as null (JSON has no NaN).
    spec = chart().figure
    jsonschema.validate(spec, load_schema())
    assert "NaN" not in json.dumps(spec, allow_nan=False)


def test_outlook_labels_the_line_ends_only():
    spec = outlook_chart(
        outlook_frame({2015: 200.0, 2020: 205.0, 2024: 210.0}, {2023: 204.0, 2050: 189.0})
    ).figure
    layers = spec["vconcat"][0]["layer"]
    labels = [layer for layer in layers if layer["mark"]["type"] == "text"][0]
    shown = {(v["region"], v["year"], v["label"]) for v in labels["data"]["values"]}
    assert shown == {
        ("PV22", 2024, "210,0"),
        ("PV22", 2050, "189,0"),
        ("CR08", 2015, "50,0"),
    }


@pytest.mark.parametrize("region", REGIONS)
def test_overview_goal_cards_show_the_scores(region, expected, run_page):
    _snap, scores = expected
    at = run_page(gemeente=region)
    assert not at.exception
    assert at.sidebar.selectbox[0].value == region
    shown = card_scores(at)
    actueel = scores.actueel[scores.actueel.region == region].set_index("goal")
    assert shown == [format_number(actueel.loc[g, "score"], 1) for g in (1, 2, 3)]


def test_another_region_in_the_link_changes_the_numbers(expected, run_page):
    # AppTest reruns only the page script under st.navigation (not the entrypoint with its
    # sidebar), so a selection change is tested as a new link here and by clicking the
    # selectbox in the browser test.
    _snap, scores = expected
    first = run_page(gemeente="GM0114")
    second = run_page(gemeente="GM1681")
    assert not second.exception
    actueel = scores.actueel[scores.actueel.region == "GM1681"].set_index("goal")
    shown = card_scores(second)
    assert shown == [format_number(actueel.loc[g, "score"], 1) for g in (1, 2, 3)]
    assert shown != card_scores(first)


def test_population_metrics_are_the_snapshot_values(expected, run_page):
    snap, _ = expected
    at = run_page()
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


def test_comparison_chart_uses_dutch_separators_and_the_scores(expected, run_page):
    _snap, scores = expected
    at = run_page(gemeente="GM0109")
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


def test_outlook_chart_title_states_the_measured_change_and_the_2050_outlook(expected, run_page):
    snap, _scores = expected
    at = run_page()
    spec, data = chart_frames(at)[1]
    obs = snap.observations
    pop = obs[(obs.indicator == "population") & (obs.region == "PV22")].set_index("year")["value"]
    outlook = obs[(obs.indicator == "population_outlook") & (obs.region == "PV22")]
    first, last = pop.loc[2015], pop.loc[pop.index.max()]
    base = outlook.sort_values("year").iloc[0]
    in_2050 = outlook.loc[outlook.year == 2050, "value"].iloc[0]
    title = " ".join(spec["vconcat"][0]["title"]["text"])
    growth = f"{(last / first - 1) * 100:+.1f}".replace(".", ",")
    # The outlook against itself (its first point, 2023), not against the measured 2026.
    change = f"{(in_2050 / base['value'] - 1) * 100:+.1f}".replace(".", ",")
    assert title.startswith(f"Drenthe groeide sinds 2015 met {growth} %")
    assert f"{in_2050:.1f}".replace(".", ",") + " duizend (2050), " + change + " %" in title
    gap = pop.loc[int(base["year"])] / 1000 - base["value"]
    assert f"al {gap:.1f}".replace(".", ",") + " duizend boven de prognose" in title
    drenthe = data[data.region == "PV22"]
    assert drenthe[drenthe.kind == "gemeten"]["value"].max() == pytest.approx(pop.max() / 1000)


def test_junk_url_shows_a_note_and_the_default(run_page):
    at = run_page(gemeente="<script>alert(1)</script>", jaar="abc")
    assert not at.exception
    notes = [i.value for i in at.info]
    assert any("gemeente" in n for n in notes) and any("jaar" in n for n in notes)
    assert at.sidebar.selectbox[0].value == "GM0114"
    # The value is escaped markdown, never HTML: no raw tag reaches the page.
    assert all("<script>" not in n for n in notes)


def test_language_toggle_switches_texts(run_page):
    at = run_page(lang="en")
    assert not at.exception
    assert "Broad prosperity" in at.title[0].value


def test_selecting_another_region_in_the_sidebar(expected, run_page):
    _snap, scores = expected
    at = run_page(gemeente="GM0114")
    at.sidebar.selectbox[0].set_value("GM1681").run()
    assert not at.exception
    actueel = scores.actueel[scores.actueel.region == "GM1681"].set_index("goal")
    assert card_scores(at) == [format_number(actueel.loc[g, "score"], 1) for g in (1, 2, 3)]
