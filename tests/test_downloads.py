"""Data & downloads: file names, datasets, previews and the page headless (AppTest)."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from indicators.exports.csv import to_csv_bytes
from indicators.formatting import format_number, join_words
from indicators.snapshot import snapshot_date
from indicators.views import downloads as vd
from tests.conftest import REGIONS


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
    assert snapshot_date(snap) == snap.manifest["built_at"][:10]


def test_join_words():
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b", "c"]) == "a, b en c"
    assert join_words(["a", "b"], "en") == "a and b"


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
    # A goal and year in which Hoogeveen has a score (the per-jaar view needs 2/3 of a goal's
    # indicators in that very year; with the newer sources that is rare).
    source = per_jaar[(per_jaar.region == "GM0118") & (per_jaar.status == "ok")].iloc[0]
    row = table[
        (table.region == "GM0118") & (table.goal == source["goal"]) & (table.year == source["year"])
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
    from indicators.views.downloads import tidy_dataset

    table = vd.column_descriptions("en")
    assert list(table["column"]) == list(tidy_dataset(snap).columns)
    assert table["meaning"].str.len().min() > 5


@pytest.mark.parametrize("region", REGIONS)
def test_downloads_page_shows_sizes_and_the_selection(region, expected, run_page):
    snap, _ = expected
    at = run_page("downloads", gemeente=region)
    assert not at.exception
    size = f"{format_number(len(snap.observations))} rijen × 14 kolommen"
    assert any(size in m.value for m in at.markdown)
    # The previews travel only once opened; the selection's then shows its first rows.
    assert len(at.dataframe) == 0
    at.session_state["downloads_preview_selection"] = True
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 1
    obs = snap.observations
    pop = obs[(obs.indicator == "population") & (obs.region == region)].sort_values("year")
    selection = at.dataframe[0].value
    first = selection.iloc[0]
    assert (first["region"], first["year"], first["value"]) == (
        region,
        str(pop["year"].iloc[0]),
        format_number(pop["value"].iloc[0]),
    )
    assert len(at.get("download_button")) == 14  # seven datasets, two dialects each


def test_csv_writes_counts_without_a_decimal_and_statuses_in_the_readers_language(snap):
    import io

    frame = vd.selection_dataset(snap, "GM0114")
    population = frame[(frame.indicator == "population") & (frame.region == "GM0114")]
    row = population.sort_values("year").iloc[-1]
    text = to_csv_bytes(frame, dutch_excel=True).decode("utf-8-sig")
    # A count is written as a whole number (it once read '109881,0').
    line = next(
        x
        for x in text.splitlines()
        if x.startswith("population;") and f";{row['year']};" in x and ";GM0114;" in x
    )
    assert f";{int(row['value'])};" in line and f";{int(row['value'])},0;" not in line
    # Statuses, directions and the goal in Dutch, as the page promises.
    parsed = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    assert set(parsed["status"]) <= {"definitief", "voorlopig", "afgeleid", "overgenomen"}
    assert set(parsed["direction"]) <= {
        "hoger is beter",
        "lager is beter",
        "context (niet in de score)",
    }
    crime = parsed[(parsed.indicator == "crime_per_1000")].iloc[0]
    assert crime["goal"] == 1 and crime["direction"] == "lager is beter"
    # A rate keeps its decimals: the snapshot's value, read back through the decimal comma.
    rate = frame[(frame.indicator == "crime_per_1000") & (frame.region == "GM0114")].iloc[0]
    back = parsed[
        (parsed.indicator == "crime_per_1000")
        & (parsed.region == "GM0114")
        & (parsed.year == rate["year"])
    ]["value"].iloc[0]
    assert back == pytest.approx(rate["value"])


def test_english_csv_names_units_and_statuses_in_english(snap):
    frame = vd.full_dataset(snap, "en")
    nl = frame[frame.region == "NL01"].iloc[0]
    assert nl["region_name"] == "Netherlands"
    ww = frame[frame.indicator == "unemployment_benefits_per_1000"].iloc[0]
    assert ww["unit"] == "per 1,000 inhabitants" and ww["direction"] == "lower is better"
    assert set(frame["status"]) <= {"definitive", "provisional", "derived", "transcribed"}
