"""Texts of the page 'kaart' (keys start with ``km_``)."""

TEXT: dict[str, dict[str, str]] = {
    "km_title": {"nl": "Kaart", "en": "Map"},
    "km_intro": {
        "nl": "Elke gemeente van Nederland op de kaart, voor één indicator en één jaar. De vier "
        "gemeenten van Zuid- en Oost-Drenthe zijn dik omlijnd. De kleuren zijn vijf even grote "
        "groepen gemeenten; beweeg over de kaart voor het precieze cijfer.",
        "en": "Every municipality of the Netherlands on the map, for one indicator and one year. "
        "The four municipalities of South and East Drenthe have a thick outline. The colours are "
        "five equally large groups of municipalities; hover over the map for the exact figure.",
    },
    "km_indicator_select": {"nl": "Indicator", "en": "Indicator"},
    "km_indicator_option": {"nl": "{name} (doel {goal})", "en": "{name} (goal {goal})"},
    "km_indicator_option_bg": {"nl": "{name} (achtergrond)", "en": "{name} (background)"},
    "km_year_select": {"nl": "Jaar", "en": "Year"},
    "km_zoom_select": {"nl": "Inzoomen op", "en": "Zoom to"},
    "km_zoom_nederland": {"nl": "Nederland", "en": "Netherlands"},
    "km_zoom_drenthe": {"nl": "Drenthe", "en": "Drenthe"},
    "km_year_missing": {
        "nl": "Voor deze indicator zijn er geen gemeentecijfers over {year}; we tonen {latest}.",
        "en": "This indicator has no municipal figures for {year}; showing {latest}.",
    },
    "km_indicator_not_on_map": {
        "nl": "De indicator uit de link heeft geen cijfer per gemeente en staat daarom niet op "
        "de kaart; we tonen {default}.",
        "en": "The indicator in the link has no figure per municipality, so it is not on the "
        "map; showing {default}.",
    },
    "km_no_indicator_data": {
        "nl": "Voor deze indicator zijn geen gemeentecijfers beschikbaar.",
        "en": "No municipal figures are available for this indicator.",
    },
    # --- the map ---------------------------------------------------------------------------
    "km_title_above": {
        "nl": "{region} ligt {diff} boven Nederland{judgement}: {value} tegen {nl} in {year}",
        "en": "{region} is {diff} above the Netherlands{judgement}: {value} against {nl} in {year}",
    },
    "km_title_below": {
        "nl": "{region} ligt {diff} onder Nederland{judgement}: {value} tegen {nl} in {year}",
        "en": "{region} is {diff} below the Netherlands{judgement}: {value} against {nl} in {year}",
    },
    "km_title_count": {
        "nl": "{region}: {value} in {year}, plaats {rank} van {n} huidige gemeenten met een "
        "cijfer (1 = hoogste)",
        "en": "{region}: {value} in {year}, rank {rank} of {n} current municipalities with a "
        "figure (1 = highest)",
    },
    "km_title_equal": {
        "nl": "{region} is gelijk aan Nederland: {value} in {year}",
        "en": "{region} equals the Netherlands: {value} in {year}",
    },
    "km_title_no_nl": {
        "nl": "{region}: {value} in {year} (geen cijfer voor Nederland in dat jaar)",
        "en": "{region}: {value} in {year} (no figure for the Netherlands that year)",
    },
    "km_title_no_region": {
        "nl": "Geen gegevens voor {region} in {year}; Nederland: {nl}",
        "en": "No data for {region} in {year}; the Netherlands: {nl}",
    },
    "km_title_no_data": {
        "nl": "Geen gegevens voor {region} en Nederland in {year}",
        "en": "No data for {region} and the Netherlands in {year}",
    },
    "km_favourable": {"nl": " (gunstig)", "en": " (favourable)"},
    "km_unfavourable": {"nl": " (ongunstig)", "en": " (unfavourable)"},
    "km_percentage_points": {"nl": "procentpunt", "en": "percentage points"},
    "km_dark_better": {"nl": "donker = gunstiger", "en": "dark = more favourable"},
    "km_dark_higher": {"nl": "donker = hoger", "en": "dark = higher"},
    "km_unit_line": {
        "nl": "{unit}, {year}; vijf even grote groepen gemeenten, {note}",
        "en": "{unit}, {year}; five equally large groups, {note}",
    },
    "km_wijk_unit_line": {
        "nl": "{unit}, {year}; vijf even grote groepen wijken, {note}",
        "en": "{unit}, {year}; five equally large groups of districts, {note}",
    },
    "km_map_name": {
        "nl": "Kaart: {name} per gemeente in {year}",
        "en": "Map: {name} per municipality in {year}",
    },
    "km_tooltip_place": {"nl": "{rank} van {n}", "en": "{rank} of {n}"},
    "km_hover_place": {
        "nl": "plaats %{{customdata[3]}} van {n}",
        "en": "rank %{{customdata[3]}} of {n}",
    },
    "km_no_data": {"nl": "geen gegevens", "en": "no data"},
    "km_outline_legend": {
        "nl": "Emmen, Coevorden, Hoogeveen, Borger-Odoorn (dik omlijnd)",
        "en": "Emmen, Coevorden, Hoogeveen, Borger-Odoorn (thick outline)",
    },
    "km_province_legend": {"nl": "grens van Drenthe", "en": "border of Drenthe"},
    "km_geo_source": {
        "nl": "gemeentegrenzen {year}: CBS/Kadaster (PDOK)",
        "en": "boundaries {year}: CBS/Kadaster (PDOK)",
    },
    "km_alt": {
        "nl": "Kaart van Nederland met {name} per gemeente in {year}: {n} gemeenten in vijf "
        "kleurgroepen ({note}), {missing} zonder gegevens (grijs). De vier gemeenten van Zuid- en "
        "Oost-Drenthe zijn dik omlijnd en met naam aangegeven.",
        "en": "Map of the Netherlands showing {name} per municipality in {year}: {n} "
        "municipalities in five colour groups ({note}), {missing} without data (grey). The four "
        "municipalities of South and East Drenthe have a thick outline and their names.",
    },
    "km_boundaries_note": {
        "nl": "Grenzen: gemeentelijke indeling {geo_year}. Cijfers over {year} horen bij de "
        "indeling van dat jaar; {n} gemeenten van nu hebben geen cijfer over {year} (grijs), "
        "meestal omdat ze later door samenvoeging zijn ontstaan.",
        "en": "Boundaries: municipalities as of {geo_year}. Figures for {year} belong to the "
        "municipalities of that year; {n} present-day municipalities have no figure for {year} "
        "(grey), mostly because they were formed by a later merger.",
    },
    "km_missing_note": {
        "nl": "{n} gemeenten hebben geen cijfer over {year} (grijs, 'geen gegevens').",
        "en": "{n} municipalities have no figure for {year} (grey, 'no data').",
    },
    "km_place": {
        "nl": "{region} staat in {year} op plaats {rank} van {n} huidige gemeenten met een "
        "cijfer (1 = gunstigst).",
        "en": "{region} ranks {rank} of {n} current municipalities with a figure in {year} "
        "(1 = most favourable).",
    },
    "km_place_context": {
        "nl": "{region} staat in {year} op plaats {rank} van {n} huidige gemeenten met een "
        "cijfer (1 = hoogste).",
        "en": "{region} ranks {rank} of {n} current municipalities with a figure in {year} "
        "(1 = highest).",
    },
    "km_place_none": {
        "nl": "Voor {region} is er geen cijfer over {year}.",
        "en": "There is no figure for {region} for {year}.",
    },
    "km_reference_heading": {
        "nl": "De vier gemeenten, de regio, Drenthe en Nederland in {year}",
        "en": "The four municipalities, the region, Drenthe and the Netherlands in {year}",
    },
    "km_table_heading": {
        "nl": "Alle gemeenten: de cijfers achter de kaart",
        "en": "All municipalities: the figures behind the map",
    },
    "km_table_caption": {
        "nl": "Plaats 1 = {best}. {marks} De download onder de kaart bevat dezelfde cijfers "
        "onafgerond.",
        "en": "Rank 1 = {best}. {marks} The download below the map has the same figures unrounded.",
    },
    "km_best_scored": {"nl": "gunstigst", "en": "most favourable"},
    "km_best_context": {"nl": "hoogste waarde", "en": "highest value"},
    "km_col_place": {"nl": "Plaats", "en": "Rank"},
    "km_col_name": {"nl": "Gebied", "en": "Area"},
    "km_col_status": {"nl": "Status", "en": "Status"},
    "km_status_definitive": {"nl": "definitief", "en": "definitive"},
    "km_status_provisional": {"nl": "voorlopig", "en": "provisional"},
    "km_status_derived": {"nl": "afgeleid", "en": "derived"},
    "km_status_transcribed": {"nl": "overgenomen", "en": "transcribed"},
    # --- the wijk map ----------------------------------------------------------------------
    "km_wijk_heading": {
        "nl": "Wijken van de vier gemeenten",
        "en": "Districts (wijken) of the four municipalities",
    },
    "km_wijk_intro": {
        "nl": "Cijfers per wijk uit Kerncijfers wijken en buurten; de dikke lijnen zijn de "
        "gemeentegrenzen.",
        "en": "Figures per district from the CBS key figures for districts and neighbourhoods; "
        "the thick lines are the municipal borders.",
    },
    "km_wijk_select": {"nl": "Indicator per wijk", "en": "Indicator per district"},
    "km_wijk_title": {
        "nl": "{name}: hoogste in {high} ({high_gm}), {high_value}; laagste in {low} "
        "({low_gm}), {low_value} ({year})",
        "en": "{name}: highest in {high} ({high_gm}), {high_value}; lowest in {low} "
        "({low_gm}), {low_value} ({year})",
    },
    "km_wijk_title_none": {
        "nl": "{name}: geen gegevens per wijk",
        "en": "{name}: no data per district",
    },
    "km_wijk_alt": {
        "nl": "Kaart van de wijken van Emmen, Coevorden, Hoogeveen en Borger-Odoorn met {name} "
        "in {year}: {n} wijken in vijf kleurgroepen (donker = hoger), gemeentegrenzen dik. "
        "{title}.",
        "en": "Map of the districts of Emmen, Coevorden, Hoogeveen and Borger-Odoorn showing "
        "{name} in {year}: {n} districts in five colour groups (dark = higher), municipal "
        "borders thick. {title}.",
    },
    "km_wijk_table_heading": {
        "nl": "De cijfers per wijk",
        "en": "The figures per district",
    },
    "km_col_gemeente": {"nl": "Gemeente", "en": "Municipality"},
}
