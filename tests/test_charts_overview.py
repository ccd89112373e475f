"""The Overzicht charts (Vega-Lite) on small hand-made frames."""

from __future__ import annotations

import json

import jsonschema
import pandas as pd
import pytest
from altair.vegalite.v6.schema import load_schema

from indicators.charts.overview import (
    comparison_words,
    goal_small_multiples,
    outlook_chart,
    outlook_words,
)


def outlook_frame(values: dict[int, float], outlook: dict[int, float]) -> pd.DataFrame:
    rows = [("PV22", "Drenthe", y, "gemeten", v) for y, v in values.items()]
    rows += [("PV22", "Drenthe", y, "prognose", v) for y, v in outlook.items()]
    rows += [("CR08", "Zuidoost-Drenthe", 2015, "gemeten", 50.0)]
    return pd.DataFrame(rows, columns=["region", "region_name", "year", "kind", "value"])


def test_outlook_title_growth_then_outlook():
    # 200 -> 210 is +5,0 %; 189 in 2050 against 210 in 2024 is -10,0 %.
    frame = outlook_frame({2015: 200.0, 2020: 205.0, 2024: 210.0}, {2023: 204.0, 2050: 189.0})
    assert outlook_words(frame) == (
        "Drenthe groeide sinds 2015 (+5,0 %); de prognose komt in 2050 uit op 189,0 duizend "
        "inwoners (-10,0 % t.o.v. 2024)"
    )


def test_outlook_title_says_shrank_and_growth_in_english():
    # 200 -> 190 is -5,0 %; 199,5 against 190 is +5,0 %.
    frame = outlook_frame({2015: 200.0, 2024: 190.0}, {2050: 199.5})
    assert outlook_words(frame, "en") == (
        "Drenthe shrank since 2015 (-5,0%); the outlook puts it at 199,5 thousand in 2050 "
        "(+5,0% on 2024)"
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
