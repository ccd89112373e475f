"""The catalog in English: every record has an English definition, caveats and unit, none of them
a copy of the Dutch, and the Dutch unit spelling change leaves the plausibility bounds alone."""

from __future__ import annotations

import dataclasses
import math
import re

from indicators import catalog
from indicators.snapshot import value_range

# The unit of every indicator before 'x 1 000' became 'x 1.000' (copied by hand from the catalog
# as it was, so the test does not read the code it checks).
OLD_UNITS: dict[str, tuple[str, ...]] = {
    "inwoners": ("population", "population_65_plus", "population_80_plus", "wijk_population"),
    "inwoners per km²": ("population_density", "wijk_population_density"),
    "klasse 1-5": ("urbanity",),
    "x 1 000 inwoners": (
        "population_outlook",
        "population_outlook_low",
        "population_outlook_high",
    ),
    "woningen": ("dwelling_stock", "wijk_dwelling_stock"),
    "%": (
        "vacancy_rate",
        "owner_occupied_share",
        "social_housing_share",
        "noise_nuisance_neighbours",
        "waste_separated_share",
        "difficulty_making_ends_meet",
        "net_labour_participation",
        "unemployment_rate",
        "health_good",
        "physical_limitation",
        "anxiety_depression_risk",
        "young_adult_health_good",
        "overweight",
        "obesity",
        "smoking",
        "heavy_drinking",
        "excessive_drinking",
        "exercise_guideline",
        "loneliness",
        "serious_loneliness",
        "volunteering",
        "informal_care",
        "share_65_plus",
        "share_80_plus",
        "perceived_health_good",
        "psychological_complaints",
        "meets_exercise_guideline",
        "smokers",
        "wijk_origin_outside_europe",
    ),
    "per 1.000 woningen": ("new_dwellings_per_1000",),
    "x 1 000 euro": (
        "woz_value",
        "woz_value_70072ned",
        "income_household_mean_disposable",
        "income_household_mean_standardised",
        "income_household_median_standardised",
    ),
    "euro": ("house_price",),
    "per 1.000 inwoners": (
        "crime_per_1000",
        "property_crime_per_1000",
        "vandalism_crime_per_1000",
        "violent_crime_per_1000",
        "traffic_crime_per_1000",
        "burglary_per_1000",
        "bike_theft_per_1000",
        "cars_per_1000",
        "businesses_per_1000",
        "unemployment_benefits_per_1000",
        "social_assistance_per_1000",
        "social_assistance_benefits_fvw_per_1000",
        "disability_benefits_per_1000",
        "jobs_per_1000",
    ),
    "kg per inwoner": ("residual_waste_per_inhabitant",),
    "m³": ("gas_use_per_dwelling",),
    "kWh": ("electricity_use_per_dwelling",),
    "misdrijven": (
        "crimes",
        "property_crimes",
        "vandalism_crimes",
        "violent_crimes",
        "traffic_crimes",
    ),
    "diefstallen": ("burglaries", "bike_thefts"),
    "1 000 kg": ("waste_separated", "waste_total"),
    "km": (
        "dist_gp",
        "dist_gp_post",
        "dist_hospital",
        "dist_childcare",
        "dist_primary_school",
        "dist_secondary_school",
        "dist_supermarket",
        "dist_daily_groceries",
        "dist_department_store",
        "dist_restaurant",
        "dist_cafe",
        "dist_library",
        "dist_cinema",
        "dist_pool",
        "dist_train_station",
        "dist_transfer_station",
    ),
    "aantal": ("schools_within_3km", "supermarkets_within_3km", "restaurants_within_3km"),
    "vestigingen": ("businesses",),
    "huishoudens": ("households",),
    "uitkeringen": ("social_assistance_benefits_fvw",),
    "x 1 000 personen": ("labour_population", "labour_force"),
    "jaar": ("life_expectancy",),
}

# The bounds snapshot.value_range gave for each old unit string (written out by hand).
OLD_BOUNDS: dict[str, tuple[float, float]] = {
    "%": (0.0, 100.0),
    "klasse 1-5": (1.0, 5.0),
    "jaar": (50.0, 100.0),
    "km": (0.0, 100.0),
    "m³": (0.0, 10_000.0),
    "kWh": (0.0, 20_000.0),
}


def test_every_indicator_has_an_old_unit_on_record():
    listed = [i for ids in OLD_UNITS.values() for i in ids]
    assert len(listed) == len(set(listed)), "an indicator listed twice"
    assert set(listed) == {i.id for i in catalog.INDICATORS}


def test_value_range_gives_the_same_bounds_as_before_the_unit_spelling_change():
    for old_unit, ids in OLD_UNITS.items():
        expected = OLD_BOUNDS.get(old_unit, (0.0, math.inf))
        for ind_id in ids:
            assert value_range(catalog.get(ind_id)) == expected, (ind_id, old_unit)


# English text may equal the Dutch only where it is a symbol or a unit both languages write alike.
SAME_IN_BOTH = {"%", "km", "kWh", "m³", "euro"}

# Common Dutch words that do not occur in English prose (padded with spaces where the bare
# letters could be part of an English word).
DUTCH_WORDS = (
    " het ",
    " een ",
    " van de ",
    " de ",
    " en ",
    " niet ",
    " met ",
    " voor ",
    " uit ",
    " zijn ",
    " wordt ",
    " ook ",
    " alleen ",
    " geen ",
    " naar ",
    " tot ",
    " gemeente",
    " inwoner",
    "woningen",
    "huishoudens",
    "afgeleid",
    "berekend",
    "gewogen",
    "aantal",
    "jaar",
    "klasse",
    "personen",
)


# CBS column names are kept as they are (WONINGEN, AANTAL_HH): capitals, digits and underscores.
CBS_COLUMN = re.compile(r"\b[A-Z][A-Z0-9_]{2,}\b")


def dutch_words_in(text: str) -> list[str]:
    padded = f" {CBS_COLUMN.sub('', text).lower()} "
    return [w for w in DUTCH_WORDS if w in padded]


def test_the_dutch_word_list_catches_dutch():
    assert dutch_words_in("Aantal inwoners per km² land.") == [" inwoner", "aantal"]
    assert dutch_words_in("Number of inhabitants per km² of land.") == []
    assert dutch_words_in("KWB 2018 (column WONINGEN)") == []


def test_every_unit_has_an_english_twin():
    for ind in catalog.INDICATORS:
        assert ind.unit_en, ind.id
        if ind.unit not in SAME_IN_BOTH:
            assert ind.unit_en != ind.unit, (ind.id, ind.unit)
        assert dutch_words_in(ind.unit_en) == [], (ind.id, ind.unit_en)


def test_thousands_are_spelled_the_way_of_each_language():
    for ind in catalog.INDICATORS:
        assert "1 000" not in ind.unit and "1,000" not in ind.unit, (ind.id, ind.unit)
        assert "1 000" not in ind.unit_en and "1.000" not in ind.unit_en, (ind.id, ind.unit_en)
    assert catalog.get("woz_value").unit == "x 1.000 euro"
    assert catalog.get("woz_value").unit_en == "x 1,000 euro"
    assert catalog.get("population_outlook").unit == "x 1.000 inwoners"
    assert catalog.get("labour_force").unit == "x 1.000 personen"
    assert catalog.get("waste_total").unit == "1.000 kg"
    assert catalog.get("crime_per_1000").unit_en == "per 1,000 inhabitants"
    assert catalog.get("population_density").unit_en == "inhabitants per km²"


def test_unit_text_takes_the_language():
    ind = catalog.get("life_expectancy")
    assert ind.unit_text("nl") == "jaar" == ind.unit_text()
    assert ind.unit_text("en") == "years"
    # English falls back to Dutch only where the English field is empty.
    bare = dataclasses.replace(ind, unit_en="")
    assert bare.unit_text("en") == "jaar"


# A CBS table or publication title may stay Dutch inside single quotes ('Inkomen van
# huishoudens'); an apostrophe inside a word (a household's) does not open a quote.
QUOTED = re.compile(r"(?<![A-Za-z])'[^']+'(?![A-Za-z])")

ENGLISH_FIELDS = (("definition", "definition_en"), ("caveats", "caveats_en"), ("unit", "unit_en"))


def test_every_scored_and_context_record_has_english_definition_caveats_and_unit():
    scored = [i for i in catalog.INDICATORS if i.scored]
    context = [i for i in catalog.INDICATORS if not i.scored]
    assert scored and context
    for ind in scored + context:
        for _, english in ENGLISH_FIELDS:
            assert getattr(ind, english).strip(), f"{ind.id}.{english} is empty"


def test_no_english_text_is_a_copy_of_the_dutch():
    for ind in catalog.INDICATORS:
        for dutch, english in ENGLISH_FIELDS:
            nl, en = getattr(ind, dutch), getattr(ind, english)
            if nl in SAME_IN_BOTH:
                continue
            assert en != nl, f"{ind.id}.{english} is the Dutch text"


def test_english_texts_contain_no_common_dutch_words():
    for ind in catalog.INDICATORS:
        for _, english in ENGLISH_FIELDS:
            text = QUOTED.sub("''", getattr(ind, english))
            assert dutch_words_in(text) == [], (ind.id, english, dutch_words_in(text))


def test_quoted_dutch_titles_are_allowed_and_apostrophes_are_not_quotes():
    text = "the table 'Inkomen van huishoudens' and a household's own solar power"
    assert QUOTED.sub("''", text) == "the table '' and a household's own solar power"
    assert dutch_words_in("where CBS does not publish a municipality's figure per 1,000 ") == []


def test_english_texts_keep_the_numbers_of_the_dutch():
    # Table ids and years are kept as they are; decimals are written the English way.
    for ind in catalog.INDICATORS:
        for dutch, english in ENGLISH_FIELDS[:2]:
            ids_nl = set(re.findall(r"\b\d{5}(?:NED|ned|fvw)\b", getattr(ind, dutch)))
            ids_en = set(re.findall(r"\b\d{5}(?:NED|ned|fvw)\b", getattr(ind, english)))
            assert ids_nl == ids_en, (ind.id, english, ids_nl ^ ids_en)
            years_nl = set(re.findall(r"\b(?:19|20)\d\d\b", getattr(ind, dutch)))
            years_en = set(re.findall(r"\b(?:19|20)\d\d\b", getattr(ind, english)))
            assert years_nl == years_en, (ind.id, english, years_nl ^ years_en)
    train = catalog.get("dist_train_station").caveats_en
    assert "(7.25 km) differs by 0.15 km" in train


def test_shared_caveats_are_specialised_in_english_as_in_dutch():
    # The .replace() variants of the shared texts found their target in both languages.
    noise = catalog.get("noise_nuisance_neighbours")
    assert "alleen 2020" in noise.caveats and "2020 only" in noise.caveats_en
    for ind_id in ("exercise_guideline", "volunteering"):
        ind = catalog.get(ind_id)
        assert "2012 niet gevraagd" in ind.caveats
        assert "not asked in 2012" in ind.caveats_en
    new = catalog.get("new_dwellings_per_1000")
    assert "woningvoorraad" in new.caveats and "the dwelling stock" in new.caveats_en
    assert "{" not in "".join(i.caveats_en + i.definition_en for i in catalog.INDICATORS)


def test_definition_and_caveats_text_take_the_language():
    ind = catalog.get("dist_gp")
    assert ind.definition_text() == ind.definition == ind.definition_text("nl")
    assert ind.definition_text("en") == (
        "Average distance by road from all inhabitants to the nearest GP practice."
    )
    assert ind.caveats_text() == ind.caveats == ind.caveats_text("nl")
    assert ind.caveats_text("en") == ind.caveats_en
    assert ind.caveats_text("en").startswith("Only reference year 2015 in the offline files")
    # English falls back to Dutch only where the English field is empty.
    bare = dataclasses.replace(ind, definition_en="", caveats_en="")
    assert bare.definition_text("en") == ind.definition
    assert bare.caveats_text("en") == ind.caveats
    # Any language other than English reads the Dutch.
    assert ind.definition_text("de") == ind.definition


def test_every_subtheme_has_an_english_name():
    for ind in catalog.INDICATORS:
        assert ind.subtheme in catalog.SUBTHEMES_EN, ind.subtheme
        assert ind.subtheme_text("en") != ind.subtheme or ind.subtheme == "horeca"
    assert catalog.BY_ID["crime_per_1000"].subtheme_text("en") == "safety"
