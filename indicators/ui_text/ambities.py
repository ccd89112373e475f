"""Texts of the page Ambities, its slide and factsheet section, and the messages of the target
file check (keys start with ``amb_``)."""

TEXT: dict[str, dict[str, str]] = {
    "page_ambitions": {"nl": "Ambities", "en": "Ambitions"},
    "amb_title": {"nl": "Ambities", "en": "Ambitions"},
    "amb_intro": {
        "nl": "Zet de ambities van de uitvoeringsagenda om in cijfers. Geef per indicator en "
        "regio een streefwaarde en een doeljaar, of een streefwaarde ten opzichte van Nederland, "
        "Drenthe of het beste kwart van de gemeenten (die rekent het dashboard uit de cijfers "
        "uit, met het jaar erbij). Daaronder: hoe ver elke streefwaarde nog weg is, of de trend "
        "er op tijd komt, en wat het halen van de streefwaarden met de doelscores, de plaats en "
        "het kwart zou doen (de andere gemeenten en Nederland blijven op hun huidige waarden). "
        "Alles blijft in deze sessie; bewaar de tabel als CSV en laad hem later weer in.",
        "en": "Turn the ambitions of the implementation agenda into figures. Give a target value "
        "and a target year per indicator and region, or a target relative to the Netherlands, "
        "Drenthe or the best quarter of the municipalities (the dashboard computes it from the "
        "figures, with its year). Below: how far each target still is, whether the trend gets "
        "there in time, and what meeting the targets would do to the goal scores, rank and "
        "quarter (the other municipalities and the Netherlands stay at their current values). "
        "Everything stays in this session; save the table as CSV and load it again later.",
    },
    "amb_table_heading": {"nl": "Streefwaarden", "en": "Targets"},
    "amb_table_caption": {
        "nl": "Basis 'waarde': vul de streefwaarde in. Basis 'nederland', 'drenthe' of "
        "'beste_kwart': laat de streefwaarde leeg, het dashboard neemt de huidige waarde van "
        "die referentie. Het doeljaar ligt tussen {first} en {last}. Een rij toevoegen: onderaan "
        "de tabel; verwijderen: rij aanvinken en de prullenbak.",
        "en": "Basis 'waarde': enter the target value. Basis 'nederland', 'drenthe' or "
        "'beste_kwart': leave the target empty, the dashboard takes the current value of that "
        "reference. The target year lies between {first} and {last}. Add a row at the bottom of "
        "the table; delete one by ticking it and using the bin.",
    },
    "amb_col_indicator": {"nl": "Indicator", "en": "Indicator"},
    "amb_col_region": {"nl": "Regio", "en": "Region"},
    "amb_col_target": {"nl": "Streefwaarde", "en": "Target"},
    "amb_col_year": {"nl": "Doeljaar", "en": "Target year"},
    "amb_col_basis": {"nl": "Basis", "en": "Basis"},
    "amb_col_note": {"nl": "Toelichting", "en": "Note"},
    "amb_basis_waarde": {"nl": "waarde (zelf ingevuld)", "en": "value (entered)"},
    "amb_basis_nederland": {"nl": "niveau van Nederland", "en": "level of the Netherlands"},
    "amb_basis_drenthe": {"nl": "niveau van Drenthe", "en": "level of Drenthe"},
    "amb_basis_beste_kwart": {
        "nl": "grens van het beste kwart",
        "en": "boundary of the best quarter",
    },
    "amb_basis_short_nederland": {"nl": "Nederland", "en": "Netherlands"},
    "amb_basis_short_drenthe": {"nl": "Drenthe", "en": "Drenthe"},
    "amb_basis_short_beste_kwart": {"nl": "beste kwart", "en": "best quarter"},
    "amb_start_heading": {"nl": "Beginnen", "en": "Start"},
    "amb_shipped_select": {
        "nl": "Meegeleverde set streefwaarden",
        "en": "Target set shipped with the app",
    },
    "amb_shipped_load": {"nl": "Set toevoegen aan de tabel", "en": "Add the set to the table"},
    "amb_shipped_none": {
        "nl": "Er zijn (nog) geen sets streefwaarden meegeleverd (map data/targets/). Vul de "
        "tabel zelf in of laad een CSV.",
        "en": "No target sets are shipped (yet) (folder data/targets/). Fill in the table "
        "yourself or load a CSV.",
    },
    "amb_upload": {"nl": "CSV met streefwaarden laden", "en": "Load a CSV of targets"},
    "amb_upload_help": {
        "nl": "Kolommen indicator, region, target, year, basis, note (zoals de download "
        "hieronder); komma of puntkomma; UTF-8. Rijen met dezelfde indicator en regio worden "
        "vervangen, nieuwe toegevoegd; de rest van de tabel blijft staan.",
        "en": "Columns indicator, region, target, year, basis, note (as the download below); "
        "comma or semicolon; UTF-8. Rows with the same indicator and region are replaced, new "
        "ones added; the rest of the table stays.",
    },
    "amb_merged": {
        "nl": "{source}: {added} streefwaarde(n) toegevoegd, {replaced} vervangen (zelfde "
        "indicator en regio).",
        "en": "{source}: {added} target(s) added, {replaced} replaced (same indicator and region).",
    },
    "amb_rejected": {
        "nl": "{source}: {n} probleem/problemen; de goede rijen zijn overgenomen.",
        "en": "{source}: {n} problem(s); the good rows were taken over.",
    },
    "amb_problems_heading": {
        "nl": "Deze rijen tellen (nog) niet mee:",
        "en": "These rows do not count (yet):",
    },
    "amb_downloads": {"nl": "Streefwaarden bewaren", "en": "Save the targets"},
    "amb_download_csv": {"nl": "Streefwaarden (CSV)", "en": "Targets (CSV)"},
    "amb_download_csv_nl": {
        "nl": "Streefwaarden (CSV voor Excel NL)",
        "en": "Targets (CSV for Excel, Dutch)",
    },
    "amb_download_whatif": {"nl": "Wat-als (CSV)", "en": "What-if (CSV)"},
    "amb_download_whatif_nl": {
        "nl": "Wat-als (CSV voor Excel NL)",
        "en": "What-if (CSV for Excel, Dutch)",
    },
    "amb_download_progress": {"nl": "Voortgang (CSV)", "en": "Progress (CSV)"},
    "amb_download_progress_nl": {
        "nl": "Voortgang (CSV voor Excel NL)",
        "en": "Progress (CSV for Excel, Dutch)",
    },
    "amb_none_yet": {
        "nl": "Nog geen geldige streefwaarden: vul de tabel in of laad een CSV.",
        "en": "No valid targets yet: fill in the table or load a CSV.",
    },
    "amb_progress_heading": {"nl": "Voortgang", "en": "Progress"},
    "amb_progress_caption": {
        "nl": "Per streefwaarde de nieuwste waarde met het jaar, wat er nog moet gebeuren en "
        "wat de trend laat zien: de lineaire trend over de reeks van de regio (minstens 3 "
        "jaren binnen 8 jaar), met het 90%-interval van de verandering per jaar. 'Op koers' = "
        "de trend, doorgetrokken vanaf de nieuwste waarde, haalt de streefwaarde in het "
        "doeljaar; bij 'lager is beter' betekent halen: eronder komen. {marks}",
        "en": "Per target the latest value with its year, what remains to be done and what the "
        "trend shows: the linear trend over the region's series (at least 3 years within 8), "
        "with the 90% interval of the change per year. 'On track' = the trend, continued from "
        "the latest value, reaches the target in the target year; for 'lower is better' "
        "reaching means getting below it. {marks}",
    },
    "amb_pcol_target": {"nl": "Streefwaarde", "en": "Target"},
    "amb_pcol_now": {"nl": "Nu (jaar)", "en": "Now (year)"},
    "amb_pcol_gap": {"nl": "Nog te gaan", "en": "Still to go"},
    "amb_pcol_needed": {"nl": "Nodig per jaar", "en": "Needed per year"},
    "amb_pcol_trend": {
        "nl": "Trend per jaar (90%-interval)",
        "en": "Trend per year (90% interval)",
    },
    "amb_pcol_verdict": {"nl": "Oordeel", "en": "Verdict"},
    "amb_target_in_year": {"nl": "{value} in {year}", "en": "{value} in {year}"},
    "amb_target_relative": {
        "nl": "{value} in {year} ({basis}, cijfer {reference})",
        "en": "{value} in {year} ({basis}, figure {reference})",
    },
    "amb_gap_up": {"nl": "{gap} omhoog", "en": "{gap} up"},
    "amb_gap_down": {"nl": "{gap} omlaag", "en": "{gap} down"},
    "amb_gap_reached": {"nl": "bereikt ({gap})", "en": "reached ({gap})"},
    "amb_needed": {
        "nl": "{value} per jaar ({first}–{last})",
        "en": "{value} a year ({first}–{last})",
    },
    "amb_needed_now": {
        "nl": "doeljaar = jaar van het cijfer",
        "en": "target year = year of the figure",
    },
    "amb_trend": {
        "nl": "{value} ({low} tot {high}; {first}–{last}, {n} jaren)",
        "en": "{value} ({low} to {high}; {first}–{last}, {n} years)",
    },
    "amb_trend_none": {
        "nl": "te weinig jaren ({n}) voor een trend",
        "en": "too few years ({n}) for a trend",
    },
    "amb_verdict_on_track": {"nl": "op koers", "en": "on track"},
    "amb_verdict_off_track": {"nl": "niet op koers", "en": "not on track"},
    "amb_verdict_insufficient": {"nl": "onvoldoende gegevens", "en": "insufficient data"},
    # the verdict of a single target as a clause ("...; de streefwaarde ligt nu op koers")
    "amb_verdict_clause_op koers": {
        "nl": "de streefwaarde ligt nu op koers",
        "en": "the target is on track now",
    },
    "amb_verdict_clause_niet op koers": {
        "nl": "de streefwaarde ligt nu niet op koers",
        "en": "the target is not on track now",
    },
    "amb_verdict_clause_onvoldoende gegevens": {
        "nl": "of de streefwaarde op koers ligt, is met te weinig jaren niet te zeggen",
        "en": "with too few years it cannot be said whether the target is on track",
    },
    "amb_verdict_reached": {"nl": "{verdict} (nu al bereikt)", "en": "{verdict} (already met)"},
    "amb_verdict_projection": {
        "nl": "{verdict}: trend komt in {year} op {value}",
        "en": "{verdict}: trend reaches {value} in {year}",
    },
    "amb_pp": {"nl": "%-punt", "en": "pp"},
    "amb_no_value": {"nl": "geen gegevens", "en": "no data"},
    "amb_whatif_heading": {
        "nl": "Wat als de streefwaarden worden gehaald?",
        "en": "What if the targets are met?",
    },
    "amb_whatif_caption": {
        "nl": "Per regio en doel de score nu en als elke streefwaarde van dat doel gehaald is: "
        "de nieuwste waarde vervangen door de streefwaarde (een streefwaarde die nu al gehaald "
        "is laat de waarde staan), vergeleken met Nederland in hetzelfde jaar; de andere "
        "gemeenten en Nederland op hun huidige waarden, dezelfde spreiding. De plaats is onder "
        "dezelfde gemeenten als nu. Nederland = 5,0.",
        "en": "Per region and goal the score now and when every target of that goal is met: "
        "the latest value replaced by the target (a target already met leaves the value as it "
        "is), compared with the Netherlands in the same year; the other municipalities and the "
        "Netherlands at their current values, the same spread. The rank is among the same "
        "municipalities as now. Netherlands = 5.0.",
    },
    "amb_wcol_goal": {"nl": "Doel", "en": "Goal"},
    "amb_wcol_now": {"nl": "Score nu", "en": "Score now"},
    "amb_wcol_with": {"nl": "Score met streefwaarden", "en": "Score with targets"},
    "amb_wcol_scenario": {"nl": "Score in dit scenario", "en": "Score in this scenario"},
    "amb_wcol_change": {"nl": "Verschil", "en": "Change"},
    "amb_wcol_rank": {"nl": "Plaats nu → daarna", "en": "Rank now → after"},
    "amb_wcol_quartile": {"nl": "Kwart nu → daarna", "en": "Quarter now → after"},
    "amb_wcol_n": {"nl": "Streefwaarden", "en": "Targets"},
    "amb_wcol_n_scenario": {"nl": "Indicatoren verschoven", "en": "Indicators moved"},
    "amb_rank_change": {"nl": "{now} → {after} van {n}", "en": "{now} → {after} of {n}"},
    "amb_contrib_heading": {
        "nl": "Bijdrage van elke streefwaarde",
        "en": "Contribution of each target",
    },
    "amb_contrib_caption": {
        "nl": "Bijdrage = gewicht × 5/3 × verandering van z (z begrensd op ±3; gewicht = 1 / "
        "(aantal subthema's × indicatoren in het subthema)). De bijdragen tellen op tot het "
        "verschil in score (vóór afkappen op 0–10).",
        "en": "Contribution = weight × 5/3 × change in z (z capped at ±3; weight = 1 / (number "
        "of sub-themes × indicators in the sub-theme)). The contributions add up to the change "
        "in score (before clipping to 0–10).",
    },
    "amb_ccol_now": {"nl": "Nu (jaar)", "en": "Now (year)"},
    "amb_ccol_target": {"nl": "Streefwaarde", "en": "Target"},
    "amb_ccol_z": {"nl": "z nu → daarna", "en": "z now → after"},
    "amb_ccol_weight": {"nl": "Gewicht", "en": "Weight"},
    "amb_ccol_points": {"nl": "Bijdrage (punten)", "en": "Contribution (points)"},
    "amb_skipped": {
        "nl": "Zonder huidige waarde, dus niet in de wat-als: {names}.",
        "en": "Without a current value, so not in the what-if: {names}.",
    },
    "amb_scenarios_heading": {
        "nl": "Twee scenario's voor Zuid- en Oost-Drenthe",
        "en": "Two scenarios for South and East Drenthe",
    },
    "amb_scenarios_caption": {
        "nl": "Zonder invoer: wat als de regio op het niveau van Nederland komt op elke "
        "indicator waar ze achterloopt (z wordt 0), of op de grens van het beste kwart van de "
        "gemeenten op elke indicator waar ze daaronder zit (het 75e percentiel op de naar "
        "richting gecorrigeerde waarde, in hetzelfde jaar als het cijfer van de regio).",
        "en": "Without input: what if the region reaches the level of the Netherlands on every "
        "indicator where it lags (z becomes 0), or the boundary of the best quarter of the "
        "municipalities on every indicator where it is below it (the 75th percentile of the "
        "direction-adjusted value, in the same year as the region's figure).",
    },
    "amb_scenario_nederland": {
        "nl": "ZOD op het niveau van Nederland op de indicatoren waar het achterloopt",
        "en": "ZOD at the level of the Netherlands on the indicators where it lags",
    },
    "amb_scenario_beste_kwart": {
        "nl": "ZOD op de grens van het beste kwart",
        "en": "ZOD at the boundary of the best quarter",
    },
    "amb_scenario_details": {
        "nl": "Welke indicatoren verschuiven, en hoeveel levert elk op?",
        "en": "Which indicators move, and what does each add?",
    },
    "amb_slide_hint": {
        "nl": "In de Presentatie verschijnt na de doeldia's een dia 'Ambities' voor de gekozen "
        "regio als die streefwaarden heeft; de factsheet krijgt dan een blok 'Ambities'.",
        "en": "The Presentation shows a slide 'Ambitions' after the goal slides for the chosen "
        "region when it has targets; the factsheet then gets a section 'Ambitions'.",
    },
    # where a problem is
    "amb_where_row": {"nl": "Regel {row}", "en": "Row {row}"},
    "amb_where_table": {"nl": "Rij {row} van de tabel", "en": "Row {row} of the table"},
    # problems with a whole file
    "amb_err_too_big": {
        "nl": "Het bestand is {size} kB; de grens is {limit} kB. Een set streefwaarden past "
        "ruim in 200 regels.",
        "en": "The file is {size} kB; the limit is {limit} kB. A set of targets fits easily in "
        "200 rows.",
    },
    "amb_err_too_many": {
        "nl": "Het bestand heeft {n} regels met streefwaarden; de grens is {limit}. Er is "
        "niets overgenomen.",
        "en": "The file has {n} rows of targets; the limit is {limit}. Nothing was taken over.",
    },
    "amb_err_not_utf8": {
        "nl": "Het bestand is geen UTF-8-tekst. Sla het in Excel op als 'CSV UTF-8 (door "
        "komma's gescheiden)'.",
        "en": "The file is not UTF-8 text. In Excel, save it as 'CSV UTF-8 (Comma delimited)'.",
    },
    "amb_err_file_empty": {"nl": "Het bestand is leeg.", "en": "The file is empty."},
    "amb_err_csv": {
        "nl": "Het bestand is geen leesbare CSV ({error}).",
        "en": "The file is not readable CSV ({error}).",
    },
    "amb_err_no_header": {
        "nl": "De eerste regel is geen kopregel maar al een streefwaarde; zet er de kopregel "
        "{expected} boven.",
        "en": "The first row is not a header but already a target; put the header {expected} "
        "above it.",
    },
    "amb_err_header": {
        "nl": "De kopregel klopt niet: gevonden {found}; verwacht {expected} (note mag ontbreken).",
        "en": "The header is wrong: found {found}; expected {expected} (note may be missing).",
    },
    # problems with one row
    "amb_err_cells": {
        "nl": "meer cellen ({n}) dan de kopregel kolommen heeft",
        "en": "more cells ({n}) than the header has columns",
    },
    "amb_err_formula": {
        "nl": "de cel in kolom {column} begint met '{char}' en zou in een spreadsheet als "
        "formule worden uitgevoerd; haal dat teken weg",
        "en": "the cell in column {column} starts with '{char}' and would run as a formula in "
        "a spreadsheet; remove that character",
    },
    "amb_err_number": {
        "nl": "'{value}' in kolom {column} is geen getal",
        "en": "'{value}' in column {column} is not a number",
    },
    "amb_err_empty": {"nl": "kolom {column} is leeg", "en": "column {column} is empty"},
    "amb_err_indicator": {
        "nl": "onbekende indicator '{value}' (gebruik de id uit de codebook-download of de naam)",
        "en": "unknown indicator '{value}' (use the id from the codebook download or the name)",
    },
    "amb_err_not_scored": {
        "nl": "'{value}' telt niet mee in een doelscore; alleen indicatoren die meetellen "
        "kunnen een streefwaarde krijgen",
        "en": "'{value}' is not part of a goal score; only indicators that count can get a target",
    },
    "amb_err_region": {
        "nl": "onbekende regio '{value}'; kies uit {choices}",
        "en": "unknown region '{value}'; choose from {choices}",
    },
    "amb_err_basis": {
        "nl": "onbekende basis '{value}'; kies uit {choices}",
        "en": "unknown basis '{value}'; choose from {choices}",
    },
    "amb_err_no_target": {
        "nl": "geen streefwaarde en geen basis: vul een waarde in of kies een basis",
        "en": "no target and no basis: enter a value or choose a basis",
    },
    "amb_err_no_value": {
        "nl": "basis 'waarde' maar geen streefwaarde ingevuld",
        "en": "basis 'waarde' but no target entered",
    },
    "amb_err_value_and_basis": {
        "nl": "basis '{basis}' rekent de streefwaarde zelf uit; laat kolom target leeg",
        "en": "basis '{basis}' computes the target itself; leave column target empty",
    },
    "amb_err_year_past": {
        "nl": "doeljaar {year} ligt vóór {reference}, het jaar van deze cijfers",
        "en": "target year {year} lies before {reference}, the year of these figures",
    },
    "amb_err_year_far": {
        "nl": "doeljaar {year} ligt na {last}",
        "en": "target year {year} lies after {last}",
    },
    "amb_err_range": {
        "nl": "streefwaarde {value} ligt buiten wat voor '{name}' mogelijk is ({low} tot "
        "{high} {unit})",
        "en": "target {value} lies outside what is possible for '{name}' ({low} to {high} {unit})",
    },
    "amb_err_note": {
        "nl": "de toelichting is langer dan {n} tekens",
        "en": "the note is longer than {n} characters",
    },
    "amb_err_duplicate": {
        "nl": "dubbel: {indicator} voor {region} staat al in regel {first}",
        "en": "duplicate: {indicator} for {region} is already in row {first}",
    },
    # the slide and the factsheet
    "amb_slide_title": {"nl": "Ambities", "en": "Ambitions"},
    "amb_slide_finding": {
        "nl": "Als de {n} streefwaarden van {region} gehaald worden, gaat doel {goal} van "
        "{now} naar {after} (plaats {rank}); {on_track} van de {n} liggen nu op koers.",
        "en": "If the {n} targets of {region} are met, goal {goal} goes from {now} to {after} "
        "(rank {rank}); {on_track} of the {n} are on track now.",
    },
    "amb_slide_finding_one": {
        "nl": "Als de streefwaarde van {region} gehaald wordt, gaat doel {goal} van {now} naar "
        "{after} (plaats {rank}); {verdict}.",
        "en": "If the target of {region} is met, goal {goal} goes from {now} to {after} (rank "
        "{rank}); {verdict}.",
    },
    "amb_slide_finding_flat_one": {
        "nl": "De streefwaarde van {region} verandert de doelscores niet merkbaar; {verdict}.",
        "en": "The target of {region} hardly changes the goal scores; {verdict}.",
    },
    "amb_slide_finding_flat": {
        "nl": "De {n} streefwaarden van {region} veranderen de doelscores niet merkbaar; "
        "{on_track} van de {n} liggen nu op koers.",
        "en": "The {n} targets of {region} hardly change the goal scores; {on_track} of the "
        "{n} are on track now.",
    },
    "amb_chart_title": {
        "nl": "Met de streefwaarden gaat {region} op doel {goal} van {now} naar {after}",
        "en": "With the targets {region} goes from {now} to {after} on goal {goal}",
    },
    "amb_chart_title_flat": {
        "nl": "De streefwaarden veranderen de doelscores van {region} niet merkbaar",
        "en": "The targets hardly change the goal scores of {region}",
    },
    "amb_chart_unit": {
        "nl": "Doelscore nu en met de streefwaarden (Nederland = 5)",
        "en": "Goal score now and with the targets (Netherlands = 5)",
    },
    "amb_chart_now": {"nl": "Nu", "en": "Now"},
    "amb_chart_with": {"nl": "Met streefwaarden", "en": "With targets"},
    "amb_chart_label": {"nl": "{score} · plaats {rank}", "en": "{score} · rank {rank}"},
    "amb_chart_alt": {
        "nl": "Staafdiagram: de drie doelscores van {region} nu (effen) en met de streefwaarden "
        "(gearceerd), met de plaats onder de gemeenten in de staaf.",
        "en": "Bar chart: the three goal scores of {region} now (solid) and with the targets "
        "(hatched), with the rank among the municipalities in the bar.",
    },
    "amb_progress_chart_title": {
        "nl": "{on_track} van de {n} streefwaarden liggen op koers",
        "en": "{on_track} of the {n} targets are on track",
    },
    "amb_progress_chart_more": {
        "nl": "{shown} van {n} streefwaarden getoond; de rest op de pagina Ambities",
        "en": "{shown} of {n} targets shown; the rest on the page Ambitions",
    },
    "amb_progress_chart_unit": {
        "nl": "Streefwaarde, nieuwste waarde (jaar) en oordeel in woorden",
        "en": "Target, latest value (year) and verdict in words",
    },
    "amb_progress_chart_alt": {
        "nl": "Tabel: per streefwaarde de indicator, de streefwaarde met doeljaar, de nieuwste "
        "waarde met jaar en het oordeel (op koers, niet op koers, onvoldoende gegevens).",
        "en": "Table: per target the indicator, the target with its year, the latest value "
        "with its year and the verdict (on track, not on track, insufficient data).",
    },
    "amb_note_line": {
        "nl": "{name}: {now} → streefwaarde {target}; {verdict}.",
        "en": "{name}: {now} → target {target}; {verdict}.",
    },
    "amb_to": {"nl": "naar", "en": "to"},
    "amb_fs_heading": {"nl": "Ambities", "en": "Ambitions"},
    "amb_fs_scores": {
        "nl": "Als de {n} streefwaarden gehaald worden: {goals}.",
        "en": "If the {n} targets are met: {goals}.",
    },
    "amb_fs_scores_one": {
        "nl": "Als de streefwaarde gehaald wordt: {goals}.",
        "en": "If the target is met: {goals}.",
    },
    "amb_fs_goal": {
        "nl": "doel {goal} {now} → {after} (plaats {rank_now} → {rank_after})",
        "en": "goal {goal} {now} → {after} (rank {rank_now} → {rank_after})",
    },
    "amb_fs_line": {
        "nl": "{name}: {now}, streefwaarde {target} in {year}: {verdict}.",
        "en": "{name}: {now}, target {target} in {year}: {verdict}.",
    },
    "amb_reached": {"nl": "nu al bereikt", "en": "already met"},
    "amb_fs_more": {
        "nl": "En nog {n} streefwaarde(n); zie de pagina Ambities.",
        "en": "And {n} more target(s); see the page Ambitions.",
    },
}
