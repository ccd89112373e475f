"""Texts of the page 'vergelijken' (keys start with ``vg_``)."""

TEXT: dict[str, dict[str, str]] = {
    "vg_title_page": {"nl": "Vergelijken", "en": "Compare"},
    "vg_intro": {
        "nl": "Zet gemeenten en regio's naast elkaar op alle indicatoren die meetellen in de "
        "score van een doel. Elke cel toont het cijfer zelf (in het nieuwste jaar van dat "
        "gebied) met ▲ als het gunstiger is dan Nederland en ▼ als het ongunstiger is; de "
        "kleur zegt hoeveel: paars = gunstiger, oranje = ongunstiger, wit = gelijk aan Nederland.",
        "en": "Put municipalities and regions side by side on every indicator that counts "
        "towards a goal's score. Each cell shows the figure itself (in that area's latest "
        "year) with ▲ where it is more favourable than the Netherlands and ▼ where it is less "
        "favourable; the colour says how much: purple = more favourable, orange = less "
        "favourable, white = equal to the Netherlands.",
    },
    "vg_select": {
        "nl": "Gemeenten en regio's (maximaal {n})",
        "en": "Municipalities and regions (at most {n})",
    },
    "vg_select_help": {
        "nl": "Standaard: de vier gemeenten, de regio, Nederland en gemeenten die qua omvang, "
        "stedelijkheid en dichtheid op {region} lijken.",
        "en": "Default: the four municipalities, the region, the Netherlands and "
        "municipalities similar to {region} in size, urbanity and density.",
    },
    "vg_goal_select": {"nl": "Doel", "en": "Goal"},
    "vg_goal_option": {"nl": "{goal}: {name}", "en": "{goal}: {name}"},
    "vg_empty": {
        "nl": "Kies ten minste één gemeente of regio om te vergelijken.",
        "en": "Choose at least one municipality or region to compare.",
    },
    "vg_title": {
        "nl": "{region} ligt op {behind} van de {n} indicatoren achter op Nederland",
        "en": "{region} is behind the Netherlands on {behind} of {n} indicators",
    },
    "vg_title_ahead": {
        "nl": " en op {ahead} voor",
        "en": " and ahead on {ahead}",
    },
    "vg_title_missing": {
        "nl": " ({missing} zonder gegevens)",
        "en": " ({missing} without data)",
    },
    "vg_title_no_data": {
        "nl": "Voor {region} zijn er geen gegevens over {goal}",
        "en": "There are no data for {region} on {goal}",
    },
    "vg_title_none": {
        "nl": "Geen gebied gekozen voor {goal}",
        "en": "No area chosen for {goal}",
    },
    "vg_unit": {
        "nl": "Doel {goal}, {name}: cijfer per indicator; kleur = afstand tot Nederland in "
        "spreidingen (z, gunstig = paars)",
        "en": "Goal {goal}, {name}: figure per indicator; colour = distance to the "
        "Netherlands in spreads (z, favourable = purple)",
    },
    "vg_colorbar": {"nl": "t.o.v. Nederland (z)", "en": "vs the Netherlands (z)"},
    "vg_tick_worse": {"nl": "−3 ongunstiger", "en": "−3 less favourable"},
    "vg_tick_better": {"nl": "+3 gunstiger", "en": "+3 more favourable"},
    "vg_tick_nl": {"nl": "0 = Nederland", "en": "0 = Netherlands"},
    "vg_hover": {
        "nl": "<b>{region}</b><br>{indicator}: {value} {unit} ({year})<br>Nederland: {nl}"
        "<br>z = {z}",
        "en": "<b>{region}</b><br>{indicator}: {value} {unit} ({year})<br>Netherlands: {nl}"
        "<br>z = {z}",
    },
    "vg_hover_none": {
        "nl": "<b>{region}</b><br>{indicator}: geen gegevens",
        "en": "<b>{region}</b><br>{indicator}: no data",
    },
    "vg_alt": {
        "nl": "Tabelvormige kleurenkaart van doel {goal}: {n_rows} indicatoren (rijen) voor "
        "{regions} (kolommen), met in elke cel het cijfer en een pijl omhoog (gunstiger dan "
        "Nederland) of omlaag (ongunstiger). {title}.",
        "en": "Heatmap of goal {goal}: {n_rows} indicators (rows) for {regions} (columns), "
        "each cell with the figure and an arrow up (more favourable than the Netherlands) or "
        "down (less favourable). {title}.",
    },
    "vg_caption": {
        "nl": "Elk gebied in zijn eigen nieuwste jaar per indicator (het jaar staat in de "
        "tabel hieronder en bij de muisaanwijzer). z = verschil met Nederland gedeeld door de "
        "spreiding tussen gemeenten, met het teken zo dat positief gunstig is; afgekapt op ±3. "
        "Gemeenten die na 2015 zijn ontstaan hebben voor de cijfers van 2015 geen gegevens.",
        "en": "Each area in its own latest year per indicator (the year is in the table below "
        "and on hover). z = difference from the Netherlands divided by the spread across "
        "municipalities, signed so that positive is favourable; capped at ±3. Municipalities "
        "formed after 2015 have no data for the 2015 figures.",
    },
    "vg_table_heading": {
        "nl": "De cijfers, met jaar en eenheid, en de doelscore",
        "en": "The figures, with year and unit, and the goal score",
    },
    "vg_table_caption": {
        "nl": "{marks} Doelscore: Nederland = 5,0; plaats onder alle gemeenten (1 = best); "
        "voor de regio, Drenthe en Nederland de plaats die ze tussen de gemeenten zouden "
        "innemen.",
        "en": "{marks} Goal score: the Netherlands = 5.0; rank among all municipalities "
        "(1 = best); for the region, Drenthe and the Netherlands the rank they would take among "
        "the municipalities.",
    },
    "vg_col_unit": {"nl": "Eenheid", "en": "Unit"},
    "vg_score_row": {"nl": "Score doel {goal} (actueel)", "en": "Goal {goal} score (current)"},
    "vg_score_unit": {"nl": "0–10, NL = 5,0", "en": "0–10, NL = 5.0"},
    "vg_rank_row": {
        "nl": "Plaats onder de gemeenten met een score",
        "en": "Rank among municipalities with a score",
    },
    "vg_rank_unit": {"nl": "1 = best", "en": "1 = best"},
    "vg_rank_of": {"nl": "{rank} van {n}", "en": "{rank} of {n}"},
    "vg_years_row": {"nl": "Stand per (jaren)", "en": "As of (years)"},
}
