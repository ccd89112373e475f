"""Texts of the page Per doel (keys start with ``pd_``)."""

TEXT: dict[str, dict[str, str]] = {
    "pd_title": {"nl": "Per doel: {goal}", "en": "By goal: {goal}"},
    "pd_goal_select": {"nl": "Kies een doel", "en": "Choose a goal"},
    "pd_goal_option": {"nl": "Doel {goal}: {name}", "en": "Goal {goal}: {name}"},
    "pd_intro": {
        "nl": "Hoe komt de score van {region} op dit doel tot stand? Per indicator de nieuwste "
        "waarde met het jaar, de bijdrage aan de score en de ontwikkeling in de tijd.",
        "en": "How does the score of {region} on this goal come about? Per indicator the latest "
        "value with its year, its contribution to the score and its development over time.",
    },
    "pd_score_label": {"nl": "Score {region}", "en": "Score {region}"},
    "pd_delta_nl": {"nl": "{delta} t.o.v. Nederland", "en": "{delta} vs the Netherlands"},
    "pd_score_caption": {
        "nl": "{rank} · {quartile} · {bottom} · stand per {years} · "
        "{n} van {total} indicatoren met een waarde",
        "en": "{rank} · {quartile} · {bottom} · as of {years} · "
        "{n} of {total} indicators with a value",
    },
    "pd_zod_rank_note": {
        "nl": "Zuid- en Oost-Drenthe is geen gemeente: de plaats zegt waar de regio tussen de "
        "gemeenten zou staan.",
        "en": "South and East Drenthe is not a municipality: the rank says where the region "
        "would stand among the municipalities.",
    },
    "pd_table_heading": {
        "nl": "Alle indicatoren van dit doel die meetellen in de score",
        "en": "All indicators of this goal that count towards the score",
    },
    "pd_context_heading": {
        "nl": "Contextindicatoren van dit doel (tellen niet mee in de score)",
        "en": "Context indicators of this goal (not part of the score)",
    },
    "pd_no_context": {
        "nl": "Dit doel heeft geen contextindicatoren.",
        "en": "This goal has no context indicators.",
    },
    "pd_table_caption": {
        "nl": "Per cel de nieuwste waarde met (jaar). {marks} 'geen gegevens' = er is geen "
        "waarde. Vergelijkbare gemeenten voor {region}: {peers}.",
        "en": "Each cell shows the latest value with (year). {marks} 'no data' = there is no "
        "value. Similar municipalities for {region}: {peers}.",
    },
    "pd_col_unit": {"nl": "Eenheid", "en": "Unit"},
    "pd_col_peers": {
        "nl": "Vergelijkbare gemeenten (mediaan)",
        "en": "Similar municipalities (median)",
    },
    "pd_no_data_cell": {"nl": "geen gegevens", "en": "no data"},
    "pd_contrib_heading": {
        "nl": "Wat bepaalt de score?",
        "en": "What drives the score?",
    },
    "pd_contrib_title_down": {
        "nl": "'{indicator}' drukt de score van {region} het meest ({points} punt)",
        "en": "'{indicator}' pulls the score of {region} down most ({points} points)",
    },
    "pd_contrib_title_up": {
        "nl": "'{indicator}' tilt de score van {region} het meest op ({points} punt)",
        "en": "'{indicator}' lifts the score of {region} most ({points} points)",
    },
    "pd_contrib_title_none": {
        "nl": "Geen indicatoren met een waarde voor {region}",
        "en": "No indicators with a value for {region}",
    },
    "pd_contrib_unit": {
        "nl": "afstand tot Nederland in spreidingen (z, afgekapt op ±3); rechts = beter dan "
        "Nederland, links = slechter",
        "en": "distance to the Netherlands in spreads (z, capped at ±3); right = better than the "
        "Netherlands, left = worse",
    },
    "pd_contrib_better": {"nl": "beter dan NL →", "en": "better than NL →"},
    "pd_contrib_worse": {"nl": "← slechter dan NL", "en": "← worse than NL"},
    "pd_contrib_nl": {"nl": "Nederland", "en": "Netherlands"},
    "pd_contrib_uncapped": {"nl": "z niet afgekapt", "en": "z not capped"},
    "pd_contrib_points": {"nl": "bijdrage aan de score (punt)", "en": "contribution (points)"},
    "pd_contrib_alt": {
        "nl": "Liggende staven per indicator van '{goal}' voor {region}: de afstand tot Nederland "
        "in spreidingen. Staven naar rechts (blauw) zijn beter dan Nederland, naar links "
        "(oranjerood) slechter; elke staaf heeft het getal als label. Sterkste: {text}.",
        "en": "Horizontal bars per indicator of '{goal}' for {region}: the distance to the "
        "Netherlands in spreads. Bars to the right (blue) are better than the Netherlands, to the "
        "left (vermillion) worse; each bar is labelled with its number. Strongest: {text}.",
    },
    "pd_contrib_description": {
        "nl": "Liggende staven per indicator van '{goal}': de afstand tot Nederland in "
        "spreidingen, naar rechts beter dan Nederland, naar links slechter.",
        "en": "Horizontal bars per indicator of '{goal}': the distance to the Netherlands in "
        "spreads, to the right better than the Netherlands, to the left worse.",
    },
    "pd_contrib_caption": {
        "nl": "Een indicator telt mee via het gemiddelde van zijn subthema; 'punt' is zijn "
        "aandeel in de afstand van de score tot 5,0.",
        "en": "An indicator counts through the mean of its sub-theme; 'points' is its share of "
        "the score's distance to 5.0.",
    },
    "pd_missing": {
        "nl": "Zonder waarde voor {region}: {names}.",
        "en": "Without a value for {region}: {names}.",
    },
    "pd_detail_heading": {"nl": "Eén indicator in de tijd", "en": "One indicator over time"},
    "pd_detail_select": {
        "nl": "Kies een indicator (standaard: de zwakste voor de gekozen regio)",
        "en": "Choose an indicator (default: the weakest for the chosen region)",
    },
    "pd_card_expander": {
        "nl": "Indicatorkaart: definitie, bron en kanttekeningen",
        "en": "Indicator card: definition, source and caveats",
    },
}
