"""Every generated headline checked against a hand computation (issue 13).

Each test builds one title or finding from the committed snapshot for one region (Emmen,
GM0114, or ZOD where the sentence is about the region) and compares the numbers and words in
it with numbers computed here from the raw observations (``snap.observations``) or, for the
goal scores themselves, from the score table: highest and lowest by pandas, a change in % by
hand, a rank by sorting the current municipalities. Numbers are formatted as the reader sees
them (Dutch decimal comma), so a rounding or a wrong word shows up as a failure.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators import catalog
from indicators.regions import current_municipalities
from indicators.targets import Target
from indicators.views import (
    ambities,
    kaart,
    overzicht,
    per_doel,
    presentatie,
    vergelijken,
    verkennen,
)
from indicators.views.common import goal_cards, region_names, series_for

EMMEN = "GM0114"
FOUR = {"GM0114": "Emmen", "GM0109": "Coevorden", "GM0118": "Hoogeveen", "GM1681": "Borger-Odoorn"}
ZOD_NAME = {"nl": "Zuid- en Oost-Drenthe", "en": "South and East Drenthe"}


def nl(value: float, decimals: int = 1) -> str:
    """A number as a Dutch reader sees it: '1.234,5'."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def en(value: float, decimals: int = 1) -> str:
    return f"{value:,.{decimals}f}"


def signed(value: float, decimals: int = 1, lang: str = "nl") -> str:
    shown = (nl if lang == "nl" else en)(value, decimals)
    return shown if shown.startswith("-") else f"+{shown}"


def obs_of(snap, indicator: str) -> pd.DataFrame:
    obs = snap.observations
    return obs[obs["indicator"] == indicator].dropna(subset=["value"])


def muni_scores(snap, scores, goal: int) -> pd.Series:
    """The actueel goal scores of the current municipalities (the ranking set)."""
    actueel = scores.actueel
    current = set(current_municipalities(snap.regions))
    part = actueel[(actueel["goal"] == goal) & actueel["region"].isin(current)]
    return part.set_index("region")["score"].dropna()


def score_of(scores, region: str, goal: int) -> float:
    actueel = scores.actueel
    row = actueel[(actueel["region"] == region) & (actueel["goal"] == goal)]
    return float(row["score"].iloc[0])


def hand_rank(values: pd.Series, value: float, higher_better: bool = True) -> int:
    """1 + the number strictly more favourable (ties share the better place)."""
    return int((values > value).sum() if higher_better else (values < value).sum()) + 1


def hand_quartile(values: pd.Series, value: float) -> str:
    """CBS-style quarter from the percentile among the municipalities."""
    below = int((values < value).sum())
    pct = 100.0 * below / max(len(values) - 1, 1)
    return "bovenste kwart" if pct >= 75 else "onderste kwart" if pct <= 25 else "midden"


def hand_contributions(scores, region: str, goal: int) -> pd.DataFrame:
    """Weight 1 / (sub-themes x indicators in the sub-theme), points = 5/3 x z x weight,
    from the catalog's sub-themes and the capped z of each indicator's latest year."""
    latest = scores.latest
    ids = {i.id: i.subtheme for i in catalog.scored_indicators(goal)}
    part = latest[(latest["region"] == region) & latest["indicator"].isin(list(ids))].copy()
    subthemes = part["indicator"].map(ids)
    per_sub = subthemes.map(subthemes.value_counts())
    part["points"] = 5 / 3 * part["z"] / (subthemes.nunique() * per_sub)
    return part.assign(size=part["points"].abs()).sort_values("size", ascending=False)


# --- Overzicht -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_comparison_title_names_best_and_worst_of_the_four_on_their_weakest_goal(
    snap, scores, lang
):
    four = scores.actueel[scores.actueel["region"].isin(list(FOUR))]
    means = four.groupby("goal")["score"].mean()
    weakest = int(means.idxmin())
    part = four[four["goal"] == weakest].set_index("region")["score"]
    best, worst = FOUR[part.idxmax()], FOUR[part.idxmin()]
    # No tie at the shown precision, so "het hoogst" and "het laagst" name one each.
    shown = part.round(1)
    assert (shown == shown.max()).sum() == 1 and (shown == shown.min()).sum() == 1
    title = overzicht.comparison_for(snap, scores, lang).title
    goal = catalog.GOALS[weakest][lang]
    if lang == "nl":
        assert title == f"{best} scoort het hoogst op '{goal}', {worst} het laagst"
    else:
        assert title == f"{best} scores highest on '{goal}', {worst} lowest"


def test_outlook_title_in_english_states_the_hand_computed_changes(snap, scores):
    obs = snap.observations
    pop = obs_of(snap, "population")
    drenthe = pop[(pop["region"] == "PV22") & (pop["year"] >= 2015)].set_index("year")["value"]
    outlook = obs[(obs["indicator"] == "population_outlook") & (obs["region"] == "PV22")]
    outlook = outlook.set_index("year")["value"].sort_index()
    first, last = drenthe.loc[drenthe.index.min()], drenthe.loc[drenthe.index.max()]
    growth = (last / first - 1) * 100
    base, future = outlook.iloc[0], outlook.iloc[-1]
    title = overzicht.outlook_for(snap, scores, "en").title
    verb = "grew" if growth >= 0 else "shrank"
    assert title.startswith(
        f"Drenthe {verb} by {signed(growth, 1, 'en')}% since {drenthe.index.min()} to "
        f"{en(last / 1000)} thousand ({drenthe.index.max()}); the outlook goes from "
        f"{en(base)} thousand ({outlook.index[0]}) to {en(future)} thousand "
        f"({outlook.index[-1]}), {signed((future / base - 1) * 100, 1, 'en')}%"
    )
    gap = drenthe.loc[outlook.index[0]] / 1000 - base
    already = "already " if gap > 0 else ""
    assert title.endswith(
        f"; the measured population was {already}{en(abs(gap))} thousand "
        f"{'above' if gap > 0 else 'below'} it in {outlook.index[0]}"
    )


@pytest.mark.parametrize("goal", [1, 2, 3])
def test_goal_card_sentence_states_score_relation_rank_quarter_and_bottom_count(snap, scores, goal):
    values = muni_scores(snap, scores, goal)
    score = score_of(scores, EMMEN, goal)
    relation = (
        "beter dan Nederland"
        if round(score, 1) > 5
        else "slechter dan Nederland"
        if round(score, 1) < 5
        else "gelijk aan Nederland"
    )
    # Bottom quarter per indicator: the municipality's percentile on the direction-adjusted
    # latest value among the current municipalities in that year, <= 25.
    obs = snap.observations
    current = set(current_municipalities(snap.regions))
    bottom, total = 0, 0
    for ind in catalog.scored_indicators(goal):
        own = obs[(obs["indicator"] == ind.id) & (obs["region"] == EMMEN)].dropna(subset=["value"])
        if own.empty:
            continue
        total += 1
        year = int(own["year"].max())
        value = float(own.loc[own["year"] == year, "value"].iloc[0])
        others = obs[
            (obs["indicator"] == ind.id) & (obs["year"] == year) & obs["region"].isin(current)
        ]["value"].dropna()
        sign = 1 if ind.direction == "higher_better" else -1
        below = int((sign * others < sign * value).sum())
        if 100.0 * below / max(len(others) - 1, 1) <= 25:
            bottom += 1
    card = goal_cards(scores, EMMEN)[goal - 1]
    sentence = overzicht.goal_sentence(card, "Emmen")
    name = catalog.GOALS[goal]["nl"]
    assert sentence.startswith(
        f"Emmen scoort {nl(score)} op '{name}', {relation}: plaats "
        f"{hand_rank(values, score)} van {len(values)} gemeenten met een score "
        f"({hand_quartile(values, score)}); {bottom} van de {total} indicatoren vallen in het "
        "onderste kwart."
    )
    html = overzicht.cards_for(snap, scores, EMMEN)
    delta = round(score, 1) - 5
    assert f"{nl(score)} " in html and f"{signed(delta)} t.o.v. NL" in html
    assert ("▲" if delta > 0 else "▼") in html


def test_goal_card_of_a_score_that_rounds_to_five_says_level_with_no_minus_zero():
    # 4,96 is shown as 5,0: the sentence says "gelijk aan Nederland" and the card's distance
    # to NL is 0,0, never "-0,0" and never an arrow.
    card = {
        "goal": 1,
        "name": catalog.GOALS[1],
        "score": 4.96,
        "ok": True,
        "rank": 200,
        "n_ranked": 300,
        "quartile": "midden",
        "n_bottom": 2,
        "n_indicators": 14,
        "trend": "trend_insufficient",
        "n_trend": 0,
        "years": "2015-2025",
        "year_min": 2015,
    }
    assert "5,0 op" in overzicht.goal_sentence(card, "Emmen")
    assert "gelijk aan Nederland" in overzicht.goal_sentence(card, "Emmen")
    html = overzicht.goal_card_html(card, "Emmen")
    assert "5,0 " in html and "-0,0" not in html and "0,0 t.o.v. NL" in html
    assert "▲" not in html and "▼" not in html


# --- Per doel --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_contribution_title_names_the_largest_contribution_with_its_sign(snap, scores, lang):
    hand = hand_contributions(scores, EMMEN, 2)
    top = hand.iloc[0]
    assert top["size"] > hand["size"].iloc[1]  # one indicator moves the score most
    name = catalog.BY_ID[top["indicator"]].name(lang)
    title = per_doel.contribution_for(snap, scores, EMMEN, 2, lang).title
    points = signed(float(top["points"]), 2, lang)
    if lang == "nl":
        verb = (
            "tilt de score van Emmen het meest op"
            if top["points"] > 0
            else ("drukt de score van Emmen het meest")
        )
        assert title == f"'{name}' {verb} ({points} punt)"
    else:
        verb = (
            "lifts the score of Emmen most"
            if top["points"] > 0
            else ("pulls the score of Emmen down most")
        )
        assert title == f"'{name}' {verb} ({points} points)"
    # The contributions add up to score - 5 (no clipping here).
    assert hand["points"].sum() == pytest.approx(score_of(scores, EMMEN, 2) - 5, abs=1e-9)


# --- Indicator verkennen ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "lang"),
    [("net_labour_participation", "nl"), ("dist_gp", "nl"), ("obesity", "en")],
)
def test_series_title_compares_with_nederland_in_the_latest_common_year(
    snap, scores, indicator, lang
):
    ind = catalog.BY_ID[indicator]
    data = obs_of(snap, indicator)
    own = data[data["region"] == EMMEN].set_index("year")["value"]
    ref = data[data["region"] == "NL01"].set_index("year")["value"]
    year = max(set(own.index) & set(ref.index))
    value, nl_value = own.loc[year], ref.loc[year]
    fmt = nl if lang == "nl" else en
    higher = value > nl_value
    better = higher == (ind.direction == "higher_better")
    title = series_for(snap, scores, indicator, EMMEN, True, lang).title
    if lang == "nl":
        word, judgement = ("boven" if higher else "onder"), ("beter" if better else "slechter")
        assert title == (
            f"Emmen ligt in {year} {word} Nederland: {fmt(value, ind.decimals)} tegen "
            f"{fmt(nl_value, ind.decimals)} ({judgement})"
        )
    else:
        word, judgement = ("above" if higher else "below"), ("better" if better else "worse")
        assert title == (
            f"Emmen is {word} the Netherlands in {year}: {fmt(value, ind.decimals)} against "
            f"{fmt(nl_value, ind.decimals)} ({judgement})"
        )


def test_series_title_of_a_count_states_the_change_since_the_first_year(snap, scores):
    pop = obs_of(snap, "population")
    own = pop[pop["region"] == EMMEN].set_index("year")["value"].sort_index()
    change = (own.iloc[-1] / own.iloc[0] - 1) * 100
    title = series_for(snap, scores, "population", EMMEN, True, "nl").title
    assert title == (
        f"Emmen: {nl(own.iloc[-1], 0)} in {own.index[-1]}, {signed(change)} % ten opzichte "
        f"van {own.index[0]}"
    )


@pytest.mark.parametrize(("indicator", "lang"), [("dist_gp", "nl"), ("population", "en")])
def test_ranking_title_is_the_place_among_the_current_municipalities(snap, scores, indicator, lang):
    ind = catalog.BY_ID[indicator]
    data = obs_of(snap, indicator)
    year = int(data.loc[data["region"].str.startswith("GM"), "year"].max())
    if indicator == "dist_gp":
        year = 2015
    current = set(current_municipalities(snap.regions))
    values = data[(data["year"] == year) & data["region"].isin(current)]["value"]
    value = float(data[(data["year"] == year) & (data["region"] == EMMEN)]["value"].iloc[0])
    place = hand_rank(values, value, ind.direction != "lower_better")
    title = verkennen.ranking_for(snap, scores, indicator, year, EMMEN, lang).title
    if lang == "nl":
        order = "1 = beste" if ind.scored else "1 = hoogste waarde"
        assert title == (
            f"Emmen staat op plaats {place} van {len(values)} huidige gemeenten met een cijfer "
            f"({order}, {year})"
        )
    else:
        order = "1 = best" if ind.scored else "1 = highest value"
        assert title == (
            f"Emmen ranks {place} of {len(values)} current municipalities with a figure "
            f"({order}, {year})"
        )


def test_distribution_title_is_the_share_of_municipalities_below(snap, scores):
    data = obs_of(snap, "dist_gp")
    current = set(current_municipalities(snap.regions))
    values = data[(data["year"] == 2015) & data["region"].isin(current)]["value"]
    value = float(data[(data["year"] == 2015) & (data["region"] == EMMEN)]["value"].iloc[0])
    below = 100 * (values < value).sum() / len(values)
    above = 100 * (values > value).sum() / len(values)
    title = verkennen.distribution_for(snap, scores, "dist_gp", 2015, EMMEN).title
    word, pct = ("hogere", below) if below >= above else ("lagere", above)
    assert title == f"Emmen heeft een {word} waarde dan {round(pct)} % van de gemeenten (2015)"


# --- Kaart -----------------------------------------------------------------------------------


def test_map_title_states_the_difference_with_nederland_in_the_same_year(snap, scores):
    ind = catalog.BY_ID["crime_per_1000"]
    data = obs_of(snap, ind.id)
    year = int(data.loc[data["region"] == EMMEN, "year"].max())
    at = data[data["year"] == year].set_index("region")["value"]
    value, nl_value = at[EMMEN], at["NL01"]
    word = "boven" if value > nl_value else "onder"
    favourable = (value > nl_value) == (ind.direction == "higher_better")
    title = kaart.map_finding_for(snap, scores, ind.id, year, EMMEN)
    unit = ind.unit_text("nl")
    # the difference a reader can check: the shown value minus the shown Nederland
    shown_difference = abs(
        float(nl(value).replace(",", ".")) - float(nl(nl_value).replace(",", "."))
    )
    assert title == (
        f"Emmen ligt {nl(shown_difference)} {unit} {word} Nederland "
        f"({'gunstig' if favourable else 'ongunstig'}): {nl(value)} tegen {nl(nl_value)} {unit} "
        f"in {year}"
    )


def test_map_title_difference_is_that_of_the_values_it_shows(snap, scores):
    """Coevorden's owner-occupied share in 2015: 68,6 against 56,4 % would be '12,2' apart
    unrounded; the title shows 69 and 56 (no decimals) and must say 13, not 12."""
    data = obs_of(snap, "owner_occupied_share")
    at = data[data["year"] == 2015].set_index("region")["value"]
    value, nl_value = at["GM0109"], at["NL01"]
    shown = round(value), round(nl_value)
    title = kaart.map_finding_for(snap, scores, "owner_occupied_share", 2015, "GM0109")
    assert f"{shown[0]} tegen {shown[1]} %" in title, title
    assert title.startswith(f"Coevorden ligt {abs(shown[0] - shown[1])} procentpunt"), title


def test_map_title_of_a_count_is_a_place_among_the_municipalities(snap, scores):
    data = obs_of(snap, "population")
    year = int(data["year"].max())
    at = data[data["year"] == year].set_index("region")["value"]
    current = current_municipalities(snap.regions)
    values = at[at.index.isin(current)]
    place = hand_rank(values, at[EMMEN])
    title = kaart.map_finding_for(snap, scores, "population", year, EMMEN)
    assert title == (
        f"Emmen: {nl(at[EMMEN], 0)} inwoners in {year}, plaats {place} van {len(values)} "
        "huidige gemeenten met een cijfer (1 = hoogste)"
    )


def test_wijk_map_title_names_the_highest_and_lowest_wijk(snap, scores):
    data = obs_of(snap, "wijk_population")
    year = int(data["year"].max())
    part = data[data["year"] == year].set_index("region")["value"]
    regions = snap.regions.set_index("code")
    high, low = part.idxmax(), part.idxmin()
    assert (part == part.max()).sum() == 1 and (part == part.min()).sum() == 1  # no tie
    title = kaart.wijk_map_for(snap, scores, "wijk_population").title
    assert title == (
        f"Inwoners per wijk: hoogste in {regions.loc[high, 'name']} "
        f"({FOUR[regions.loc[high, 'gemeente']]}), {nl(part[high], 0)} inwoners; laagste in "
        f"{regions.loc[low, 'name']} ({FOUR[regions.loc[low, 'gemeente']]}), "
        f"{nl(part[low], 0)} inwoners ({year})"
    )


# --- Vergelijken -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_compare_title_counts_indicators_behind_and_ahead_of_nederland(snap, scores, lang):
    # Per scored indicator of goal 2: Emmen's latest value against Nederland's in that year,
    # direction-adjusted.
    behind = ahead = have = 0
    for ind in catalog.scored_indicators(2):
        data = obs_of(snap, ind.id)
        own = data[data["region"] == EMMEN]
        if own.empty:
            continue
        year = own["year"].max()
        ref = data[(data["region"] == "NL01") & (data["year"] == year)]
        if ref.empty:
            continue
        have += 1
        diff = float(own.loc[own["year"] == year, "value"].iloc[0]) - float(ref["value"].iloc[0])
        diff = diff if ind.direction == "higher_better" else -diff
        behind += diff < 0
        ahead += diff > 0
    sel = vergelijken.default_selection(EMMEN, scores.peers.get(EMMEN, []))
    title = vergelijken.comparison_for(snap, scores, tuple(sel), 2, EMMEN, lang).chart.title
    if lang == "nl":
        expected = f"Emmen ligt op {behind} van de {have} indicatoren achter op Nederland"
        expected += f" en op {ahead} voor" if ahead else ""
    else:
        expected = f"Emmen is behind the Netherlands on {behind} of {have} indicators"
        expected += f" and ahead on {ahead}" if ahead else ""
    assert title == expected


# --- Presentatie -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def emmen_slides(snap, scores):
    return {lang: presentatie.build_slides(snap, scores, EMMEN, lang=lang) for lang in ("nl", "en")}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_overview_slide_counts_goals_below_nederland_and_names_the_lowest(
    scores, emmen_slides, lang
):
    own = {g: score_of(scores, EMMEN, g) for g in (1, 2, 3)}
    below = sum(round(s, 1) < 5 for s in own.values())
    lowest = min(own, key=own.get)
    finding = emmen_slides[lang][1].finding
    goal = catalog.GOALS[lowest][lang]
    if lang == "nl":
        assert finding == (
            f"Emmen scoort op {below} van de 3 doelen lager dan Nederland (5,0); het laagst op "
            f"'{goal}' ({nl(own[lowest])})."
        )
    else:
        assert finding == (
            f"Emmen scores below the Netherlands (5.0) on {below} of the 3 goals; lowest on "
            f"'{goal}' ({en(own[lowest])})."
        )


@pytest.mark.parametrize("goal", [1, 2, 3])
def test_goal_slide_finding_and_chart_titles(snap, scores, emmen_slides, goal):
    slide = emmen_slides["nl"][1 + goal]
    values = muni_scores(snap, scores, goal)
    score = score_of(scores, EMMEN, goal)
    relation = "beter dan" if round(score, 1) > 5 else "slechter dan"
    assert slide.finding.startswith(
        f"Emmen scoort {nl(score)}, {relation} Nederland: plaats {hand_rank(values, score)} van "
        f"{len(values)} gemeenten met een score ({hand_quartile(values, score)}); stand per "
    )
    # The scores chart: the best and the worst of the four.
    four = pd.Series({FOUR[c]: score_of(scores, c, goal) for c in FOUR})
    best, worst = four.idxmax(), four.idxmin()
    assert slide.charts[0].title == (
        f"{best} scoort het hoogst ({nl(four[best])}), {worst} het laagst ({nl(four[worst])})"
    )
    # The drivers chart: the largest contribution, with its direction.
    top = hand_contributions(scores, EMMEN, goal).iloc[0]
    name = catalog.BY_ID[top["indicator"]].name("nl")
    way = "omhoog" if top["points"] > 0 else "omlaag"
    assert slide.charts[1].title == (
        f"'{name}' trekt de score van Emmen het meest {way} ({signed(top['points'], 2)} punt)"
    )


def test_goal_slide_in_english(scores, emmen_slides):
    slide = emmen_slides["en"][3]  # goal 2
    score = score_of(scores, EMMEN, 2)
    assert slide.finding.startswith(f"Emmen scores {en(score)}, worse than the Netherlands: rank ")
    four = pd.Series({FOUR[c]: score_of(scores, c, 2) for c in FOUR})
    assert slide.charts[0].title == (
        f"{four.idxmax()} scores highest ({en(four.max())}), {four.idxmin()} lowest "
        f"({en(four.min())})"
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_title_slide_map_states_the_population_share_of_the_four(snap, emmen_slides, lang):
    pop = obs_of(snap, "population")
    drenthe_codes = current_municipalities(snap.regions, "PV22")
    year = int(pop[pop["region"].isin(drenthe_codes)]["year"].max())
    at = pop[pop["year"] == year].set_index("region")["value"]
    share = 100 * at[list(FOUR)].sum() / at[drenthe_codes].sum()
    title = emmen_slides[lang][0].charts[0].title
    if lang == "nl":
        assert title == (
            f"In de vier gemeenten van Zuid- en Oost-Drenthe woont {nl(share, 0)}\u00a0% van de "
            "inwoners van Drenthe"
        )
    else:
        assert title.startswith(f"{en(share, 0)}")


# --- Ambities (slide, page, factsheet) -------------------------------------------------------


@pytest.fixture(scope="module")
def labour_target():
    return (Target("net_labour_participation", "ZOD", 72.0, 2030),)


def test_ambition_sentences_state_the_hand_computed_what_if(snap, scores, labour_target):
    """One value target for ZOD: the latest value replaced by 72 %, compared with Nederland in
    the same year and the same spread; the goal score moves by weight x 5/3 x change in z."""
    ind = catalog.BY_ID["net_labour_participation"]
    data = obs_of(snap, ind.id)
    own = data[data["region"] == "ZOD"]
    year = int(own["year"].max())
    nl_value = float(data[(data["region"] == "NL01") & (data["year"] == year)]["value"].iloc[0])
    latest = scores.latest.set_index(["region", "indicator"]).loc[("ZOD", ind.id)]
    assert int(latest["year"]) == year
    value = float(own.loc[own["year"] == year, "value"].iloc[0])
    spread = float(latest["s"])
    z_now = max(-3.0, min(3.0, (value - nl_value) / spread))
    z_after = max(-3.0, min(3.0, (72.0 - nl_value) / spread))
    hand = hand_contributions(scores, "ZOD", ind.goal).set_index("indicator")
    weight = hand.loc[ind.id, "points"] / (5 / 3 * hand.loc[ind.id, "z"])
    now = score_of(scores, "ZOD", ind.goal)
    after = now + weight * 5 / 3 * (z_after - z_now)
    values = muni_scores(snap, scores, ind.goal)
    rank_now, rank_after = hand_rank(values, now), hand_rank(values, after)

    view = ambities.whatif_for(snap, scores, labour_target)
    row = view.table[view.table["Doel"].str.startswith(f"{ind.goal}.")].iloc[0]
    assert row["Score nu"] == nl(now) and row["Score met streefwaarden"] == nl(after)
    assert row["Verschil"] == signed(after - now, 2)
    assert row["Plaats nu → daarna"] == f"{rank_now} → {rank_after} van {len(values)}"

    found = ambities.ambition(snap, scores, labour_target, "ZOD")
    sentence = ambities.ambition_finding(found, ZOD_NAME["nl"], "nl")
    assert sentence.startswith(
        f"Als de streefwaarde van Zuid- en Oost-Drenthe gehaald wordt, gaat doel {ind.goal} van "
        f"{nl(now)} naar {nl(after)} (plaats {rank_now} → {rank_after} van {len(values)}); "
    )
    english = ambities.ambition_finding(found, ZOD_NAME["en"], "en")
    assert english.startswith(
        f"If the target of South and East Drenthe is met, goal {ind.goal} goes from {en(now)} "
        f"to {en(after)} (rank {rank_now} → {rank_after} of {len(values)}); "
    )
    slides = presentatie.build_slides(snap, scores, "ZOD", targets=labour_target)
    slide = next(s for s in slides if s.kind == "ambities")
    assert slide.finding == sentence
    assert slide.charts[0].title == (
        f"Met de streefwaarden gaat Zuid- en Oost-Drenthe op doel {ind.goal} van {nl(now)} naar "
        f"{nl(after)}"
    )
    summary, lines, more = ambities.ambition_lines(found, "nl", 2)
    assert summary == (
        f"Als de streefwaarde gehaald wordt: doel {ind.goal} {nl(now)} → {nl(after)} "
        f"(plaats {rank_now} → {rank_after})."
    )
    assert lines[0].startswith(f"Netto arbeidsparticipatie: {nl(value)}\u00a0% ({year}")
    assert "streefwaarde 72,0\u00a0% in 2030" in lines[0] and more == 0


# --- Factsheet -------------------------------------------------------------------------------


def test_factsheet_headline_population_and_goal_rows(snap, scores):
    import io

    from pypdf import PdfReader

    from indicators.exports import factsheet

    pop = obs_of(snap, "population")
    own = pop[pop["region"] == EMMEN].set_index("year")["value"]
    pdf = PdfReader(io.BytesIO(factsheet.factsheet_pdf(snap, scores, EMMEN)))
    text = " ".join(pdf.pages[0].extract_text().split())
    assert f"Inwoners op 1 januari {own.index.max()}: {nl(own.loc[own.index.max()], 0)}" in text
    for goal in (1, 2, 3):
        values = muni_scores(snap, scores, goal)
        score = score_of(scores, EMMEN, goal)
        assert nl(score) in text
        assert f"plaats {hand_rank(values, score)} van {len(values)}" in text
    assert not math.isnan(score)


# --- more: English map title, place sentence, contribution alt, progress, factsheet in English


def test_map_title_in_english_and_the_place_sentence(snap, scores):
    ind = catalog.BY_ID["dist_gp"]
    data = obs_of(snap, ind.id)
    at = data[data["year"] == 2015].set_index("region")["value"]
    value, nl_value = at[EMMEN], at["NL01"]
    word = "above" if value > nl_value else "below"
    favourable = (value > nl_value) == (ind.direction == "higher_better")
    title = kaart.map_finding_for(snap, scores, ind.id, 2015, EMMEN, "en")
    assert title == (
        f"Emmen is {en(abs(value - nl_value))} km {word} the Netherlands "
        f"({'favourable' if favourable else 'unfavourable'}): {en(value)} against "
        f"{en(nl_value)} km in 2015"
    )
    codes = kaart.map_codes(snap, scores)
    assert sorted(codes) == current_municipalities(snap.regions)
    values = kaart.area_values(snap.observations, ind, 2015, codes, region_names(snap), "nl")
    current = at[at.index.isin(current_municipalities(snap.regions))]
    place = hand_rank(current, value, higher_better=False)
    assert kaart.place_sentence(values, snap.observations, ind, EMMEN, "Emmen", "nl") == (
        f"Emmen staat in 2015 op plaats {place} van {len(current)} huidige gemeenten met een "
        "cijfer (1 = gunstigst)."
    )


def test_contribution_alt_names_the_strongest_indicator_with_its_z(snap, scores):
    top = hand_contributions(scores, EMMEN, 3).iloc[0]
    name = catalog.BY_ID[top["indicator"]].name("nl")
    alt = per_doel.contribution_for(snap, scores, EMMEN, 3).alt
    assert alt.endswith(f"Sterkste: {name} {signed(float(top['z']))}.")


def test_progress_title_and_verdicts_follow_the_hand_fitted_trend(snap, scores):
    """Two targets for ZOD; the trend is the OLS slope over the last year and the eight
    before it, continued from the latest value to 2030."""
    chosen = (
        Target("obesity", "ZOD", 15.0, 2030),
        Target("crime_per_1000", "ZOD", 30.0, 2030),
    )
    on_track, projected = 0, {}
    for target in chosen:
        ind = catalog.BY_ID[target.indicator]
        series = obs_of(snap, ind.id)
        series = series[series["region"] == "ZOD"].set_index("year")["value"].sort_index()
        window = series[series.index >= series.index.max() - 8]
        assert len(window) >= 3
        slope = pd.Series(window.to_numpy()).cov(pd.Series(window.index.to_numpy(float))) / (
            pd.Series(window.index.to_numpy(float)).var()
        )
        end = series.iloc[-1] + slope * (2030 - series.index.max())
        projected[ind.id] = end
        lower_better = ind.direction == "lower_better"
        on_track += bool(end <= target.target if lower_better else end >= target.target)
    found = ambities.ambition(snap, scores, chosen, "ZOD")
    assert found.n_on_track == on_track
    slides = presentatie.build_slides(snap, scores, "ZOD", targets=chosen)
    slide = next(s for s in slides if s.kind == "ambities")
    assert slide.charts[1].title == f"{on_track} van de 2 streefwaarden liggen op koers"
    assert slide.finding.endswith(f"; {on_track} van de 2 liggen nu op koers.")
    table = slide.charts[1].data.set_index("indicator")
    # Obesity rises while the target is below the current value: not on track, with where the
    # trend ends in 2030.
    assert table.loc["obesity", "verdict"] == (
        f"niet op koers: trend komt in 2030 op {nl(projected['obesity'])}\u00a0%"
    )


def test_factsheet_headline_in_english(snap, scores):
    import io

    from pypdf import PdfReader

    from indicators.exports import factsheet

    pop = obs_of(snap, "population")
    own = pop[pop["region"] == EMMEN].set_index("year")["value"]
    pdf = PdfReader(io.BytesIO(factsheet.factsheet_pdf(snap, scores, EMMEN, "en")))
    text = " ".join(pdf.pages[0].extract_text().split())
    year = own.index.max()
    assert f"Inhabitants on 1 January {year}: {en(own.loc[year], 0)}" in text
    values = muni_scores(snap, scores, 2)
    score = score_of(scores, EMMEN, 2)
    assert en(score) in text and f"rank {hand_rank(values, score)} of {len(values)}" in text


@pytest.mark.parametrize("goal", [1, 3])
def test_goal_card_caption_trend_counts_and_years_by_hand(snap, scores, goal):
    """Trend: per scored indicator the direction-adjusted distance to Nederland in spreads
    (z) in the years both have a value, OLS over the last year and the eight before it (at
    least 3 years); a fitted change of at least 0,1 spread is better or worse. Years: the
    span of the latest years the score stands on."""
    spread = scores.latest.drop_duplicates("indicator").set_index("indicator")["s"]
    better = worse = n = 0
    latest_years = []
    for ind in catalog.scored_indicators(goal):
        own = obs_of(snap, ind.id)
        ref = own[own["region"] == "NL01"].set_index("year")["value"]
        own = own[own["region"] == EMMEN].set_index("year")["value"]
        if own.empty:
            continue
        latest_years.append(int(own.index.max()))
        both = own[own.index.isin(ref.index)]
        z = (both - ref.loc[both.index]) / spread[ind.id]
        z = (z if ind.direction == "higher_better" else -z).sort_index()
        z = z[z.index >= z.index.max() - 8] if len(z) else z
        if len(z) < 3:
            continue
        n += 1
        x = pd.Series(z.index.to_numpy(float))
        slope = pd.Series(z.to_numpy()).cov(x) / x.var()
        change = slope * (z.index.max() - z.index.min())
        better += change >= 0.1 - 1e-12
        worse += change <= -0.1 + 1e-12
    html = overzicht.cards_for(snap, scores, EMMEN)
    section = html.split("<section")[goal]
    assert (
        f"trend: {'↗' if better > worse else '↘' if worse > better else '→'} {better} van {n} "
        f"indicatoren met een reeks verbeteren t.o.v. Nederland, {worse} verslechteren"
    ) in section
    span = f"{min(latest_years)}-{max(latest_years)}"
    assert f"stand per {span}, oudste cijfer {min(latest_years)}" in section
    assert f"Stand per {span}.</p></section>" in section
