"""Texts of the page 'downloads'."""

TEXT: dict[str, dict[str, str]] = {
    "dl_title": {"nl": "Data & downloads", "en": "Data & downloads"},
    "dl_intro": {
        "nl": "Alle cijfers achter dit dashboard als CSV, voor eigen analyse. Elk bestand is er "
        "in twee vormen: **CSV** (UTF-8 met BOM, komma als scheidingsteken, punt als "
        "decimaalteken) en **CSV voor Excel (NL)** (puntkomma als scheidingsteken, komma als "
        "decimaalteken). Snapshot van {built}; de datum staat ook in elke bestandsnaam. Cijfers: "
        "CBS (CC BY 4.0), vermeld bij hergebruik 'Bron: CBS'.",
        "en": "All figures behind this dashboard as CSV, for your own analysis. Every file comes "
        "in two forms: **CSV** (UTF-8 with BOM, comma separator, decimal point) and **CSV for "
        "Excel (Dutch)** (semicolon separator, decimal comma). Snapshot of {built}; the date is "
        "also in every file name. Figures: CBS (CC BY 4.0); credit 'Bron: CBS' when reusing.",
    },
    "dl_safety_note": {
        "nl": "Tekstcellen die met =, +, -, @ beginnen krijgen een apostrof ervoor, zodat een "
        "spreadsheet ze nooit als formule uitvoert; getallen blijven getallen. De voorbeelden "
        "hieronder tonen getallen in Nederlandse notatie; in het bestand staan ze onafgerond.",
        "en": "Text cells starting with =, +, -, @ get an apostrophe in front, so a spreadsheet "
        "never runs them as a formula; numbers stay numbers. The previews below show numbers in "
        "Dutch notation; the files hold them unrounded.",
    },
    "dl_rows": {
        "nl": "{rows} rijen × {columns} kolommen",
        "en": "{rows} rows × {columns} columns",
    },
    "dl_preview": {
        "nl": "Voorbeeld: de eerste {n} rijen",
        "en": "Preview: the first {n} rows",
    },
    "dl_button_csv": {"nl": "CSV (UTF-8)", "en": "CSV (UTF-8)"},
    "dl_button_excel": {"nl": "CSV voor Excel (NL)", "en": "CSV for Excel (Dutch)"},
    "dl_all_title": {
        "nl": "Alle indicatoren (volledige dataset)",
        "en": "All indicators (full dataset)",
    },
    "dl_all_desc": {
        "nl": "Elke waarde in de snapshot: één rij per indicator, regio en jaar, met naam, "
        "eenheid, status (definitief, voorlopig, afgeleid, overgenomen), bron, tabel en "
        "CBS-periode.",
        "en": "Every value in the snapshot: one row per indicator, region and year, with name, "
        "unit, status (definitive, provisional, derived, transcribed), source, table and CBS "
        "period.",
    },
    "dl_selection_title": {
        "nl": "Uw selectie: {region} met de vergelijkingsregio's",
        "en": "Your selection: {region} with the reference regions",
    },
    "dl_selection_desc": {
        "nl": "Alle indicatoren voor {regions}, plus de wijken van {wijken}; zelfde kolommen als "
        "de volledige dataset. Kies een andere gemeente of regio in de zijbalk.",
        "en": "All indicators for {regions}, plus the districts (wijken) of {wijken}; same "
        "columns as the full dataset. Choose another municipality or region in the sidebar.",
    },
    "dl_scores_now_title": {
        "nl": "Doelscores actueel (alle gemeenten)",
        "en": "Goal scores, current (all municipalities)",
    },
    "dl_scores_now_desc": {
        "nl": "Score per NPVR-doel voor alle {n} huidige gemeenten, ZOD, Drenthe en Nederland: "
        "elke indicator op zijn nieuwste jaar (kolom years), met plaats, percentiel, kwart en "
        "het aantal indicatoren in het onderste kwart. Een gemeente met te weinig cijfers voor "
        "een doel heeft daar geen score en geen plaats; de plaats telt alleen de gemeenten met "
        "een score (kolom n_ranked).",
        "en": "Score per NPVR goal for all {n} current municipalities, ZOD, Drenthe and the "
        "Netherlands: every indicator at its latest year (column years), with rank, percentile, "
        "quarter and the number of indicators in the bottom quarter. A municipality with too "
        "few figures for a goal has no score and no rank there; the rank counts only the "
        "municipalities with a score (column n_ranked).",
    },
    "dl_scores_year_title": {
        "nl": "Doelscores per jaar (alle gemeenten)",
        "en": "Goal scores per year (all municipalities)",
    },
    "dl_scores_year_desc": {
        "nl": "Dezelfde scores per jaar ({years}). Een score staat er alleen waar in dat jaar "
        "minstens twee derde van de indicatoren van het doel een waarde heeft; anders is de "
        "status 'onvoldoende gegevens' en blijft de score leeg.",
        "en": "The same scores per year ({years}). A score is given only where at least two "
        "thirds of the goal's indicators have a value in that year; otherwise the status is "
        "'onvoldoende gegevens' (insufficient data) and the score stays empty.",
    },
    "dl_codebook_title": {"nl": "Codeboek (indicatoren)", "en": "Codebook (indicators)"},
    "dl_codebook_desc": {
        "nl": "De catalogus: per indicator id, naam, definitie, eenheid, richting, doel, subthema, "
        "CBS-tabellen en -sleutels, kanttekeningen, licentie en de jaren in de snapshot.",
        "en": "The catalog: per indicator id, name, definition, unit, direction, goal, "
        "sub-theme, CBS tables and keys, caveats, licence and the years in the snapshot.",
    },
    "dl_columns_title": {
        "nl": "Codeboek (kolommen van de dataset)",
        "en": "Codebook (columns of the dataset)",
    },
    "dl_columns_desc": {
        "nl": "Wat elke kolom van de volledige dataset en de selectie betekent.",
        "en": "What each column of the full dataset and the selection means.",
    },
    "dl_regions_title": {"nl": "Regio's", "en": "Regions"},
    "dl_regions_desc": {
        "nl": "Alle regiocodes met naam, niveau, provincie, COROP- en GGD-gebied, of de gemeente "
        "nog bestaat, en de kenmerken voor 'vergelijkbare gemeenten' (inwoners, stedelijkheid, "
        "dichtheid).",
        "en": "All region codes with name, level, province, COROP and GGD area, whether the "
        "municipality still exists, and the inputs for 'similar municipalities' (population, "
        "urbanity, density).",
    },
    "dl_col_name": {"nl": "kolom", "en": "column"},
    "dl_col_meaning": {"nl": "betekenis", "en": "meaning"},
    "dl_col_indicator": {
        "nl": "Id van de indicator (zie het codeboek).",
        "en": "Indicator id (see the codebook).",
    },
    "dl_col_indicator_name": {
        "nl": "Naam van de indicator.",
        "en": "Indicator name.",
    },
    "dl_col_unit": {
        "nl": "Eenheid van value (bijv. 'x 1.000 euro', '%', 'km').",
        "en": "Unit of value (e.g. 'x 1,000 euro', '%', 'km').",
    },
    "dl_col_region": {
        "nl": "Regiocode: GM#### gemeente, PV## provincie, NL01 Nederland, CR## COROP-gebied, "
        "WK###### wijk, ZOD de vier gemeenten samen.",
        "en": "Region code: GM#### municipality, PV## province, NL01 Netherlands, CR## COROP "
        "area, WK###### district, ZOD the four municipalities together.",
    },
    "dl_col_region_name": {"nl": "Naam van de regio.", "en": "Region name."},
    "dl_col_region_level": {
        "nl": "Niveau: gemeente, provincie, land, corop, wijk of regio.",
        "en": "Level: gemeente, provincie, land (country), corop, wijk or regio.",
    },
    "dl_col_year": {
        "nl": "Jaar waarop de waarde slaat (bij WOZ: de waardepeildatum; bij een periode het "
        "laatste jaar).",
        "en": "Year the value describes (WOZ: the valuation date; for a period, its last year).",
    },
    "dl_col_value": {
        "nl": "De waarde (CBS-cijfer of daaruit afgeleid); nooit ingevuld waar CBS niets "
        "publiceert.",
        "en": "The value (CBS figure or derived from it); never filled in where CBS publishes "
        "nothing.",
    },
    "dl_col_status": {
        "nl": "definitief, voorlopig, afgeleid (door ons berekend uit CBS-cijfers) of "
        "overgenomen (met de hand overgenomen uit een publicatie).",
        "en": "definitive, provisional, derived (computed by us from CBS figures) or transcribed "
        "(copied by hand from a publication).",
    },
    "dl_col_goal": {
        "nl": "NPVR-doel van de indicator: 1, 2 of 3 (0 = achtergrond).",
        "en": "The indicator's NPVR goal: 1, 2 or 3 (0 = background).",
    },
    "dl_col_direction": {
        "nl": "Richting in de score: hoger is beter, lager is beter, of context (niet in de "
        "score).",
        "en": "Direction in the score: higher is better, lower is better, or context (not scored).",
    },
    "dl_col_source": {
        "nl": "Id van de bron in het manifest (zie Methode & bronnen); 'derived' voor afgeleide "
        "regiocijfers.",
        "en": "Source id in the manifest (see Method & sources); 'derived' for derived regional "
        "figures.",
    },
    "dl_col_table": {
        "nl": "CBS-tabel(len) waaruit de waarde komt.",
        "en": "CBS table(s) the value comes from.",
    },
    "dl_col_period": {
        "nl": "Periode zoals CBS die publiceert (bijv. 2024JJ00, 2024* = voorlopig, KWB 2024).",
        "en": "Period as CBS publishes it (e.g. 2024JJ00, 2024* = provisional, KWB 2024).",
    },
}
