"""Texts of the page 'methode'."""

TEXT: dict[str, dict[str, str]] = {
    "m_title": {"nl": "Methode & bronnen", "en": "Method & sources"},
    "m_intro": {
        "nl": "Hoe de score per NPVR-doel tot stand komt, hoe gevoelig die is voor de "
        "rekenmethode, waar elk cijfer vandaan komt en welke keuzes we bij de gegevens maakten.",
        "en": "How the score per NPVR goal is made, how sensitive it is to the method, where "
        "every figure comes from and which choices we made about the data.",
    },
    "m_score_heading": {"nl": "De score per doel", "en": "The score per goal"},
    "m_score_steps": {
        "nl": "1. **Vergelijken met Nederland.** Per indicator kijken we hoe ver een gemeente "
        "afwijkt van Nederland in hetzelfde jaar.\n"
        "2. **Gelijke maat.** Die afwijking delen we door de spreiding van de indicator over "
        "alle gemeenten, zodat km, euro's en procenten optelbaar worden. Bij indicatoren waar "
        "lager beter is (afstand, uitkeringen, criminaliteit) draaien we het teken om: een "
        "positieve z is altijd gunstig.\n"
        "3. **Afkappen.** Een z groter dan {cap} of kleiner dan −{cap} telt als ±{cap}, zodat "
        "één uitschieter de score niet bepaalt.\n"
        "4. **Middelen.** Eerst het gemiddelde per subthema (bijv. zorg, onderwijs, vervoer), dan "
        "het gemiddelde van de subthema's: een doel met veel afstandsindicatoren wordt zo niet "
        "door één thema gedomineerd.\n"
        "5. **Schaal 0–10.** Het gemiddelde z̄ wordt 5 + 5/3 · z̄, begrensd op 0 en 10. "
        "Nederland krijgt zo per definitie een 5,0; een 10 betekent gemiddeld drie "
        "spreidingen beter dan Nederland.",
        "en": "1. **Compare with the Netherlands.** Per indicator we see how far a municipality "
        "is from the Netherlands in the same year.\n"
        "2. **A common yardstick.** That gap is divided by the indicator's spread across all "
        "municipalities, so km, euros and percentages can be added up. Where lower is better "
        "(distance, benefits, crime) the sign is flipped: a positive z is always favourable.\n"
        "3. **Cap.** A z above {cap} or below −{cap} counts as ±{cap}, so one outlier does not "
        "decide the score.\n"
        "4. **Average.** First the mean per sub-theme (e.g. care, education, transport), then the "
        "mean of the sub-themes: a goal with many distance indicators is not dominated by one "
        "theme.\n"
        "5. **Scale 0–10.** The mean z̄ becomes 5 + 5/3 · z̄, bounded by 0 and 10. The "
        "Netherlands thus scores 5.0 by construction; a 10 means on average three spreads "
        "better than the Netherlands.",
    },
    "m_formula_caption": {
        "nl": "x = waarde van gemeente m in jaar t; d = +1 als hoger beter is, −1 als lager beter "
        "is; s = spreiding van indicator i over alle gemeenten; z̄ = gemiddelde van de "
        "subthema-gemiddelden van z binnen het doel.",
        "en": "x = value of municipality m in year t; d = +1 if higher is better, −1 if lower is "
        "better; s = spread of indicator i across all municipalities; z̄ = mean of the "
        "sub-theme means of z within the goal.",
    },
    "m_rules_heading": {"nl": "Spelregels", "en": "Rules"},
    "m_rules": {
        "nl": "- **Twee derde.** Een doelscore wordt alleen gegeven als minstens twee derde van de "
        "indicatoren van dat doel een waarde heeft; anders staat er 'onvoldoende gegevens'.\n"
        "- **Actueel of per jaar.** *Actueel* (standaard) neemt elke indicator op zijn nieuwste "
        "beschikbare jaar; bij de score staat 'stand per' met de jaren waarop hij rust. *Per "
        "jaar* rekent alleen met de cijfers van dat ene jaar, voor trends. Een waarde wordt "
        "nooit doorgeschoven naar een jaar dat hij niet beschrijft. {per_year}\n"
        "- **Nederland = 5,0** per constructie: de afwijking van Nederland tot zichzelf is nul.\n"
        "- **Vaste spreiding.** De spreiding s is per indicator één getal: de standaardafwijking "
        "over alle gemeenten, gepoold over alle jaren (afwijkingen van het gemiddelde binnen elk "
        "jaar). Verandert een score, dan is de regio veranderd, niet de spreiding.\n"
        "- **Plaats en kwart.** Eén regel overal: een doelscore staat op een plaats onder de "
        "huidige gemeenten mét een score voor dat doel, een indicator onder de huidige "
        "gemeenten met een cijfer in dat jaar (de gemeenten op de kaart). Plaats 1 = de beste. "
        "Het percentiel "
        "zegt welk deel van de gemeenten lager scoort. Zoals CBS: percentiel 75 of hoger = "
        "bovenste kwart (▲), 25 of lager = onderste kwart (▼), daartussen = midden (●). Voor ZOD, "
        "Drenthe en Nederland is het de plek waar zij tussen de gemeenten zouden staan. Let op: "
        "de score vergelijkt met Nederland, het kwart met de gemeenten; daarom kan Nederland "
        "(5,0) zelf in het onderste kwart vallen, en een indicator die beter is dan Nederland "
        "ook.\n"
        "- **Onderste kwart.** Naast de score tellen we hoeveel indicatoren van het doel in het "
        "onderste kwart van de gemeenten vallen: een goede score kan zwakke punten verbergen.\n"
        "- **Trend.** Per indicator een rechte lijn door een reeks van minstens 3 jaren die "
        "hooguit {trend_years} jaar beslaat (2012, 2016 en 2020 is één reeks); alleen als de "
        "helling statistisch duidelijk is (t-toets, 5 %) heet de trend 'beter' of 'slechter', "
        "anders 'geen duidelijke trend'.\n"
        "- **Trend t.o.v. Nederland (de kaarten op Overzicht).** Per indicator dezelfde lijn, "
        "maar door de afstand tot Nederland (z): een indicator *verbetert t.o.v. Nederland* als "
        "die afstand over de reeks met minstens {relative} spreiding in de goede richting "
        "verandert (een achterstand die kleiner wordt, of een voorsprong die groeit), en "
        "*verslechtert* bij hetzelfde in de andere richting. De kaart telt ze: 'x van n "
        "indicatoren met een reeks verbeteren t.o.v. Nederland, y verslechteren'. Bij drie "
        "meetjaren zegt een t-toets bijna nooit iets; daarom beslist hier de grootte van de "
        "verandering.\n"
        "- **Oud cijfer.** Een cijfer dat meer dan {dated} jaar ouder is dan de snapshot heet "
        "'verouderd'; de kaart noemt het oudste jaar waarop de score rust.\n"
        "- **Regiocijfers.** ZOD, en Drenthe en Nederland waar CBS geen cijfer heeft, rekenen we "
        "uit opgetelde aantallen (tellers en noemers) of gewogen met inwoners, woningen of "
        "huishoudens; nooit als gemiddelde van de vier gemeentescores.",
        "en": "- **Two thirds.** A goal score is given only when at least two thirds of the "
        "goal's indicators have a value; otherwise it says 'insufficient data'.\n"
        "- **Current or per year.** *Current* (the default) takes every indicator at its latest "
        "available year; the score says 'as of' with the years it rests on. *Per year* uses only "
        "that year's figures, for trends. A value is never carried forward into a year it does "
        "not describe. {per_year}\n"
        "- **Netherlands = 5.0** by construction: its gap to itself is zero.\n"
        "- **Fixed spread.** The spread s is one number per indicator: the standard deviation "
        "across all municipalities, pooled over all years (deviations from each year's mean). "
        "If a score changes, the region changed, not the spread.\n"
        "- **Rank and quarter.** One rule everywhere: a goal score is ranked among the current "
        "municipalities that have a score for that goal, an indicator among the current "
        "municipalities with a figure in that year (those on the map). Rank 1 = best. The "
        "percentile "
        "says which share of municipalities scores lower. As CBS does: percentile 75 or higher = "
        "top quarter (▲), 25 or lower = bottom quarter (▼), in between = middle (●). For ZOD, "
        "Drenthe and the Netherlands it is where they would stand among the municipalities. "
        "Note: the score compares with the Netherlands, the quarter with the municipalities; "
        "so the Netherlands (5.0) itself can fall in the bottom quarter, and so can an "
        "indicator that is better than the Netherlands.\n"
        "- **Bottom quarter.** Beside the score we count how many of the goal's indicators fall "
        "in the bottom quarter of municipalities: a good score can hide weak spots.\n"
        "- **Trend.** Per indicator a straight line through a series of at least 3 years "
        "spanning at most {trend_years} years (2012, 2016 and 2020 is one series); only when "
        "the slope is statistically clear (t-test, 5 %) is the trend called 'improving' or "
        "'worsening', else 'no clear trend'.\n"
        "- **Trend relative to the Netherlands (the Overview cards).** The same line, but "
        "through the distance to the Netherlands (z): an indicator *improves relative to the "
        "Netherlands* when that distance changes by at least {relative} spread in the good "
        "direction over the series (a gap that narrows, or a lead that grows), and *worsens* "
        "the other way. The card counts them. With three measured years a t-test almost never "
        "says anything, so the size of the change decides here.\n"
        "- **Old figures.** A figure more than {dated} years older than the snapshot is called "
        "'dated'; the card names the oldest year its score rests on.\n"
        "- **Regional figures.** ZOD, and Drenthe and the Netherlands where CBS has no figure, "
        "are computed from summed counts (numerators and denominators) or weighted by "
        "population, dwellings or households; never as the mean of the four municipalities' "
        "scores.",
    },
    "m_per_year_years": {
        "nl": "In deze snapshot heeft alleen {years} genoeg indicatoren voor een per-jaarscore.",
        "en": "In this snapshot only {years} has enough indicators for a per-year score.",
    },
    "m_per_year_none": {
        "nl": "In deze snapshot heeft geen enkel jaar genoeg indicatoren voor een per-jaarscore.",
        "en": "In this snapshot no year has enough indicators for a per-year score.",
    },
    "m_peers_heading": {"nl": "Vergelijkbare gemeenten", "en": "Similar municipalities"},
    "m_peers": {
        "nl": "De {k} huidige gemeenten die qua omvang, stedelijkheid en dichtheid het meest op "
        "een gemeente lijken: afstand over de gestandaardiseerde logaritme van het aantal "
        "inwoners, de CBS-stedelijkheidsklasse en de logaritme van de bevolkingsdichtheid "
        "(bij gelijke afstand telt de code). Voor ZOD: de samengevoegde groepen van de vier "
        "gemeenten, zonder de vier zelf.",
        "en": "The {k} current municipalities most like a municipality in size, urbanity and "
        "density: distance over the standardised logarithm of population, the CBS urbanity "
        "class and the logarithm of population density (ties broken by code). For ZOD: the "
        "combined groups of the four municipalities, without the four themselves.",
    },
    "m_peers_of": {
        "nl": "Vergelijkbare gemeenten van {region} ({n}): {names}.",
        "en": "Similar municipalities of {region} ({n}): {names}.",
    },
    "m_caveats_heading": {"nl": "Kanttekeningen", "en": "Caveats"},
    "m_caveats": {
        "nl": "- **Modelschattingen.** De gezondheidscijfers (Gezondheidsmonitor) zijn schattingen "
        "uit een enquête, en hier alleen voor Drenthe en Nederland beschikbaar.\n"
        "- **Kleine aantallen.** In kleine gemeenten schommelen percentages en gemiddelden "
        "(misdrijven, verkochte woningen) van jaar tot jaar; CBS rondt sommige aantallen af of "
        "houdt ze geheim.\n"
        "- **Landelijkheid.** Afstanden tot voorzieningen zijn in landelijke gemeenten "
        "structureel groter. Dat is echt, maar vergelijk daarom ook met vergelijkbare gemeenten, "
        "niet alleen met Nederland.\n"
        "- **Omstreden richting.** Bij sommige indicatoren is hoger niet vanzelf beter of "
        "slechter (WOZ-waarde, huizenprijs, eigen woningbezit, sociale huur, autobezit). Die "
        "tonen we als context, maar ze tellen niet mee in de score. Dat geldt ook voor aantallen "
        "(tellers van percentages), klassen, en cijfers die er alleen voor Drenthe en Nederland "
        "of alleen voor wijken zijn.\n"
        "- **Een score is een samenvatting.** Kijk voor beleid altijd naar de onderliggende "
        "indicatoren en hun jaren.",
        "en": "- **Model estimates.** The health figures (Gezondheidsmonitor) are estimates from "
        "a survey, and here only available for Drenthe and the Netherlands.\n"
        "- **Small numbers.** In small municipalities percentages and averages (crimes, houses "
        "sold) fluctuate from year to year; CBS rounds or suppresses some counts.\n"
        "- **Rurality.** Distances to facilities are structurally larger in rural "
        "municipalities. That is real, but compare with similar municipalities too, not only "
        "with the Netherlands.\n"
        "- **Disputed direction.** For some indicators higher is not simply better or worse "
        "(WOZ value, house price, home ownership, social housing, car ownership). They are shown "
        "as context but not scored. The same holds for counts (numerators of percentages), "
        "classes, and figures that exist only for Drenthe and the Netherlands or only for "
        "districts.\n"
        "- **A score is a summary.** For policy, always look at the underlying indicators and "
        "their years.",
    },
    "m_context_heading": {
        "nl": "Contextindicatoren (getoond, niet in de score)",
        "en": "Context indicators (shown, not scored)",
    },
    "m_context_caption": {
        "nl": "{n} van de {total} indicatoren zijn context. De toelichting komt uit de catalogus.",
        "en": "{n} of the {total} indicators are context. The note comes from the catalog (Dutch).",
    },
    "m_col_indicator": {"nl": "Indicator", "en": "Indicator"},
    "m_col_goal": {"nl": "Doel", "en": "Goal"},
    "m_col_level": {"nl": "Niveau", "en": "Level"},
    "m_col_unit": {"nl": "Eenheid", "en": "Unit"},
    "m_col_note": {"nl": "Toelichting", "en": "Note"},
    "m_sens_heading": {"nl": "Hoe gevoelig is de score?", "en": "How sensitive is the score?"},
    "m_sens_intro": {
        "nl": "We rekenen de scores ook op twee andere manieren uit: met **percentielrangen** "
        "(de plek van de gemeente tussen alle gemeenten, per indicator) en met **min-max** "
        "(0 = slechtste gemeente, 10 = beste, over alle jaren). Daarnaast laten we elke "
        "indicator één keer weg. De Spearman-ρ zegt hoe gelijk de rangorde van alle gemeenten "
        "blijft (1 = precies gelijk).",
        "en": "We also compute the scores in two other ways: with **percentile ranks** (the "
        "municipality's place among all municipalities, per indicator) and with **min-max** "
        "(0 = worst municipality, 10 = best, over all years). We also leave out each indicator "
        "once. Spearman's ρ says how much the ranking of all municipalities stays the same "
        "(1 = exactly the same).",
    },
    "m_sens_sentence": {
        "nl": "Bij doel {goal} ({name}) blijft de rangorde {stability} (Spearman ρ {rho_pct} bij "
        "percentielrangen, {rho_minmax} bij min-max); {quartiles} Eén indicator weglaten "
        "verschuift de score hooguit {loo} punt ({loo_region}).",
        "en": "For goal {goal} ({name}) the ranking stays {stability} (Spearman ρ {rho_pct} with "
        "percentile ranks, {rho_minmax} with min-max); {quartiles} Leaving out one indicator "
        "moves the score by at most {loo} points ({loo_region}).",
    },
    "m_stable_high": {"nl": "vrijwel gelijk", "en": "almost the same"},
    "m_stable_mid": {"nl": "grotendeels gelijk", "en": "largely the same"},
    "m_stable_low": {"nl": "niet gelijk", "en": "not the same"},
    "m_quartile_none": {
        "nl": "bij geen van de vier gemeenten, ZOD en Drenthe verandert het kwart.",
        "en": "for none of the four municipalities, ZOD and Drenthe does the quarter change.",
    },
    "m_quartile_one": {
        "nl": "het kwart van {region} verandert bij {methods}.",
        "en": "the quarter of {region} changes with {methods}.",
    },
    "m_quartile_many": {
        "nl": "het kwart verandert voor {items}.",
        "en": "the quarter changes for {items}.",
    },
    "m_quartile_item": {"nl": "{region} (bij {methods})", "en": "{region} (with {methods})"},
    "m_method_pct": {"nl": "percentielrangen", "en": "percentile ranks"},
    "m_method_minmax": {"nl": "min-max", "en": "min-max"},
    "m_goal_count": {"nl": "doel {goal}: {n}", "en": "goal {goal}: {n}"},
    "m_sens_table_caption": {
        "nl": "Per rekenmethode: plaats onder de gemeenten met een score ({n}; 1 = beste) en het "
        "kwart (▲ bovenste kwart, ● midden, ▼ onderste kwart). 'Zonder één indicator' = laagste "
        "en hoogste score als telkens één indicator wordt weggelaten. Actuele scores.",
        "en": "Per method: rank among the municipalities with a score ({n}; 1 = best) and the "
        "quarter (▲ top quarter, ● middle, ▼ bottom quarter). 'Without one indicator' = lowest "
        "and highest score when one indicator at a time is left out. Current scores.",
    },
    "m_col_region": {"nl": "Regio", "en": "Region"},
    "m_col_score": {"nl": "Score", "en": "Score"},
    "m_col_method_z": {"nl": "z-score (gebruikt)", "en": "z score (used)"},
    "m_col_method_pct": {"nl": "Percentielrang", "en": "Percentile rank"},
    "m_col_method_minmax": {"nl": "Min-max", "en": "Min-max"},
    "m_col_loo": {"nl": "Zonder één indicator", "en": "Without one indicator"},
    "m_sources_heading": {"nl": "Bronnen", "en": "Sources"},
    "m_sources_table": {
        "nl": "Alle {n} brontabellen: titel, perioden, link en bewerking",
        "en": "All {n} source tables: title, periods, link and processing",
    },
    "m_snapshot_line": {
        "nl": "Snapshot gebouwd op {built}; bouwwijze: {mode}. Licentie: {licence}. De app "
        "leest alleen deze snapshot en heeft geen internet nodig.",
        "en": "Snapshot built on {built}; build mode: {mode}. Licence: {licence}. The app reads "
        "only this snapshot and needs no internet.",
    },
    "m_sources_caption": {
        "nl": "Jaren = eerste en laatste jaar van de waarden uit die bron in deze snapshot "
        "(bij KWB-edities staat de WOZ-waarde op het jaar ervoor). Rijen = rijen gelezen uit "
        "het bronbestand.",
        "en": "Years = first and last year of the values from that source in this snapshot "
        "(in KWB editions the WOZ value sits on the year before). Rows = rows read from the "
        "source file.",
    },
    "m_derived_line": {
        "nl": "Daarnaast {n} afgeleide regiocijfers (bron 'derived'): waarden voor ZOD, en "
        "voor Drenthe en Nederland waar CBS geen cijfer heeft, jaren {years}.",
        "en": "Plus {n} derived regional figures (source 'derived'): values for ZOD, and for "
        "Drenthe and the Netherlands where CBS has no figure, years {years}.",
    },
    "m_geo_heading": {"nl": "Grenzen voor de kaarten", "en": "Boundaries for the maps"},
    "m_col_table": {"nl": "Tabel", "en": "Table"},
    "m_col_title": {"nl": "Titel", "en": "Title"},
    "m_col_years": {"nl": "Jaren", "en": "Years"},
    "m_col_rows": {"nl": "Rijen", "en": "Rows"},
    "m_col_licence": {"nl": "Licentie", "en": "Licence"},
    "m_col_source_note": {"nl": "Opmerking", "en": "Note"},
    "m_col_url": {"nl": "Link", "en": "Link"},
    "m_col_file": {"nl": "Bestand", "en": "File"},
    "m_no_data": {"nl": "geen gegevens", "en": "no data"},
    "m_quality_heading": {"nl": "Keuzes bij de gegevens", "en": "Data decisions"},
    "m_quality": {
        "nl": "- **WOZ-waarde 2015 uit 70072NED weggelaten**: de peildatum van die waarde is niet "
        "eenduidig. De WOZ-reeks komt alleen uit de Kerncijfers wijken en buurten (KWB).\n"
        "- **80305NED (Nabijheid voorzieningen) niet gebruikt**: de beschikbare bestanden hebben "
        "alleen provincies en geen cijfer voor Nederland. Afstanden komen uit 70072NED (2015).\n"
        "- **KWB-WOZ: jaar = waardepeildatum.** KWB-editie X geeft de WOZ-waarde op 1 januari "
        "X−1; die waardepeildatum staat hier als jaar.\n"
        "- **Geheimgehouden CBS-waarden blijven leeg.** Niets wordt bijgeschat; Nederland wordt "
        "alleen afgeleid als de gemeenten met een waarde samen minstens 97 % van het gewicht "
        "hebben.\n"
        "- **Regiocijfers uit opgetelde aantallen**: percentages en 'per 1.000' voor ZOD, Drenthe "
        "en Nederland zijn opgetelde tellers gedeeld door opgetelde noemers, niet het gemiddelde "
        "van percentages.\n"
        "- **Breuk in de inkomensreeks 2015 → 2024.** 2015 komt uit 70072NED, 2024 uit de "
        "herziene tabel Inkomen van huishoudens (voorlopig). Vergelijk niveaus niet over die "
        "breuk, wel de positie ten opzichte van Nederland in hetzelfde jaar.\n"
        "- **Bevolkingsprognose met de hand overgenomen** uit 84527NED op cbs.nl (status "
        "'transcribed'); een prognose, geen meting.\n"
        "- **Gezondheid per GGD-regio.** GGD Drenthe valt samen met de provincie Drenthe en "
        "staat daarom als Drenthe (PV22); levensverwachting 2019–2022 staat op 2022.\n"
        "- **KWB-extract:** de WOZ-waarde is teruggedeeld door 1.000 naar de CBS-eenheid "
        "(x 1 000 euro); fietsdiefstallen rondt CBS af op vijftallen.",
        "en": "- **WOZ value 2015 from 70072NED left out**: the reference date of that value is "
        "ambiguous. The WOZ series comes only from the Key figures districts and neighbourhoods "
        "(KWB).\n"
        "- **80305NED (Proximity of facilities) not used**: the available files have provinces "
        "only and no figure for the Netherlands. Distances come from 70072NED (2015).\n"
        "- **KWB WOZ: year = valuation date.** KWB edition X gives the WOZ value on 1 January "
        "X−1; that valuation date is used as the year.\n"
        "- **Suppressed CBS values stay missing.** Nothing is imputed; the Netherlands is only "
        "derived when the municipalities with a value hold at least 97 % of the weight.\n"
        "- **Regional rates from summed counts**: percentages and 'per 1,000' for ZOD, Drenthe "
        "and the Netherlands are summed numerators over summed denominators, not means of "
        "percentages.\n"
        "- **Break in the income series 2015 → 2024.** 2015 comes from 70072NED, 2024 from the "
        "revised table Income of households (provisional). Do not compare levels across that "
        "break; do compare the position relative to the Netherlands in the same year.\n"
        "- **Population outlook transcribed by hand** from 84527NED on cbs.nl (status "
        "'transcribed'); an outlook, not a measurement.\n"
        "- **Health per GGD region.** GGD Drenthe coincides with the province of Drenthe and is "
        "therefore stored as Drenthe (PV22); life expectancy 2019–2022 is stored as 2022.\n"
        "- **KWB extract:** the WOZ value was divided back by 1,000 to the CBS unit (x 1 000 "
        "euro); CBS rounds bicycle thefts to fives.",
    },
}
