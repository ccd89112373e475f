"""Ambities: the page headless (AppTest), its view models in words, the slide "Ambities" in
the presentation and the deck, and the section on the factsheet.

Expected scores are worked out from the snapshot's z values, not read from the what-if: a
target moves its indicator's z to d * (target - x_NL) / s (capped at +-3) and the goal score by
weight * 5/3 * that change (weight = 1 / (n sub-themes * n indicators in its sub-theme)); a
target the region already meets (d * (target - x) <= 0) moves nothing.
"""

from __future__ import annotations

import io
import json
import math

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from indicators import catalog, scoring, targets
from indicators.exports import deck, factsheet
from indicators.formatting import format_number
from indicators.regions import ZOD
from indicators.targets import Target
from indicators.views import ambities as views
from indicators.views.presentatie import build_slides
from tests.conftest import ROOT

# Three targets for ZOD, one per kind a policy officer uses: a value, Drenthe's level, the best
# quarter. (Numbers for the tests only; nothing is shipped with made-up numbers.)
THREE = (
    Target("net_labour_participation", ZOD, 72.0, 2030, "waarde", "Uitvoeringsagenda"),
    Target("dist_gp", ZOD, None, 2030, "drenthe", ""),
    Target("obesity", ZOD, None, 2030, "beste_kwart", ""),
)
ROWS = [x.row() for x in THREE]


def expected_goal_score(snap, scores, region: str, goal: int, chosen) -> float:
    """The goal score with the targets met, from the snapshot's z rows, by the rule above."""
    latest = scores.latest
    part = latest[(latest.region == region) & (latest.goal == goal)]
    n_sub = part["subtheme"].nunique()
    total = float(scores.actueel.set_index(["region", "goal"]).loc[(region, goal), "score"])
    for target in chosen:
        row = part[part.indicator == target.indicator]
        if row.empty:
            continue
        row = row.iloc[0]
        value, _ = targets.resolve(target, snap.observations, scores.municipalities)
        if row["d"] * (value - row["value"]) <= 0:
            continue  # already met
        z_new = float(np.clip(row["d"] * (value - row["nl_value"]) / row["s"], -3, 3))
        weight = 1 / (n_sub * int((part["subtheme"] == row["subtheme"]).sum()))
        total += weight * 5 / 3 * (z_new - row["z"])
    return total


def frames_with(at, column: str) -> list[pd.DataFrame]:
    """The tables on the page that have this column, in page order."""
    return [d.value for d in at.dataframe if column in d.value.columns]


def text_of(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown).replace("\\", "")


# --- the page --------------------------------------------------------------------------------


def test_page_without_targets_explains_and_shows_the_two_scenarios(snap, scores, run_page):
    at = run_page("ambities", gemeente="GM0114")
    assert not at.exception
    assert at.title[0].value == "Ambities"
    assert any("Nog geen geldige streefwaarden" in str(i.value) for i in at.info)
    assert any("geen sets streefwaarden meegeleverd" in str(c.value) for c in at.caption)
    nederland = frames_with(at, "Score in dit scenario")[0]
    goals, _ = targets.scenario(snap, scores, "nederland")
    # Goal 2: ZOD lags Nederland on every indicator, so the scenario lands on 5,0 exactly.
    assert nederland["Score in dit scenario"].tolist() == [
        format_number(v, 1) for v in goals["score_with_targets"]
    ]
    assert nederland["Score in dit scenario"].iloc[1] == "5,0"
    best = frames_with(at, "Score in dit scenario")[1]
    assert best["Kwart nu → daarna"].tolist()[1] == "onderste kwart → bovenste kwart"


def test_page_with_three_targets_for_zod_shows_progress_and_what_if(snap, scores, run_page):
    at = run_page("ambities", gemeente="ZOD")
    at.session_state["ambities_rows"] = ROWS
    at.run()
    assert not at.exception
    assert not at.warning  # three good rows
    whatif = frames_with(at, "Score met streefwaarden")[0]
    assert whatif["Regio"].tolist() == ["Zuid- en Oost-Drenthe"] * 3
    by_goal = whatif.set_index("Doel")["Score met streefwaarden"]
    for goal in (2, 3):
        expected = expected_goal_score(snap, scores, ZOD, goal, THREE)
        name = f"{goal}. {catalog.GOALS[goal]['nl']}"
        assert by_goal[name] == format_number(expected, 1)
    assert whatif["Streefwaarden"].tolist() == [0, 1, 2]  # dist_gp in 2; the other two in 3
    goal3 = expected_goal_score(snap, scores, ZOD, 3, THREE)
    rank3 = scoring.place_among(
        scores.actueel[
            (scores.actueel.goal == 3) & scores.actueel.region.isin(scores.municipalities)
        ]["score"],
        goal3,
        "higher_better",
    )
    assert whatif["Plaats nu → daarna"].iloc[2].split(" → ")[1].startswith(f"{rank3} van ")
    progress = frames_with(at, "Oordeel")[0]
    assert progress["Indicator"].tolist() == [
        "Netto arbeidsparticipatie",
        "Afstand tot huisartsenpraktijk",
        "Ernstig overgewicht",
    ]
    assert progress["Streefwaarde"].iloc[0] == "72,0\u00a0% in 2030"
    assert "(Drenthe, cijfer " in progress["Streefwaarde"].iloc[1]
    assert progress["Oordeel"].iloc[0] == "onvoldoende gegevens"  # two years of figures
    # ZOD's GP is nearer than Drenthe's: met today, on course without a trend
    gp = snap.observations[snap.observations.indicator == "dist_gp"]
    gp = gp[gp.year == gp.year.max()].set_index("region")["value"]
    assert gp[ZOD] < gp["PV22"]
    assert progress["Oordeel"].iloc[1] == "op koers (nu al bereikt)"
    assert progress["Oordeel"].iloc[2].startswith("niet op koers")  # obesity keeps rising
    assert "%-punt omhoog" in progress["Nog te gaan"].iloc[0]
    text = text_of(at)
    assert f"gaat doel 3 van 4,5 naar {format_number(goal3, 1)}" in text


def test_page_reports_bad_rows_and_keeps_the_good_ones(run_page):
    at = run_page("ambities", gemeente="ZOD")
    at.session_state["ambities_rows"] = [
        *ROWS,
        {"indicator": "smoking", "region": ZOD, "target": 150.0, "year": 2030, "basis": "waarde"},
        {"indicator": "dist_gp", "region": ZOD, "target": 1.0, "year": 2020, "basis": "waarde"},
    ]
    at.run()
    assert not at.exception
    assert at.warning[0].value == "Deze rijen tellen (nog) niet mee:"
    text = text_of(at)
    assert "Rij 4 van de tabel: streefwaarde 150" in text
    assert "Rij 5 van de tabel: doeljaar 2020 ligt vóór" in text
    assert "dubbel" in text  # row 5 is also the second dist_gp for ZOD
    whatif = frames_with(at, "Score met streefwaarden")[0]
    assert whatif["Streefwaarden"].sum() == 3  # only the three good rows count


def test_page_in_english():
    # The rows go in before the first run (a rerun in English trips AppTest's sidebar
    # selectbox, which formats its value in Dutch).
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["gemeente"] = "ZOD"
    at.query_params["lang"] = "en"
    at.session_state["ambities_rows"] = ROWS
    at.switch_page("pages/ambities.py").run()
    assert not at.exception
    assert at.title[0].value == "Ambitions"
    whatif = frames_with(at, "Score with targets")[0]
    assert "South and East Drenthe" in whatif["Region"].tolist()


def test_a_target_without_a_current_value_is_named_not_counted(run_page):
    at = run_page("ambities", gemeente="ZOD")
    at.session_state["ambities_rows"] = [Target("young_adult_health_good", ZOD, 80.0, 2030).row()]
    at.run()
    assert not at.exception
    assert any(
        "Zonder huidige waarde" in str(c.value) and "jongvolwassenen" in str(c.value)
        for c in at.caption
    )
    assert frames_with(at, "Score met streefwaarden")[0]["Streefwaarden"].sum() == 0


def test_shipped_sets_are_offered_and_added(run_page, tmp_path, monkeypatch):
    (tmp_path / "agenda.csv").write_text(
        "indicator,region,target,year,basis,note\nsmoking,ZOD,15,2030,,\nnope,ZOD,1,2030,,\n"
    )
    monkeypatch.setattr(targets, "TARGETS_DIR", tmp_path)
    at = run_page("ambities", gemeente="ZOD")
    at.session_state["ambities_rows"] = [Target("smoking", ZOD, 16.0, 2035).row(), ROWS[0]]
    at.run()
    assert at.selectbox(key="ambities_shipped").value == "agenda.csv"
    at.button(key="ambities_shipped_load").click().run()
    assert not at.exception
    assert "0 streefwaarde(n) toegevoegd, 1 vervangen" in at.success[0].value
    assert "Regel 3: onbekende indicator" in text_of(at)
    rows = at.session_state["ambities_rows"]
    assert rows[0] == Target("smoking", ZOD, 15.0, 2030).row()  # replaced
    assert rows[1] == ROWS[0]  # kept


def test_the_presentation_gets_the_slide_when_the_focus_has_targets(run_page):
    at = run_page("presentatie", gemeente="ZOD", dia="6")
    at.session_state["ambities_rows"] = ROWS
    at.run()
    assert not at.exception
    assert at.title[0].value == "Ambities"
    assert "Dia 6 / 7" in text_of(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [trace["name"] for trace in spec["data"]] == ["Nu", "Met streefwaarden"]
    # Another focus without targets: the six slides as before.
    at = run_page("presentatie", gemeente="GM0114", dia="6")
    at.session_state["ambities_rows"] = ROWS
    at.run()
    assert at.title[0].value.startswith("Bronnen")
    assert "Dia 6 / 6" in text_of(at)


# --- the slide, the deck and the factsheet ----------------------------------------------------


def test_build_slides_adds_ambities_before_the_sources(snap, scores):
    slides = build_slides(snap, scores, ZOD, None, "nl", 1.0, THREE)
    assert [s.kind for s in slides] == [
        "title",
        "overview",
        "goal",
        "goal",
        "goal",
        "ambities",
        "sources",
    ]
    slide = slides[5]
    chart, table = slide.charts
    data = chart.data.set_index("goal")
    for goal in (1, 2, 3):
        expected = expected_goal_score(snap, scores, ZOD, goal, THREE)
        assert data.loc[goal, "score_with_targets"] == pytest.approx(expected, abs=1e-9)
    spec = chart.figure.to_plotly_json()
    assert spec["data"][1]["marker"]["pattern"]["shape"] == "/"  # hatched: not colour alone
    assert f"{format_number(expected_goal_score(snap, scores, ZOD, 3, THREE), 1)} · plaats" in (
        " ".join(spec["data"][1]["text"])
    )
    assert table.data["verdict"].tolist()[0] == "onvoldoende gegevens"
    assert table.data["verdict"].tolist()[2].startswith("niet op koers")
    assert "van de 3 streefwaarden liggen op koers" in table.title
    assert slide.finding.startswith("Als de 3 streefwaarden van Zuid- en Oost-Drenthe")
    assert len(slide.notes.splitlines()) == 3
    # No targets for the focus: no slide.
    assert "ambities" not in [
        s.kind for s in build_slides(snap, scores, "GM0114", None, "nl", 1.0, THREE)
    ]


def test_the_slide_in_english(snap, scores):
    slide = build_slides(snap, scores, ZOD, None, "en", 1.0, THREE)[5]
    assert slide.title == "Ambitions"
    assert slide.finding.startswith("If the 3 targets of South and East Drenthe are met")
    assert slide.charts[1].data["verdict"].iloc[0] == "insufficient data"


def test_the_deck_carries_the_slide(snap, scores):
    slides = build_slides(snap, scores, ZOD, None, "nl", 1.0, THREE)
    buffer = io.BytesIO()
    Image.new("RGB", (32, 18), "white").save(buffer, format="PNG")
    pictures = [[buffer.getvalue()] * len(s.charts) for s in slides]
    pptx = Presentation(io.BytesIO(deck.slide_deck(slides, pictures)))
    titles = [page.shapes.title.text for page in pptx.slides]
    assert len(titles) == 7 and titles[5] == "Ambities"
    page = pptx.slides[5]
    assert page.notes_slide.notes_text_frame.text == slides[5].notes


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_factsheet_has_the_section_and_stays_one_page(snap, scores, lang):
    pdf = factsheet.factsheet_pdf(snap, scores, ZOD, lang, THREE)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    heading, words = (
        ("Ambities", "Als de 3 streefwaarden gehaald worden")
        if lang == "nl"
        else (
            "Ambitions",
            "If the 3 targets are met",
        )
    )
    assert heading in text and words in text
    goal3 = format_number(expected_goal_score(snap, scores, ZOD, 3, THREE), 1, lang)
    assert goal3 in text
    without = factsheet.factsheet_pdf(snap, scores, "GM0114", lang, THREE)  # no targets there
    assert heading not in PdfReader(io.BytesIO(without)).pages[0].extract_text()


# --- the view models in words -----------------------------------------------------------------


def progress_row(**values) -> pd.Series:
    row = dict.fromkeys(targets.PROGRESS_COLUMNS, math.nan)
    row.update(
        indicator="obesity",
        region=ZOD,
        basis="waarde",
        note="",
        target=15.0,
        reference_year=None,
        target_year=2030,
        value=19.0,
        year=2020,
        status="derived",
        reached_now=False,
        verdict="onvoldoende gegevens",
        n_years=2,
    )
    row.update(values)
    return pd.Series(row)


def test_progress_words():
    row = progress_row(gap=-4.0, needed_per_year=-0.4)
    assert views.now_text(row, "nl") == "19,0\u00a0% (2020†)"
    assert views.gap_text(row, "nl") == "4,0\u00a0%-punt omlaag"
    assert views.needed_text(row, "nl") == "-0,40\u00a0%-punt per jaar (2020–2030)"
    assert views.trend_text(row, "nl") == "te weinig jaren (2) voor een trend"
    assert views.verdict_text(row, "en") == "insufficient data"
    off = progress_row(
        verdict="niet op koers",
        projected=23.3,
        slope=0.43,
        low=0.34,
        high=0.51,
        first_year=2012,
        last_year=2020,
        n_years=3,
    )
    assert views.verdict_text(off, "nl") == "niet op koers: trend komt in 2030 op 23,3\u00a0%"
    assert views.trend_text(off, "nl") == (
        "+0,43\u00a0%-punt (+0,34 tot +0,51; 2012–2020, 3 jaren)"
    )
    reached = progress_row(gap=1.0, reached_now=True, verdict="op koers")
    assert views.gap_text(reached, "nl") == "bereikt (+1,0\u00a0%-punt)"
    assert views.needed_text(reached, "nl") == "–"
    assert views.verdict_text(reached, "nl") == "op koers (nu al bereikt)"
    relative = progress_row(basis="beste_kwart", reference_year=2020, target=14.1)
    assert views.target_text(relative, "nl") == "14,1\u00a0% in 2030 (beste kwart, cijfer 2020)"
    assert views.target_text(relative, "en") == "14.1\u00a0% in 2030 (best quarter, figure 2020)"


def test_the_editor_options_are_the_scored_indicators_with_readable_labels():
    options = views.indicator_options()
    assert set(options) == {i.id for i in catalog.scored_indicators()}
    assert views.indicator_label("net_labour_participation") == (
        "3 · Netto arbeidsparticipatie (%)"
    )
    assert views.basis_label("beste_kwart", "en") == "boundary of the best quarter"


def test_ui_texts_of_the_page_have_both_languages_and_the_same_placeholders():
    import string

    from indicators.ui_text import ambities as text

    for key, entry in text.TEXT.items():
        assert set(entry) == {"nl", "en"}, key
        fields = [
            {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
            for lang in ("nl", "en")
        ]
        assert fields[0] == fields[1], key
