"""Texts of the page Overzicht."""

TEXT: dict[str, dict[str, str]] = {
    "overview_intro": {
        "nl": "Hoe doet {region} het op de drie doelen van het Nationaal Programma Vitale "
        "Regio's, vergeleken met Nederland (= 5,0)? Een score boven 5 is beter dan Nederland.",
        "en": "How does {region} do on the three goals of the national programme for vital "
        "regions, compared with the Netherlands (= 5.0)? Above 5 is better than the Netherlands.",
    },
    "population_heading": {
        "nl": "Inwoners op 1 januari {year}",
        "en": "Population on 1 January {year}",
    },
    "population_caption": {"nl": "Bron: CBS, tabel {table}.", "en": "Source: CBS, table {table}."},
    "sentence_goal": {
        "nl": "{region} scoort {score} op '{goal}', {relation}: plaats {rank} van {n} gemeenten "
        "met een score ({quartile}); {bottom} van de {total} indicatoren vallen in het onderste "
        "kwart. Stand per {years}.",
        "en": "{region} scores {score} on '{goal}', {relation}: rank {rank} of {n} municipalities "
        "with a score ({quartile}); {bottom} of {total} indicators are in the bottom quarter. "
        "As of {years}.",
    },
    "sentence_insufficient": {
        "nl": "Voor {region} zijn te weinig indicatoren van '{goal}' beschikbaar voor een score.",
        "en": "Too few indicators of '{goal}' are available for {region} to give a score.",
    },
    "above_nl": {"nl": "beter dan Nederland", "en": "better than the Netherlands"},
    "below_nl": {"nl": "slechter dan Nederland", "en": "worse than the Netherlands"},
    "at_nl": {"nl": "gelijk aan Nederland", "en": "level with the Netherlands"},
    "card_caption": {
        "nl": "{rank} · {quartile} · {bottom} · trend: {trend} · stand per {years}, {oldest}",
        "en": "{rank} · {quartile} · {bottom} · trend: {trend} · as of {years}, {oldest}",
    },
    "comparison_heading": {
        "nl": "De vier gemeenten, de regio, Drenthe en Nederland",
        "en": "The four municipalities, the region, Drenthe and the Netherlands",
    },
    "comparison_title": {
        "nl": "{best} scoort het hoogst op '{goal}', {worst} het laagst",
        "en": "{best} scores highest on '{goal}', {worst} lowest",
    },
    "comparison_unit": {"nl": "score 0-10, Nederland = 5", "en": "score 0-10, Netherlands = 5"},
    "comparison_reference": {
        "nl": "Stippellijn bij score 5: Nederland",
        "en": "Dashed line at score 5: the Netherlands",
    },
    "comparison_alt": {
        "nl": "Staafdiagrammen per doel met de scores van Emmen, Coevorden, Hoogeveen, "
        "Borger-Odoorn, Zuid- en Oost-Drenthe, Drenthe en Nederland; een lijn markeert 5.",
        "en": "Bar charts per goal with the scores of the four municipalities, the region, "
        "Drenthe and the Netherlands; a line marks 5.",
    },
    "outlook_heading": {"nl": "Vooruitblik 2050", "en": "Outlook 2050"},
    "outlook_title": {
        "nl": "{region} {verb} sinds {first_year} met {change} % tot {last} duizend inwoners "
        "({last_year}); de prognose gaat van {base} duizend ({base_year}) naar {future} "
        "duizend ({future_year}), {future_change} %",
        "en": "{region} {verb} by {change}% since {first_year} to {last} thousand ({last_year}); "
        "the outlook goes from {base} thousand ({base_year}) to {future} thousand "
        "({future_year}), {future_change}%",
    },
    "outlook_gap_above": {
        "nl": "; de meting lag in {year} al {gap} duizend boven de prognose",
        "en": "; the measured population was already {gap} thousand above it in {year}",
    },
    "outlook_gap_below": {
        "nl": "; de meting lag in {year} {gap} duizend onder de prognose",
        "en": "; the measured population was {gap} thousand below it in {year}",
    },
    "outlook_title_plain": {
        "nl": "Bevolking sinds 2015 en de prognose tot 2050",
        "en": "Population since 2015 and the outlook to 2050",
    },
    "grew": {"nl": "groeide", "en": "grew"},
    "shrank": {"nl": "kromp", "en": "shrank"},
    "measured": {"nl": "gemeten", "en": "measured"},
    "outlook": {"nl": "prognose", "en": "outlook"},
    "outlook_unit_short": {"nl": "inwoners x 1.000", "en": "inhabitants x 1,000"},
    "outlook_unit": {
        "nl": "inwoners x 1.000; gemeten (doorgetrokken) en PBL/CBS-prognose (stippel)",
        "en": "inhabitants x 1,000; measured (solid) and PBL/CBS outlook (dotted)",
    },
    "outlook_alt": {
        "nl": "Lijnen van de bevolking van Drenthe en de COROP-gebieden van de vier gemeenten "
        "sinds 2015, met stippellijnen naar de prognosepunten voor 2050.",
        "en": "Lines of the population of Drenthe and the COROP regions since 2015, with dotted "
        "lines to the outlook points for 2050.",
    },
    "outlook_note": {
        "nl": "Prognosepunten: PBL/CBS Regionale prognose 2020-2050 (84527NED), met de hand "
        "overgenomen van de CBS-tabelpagina. Gemeten COROP-bevolking = som van de gemeenten.",
        "en": "Outlook points: PBL/CBS regional outlook 2020-2050 (84527NED), transcribed by "
        "hand from the CBS table page. Measured COROP population = sum of its municipalities.",
    },
}
