"""Texts of the presentation (page, slides, deck) and of the factsheet."""

TEXT: dict[str, dict[str, str]] = {
    "page_presentation": {"nl": "Presentatie", "en": "Presentation"},
    # --- slides ---------------------------------------------------------------------------
    "pres_title_finding": {
        "nl": "{municipalities}, samen {region}, vergeleken met Drenthe en Nederland op de "
        "drie doelen van het Nationaal Programma Vitale Regio's. CBS-cijfers, stand {date}.",
        "en": "{municipalities}, together {region}, compared with Drenthe and the Netherlands "
        "on the three goals of the national programme for vital regions. CBS figures as of "
        "{date}.",
    },
    "pres_overview_title": {"nl": "De regio in één oogopslag", "en": "The region at a glance"},
    "pres_overview_finding": {
        "nl": "{region} scoort op {below} van de 3 doelen lager dan Nederland (5,0); het "
        "laagst op '{goal}' ({score}).",
        "en": "{region} scores below the Netherlands (5.0) on {below} of the 3 goals; lowest "
        "on '{goal}' ({score}).",
    },
    "pres_overview_finding_none": {
        "nl": "Voor {region} zijn te weinig gegevens voor een score per doel.",
        "en": "There are too few figures for a goal score for {region}.",
    },
    "pres_goal_title": {"nl": "Doel {goal}: {name}", "en": "Goal {goal}: {name}"},
    "pres_goal_finding": {
        "nl": "{region} scoort {score}, {relation}: plaats {rank} van {n} gemeenten met een "
        "score ({quartile}); stand per {years}.",
        "en": "{region} scores {score}, {relation}: rank {rank} of {n} municipalities with a "
        "score ({quartile}); as of {years}.",
    },
    "pres_sources_title": {"nl": "Bronnen en methode", "en": "Sources and method"},
    "pres_sources_finding": {
        "nl": "Een doelscore is het gemiddelde van de indicatoren van dat doel, afgezet tegen "
        "Nederland (= 5,0).",
        "en": "A goal score is the mean of the goal's indicators, measured against the "
        "Netherlands (= 5.0).",
    },
    "pres_months": {
        "nl": "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,"
        "november,december",
        "en": "January,February,March,April,May,June,July,August,September,October,"
        "November,December",
    },
    # --- charts ---------------------------------------------------------------------------
    "pres_map_title": {
        "nl": "In de vier gemeenten van {region} woont {share}\u00a0% van de inwoners van Drenthe",
        "en": "{share}\u00a0% of the inhabitants of Drenthe live in the four municipalities "
        "of {region}",
    },
    "pres_map_unit": {
        "nl": "inwoners op 1 januari {year}: {part} van {total}; gearceerd: de vier gemeenten",
        "en": "inhabitants on 1 January {year}: {part} of {total}; hatched: the four "
        "municipalities",
    },
    "pres_map_alt": {
        "nl": "Kaart van de gemeenten van Drenthe; Emmen, Coevorden, Hoogeveen en "
        "Borger-Odoorn zijn gearceerd en met naam aangegeven.",
        "en": "Map of the municipalities of Drenthe; Emmen, Coevorden, Hoogeveen and "
        "Borger-Odoorn are hatched and labelled.",
    },
    "pres_boundaries": {"nl": "grenzen CBS/PDOK", "en": "boundaries CBS/PDOK"},
    "pres_scores_title": {
        "nl": "{best} scoort het hoogst ({best_score}), {worst} het laagst ({worst_score})",
        "en": "{best} scores highest ({best_score}), {worst} lowest ({worst_score})",
    },
    "pres_scores_title_none": {
        "nl": "Te weinig gegevens om de gemeenten te vergelijken",
        "en": "Too few figures to compare the municipalities",
    },
    "pres_scores_unit": {
        "nl": "score 0-10, Nederland = 5; stand per {years}",
        "en": "score 0-10, Netherlands = 5; as of {years}",
    },
    "pres_scores_alt": {
        "nl": "Staafdiagram met de score op '{goal}' van de vier gemeenten, Zuid- en "
        "Oost-Drenthe, Drenthe en Nederland; een stippellijn markeert 5 (Nederland).",
        "en": "Bar chart of the score on '{goal}' of the four municipalities, the region, "
        "Drenthe and the Netherlands; a dashed line marks 5 (the Netherlands).",
    },
    "pres_nl_line": {"nl": "Nederland = 5", "en": "Netherlands = 5"},
    "pres_drivers_down": {
        "nl": "'{indicator}' trekt de score van {region} het meest omlaag ({points} punt)",
        "en": "'{indicator}' pulls the score of {region} down most ({points} points)",
    },
    "pres_drivers_up": {
        "nl": "'{indicator}' trekt de score van {region} het meest omhoog ({points} punt)",
        "en": "'{indicator}' lifts the score of {region} most ({points} points)",
    },
    "pres_drivers_none": {
        "nl": "Geen indicatoren gekozen of geen gegevens voor {region}",
        "en": "No indicators chosen or no figures for {region}",
    },
    "pres_drivers_unit": {
        "nl": "bijdrage aan de score in punten (0 = gelijk aan Nederland); "
        "onder de naam: de waarde en het jaar",
        "en": "contribution to the score in points (0 = level with the Netherlands); "
        "under the name: the value and the year",
    },
    "pres_drivers_alt": {
        "nl": "Staafdiagram van de bijdrage van de gekozen indicatoren aan de score van "
        "{region} op '{goal}': naar rechts (blauw) beter dan Nederland, naar links (oranje, "
        "gearceerd) slechter.",
        "en": "Bar chart of the contribution of the chosen indicators to the score of "
        "{region} on '{goal}': to the right (blue) better than the Netherlands, to the left "
        "(orange, hatched) worse.",
    },
    "pres_sources_chart_title": {
        "nl": "De cijfers komen uit {n} CBS-bronnen; licentie CC BY 4.0",
        "en": "The figures come from {n} CBS sources; licence CC BY 4.0",
    },
    "pres_sources_unit": {
        "nl": "snapshot van {date}; jaren: de jaren in deze snapshot",
        "en": "snapshot of {date}; years: the years in this snapshot",
    },
    "pres_sources_alt": {
        "nl": "Tabel met de gebruikte CBS-tabellen, hun titel, de jaren en de licentie.",
        "en": "Table of the CBS tables used, their title, the years and the licence.",
    },
    "pres_col_tables": {"nl": "Tabel", "en": "Table"},
    "pres_col_title": {"nl": "Titel", "en": "Title"},
    "pres_col_years": {"nl": "Jaren", "en": "Years"},
    "pres_col_licence": {"nl": "Licentie", "en": "Licence"},
    "pres_boundaries_title": {
        "nl": "Gemeente- en provinciegrenzen (kaarten)",
        "en": "Municipal and provincial boundaries (maps)",
    },
    "pres_note_indicator": {
        "nl": "{name}: {region} {value}, Nederland {nl} ({unit}, {year}); {quartile}; "
        "bijdrage {points} punt.",
        "en": "{name}: {region} {value}, Netherlands {nl} ({unit}, {year}); {quartile}; "
        "contribution {points} points.",
    },
    # --- page -----------------------------------------------------------------------------
    "pres_previous": {"nl": "Vorige", "en": "Previous"},
    "pres_next": {"nl": "Volgende", "en": "Next"},
    "pres_counter": {"nl": "Dia {n} / {total}", "en": "Slide {n} / {total}"},
    "pres_bad_slide": {
        "nl": "Dia {value!r} uit de link bestaat niet; we tonen de eerste dia.",
        "en": "Slide {value!r} from the link does not exist; showing the first slide.",
    },
    "pres_bad_indicators": {
        "nl": "Onbekende indicatoren in de link genegeerd: {value}.",
        "en": "Unknown indicators in the link ignored: {value}.",
    },
    "pres_settings": {"nl": "Instellingen", "en": "Settings"},
    "pres_more": {"nl": "Meer", "en": "More"},
    "pres_focus": {"nl": "Focusgemeente of regio", "en": "Focus municipality or region"},
    "pres_indicators": {
        "nl": "Indicatoren op de doeldia's (standaard: de drie die de score het meest bepalen)",
        "en": "Indicators on the goal slides (default: the three that drive the score most)",
    },
    "pres_reset_indicators": {
        "nl": "Terug naar de standaardkeuze",
        "en": "Back to the default choice",
    },
    "pres_downloads": {"nl": "Downloads", "en": "Downloads"},
    "pres_png": {"nl": "Grafiek als PNG (1920 px)", "en": "Chart as PNG (1920 px)"},
    "pres_svg": {"nl": "Grafiek als SVG", "en": "Chart as SVG"},
    "pres_csv": {"nl": "Gegevens van de grafiek (CSV)", "en": "Chart data (CSV)"},
    "pres_deck": {
        "nl": "Hele presentatie (.pptx), focus {region}",
        "en": "Whole presentation (.pptx), focus {region}",
    },
    "pres_factsheet": {
        "nl": "Factsheet {region} (.pdf)",
        "en": "Factsheet {region} (.pdf)",
    },
    "pres_images_off": {
        "nl": "Afbeeldingen (PNG, SVG, .pptx) zijn op deze server niet beschikbaar: {reason}",
        "en": "Images (PNG, SVG, .pptx) are not available on this server: {reason}",
    },
    "pres_no_kaleido": {
        "nl": "het pakket kaleido ontbreekt",
        "en": "the kaleido package is missing",
    },
    "pres_no_browser": {
        "nl": "er is geen Chromium gevonden (stel BROWSER_PATH in)",
        "en": "no Chromium was found (set BROWSER_PATH)",
    },
    "pres_browser_missing": {
        "nl": "de Chromium uit BROWSER_PATH bestaat niet",
        "en": "the Chromium in BROWSER_PATH does not exist",
    },
    "pres_render_failed": {
        "nl": "Chromium kon de afbeelding niet maken ({error})",
        "en": "Chromium could not render the image ({error})",
    },
    "pres_chart_heading": {"nl": "Grafiek {n}: {title}", "en": "Chart {n}: {title}"},
    "pres_mode_hint": {
        "nl": "Tip: open de link met ?modus=presentatie voor een scherm zonder menu's.",
        "en": "Tip: open the link with ?modus=presentatie for a screen without menus.",
    },
    # switches the mode within the session, so the targets of the page Ambities stay
    "pres_mode_on": {
        "nl": "Presentatiemodus (scherm zonder menu's)",
        "en": "Presentation mode (screen without menus)",
    },
    "pres_mode_off": {
        "nl": "Terug naar de gewone weergave",
        "en": "Back to the normal view",
    },
    # --- factsheet ------------------------------------------------------------------------
    "fs_kicker": {
        "nl": "Factsheet brede welvaart · Zuid- en Oost-Drenthe",
        "en": "Broad prosperity factsheet · South and East Drenthe",
    },
    "fs_population": {
        "nl": "Inwoners op 1 januari {year}: {value}",
        "en": "Inhabitants on 1 January {year}: {value}",
    },
    "fs_snapshot": {
        "nl": "Stand van de cijfers: CBS-snapshot van {date}",
        "en": "Figures as of the CBS snapshot of {date}",
    },
    "fs_scores_heading": {
        "nl": "Score per doel (Nederland = 5,0)",
        "en": "Score per goal (Netherlands = 5.0)",
    },
    "fs_col_goal": {"nl": "Doel", "en": "Goal"},
    "fs_col_score": {"nl": "Score", "en": "Score"},
    "fs_col_bar": {"nl": "0 - 5 - 10", "en": "0 - 5 - 10"},
    "fs_col_rank": {"nl": "Plaats", "en": "Rank"},
    "fs_col_quartile": {"nl": "Kwart", "en": "Quarter"},
    "fs_col_trend": {"nl": "Trend", "en": "Trend"},
    "fs_col_years": {"nl": "Stand per", "en": "As of"},
    "fs_scores_note": {
        "nl": "Een score boven 5 is beter dan Nederland. Plaats: onder alle gemeenten "
        "(1 = best). Kwart: bovenste of onderste 25 % van de gemeenten. Trend: hoeveel "
        "indicatoren met een reeks van minstens drie jaar dichter bij of verder van Nederland "
        "kwamen. Verouderd: meer dan 5 jaar ouder dan de snapshot.",
        "en": "A score above 5 is better than the Netherlands. Rank: among all municipalities "
        "(1 = best). Quarter: top or bottom 25 % of the municipalities. Trend: how many "
        "indicators with a series of at least three years moved towards or away from the "
        "Netherlands. Dated: more than 5 years older than the snapshot.",
    },
    "fs_top_heading": {
        "nl": "Sterke punten: indicatoren in het bovenste kwart",
        "en": "Strengths: indicators in the top quarter",
    },
    "fs_bottom_heading": {
        "nl": "Aandachtspunten: indicatoren in het onderste kwart",
        "en": "Points of attention: indicators in the bottom quarter",
    },
    "fs_none_top": {
        "nl": "Geen indicatoren in het bovenste kwart.",
        "en": "No indicators in the top quarter.",
    },
    "fs_none_bottom": {
        "nl": "Geen indicatoren in het onderste kwart.",
        "en": "No indicators in the bottom quarter.",
    },
    "fs_col_indicator": {"nl": "Indicator", "en": "Indicator"},
    "fs_col_unit": {"nl": "Eenheid", "en": "Unit"},
    "fs_col_nl": {"nl": "Nederland", "en": "Netherlands"},
    "fs_col_year": {"nl": "Jaar", "en": "Year"},
    "fs_map_caption": {
        "nl": "Ligging in Drenthe (gearceerd)",
        "en": "Location in Drenthe (hatched)",
    },
    "fs_sources_heading": {"nl": "Bronnen", "en": "Sources"},
    "fs_sources": {
        "nl": "CBS (licentie CC BY 4.0), tabellen {tables}; grenzen: CBS/PDOK. Bewerking: "
        "brede-welvaartdashboard ZOD. Snapshot van {date}. {marks}",
        "en": "Statistics Netherlands (CBS, licence CC BY 4.0), tables {tables}; boundaries: "
        "CBS/PDOK. Processing: ZOD broad-prosperity dashboard. Snapshot of {date}. {marks}",
    },
    "fs_page": {"nl": "pagina {n}", "en": "page {n}"},
    "fs_more": {
        "nl": "En nog {n} indicatoren in dit kwart; alle cijfers staan in de app en de downloads.",
        "en": "And {n} more indicators in this quarter; all figures are in the app and downloads.",
    },
}
