"""The one declarative catalog of indicators: what each figure is, where it comes from, and how
it is read (direction, goal, unit, aggregation).

Every other module asks this catalog; no page or chart carries indicator facts of its own. The
snapshot build fails if it produces an indicator that is not declared here, and the tests fail if
a declared indicator has no data or an empty field.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Literal

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
    """

    id: str
    name_nl: str
    name_en: str
    definition: str
    unit: str
    decimals: int
    direction: Direction
    goal: int
    subtheme: str
    tables: tuple[str, ...]
    source_keys: str
    level: Level = "gemeente"
    aggregate_weight: str | None = "population"
    caveats: str = "Geen bijzonderheden."
    publisher: str = "CBS"
    aggregate_ratio: tuple[str, str, float] | None = None

    @property
    def scored(self) -> bool:
        return self.direction != "context"

    def name(self, lang: str = "nl") -> str:
        """The indicator's name in the reader's language."""
        return self.name_en if lang == "en" and self.name_en else self.name_nl

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
_DIST_CAVEAT = (
    "Alleen peiljaar 2015 in de offline bestanden (70072NED); de live verversing haalt de reeks. "
    "Afstanden zijn in landelijke gemeenten structureel groter: vergelijk ook met "
    "vergelijkbare gemeenten."
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

INDICATORS: tuple[Indicator, ...] = (
    # --- Background (not scored) -------------------------------------------------------------
    Indicator(
        id="population",
        name_nl="Inwoners op 1 januari",
        name_en="Population on 1 January",
        definition="Aantal inwoners volgens de Basisregistratie Personen op 1 januari.",
        unit="inwoners",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("03759ned", "70072NED"),
        aggregate_weight="sum",
        caveats="2015-2018 uit 70072NED, vanaf 2019 uit 03759ned (zelfde CBS-definitie).",
        source_keys="03759ned: measure 'Bevolking op 1 januari'; 70072NED: TotaleBevolking",
    ),
    Indicator(
        id="population_density",
        name_nl="Bevolkingsdichtheid",
        name_en="Population density",
        definition="Aantal inwoners per km² land.",
        unit="inwoners per km²",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("KWB",),
        aggregate_weight=None,
        caveats="Per KWB-editie; peildatum 1 januari.",
        source_keys="KWB: bev_dich (Bevolkingsdichtheid)",
    ),
    Indicator(
        id="urbanity",
        name_nl="Mate van stedelijkheid",
        name_en="Degree of urbanity",
        definition=(
            "CBS-klasse 1 (zeer sterk stedelijk) tot 5 (niet stedelijk), naar "
            "omgevingsadressendichtheid."
        ),
        unit="klasse 1-5",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("KWB",),
        aggregate_weight=None,
        caveats="Een klasse, geen meetwaarde: wordt niet gemiddeld over regio's.",
        source_keys="KWB: ste_mvs (MateVanStedelijkheid)",
    ),
    Indicator(
        id="population_outlook",
        name_nl="Bevolkingsprognose",
        name_en="Population outlook",
        definition=(
            "Verwachte bevolking volgens de PBL/CBS Regionale prognose 2020-2050 "
            "(prognose-variant)."
        ),
        unit="x 1 000 inwoners",
        decimals=1,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("84527NED",),
        level="regio",
        aggregate_weight=None,
        caveats=(
            "Overgenomen (met de hand) uit de tabelweergave van 84527NED op cbs.nl; alleen "
            "Nederland, Drenthe en COROP-gebieden; status 'transcribed'. Een prognose, geen "
            "meting."
        ),
        source_keys="84527NED: Totale bevolking, Prognose, leeftijd totaal (x 1 000)",
    ),
    # --- Goal 1: veilige en leefbare regio's ---------------------------------------------------
    Indicator(
        id="dwelling_stock",
        name_nl="Woningvoorraad",
        name_en="Dwelling stock",
        definition="Aantal woningen op 1 januari.",
        unit="woningen",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB", "70072NED"),
        aggregate_weight="sum",
        source_keys="KWB: a_woning (Woningvoorraad); 70072NED: VoorraadOp1Januari",
    ),
    Indicator(
        id="vacancy_rate",
        name_nl="Onbewoonde woningen",
        name_en="Unoccupied dwellings",
        definition=(
            "Woningen waar op 1 januari niemand stond ingeschreven, als % van de woningvoorraad."
        ),
        unit="%",
        decimals=0,
        direction="lower_better",
        goal=1,
        subtheme="wonen",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats=(
            "KWB publiceert dit afgerond op hele procenten; Nederland en Drenthe afgeleid "
            "(gewogen met de woningvoorraad)."
        ),
        source_keys="KWB: p_leegsw (OnbewoondeWoningen)",
    ),
    Indicator(
        id="new_dwellings_per_1000",
        name_nl="Nieuwbouwwoningen per 1.000 woningen",
        name_en="New dwellings per 1,000 dwellings",
        definition=(
            "Door nieuwbouw aan de woningvoorraad toegevoegde woningen per 1.000 woningen op 1 "
            "januari."
        ),
        unit="per 1.000 woningen",
        decimals=1,
        direction="higher_better",
        goal=1,
        subtheme="wonen",
        tables=("70072NED",),
        aggregate_weight="dwelling_stock",
        caveats=_PER_INW_2015.replace("de bevolking", "de woningvoorraad"),
        source_keys="70072NED: Nieuwbouwwoningen / VoorraadOp1Januari x 1 000",
    ),
    Indicator(
        id="owner_occupied_share",
        name_nl="Koopwoningen",
        name_en="Owner-occupied dwellings",
        definition="Woningen in eigendom van de bewoner, als % van de woningvoorraad.",
        unit="%",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB", "70072NED"),
        aggregate_weight="dwelling_stock",
        caveats="Context: een hoger aandeel is niet vanzelf beter.",
        source_keys="KWB: p_koopw (Koopwoningen); 70072NED: Koopwoningen",
    ),
    Indicator(
        id="social_housing_share",
        name_nl="Corporatiewoningen",
        name_en="Housing-association dwellings",
        definition=(
            "Huurwoningen in eigendom van een woningcorporatie, als % van de woningvoorraad."
        ),
        unit="%",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats="Context: de richting is omstreden.",
        source_keys="KWB: p_wcorpw (InBezitWoningcorporatie)",
    ),
    Indicator(
        id="woz_value",
        name_nl="Gemiddelde WOZ-waarde",
        name_en="Average WOZ property value",
        definition="Gemiddelde WOZ-waarde van woningen; jaar = waardepeildatum 1 januari.",
        unit="x 1 000 euro",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("KWB",),
        aggregate_weight="dwelling_stock",
        caveats=(
            "KWB-editie X geeft de waarde op waardepeildatum 1 januari X-1; hier staat die "
            "waardepeildatum als jaar. Nieuwste editie deels voorlopig."
        ),
        source_keys="KWB: g_wozbag (GemiddeldeWOZWaardeVanWoningen)",
    ),
    Indicator(
        id="house_price",
        name_nl="Gemiddelde verkoopprijs bestaande koopwoningen",
        name_en="Average sale price of existing homes",
        definition=(
            "Gemiddelde verkoopprijs van bestaande koopwoningen die in het jaar zijn verkocht."
        ),
        unit="euro",
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
        source_keys="83625NED: measure 'Gemiddelde verkoopprijs'",
    ),
    Indicator(
        id="crime_per_1000",
        name_nl="Geregistreerde misdrijven per 1.000 inwoners",
        name_en="Registered crimes per 1,000 inhabitants",
        definition="Door de politie geregistreerde misdrijven (alle soorten) per 1.000 inwoners.",
        unit="per 1.000 inwoners",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        caveats=(
            "Alleen 2015 in de offline bestanden; Nederland afgeleid (gewogen met de bevolking). "
            "Registratie hangt ook af van aangiftebereidheid."
        ),
        source_keys="83648NED: GeregistreerdeMisdrijvenPer1000Inw, SoortMisdrijf 0000000 (totaal)",
        aggregate_ratio=("crimes", "population", 1000.0),
    ),
    Indicator(
        id="bike_theft_per_1000",
        name_nl="Fietsdiefstallen per 1.000 inwoners",
        name_en="Bicycle thefts per 1,000 inhabitants",
        definition="Geregistreerde diefstallen van fietsen per 1.000 inwoners.",
        unit="per 1.000 inwoners",
        decimals=1,
        direction="lower_better",
        goal=1,
        subtheme="veiligheid",
        tables=("83651NED",),
        caveats=(
            "CBS rondt aantallen af op vijftallen en onderdrukt het cijfer bij kleine aantallen "
            "(Borger-Odoorn): daar ontbreekt de waarde."
        ),
        source_keys="83651NED: GeregistreerdeDiefstallenPer1000Inw, CRI1122, T001540",
        aggregate_ratio=("bike_thefts", "population", 1000.0),
    ),
    Indicator(
        id="residual_waste_per_inhabitant",
        name_nl="Huishoudelijk restafval per inwoner",
        name_en="Residual household waste per inhabitant",
        definition="Niet gescheiden ingezameld huishoudelijk afval in kg per inwoner.",
        unit="kg per inwoner",
        decimals=0,
        direction="lower_better",
        goal=1,
        subtheme="duurzaamheid",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        source_keys="70072NED: HuishoudelijkRestafval (1 000 kg) / TotaleBevolking",
    ),
    Indicator(
        id="crimes",
        name_nl="Geregistreerde misdrijven",
        name_en="Registered crimes",
        definition="Aantal door de politie geregistreerde misdrijven (alle soorten).",
        unit="misdrijven",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="veiligheid",
        tables=("83648NED",),
        aggregate_weight="sum",
        caveats="Teller van misdrijven per 1.000 inwoners; regiocijfers zijn sommen.",
        source_keys="83648NED: TotaalGeregistreerdeMisdrijven, SoortMisdrijf 0000000 (totaal)",
    ),
    Indicator(
        id="bike_thefts",
        name_nl="Fietsdiefstallen",
        name_en="Bicycle thefts",
        definition="Aantal geregistreerde diefstallen van fietsen.",
        unit="diefstallen",
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
        source_keys="83651NED: TotaalGeregistreerdeDiefstallen, CRI1122, T001540",
    ),
    Indicator(
        id="waste_separated_share",
        name_nl="Gescheiden ingezameld huishoudelijk afval",
        name_en="Separately collected household waste",
        definition=(
            "Deel van het huishoudelijk afval dat gescheiden is ingezameld (alles behalve rest- "
            "en grof restafval)."
        ),
        unit="%",
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
        source_keys=(
            "70072NED: 1 - (HuishoudelijkRestafval + GrofHuishoudelijkRestafval) / "
            "TotaalHuishoudelijkAfval"
        ),
        aggregate_ratio=("waste_separated", "waste_total", 100.0),
    ),
    Indicator(
        id="waste_separated",
        name_nl="Gescheiden ingezameld afval",
        name_en="Separately collected waste",
        definition="Hoeveelheid gescheiden ingezameld huishoudelijk afval.",
        unit="1 000 kg",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="duurzaamheid",
        tables=("70072NED",),
        aggregate_weight="sum",
        caveats="Teller van het aandeel gescheiden afval; status 'derived'.",
        source_keys=(
            "70072NED: TotaalHuishoudelijkAfval - HuishoudelijkRestafval - "
            "GrofHuishoudelijkRestafval"
        ),
    ),
    Indicator(
        id="waste_total",
        name_nl="Huishoudelijk afval totaal",
        name_en="Household waste, total",
        definition="Totale hoeveelheid ingezameld huishoudelijk afval.",
        unit="1 000 kg",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="duurzaamheid",
        tables=("70072NED",),
        aggregate_weight="sum",
        source_keys="70072NED: TotaalHuishoudelijkAfval",
    ),
    # --- Goal 2: voorzieningen -----------------------------------------------------------------
    Indicator(
        id="dist_gp",
        name_nl="Afstand tot huisartsenpraktijk",
        name_en="Distance to GP practice",
        definition=f"{_DIST} de dichtstbijzijnde huisartsenpraktijk.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="zorg",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotHuisartsenpraktijk",
    ),
    Indicator(
        id="dist_gp_post",
        name_nl="Afstand tot huisartsenpost",
        name_en="Distance to out-of-hours GP post",
        definition=f"{_DIST} de dichtstbijzijnde huisartsenpost.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="zorg",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotHuisartsenpost",
    ),
    Indicator(
        id="dist_hospital",
        name_nl="Afstand tot ziekenhuis",
        name_en="Distance to hospital",
        definition=f"{_DIST} het dichtstbijzijnde ziekenhuis.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="zorg",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotZiekenhuis",
    ),
    Indicator(
        id="dist_childcare",
        name_nl="Afstand tot kinderdagverblijf",
        name_en="Distance to childcare",
        definition=f"{_DIST} het dichtstbijzijnde kinderdagverblijf.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotKinderdagverblijf",
    ),
    Indicator(
        id="dist_primary_school",
        name_nl="Afstand tot basisschool",
        name_en="Distance to primary school",
        definition=f"{_DIST} de dichtstbijzijnde basisschool.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotSchoolBasisonderwijs",
    ),
    Indicator(
        id="dist_secondary_school",
        name_nl="Afstand tot school havo/vwo",
        name_en="Distance to havo/vwo school",
        definition=f"{_DIST} de dichtstbijzijnde school voor havo/vwo.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotSchoolHavoVwo",
    ),
    Indicator(
        id="dist_supermarket",
        name_nl="Afstand tot grote supermarkt",
        name_en="Distance to large supermarket",
        definition=f"{_DIST} de dichtstbijzijnde grote supermarkt.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="winkels",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotGroteSupermarkt",
    ),
    Indicator(
        id="dist_library",
        name_nl="Afstand tot bibliotheek",
        name_en="Distance to library",
        definition=f"{_DIST} de dichtstbijzijnde bibliotheek.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="cultuur en sport",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotBibliotheek",
    ),
    Indicator(
        id="dist_cinema",
        name_nl="Afstand tot bioscoop",
        name_en="Distance to cinema",
        definition=f"{_DIST} de dichtstbijzijnde bioscoop.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="cultuur en sport",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotBioscoop",
    ),
    Indicator(
        id="dist_pool",
        name_nl="Afstand tot zwembad",
        name_en="Distance to swimming pool",
        definition=f"{_DIST} het dichtstbijzijnde zwembad.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="cultuur en sport",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotZwembad",
    ),
    Indicator(
        id="dist_train_station",
        name_nl="Afstand tot treinstation",
        name_en="Distance to railway station",
        definition=f"{_DIST} het dichtstbijzijnde treinstation.",
        unit="km",
        decimals=1,
        direction="lower_better",
        goal=2,
        subtheme="vervoer",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AfstandTotTreinstation",
    ),
    Indicator(
        id="schools_within_3km",
        name_nl="Basisscholen binnen 3 km",
        name_en="Primary schools within 3 km",
        definition="Gemiddeld aantal basisscholen binnen 3 km over de weg, voor alle inwoners.",
        unit="aantal",
        decimals=1,
        direction="higher_better",
        goal=2,
        subtheme="onderwijs",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AantalBasisonderwijsscholenBinnen3Km",
    ),
    Indicator(
        id="supermarkets_within_3km",
        name_nl="Grote supermarkten binnen 3 km",
        name_en="Large supermarkets within 3 km",
        definition=(
            "Gemiddeld aantal grote supermarkten binnen 3 km over de weg, voor alle inwoners."
        ),
        unit="aantal",
        decimals=1,
        direction="higher_better",
        goal=2,
        subtheme="winkels",
        tables=("70072NED",),
        caveats=_DIST_CAVEAT,
        source_keys="70072NED: AantalGroteSupermarktenBinnen3Km",
    ),
    Indicator(
        id="cars_per_1000",
        name_nl="Personenauto's per 1.000 inwoners",
        name_en="Passenger cars per 1,000",
        definition="Personenauto's in het bezit van inwoners en bedrijven, per 1.000 inwoners.",
        unit="per 1.000 inwoners",
        decimals=0,
        direction="context",
        goal=2,
        subtheme="vervoer",
        tables=("70072NED",),
        caveats=(
            "Context: autobezit zegt iets over afhankelijkheid van de auto, niet over welvaart "
            "alleen. Nederland en Drenthe afgeleid uit de gemeenten (gewogen met de bevolking)."
        ),
        source_keys='70072ned (v4): measure "Personenauto\'s, relatief"',
    ),
    # --- Goal 3: gezonde en kansrijke toekomst -------------------------------------------------
    Indicator(
        id="households",
        name_nl="Particuliere huishoudens",
        name_en="Private households",
        definition="Aantal particuliere huishoudens.",
        unit="huishoudens",
        decimals=0,
        direction="context",
        goal=3,
        subtheme="inkomen",
        tables=("KWB", "70072NED"),
        aggregate_weight="sum",
        source_keys="KWB: a_hh (HuishoudensTotaal); 70072NED: TotaalAantalParticuliereHuishoudens",
    ),
    Indicator(
        id="income_household_mean_disposable",
        name_nl="Gemiddeld besteedbaar inkomen per huishouden",
        name_en="Mean disposable household income",
        definition="Gemiddeld besteedbaar inkomen van particuliere huishoudens.",
        unit="x 1 000 euro",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="inkomen",
        tables=("70072NED", "Inkomen van huishoudens"),
        aggregate_weight="households",
        caveats=_INCOME_BREAK,
        source_keys=(
            "70072NED: TotaalParticuliereHuishoudens (1e blok); StatLine: Gemiddeld besteedbaar "
            "inkomen"
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
        unit="x 1 000 euro",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="inkomen",
        tables=("70072NED", "Inkomen van huishoudens"),
        aggregate_weight="households",
        caveats=_INCOME_BREAK,
        source_keys=(
            "70072NED: TotaalParticuliereHuishoudens (2e blok); StatLine: Gemiddeld "
            "gestandaardiseerd inkomen"
        ),
    ),
    Indicator(
        id="income_household_median_standardised",
        name_nl="Mediaan gestandaardiseerd inkomen",
        name_en="Median standardised household income",
        definition=(
            "Mediaan van het gestandaardiseerd besteedbaar inkomen van particuliere huishoudens."
        ),
        unit="x 1 000 euro",
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
        source_keys="StatLine: Mediaan gestandaardiseerd inkomen",
    ),
    Indicator(
        id="unemployment_benefits_per_1000",
        name_nl="WW-uitkeringen per 1.000 inwoners",
        name_en="Unemployment benefits per 1,000 inhabitants",
        definition="Personen met een WW-uitkering per 1.000 inwoners.",
        unit="per 1.000 inwoners",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="werk",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        source_keys="70072NED: Werkloosheid / TotaleBevolking x 1 000",
    ),
    Indicator(
        id="social_assistance_per_1000",
        name_nl="Bijstandsuitkeringen per 1.000 inwoners",
        name_en="Social assistance per 1,000 inhabitants",
        definition=(
            "Personen tot de AOW-leeftijd met een bijstandsuitkering (Participatiewet) per 1.000 "
            "inwoners."
        ),
        unit="per 1.000 inwoners",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="werk",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        source_keys="70072NED: BijstandTotDeAOWLeeftijd / TotaleBevolking x 1 000",
    ),
    Indicator(
        id="disability_benefits_per_1000",
        name_nl="Arbeidsongeschiktheidsuitkeringen per 1.000 inwoners",
        name_en="Disability benefits per 1,000 inhabitants",
        definition=(
            "Personen met een arbeidsongeschiktheidsuitkering (WAO, WIA, WAZ, Wajong) per 1.000 "
            "inwoners."
        ),
        unit="per 1.000 inwoners",
        decimals=1,
        direction="lower_better",
        goal=3,
        subtheme="gezondheid",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        source_keys="70072NED: ArbeidsongeschiktheidTotaal / TotaleBevolking x 1 000",
    ),
    Indicator(
        id="jobs_per_1000",
        name_nl="Banen per 1.000 inwoners",
        name_en="Jobs per 1,000 inhabitants",
        definition=(
            "Aantal banen van werknemers en zelfstandigen met werklocatie in de gemeente, per "
            "1.000 inwoners."
        ),
        unit="per 1.000 inwoners",
        decimals=0,
        direction="higher_better",
        goal=3,
        subtheme="economie",
        tables=("70072NED",),
        caveats=_PER_INW_2015 + " CBS publiceert banen in duizendtallen.",
        source_keys="70072NED: TotaalAantalBanen (x 1 000) / TotaleBevolking x 1 000",
    ),
    Indicator(
        id="businesses_per_1000",
        name_nl="Bedrijfsvestigingen per 1.000 inwoners",
        name_en="Business establishments per 1,000 inhabitants",
        definition="Aantal bedrijfsvestigingen per 1.000 inwoners.",
        unit="per 1.000 inwoners",
        decimals=1,
        direction="higher_better",
        goal=3,
        subtheme="economie",
        tables=("70072NED",),
        caveats=_PER_INW_2015,
        source_keys="70072NED: BedrijfsvestigingenTotaal / TotaleBevolking x 1 000",
    ),
    Indicator(
        id="life_expectancy",
        name_nl="Levensverwachting bij geboorte",
        name_en="Life expectancy at birth",
        definition="Gemiddeld aantal jaren dat een pasgeborene naar verwachting zal leven.",
        unit="jaar",
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
        source_keys=(
            "71950ned: LevensverwachtingLV (0 jaar, totaal); VZinfo: Bij geboorte, GGD Drenthe"
        ),
        publisher="CBS; RIVM (VZinfo)",
    ),
    Indicator(
        id="perceived_health_good",
        name_nl="Ervaren gezondheid goed of zeer goed",
        name_en="Perceived good health",
        definition="Volwassenen (18+) die hun gezondheid goed of zeer goed noemen.",
        unit="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats=(
            "Gezondheidsmonitor (GGD'en, CBS, RIVM) 2022, modelschatting uit een enquête; hier "
            "alleen Nederland en GGD Drenthe (= provincie Drenthe)."
        ),
        source_keys="Gezondheidsmonitor: Ervaren gezondheid (goed/zeer goed)",
        publisher="GGD'en, CBS en RIVM",
    ),
    Indicator(
        id="psychological_complaints",
        name_nl="Psychische klachten",
        name_en="Psychological complaints",
        definition="Volwassenen (18+) met psychische klachten (MHI-5 score 60 of lager).",
        unit="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        source_keys="Gezondheidsmonitor: Psychische klachten (MHI-5 <= 60)",
        publisher="GGD'en, CBS en RIVM",
    ),
    Indicator(
        id="meets_exercise_guideline",
        name_nl="Voldoet aan beweegrichtlijn",
        name_en="Meets physical-activity guideline",
        definition="Volwassenen (18+) die voldoen aan de beweegrichtlijn van de Gezondheidsraad.",
        unit="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        source_keys="Gezondheidsmonitor: Voldoet aan beweegrichtlijn",
        publisher="GGD'en, CBS en RIVM",
    ),
    Indicator(
        id="smokers",
        name_nl="Rokers",
        name_en="Smokers",
        definition="Volwassenen (18+) die roken.",
        unit="%",
        decimals=1,
        direction="context",
        goal=3,
        subtheme="gezondheid",
        tables=("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        aggregate_weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        source_keys="Gezondheidsmonitor: Rokers",
        publisher="GGD'en, CBS en RIVM",
    ),
    # --- Wijken of the four municipalities ----------------------------------------------------
    Indicator(
        id="wijk_population",
        name_nl="Inwoners per wijk",
        name_en="Population per district",
        definition="Aantal inwoners op 1 januari 2024 per wijk.",
        unit="inwoners",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("85984NED",),
        level="wijk",
        aggregate_weight="sum",
        caveats="Alleen de wijken van Emmen, Coevorden, Hoogeveen en Borger-Odoorn.",
        source_keys="85984NED: AantalInwoners",
    ),
    Indicator(
        id="wijk_population_density",
        name_nl="Bevolkingsdichtheid per wijk",
        name_en="Population density",
        definition="Aantal inwoners per km² land, per wijk.",
        unit="inwoners per km²",
        decimals=0,
        direction="context",
        goal=0,
        subtheme="bevolking",
        tables=("85984NED",),
        level="wijk",
        aggregate_weight=None,
        caveats="Alleen de wijken van de vier gemeenten.",
        source_keys="85984NED: Bevolkingsdichtheid",
    ),
    Indicator(
        id="wijk_dwelling_stock",
        name_nl="Woningvoorraad per wijk",
        name_en="Dwelling stock per district",
        definition="Aantal woningen op 1 januari 2024 per wijk.",
        unit="woningen",
        decimals=0,
        direction="context",
        goal=1,
        subtheme="wonen",
        tables=("85984NED",),
        level="wijk",
        aggregate_weight="sum",
        caveats="Alleen de wijken van de vier gemeenten.",
        source_keys="85984NED: Woningvoorraad",
    ),
    Indicator(
        id="wijk_origin_outside_europe",
        name_nl="Inwoners met herkomst buiten Europa",
        name_en="Residents with origin outside Europe",
        definition="Inwoners met herkomstland buiten Europa, als % van alle inwoners van de wijk.",
        unit="%",
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
        source_keys="85984NED (StatLine): Herkomstland buiten Europa / Aantal inwoners",
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
        row["goal_name"] = GOALS[ind.goal]["nl"]
        row["scored"] = ind.scored
        row["licence"] = CBS_LICENCE if ind.publisher.startswith("CBS") else "zie bron"
        if observations is not None:
            row["years"] = years.get(ind.id, "")
        rows.append(row)
    return rows
