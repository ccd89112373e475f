"""The Overzicht cards as HTML: hand-made cards in, the right words, numbers and classes out."""

from __future__ import annotations

import math

from indicators.cards import goal_card_html, goal_cards_html, population_html
from tests.html_text import parse


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
        "years": "2023",
        "trend": "trend_worse",
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
    assert meta.startswith("plaats 3 van 4 · ▼ onderste kwart · 2 ")
    assert "trend: ↘ slechter" in meta and meta.endswith("stand per 2023")
    # the quartile as a class (the colour) and as words (for everyone)
    assert texts.sections == [
        {"class": "bw-card bw-q-bottom", "aria-label": "Doel 2: Veilig & <leefbaar>"}
    ]
    assert "<leefbaar>" not in html  # data is escaped
    assert "Emmen scoort 5,3 op 'Veilig & <leefbaar>', beter dan Nederland" in "".join(texts.text)


def test_a_card_below_nl_in_english():
    texts = parse(goal_card_html(card(score=4.06, quartile="bovenste kwart"), "Emmen", "en"))
    # 4,06 - 5 = -0,94 -> -0,9 (numbers stay Dutch-formatted), a down arrow
    assert texts.by_class["bw-value"] == ["4,1"]
    assert texts.by_class["bw-delta"] == ["▼ -0,9 vs NL"]
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
