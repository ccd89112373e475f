"""The presentation: the slide model and the page headless (AppTest)."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from indicators.charts.slides import long_date, wrap
from indicators.formatting import format_number
from indicators.views.presentatie import build_slides, default_drivers, drivers, source_rows
from tests.conftest import REGIONS, built_long

NAMES = {
    "GM0114": "Emmen",
    "GM0109": "Coevorden",
    "GM0118": "Hoogeveen",
    "GM1681": "Borger-Odoorn",
    "ZOD": "Zuid- en Oost-Drenthe",
}

GOAL_NAMES = {1: "Veilige", 2: "Duurzaam", 3: "Gezonde"}  # first word of each goal


def actueel(scores, region: str, goal: int) -> float:
    rows = scores.actueel[(scores.actueel.region == region) & (scores.actueel.goal == goal)]
    return float(rows["score"].iloc[0])


def test_small_helpers():
    assert long_date("2026-11-29") == "29 november 2026"
    assert long_date("2026-07-01", "en") == "1 July 2026"
    assert long_date("") == "–"
    assert wrap("een twee drie vier", 9) == "een twee<br>drie vier"
    assert wrap("45\u00a0% van", 4) == "45\u00a0%<br>van"  # a number keeps its unit


@pytest.mark.parametrize("region", ["GM0114", "ZOD"])
def test_contributions_add_up_to_the_goal_score(scores, region):
    # score = 5 + 5/3 * mean of sub-theme means of z; the points are that split per indicator.
    for goal in (1, 2, 3):
        points = drivers(scores, region, goal)["points"].sum()
        assert points == pytest.approx(actueel(scores, region, goal) - 5, abs=1e-9)


def test_contribution_of_one_indicator_by_hand(scores):
    # Goal 3 for Emmen, WW-uitkeringen: the weight recomputed from the latest rows themselves,
    # 5/3 * z / (n sub-themes * n indicators in its sub-theme).
    latest = scores.latest[(scores.latest.region == "GM0114") & (scores.latest.goal == 3)]
    row = latest[latest.indicator == "unemployment_benefits_per_1000"].iloc[0]
    n_sub = latest["subtheme"].nunique()
    in_sub = int((latest["subtheme"] == row["subtheme"]).sum())
    expected = 5 / 3 * row["z"] / (n_sub * in_sub)
    frame = drivers(scores, "GM0114", 3).set_index("indicator")
    assert frame.loc["unemployment_benefits_per_1000", "points"] == pytest.approx(expected)


def test_default_drivers_are_the_largest_contributions(scores):
    chosen = default_drivers(scores, "GM0114")
    for goal, ids in chosen.items():
        frame = drivers(scores, "GM0114", goal)
        assert 1 <= len(ids) <= 3
        largest = frame["points"].abs().nlargest(len(ids))
        assert sorted(frame.set_index("indicator").loc[ids, "points"].abs()) == sorted(largest)


def test_sources_group_the_kwb_tables(snap):
    rows = source_rows(snap)
    kwb = rows[rows["title"].str.startswith("Kerncijfers wijken en buurten")]
    assert len(kwb) == 1
    for table in ("84799NED", "85984NED", "86165NED"):
        assert table in kwb["tables"].iloc[0]
    assert rows["tables"].str.contains("70072NED").sum() == 1
    assert (rows["licence"] == "CC BY 4.0").sum() == len(rows) - 1  # all but the boundaries


def test_build_slides_has_the_six_slides_with_findings(snap, scores):
    slides = build_slides(snap, scores, "GM0114")
    assert [s.kind for s in slides] == ["title", "overview", "goal", "goal", "goal", "sources"]
    for slide in slides:
        assert slide.title and slide.finding and slide.source.startswith(("Bron", "Cijfers"))
        assert slide.charts and all(c.title and c.alt and c.source for c in slide.charts)
    for goal, slide in zip((1, 2, 3), slides[2:5], strict=True):
        assert slide.goal == goal
        assert format_number(actueel(scores, "GM0114", goal), 1) in slide.finding
        assert "Emmen" in slide.finding
    assert built_long(snap) in slides[0].finding
    assert "CC BY 4.0" in slides[-1].charts[0].title


def test_presenter_choice_of_indicators_is_respected(snap, scores):
    chosen = {1: ["crime_per_1000"], 2: [], 3: ["jobs_per_1000", "not_an_indicator"]}
    slides = build_slides(snap, scores, "GM0118", chosen)
    drivers = [s.charts[1].data["indicator"].tolist() for s in slides[2:5]]
    assert drivers == [["crime_per_1000"], [], ["jobs_per_1000"]]
    assert "Hoogeveen" in slides[4].charts[1].title  # the finding names the focus


def test_locator_title_is_the_population_share(snap, scores):
    obs = snap.observations
    pop = obs[obs.indicator == "population"]
    year = int(pop[pop.region == "PV22"]["year"].max())
    four = pop[(pop.year == year) & pop.region.isin(["GM0114", "GM0109", "GM0118", "GM1681"])]
    drenthe = pop[(pop.year == year) & (pop.region == "PV22")]["value"].iloc[0]
    share = format_number(100 * four["value"].sum() / drenthe)
    chart = build_slides(snap, scores, "ZOD")[0].charts[0]
    assert f"{share}\u00a0%" in chart.title


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


@pytest.mark.parametrize("region", REGIONS)
def test_page_shows_the_goal_slide_of_each_region(scores, region, run_page):
    at = run_page("presentatie", gemeente=region, dia="5")
    assert not at.exception
    assert at.title[0].value.startswith("Doel 3")
    shown = format_number(actueel(scores, region, 3), 1).replace(",", "\\,")
    finding = markdown_text(at)
    assert shown in finding or shown.replace("\\", "") in finding
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    scores_shown = [v for v in spec["data"][0]["text"] if v[0].isdigit()]
    assert format_number(actueel(scores, region, 3), 1) in scores_shown
    assert "Dia 5 / 6" in finding


def test_page_bad_slide_number_gives_the_first_slide_and_a_note(run_page):
    at = run_page("presentatie", gemeente="GM0114", dia="<b>99</b>")
    assert not at.exception
    assert at.title[0].value == "Brede welvaart Zuid- en Oost-Drenthe"
    assert any("bestaat niet" in str(note.value) for note in at.info)
    at = run_page("presentatie", gemeente="GM0114", dia="7")
    assert any("bestaat niet" in str(note.value) for note in at.info)


def test_page_next_and_previous(scores, run_page):
    at = run_page("presentatie", gemeente="GM0118", dia="2")
    at.button(key="presentatie_next").click().run()
    assert at.query_params["dia"] == ["3"] or at.query_params["dia"] == "3"
    assert at.title[0].value.startswith("Doel 1")
    at.button(key="presentatie_previous").click().run()
    at.button(key="presentatie_previous").click().run()
    assert at.title[0].value.startswith("Brede welvaart")
    assert at.button(key="presentatie_previous").disabled


def test_page_without_chromium_hides_image_downloads(monkeypatch, run_page):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = run_page("presentatie", gemeente="ZOD", dia="2")
    assert not at.exception
    labels = [b.label for b in at.get("download_button")] if at.get("download_button") else []
    assert not any("PNG" in str(label) or ".pptx" in str(label) for label in labels)
    assert any("niet beschikbaar" in str(c.value) for c in at.caption)


def test_page_indicator_choice_goes_into_the_link(scores, run_page):
    at = run_page("presentatie", gemeente="GM0114", dia="3")
    at.multiselect(key="presentatie_indicatoren").set_value(["crime_per_1000"]).run()
    assert not at.exception
    assert "crime_per_1000" in str(at.query_params["indicatoren"])
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert "Geregistreerde misdrijven" in " ".join(spec["data"][0]["y"])
    at = run_page("presentatie", gemeente="GM0114", dia="3", indicatoren="crime_per_1000,<script>")
    assert any("Onbekende indicatoren" in str(note.value) for note in at.info)


def test_presentation_mode_within_the_session_keeps_the_ambitions_slide(run_page):
    """A link with ?modus=presentatie starts a new session without the page Ambities' targets;
    the button switches the mode in this session, so the slide Ambities stays (7 slides)."""
    at = run_page("presentatie", gemeente="ZOD")
    at.session_state["ambities_rows"] = [
        {"indicator": "net_labour_participation", "region": "ZOD", "target": 72.0,
         "year": 2030, "basis": "waarde", "note": ""}
    ]  # fmt: skip
    at.run()
    assert "Dia 1 / 7" in markdown_text(at)
    at.button(key="presentatie_mode").click().run()
    assert not at.exception
    assert at.query_params["modus"] in ("presentatie", ["presentatie"])
    assert "Dia 1 / 7" in markdown_text(at)
    assert at.button(key="presentatie_mode").label == "Terug naar de gewone weergave"
    at.button(key="presentatie_mode").click().run()
    assert "modus" not in at.query_params
