"""Shared texts: app frame, sidebar, notes, chart furniture."""

TEXT: dict[str, dict[str, str]] = {
    "app_title": {
        "nl": "Brede welvaart Zuid- en Oost-Drenthe",
        "en": "Broad prosperity South and East Drenthe",
    },
    "language": {"nl": "Taal / language", "en": "Language / taal"},
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
    "source_line": {
        "nl": "Bron: CBS, {tables}; bewerking: brede-welvaartdashboard ZOD",
        "en": "Source: CBS, {tables}; processing: ZOD broad-prosperity dashboard",
    },
    "download_chart_data": {
        "nl": "Download de gegevens van deze grafiek (CSV)",
        "en": "Download this chart's data (CSV)",
    },
    "download_chart_data_nl": {"nl": "CSV voor Excel (NL)", "en": "CSV for Excel (Dutch)"},
    "no_data": {"nl": "Geen gegevens beschikbaar.", "en": "No data available."},
    "insufficient": {"nl": "onvoldoende gegevens", "en": "insufficient data"},
    "goal": {"nl": "Doel", "en": "Goal"},
    "vs_nl": {"nl": "t.o.v. NL", "en": "vs NL"},
    "score": {"nl": "Score", "en": "Score"},
    "rank_of": {"nl": "plaats {rank} van {n}", "en": "rank {rank} of {n}"},
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
