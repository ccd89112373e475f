"""The catalog and the snapshot describe the same indicators, and every field is filled in."""

from __future__ import annotations

from dataclasses import fields

from indicators import catalog
from indicators.snapshot import load_snapshot
from tests.conftest import DATA

OPTIONAL = {"aggregate_weight", "aggregate_ratio", "live_only"}  # None/False mean something


def test_catalog_and_snapshot_match_both_ways():
    in_snapshot = set(load_snapshot(DATA).observations["indicator"])
    in_catalog = {i.id for i in catalog.INDICATORS}
    live_only = {i.id for i in catalog.INDICATORS if i.live_only}
    assert in_snapshot - in_catalog == set(), "in the snapshot but not in the catalog"
    assert in_catalog - in_snapshot == live_only, "in the catalog but without data"
    # Only the interval of the population outlook waits for the live refresh.
    assert live_only == {"population_outlook_low", "population_outlook_high"}


def test_no_empty_field():
    for ind in catalog.INDICATORS:
        for f in fields(ind):
            value = getattr(ind, f.name)
            if f.name in OPTIONAL:
                continue
            assert value not in ("", None, ()), f"{ind.id}.{f.name} is empty"
        assert ind.decimals >= 0
        assert ind.goal in catalog.GOALS


def test_ids_are_unique_and_weights_exist():
    ids = [i.id for i in catalog.INDICATORS]
    assert len(ids) == len(set(ids))
    for ind in catalog.INDICATORS:
        if ind.aggregate_weight not in (None, "sum"):
            assert ind.aggregate_weight in catalog.BY_ID, ind.id
        for part in (ind.aggregate_ratio or ())[:2]:
            assert part in catalog.BY_ID, ind.id


def test_at_least_ten_scored_indicators_per_goal():
    scored = [i for i in catalog.INDICATORS if i.scored]
    per_goal = {g: sum(1 for i in scored if i.goal == g) for g in (1, 2, 3)}
    assert min(per_goal.values()) >= 10, per_goal
    assert all(i.goal in (1, 2, 3) for i in scored)
    # Sub-themes of a goal: the score is the mean of sub-theme means, so none may be empty.
    for goal in (1, 2, 3):
        subthemes = {i.subtheme for i in catalog.scored_indicators(goal)}
        assert len(subthemes) >= 3, (goal, subthemes)


def test_every_indicator_has_a_recipe_naming_known_sources():
    from indicators.recipes import FAMILIES, FromIndicators, Recipe

    for ind in catalog.INDICATORS:
        assert ind.recipe, ind.id
        for recipe in ind.recipe:
            if isinstance(recipe, Recipe):
                assert recipe.source in FAMILIES, (ind.id, recipe.source)
                assert all(t.names for t in recipe.all_terms), ind.id
            else:
                assert isinstance(recipe, FromIndicators)
                assert recipe.numerator in catalog.BY_ID and recipe.denominator in catalog.BY_ID


def test_two_definitions_are_never_one_indicator():
    # The two WOZ series and the two social-assistance measures are separate indicators.
    kwb_woz = catalog.get("woz_value").recipe
    old_woz = catalog.get("woz_value_70072ned").recipe
    names = {n for r in kwb_woz for t in r.all_terms for n in t.names}
    assert "GemiddeldeWoningwaarde" not in names and "WOZ" not in names
    assert "GemiddeldeWOZWaardeVanWoningen" not in {
        n for r in old_woz for t in r.all_terms for n in t.names
    }
    assert {r.source for r in catalog.get("social_assistance_per_1000").recipe} == {"70072NED"}
    fvw = catalog.get("social_assistance_benefits_fvw").recipe
    assert {r.source for r in fvw} == {"Fvw"}


def test_every_scored_indicator_has_all_three_comparison_levels():
    obs = load_snapshot(DATA).observations
    for ind in (i for i in catalog.INDICATORS if i.scored):
        rows = obs[obs["indicator"] == ind.id]
        regions = set(rows["region"])
        assert {"NL01", "PV22"} <= regions, ind.id
        assert any(r.startswith("GM") for r in regions), ind.id
        # ... in its newest year, too (the year the goal score stands on).
        newest = rows.loc[rows["region"] == "NL01", "year"].max()
        assert {"NL01", "PV22", "GM0114"} <= set(rows.loc[rows["year"] == newest, "region"])


def test_catalog_rows_add_years_from_the_snapshot():
    obs = load_snapshot(DATA).observations
    rows = {r["id"]: r for r in catalog.catalog_rows(obs)}
    assert rows["house_price"]["years"].startswith("2015, 2016")
    assert rows["dist_gp"]["years"] == "2015"
    assert rows["dist_supermarket"]["years"] == "2015, 2018"
    assert rows["dist_gp"]["urls"].startswith("https://opendata.cbs.nl/statline/#/CBS/nl/dataset/")
    assert rows["dist_gp"]["recipe"] == (
        "70072NED: AfstandTotHuisartsenpraktijk; KWB: AfstandTotHuisartsenpraktijk"
    )
    assert rows["woz_value"]["recipe"] == "KWB: GemiddeldeWOZWaardeVanWoningen, jaar -1"
