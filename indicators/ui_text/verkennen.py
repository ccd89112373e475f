"""Texts of the page Indicator verkennen (keys start with ``vk_``); the indicator card, the time
series and the trend line are also used on Per doel."""

TEXT: dict[str, dict[str, str]] = {
    "vk_title": {"nl": "Indicator verkennen", "en": "Explore an indicator"},
    "vk_intro": {
        "nl": "Kies een indicator en een jaar: de definitie en bron, de ontwikkeling in de tijd, "
        "en waar {region} staat tussen alle gemeenten van Nederland.",
        "en": "Choose an indicator and a year: its definition and source, its development over "
        "time, and where {region} stands among all municipalities of the Netherlands.",
    },
    "vk_indicator_select": {"nl": "Indicator", "en": "Indicator"},
    "vk_indicator_option": {"nl": "{name} (doel {goal})", "en": "{name} (goal {goal})"},
    "vk_indicator_option_bg": {"nl": "{name} (achtergrond)", "en": "{name} (background)"},
    "vk_year_select": {"nl": "Jaar", "en": "Year"},
    "vk_year_missing": {
        "nl": "Voor deze indicator zijn er geen cijfers over {year}; we tonen {latest}.",
        "en": "This indicator has no figures for {year}; showing {latest}.",
    },
    "vk_no_indicator_data": {
        "nl": "Voor deze indicator zijn geen gemeentecijfers beschikbaar.",
        "en": "No municipal figures are available for this indicator.",
    },
    "vk_series_heading": {"nl": "Ontwikkeling in de tijd", "en": "Development over time"},
    "vk_ranking_heading": {
        "nl": "Alle gemeenten in {year}",
        "en": "All municipalities in {year}",
    },
    "vk_distribution_heading": {
        "nl": "Verdeling over de gemeenten in {year}",
        "en": "Distribution across municipalities in {year}",
    },
    # --- the indicator card ---------------------------------------------------------------
    "vk_card_definition": {"nl": "Definitie", "en": "Definition"},
    "vk_card_unit": {"nl": "Eenheid", "en": "Unit"},
    "vk_card_direction": {"nl": "Richting", "en": "Direction"},
    "vk_card_goal": {"nl": "Doel", "en": "Goal"},
    "vk_card_sources": {"nl": "Brontabel(len)", "en": "Source table(s)"},
    "vk_card_keys": {"nl": "Bronvelden", "en": "Source fields"},
    "vk_card_caveats": {"nl": "Kanttekeningen", "en": "Caveats"},
    "vk_card_years": {"nl": "Jaren beschikbaar", "en": "Years available"},
    "vk_direction_higher_better": {
        "nl": "hoger is beter (telt mee in de score)",
        "en": "higher is better (part of the score)",
    },
    "vk_direction_lower_better": {
        "nl": "lager is beter (telt mee in de score)",
        "en": "lower is better (part of the score)",
    },
    "vk_direction_context": {
        "nl": "context: geen goed of slecht, telt niet mee in de score",
        "en": "context: neither good nor bad, not part of the score",
    },
    "vk_no_years": {"nl": "geen", "en": "none"},
    # --- time series --------------------------------------------------------------------
    "vk_series_title_above": {
        "nl": "{region} ligt in {year} boven Nederland: {value} tegen {nl}{judgement}",
        "en": "{region} is above the Netherlands in {year}: {value} against {nl}{judgement}",
    },
    "vk_series_title_below": {
        "nl": "{region} ligt in {year} onder Nederland: {value} tegen {nl}{judgement}",
        "en": "{region} is below the Netherlands in {year}: {value} against {nl}{judgement}",
    },
    "vk_series_title_equal": {
        "nl": "{region} is in {year} gelijk aan Nederland: {value}",
        "en": "{region} equals the Netherlands in {year}: {value}",
    },
    "vk_series_title_no_nl": {
        "nl": "{region}: {value} in {year} (geen cijfer voor Nederland in dat jaar)",
        "en": "{region}: {value} in {year} (no figure for the Netherlands that year)",
    },
    "vk_series_title_change": {
        "nl": "{region}: {value} in {year}, {change} % ten opzichte van {first}",
        "en": "{region}: {value} in {year}, {change}% compared with {first}",
    },
    "vk_series_title_count": {
        "nl": "{region}: {value} in {year}",
        "en": "{region}: {value} in {year}",
    },
    "vk_count_note": {
        "nl": "Dit is een aantal: Drenthe en Nederland zijn totalen en staan daarom niet als "
        "vergelijking in de grafieken.",
        "en": "This is a count: Drenthe and the Netherlands are totals, so they are not shown as "
        "a comparison in the charts.",
    },
    "vk_series_title_no_region": {
        "nl": "Geen gegevens voor {region}; wel voor {others}",
        "en": "No data for {region}; there are for {others}",
    },
    "vk_series_title_empty": {"nl": "Geen gegevens", "en": "No data"},
    "vk_judgement_better": {"nl": " (beter)", "en": " (better)"},
    "vk_judgement_worse": {"nl": " (slechter)", "en": " (worse)"},
    "vk_series_alt": {
        "nl": "Lijnen met punten per jaar ({years}) van '{indicator}' voor {regions}; elke regio "
        "heeft een eigen lijnstijl en markering; de nieuwste waarden staan als getal erbij.",
        "en": "Lines with points per year ({years}) of '{indicator}' for {regions}; each region "
        "has its own line style and marker, the latest values are labelled.",
    },
    "vk_series_alt_bars": {
        "nl": "Liggende staven voor {years} van '{indicator}' voor {regions}, elk met de waarde "
        "als getal erbij; er is maar één jaar, dus geen ontwikkeling.",
        "en": "Horizontal bars for {years} of '{indicator}' for {regions}, each labelled with its "
        "value; there is only one year, so no development.",
    },
    "vk_series_missing": {
        "nl": "Geen gegevens voor: {regions} (CBS publiceert dit cijfer niet voor die regio, "
        "of het mag niet worden opgeteld).",
        "en": "No data for: {regions} (CBS does not publish this figure for that region, or it "
        "cannot be aggregated).",
    },
    "vk_peers_label": {
        "nl": "Vergelijkbare gemeenten (mediaan)",
        "en": "Similar municipalities (median)",
    },
    "vk_trend": {
        "nl": "Trend {region} {first}-{last} ({n} jaren): {direction}.",
        "en": "Trend {region} {first}-{last} ({n} years): {direction}.",
    },
    "vk_trend_insufficient": {
        "nl": "Trend {region}: te weinig jaren voor een trend.",
        "en": "Trend {region}: too few years for a trend.",
    },
    "vk_trend_up": {"nl": "stijgend", "en": "rising"},
    "vk_trend_down": {"nl": "dalend", "en": "falling"},
    # --- ranking ------------------------------------------------------------------------
    "vk_rank_title": {
        "nl": "{region} staat op plaats {rank} van {n} huidige gemeenten met een cijfer "
        "({order}, {year})",
        "en": "{region} ranks {rank} of {n} current municipalities with a figure ({order}, {year})",
    },
    "vk_rank_title_region": {
        "nl": "{region} zou op plaats {rank} van {n} huidige gemeenten met een cijfer staan "
        "({order}, {year})",
        "en": "{region} would rank {rank} of {n} current municipalities with a figure "
        "({order}, {year})",
    },
    "vk_rank_title_missing": {
        "nl": "Geen gegevens voor {region} in {year}; {n} gemeenten hebben een waarde",
        "en": "No data for {region} in {year}; {n} municipalities have a value",
    },
    "vk_order_best": {"nl": "1 = beste", "en": "1 = best"},
    "vk_order_highest": {"nl": "1 = hoogste waarde", "en": "1 = highest value"},
    "vk_rank_axis": {
        "nl": "gemeenten, van plaats 1 (links) naar plaats {n} (rechts)",
        "en": "municipalities, from rank 1 (left) to rank {n} (right)",
    },
    "vk_rank_alt": {
        "nl": "Staafdiagram van alle {n} gemeenten in {year}, gesorteerd op '{indicator}'. De vier "
        "gemeenten van Zuid- en Oost-Drenthe zijn gekleurd en met naam en waarde gelabeld, de "
        "andere grijs.{nl}",
        "en": "Bar chart of all {n} municipalities in {year}, sorted by '{indicator}'. The four "
        "municipalities of South and East Drenthe are coloured and labelled with name and value, "
        "the others grey.{nl}",
    },
    "vk_rank_alt_nl": {
        "nl": " Een stippellijn markeert Nederland ({nl}).",
        "en": " A dotted line marks the Netherlands ({nl}).",
    },
    # --- distribution -------------------------------------------------------------------
    "vk_dist_title_higher": {
        "nl": "{region} heeft een hogere waarde dan {pct} % van de gemeenten ({year})",
        "en": "{region} has a higher value than {pct}% of municipalities ({year})",
    },
    "vk_dist_title_lower": {
        "nl": "{region} heeft een lagere waarde dan {pct} % van de gemeenten ({year})",
        "en": "{region} has a lower value than {pct}% of municipalities ({year})",
    },
    "vk_dist_title_missing": {
        "nl": "Verdeling van {n} gemeenten in {year}; geen gegevens voor {region}",
        "en": "Distribution of {n} municipalities in {year}; no data for {region}",
    },
    "vk_dist_unit": {
        "nl": "aantal gemeenten per klasse van {unit}",
        "en": "number of municipalities per class of {unit}",
    },
    "vk_dist_count": {"nl": "aantal gemeenten", "en": "number of municipalities"},
    "vk_dist_alt": {
        "nl": "Histogram van '{indicator}' over {n} gemeenten in {year}, met verticale lijnen en "
        "labels voor {markers}.",
        "en": "Histogram of '{indicator}' across {n} municipalities in {year}, with vertical "
        "lines and labels for {markers}.",
    },
    "vk_dist_description": {
        "nl": "Histogram van '{indicator}' over {n} gemeenten in {year}, met een verticale lijn "
        "voor de gekozen regio en voor Nederland.",
        "en": "Histogram of '{indicator}' across {n} municipalities in {year}, with a vertical "
        "line for the chosen region and for the Netherlands.",
    },
    "vk_role_municipality": {"nl": "gemeente", "en": "municipality"},
    "vk_role_marker": {"nl": "markering", "en": "marker"},
    "vk_rank_place": {"nl": "Plaats", "en": "Rank"},
}
