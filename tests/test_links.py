"""Every selection that changes what a page shows is in its URL: a link reproduces the view
(AppTest, as a link opens a page), and unknown values give a note and the default."""

from __future__ import annotations

from indicators.state import parse_params


def test_parser_reads_zoom_comparison_and_wijk_and_notes_unknown_values():
    state = parse_params(
        {"zoom": "Drenthe", "vergelijk": "gm0114,NL01,GM0106", "wijk": "wijk_population"},
        comparable=("GM0114", "GM0106", "NL01", "ZOD"),
    )
    assert state.zoom == "drenthe"
    assert state.vergelijk == ("GM0114", "NL01", "GM0106")
    assert state.wijk == "wijk_population" and not state.notes
    bad = parse_params(
        {"zoom": "mars", "vergelijk": "GM0114,<b>", "wijk": "population"},
        comparable=("GM0114",),
    )
    assert bad.zoom == "nederland" and bad.vergelijk == ("GM0114",)
    assert bad.wijk is None  # population is a municipal figure, not a wijk one
    assert {n.param for n in bad.notes} == {"zoom", "vergelijk", "wijk"}
    assert parse_params(
        {"vergelijk": ",".join(["GM0114"] * 40)}, comparable=("GM0114",)
    ).vergelijk == ("GM0114",)


def test_a_kaart_link_opens_on_its_zoom_and_wijk_indicator(run_page):
    at = run_page("kaart", gemeente="GM0109", zoom="drenthe", wijk="wijk_dwelling_stock")
    assert not at.exception
    assert at.segmented_control(key="kaart_zoom").value == "drenthe"
    assert at.selectbox(key="kaart_wijk_indicator").value == "wijk_dwelling_stock"
    assert at.query_params["zoom"] in ("drenthe", ["drenthe"])


def test_a_vergelijken_link_opens_on_its_regions(run_page):
    at = run_page("vergelijken", gemeente="GM0114", vergelijk="GM0114,GM0106,NL01")
    assert not at.exception
    assert at.multiselect(key="vergelijken_regions_GM0114").value == ["GM0114", "GM0106", "NL01"]


def test_the_per_doel_indicator_goes_into_the_link_and_on_to_kaart(run_page):
    at = run_page("per_doel", gemeente="GM0114", doel="3", indicator="unemployment_rate")
    assert not at.exception
    assert at.selectbox(key="per_doel_indicator_3").value == "unemployment_rate"
    at.switch_page("pages/kaart.py").run()
    assert not at.exception
    assert at.selectbox(key="kaart_indicator").value == "unemployment_rate"


def test_switching_the_language_writes_it_into_the_link(run_page):
    at = run_page("overzicht", gemeente="GM0114")
    at.segmented_control(key="lang").set_value("en").run()
    assert not at.exception
    assert at.query_params["lang"] in ("en", ["en"])
    assert at.title[0].value == "Broad prosperity South and East Drenthe"


def test_vergelijken_follows_a_change_of_region_to_its_default_selection(run_page):
    """A default selection is not written into the link: after Emmen, Coevorden shows its own
    peers, not Emmen's (it did, with 'Coevorden ligt op ...' over Emmen's peer group)."""
    at = run_page("vergelijken", gemeente="GM0114")
    emmen = at.multiselect(key="vergelijken_regions_GM0114").value
    assert emmen[0] == "GM0114"
    assert "vergelijk" not in at.query_params
    at.selectbox(key="gemeente").set_value("GM0109").run()
    assert not at.exception
    coevorden = at.multiselect(key="vergelijken_regions_GM0109").value
    assert coevorden[0] == "GM0109"
    assert coevorden != emmen
    assert "vergelijk" not in at.query_params


def test_a_chosen_comparison_stays_in_the_link(run_page):
    at = run_page("vergelijken", gemeente="GM0114")
    at.multiselect(key="vergelijken_regions_GM0114").set_value(["GM0114", "NL01"]).run()
    assert not at.exception
    assert at.query_params["vergelijk"] in ("GM0114,NL01", ["GM0114,NL01"])
