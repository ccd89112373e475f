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


@dataclass(frozen=True)
class Indicator:
    """One indicator. ``aggregate_weight`` names the indicator whose values weight a derived
    regional figure (population, dwellings, households); ``"sum"`` adds counts up; ``None``
    means no regional figure may be derived (a class code, a region-only statistic)."""

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
    level: Level
    aggregate_weight: str | None
    caveats: str
    source_keys: str
    publisher: str
    aggregate_ratio: tuple[str, str, float] | None

    @property
    def scored(self) -> bool:
        return self.direction != "context"

    @property
    def urls(self) -> tuple[str, ...]:
        """Where a reader finds each source table."""
        return tuple(table_url(t) for t in self.tables)


def _i(
    id: str,
    name_nl: str,
    name_en: str,
    definition: str,
    unit: str,
    decimals: int,
    direction: Direction,
    goal: int,
    subtheme: str,
    tables: tuple[str, ...],
    *,
    level: Level = "gemeente",
    weight: str | None = "population",
    caveats: str = "Geen bijzonderheden.",
    keys: str,
    publisher: str = "CBS",
    ratio: tuple[str, str, float] | None = None,
) -> Indicator:
    return Indicator(
        id,
        name_nl,
        name_en,
        definition,
        unit,
        decimals,
        direction,
        goal,
        subtheme,
        tables,
        level,
        weight,
        caveats,
        keys,
        publisher,
        ratio,
    )


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
    _i(
        "population",
        "Inwoners op 1 januari",
        "Population on 1 January",
        "Aantal inwoners volgens de Basisregistratie Personen op 1 januari.",
        "inwoners",
        0,
        "context",
        0,
        "bevolking",
        ("03759ned", "70072NED"),
        weight="sum",
        caveats="2015-2018 uit 70072NED, vanaf 2019 uit 03759ned (zelfde CBS-definitie).",
        keys="03759ned: measure 'Bevolking op 1 januari'; 70072NED: TotaleBevolking",
    ),
    _i(
        "population_density",
        "Bevolkingsdichtheid",
        "Population density",
        "Aantal inwoners per km² land.",
        "inwoners per km²",
        0,
        "context",
        0,
        "bevolking",
        ("KWB",),
        weight=None,
        caveats="Per KWB-editie; peildatum 1 januari.",
        keys="KWB: bev_dich (Bevolkingsdichtheid)",
    ),
    _i(
        "urbanity",
        "Mate van stedelijkheid",
        "Degree of urbanity",
        "CBS-klasse 1 (zeer sterk stedelijk) tot 5 (niet stedelijk), naar "
        "omgevingsadressendichtheid.",
        "klasse 1-5",
        0,
        "context",
        0,
        "bevolking",
        ("KWB",),
        weight=None,
        caveats="Een klasse, geen meetwaarde: wordt niet gemiddeld over regio's.",
        keys="KWB: ste_mvs (MateVanStedelijkheid)",
    ),
    _i(
        "population_outlook",
        "Bevolkingsprognose",
        "Population outlook",
        "Verwachte bevolking volgens de PBL/CBS Regionale prognose 2020-2050 (prognose-variant).",
        "x 1 000 inwoners",
        1,
        "context",
        0,
        "bevolking",
        ("84527NED",),
        level="regio",
        weight=None,
        caveats="Overgenomen (met de hand) uit de tabelweergave van 84527NED op cbs.nl; alleen "
        "Nederland, Drenthe en COROP-gebieden; status 'transcribed'. Een prognose, geen meting.",
        keys="84527NED: Totale bevolking, Prognose, leeftijd totaal (x 1 000)",
    ),
    # --- Goal 1: veilige en leefbare regio's ---------------------------------------------------
    _i(
        "dwelling_stock",
        "Woningvoorraad",
        "Dwelling stock",
        "Aantal woningen op 1 januari.",
        "woningen",
        0,
        "context",
        1,
        "wonen",
        ("KWB", "70072NED"),
        weight="sum",
        keys="KWB: a_woning (Woningvoorraad); 70072NED: VoorraadOp1Januari",
    ),
    _i(
        "vacancy_rate",
        "Onbewoonde woningen",
        "Unoccupied dwellings",
        "Woningen waar op 1 januari niemand stond ingeschreven, als % van de woningvoorraad.",
        "%",
        0,
        "lower_better",
        1,
        "wonen",
        ("KWB",),
        weight="dwelling_stock",
        caveats="KWB publiceert dit afgerond op hele procenten; Nederland en Drenthe afgeleid "
        "(gewogen met de woningvoorraad).",
        keys="KWB: p_leegsw (OnbewoondeWoningen)",
    ),
    _i(
        "new_dwellings_per_1000",
        "Nieuwbouwwoningen per 1.000 woningen",
        "New dwellings per 1,000 dwellings",
        "Door nieuwbouw aan de woningvoorraad toegevoegde woningen per 1.000 woningen op 1 "
        "januari.",
        "per 1.000 woningen",
        1,
        "higher_better",
        1,
        "wonen",
        ("70072NED",),
        weight="dwelling_stock",
        caveats=_PER_INW_2015.replace("de bevolking", "de woningvoorraad"),
        keys="70072NED: Nieuwbouwwoningen / VoorraadOp1Januari x 1 000",
    ),
    _i(
        "owner_occupied_share",
        "Koopwoningen",
        "Owner-occupied dwellings",
        "Woningen in eigendom van de bewoner, als % van de woningvoorraad.",
        "%",
        0,
        "context",
        1,
        "wonen",
        ("KWB", "70072NED"),
        weight="dwelling_stock",
        caveats="Context: een hoger aandeel is niet vanzelf beter.",
        keys="KWB: p_koopw (Koopwoningen); 70072NED: Koopwoningen",
    ),
    _i(
        "social_housing_share",
        "Corporatiewoningen",
        "Housing-association dwellings",
        "Huurwoningen in eigendom van een woningcorporatie, als % van de woningvoorraad.",
        "%",
        0,
        "context",
        1,
        "wonen",
        ("KWB",),
        weight="dwelling_stock",
        caveats="Context: de richting is omstreden.",
        keys="KWB: p_wcorpw (InBezitWoningcorporatie)",
    ),
    _i(
        "woz_value",
        "Gemiddelde WOZ-waarde",
        "Average WOZ property value",
        "Gemiddelde WOZ-waarde van woningen; jaar = waardepeildatum 1 januari.",
        "x 1 000 euro",
        0,
        "context",
        1,
        "wonen",
        ("KWB",),
        weight="dwelling_stock",
        caveats="KWB-editie X geeft de waarde op waardepeildatum 1 januari X-1; hier staat die "
        "waardepeildatum als jaar. Nieuwste editie deels voorlopig.",
        keys="KWB: g_wozbag (GemiddeldeWOZWaardeVanWoningen)",
    ),
    _i(
        "house_price",
        "Gemiddelde verkoopprijs bestaande koopwoningen",
        "Average sale price of existing homes",
        "Gemiddelde verkoopprijs van bestaande koopwoningen die in het jaar zijn verkocht.",
        "euro",
        0,
        "context",
        1,
        "wonen",
        ("83625NED",),
        weight=None,
        caveats="Afhankelijk van welke woningen toevallig verkocht zijn; in kleine gemeenten "
        "schommelt het gemiddelde.",
        keys="83625NED: measure 'Gemiddelde verkoopprijs'",
    ),
    _i(
        "crime_per_1000",
        "Geregistreerde misdrijven per 1.000 inwoners",
        "Registered crimes per 1,000 inhabitants",
        "Door de politie geregistreerde misdrijven (alle soorten) per 1.000 inwoners.",
        "per 1.000 inwoners",
        1,
        "lower_better",
        1,
        "veiligheid",
        ("83648NED",),
        caveats="Alleen 2015 in de offline bestanden; Nederland afgeleid (gewogen met de "
        "bevolking). Registratie hangt ook af van aangiftebereidheid.",
        keys="83648NED: GeregistreerdeMisdrijvenPer1000Inw, SoortMisdrijf 0000000 (totaal)",
        ratio=("crimes", "population", 1000.0),
    ),
    _i(
        "bike_theft_per_1000",
        "Fietsdiefstallen per 1.000 inwoners",
        "Bicycle thefts per 1,000 inhabitants",
        "Geregistreerde diefstallen van fietsen per 1.000 inwoners.",
        "per 1.000 inwoners",
        1,
        "lower_better",
        1,
        "veiligheid",
        ("83651NED",),
        caveats="CBS rondt aantallen af op vijftallen en onderdrukt het cijfer bij kleine "
        "aantallen (Borger-Odoorn): daar ontbreekt de waarde.",
        keys="83651NED: GeregistreerdeDiefstallenPer1000Inw, CRI1122, T001540",
        ratio=("bike_thefts", "population", 1000.0),
    ),
    _i(
        "residual_waste_per_inhabitant",
        "Huishoudelijk restafval per inwoner",
        "Residual household waste per inhabitant",
        "Niet gescheiden ingezameld huishoudelijk afval in kg per inwoner.",
        "kg per inwoner",
        0,
        "lower_better",
        1,
        "duurzaamheid",
        ("70072NED",),
        caveats=_PER_INW_2015,
        keys="70072NED: HuishoudelijkRestafval (1 000 kg) / TotaleBevolking",
    ),
    _i(
        "crimes",
        "Geregistreerde misdrijven",
        "Registered crimes",
        "Aantal door de politie geregistreerde misdrijven (alle soorten).",
        "misdrijven",
        0,
        "context",
        1,
        "veiligheid",
        ("83648NED",),
        weight="sum",
        caveats="Teller van misdrijven per 1.000 inwoners; regiocijfers zijn sommen.",
        keys="83648NED: TotaalGeregistreerdeMisdrijven, SoortMisdrijf 0000000 (totaal)",
    ),
    _i(
        "bike_thefts",
        "Fietsdiefstallen",
        "Bicycle thefts",
        "Aantal geregistreerde diefstallen van fietsen.",
        "diefstallen",
        0,
        "context",
        1,
        "veiligheid",
        ("83651NED",),
        weight="sum",
        caveats="CBS rondt af op vijftallen. Teller van fietsdiefstallen per 1.000 inwoners: "
        "zo is ook het regiocijfer te berekenen waar CBS het gemeentelijke cijfer onderdrukt.",
        keys="83651NED: TotaalGeregistreerdeDiefstallen, CRI1122, T001540",
    ),
    _i(
        "waste_separated_share",
        "Gescheiden ingezameld huishoudelijk afval",
        "Separately collected household waste",
        "Deel van het huishoudelijk afval dat gescheiden is ingezameld (alles behalve rest- en "
        "grof restafval).",
        "%",
        1,
        "higher_better",
        1,
        "duurzaamheid",
        ("70072NED",),
        weight=None,
        caveats="Berekend uit de CBS-hoeveelheden per afvalsoort (70072NED); status 'derived'. "
        "Regiocijfers uit de opgetelde hoeveelheden.",
        keys="70072NED: 1 - (HuishoudelijkRestafval + GrofHuishoudelijkRestafval) / "
        "TotaalHuishoudelijkAfval",
        ratio=("waste_separated", "waste_total", 100.0),
    ),
    _i(
        "waste_separated",
        "Gescheiden ingezameld afval",
        "Separately collected waste",
        "Hoeveelheid gescheiden ingezameld huishoudelijk afval.",
        "1 000 kg",
        0,
        "context",
        1,
        "duurzaamheid",
        ("70072NED",),
        weight="sum",
        caveats="Teller van het aandeel gescheiden afval; status 'derived'.",
        keys="70072NED: TotaalHuishoudelijkAfval - HuishoudelijkRestafval - "
        "GrofHuishoudelijkRestafval",
    ),
    _i(
        "waste_total",
        "Huishoudelijk afval totaal",
        "Household waste, total",
        "Totale hoeveelheid ingezameld huishoudelijk afval.",
        "1 000 kg",
        0,
        "context",
        1,
        "duurzaamheid",
        ("70072NED",),
        weight="sum",
        keys="70072NED: TotaalHuishoudelijkAfval",
    ),
    # --- Goal 2: voorzieningen -----------------------------------------------------------------
    _i(
        "dist_gp",
        "Afstand tot huisartsenpraktijk",
        "Distance to GP practice",
        f"{_DIST} de dichtstbijzijnde huisartsenpraktijk.",
        "km",
        1,
        "lower_better",
        2,
        "zorg",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotHuisartsenpraktijk",
    ),
    _i(
        "dist_gp_post",
        "Afstand tot huisartsenpost",
        "Distance to out-of-hours GP post",
        f"{_DIST} de dichtstbijzijnde huisartsenpost.",
        "km",
        1,
        "lower_better",
        2,
        "zorg",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotHuisartsenpost",
    ),
    _i(
        "dist_hospital",
        "Afstand tot ziekenhuis",
        "Distance to hospital",
        f"{_DIST} het dichtstbijzijnde ziekenhuis.",
        "km",
        1,
        "lower_better",
        2,
        "zorg",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotZiekenhuis",
    ),
    _i(
        "dist_childcare",
        "Afstand tot kinderdagverblijf",
        "Distance to childcare",
        f"{_DIST} het dichtstbijzijnde kinderdagverblijf.",
        "km",
        1,
        "lower_better",
        2,
        "onderwijs",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotKinderdagverblijf",
    ),
    _i(
        "dist_primary_school",
        "Afstand tot basisschool",
        "Distance to primary school",
        f"{_DIST} de dichtstbijzijnde basisschool.",
        "km",
        1,
        "lower_better",
        2,
        "onderwijs",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotSchoolBasisonderwijs",
    ),
    _i(
        "dist_secondary_school",
        "Afstand tot school havo/vwo",
        "Distance to havo/vwo school",
        f"{_DIST} de dichtstbijzijnde school voor havo/vwo.",
        "km",
        1,
        "lower_better",
        2,
        "onderwijs",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotSchoolHavoVwo",
    ),
    _i(
        "dist_supermarket",
        "Afstand tot grote supermarkt",
        "Distance to large supermarket",
        f"{_DIST} de dichtstbijzijnde grote supermarkt.",
        "km",
        1,
        "lower_better",
        2,
        "winkels",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotGroteSupermarkt",
    ),
    _i(
        "dist_library",
        "Afstand tot bibliotheek",
        "Distance to library",
        f"{_DIST} de dichtstbijzijnde bibliotheek.",
        "km",
        1,
        "lower_better",
        2,
        "cultuur en sport",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotBibliotheek",
    ),
    _i(
        "dist_cinema",
        "Afstand tot bioscoop",
        "Distance to cinema",
        f"{_DIST} de dichtstbijzijnde bioscoop.",
        "km",
        1,
        "lower_better",
        2,
        "cultuur en sport",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotBioscoop",
    ),
    _i(
        "dist_pool",
        "Afstand tot zwembad",
        "Distance to swimming pool",
        f"{_DIST} het dichtstbijzijnde zwembad.",
        "km",
        1,
        "lower_better",
        2,
        "cultuur en sport",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotZwembad",
    ),
    _i(
        "dist_train_station",
        "Afstand tot treinstation",
        "Distance to railway station",
        f"{_DIST} het dichtstbijzijnde treinstation.",
        "km",
        1,
        "lower_better",
        2,
        "vervoer",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AfstandTotTreinstation",
    ),
    _i(
        "schools_within_3km",
        "Basisscholen binnen 3 km",
        "Primary schools within 3 km",
        "Gemiddeld aantal basisscholen binnen 3 km over de weg, voor alle inwoners.",
        "aantal",
        1,
        "higher_better",
        2,
        "onderwijs",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AantalBasisonderwijsscholenBinnen3Km",
    ),
    _i(
        "supermarkets_within_3km",
        "Grote supermarkten binnen 3 km",
        "Large supermarkets within 3 km",
        "Gemiddeld aantal grote supermarkten binnen 3 km over de weg, voor alle inwoners.",
        "aantal",
        1,
        "higher_better",
        2,
        "winkels",
        ("70072NED",),
        caveats=_DIST_CAVEAT,
        keys="70072NED: AantalGroteSupermarktenBinnen3Km",
    ),
    _i(
        "cars_per_1000",
        "Personenauto's per 1.000 inwoners",
        "Passenger cars per 1,000",
        "Personenauto's in het bezit van inwoners en bedrijven, per 1.000 inwoners.",
        "per 1.000 inwoners",
        0,
        "context",
        2,
        "vervoer",
        ("70072NED",),
        caveats="Context: autobezit zegt iets over afhankelijkheid van de auto, niet over welvaart "
        "alleen. Nederland en Drenthe afgeleid uit de gemeenten (gewogen met de bevolking).",
        keys='70072ned (v4): measure "Personenauto\'s, relatief"',
    ),
    # --- Goal 3: gezonde en kansrijke toekomst -------------------------------------------------
    _i(
        "households",
        "Particuliere huishoudens",
        "Private households",
        "Aantal particuliere huishoudens.",
        "huishoudens",
        0,
        "context",
        3,
        "inkomen",
        ("KWB", "70072NED"),
        weight="sum",
        keys="KWB: a_hh (HuishoudensTotaal); 70072NED: TotaalAantalParticuliereHuishoudens",
    ),
    _i(
        "income_household_mean_disposable",
        "Gemiddeld besteedbaar inkomen per huishouden",
        "Mean disposable household income",
        "Gemiddeld besteedbaar inkomen van particuliere huishoudens.",
        "x 1 000 euro",
        1,
        "higher_better",
        3,
        "inkomen",
        ("70072NED", "Inkomen van huishoudens"),
        weight="households",
        caveats=_INCOME_BREAK,
        keys="70072NED: TotaalParticuliereHuishoudens (1e blok); "
        "StatLine: Gemiddeld besteedbaar inkomen",
    ),
    _i(
        "income_household_mean_standardised",
        "Gemiddeld gestandaardiseerd inkomen",
        "Mean standardised household income",
        "Gemiddeld besteedbaar inkomen gecorrigeerd voor de grootte en samenstelling van het "
        "huishouden.",
        "x 1 000 euro",
        1,
        "higher_better",
        3,
        "inkomen",
        ("70072NED", "Inkomen van huishoudens"),
        weight="households",
        caveats=_INCOME_BREAK,
        keys="70072NED: TotaalParticuliereHuishoudens (2e blok); "
        "StatLine: Gemiddeld gestandaardiseerd inkomen",
    ),
    _i(
        "income_household_median_standardised",
        "Mediaan gestandaardiseerd inkomen",
        "Median standardised household income",
        "Mediaan van het gestandaardiseerd besteedbaar inkomen van particuliere huishoudens.",
        "x 1 000 euro",
        1,
        "context",
        3,
        "inkomen",
        ("Inkomen van huishoudens",),
        weight=None,
        caveats="Context: alleen gemeenten en Nederland (geen Drenthe), dus niet in de score. "
        "Voorlopig (2024*). Een mediaan kan niet uit gemeenten worden opgeteld: "
        "geen afgeleid regiocijfer.",
        keys="StatLine: Mediaan gestandaardiseerd inkomen",
    ),
    _i(
        "unemployment_benefits_per_1000",
        "WW-uitkeringen per 1.000 inwoners",
        "Unemployment benefits per 1,000 inhabitants",
        "Personen met een WW-uitkering per 1.000 inwoners.",
        "per 1.000 inwoners",
        1,
        "lower_better",
        3,
        "werk",
        ("70072NED",),
        caveats=_PER_INW_2015,
        keys="70072NED: Werkloosheid / TotaleBevolking x 1 000",
    ),
    _i(
        "social_assistance_per_1000",
        "Bijstandsuitkeringen per 1.000 inwoners",
        "Social assistance per 1,000 inhabitants",
        "Personen tot de AOW-leeftijd met een bijstandsuitkering (Participatiewet) per 1.000 "
        "inwoners.",
        "per 1.000 inwoners",
        1,
        "lower_better",
        3,
        "werk",
        ("70072NED",),
        caveats=_PER_INW_2015,
        keys="70072NED: BijstandTotDeAOWLeeftijd / TotaleBevolking x 1 000",
    ),
    _i(
        "disability_benefits_per_1000",
        "Arbeidsongeschiktheidsuitkeringen per 1.000 inwoners",
        "Disability benefits per 1,000 inhabitants",
        "Personen met een arbeidsongeschiktheidsuitkering (WAO, WIA, WAZ, Wajong) per 1.000 "
        "inwoners.",
        "per 1.000 inwoners",
        1,
        "lower_better",
        3,
        "gezondheid",
        ("70072NED",),
        caveats=_PER_INW_2015,
        keys="70072NED: ArbeidsongeschiktheidTotaal / TotaleBevolking x 1 000",
    ),
    _i(
        "jobs_per_1000",
        "Banen per 1.000 inwoners",
        "Jobs per 1,000 inhabitants",
        "Aantal banen van werknemers en zelfstandigen met werklocatie in de gemeente, per 1.000 "
        "inwoners.",
        "per 1.000 inwoners",
        0,
        "higher_better",
        3,
        "economie",
        ("70072NED",),
        caveats=_PER_INW_2015 + " CBS publiceert banen in duizendtallen.",
        keys="70072NED: TotaalAantalBanen (x 1 000) / TotaleBevolking x 1 000",
    ),
    _i(
        "businesses_per_1000",
        "Bedrijfsvestigingen per 1.000 inwoners",
        "Business establishments per 1,000 inhabitants",
        "Aantal bedrijfsvestigingen per 1.000 inwoners.",
        "per 1.000 inwoners",
        1,
        "higher_better",
        3,
        "economie",
        ("70072NED",),
        caveats=_PER_INW_2015,
        keys="70072NED: BedrijfsvestigingenTotaal / TotaleBevolking x 1 000",
    ),
    _i(
        "life_expectancy",
        "Levensverwachting bij geboorte",
        "Life expectancy at birth",
        "Gemiddeld aantal jaren dat een pasgeborene naar verwachting zal leven.",
        "jaar",
        1,
        "context",
        3,
        "gezondheid",
        ("71950ned", "RIVM VZinfo GGD-regio"),
        level="regio",
        weight=None,
        caveats="Alleen voor Nederland (71950ned, per jaar) en GGD Drenthe (= provincie Drenthe, "
        "periode 2019-2022 samen, opgeslagen als 2022). CBS publiceert dit niet per gemeente.",
        keys="71950ned: LevensverwachtingLV (0 jaar, totaal); VZinfo: Bij geboorte, GGD Drenthe",
        publisher="CBS; RIVM (VZinfo)",
    ),
    _i(
        "perceived_health_good",
        "Ervaren gezondheid goed of zeer goed",
        "Perceived good health",
        "Volwassenen (18+) die hun gezondheid goed of zeer goed noemen.",
        "%",
        1,
        "context",
        3,
        "gezondheid",
        ("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        weight=None,
        caveats="Gezondheidsmonitor (GGD'en, CBS, RIVM) 2022, modelschatting uit een enquête; "
        "hier alleen Nederland en GGD Drenthe (= provincie Drenthe).",
        keys="Gezondheidsmonitor: Ervaren gezondheid (goed/zeer goed)",
        publisher="GGD'en, CBS en RIVM",
    ),
    _i(
        "psychological_complaints",
        "Psychische klachten",
        "Psychological complaints",
        "Volwassenen (18+) met psychische klachten (MHI-5 score 60 of lager).",
        "%",
        1,
        "context",
        3,
        "gezondheid",
        ("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        keys="Gezondheidsmonitor: Psychische klachten (MHI-5 <= 60)",
        publisher="GGD'en, CBS en RIVM",
    ),
    _i(
        "meets_exercise_guideline",
        "Voldoet aan beweegrichtlijn",
        "Meets physical-activity guideline",
        "Volwassenen (18+) die voldoen aan de beweegrichtlijn van de Gezondheidsraad.",
        "%",
        1,
        "context",
        3,
        "gezondheid",
        ("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        keys="Gezondheidsmonitor: Voldoet aan beweegrichtlijn",
        publisher="GGD'en, CBS en RIVM",
    ),
    _i(
        "smokers",
        "Rokers",
        "Smokers",
        "Volwassenen (18+) die roken.",
        "%",
        1,
        "context",
        3,
        "gezondheid",
        ("Gezondheidsmonitor Volwassenen 2022",),
        level="regio",
        weight=None,
        caveats="Zie ervaren gezondheid: enquête 2022, alleen NL en Drenthe.",
        keys="Gezondheidsmonitor: Rokers",
        publisher="GGD'en, CBS en RIVM",
    ),
    # --- Wijken of the four municipalities ----------------------------------------------------
    _i(
        "wijk_population",
        "Inwoners per wijk",
        "Population per district",
        "Aantal inwoners op 1 januari 2024 per wijk.",
        "inwoners",
        0,
        "context",
        0,
        "bevolking",
        ("85984NED",),
        level="wijk",
        weight="sum",
        caveats="Alleen de wijken van Emmen, Coevorden, Hoogeveen en Borger-Odoorn.",
        keys="85984NED: AantalInwoners",
    ),
    _i(
        "wijk_population_density",
        "Bevolkingsdichtheid per wijk",
        "Population density",
        "Aantal inwoners per km² land, per wijk.",
        "inwoners per km²",
        0,
        "context",
        0,
        "bevolking",
        ("85984NED",),
        level="wijk",
        weight=None,
        caveats="Alleen de wijken van de vier gemeenten.",
        keys="85984NED: Bevolkingsdichtheid",
    ),
    _i(
        "wijk_dwelling_stock",
        "Woningvoorraad per wijk",
        "Dwelling stock per district",
        "Aantal woningen op 1 januari 2024 per wijk.",
        "woningen",
        0,
        "context",
        1,
        "wonen",
        ("85984NED",),
        level="wijk",
        weight="sum",
        caveats="Alleen de wijken van de vier gemeenten.",
        keys="85984NED: Woningvoorraad",
    ),
    _i(
        "wijk_origin_outside_europe",
        "Inwoners met herkomst buiten Europa",
        "Residents with origin outside Europe",
        "Inwoners met herkomstland buiten Europa, als % van alle inwoners van de wijk.",
        "%",
        1,
        "context",
        0,
        "bevolking",
        ("85984NED",),
        level="wijk",
        weight=None,
        caveats="Berekend uit de CBS-aantallen per wijk (afgerond op vijftallen); status "
        "'derived'. Alleen de wijken van de vier gemeenten.",
        keys="85984NED (StatLine): Herkomstland buiten Europa / Aantal inwoners",
    ),
)

BY_ID: dict[str, Indicator] = {ind.id: ind for ind in INDICATORS}


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
