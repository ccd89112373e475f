"""Shared texts: app frame, sidebar, notes, chart furniture."""

TEXT: dict[str, dict[str, str]] = {
    "app_title": {
        "nl": "Brede welvaart Zuid- en Oost-Drenthe",
        "en": "Broad prosperity South and East Drenthe",
    },
    "language": {"nl": "Taal / language", "en": "Language / taal"},
    "skip_to_content": {"nl": "Naar de inhoud", "en": "Skip to main content"},
    "region_select": {"nl": "Gemeente of regio", "en": "Municipality or region"},
    "snapshot_missing": {
        "nl": "De gegevens konden niet worden geladen: {error}",
        "en": "The data could not be loaded: {error}",
    },
    "unknown_param": {
        "nl": "De waarde {value!r} voor '{param}' in de link is onbekend; we tonen {default}.",
        "en": "The value {value!r} for '{param}' in the link is unknown; showing {default}.",
    },
    "snapshot_caption": {
        "nl": "Cijfers: CBS (CC BY 4.0), snapshot van {built}.",
        "en": "Figures: CBS (CC BY 4.0), snapshot of {built}.",
    },
    "table_word": {"nl": "tabel", "en": "table"},
    "source_line": {
        "nl": "Bron: CBS, {tables}; bewerking: brede-welvaartdashboard ZOD",
        "en": "Source: CBS, {tables}; processing: ZOD broad-prosperity dashboard",
    },
    "download_chart_png": {"nl": "Afbeelding (PNG)", "en": "Image (PNG)"},
    "download_chart_data": {
        "nl": "Download de gegevens van deze grafiek (CSV)",
        "en": "Download this chart's data (CSV)",
    },
    "download_chart_data_nl": {"nl": "CSV voor Excel (NL)", "en": "CSV for Excel (Dutch)"},
    "no_data": {"nl": "Geen gegevens beschikbaar.", "en": "No data available."},
    "insufficient": {"nl": "onvoldoende gegevens", "en": "insufficient data"},
    "goal": {"nl": "Doel", "en": "Goal"},
    "and": {"nl": "en", "en": "and"},
    "region_NL01": {"nl": "Nederland", "en": "Netherlands"},
    "region_ZOD": {"nl": "Zuid- en Oost-Drenthe", "en": "South and East Drenthe"},
    "status_definitive": {"nl": "definitief", "en": "definitive"},
    "status_provisional": {"nl": "voorlopig", "en": "provisional"},
    "status_derived": {"nl": "afgeleid", "en": "derived"},
    "status_transcribed": {"nl": "overgenomen", "en": "transcribed"},
    "direction_higher_better": {"nl": "hoger is beter", "en": "higher is better"},
    "direction_lower_better": {"nl": "lager is beter", "en": "lower is better"},
    "direction_context": {"nl": "context (niet in de score)", "en": "context (not scored)"},
    "status_marks": {
        "nl": "Tekens: * voorlopig CBS-cijfer, † afgeleid (door ons berekend uit CBS-cijfers, "
        "zoals de regio ZOD), ‡ met de hand overgenomen uit een publicatie.",
        "en": "Marks: * provisional CBS figure, † derived (computed by us from CBS figures, "
        "such as the ZOD region), ‡ transcribed by hand from a publication.",
    },
    "vs_nl": {"nl": "t.o.v. NL", "en": "vs NL"},
    "score": {"nl": "Score", "en": "Score"},
    # One ranking rule, said next to every rank: goal scores are ranked among the current
    # municipalities that have a score for the goal; an indicator among the current
    # municipalities with a figure in that year.
    "rank_of": {
        "nl": "plaats {rank} van {n} gemeenten met een score",
        "en": "rank {rank} of {n} municipalities with a score",
    },
    "rank_of_year": {
        "nl": "plaats {rank} van {n} huidige gemeenten met een cijfer voor {year}",
        "en": "rank {rank} of {n} current municipalities with a figure for {year}",
    },
    "quartile_note": {
        "nl": "De score vergelijkt met Nederland (5,0), het kwart met de gemeenten. Omdat veel "
        "gemeenten beter scoren dan Nederland, kan een score rond of boven 5 toch in het onderste "
        "kwart vallen, en Nederland zelf ook; een indicator die beter is dan Nederland kan zo in "
        "het onderste kwart van de gemeenten staan.",
        "en": "The score compares with the Netherlands (5.0), the quarter with the "
        "municipalities. Because many municipalities score better than the Netherlands, a "
        "score around or above 5 can still fall in the bottom quarter, and so can the "
        "Netherlands itself; an indicator better than the Netherlands can be in the bottom "
        "quarter of the municipalities.",
    },
    "nl_reference": {"nl": "Nederland = 5,0", "en": "Netherlands = 5.0"},
    "bottom_count": {
        "nl": "{n} indicatoren in onderste kwart",
        "en": "{n} indicators in the bottom quarter",
    },
    "quartile_top": {"nl": "bovenste kwart", "en": "top quarter"},
    "quartile_middle": {"nl": "midden", "en": "middle"},
    "quartile_bottom": {"nl": "onderste kwart", "en": "bottom quarter"},
    "trend_better": {"nl": "beter", "en": "improving"},
    "trend_worse": {"nl": "slechter", "en": "worsening"},
    "trend_none": {"nl": "geen duidelijke trend", "en": "no clear trend"},
    "trend_counts": {
        "nl": "{better} van {n} indicatoren met een reeks verbeteren t.o.v. Nederland, "
        "{worse} verslechteren",
        "en": "{better} of {n} indicators with a series improve relative to the Netherlands, "
        "{worse} worsen",
    },
    "trend_short": {
        "nl": "{better} beter, {worse} slechter t.o.v. NL (van {n})",
        "en": "{better} better, {worse} worse vs NL (of {n})",
    },
    "oldest": {"nl": "oudste cijfer {year}", "en": "oldest figure {year}"},
    "dated_mark": {"nl": "verouderd ({year})", "en": "dated ({year})"},
    "dated_word": {"nl": "verouderd", "en": "dated"},
    "dated_note": {
        "nl": "Let op: het nieuwste cijfer hier is van {year}, meer dan {n} jaar ouder dan deze "
        "snapshot (verouderd).",
        "en": "Note: the newest figure here is from {year}, more than {n} years older than this "
        "snapshot (dated).",
    },
    "oldest_dated": {
        "nl": "oudste cijfer {year}: verouderd (meer dan 5 jaar oud)",
        "en": "oldest figure {year}: dated (more than 5 years old)",
    },
    "trend_insufficient": {
        "nl": "te weinig jaren voor een trend",
        "en": "too few years for a trend",
    },
    "year": {"nl": "Jaar", "en": "Year"},
    "value": {"nl": "Waarde", "en": "Value"},
    "region": {"nl": "Regio", "en": "Region"},
    "indicator": {"nl": "Indicator", "en": "Indicator"},
    "page_overview": {"nl": "Overzicht", "en": "Overview"},
    "page_goal": {"nl": "Per doel", "en": "By goal"},
    "page_explore": {"nl": "Indicator verkennen", "en": "Explore an indicator"},
    "page_map": {"nl": "Kaart", "en": "Map"},
    "page_compare": {"nl": "Vergelijken", "en": "Compare"},
    "page_downloads": {"nl": "Data & downloads", "en": "Data & downloads"},
    "page_method": {"nl": "Methode & bronnen", "en": "Method & sources"},
}
