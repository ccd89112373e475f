"""Per doel: the goal table, the contributions and the page headless (AppTest) for the four
municipalities and ZOD against snapshot values."""

from __future__ import annotations

import json
import math

import jsonschema
import pandas as pd
import pytest
from altair.vegalite.v6.schema import load_schema
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring
from indicators.charts import BETTER_COLOR, NEUTRAL_COLOR, WORSE_COLOR
from indicators.charts.indicator import contribution_chart, contribution_spec, series_title
from indicators.formatting import format_number
from indicators.views.common import latest_values, trend_text
from indicators.views.per_doel import goal_table, table_regions
from tests.conftest import REGIONS
from tests.html_text import html_tables
from tests.vega_sent import sent_spec

B = catalog.BY_ID


def obs_frame(rows: list[tuple[str, str, int, float]], status: str = "definitive") -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])
    return frame.assign(status=status, table="T1", source="s", period="")


def test_latest_values_takes_each_regions_own_year_and_never_fills():
    obs = obs_frame(
        [
            ("x", "GM1", 2015, 1.0),
            ("x", "GM1", 2020, 2.0),
            ("x", "NL01", 2015, 5.0),
            ("y", "GM1", 2015, math.nan),
        ]
    )
    latest = latest_values(obs, ["x", "y"], ["GM1", "NL01"]).set_index(["indicator", "region"])
    assert latest.loc[("x", "GM1"), "year"] == 2020
    assert latest.loc[("x", "NL01"), "year"] == 2015  # not carried forward to 2020
    assert ("y", "GM1") not in latest.index


@pytest.mark.parametrize("region", REGIONS)
def test_contributions_add_up_to_the_goal_score(region, expected):
    _snap, scores = expected
    for goal in (1, 2, 3):
        row = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == goal)]
        total = scoring.contributions(scores, region, goal)["points"].sum()
        assert 5 + total == pytest.approx(float(row["score"].iloc[0]), abs=1e-9)


def test_trend_text_needs_three_years():
    ind = B["income_household_mean_disposable"]  # higher is better
    rising = obs_frame([(ind.id, "GM1", y, 30.0 + (y - 2020)) for y in (2020, 2021, 2022)])
    assert trend_text(rising, ind, "GM1", "X") == "Trend X 2020-2022 (3 jaren): beter."
    assert trend_text(rising[rising.year < 2022], ind, "GM1", "X") == (
        "Trend X: te weinig jaren voor een trend."
    )
    context = B["house_price"]
    falling = rising.assign(indicator=context.id, value=-rising["value"])
    assert trend_text(falling, context, "GM1", "X").endswith(": dalend.")


def test_series_title_compares_with_nederland_in_the_same_year():
    frame = pd.DataFrame(
        {
            "region": ["GM0114", "GM0114", "NL01"],
            "region_name": ["Emmen", "Emmen", "Nederland"],
            "year": [2015, 2020, 2015],
            "value": [2.0, 2.5, 1.0],
        }
    )
    # Nederland has no 2020 value, so the comparison is made in 2015.
    assert series_title(frame, B["dist_gp"], "GM0114") == (
        "Emmen ligt in 2015 boven Nederland: 2,0 tegen 1,0 (slechter)"
    )


def test_goal_table_shows_snapshot_values_with_their_year(expected):
    snap, _ = expected
    obs = snap.observations
    names = snap.regions.set_index("code")["name"].to_dict()
    table = goal_table(obs, [B["dist_gp"]], table_regions("GM0109"), [], names)
    assert list(table.columns[1:3]) == ["Coevorden", "Emmen"]  # chosen region first
    value = obs[(obs.indicator == "dist_gp") & (obs.region == "GM0109")].iloc[0]
    assert table.loc[0, "Coevorden"] == f"{format_number(value['value'], 1)} (2015)"


def chart_titles(at: AppTest) -> list[str]:
    """The findings of the page's charts as the reader sees them: the contribution chart's in
    bold above it (its spec is the same for every region), then the series chart's title
    (Vega-Lite, in lines); the page draws no plotly chart."""
    assert not at.get("plotly_chart")
    above = [
        line.strip("*")
        for m in at.markdown
        for line in m.value.splitlines()
        if line.startswith("**") and line.endswith("**")
    ]
    contribution, series = at.get("vega_lite_chart")
    assert "title" not in json.loads(contribution.proto.spec)["vconcat"][0]["title"]
    return [above[0], " ".join(json.loads(series.proto.spec)["vconcat"][0]["title"]["text"])]


def test_the_contribution_chart_has_the_same_form_for_every_region(run_page):
    """A change of municipality changes the chart's table and the finding above it, nothing
    else: the spec without its rows is the same JSON (its tables are small, so they travel
    as JSON; see pages.shared.served_spec), and so is its description."""

    def form(element) -> str:
        spec = json.loads(element.proto.spec)
        del spec["vconcat"][0]["data"]
        return json.dumps(spec)

    at = run_page("per_doel", gemeente="GM0114")
    first = at.get("vega_lite_chart")[0]
    emmen = chart_titles(at)[0]
    at.query_params["gemeente"] = "GM0109"
    at.run()
    assert not at.exception
    second = at.get("vega_lite_chart")[0]
    assert form(second) == form(first)
    assert json.loads(second.proto.spec) != json.loads(first.proto.spec)  # other rows
    assert (first.proto.alt, second.proto.alt) == ("", "")
    assert json.loads(form(first))["description"].startswith("Liggende staven per indicator")
    assert "Emmen" in emmen and "Coevorden" in chart_titles(at)[0]
    assert "Emmen" not in form(first) and "Coevorden" not in form(second)


@pytest.mark.parametrize("region", REGIONS)
def test_per_doel_shows_score_and_values(region, expected, run_page):
    snap, scores = expected
    at = run_page("per_doel", gemeente=region)
    assert not at.exception
    row = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == 1)]
    assert at.metric[0].value == format_number(float(row["score"].iloc[0]), 1)
    obs = snap.observations
    crime = obs[(obs.indicator == "crime_per_1000") & (obs.region == region)].iloc[-1]
    name = snap.regions.set_index("code").loc[region, "name"]
    table = html_tables(at)[0]
    label = table["Indicator"].str.startswith("Geregistreerde misdrijven per 1.000 inwoners")
    cell = table.loc[label, name].iloc[0]
    assert cell.startswith(f"{format_number(crime['value'], 1)} ({crime['year']}")
    assert "drukt de score" in chart_titles(at)[0] or "tilt de score" in chart_titles(at)[0]


def test_per_doel_goal_comes_from_the_link_and_goes_back_into_it(run_page):
    at = run_page("per_doel", gemeente="GM0118", doel="2")
    assert not at.exception
    assert at.radio[0].value == 2
    assert catalog.GOALS[2]["nl"] in at.title[0].value
    assert at.query_params["doel"] == "2"
    plain = run_page("per_doel", gemeente="GM0118")
    assert plain.query_params["doel"] == "1"  # the default is written into the link


@pytest.mark.parametrize("region", ["GM0114", "ZOD"])
def test_the_peers_named_are_the_peers_the_table_and_the_series_use(region, expected, run_page):
    """One peer rule: the municipalities the caption names are exactly those whose median
    the table's peer column and the time series' peer line show (they once differed in 6 of
    Emmen's 10 peers)."""
    snap, _ = expected
    at = run_page("per_doel", gemeente=region)
    assert not at.exception
    names = snap.regions.set_index("code")["name"]
    code_of = {name: code for code, name in names.items()}
    caption = next(c.value for c in at.caption if "Vergelijkbare gemeenten voor" in c.value)
    listed = caption.split("Vergelijkbare gemeenten voor ", 1)[1].split(": ", 1)[1]
    named = [code_of[n.strip()] for n in listed.rstrip(".").split(", ")]
    assert len(named) >= 10
    obs = snap.observations
    for indicator in ("crime_per_1000", "vacancy_rate"):
        name = catalog.BY_ID[indicator].name_nl
        table = html_tables(at)[0].set_index("Indicator")
        if name not in table.index:
            continue
        cell = table.loc[name, "Vergelijkbare gemeenten (mediaan)"]
        sel = obs[(obs.indicator == indicator) & obs.region.isin(named)]
        year = int(sel["year"].max())
        in_year = sel[sel.year == year]["value"]
        shown, rest = cell.split(" (", 1)
        assert rest == f"{year}, n={len(in_year)})"
        assert float(shown.replace(".", "").replace(",", ".")) == pytest.approx(
            in_year.median(), abs=0.051
        )
    # The time series of the detail chart: its peer line is the median of the same peers, in
    # every year the peers have a figure (none for a count of ZOD, where it is no yardstick).
    assert not at.get("plotly_chart")
    spec = sent_spec(at.get("vega_lite_chart")[1])  # [0]: the contribution
    chosen = at.selectbox(key="per_doel_indicator_1").value
    rows = spec["vconcat"][0]["data"]["values"]
    peer_line = {r["year"]: r["value"] for r in rows if r["region"] == "peers"}
    sel = obs[(obs.indicator == chosen) & obs.region.isin(named)]
    medians = sel.groupby("year")["value"].median()
    if catalog.BY_ID[chosen].is_count and region == "ZOD":
        assert not peer_line
    else:
        drawn = {year: value for year, value in peer_line.items() if value is not None}
        assert sorted(drawn) == sorted(int(y) for y in medians.index)
        for year, value in drawn.items():
            assert value == pytest.approx(medians.loc[year])


def test_goal_table_marks_an_indicator_whose_newest_figure_is_dated(expected):
    from indicators.snapshot import snapshot_year

    snap, scores = expected
    table = goal_table(
        snap.observations,
        catalog.scored_indicators(2),
        table_regions("GM0114"),
        scores.peers["GM0114"],
        {},
        "nl",
        snapshot_year(snap),
    ).set_index("Indicator")
    obs = snap.observations
    for ind in catalog.scored_indicators(2):
        newest = int(
            obs[(obs.indicator == ind.id) & obs.region.isin(table_regions("GM0114"))]["year"].max()
        )
        old = newest < snapshot_year(snap) - 5
        label = f"{ind.name_nl} · verouderd ({newest})" if old else ind.name_nl
        assert label in table.index, (label, list(table.index)[:3])


def test_the_indicator_card_is_sent_only_when_its_expander_is_open(snap, run_page):
    """Closed, the card's text does not travel; opened, it lists the years in the snapshot."""
    at = run_page("per_doel", gemeente="GM0114", doel="3", indicator="unemployment_rate")
    assert not at.exception
    assert not [m for m in at.markdown if "**Jaren beschikbaar:**" in m.value]
    at.session_state["per_doel_card_open"] = True
    at.run()
    assert not at.exception
    obs = snap.observations
    years = sorted(int(y) for y in obs.loc[obs.indicator == "unemployment_rate", "year"].unique())
    card = [m.value for m in at.markdown if "**Jaren beschikbaar:**" in m.value]
    assert len(card) == 1
    assert f"**Jaren beschikbaar:** {', '.join(map(str, years))}" in card[0]


# --- the contribution chart: a Vega-Lite spec on screen, the plotly figure for its PNG --------


def made_up_contributions() -> pd.DataFrame:
    """Three indicators of goal 1 with z by hand: one clearly worse, one about level, one better
    (the points are z / 3 x 5 / n with n = 3 indicators)."""
    rows = [
        ("crime_per_1000", 2023, 1.2, 1.2),
        ("gas_use_per_dwelling", 2022, -2.0, -2.0),
        ("vacancy_rate", 2021, 0.03, 0.03),
    ]
    frame = pd.DataFrame(rows, columns=["indicator", "year", "z", "z_raw"])
    return frame.assign(points=frame["z"] / 3 * 5 / 3)


def spec_bars(spec: dict) -> list[dict]:
    return spec["vconcat"][0]["data"]["values"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_contribution_spec_is_valid_vega_lite(expected, lang):
    """Written as data, so the schema is the check (an invalid spec fails only in a browser);
    also for a region without any figure (no bars)."""
    schema = load_schema()
    _, scores = expected
    for contrib in (scoring.contributions(scores, "GM0114", 1), made_up_contributions()):
        spec = contribution_spec(contrib, "Emmen", 1, lang).figure
        jsonschema.validate(spec, schema)
        assert "NaN" not in json.dumps(spec, allow_nan=False)
    empty = made_up_contributions().iloc[0:0]
    jsonschema.validate(contribution_spec(empty, "Emmen", 1, lang).figure, schema)


def test_contribution_spec_draws_the_bars_by_hand():
    chart = contribution_spec(made_up_contributions(), "Emmen", 1)
    bars = spec_bars(chart.figure)
    gas, vacancy, crime = (
        B[i].name("nl") for i in ("gas_use_per_dwelling", "vacancy_rate", "crime_per_1000")
    )
    # weakest first, each 'name (year)' with its signed z, coloured by side
    assert [b["label"] for b in bars] == [f"{gas} (2022)", f"{vacancy} (2021)", f"{crime} (2023)"]
    assert [b["shown"] for b in bars] == ["-2,0", "0,0", "+1,2"]
    assert [b["tone"] for b in bars] == ["worse", "neutral", "better"]
    assert [b["points"] for b in bars] == pytest.approx([-10 / 9, 0.15 / 9, 2 / 3])
    layers = chart.figure["vconcat"][0]["layer"]
    colour = layers[0]["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"], strict=True)) == {
        "better": BETTER_COLOR,
        "worse": WORSE_COLOR,
        "neutral": NEUTRAL_COLOR,
    }
    # the rows' order comes from the table (so the spec is the same for every region)
    assert layers[0]["encoding"]["y"]["sort"] == {"field": "order", "op": "min"}
    assert [b["order"] for b in bars] == [0, 1, 2]
    assert chart.figure["vconcat"][0]["height"] == {"step": 30}
    # the gas bar moves the score most: -2 / 3 x 5 / 3 = -1,11 point; the page shows this
    # finding above the chart, whose first line is the unit
    assert chart.title == f"'{gas}' drukt de score van Emmen het meest (-1,11 punt)"
    assert chart.title not in json.dumps(chart.figure)
    assert chart.figure["vconcat"][0]["title"]["text"].startswith("afstand tot Nederland")


def test_contribution_spec_and_image_draw_the_same(expected):
    """The PNG (plotly) has the same bars, labels, colours, title and data as the screen."""
    _, scores = expected
    contrib = scoring.contributions(scores, "GM0109", 3)
    screen = contribution_spec(contrib, "Coevorden", 3, "en")
    image = contribution_chart(contrib, "Coevorden", 3, "en")
    bars = spec_bars(screen.figure)
    trace = image.figure.data[0]
    colours = {"better": BETTER_COLOR, "worse": WORSE_COLOR, "neutral": NEUTRAL_COLOR}
    assert list(trace.y) == [b["label"] for b in bars]
    assert list(trace.x) == pytest.approx([b["z"] for b in bars])
    assert list(trace.text) == [b["shown"] for b in bars]
    assert list(trace.marker.color) == [colours[b["tone"]] for b in bars]
    assert (screen.title, screen.alt, screen.file_stem) == (image.title, image.alt, image.file_stem)
    pd.testing.assert_frame_equal(screen.data, image.data)
    source = image.figure.layout.annotations[-1]
    assert (source.text, source.x, source.xanchor) == (screen.source, 1, "right")
    assert "not capped" in trace.hovertemplate  # the reader's language, also in the tooltip
    assert image.figure.layout.width == 1040 and image.figure.layout.height == 150 + 34 * len(bars)
