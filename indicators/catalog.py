"""The one declarative catalog of indicators: what each figure is, where it comes from, and how
it is read (direction, goal, unit, aggregation).

Every other module asks this catalog; no page or chart carries indicator facts of its own. The
snapshot build fails if it produces an indicator that is not declared here, and the tests fail if
a declared indicator has no data or an empty field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Literal

from indicators.recipes import (
    ADULTS_18,
    OUTLOOK,
    OUTLOOK_HIGH,
    OUTLOOK_LOW,
    POPULATION_TOTALS,
    TOTAL_PERSONS,
    YOUNG_ADULTS,
    AnyRecipe,
    Recipe,
    crime_type,
    key,
    minus,
    per_indicator,
    plus,
    ratio,
    theft_type,
)

if TYPE_CHECKING:
    import pandas as pd

Direction = Literal["higher_better", "lower_better", "context"]
Level = Literal["gemeente", "regio", "wijk"]

GOALS: dict[int, dict[str, str]] = {
    0: {"nl": "Achtergrond", "en": "Background"},
    1: {"nl": "Veilige en leefbare regio's", "en": "Safe and liveable regions"},
    2: {
        "nl": "Duurzaam en bereikbaar voorzieningenniveau",
        "en": "Sustainable and accessible facilities",
    },
    3: {"nl": "Gezonde en kansrijke toekomst", "en": "Healthy and promising future"},
}

CBS_LICENCE = "CC BY 4.0"
# The sub-themes within the goals (Dutch as in the records) in English.
SUBTHEMES_EN: dict[str, str] = {
    "bedrijvigheid": "business activity",
    "bevolking": "population",
    "cultuur en sport": "culture and sport",
    "duurzaamheid": "sustainability",
    "economie": "economy",
    "gezondheid": "health",
    "horeca": "hospitality",
    "inkomen": "income",
    "leefomgeving": "living environment",
    "leefstijl": "lifestyle",
    "onderwijs": "education",
    "sociaal": "social ties",
    "veiligheid": "safety",
    "vergrijzing": "ageing",
    "vervoer": "transport",
    "werk": "work",
    "winkels": "shops",
    "wonen": "housing",
    "zorg": "care",
}


def table_url(table: str) -> str:
    """StatLine page of a CBS table id; other sources get their publisher's page."""
    if table[:5].isdigit() and table[-3:].lower() == "ned":
        return f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table}"
    if table == "KWB":
        return "https://www.cbs.nl/nl-nl/reeksen/kerncijfers-wijken-en-buurten-2004-2025"
    if table.startswith("Gezondheidsmonitor"):
        return "https://www.gezondheidsmonitor.nl"
    if table.startswith("RIVM"):
        return "https://www.vzinfo.nl/levensverwachting/regionaal"
    return "https://opendata.cbs.nl/statline/"


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """One indicator, every field named (as OWID's metadata names each one).

    ``aggregate_weight`` names the indicator whose values weight a derived regional figure
    (population, dwellings, households); ``"sum"`` adds counts up; ``None`` means no regional
    figure may be derived (a class code, a region-only statistic). ``aggregate_ratio``
    (numerator, denominator, factor) recomputes a regional rate from summed counts instead.

    Every text a reader sees has an English twin (``name_en``, ``definition_en``, ``unit_en``,
    ``caveats_en``); the ``*_en`` fields default to "" only so that a record written without
    one is noticed: the catalog tests fail on an empty one.
    """

    id: str
    name_nl: str
    name_en: str
    definition: str
    definition_en: str = ""
    # One unit per record, Dutch (also what snapshot.value_range reads) and English.
    unit: str
    unit_en: str = ""
    decimals: int
    direction: Direction
    goal: int
    subtheme: str
    tables: tuple[str, ...]
    source_keys: str
    level: Level = "gemeente"
    aggregate_weight: str | None = "population"
    caveats: str = "Geen bijzonderheden."
    caveats_en: str = ""
    publisher: str = "CBS"
    aggregate_ratio: tuple[str, str, float] | None = None
    # How the figures are made, one recipe per source (indicators/recipes.py): read by both the
    # offline build and the live refresh.
    recipe: tuple[AnyRecipe, ...] = ()
    # True for an indicator that only the live refresh can fill (no offline file has it).
    live_only: bool = False

    @property
    def scored(self) -> bool:
        return self.direction != "context"

    def subtheme_text(self, lang: str = "nl") -> str:
        """The sub-theme in the reader's language."""
        return SUBTHEMES_EN.get(self.subtheme, self.subtheme) if lang == "en" else self.subtheme

    def name(self, lang: str = "nl") -> str:
        """The indicator's name in the reader's language."""
        return self.name_en if lang == "en" and self.name_en else self.name_nl

    def definition_text(self, lang: str = "nl") -> str:
        """The definition in the reader's language (Dutch where no English is given)."""
        return self.definition_en if lang == "en" and self.definition_en else self.definition

    def caveats_text(self, lang: str = "nl") -> str:
        """The caveats in the reader's language (Dutch where no English is given)."""
        return self.caveats_en if lang == "en" and self.caveats_en else self.caveats

    def unit_text(self, lang: str = "nl") -> str:
        """The unit in the reader's language (Dutch where no English is given)."""
        return self.unit_en if lang == "en" and self.unit_en else self.unit

    @property
    def is_count(self) -> bool:
        """A count (inhabitants, dwellings, crimes): regional figures are sums, so Drenthe and
        Nederland are no yardstick for a municipality; it is compared by its place instead."""
        return self.aggregate_weight == "sum"

    @property
    def urls(self) -> tuple[str, ...]:
        """Where a reader finds each source table."""
        return tuple(table_url(t) for t in self.tables)


_DIST = "Gemiddelde afstand over de weg van alle inwoners tot"
_DIST_2015 = (
    "Alleen peiljaar 2015 in de offline bestanden (70072NED); het bestand van 2018 bevat deze "
    "voorziening niet. De live verversing haalt de hele reeks. Afstanden zijn in landelijke "
    "gemeenten structureel groter: vergelijk ook met vergelijkbare gemeenten."
)
_DIST_2015_2018 = (
    "2015 uit 70072NED, 2018 uit de wijk- en buurtkaart 2018 (nabijheid 2018, zelfde CBS-"
    "definitie: de provinciecijfers van 80305NED zijn in 2015 gelijk aan die van 70072NED, en de "
    "met inwoners gewogen Drentse waarde uit het bestand van 2018 is die van 80305NED 2018, niet "
    "2017). Drenthe en Nederland 2018 afgeleid, gewogen met de bevolking op 1 januari 2018. "
    "Afstanden zijn in landelijke gemeenten structureel groter."
)
_DIST_2018 = (
    "Alleen 2018, uit de wijk- en buurtkaart 2018 (nabijheid 2018 = 80305NED 2018, zie de "
    "afstand tot een supermarkt). Drenthe en Nederland afgeleid, gewogen met de bevolking op "
    "1 januari 2018. De live verversing haalt de reeks uit 70072NED."
)
_PER_INW_2015 = (
    "Berekend uit CBS-aantallen (70072NED) gedeeld door de bevolking op 1 januari van "
    "hetzelfde jaar; status 'derived'."
)
_INCOME_BREAK = (
    "2015 uit 70072NED, 2024 uit de tabel Inkomen van huishoudens (voorlopig, 2024*). CBS heeft "
    "de inkomensstatistiek tussendoor herzien: vergelijk niveaus niet over die breuk heen, wel "
    "de positie ten opzichte van Nederland in hetzelfde jaar."
)
_CRIME_TYPE = (
    "83648NED 2013-2017 (StatLine-export met gemeentenamen; 2015 ook uit de OData-download, "
    "gelijk). Het jaar is het jaar van registratie. Drenthe, Nederland en ZOD berekend uit de "
    "opgetelde aantallen en de bevolking op 1 januari van dat jaar (status 'derived'); Nederland "
    "zonder de misdrijven die CBS aan geen gemeente toedeelt. Waar CBS het cijfer per 1.000 "
    "inwoners van een gemeente niet publiceert, blijft het leeg."
)
_HEALTH = (
    "RIVM/CBS 50090NED, 18 jaar en ouder, 2012, 2016 en 2020 (indeling 2020): kleinereeks-"
    "schattingen uit de Gezondheidsmonitor, zoals RIVM ze per gemeente publiceert. Nederland "
    "uit de tabel; Drenthe en ZOD afgeleid, gewogen met het aantal inwoners (alle leeftijden) op "
    "1 januari van hetzelfde jaar. Niet samengevoegd met de Gezondheidsmonitor 2022 van NL en "
    "GGD Drenthe: andere publicatie, geen overlappend jaar om te vergelijken."
)
_HEALTH_2 = _HEALTH.replace("2012, 2016 en 2020", "2016 en 2020 (2012 niet gevraagd)")
_LABOUR = (
    "CBS 85494NED (Arbeidsdeelname; regionale indeling 2022), 2019 en 2022, alle personen van "
    "15 tot 75 jaar; een enquêteschatting (EBB), niet de registercijfers uit de KWB. Drenthe, "
    "Nederland en ZOD afgeleid: gemiddelde van de gemeenten gewogen met {weight} uit dezelfde "
    "tabel (in duizendtallen), zodat het neerkomt op opgetelde aantallen."
)
_KWB2018 = (
    "KWB 2018 uit de wijk- en buurtkaart 2018 (versie 2); die editie beschrijft het verslagjaar "
    "2018. "
)
_KWB_JOIN = (
    "KWB 2018 (wijk- en buurtkaart, kolom {col}) en de KWB-edities 2020-2025: dezelfde CBS-"
    "variabele, peildatum 1 januari van het jaar. "
)

# English twins of the shared texts above, sentence for sentence.
_DIST_EN = "Average distance by road from all inhabitants to"
_DIST_2015_EN = (
    "Only reference year 2015 in the offline files (70072NED); the 2018 file does not include "
    "this facility. The live refresh fetches the whole series. Distances are structurally "
    "larger in rural municipalities: compare with similar municipalities as well."
)
_DIST_2015_2018_EN = (
    "2015 from 70072NED, 2018 from the 2018 district and neighbourhood map (proximity 2018, the "
    "same CBS definition: the provincial figures of 80305NED equal those of 70072NED in 2015, "
    "and the population-weighted Drenthe value from the 2018 file is that of 80305NED 2018, not "
    "2017). Drenthe and the Netherlands 2018 derived, weighted by the population on 1 January "
    "2018. Distances are structurally larger in rural municipalities."
)
_DIST_2018_EN = (
    "Only 2018, from the 2018 district and neighbourhood map (proximity 2018 = 80305NED 2018, "
    "see the distance to a large supermarket). Drenthe and the Netherlands derived, weighted by "
    "the population on 1 January 2018. The live refresh fetches the series from 70072NED."
)
_PER_INW_2015_EN = (
    "Calculated from CBS counts (70072NED) divided by the population on 1 January of the same "
    "year; status 'derived'."
)
_INCOME_BREAK_EN = (
    "2015 from 70072NED, 2024 from the table 'Inkomen van huishoudens' (household income; "
    "provisional, 2024*). CBS revised its income statistics in between: do not compare levels "
    "across that break, but do compare the position relative to the Netherlands in the same "
    "year."
)
_CRIME_TYPE_EN = (
    "83648NED 2013-2017 (StatLine export with municipality names; 2015 also from the OData "
    "download, identical). The year is the year of registration. Drenthe, the Netherlands and "
    "ZOD calculated from the summed counts and the population on 1 January of that year (status "
    "'derived'); the Netherlands without the crimes that CBS assigns to no municipality. Where "
    "CBS does not publish a municipality's figure per 1,000 inhabitants, it stays empty."
)
_HEALTH_EN = (
    "RIVM/CBS 50090NED (municipal boundaries of 2020), aged 18 and over, 2012, 2016 and 2020: "
    "small-area estimates from the Health Monitor (Gezondheidsmonitor), as RIVM publishes them "
    "per municipality. The Netherlands from the table; Drenthe and ZOD derived, weighted by the "
    "number of inhabitants (all ages) on 1 January of the same year. Not combined with the 2022 "
    "Health Monitor for the Netherlands and GGD Drenthe: a different publication, with no "
    "overlapping year to compare."
)
_HEALTH_2_EN = _HEALTH_EN.replace(
    "2012, 2016 and 2020", "2016 and 2020 (the question was not asked in 2012)"
)
_LABOUR_EN = (
    "CBS 85494NED (Arbeidsdeelname, labour participation; regional classification of 2022), "
    "2019 and 2022, all persons aged 15 to 75; an estimate from a survey (the Labour Force "
    "Survey, EBB), not the register figures from the KWB. Drenthe, the Netherlands and ZOD "
    "derived: the mean of the municipalities weighted by {weight} from the same table (in "
    "thousands), which comes down to summed counts."
)
_KWB2018_EN = (
    "KWB 2018 from the 2018 district and neighbourhood map (version 2); that edition describes "
    "the reporting year 2018. "
)
_KWB_JOIN_EN = (
    "KWB 2018 (district and neighbourhood map, column {col}) and the KWB editions 2020-2025: the "
    "same CBS variable, reference date 1 January of the year. "
)

INDICATORS: tuple[Indicator, ...] = (
    # --- Background (not scored) -------------------------------------------------------------
    Indicator(
        id="population",
        name_nl="Inwoners op 1 januari",
        name_en="Population on 1 January",
        definition="Aantal inwoners volgens de Basisregistratie Personen op 1 januari.",
        definition_en=(
            "Number of inhabitants on 1 January, according to the Personal Records Database (BRP)."
        ),
        unit="inwoners",
        unit_en="inhabitants",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("03759ned", "70072NED", "KWB"),
        aggregate_weight="sum",
        caveats=(
            "2004-2018 uit 70072NED (vanaf 2004 uit de OData-selectie met alle gemeenten van dat "
            "jaar), vanaf 2019 uit 03759ned; de KWB-edities geven hetzelfde CBS-cijfer (zelfde "
            "definitie, de bronnen worden onderling vergeleken)."
        ),
        caveats_en=(
            "2004-2018 from 70072NED (from 2004 from the OData selection with all municipalities "
            "of that year), from 2019 from 03759ned; the KWB editions give the same CBS figure "
            "(same definition; the sources are checked against each other)."
        ),
        source_keys="03759ned: measure 'Bevolking op 1 januari'; 70072NED: TotaleBevolking",
        recipe=(
            key("03759ned", "Bevolking op 1 januari", where=POPULATION_TOTALS),
            key("70072NED", "TotaleBevolking", "Totale bevolking"),
            key("KWB", "AantalInwoners", "a_inw", "AANT_INW"),
        ),
    ),
    Indicator(
        id="population_density",
        name_nl="Bevolkingsdichtheid",
        name_en="Population density",
        definition="Aantal inwoners per km² land.",
        definition_en="Number of inhabitants per km² of land.",
        unit="inwoners per km²",
        unit_en="inhabitants per km²",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("KWB",),
        aggregate_weight=None,
        caveats="Per KWB-editie (2018, 2020-2025); peildatum 1 januari.",
        caveats_en="Per KWB edition (2018, 2020-2025); reference date 1 January.",
        source_keys="KWB: bev_dich (Bevolkingsdichtheid)",
        recipe=(key("KWB", "Bevolkingsdichtheid", "bev_dich", "BEV_DICHTH"),),
    ),
    Indicator(
        id="urbanity",
        name_nl="Mate van stedelijkheid",
        name_en="Degree of urbanity",
        definition=(
            "CBS-klasse 1 (zeer sterk stedelijk) tot 5 (niet stedelijk), naar "
            "omgevingsadressendichtheid."
        ),
        definition_en=(
            "CBS class from 1 (very highly urban) to 5 (not urban), by the density of addresses in "
            "the surrounding area."
        ),
        unit="klasse 1-5",
        unit_en="class 1-5",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("KWB",),
        aggregate_weight=None,
        caveats="Een klasse, geen meetwaarde: wordt niet gemiddeld over regio's.",
        caveats_en="A class, not a measured value: it is not averaged over regions.",
        source_keys="KWB: ste_mvs (MateVanStedelijkheid)",
        recipe=(key("KWB", "MateVanStedelijkheid", "ste_mvs", "STED"),),
    ),
    Indicator(
        id="population_outlook",
        name_nl="Bevolkingsprognose",
        name_en="Population outlook",
        definition=(
            "Verwachte bevolking volgens de PBL/CBS Regionale prognose (prognose-variant, "
            "middelste waarde)."
        ),
        definition_en=(
            "Expected population according to the PBL/CBS regional forecast ('Regionale prognose'; "
            "forecast variant, middle value)."
        ),
        unit="x 1.000 inwoners",
        unit_en="x 1,000 inhabitants",
        decimals=1,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("84527NED", "Regionale prognose"),
        level="regio",
        aggregate_weight=None,
        caveats=(
            "Offline: overgenomen (met de hand) uit de tabelweergave van 84527NED op cbs.nl; "
            "alleen Nederland, Drenthe en COROP-gebieden; status 'transcribed'. De live "
            "verversing haalt de nieuwste Regionale prognose met elke gemeente en het 67 %-"
            "interval. Een prognose, geen meting."
        ),
        caveats_en=(
            "Offline: transcribed by hand from the table view of 84527NED on cbs.nl; only the "
            "Netherlands, Drenthe and COROP areas; status 'transcribed'. The live refresh fetches "
            "the latest regional forecast with every municipality and the 67% interval. A "
            "forecast, not a measurement."
        ),
        source_keys="Regionale prognose: TotaleBevolking, PrognoseInterval MW00000 (x 1 000)",
        recipe=(
            key(
                "Regionale prognose",
                "TotaleBevolking",
                "value",
                where=(*OUTLOOK, ("Leeftijd", ("10000",))),
            ),
        ),
    ),
    Indicator(
        id="population_outlook_low",
        name_nl="Bevolkingsprognose, ondergrens 67 %-interval",
        name_en="Population outlook, lower bound of the 67% interval",
        definition=(
            "Ondergrens van het interval waarbinnen de bevolking volgens de PBL/CBS Regionale "
            "prognose met 67 % zekerheid uitkomt."
        ),
        definition_en=(
            "Lower bound of the interval in which, according to the PBL/CBS regional forecast, the "
            "population will end up with 67% certainty."
        ),
        unit="x 1.000 inwoners",
        unit_en="x 1,000 inhabitants",
        decimals=1,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("Regionale prognose",),
        level="regio",
        aggregate_weight=None,
        caveats=(
            "Alleen uit de live verversing (nieuwste Regionale prognose, per gemeente); de "
            "offline bestanden hebben geen interval."
        ),
        caveats_en=(
            "Only from the live refresh (latest regional forecast, per municipality); the offline "
            "files have no interval."
        ),
        source_keys="Regionale prognose: TotaleBevolking, PrognoseInterval MOG0067 (x 1 000)",
        recipe=(key("Regionale prognose", "TotaleBevolking", where=OUTLOOK_LOW),),
        live_only=True,
    ),
    Indicator(
        id="population_outlook_high",
        name_nl="Bevolkingsprognose, bovengrens 67 %-interval",
        name_en="Population outlook, upper bound of the 67% interval",
        definition=(
            "Bovengrens van het interval waarbinnen de bevolking volgens de PBL/CBS Regionale "
            "prognose met 67 % zekerheid uitkomt."
        ),
        definition_en=(
            "Upper bound of the interval in which, according to the PBL/CBS regional forecast, the "
            "population will end up with 67% certainty."
        ),
        unit="x 1.000 inwoners",
        unit_en="x 1,000 inhabitants",
        decimals=1,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("Regionale prognose",),
        level="regio",
        aggregate_weight=None,
        caveats=(
            "Alleen uit de live verversing (nieuwste Regionale prognose, per gemeente); de "
            "offline bestanden hebben geen interval."
        ),
        caveats_en=(
            "Only from the live refresh (latest regional forecast, per municipality); the offline "
            "files have no interval."
        ),
        source_keys="Regionale prognose: TotaleBevolking, PrognoseInterval MBG0067 (x 1 000)",
        recipe=(key("Regionale prognose", "TotaleBevolking", where=OUTLOOK_HIGH),),
        live_only=True,
    ),
    # --- Goal 1: veilige en leefbare regio's ---------------------------------------------------
    Indicator(
        id="dwelling_stock",
        name_nl="Woningvoorraad",
        name_en="Dwelling stock",
        definition="Aantal woningen op 1 januari.",
        definition_en="Number of dwellings on 1 January.",
        unit="woningen",
        unit_en="dwellings",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB", "70072NED"),
        aggregate_weight="sum",
        caveats=_KWB_JOIN.format(col="WONINGEN") + "2015 uit 70072NED.",
        caveats_en=_KWB_JOIN_EN.format(col="WONINGEN") + "2015 from 70072NED.",
        source_keys="KWB: a_woning (Woningvoorraad); 70072NED: VoorraadOp1Januari",
        recipe=(
            key("KWB", "Woningvoorraad", "a_woning", "WONINGEN"),
            key("70072NED", "VoorraadOp1Januari"),
        ),
    ),
    Indicator(
        id="vacancy_rate",
        name_nl="Onbewoonde woningen",
        name_en="Unoccupied dwellings",
        definition=(
            "Woningen waar op 1 januari niemand stond ingeschreven, als % van de woningvoorraad."
        ),
        definition_en=(
            "Dwellings where nobody was registered as living on 1 January, as % of the dwelling "
            "stock."
        ),
        unit="%",
        unit_en="%",
        decimals=0,
        direction="lower_better",
        goal=1,
        subtheme="wonen",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats=(
            _KWB_JOIN.format(col="P_LEEGSW")
            + "CBS noemde dit tot 2019 'leegstaand', daarna 'onbewoond'. KWB publiceert hele "
            "procenten; Nederland en Drenthe afgeleid (gewogen met de woningvoorraad)."
        ),
        caveats_en=(
            _KWB_JOIN_EN.format(col="P_LEEGSW")
            + "Until 2019 CBS called these dwellings 'vacant', since then 'unoccupied'. KWB "
            "publishes whole percentages; the Netherlands and Drenthe derived (weighted by the "
            "dwelling stock)."
        ),
        source_keys="KWB: p_leegsw (OnbewoondeWoningen; eerder PercentageOnbewoond)",
        recipe=(
            key(
                "KWB",
                "OnbewoondeWoningen",
                "PercentageOnbewoond",
                "PercentageOnbewoondeWoningen",
                "PercentageLeegstaandeWoningen",
                "p_leegsw",
                "P_LEEGSW",
            ),
        ),
    ),
    Indicator(
        id="new_dwellings_per_1000",
        name_nl="Nieuwbouwwoningen per 1.000 woningen",
        name_en="New dwellings per 1,000 dwellings",
        definition=(
            "Door nieuwbouw aan de woningvoorraad toegevoegde woningen per 1.000 woningen op 1 "
            "januari."
        ),
        definition_en=(
            "Dwellings added to the dwelling stock by new construction, per 1,000 dwellings on 1 "
            "January."
        ),
        unit="per 1.000 woningen",
        unit_en="per 1,000 dwellings",
        decimals=1,
        direction="higher_better",
        goal=1,
        subtheme="wonen",
        tables=("70072NED",),
        aggregate_weight="dwelling_stock",
        caveats=_PER_INW_2015.replace("de bevolking", "de woningvoorraad"),
        caveats_en=_PER_INW_2015_EN.replace("the population", "the dwelling stock"),
        source_keys="70072NED: Nieuwbouwwoningen / VoorraadOp1Januari x 1 000",
        recipe=(ratio("70072NED", "Nieuwbouwwoningen", "VoorraadOp1Januari", 1000.0),),
    ),
    Indicator(
        id="owner_occupied_share",
        name_nl="Koopwoningen",
        name_en="Owner-occupied dwellings",
        definition="Woningen in eigendom van de bewoner, als % van de woningvoorraad.",
        definition_en="Dwellings owned by the people who live in them, as % of the dwelling stock.",
        unit="%",
        unit_en="%",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB", "70072NED"),
        aggregate_weight="dwelling_stock",
        caveats="Context: een hoger aandeel is niet vanzelf beter. "
        + _KWB_JOIN.format(col="P_KOOPWON"),
        caveats_en=(
            "Context: a higher share is not automatically better. "
            + _KWB_JOIN_EN.format(col="P_KOOPWON")
        ),
        source_keys="KWB: p_koopw (Koopwoningen); 70072NED: Koopwoningen",
        recipe=(
            key("KWB", "Koopwoningen", "p_koopw", "P_KOOPWON"),
            key("70072NED", "Koopwoningen"),
        ),
    ),
    Indicator(
        id="social_housing_share",
        name_nl="Corporatiewoningen",
        name_en="Housing-association dwellings",
        definition=(
            "Huurwoningen in eigendom van een woningcorporatie, als % van de woningvoorraad."
        ),
        definition_en=(
            "Rented dwellings owned by a housing association, as % of the dwelling stock."
        ),
        unit="%",
        unit_en="%",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats="Context: de richting is omstreden. " + _KWB_JOIN.format(col="P_HUURCORP"),
        caveats_en=(
            "Context: which direction is better is disputed. "
            + _KWB_JOIN_EN.format(col="P_HUURCORP")
        ),
        source_keys="KWB: p_wcorpw (InBezitWoningcorporatie)",
        recipe=(key("KWB", "InBezitWoningcorporatie", "p_wcorpw", "P_HUURCORP"),),
    ),
    Indicator(
        id="woz_value",
        name_nl="Gemiddelde WOZ-waarde",
        name_en="Average WOZ property value",
        definition="Gemiddelde WOZ-waarde van woningen; jaar = waardepeildatum 1 januari.",
        definition_en=(
            "Average WOZ value of dwellings (the value the municipality sets for property tax); "
            "year = valuation date 1 January."
        ),
        unit="x 1.000 euro",
        unit_en="x 1,000 euro",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats=(
            "KWB-editie X (vanaf 2020, WOZ-waarde op basis van de BAG) geeft de waarde op "
            "waardepeildatum 1 januari X-1; hier staat die waardepeildatum als jaar. Nieuwste "
            "editie deels voorlopig. Niet samengevoegd met de oudere 70072NED-reeks (zie "
            "'Gemiddelde woningwaarde (70072NED)'): die wijkt vanaf 2020 af."
        ),
        caveats_en=(
            "KWB edition X (from 2020, WOZ value based on the BAG building register) gives the "
            "value at valuation date 1 January X-1; here that valuation date is shown as the year. "
            "The newest edition is partly provisional. Not combined with the older 70072NED series "
            "(see 'Average dwelling value (70072NED series)'): that series differs from 2020 "
            "onwards."
        ),
        source_keys="KWB: g_wozbag (GemiddeldeWOZWaardeVanWoningen)",
        recipe=(
            key(
                "KWB",
                "GemiddeldeWOZWaardeVanWoningen",
                "g_wozbag",
                shift=-1,
                editions=(2020, None),
            ),
        ),
    ),
    Indicator(
        id="woz_value_70072ned",
        name_nl="Gemiddelde woningwaarde (70072NED)",
        name_en="Average dwelling value (70072NED series)",
        definition=(
            "Gemiddelde WOZ-waarde van woningen volgens de reeks van Regionale kerncijfers "
            "Nederland; jaar = waardepeildatum 1 januari."
        ),
        definition_en=(
            "Average WOZ value of dwellings (the value the municipality sets for property tax) in "
            "the series of 'Regionale kerncijfers Nederland' (regional key figures); year = "
            "valuation date 1 January."
        ),
        unit="x 1.000 euro",
        unit_en="x 1,000 euro",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("70072NED", "KWB"),
        aggregate_weight="dwelling_stock",
        caveats=(
            "70072NED 2008-2021 (StatLine-export met gemeentenamen) en de 2015-download; "
            "periode t = waardepeildatum 1 januari t-1, hier als jaar t-1 (pas sinds 2008 wordt "
            "elk jaar opnieuw gewaardeerd; eerdere jaren blijven daarom weg). De KWB-edities "
            "tot en met 2019 gebruikten deze definitie (KWB 2018 'WOZ' = 70072NED 2018 voor elke "
            "gemeente). Een andere reeks dan de KWB-WOZ vanaf 2020: niet aan elkaar geplakt. "
            "Drenthe en Nederland afgeleid waar de woningvoorraad van dat jaar bekend is."
        ),
        caveats_en=(
            "70072NED 2008-2021 (StatLine export with municipality names) and the 2015 download; "
            "period t = valuation date 1 January t-1, shown here as year t-1 (only since 2008 have "
            "dwellings been revalued every year, so earlier years are left out). The KWB editions "
            "up to and including 2019 used this definition (KWB 2018 'WOZ' = 70072NED 2018 for "
            "every municipality). A different series from the KWB WOZ value from 2020 onwards: the "
            "two are not joined. Drenthe and the Netherlands derived where the dwelling stock of "
            "that year is known."
        ),
        source_keys="70072NED: GemiddeldeWoningwaarde; KWB tot 2019: GemiddeldeWoningwaarde",
        recipe=(
            key(
                "70072NED",
                "GemiddeldeWoningwaarde",
                "Gemiddelde woningwaarde",
                shift=-1,
                periods=(2008, None),
            ),
            key("KWB", "GemiddeldeWoningwaarde", "WOZ", shift=-1, editions=(None, 2019)),
        ),
    ),
    Indicator(
        id="house_price",
        name_nl="Gemiddelde verkoopprijs bestaande koopwoningen",
        name_en="Average sale price of existing homes",
        definition=(
            "Gemiddelde verkoopprijs van bestaande koopwoningen die in het jaar zijn verkocht."
        ),
        definition_en="Average sale price of existing owner-occupied homes sold in the year.",
        unit="euro",
        unit_en="euro",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("83625NED",),
        aggregate_weight=None,
        caveats=(
            "Afhankelijk van welke woningen toevallig verkocht zijn; in kleine gemeenten "
            "schommelt het gemiddelde."
        ),
        caveats_en=(
            "Depends on which homes happen to be sold; in small municipalities the average "
            "fluctuates."
        ),
        source_keys="83625NED: measure 'Gemiddelde verkoopprijs'",
        recipe=(key("83625NED", "Gemiddelde verkoopprijs"),),
    ),
    Indicator(
        id="crime_per_1000",
        name_nl="Geregistreerde misdrijven per 1.000 inwoners",
        name_en="Registered crimes per 1,000 inhabitants",
        definition="Door de politie geregistreerde misdrijven (alle soorten) per 1.000 inwoners.",
        definition_en="Crimes of all kinds registered by the police, per 1,000 inhabitants.",
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        caveats=_CRIME_TYPE + " Registratie hangt ook af van aangiftebereidheid.",
        caveats_en=(
            _CRIME_TYPE_EN
            + " Registration also depends on how willing people are to report a crime."
        ),
        source_keys="83648NED: GeregistreerdeMisdrijvenPer1000Inw, SoortMisdrijf 0000000 (totaal)",
        aggregate_ratio=("crimes", "population", 1000.0),
        recipe=(
            key(
                "83648NED",
                "GeregistreerdeMisdrijvenPer1000Inw",
                "Geregistreerde misdrijven per 1000 inw.",
                where=crime_type("0000000", "Misdrijven, totaal"),
            ),
        ),
    ),
    Indicator(
        id="property_crime_per_1000",
        name_nl="Vermogensmisdrijven per 1.000 inwoners",
        name_en="Property crimes per 1,000 inhabitants",
        definition=(
            "Door de politie geregistreerde vermogensmisdrijven (diefstal, inbraak, fraude, "
            "heling) per 1.000 inwoners."
        ),
        definition_en=(
            "Property crimes registered by the police (theft, burglary, fraud, handling stolen "
            "goods), per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        caveats=_CRIME_TYPE,
        caveats_en=_CRIME_TYPE_EN,
        source_keys="83648NED: GeregistreerdeMisdrijvenPer1000Inw, SoortMisdrijf 1000000",
        aggregate_ratio=("property_crimes", "population", 1000.0),
        recipe=(
            key(
                "83648NED",
                "GeregistreerdeMisdrijvenPer1000Inw",
                "Geregistreerde misdrijven per 1000 inw.",
                where=crime_type("1000000", "1 Vermogensmisdrijven"),
            ),
        ),
    ),
    Indicator(
        id="vandalism_crime_per_1000",
        name_nl="Vernielingen en misdrijven tegen de openbare orde per 1.000 inwoners",
        name_en="Vandalism and public-order crimes per 1,000 inhabitants",
        definition=(
            "Door de politie geregistreerde vernielingen en misdrijven tegen de openbare orde en "
            "het openbaar gezag per 1.000 inwoners."
        ),
        definition_en=(
            "Vandalism and crimes against public order and public authority registered by the "
            "police, per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        caveats=_CRIME_TYPE,
        caveats_en=_CRIME_TYPE_EN,
        source_keys="83648NED: GeregistreerdeMisdrijvenPer1000Inw, SoortMisdrijf 2000000",
        aggregate_ratio=("vandalism_crimes", "population", 1000.0),
        recipe=(
            key(
                "83648NED",
                "GeregistreerdeMisdrijvenPer1000Inw",
                "Geregistreerde misdrijven per 1000 inw.",
                where=crime_type("2000000", "2 Vernielingen, misdr.openb.orde/gezag"),
            ),
        ),
    ),
    Indicator(
        id="violent_crime_per_1000",
        name_nl="Gewelds- en seksuele misdrijven per 1.000 inwoners",
        name_en="Violent and sexual crimes per 1,000 inhabitants",
        definition=(
            "Door de politie geregistreerde gewelds- en seksuele misdrijven (zoals mishandeling, "
            "bedreiging, zedenmisdrijven) per 1.000 inwoners."
        ),
        definition_en=(
            "Violent and sexual crimes registered by the police (such as assault, threats, sexual "
            "offences), per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        caveats=_CRIME_TYPE,
        caveats_en=_CRIME_TYPE_EN,
        source_keys="83648NED: GeregistreerdeMisdrijvenPer1000Inw, SoortMisdrijf 3000000",
        aggregate_ratio=("violent_crimes", "population", 1000.0),
        recipe=(
            key(
                "83648NED",
                "GeregistreerdeMisdrijvenPer1000Inw",
                "Geregistreerde misdrijven per 1000 inw.",
                where=crime_type("3000000", "3 Gewelds- en seksuele misdrijven"),
            ),
        ),
    ),
    Indicator(
        id="traffic_crime_per_1000",
        name_nl="Verkeersmisdrijven per 1.000 inwoners",
        name_en="Traffic crimes per 1,000 inhabitants",
        definition=(
            "Door de politie geregistreerde verkeersmisdrijven (zoals rijden onder invloed, "
            "doorrijden na een ongeval, rijden zonder rijbewijs) per 1.000 inwoners."
        ),
        definition_en=(
            "Traffic crimes registered by the police (such as driving under the influence, leaving "
            "the scene of an accident, driving without a licence), per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        caveats=_CRIME_TYPE
        + " CBS publiceert het cijfer per 1.000 inwoners voor Borger-Odoorn niet.",
        caveats_en=(
            _CRIME_TYPE_EN
            + " CBS does not publish the figure per 1,000 inhabitants for Borger-Odoorn."
        ),
        source_keys="83648NED: GeregistreerdeMisdrijvenPer1000Inw, SoortMisdrijf 5000000",
        aggregate_ratio=("traffic_crimes", "population", 1000.0),
        recipe=(
            key(
                "83648NED",
                "GeregistreerdeMisdrijvenPer1000Inw",
                "Geregistreerde misdrijven per 1000 inw.",
                where=crime_type("5000000", "5 Verkeersmisdrijven"),
            ),
        ),
    ),
    Indicator(
        id="burglary_per_1000",
        name_nl="Woninginbraken per 1.000 inwoners",
        name_en="Residential burglaries per 1,000 inhabitants",
        definition=(
            "Geregistreerde diefstallen en inbraken uit woningen (ook schuur en garage) per "
            "1.000 inwoners."
        ),
        definition_en=(
            "Registered thefts and burglaries from homes (including sheds and garages), per 1,000 "
            "inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83651NED", "KWB"),
        caveats=(
            "83651NED 2018-2021, soort diefstal CRI1134. Het label staat niet in het bestand; "
            "dat het om woninginbraak gaat blijkt uit KWB 2018 ('diefstal uit woning, schuur "
            "e.d.' per 1.000 inwoners): 2018 is voor 93 % van de gemeenten na afronding gelijk. "
            "Regiocijfers uit opgetelde aantallen. CBS rondt aantallen af op vijftallen en "
            "onderdrukt kleine aantallen."
        ),
        caveats_en=(
            "83651NED 2018-2021, theft type CRI1134. The file does not give the label; that it is "
            "residential burglary follows from KWB 2018 ('theft from a dwelling, shed etc.' per "
            "1,000 inhabitants): in 2018 the two agree after rounding for 93% of the "
            "municipalities. Regional figures from summed counts. CBS rounds counts to multiples "
            "of five and suppresses small counts."
        ),
        source_keys="83651NED: GeregistreerdeDiefstallenPer1000Inw, CRI1134, T001540",
        aggregate_ratio=("burglaries", "population", 1000.0),
        recipe=(
            key("83651NED", "GeregistreerdeDiefstallenPer1000Inw", where=theft_type("CRI1134")),
            key("KWB", "TotaalDiefstalUitWoningSchuurED", editions=(None, 2018)),
        ),
    ),
    Indicator(
        id="bike_theft_per_1000",
        name_nl="Fietsdiefstallen per 1.000 inwoners",
        name_en="Bicycle thefts per 1,000 inhabitants",
        definition="Geregistreerde diefstallen van fietsen per 1.000 inwoners.",
        definition_en="Registered bicycle thefts per 1,000 inhabitants.",
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83651NED",),
        caveats=(
            "CBS rondt aantallen af op vijftallen en onderdrukt het cijfer bij kleine aantallen "
            "(Borger-Odoorn): daar ontbreekt de waarde."
        ),
        caveats_en=(
            "CBS rounds counts to multiples of five and suppresses the figure where counts are "
            "small (Borger-Odoorn): the value is missing there."
        ),
        source_keys="83651NED: GeregistreerdeDiefstallenPer1000Inw, CRI1122, T001540",
        aggregate_ratio=("bike_thefts", "population", 1000.0),
        recipe=(
            key("83651NED", "GeregistreerdeDiefstallenPer1000Inw", where=theft_type("CRI1122")),
        ),
    ),
    Indicator(
        id="noise_nuisance_neighbours",
        name_nl="Ernstige geluidhinder door buren",
        name_en="Serious noise nuisance from neighbours",
        definition="Volwassenen (18+) die ernstige geluidhinder van buren ervaren.",
        definition_en=(
            "Share of adults (18+) who experience serious noise nuisance from their neighbours."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="leefomgeving",
        tables=("50090NED",),
        caveats=_HEALTH.replace("2012, 2016 en 2020", "alleen 2020 (eerder niet gevraagd)"),
        caveats_en=_HEALTH_EN.replace(
            "2012, 2016 and 2020", "2020 only (the question was not asked before)"
        ),
        source_keys="50090NED: ErnstigeGeluidhinderDoorBuren (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "ErnstigeGeluidhinderDoorBuren", where=ADULTS_18),),
    ),
    Indicator(
        id="residual_waste_per_inhabitant",
        name_nl="Huishoudelijk restafval per inwoner",
        name_en="Residual household waste per inhabitant",
        definition="Niet gescheiden ingezameld huishoudelijk afval in kg per inwoner.",
        definition_en="Household waste that was not collected separately, in kg per inhabitant.",
        unit="kg per inwoner",
        unit_en="kg per inhabitant",
        decimals=0,
        direction="lower_better",
        goal=1,
        subtheme="duurzaamheid",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        caveats_en=_PER_INW_2015_EN,
        source_keys="70072NED: HuishoudelijkRestafval (1 000 kg) / TotaleBevolking",
        recipe=(ratio("70072NED", "HuishoudelijkRestafval", "TotaleBevolking", 1000.0),),
    ),
    Indicator(
        id="waste_separated_share",
        name_nl="Gescheiden ingezameld huishoudelijk afval",
        name_en="Separately collected household waste",
        definition=(
            "Deel van het huishoudelijk afval dat gescheiden is ingezameld (alles behalve rest- "
            "en grof restafval)."
        ),
        definition_en=(
            "Share of household waste that was collected separately (everything except residual "
            "waste and bulky residual waste)."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="higher_better",
        goal=1,
        subtheme="duurzaamheid",
        tables=("70072NED",),
        aggregate_weight=None,
        caveats=(
            "Berekend uit de CBS-hoeveelheden per afvalsoort (70072NED); status 'derived'. "
            "Regiocijfers uit de opgetelde hoeveelheden."
        ),
        caveats_en=(
            "Calculated from the CBS amounts per type of waste (70072NED); status 'derived'. "
            "Regional figures from the summed amounts."
        ),
        source_keys=(
            "70072NED: 1 - (HuishoudelijkRestafval + GrofHuishoudelijkRestafval) / "
            "TotaalHuishoudelijkAfval"
        ),
        aggregate_ratio=("waste_separated", "waste_total", 100.0),
        recipe=(
            ratio(
                "70072NED",
                (
                    plus("TotaalHuishoudelijkAfval"),
                    minus("HuishoudelijkRestafval"),
                    minus("GrofHuishoudelijkRestafval"),
                ),
                "TotaalHuishoudelijkAfval",
                100.0,
            ),
        ),
    ),
    Indicator(
        id="gas_use_per_dwelling",
        name_nl="Aardgasverbruik per woning",
        name_en="Natural gas use per dwelling",
        definition="Gemiddeld jaarverbruik van aardgas van particuliere woningen.",
        definition_en="Average yearly natural gas consumption of private dwellings.",
        unit="m³",
        unit_en="m³",
        decimals=0,
        direction="lower_better",
        goal=1,
        subtheme="duurzaamheid",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats=(
            _KWB2018
            + "Energie = jaarverbruik over 2018 (dat de editie het verslagjaar beschrijft, is "
            "voor afstanden en woninginbraak nagerekend met 80305NED en 83651NED 2018; voor "
            "energie is er offline geen tweede bron). Woningen met stadsverwarming tellen mee "
            "met een laag verbruik. Drenthe en Nederland afgeleid, gewogen met de "
            "woningvoorraad op 1 januari 2018. Een groot deel van het verschil komt van het "
            "soort woningen (vrijstaand of rij)."
        ),
        caveats_en=(
            _KWB2018_EN + "Energy = consumption over the year 2018 (that the edition describes the "
            "reporting year was checked for distances and residential burglary against 80305NED "
            "and 83651NED 2018; for energy there is no second offline source). Dwellings with "
            "district heating count with a low consumption. Drenthe and the Netherlands derived, "
            "weighted by the dwelling stock on 1 January 2018. Much of the difference comes from "
            "the type of dwelling (detached or terraced)."
        ),
        source_keys="KWB: g_gas_tot (GemiddeldAardgasverbruikTotaal)",
        recipe=(key("KWB", "GemiddeldAardgasverbruikTotaal", "G_GAS_TOT"),),
    ),
    Indicator(
        id="electricity_use_per_dwelling",
        name_nl="Elektriciteitsverbruik per woning",
        name_en="Electricity use per dwelling",
        definition="Gemiddelde jaarlevering van elektriciteit aan particuliere woningen.",
        definition_en="Average yearly electricity delivered to private dwellings.",
        unit="kWh",
        unit_en="kWh",
        decimals=0,
        direction="lower_better",
        goal=1,
        subtheme="duurzaamheid",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats=(
            _KWB2018
            + "Jaarlevering over 2018 via het net (eigen zonnestroom verlaagt het cijfer; CBS "
            "heet het vanaf de latere edities 'elektriciteitslevering'). Drenthe en Nederland "
            "afgeleid, gewogen met de woningvoorraad op 1 januari 2018."
        ),
        caveats_en=(
            _KWB2018_EN
            + "Delivered through the grid over the year 2018 (a household's own solar power "
            "lowers the figure; from the later editions CBS calls it 'electricity delivery'). "
            "Drenthe and the Netherlands derived, weighted by the dwelling stock on 1 January "
            "2018."
        ),
        source_keys="KWB: g_elek_tot (GemiddeldElektriciteitsverbruikTotaal)",
        recipe=(
            key(
                "KWB",
                "GemiddeldElektriciteitsverbruikTotaal",
                "GemiddeldeElektriciteitsleveringTotaal",
                "G_ELEK_TOT",
            ),
        ),
    ),
    Indicator(
        id="crimes",
        name_nl="Geregistreerde misdrijven",
        name_en="Registered crimes",
        definition="Aantal door de politie geregistreerde misdrijven (alle soorten).",
        definition_en="Number of crimes of all kinds registered by the police.",
        unit="misdrijven",
        unit_en="crimes",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        aggregate_weight="sum",
        caveats="Teller van misdrijven per 1.000 inwoners; regiocijfers zijn sommen.",
        caveats_en=(
            "Used to calculate registered crimes per 1,000 inhabitants; regional figures are sums."
        ),
        source_keys="83648NED: TotaalGeregistreerdeMisdrijven, SoortMisdrijf 0000000 (totaal)",
        recipe=(
            key(
                "83648NED",
                "TotaalGeregistreerdeMisdrijven",
                "Totaal geregistreerde misdrijven",
                where=crime_type("0000000", "Misdrijven, totaal"),
            ),
        ),
    ),
    Indicator(
        id="property_crimes",
        name_nl="Vermogensmisdrijven",
        name_en="Property crimes",
        definition="Aantal geregistreerde vermogensmisdrijven.",
        definition_en="Number of registered property crimes.",
        unit="misdrijven",
        unit_en="crimes",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        aggregate_weight="sum",
        caveats="Teller van vermogensmisdrijven per 1.000 inwoners; CBS rondt af op vijftallen.",
        caveats_en=(
            "Used to calculate property crimes per 1,000 inhabitants; CBS rounds to multiples of "
            "five."
        ),
        source_keys="83648NED: TotaalGeregistreerdeMisdrijven, SoortMisdrijf 1000000",
        recipe=(
            key(
                "83648NED",
                "TotaalGeregistreerdeMisdrijven",
                "Totaal geregistreerde misdrijven",
                where=crime_type("1000000", "1 Vermogensmisdrijven"),
            ),
        ),
    ),
    Indicator(
        id="vandalism_crimes",
        name_nl="Vernielingen en misdrijven tegen de openbare orde",
        name_en="Vandalism and public-order crimes",
        definition="Aantal geregistreerde vernielingen en misdrijven tegen openbare orde en gezag.",
        definition_en=(
            "Number of registered cases of vandalism and crimes against public order and authority."
        ),
        unit="misdrijven",
        unit_en="crimes",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        aggregate_weight="sum",
        caveats="Teller van het cijfer per 1.000 inwoners; CBS rondt af op vijftallen.",
        caveats_en=(
            "Used to calculate the figure per 1,000 inhabitants; CBS rounds to multiples of five."
        ),
        source_keys="83648NED: TotaalGeregistreerdeMisdrijven, SoortMisdrijf 2000000",
        recipe=(
            key(
                "83648NED",
                "TotaalGeregistreerdeMisdrijven",
                "Totaal geregistreerde misdrijven",
                where=crime_type("2000000", "2 Vernielingen, misdr.openb.orde/gezag"),
            ),
        ),
    ),
    Indicator(
        id="violent_crimes",
        name_nl="Gewelds- en seksuele misdrijven",
        name_en="Violent and sexual crimes",
        definition="Aantal geregistreerde gewelds- en seksuele misdrijven.",
        definition_en="Number of registered violent and sexual crimes.",
        unit="misdrijven",
        unit_en="crimes",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        aggregate_weight="sum",
        caveats="Teller van het cijfer per 1.000 inwoners; CBS rondt af op vijftallen.",
        caveats_en=(
            "Used to calculate the figure per 1,000 inhabitants; CBS rounds to multiples of five."
        ),
        source_keys="83648NED: TotaalGeregistreerdeMisdrijven, SoortMisdrijf 3000000",
        recipe=(
            key(
                "83648NED",
                "TotaalGeregistreerdeMisdrijven",
                "Totaal geregistreerde misdrijven",
                where=crime_type("3000000", "3 Gewelds- en seksuele misdrijven"),
            ),
        ),
    ),
    Indicator(
        id="traffic_crimes",
        name_nl="Verkeersmisdrijven",
        name_en="Traffic crimes",
        definition="Aantal geregistreerde verkeersmisdrijven.",
        definition_en="Number of registered traffic crimes.",
        unit="misdrijven",
        unit_en="crimes",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        aggregate_weight="sum",
        caveats="Teller van het cijfer per 1.000 inwoners; CBS rondt af op vijftallen.",
        caveats_en=(
            "Used to calculate the figure per 1,000 inhabitants; CBS rounds to multiples of five."
        ),
        source_keys="83648NED: TotaalGeregistreerdeMisdrijven, SoortMisdrijf 5000000",
        recipe=(
            key(
                "83648NED",
                "TotaalGeregistreerdeMisdrijven",
                "Totaal geregistreerde misdrijven",
                where=crime_type("5000000", "5 Verkeersmisdrijven"),
            ),
        ),
    ),
    Indicator(
        id="burglaries",
        name_nl="Woninginbraken",
        name_en="Residential burglaries",
        definition="Aantal geregistreerde diefstallen en inbraken uit woningen.",
        definition_en="Number of registered thefts and burglaries from homes.",
        unit="diefstallen",
        unit_en="thefts",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83651NED",),
        aggregate_weight="sum",
        caveats="CBS rondt af op vijftallen. Teller van woninginbraken per 1.000 inwoners.",
        caveats_en=(
            "CBS rounds to multiples of five. Used to calculate residential burglaries per 1,000 "
            "inhabitants."
        ),
        source_keys="83651NED: TotaalGeregistreerdeDiefstallen, CRI1134, T001540",
        recipe=(key("83651NED", "TotaalGeregistreerdeDiefstallen", where=theft_type("CRI1134")),),
    ),
    Indicator(
        id="bike_thefts",
        name_nl="Fietsdiefstallen",
        name_en="Bicycle thefts",
        definition="Aantal geregistreerde diefstallen van fietsen.",
        definition_en="Number of registered bicycle thefts.",
        unit="diefstallen",
        unit_en="thefts",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83651NED",),
        aggregate_weight="sum",
        caveats=(
            "CBS rondt af op vijftallen. Teller van fietsdiefstallen per 1.000 inwoners: zo is "
            "ook het regiocijfer te berekenen waar CBS het gemeentelijke cijfer onderdrukt."
        ),
        caveats_en=(
            "CBS rounds to multiples of five. Used to calculate bicycle thefts per 1,000 "
            "inhabitants: this way the regional figure can be calculated even where CBS suppresses "
            "the figure of a municipality."
        ),
        source_keys="83651NED: TotaalGeregistreerdeDiefstallen, CRI1122, T001540",
        recipe=(key("83651NED", "TotaalGeregistreerdeDiefstallen", where=theft_type("CRI1122")),),
    ),
    Indicator(
        id="waste_separated",
        name_nl="Gescheiden ingezameld afval",
        name_en="Separately collected waste",
        definition="Hoeveelheid gescheiden ingezameld huishoudelijk afval.",
        definition_en="Amount of household waste collected separately.",
        unit="1.000 kg",
        unit_en="1,000 kg",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="duurzaamheid",
        tables=("70072NED",),
        aggregate_weight="sum",
        caveats="Teller van het aandeel gescheiden afval; status 'derived'.",
        caveats_en="Used to calculate the share of separately collected waste; status 'derived'.",
        source_keys=(
            "70072NED: TotaalHuishoudelijkAfval - HuishoudelijkRestafval - "
            "GrofHuishoudelijkRestafval"
        ),
        recipe=(
            Recipe(
                source="70072NED",
                terms=(
                    plus("TotaalHuishoudelijkAfval"),
                    minus("HuishoudelijkRestafval"),
                    minus("GrofHuishoudelijkRestafval"),
                ),
            ),
        ),
    ),
    Indicator(
        id="waste_total",
        name_nl="Huishoudelijk afval totaal",
        name_en="Household waste, total",
        definition="Totale hoeveelheid ingezameld huishoudelijk afval.",
        definition_en="Total amount of household waste collected.",
        unit="1.000 kg",
        unit_en="1,000 kg",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="duurzaamheid",
        tables=("70072NED",),
        aggregate_weight="sum",
        caveats_en="Nothing in particular to note.",
        source_keys="70072NED: TotaalHuishoudelijkAfval",
        recipe=(key("70072NED", "TotaalHuishoudelijkAfval"),),
    ),
    # --- Goal 2: voorzieningen -----------------------------------------------------------------
    Indicator(
        id="dist_gp",
        name_nl="Afstand tot huisartsenpraktijk",
        name_en="Distance to GP practice",
        definition=f"{_DIST} de dichtstbijzijnde huisartsenpraktijk.",
        definition_en=f"{_DIST_EN} the nearest GP practice.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="zorg",
        tables=("70072NED", "KWB"),
        caveats=_DIST_2015
        + " Vanaf verslagjaar 2020 telt CBS nevenvestigingen van praktijken niet meer mee.",
        caveats_en=(
            _DIST_2015_EN
            + " From reporting year 2020, CBS no longer counts branch locations of practices."
        ),
        source_keys="70072NED: AfstandTotHuisartsenpraktijk; KWB: AfstandTotHuisartsenpraktijk",
        recipe=(
            key("70072NED", "AfstandTotHuisartsenpraktijk"),
            key("KWB", "AfstandTotHuisartsenpraktijk"),
        ),
    ),
    Indicator(
        id="dist_gp_post",
        name_nl="Afstand tot huisartsenpost",
        name_en="Distance to out-of-hours GP post",
        definition=f"{_DIST} de dichtstbijzijnde huisartsenpost.",
        definition_en=f"{_DIST_EN} the nearest out-of-hours GP post.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="zorg",
        tables=("70072NED",),
        caveats=_DIST_2015,
        caveats_en=_DIST_2015_EN,
        source_keys="70072NED: AfstandTotHuisartsenpost",
        recipe=(key("70072NED", "AfstandTotHuisartsenpost"),),
    ),
    Indicator(
        id="dist_hospital",
        name_nl="Afstand tot ziekenhuis",
        name_en="Distance to hospital",
        definition=f"{_DIST} het dichtstbijzijnde ziekenhuis (zonder buitenpoliklinieken).",
        definition_en=f"{_DIST_EN} the nearest hospital (not counting outpatient branch clinics).",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="zorg",
        tables=("70072NED", "80305NED"),
        caveats=_DIST_2015_2018
        + " Hier het ziekenhuis zonder buitenpolikliniek (AF_ZIEK_E): 70072NED Drenthe 2015 = "
        "8,9 km = 80305NED 'exclusief buitenpolikliniek'.",
        caveats_en=(
            _DIST_2015_2018_EN
            + " Here the hospital without outpatient branch clinics (AF_ZIEK_E): 70072NED "
            "Drenthe 2015 = 8.9 km = 80305NED 'excluding outpatient branch clinics'."
        ),
        source_keys="70072NED: AfstandTotZiekenhuis; wijk- en buurtkaart 2018: AF_ZIEK_E",
        recipe=(
            key("70072NED", "AfstandTotZiekenhuis"),
            key("Nabijheid", "AF_ZIEK_E"),
        ),
    ),
    Indicator(
        id="dist_childcare",
        name_nl="Afstand tot kinderdagverblijf",
        name_en="Distance to childcare",
        definition=f"{_DIST} het dichtstbijzijnde kinderdagverblijf.",
        definition_en=f"{_DIST_EN} the nearest day nursery (childcare centre).",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED", "KWB"),
        caveats=_DIST_2015,
        caveats_en=_DIST_2015_EN,
        source_keys="70072NED: AfstandTotKinderdagverblijf; KWB: AfstandTotKinderdagverblijf",
        recipe=(
            key("70072NED", "AfstandTotKinderdagverblijf"),
            key("KWB", "AfstandTotKinderdagverblijf"),
        ),
    ),
    Indicator(
        id="dist_primary_school",
        name_nl="Afstand tot basisschool",
        name_en="Distance to primary school",
        definition=f"{_DIST} de dichtstbijzijnde basisschool.",
        definition_en=f"{_DIST_EN} the nearest primary school.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED", "KWB"),
        caveats=_DIST_2015 + " Vanaf verslagjaar 2018 gebruikt CBS de scholenlijst van DUO.",
        caveats_en=(
            _DIST_2015_EN
            + " From reporting year 2018, CBS uses the list of schools of DUO (the Dutch "
            "education agency)."
        ),
        source_keys="70072NED: AfstandTotSchoolBasisonderwijs; KWB: AfstandTotSchool",
        recipe=(
            key("70072NED", "AfstandTotSchoolBasisonderwijs"),
            key("KWB", "AfstandTotSchool"),
        ),
    ),
    Indicator(
        id="dist_secondary_school",
        name_nl="Afstand tot school havo/vwo",
        name_en="Distance to havo/vwo school",
        definition=f"{_DIST} de dichtstbijzijnde school voor havo/vwo.",
        definition_en=(
            f"{_DIST_EN} the nearest school for havo/vwo (senior general secondary or "
            "pre-university education)."
        ),
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED",),
        caveats=_DIST_2015,
        caveats_en=_DIST_2015_EN,
        source_keys="70072NED: AfstandTotSchoolHavoVwo",
        recipe=(key("70072NED", "AfstandTotSchoolHavoVwo"),),
    ),
    Indicator(
        id="schools_within_3km",
        name_nl="Basisscholen binnen 3 km",
        name_en="Primary schools within 3 km",
        definition="Gemiddeld aantal basisscholen binnen 3 km over de weg, voor alle inwoners.",
        definition_en=(
            "Average number of primary schools within 3 km by road, over all inhabitants."
        ),
        unit="aantal",
        unit_en="number",
        decimals=1,
        direction="higher_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED", "KWB"),
        caveats=_DIST_2015,
        caveats_en=_DIST_2015_EN,
        source_keys="70072NED: AantalBasisonderwijsscholenBinnen3Km; KWB: ScholenBinnen3Km",
        recipe=(
            key("70072NED", "AantalBasisonderwijsscholenBinnen3Km"),
            key("KWB", "ScholenBinnen3Km"),
        ),
    ),
    Indicator(
        id="dist_supermarket",
        name_nl="Afstand tot grote supermarkt",
        name_en="Distance to large supermarket",
        definition=f"{_DIST} de dichtstbijzijnde grote supermarkt.",
        definition_en=f"{_DIST_EN} the nearest large supermarket.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="winkels",
        tables=("70072NED", "80305NED", "KWB"),
        caveats=_DIST_2015_2018,
        caveats_en=_DIST_2015_2018_EN,
        source_keys="70072NED/KWB: AfstandTotGroteSupermarkt; wijk- en buurtkaart 2018: AF_SUPERM",
        recipe=(
            key("70072NED", "AfstandTotGroteSupermarkt"),
            key("Nabijheid", "AF_SUPERM"),
            key("KWB", "AfstandTotGroteSupermarkt"),
        ),
    ),
    Indicator(
        id="supermarkets_within_3km",
        name_nl="Grote supermarkten binnen 3 km",
        name_en="Large supermarkets within 3 km",
        definition=(
            "Gemiddeld aantal grote supermarkten binnen 3 km over de weg, voor alle inwoners."
        ),
        definition_en=(
            "Average number of large supermarkets within 3 km by road, over all inhabitants."
        ),
        unit="aantal",
        unit_en="number",
        decimals=1,
        direction="higher_better",
        goal=2,
        subtheme="winkels",
        tables=("70072NED", "80305NED"),
        caveats=_DIST_2015_2018,
        caveats_en=_DIST_2015_2018_EN,
        source_keys="70072NED: AantalGroteSupermarktenBinnen3Km; 2018: AV3_SUPERM",
        recipe=(
            key("70072NED", "AantalGroteSupermarktenBinnen3Km"),
            key("Nabijheid", "AV3_SUPERM"),
        ),
    ),
    Indicator(
        id="dist_daily_groceries",
        name_nl="Afstand tot winkel voor dagelijkse levensmiddelen",
        name_en="Distance to a daily-groceries shop",
        definition=(
            f"{_DIST} de dichtstbijzijnde winkel voor overige dagelijkse levensmiddelen "
            "(bakker, slager, groenteboer en dergelijke)."
        ),
        definition_en=(
            f"{_DIST_EN} the nearest shop for other daily groceries (baker, butcher, "
            "greengrocer and the like)."
        ),
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="winkels",
        tables=("80305NED",),
        caveats=_DIST_2018,
        caveats_en=_DIST_2018_EN,
        source_keys="wijk- en buurtkaart 2018: AF_DAGLMD",
        recipe=(key("Nabijheid", "AF_DAGLMD"),),
    ),
    Indicator(
        id="dist_department_store",
        name_nl="Afstand tot warenhuis",
        name_en="Distance to department store",
        definition=f"{_DIST} het dichtstbijzijnde warenhuis.",
        definition_en=f"{_DIST_EN} the nearest department store.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="winkels",
        tables=("80305NED",),
        caveats=_DIST_2018,
        caveats_en=_DIST_2018_EN,
        source_keys="wijk- en buurtkaart 2018: AF_WARENH",
        recipe=(key("Nabijheid", "AF_WARENH"),),
    ),
    Indicator(
        id="dist_restaurant",
        name_nl="Afstand tot restaurant",
        name_en="Distance to restaurant",
        definition=f"{_DIST} het dichtstbijzijnde restaurant.",
        definition_en=f"{_DIST_EN} the nearest restaurant.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="horeca",
        tables=("70072NED", "80305NED"),
        caveats=_DIST_2015_2018,
        caveats_en=_DIST_2015_2018_EN,
        source_keys="70072NED: AfstandTotRestaurant; 2018: AF_RESTAU",
        recipe=(key("70072NED", "AfstandTotRestaurant"), key("Nabijheid", "AF_RESTAU")),
    ),
    Indicator(
        id="restaurants_within_3km",
        name_nl="Restaurants binnen 3 km",
        name_en="Restaurants within 3 km",
        definition="Gemiddeld aantal restaurants binnen 3 km over de weg, voor alle inwoners.",
        definition_en="Average number of restaurants within 3 km by road, over all inhabitants.",
        unit="aantal",
        unit_en="number",
        decimals=1,
        direction="higher_better",
        goal=2,
        subtheme="horeca",
        tables=("70072NED", "80305NED"),
        caveats=_DIST_2015_2018,
        caveats_en=_DIST_2015_2018_EN,
        source_keys="70072NED: AantalRestaurantsBinnen3Km; 2018: AV3_RESTAU",
        recipe=(
            key("70072NED", "AantalRestaurantsBinnen3Km"),
            key("Nabijheid", "AV3_RESTAU"),
        ),
    ),
    Indicator(
        id="dist_cafe",
        name_nl="Afstand tot café",
        name_en="Distance to café",
        definition=f"{_DIST} het dichtstbijzijnde café (of vergelijkbare zaak).",
        definition_en=f"{_DIST_EN} the nearest café (or a similar place).",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="horeca",
        tables=("80305NED",),
        caveats=_DIST_2018,
        caveats_en=_DIST_2018_EN,
        source_keys="wijk- en buurtkaart 2018: AF_CAFE",
        recipe=(key("Nabijheid", "AF_CAFE"),),
    ),
    Indicator(
        id="dist_library",
        name_nl="Afstand tot bibliotheek",
        name_en="Distance to library",
        definition=f"{_DIST} de dichtstbijzijnde bibliotheek.",
        definition_en=f"{_DIST_EN} the nearest library.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="cultuur en sport",
        tables=("70072NED",),
        caveats=_DIST_2015,
        caveats_en=_DIST_2015_EN,
        source_keys="70072NED: AfstandTotBibliotheek",
        recipe=(key("70072NED", "AfstandTotBibliotheek"),),
    ),
    Indicator(
        id="dist_cinema",
        name_nl="Afstand tot bioscoop",
        name_en="Distance to cinema",
        definition=f"{_DIST} de dichtstbijzijnde bioscoop.",
        definition_en=f"{_DIST_EN} the nearest cinema.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="cultuur en sport",
        tables=("70072NED", "80305NED"),
        caveats=_DIST_2015_2018,
        caveats_en=_DIST_2015_2018_EN,
        source_keys="70072NED: AfstandTotBioscoop; 2018: AF_BIOS",
        recipe=(key("70072NED", "AfstandTotBioscoop"), key("Nabijheid", "AF_BIOS")),
    ),
    Indicator(
        id="dist_pool",
        name_nl="Afstand tot zwembad",
        name_en="Distance to swimming pool",
        definition=f"{_DIST} het dichtstbijzijnde zwembad.",
        definition_en=f"{_DIST_EN} the nearest swimming pool.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="cultuur en sport",
        tables=("70072NED", "80305NED"),
        caveats=_DIST_2015_2018,
        caveats_en=_DIST_2015_2018_EN,
        source_keys="70072NED: AfstandTotZwembad; 2018: AF_ZWEMB",
        recipe=(key("70072NED", "AfstandTotZwembad"), key("Nabijheid", "AF_ZWEMB")),
    ),
    Indicator(
        id="dist_train_station",
        name_nl="Afstand tot treinstation",
        name_en="Distance to railway station",
        definition=f"{_DIST} het dichtstbijzijnde treinstation.",
        definition_en=f"{_DIST_EN} the nearest railway station.",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="vervoer",
        tables=("70072NED", "80305NED"),
        caveats=_DIST_2015_2018
        + " Let op: de Drentse waarde uit het bestand van 2018 (7,25 km) wijkt 0,15 km af van "
        "80305NED 2018 (7,1 km) en ligt dichter bij 2017 (7,2 km); bij de andere voorzieningen "
        "is het verschil hoogstens 0,05 km.",
        caveats_en=(
            _DIST_2015_2018_EN
            + " Note: the Drenthe value from the 2018 file (7.25 km) differs by 0.15 km from "
            "80305NED 2018 (7.1 km) and is closer to 2017 (7.2 km); for the other facilities "
            "the difference is at most 0.05 km."
        ),
        source_keys="70072NED: AfstandTotTreinstation; 2018: AF_TREINST",
        recipe=(key("70072NED", "AfstandTotTreinstation"), key("Nabijheid", "AF_TREINST")),
    ),
    Indicator(
        id="dist_transfer_station",
        name_nl="Afstand tot belangrijk overstapstation",
        name_en="Distance to a major transfer station",
        definition=(
            f"{_DIST} het dichtstbijzijnde belangrijke overstapstation (intercitystation)."
        ),
        definition_en=f"{_DIST_EN} the nearest major transfer station (intercity station).",
        unit="km",
        unit_en="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="vervoer",
        tables=("80305NED",),
        caveats=_DIST_2018
        + " De Drentse waarde uit dit bestand (12,3 km) wijkt 0,2 km af van 80305NED 2018 (12,1 "
        "km). De afstand tot een oprit van een hoofdverkeersweg staat niet in het bestand van "
        "2018.",
        caveats_en=(
            _DIST_2018_EN
            + " The Drenthe value from this file (12.3 km) differs by 0.2 km from 80305NED 2018 "
            "(12.1 km). The distance to an on-ramp of a main road is not in the 2018 file."
        ),
        source_keys="wijk- en buurtkaart 2018: AF_OVERST",
        recipe=(key("Nabijheid", "AF_OVERST"),),
    ),
    Indicator(
        id="cars_per_1000",
        name_nl="Personenauto's per 1.000 inwoners",
        name_en="Passenger cars per 1,000",
        definition="Personenauto's in het bezit van inwoners en bedrijven, per 1.000 inwoners.",
        definition_en="Passenger cars owned by inhabitants and businesses, per 1,000 inhabitants.",
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=0,
        direction="context",
        goal=2,
        subtheme="vervoer",
        tables=("70072NED",),
        caveats=(
            "Context: autobezit zegt iets over afhankelijkheid van de auto, niet over welvaart "
            "alleen. Nederland en Drenthe afgeleid uit de gemeenten (gewogen met de bevolking)."
        ),
        caveats_en=(
            "Context: car ownership says something about dependence on the car, not only about "
            "prosperity. The Netherlands and Drenthe derived from the municipalities (weighted by "
            "the population)."
        ),
        source_keys='70072ned (v4): measure "Personenauto\'s, relatief"',
        recipe=(key("70072NED", "PersonenautoSRelatief", "Personenauto's, relatief"),),
    ),
    Indicator(
        id="businesses_per_1000",
        name_nl="Bedrijfsvestigingen per 1.000 inwoners",
        name_en="Business establishments per 1,000 inhabitants",
        definition=(
            "Aantal vestigingen van bedrijven (zonder overheid, onderwijs en zorg) per 1.000 "
            "inwoners."
        ),
        definition_en=(
            "Number of business establishments (not counting government, education and health "
            "care) per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="higher_better",
        goal=2,
        subtheme="bedrijvigheid",
        tables=("70072NED", "KWB"),
        caveats=(
            "Bedrijfsvestigingen op 1 januari gedeeld door de bevolking op 1 januari van "
            "hetzelfde jaar (status 'derived'). 2015 uit 70072NED, 2018 uit KWB 2018, 2022 uit "
            "KWB 2022 (85318NED, eerste publicatie). Steeds de zeven sectoren A tot en met N en "
            "R-U: 70072NED en KWB 2018 tellen overheid, onderwijs en zorg (O-Q) niet mee, KWB "
            "2022 wel, dus daar is O-Q van het totaal afgetrokken. Regiocijfers uit opgetelde "
            "aantallen."
        ),
        caveats_en=(
            "Business establishments on 1 January divided by the population on 1 January of the "
            "same year (status 'derived'). 2015 from 70072NED, 2018 from KWB 2018, 2022 from KWB "
            "2022 (85318NED, first publication). Always the seven sector groups A to N and R-U: "
            "70072NED and KWB 2018 leave out government, education and health care (O-Q), KWB 2022 "
            "includes them, so there O-Q has been subtracted from the total. Regional figures from "
            "summed counts."
        ),
        source_keys="businesses / population x 1 000",
        aggregate_ratio=("businesses", "population", 1000.0),
        recipe=(per_indicator("businesses", "population", 1000.0),),
    ),
    Indicator(
        id="businesses",
        name_nl="Bedrijfsvestigingen",
        name_en="Business establishments",
        definition=(
            "Aantal vestigingen van bedrijven op 1 januari, zonder overheid, onderwijs en zorg."
        ),
        definition_en=(
            "Number of business establishments on 1 January, not counting government, education "
            "and health care."
        ),
        unit="vestigingen",
        unit_en="establishments",
        decimals=0,
        direction="context",
        goal=2,
        subtheme="bedrijvigheid",
        tables=("70072NED", "KWB"),
        aggregate_weight="sum",
        caveats=(
            "CBS rondt af op vijftallen. In de KWB-edities die overheid, onderwijs en zorg (O-Q) "
            "wel meetellen, is die sector van het totaal afgetrokken (status 'derived')."
        ),
        caveats_en=(
            "CBS rounds to multiples of five. In the KWB editions that do include government, "
            "education and health care (O-Q), that sector has been subtracted from the total "
            "(status 'derived')."
        ),
        source_keys=(
            "70072NED: BedrijfsvestigingenTotaal; KWB: BedrijfsvestigingenTotaal - "
            "OQOverheidOnderwijsEnZorg"
        ),
        recipe=(
            key("70072NED", "BedrijfsvestigingenTotaal"),
            Recipe(
                source="KWB",
                terms=(
                    plus("BedrijfsvestigingenTotaal", "A_BEDV"),
                    minus("OQOverheidOnderwijsEnZorg", optional=True),
                ),
            ),
        ),
    ),
    # --- Goal 3: gezonde en kansrijke toekomst -------------------------------------------------
    Indicator(
        id="households",
        name_nl="Particuliere huishoudens",
        name_en="Private households",
        definition="Aantal particuliere huishoudens.",
        definition_en="Number of private households.",
        unit="huishoudens",
        unit_en="households",
        decimals=0,
        direction="context",
        goal=3,
        subtheme="inkomen",
        tables=("KWB", "70072NED"),
        aggregate_weight="sum",
        caveats=_KWB_JOIN.format(col="AANTAL_HH") + "2015 uit 70072NED.",
        caveats_en=_KWB_JOIN_EN.format(col="AANTAL_HH") + "2015 from 70072NED.",
        source_keys="KWB: a_hh (HuishoudensTotaal); 70072NED: TotaalAantalParticuliereHuishoudens",
        recipe=(
            key("KWB", "HuishoudensTotaal", "a_hh", "AANTAL_HH"),
            key("70072NED", "TotaalAantalParticuliereHuishoudens"),
        ),
    ),
    Indicator(
        id="income_household_mean_disposable",
        name_nl="Gemiddeld besteedbaar inkomen per huishouden",
        name_en="Mean disposable household income",
        definition="Gemiddeld besteedbaar inkomen van particuliere huishoudens.",
        definition_en="Average disposable income of private households.",
        unit="x 1.000 euro",
        unit_en="x 1,000 euro",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="inkomen",
        tables=("70072NED", "Inkomen van huishoudens"),
        aggregate_weight="households",
        caveats=_INCOME_BREAK,
        caveats_en=_INCOME_BREAK_EN,
        source_keys=(
            "70072NED: TotaalParticuliereHuishoudens (1e blok); StatLine: Gemiddeld besteedbaar "
            "inkomen"
        ),
        recipe=(
            # The first block of eight income keys is mean disposable income, the second the
            # mean standardised income (one-person households are equal in both, as they must).
            key("70072NED", "TotaalParticuliereHuishoudens"),
            key("Inkomen huishoudens", "Gemiddeld besteedbaar inkomen"),
        ),
    ),
    Indicator(
        id="income_household_mean_standardised",
        name_nl="Gemiddeld gestandaardiseerd inkomen",
        name_en="Mean standardised household income",
        definition=(
            "Gemiddeld besteedbaar inkomen gecorrigeerd voor de grootte en samenstelling van het "
            "huishouden."
        ),
        definition_en=(
            "Average disposable income, adjusted for the size and make-up of the household."
        ),
        unit="x 1.000 euro",
        unit_en="x 1,000 euro",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="inkomen",
        tables=("70072NED", "Inkomen van huishoudens"),
        aggregate_weight="households",
        caveats=_INCOME_BREAK,
        caveats_en=_INCOME_BREAK_EN,
        source_keys=(
            "70072NED: TotaalParticuliereHuishoudens (2e blok); StatLine: Gemiddeld "
            "gestandaardiseerd inkomen"
        ),
        recipe=(
            key("70072NED", "TotaalParticuliereHuishoudens", occurrence=1),
            key("Inkomen huishoudens", "Gemiddeld gestandaardiseerd inkomen"),
        ),
    ),
    Indicator(
        id="income_household_median_standardised",
        name_nl="Mediaan gestandaardiseerd inkomen",
        name_en="Median standardised household income",
        definition=(
            "Mediaan van het gestandaardiseerd besteedbaar inkomen van particuliere huishoudens."
        ),
        definition_en=(
            "Median of the standardised disposable income of private households (adjusted for the "
            "size and make-up of the household)."
        ),
        unit="x 1.000 euro",
        unit_en="x 1,000 euro",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="inkomen",
        tables=("Inkomen van huishoudens",),
        aggregate_weight=None,
        caveats=(
            "Context: alleen gemeenten en Nederland (geen Drenthe), dus niet in de score. "
            "Voorlopig (2024*). Een mediaan kan niet uit gemeenten worden opgeteld: geen afgeleid "
            "regiocijfer."
        ),
        caveats_en=(
            "Context: only municipalities and the Netherlands (no Drenthe), so not in the score. "
            "Provisional (2024*). A median cannot be added up from municipalities: no derived "
            "regional figure."
        ),
        source_keys="StatLine: Mediaan gestandaardiseerd inkomen",
        recipe=(key("Inkomen huishoudens", "Mediaan gestandaardiseerd inkomen"),),
    ),
    Indicator(
        id="difficulty_making_ends_meet",
        name_nl="Moeite met rondkomen",
        name_en="Difficulty making ends meet",
        definition="Volwassenen (18+) die moeite hebben om rond te komen van hun inkomen.",
        definition_en="Share of adults (18+) who find it hard to make ends meet on their income.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="inkomen",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: MoeiteMetRondkomen (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "MoeiteMetRondkomen", where=ADULTS_18),),
    ),
    Indicator(
        id="unemployment_benefits_per_1000",
        name_nl="WW-uitkeringen per 1.000 inwoners",
        name_en="Unemployment benefits per 1,000 inhabitants",
        definition="Personen met een WW-uitkering per 1.000 inwoners.",
        definition_en="People receiving unemployment benefit (WW) per 1,000 inhabitants.",
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="werk",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        caveats_en=_PER_INW_2015_EN,
        source_keys="70072NED: Werkloosheid / TotaleBevolking x 1 000",
        recipe=(ratio("70072NED", "Werkloosheid", "TotaleBevolking", 1000.0),),
    ),
    Indicator(
        id="social_assistance_per_1000",
        name_nl="Bijstandsuitkeringen per 1.000 inwoners",
        name_en="Social assistance per 1,000 inhabitants",
        definition=(
            "Personen tot de AOW-leeftijd met een bijstandsuitkering (Participatiewet) per 1.000 "
            "inwoners."
        ),
        definition_en=(
            "People below the state pension (AOW) age receiving social assistance (Participation "
            "Act) per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="werk",
        tables=("70072NED",),
        caveats=_PER_INW_2015
        + " Personen, niet uitkeringen: een andere maat dan de Fvw-bijstandsuitkeringen.",
        caveats_en=(
            _PER_INW_2015_EN
            + " People, not benefits: a different measure from the Fvw social-assistance "
            "payments."
        ),
        source_keys="70072NED: BijstandTotDeAOWLeeftijd / TotaleBevolking x 1 000",
        recipe=(ratio("70072NED", "BijstandTotDeAOWLeeftijd", "TotaleBevolking", 1000.0),),
    ),
    Indicator(
        id="social_assistance_benefits_fvw_per_1000",
        name_nl="Periodieke bijstandsuitkeringen (Fvw) per 1.000 inwoners",
        name_en="Periodic social-assistance payments (Fvw) per 1,000 inhabitants",
        definition=(
            "Lopende periodieke bijstandsuitkeringen (algemene bijstand, Bbz, IOAW, IOAZ) zoals "
            "het gemeentefonds ze telt, per 1.000 inwoners."
        ),
        definition_en=(
            "Current periodic social-assistance benefits (general assistance, Bbz, IOAW, IOAZ) as "
            "counted for the municipalities fund (the money central government shares out among "
            "municipalities), per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="werk",
        tables=("60039fvw",),
        caveats=(
            "Maatstaf van de Financiële-verhoudingswet (60039fvw) voor het jaar 2019, gedeeld "
            "door de bevolking op 1 januari 2019 (status 'derived'). Het bestand noemt geen "
            "peildatum per maatstaf; het jaar is dat van de Fvw-uitkering. Uitkeringen, geen "
            "personen: een andere reeks dan 'Bijstandsuitkeringen per 1.000 inwoners' "
            "(70072NED), daarom niet samengevoegd. Regiocijfers uit opgetelde aantallen."
        ),
        caveats_en=(
            "Measure of the Financial Relations Act (Financiële-verhoudingswet, Fvw; 60039fvw) for "
            "the year 2019, divided by the population on 1 January 2019 (status 'derived'). The "
            "file gives no reference date per measure; the year is that of the Fvw payment to the "
            "municipalities. Benefits, not people: a different series from 'Social assistance per "
            "1,000 inhabitants' (70072NED), so the two are not combined. Regional figures from "
            "summed counts."
        ),
        source_keys="60039fvw: Periodieke bijstandsuitkeringen totaal / population x 1 000",
        aggregate_ratio=("social_assistance_benefits_fvw", "population", 1000.0),
        recipe=(per_indicator("social_assistance_benefits_fvw", "population", 1000.0),),
    ),
    Indicator(
        id="social_assistance_benefits_fvw",
        name_nl="Periodieke bijstandsuitkeringen (Fvw)",
        name_en="Periodic social-assistance payments (Fvw)",
        definition="Aantal lopende periodieke bijstandsuitkeringen volgens de Fvw-maatstaf.",
        definition_en=(
            "Number of current periodic social-assistance benefits according to the Fvw measure."
        ),
        unit="uitkeringen",
        unit_en="benefits",
        decimals=0,
        direction="context",
        goal=3,
        subtheme="werk",
        tables=("60039fvw",),
        aggregate_weight="sum",
        caveats="Fvw-maatstaf 2019 (StatLine-export met gemeentenamen). Regiocijfers zijn sommen.",
        caveats_en=(
            "Fvw measure 2019 (StatLine export with municipality names). Regional figures are sums."
        ),
        source_keys="60039fvw: Periodieke bijstandsuitkeringen | Totaal bijstandsuitkeringen",
        recipe=(key("Fvw", "PeriodiekeBijstandsuitkeringenTotaal", "Totaal bijstandsuitkeringen"),),
    ),
    Indicator(
        id="net_labour_participation",
        name_nl="Netto arbeidsparticipatie",
        name_en="Net labour participation",
        definition="Deel van de mensen van 15 tot 75 jaar dat betaald werk heeft.",
        definition_en="Share of people aged 15 to 75 who have paid work.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="werk",
        tables=("85494NED",),
        aggregate_weight="labour_population",
        caveats=_LABOUR.format(weight="de bevolking van 15 tot 75 jaar"),
        caveats_en=_LABOUR_EN.format(weight="the population aged 15 to 75"),
        source_keys="85494NED: NettoArbeidsparticipatie, Persoonskenmerken T009002",
        recipe=(
            key(
                "Arbeidsdeelname",
                "NettoArbeidsparticipatie",
                where=TOTAL_PERSONS,
            ),
        ),
    ),
    Indicator(
        id="unemployment_rate",
        name_nl="Werkloosheid",
        name_en="Unemployment rate",
        definition="Werklozen als % van de beroepsbevolking (15 tot 75 jaar).",
        definition_en="Unemployed people as % of the labour force (aged 15 to 75).",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="werk",
        tables=("85494NED",),
        aggregate_weight="labour_force",
        caveats=_LABOUR.format(weight="de beroepsbevolking"),
        caveats_en=_LABOUR_EN.format(weight="the labour force"),
        source_keys="85494NED: Werkloosheidspercentage, Persoonskenmerken T009002",
        recipe=(key("Arbeidsdeelname", "Werkloosheidspercentage", where=TOTAL_PERSONS),),
    ),
    Indicator(
        id="labour_population",
        name_nl="Bevolking van 15 tot 75 jaar (arbeidsdeelname)",
        name_en="Population aged 15 to 75 (labour statistics)",
        definition="Beroeps- en niet-beroepsbevolking van 15 tot 75 jaar.",
        definition_en="The labour force and the people outside it, aged 15 to 75.",
        unit="x 1.000 personen",
        unit_en="x 1,000 persons",
        decimals=0,
        direction="context",
        goal=3,
        subtheme="werk",
        tables=("85494NED",),
        aggregate_weight="sum",
        caveats="Gewicht voor de netto arbeidsparticipatie; CBS publiceert duizendtallen.",
        caveats_en="Weight for net labour participation; CBS publishes it in thousands.",
        source_keys="85494NED: BeroepsEnNietBeroepsbevolking, T009002",
        recipe=(key("Arbeidsdeelname", "BeroepsEnNietBeroepsbevolking", where=TOTAL_PERSONS),),
    ),
    Indicator(
        id="labour_force",
        name_nl="Beroepsbevolking",
        name_en="Labour force",
        definition="Mensen van 15 tot 75 jaar die werken of werk zoeken en direct kunnen beginnen.",
        definition_en=(
            "People aged 15 to 75 who work, or who are looking for work and can start straight "
            "away."
        ),
        unit="x 1.000 personen",
        unit_en="x 1,000 persons",
        decimals=0,
        direction="context",
        goal=3,
        subtheme="werk",
        tables=("85494NED",),
        aggregate_weight="sum",
        caveats="Gewicht voor het werkloosheidspercentage; CBS publiceert duizendtallen.",
        caveats_en="Weight for the unemployment rate; CBS publishes it in thousands.",
        source_keys="85494NED: Beroepsbevolking, T009002",
        recipe=(key("Arbeidsdeelname", "Beroepsbevolking", where=TOTAL_PERSONS),),
    ),
    Indicator(
        id="disability_benefits_per_1000",
        name_nl="Arbeidsongeschiktheidsuitkeringen per 1.000 inwoners",
        name_en="Disability benefits per 1,000 inhabitants",
        definition=(
            "Personen met een arbeidsongeschiktheidsuitkering (WAO, WIA, WAZ, Wajong) per 1.000 "
            "inwoners."
        ),
        definition_en=(
            "People receiving a disability benefit (WAO, WIA, WAZ, Wajong) per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="gezondheid",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        caveats_en=_PER_INW_2015_EN,
        source_keys="70072NED: ArbeidsongeschiktheidTotaal / TotaleBevolking x 1 000",
        recipe=(ratio("70072NED", "ArbeidsongeschiktheidTotaal", "TotaleBevolking", 1000.0),),
    ),
    Indicator(
        id="jobs_per_1000",
        name_nl="Banen per 1.000 inwoners",
        name_en="Jobs per 1,000 inhabitants",
        definition=(
            "Aantal banen van werknemers en zelfstandigen met werklocatie in de gemeente, per "
            "1.000 inwoners."
        ),
        definition_en=(
            "Number of jobs of employees and self-employed people who work in the municipality, "
            "per 1,000 inhabitants."
        ),
        unit="per 1.000 inwoners",
        unit_en="per 1,000 inhabitants",
        decimals=0,
        direction="higher_better",
        goal=3,
        subtheme="economie",
        tables=("70072NED",),
        caveats=_PER_INW_2015 + " CBS publiceert banen in duizendtallen.",
        caveats_en=_PER_INW_2015_EN + " CBS publishes jobs in thousands.",
        source_keys="70072NED: TotaalAantalBanen (x 1 000) / TotaleBevolking x 1 000",
        recipe=(ratio("70072NED", "TotaalAantalBanen", "TotaleBevolking", 1000.0 * 1000.0),),
    ),
    Indicator(
        id="health_good",
        name_nl="Goed ervaren gezondheid (per gemeente)",
        name_en="Good perceived health (per municipality)",
        definition="Volwassenen (18+) die hun gezondheid als goed of zeer goed ervaren.",
        definition_en="Share of adults (18+) who rate their health as good or very good.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="gezondheid",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: ErvarenGezondheidGoedZeerGoed (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "ErvarenGezondheidGoedZeerGoed", where=ADULTS_18),),
    ),
    Indicator(
        id="physical_limitation",
        name_nl="Lichamelijke beperking",
        name_en="Physical limitation",
        definition=(
            "Volwassenen (18+) met ten minste één lichamelijke beperking in horen, zien of bewegen."
        ),
        definition_en=(
            "Share of adults (18+) with at least one physical limitation in hearing, seeing or "
            "moving."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="gezondheid",
        tables=("50090NED",),
        caveats=_HEALTH + " Hangt sterk samen met de leeftijdsopbouw.",
        caveats_en=_HEALTH_EN + " Strongly linked to the age make-up of the population.",
        source_keys="50090NED: EenOfMeerLichamelijkeBeperkingen (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "EenOfMeerLichamelijkeBeperkingen", where=ADULTS_18),),
    ),
    Indicator(
        id="anxiety_depression_risk",
        name_nl="Risico op angststoornis of depressie",
        name_en="Risk of anxiety disorder or depression",
        definition=(
            "Volwassenen (18+) met een matig of hoog risico op een angststoornis of depressie "
            "(Kessler-10)."
        ),
        definition_en=(
            "Share of adults (18+) with a moderate or high risk of an anxiety disorder or "
            "depression (Kessler-10 scale)."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="gezondheid",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: MatigHoogRisicoOpAngstOfDepressie (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "MatigHoogRisicoOpAngstOfDepressie", where=ADULTS_18),),
    ),
    Indicator(
        id="young_adult_health_good",
        name_nl="Goed ervaren gezondheid jongvolwassenen",
        name_en="Good perceived health, young adults",
        definition="Jongeren van 16 tot 25 jaar die hun gezondheid als goed of zeer goed ervaren.",
        definition_en=(
            "Share of young people aged 16 to 25 who rate their health as good or very good."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="gezondheid",
        tables=("50140NED",),
        aggregate_weight=None,
        caveats=(
            "Gezondheidsmonitor Jongvolwassenen 2024 (50140NED), alleen 16-25-jarigen. Drenthe = "
            "de regio van GGD Drenthe, die precies de Drentse gemeenten omvat (gecontroleerd met "
            "Gebieden in Nederland); Nederland uit de tabel. Enkele kleine gemeenten ontbreken, "
            "daarom geen afgeleid ZOD-cijfer."
        ),
        caveats_en=(
            "Young Adults Health Monitor 2024 (Gezondheidsmonitor Jongvolwassenen, 50140NED), 16 "
            "to 25-year-olds only. Drenthe = the region of GGD Drenthe (the public health "
            "service), which covers exactly the municipalities of Drenthe (checked against the CBS "
            "table 'Gebieden in Nederland'); the Netherlands from the table. A few small "
            "municipalities are missing, so there is no derived ZOD figure."
        ),
        source_keys="50140NED: GoedErvarenGezondheid, T009002",
        publisher="RIVM, GGD'en en CBS",
        recipe=(key("50140NED", "GoedErvarenGezondheid", where=YOUNG_ADULTS),),
    ),
    Indicator(
        id="overweight",
        name_nl="Overgewicht",
        name_en="Overweight",
        definition="Volwassenen (18+) met overgewicht (BMI 25 of hoger).",
        definition_en="Share of adults (18+) who are overweight (BMI 25 or higher).",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="leefstijl",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: Overgewicht (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "Overgewicht", where=ADULTS_18),),
    ),
    Indicator(
        id="obesity",
        name_nl="Ernstig overgewicht",
        name_en="Obesity",
        definition="Volwassenen (18+) met ernstig overgewicht (obesitas, BMI 30 of hoger).",
        definition_en="Share of adults (18+) with severe overweight (obesity, BMI 30 or higher).",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="leefstijl",
        tables=("50090NED",),
        caveats=_HEALTH + " Een deel van 'Overgewicht'.",
        caveats_en=_HEALTH_EN + " Part of 'Overweight'.",
        source_keys="50090NED: ErnstigOvergewicht (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "ErnstigOvergewicht", where=ADULTS_18),),
    ),
    Indicator(
        id="smoking",
        name_nl="Roken",
        name_en="Smoking",
        definition="Volwassenen (18+) die roken.",
        definition_en="Share of adults (18+) who smoke.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="leefstijl",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: Roker (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "Roker", where=ADULTS_18),),
    ),
    Indicator(
        id="heavy_drinking",
        name_nl="Zware drinkers",
        name_en="Heavy drinkers",
        definition=(
            "Volwassenen (18+) die minstens één keer per week 4 (vrouwen) of 6 (mannen) glazen "
            "alcohol op een dag drinken."
        ),
        definition_en=(
            "Share of adults (18+) who at least once a week drink 4 (women) or 6 (men) glasses of "
            "alcohol in one day."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="leefstijl",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: ZwareDrinker (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "ZwareDrinker", where=ADULTS_18),),
    ),
    Indicator(
        id="excessive_drinking",
        name_nl="Overmatige drinkers",
        name_en="Excessive drinkers",
        definition=(
            "Volwassenen (18+) die per week meer dan 14 (vrouwen) of 21 (mannen) glazen alcohol "
            "drinken."
        ),
        definition_en=(
            "Share of adults (18+) who drink more than 14 (women) or 21 (men) glasses of alcohol a "
            "week."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="leefstijl",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: OvermatigeDrinker (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "OvermatigeDrinker", where=ADULTS_18),),
    ),
    Indicator(
        id="exercise_guideline",
        name_nl="Voldoet aan de beweegrichtlijn (per gemeente)",
        name_en="Meets the physical-activity guideline (per municipality)",
        definition="Volwassenen (18+) die voldoen aan de beweegrichtlijn van de Gezondheidsraad.",
        definition_en=(
            "Share of adults (18+) who meet the physical-activity guideline of the Health Council "
            "of the Netherlands."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="leefstijl",
        tables=("50090NED",),
        caveats=_HEALTH_2,
        caveats_en=_HEALTH_2_EN,
        source_keys="50090NED: VoldoetAanBeweegrichtlijn (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "VoldoetAanBeweegrichtlijn", where=ADULTS_18),),
    ),
    Indicator(
        id="loneliness",
        name_nl="Eenzaamheid",
        name_en="Loneliness",
        definition="Volwassenen (18+) die zich (matig tot zeer ernstig) eenzaam voelen.",
        definition_en="Share of adults (18+) who feel lonely (moderately to very severely).",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="sociaal",
        tables=("50090NED",),
        caveats=_HEALTH,
        caveats_en=_HEALTH_EN,
        source_keys="50090NED: Eenzaam (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "Eenzaam", where=ADULTS_18),),
    ),
    Indicator(
        id="serious_loneliness",
        name_nl="Ernstige eenzaamheid",
        name_en="Serious loneliness",
        definition="Volwassenen (18+) die zich ernstig of zeer ernstig eenzaam voelen.",
        definition_en="Share of adults (18+) who feel severely or very severely lonely.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="sociaal",
        tables=("50090NED",),
        caveats=_HEALTH + " Een deel van 'Eenzaamheid'.",
        caveats_en=_HEALTH_EN + " Part of 'Loneliness'.",
        source_keys="50090NED: ErnstigZeerErnstigEenzaam (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "ErnstigZeerErnstigEenzaam", where=ADULTS_18),),
    ),
    Indicator(
        id="volunteering",
        name_nl="Vrijwilligerswerk",
        name_en="Volunteering",
        definition="Volwassenen (18+) die vrijwilligerswerk doen.",
        definition_en="Share of adults (18+) who do volunteer work.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="sociaal",
        tables=("50090NED",),
        caveats=_HEALTH_2,
        caveats_en=_HEALTH_2_EN,
        source_keys="50090NED: Vrijwilligerswerk (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "Vrijwilligerswerk", where=ADULTS_18),),
    ),
    Indicator(
        id="informal_care",
        name_nl="Mantelzorgers",
        name_en="Informal carers",
        definition="Volwassenen (18+) die mantelzorg geven.",
        definition_en=(
            "Share of adults (18+) who give informal care (unpaid care for a sick or disabled "
            "relative, friend or neighbour)."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="sociaal",
        tables=("50090NED",),
        caveats="Context: de richting is omstreden (zorg geven is waardevol maar ook een last). "
        + _HEALTH,
        caveats_en=(
            "Context: which direction is better is disputed (giving care is valuable but also "
            "a burden). " + _HEALTH_EN
        ),
        source_keys="50090NED: Mantelzorger (18+)",
        publisher="RIVM en CBS",
        recipe=(key("50090NED", "Mantelzorger", where=ADULTS_18),),
    ),
    Indicator(
        id="share_65_plus",
        name_nl="Inwoners van 65 jaar en ouder",
        name_en="Residents aged 65 and over",
        definition="Inwoners van 65 jaar of ouder op 1 januari, als % van alle inwoners.",
        definition_en="Inhabitants aged 65 or over on 1 January, as % of all inhabitants.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="vergrijzing",
        tables=("70072NED",),
        aggregate_weight=None,
        caveats=(
            "Berekend uit de CBS-aantallen van 70072NED (2004-2023, alle gemeenten van elk "
            "jaar); status 'derived'. Gelijk aan de percentages die StatLine zelf publiceert "
            "(70072NED 1995-2021, op 0,1 na door afronding). Regiocijfers uit opgetelde aantallen."
        ),
        caveats_en=(
            "Calculated from the CBS counts of 70072NED (2004-2023, all municipalities of each "
            "year); status 'derived'. Equal to the percentages that StatLine itself publishes "
            "(70072NED 1995-2021; at most 0.1 apart, from rounding). Regional figures from summed "
            "counts."
        ),
        source_keys="70072NED: (k_65Tot80Jaar + k_80JaarOfOuder) / TotaleBevolking x 100",
        aggregate_ratio=("population_65_plus", "population", 100.0),
        recipe=(
            Recipe(
                source="70072NED",
                terms=(plus("k_65Tot80Jaar"), plus("k_80JaarOfOuder")),
                per=(plus("TotaleBevolking"),),
                factor=100.0,
            ),
        ),
    ),
    Indicator(
        id="share_80_plus",
        name_nl="Inwoners van 80 jaar en ouder",
        name_en="Residents aged 80 and over",
        definition="Inwoners van 80 jaar of ouder op 1 januari, als % van alle inwoners.",
        definition_en="Inhabitants aged 80 or over on 1 January, as % of all inhabitants.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="vergrijzing",
        tables=("70072NED",),
        aggregate_weight=None,
        caveats=(
            "Berekend uit de CBS-aantallen van 70072NED (2004-2023); status 'derived'. "
            "Regiocijfers uit opgetelde aantallen."
        ),
        caveats_en=(
            "Calculated from the CBS counts of 70072NED (2004-2023); status 'derived'. Regional "
            "figures from summed counts."
        ),
        source_keys="70072NED: k_80JaarOfOuder / TotaleBevolking x 100",
        aggregate_ratio=("population_80_plus", "population", 100.0),
        recipe=(ratio("70072NED", "k_80JaarOfOuder", "TotaleBevolking", 100.0),),
    ),
    Indicator(
        id="population_65_plus",
        name_nl="Inwoners van 65 jaar en ouder (aantal)",
        name_en="Residents aged 65 and over (number)",
        definition="Aantal inwoners van 65 jaar of ouder op 1 januari.",
        definition_en="Number of inhabitants aged 65 or over on 1 January.",
        unit="inwoners",
        unit_en="inhabitants",
        decimals=0,
        direction="context",
        goal=3,
        subtheme="vergrijzing",
        tables=("70072NED",),
        aggregate_weight="sum",
        caveats="Som van de CBS-leeftijdsgroepen 65-80 en 80+; regiocijfers zijn sommen.",
        caveats_en="Sum of the CBS age groups 65-80 and 80+; regional figures are sums.",
        source_keys="70072NED: k_65Tot80Jaar + k_80JaarOfOuder",
        recipe=(Recipe(source="70072NED", terms=(plus("k_65Tot80Jaar"), plus("k_80JaarOfOuder"))),),
    ),
    Indicator(
        id="population_80_plus",
        name_nl="Inwoners van 80 jaar en ouder (aantal)",
        name_en="Residents aged 80 and over (number)",
        definition="Aantal inwoners van 80 jaar of ouder op 1 januari.",
        definition_en="Number of inhabitants aged 80 or over on 1 January.",
        unit="inwoners",
        unit_en="inhabitants",
        decimals=0,
        direction="context",
        goal=3,
        subtheme="vergrijzing",
        tables=("70072NED",),
        aggregate_weight="sum",
        caveats="CBS-leeftijdsgroep 80 jaar of ouder; regiocijfers zijn sommen.",
        caveats_en="CBS age group 80 or over; regional figures are sums.",
        source_keys="70072NED: k_80JaarOfOuder",
        recipe=(key("70072NED", "k_80JaarOfOuder"),),
    ),
    Indicator(
        id="life_expectancy",
        name_nl="Levensverwachting bij geboorte",
        name_en="Life expectancy at birth",
        definition="Gemiddeld aantal jaren dat een pasgeborene naar verwachting zal leven.",
        definition_en="Average number of years a newborn baby is expected to live.",
        unit="jaar",
        unit_en="years",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("71950ned", "RIVM VZinfo GGD-regio"),
        level="regio",
        aggregate_weight=None,
        caveats=(
            "Alleen voor Nederland (71950ned, per jaar) en GGD Drenthe (= provincie Drenthe, "
            "periode 2019-2022 samen, opgeslagen als 2022). CBS publiceert dit niet per gemeente."
        ),
        caveats_en=(
            "Only for the Netherlands (71950ned, per year) and GGD Drenthe (= the province of "
            "Drenthe; the period 2019-2022 as a whole, stored as 2022). CBS does not publish this "
            "per municipality."
        ),
        source_keys=(
            "71950ned: LevensverwachtingLV (0 jaar, totaal); VZinfo: Bij geboorte, GGD Drenthe"
        ),
        publisher="CBS; RIVM (VZinfo)",
        recipe=(
            key(
                "71950ned",
                "LevensverwachtingLV",
                where=(
                    ("Geslacht", ("T001038",)),
                    ("LeeftijdOp31December", ("10010",)),
                    ("Marges", ("MW00000",)),
                ),
            ),
            key("VZinfo", "Bij geboorte"),
        ),
    ),
    Indicator(
        id="perceived_health_good",
        name_nl="Ervaren gezondheid goed of zeer goed",
        name_en="Perceived good health",
        definition="Volwassenen (18+) die hun gezondheid goed of zeer goed noemen.",
        definition_en="Share of adults (18+) who call their health good or very good.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats=(
            "Gezondheidsmonitor (GGD'en, CBS, RIVM) 2022, modelschatting uit een enquête; hier "
            "alleen Nederland en GGD Drenthe (= provincie Drenthe). Per gemeente: zie 'Goed "
            "ervaren gezondheid (per gemeente)' (50090NED, tot 2020)."
        ),
        caveats_en=(
            "Health Monitor (GGDs, CBS, RIVM) 2022, a model estimate from a survey; here only the "
            "Netherlands and GGD Drenthe (= the province of Drenthe). Per municipality: see 'Good "
            "perceived health (per municipality)' (50090NED, up to 2020)."
        ),
        source_keys="Gezondheidsmonitor: Ervaren gezondheid (goed/zeer goed)",
        publisher="GGD'en, CBS en RIVM",
        recipe=(key("Gezondheidsmonitor 2022", "Ervaren_gezondheid_(goed/zeer_goed)"),),
    ),
    Indicator(
        id="psychological_complaints",
        name_nl="Psychische klachten",
        name_en="Psychological complaints",
        definition="Volwassenen (18+) met psychische klachten (MHI-5 score 60 of lager).",
        definition_en=(
            "Share of adults (18+) with psychological complaints (a score of 60 or lower on the "
            "MHI-5 questionnaire)."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        caveats_en="See 'Perceived good health': 2022 survey, only the Netherlands and Drenthe.",
        source_keys="Gezondheidsmonitor: Psychische klachten (MHI-5 <= 60)",
        publisher="GGD'en, CBS en RIVM",
        recipe=(key("Gezondheidsmonitor 2022", "Psychische_klachten_(MHI-5<=60)"),),
    ),
    Indicator(
        id="meets_exercise_guideline",
        name_nl="Voldoet aan beweegrichtlijn",
        name_en="Meets physical-activity guideline",
        definition="Volwassenen (18+) die voldoen aan de beweegrichtlijn van de Gezondheidsraad.",
        definition_en=(
            "Share of adults (18+) who meet the physical-activity guideline of the Health Council "
            "of the Netherlands."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        caveats_en="See 'Perceived good health': 2022 survey, only the Netherlands and Drenthe.",
        source_keys="Gezondheidsmonitor: Voldoet aan beweegrichtlijn",
        publisher="GGD'en, CBS en RIVM",
        recipe=(key("Gezondheidsmonitor 2022", "Bewegen_en_sport|Voldoet_aan_beweegrichtlijn"),),
    ),
    Indicator(
        id="smokers",
        name_nl="Rokers",
        name_en="Smokers",
        definition="Volwassenen (18+) die roken.",
        definition_en="Share of adults (18+) who smoke.",
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        caveats_en="See 'Perceived good health': 2022 survey, only the Netherlands and Drenthe.",
        source_keys="Gezondheidsmonitor: Rokers",
        publisher="GGD'en, CBS en RIVM",
        recipe=(key("Gezondheidsmonitor 2022", "Rokers"),),
    ),
    # --- Wijken of the four municipalities ----------------------------------------------------
    Indicator(
        id="wijk_population",
        name_nl="Inwoners per wijk",
        name_en="Population per district",
        definition="Aantal inwoners op 1 januari 2024 per wijk.",
        definition_en="Number of inhabitants per district on 1 January 2024.",
        unit="inwoners",
        unit_en="inhabitants",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("85984NED",),
        level="wijk",
        aggregate_weight="sum",
        caveats="Alleen de wijken van Emmen, Coevorden, Hoogeveen en Borger-Odoorn.",
        caveats_en="Only the districts of Emmen, Coevorden, Hoogeveen and Borger-Odoorn.",
        source_keys="85984NED: AantalInwoners",
        recipe=(key("85984NED wijken", "AantalInwoners"),),
    ),
    Indicator(
        id="wijk_population_density",
        name_nl="Bevolkingsdichtheid per wijk",
        name_en="Population density",
        definition="Aantal inwoners per km² land, per wijk.",
        definition_en="Number of inhabitants per km² of land, per district.",
        unit="inwoners per km²",
        unit_en="inhabitants per km²",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("85984NED",),
        level="wijk",
        aggregate_weight=None,
        caveats="Alleen de wijken van de vier gemeenten.",
        caveats_en="Only the districts of the four municipalities.",
        source_keys="85984NED: Bevolkingsdichtheid",
        recipe=(key("85984NED wijken", "Bevolkingsdichtheid"),),
    ),
    Indicator(
        id="wijk_dwelling_stock",
        name_nl="Woningvoorraad per wijk",
        name_en="Dwelling stock per district",
        definition="Aantal woningen op 1 januari 2024 per wijk.",
        definition_en="Number of dwellings per district on 1 January 2024.",
        unit="woningen",
        unit_en="dwellings",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("85984NED",),
        level="wijk",
        aggregate_weight="sum",
        caveats="Alleen de wijken van de vier gemeenten.",
        caveats_en="Only the districts of the four municipalities.",
        source_keys="85984NED: Woningvoorraad",
        recipe=(key("85984NED wijken", "Woningvoorraad"),),
    ),
    Indicator(
        id="wijk_origin_outside_europe",
        name_nl="Inwoners met herkomst buiten Europa",
        name_en="Residents with origin outside Europe",
        definition="Inwoners met herkomstland buiten Europa, als % van alle inwoners van de wijk.",
        definition_en=(
            "Inhabitants whose country of origin is outside Europe, as % of all inhabitants of the "
            "district."
        ),
        unit="%",
        unit_en="%",
        decimals=1,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("85984NED",),
        level="wijk",
        aggregate_weight=None,
        caveats=(
            "Berekend uit de CBS-aantallen per wijk (afgerond op vijftallen); status 'derived'. "
            "Alleen de wijken van de vier gemeenten."
        ),
        caveats_en=(
            "Calculated from the CBS counts per district (rounded to multiples of five); status "
            "'derived'. Only the districts of the four municipalities."
        ),
        source_keys="85984NED (StatLine): Herkomstland buiten Europa / Aantal inwoners",
        recipe=(ratio("85984NED wijken", "buiten_europa", "inwoners", 100.0),),
    ),
)

BY_ID: dict[str, Indicator] = {ind.id: ind for ind in INDICATORS}


def scored_indicators(goal: int | None = None) -> list[Indicator]:
    """The indicators a goal score uses (all goals without ``goal``): scored, and with a figure
    per municipality. Pages, the score, the slides and the exports all ask this one rule."""
    return [
        i
        for i in INDICATORS
        if i.scored and i.level == "gemeente" and (goal is None or i.goal == goal)
    ]


def goal_tables(goal: int) -> list[str]:
    """The source tables behind the scored indicators of a goal (for its source line)."""
    return list(dict.fromkeys(t for ind in scored_indicators(goal) for t in ind.tables))


def municipal_indicators() -> list[Indicator]:
    """Indicators with a figure per municipality (ranked, mapped and explored)."""
    return [i for i in INDICATORS if i.level == "gemeente"]


def wijk_indicators() -> list[Indicator]:
    """Indicators with a figure per wijk of the four municipalities (the wijk map)."""
    return [i for i in INDICATORS if i.level == "wijk"]


def context_indicators(goal: int) -> list[Indicator]:
    """The indicators shown beside a goal but not scored (gemeente and regio level; wijk
    figures belong to the map)."""
    return [
        i
        for i in INDICATORS
        if i.goal == goal and not i.scored and i.level in ("gemeente", "regio")
    ]


def get(indicator_id: str) -> Indicator:
    """The catalog entry, or KeyError naming the unknown id."""
    try:
        return BY_ID[indicator_id]
    except KeyError:
        raise KeyError(f"Unknown indicator {indicator_id!r}; see indicators/catalog.py") from None


def catalog_rows(observations: pd.DataFrame | None = None) -> list[dict[str, object]]:
    """The catalog as plain rows (CSV export, codebook); with the snapshot's observations, the
    years available per indicator are added."""
    years: dict[str, str] = {}
    if observations is not None:
        for ind_id, ys in observations.groupby("indicator")["year"]:
            years[str(ind_id)] = ", ".join(str(y) for y in sorted(set(ys)))
    rows = []
    for ind in INDICATORS:
        row: dict[str, object] = {f.name: getattr(ind, f.name) for f in fields(ind)}
        row["tables"] = "; ".join(ind.tables)
        row["urls"] = "; ".join(ind.urls)
        row["aggregate_ratio"] = " / ".join(map(str, ind.aggregate_ratio or ()))
        row["recipe"] = "; ".join(r.describe() for r in ind.recipe)
        row["goal_name"] = GOALS[ind.goal]["nl"]
        row["scored"] = ind.scored
        row["licence"] = CBS_LICENCE if ind.publisher.startswith("CBS") else "zie bron"
        if observations is not None:
            row["years"] = years.get(ind.id, "")
        rows.append(row)
    return rows
