"""Recipes: how an indicator's figures are made from a CBS table, declared once per indicator.

Every catalog record carries its recipes (``Indicator.recipe``): one :class:`Recipe` per source
family that delivers the indicator, or a :class:`FromIndicators` that divides two indicators.
The offline build (:mod:`indicators.offline`) and the live refresh (:mod:`indicators.refresh`)
both read these declarations through :func:`indicators.extract.extract`; neither keeps a key
list of its own.

A recipe names keys by their CBS name *without* the numeric suffix (``AfstandTotSchool`` finds
``AfstandTotSchool_120`` as well as ``_98``), followed by aliases: a key's name in other editions
(KWB renames keys between editions), the short column names of offline files (``AF_SUPERM`` in
the KWB 2018 ``.dbf``, ``p_leegsw`` in the KWB extracts) and StatLine column titles
(``Geregistreerde misdrijven per 1000 inw.``). The first name that a table has wins.

This module is pure data: no pandas, so the catalog stays cheap to import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- what a recipe is -------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One key of a table, by name and aliases; ``sign`` -1 subtracts it. An ``optional`` term
    that a table lacks counts as 0 (a sector that an older edition does not publish)."""

    names: tuple[str, ...]
    sign: float = 1.0
    occurrence: int = 0
    optional: bool = False


@dataclass(frozen=True, kw_only=True)
class Recipe:
    """value = factor x (sum of ``terms``) / (sum of ``per``), per region and period of a table.

    ``source`` names the table or table family (see :data:`FAMILIES`); ``where`` keeps the rows
    whose dimension has one of the codes (or, in StatLine exports, labels) given; ``shift`` is
    added to the period's year to give the year the figure describes (a KWB edition's WOZ value
    describes 1 January of the year before); ``editions`` limits a key to KWB editions
    ``(first, last)`` (``None`` = open): the live refresh requires the key in those editions;
    ``periods`` ``(first, last)`` keeps only those period years (before the shift).
    """

    source: str
    terms: tuple[Term, ...]
    per: tuple[Term, ...] = ()
    factor: float = 1.0
    shift: int = 0
    where: tuple[tuple[str, tuple[str, ...]], ...] = ()
    editions: tuple[int | None, int | None] = (None, None)
    periods: tuple[int | None, int | None] = (None, None)

    @property
    def computed(self) -> bool:
        """True when the value is calculated from CBS figures (status 'derived')."""
        return bool(self.per) or len(self.terms) > 1 or self.factor != 1.0

    @property
    def all_terms(self) -> tuple[Term, ...]:
        return (*self.terms, *self.per)

    def applies_to(self, edition: int | None) -> bool:
        """Whether the recipe is meant for this edition of a table family."""
        if edition is None:
            return True
        first, last = self.editions
        return (first is None or edition >= first) and (last is None or edition <= last)

    def describe(self) -> str:
        """Plain text for the codebook: ``KWB: AantalInwoners``."""

        def term(t: Term) -> str:
            return (
                ("- " if t.sign < 0 else "")
                + t.names[0]
                + (f" (#{t.occurrence + 1})" if t.occurrence else "")
            )

        text = " + ".join(term(t) for t in self.terms).replace("+ - ", "- ")
        if self.per:
            text = f"({text}) / ({' + '.join(term(t) for t in self.per)})"
        if self.factor != 1.0:
            text += f" x {self.factor:g}"
        if self.shift:
            text += f", jaar {self.shift:+d}"
        return f"{self.source}: {text}"


@dataclass(frozen=True, kw_only=True)
class FromIndicators:
    """value = factor x numerator / denominator, two indicators of the same region and year,
    computed after all sources are combined (a rate 'per 1,000 of another indicator')."""

    numerator: str
    denominator: str
    factor: float = 1.0

    source: str = "derived"

    def describe(self) -> str:
        return f"{self.numerator} / {self.denominator} x {self.factor:g}"


AnyRecipe = Recipe | FromIndicators


# --- shorthand for the catalog ----------------------------------------------------------------


def key(
    source: str,
    *names: str,
    shift: int = 0,
    where: tuple[tuple[str, tuple[str, ...]], ...] = (),
    editions: tuple[int | None, int | None] = (None, None),
    occurrence: int = 0,
    factor: float = 1.0,
    periods: tuple[int | None, int | None] = (None, None),
) -> Recipe:
    """One key taken as it is (possibly rescaled)."""
    return Recipe(
        source=source,
        terms=(Term(tuple(names), occurrence=occurrence),),
        factor=factor,
        shift=shift,
        where=where,
        editions=editions,
        periods=periods,
    )


def ratio(
    source: str,
    numerator: str | tuple[str, ...] | tuple[Term, ...],
    denominator: str | tuple[str, ...],
    factor: float,
    *,
    where: tuple[tuple[str, tuple[str, ...]], ...] = (),
    editions: tuple[int | None, int | None] = (None, None),
) -> Recipe:
    """factor x numerator / denominator within one table row."""
    if isinstance(numerator, str):
        terms: tuple[Term, ...] = (Term((numerator,)),)
    elif numerator and isinstance(numerator[0], Term):
        terms = numerator  # type: ignore[assignment]
    else:
        terms = (Term(tuple(numerator)),)  # type: ignore[arg-type]
    den = (denominator,) if isinstance(denominator, str) else tuple(denominator)
    return Recipe(
        source=source,
        terms=terms,
        per=(Term(den),),
        factor=factor,
        where=where,
        editions=editions,
    )


def plus(*names: str, optional: bool = False) -> Term:
    return Term(tuple(names), optional=optional)


def minus(*names: str, optional: bool = False) -> Term:
    return Term(tuple(names), sign=-1.0, optional=optional)


def per_indicator(numerator: str, denominator: str, factor: float) -> FromIndicators:
    return FromIndicators(numerator=numerator, denominator=denominator, factor=factor)


# --- source families --------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Family:
    """A CBS table, or a family of yearly editions found in the catalog by ``title``.

    ``v4`` tables are read from the v4 API (measures by title); the rest from v3 (keys by name).
    ``region_dim`` is the table's region dimension; ``live`` False marks a source that CBS does
    not serve over its OData API (its figures are carried over by the refresh).
    """

    name: str
    table: str | None = None
    title: str | None = None
    search: str | None = None
    first_edition: int | None = None
    newest_only: bool = False
    v4: bool = False
    region_dim: str = "RegioS"
    live: bool = True
    note: str = ""

    def edition_of(self, title: str) -> int | None:
        """The edition year of a catalog title, or None when the title is not of this family."""
        if self.title is None:
            return None
        match = re.match(self.title, title.strip())
        return int(match.group(1)) if match else None


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(name="03759ned", table="03759ned", v4=True),
        Family(name="83625NED", table="83625NED", v4=True),
        Family(name="70072NED", table="70072NED"),
        Family(
            name="KWB",
            title=r"^Kerncijfers wijken en buurten (\d{4})$",
            search="Kerncijfers wijken en buurten",
            first_edition=2016,
            region_dim="WijkenEnBuurten",
        ),
        Family(
            name="Nabijheid",
            table="80305NED",
            live=False,
            note="gemeentecijfers 2018 uit de wijk- en buurtkaart; live komen de afstanden uit "
            "70072NED",
        ),
        Family(name="83648NED", table="83648NED"),
        Family(name="83651NED", table="83651NED"),
        Family(name="71950ned", table="71950ned"),
        Family(
            name="Arbeidsdeelname",
            title=r"^Arbeidsdeelname; regionale indeling (\d{4})$",
            search="Arbeidsdeelname; regionale indeling",
            newest_only=True,
        ),
        Family(
            name="Fvw",
            title=r"^Maatstaven Financiële-verhoudingswet \(Fvw\)(?: (\d{4}))?$",
            search="Maatstaven Financiële-verhoudingswet",
            newest_only=True,
        ),
        Family(
            name="Regionale prognose",
            title=(
                r"^Regionale prognose (\d{4})-\d{4}; bevolking, intervallen, "
                r"regio-indeling \d{4}$"
            ),
            search="Regionale prognose",
            newest_only=True,
        ),
        Family(name="50090NED", table="50090NED", live=False, note="RIVM-catalogus"),
        Family(name="50140NED", table="50140NED", live=False, note="RIVM-catalogus"),
        Family(name="Inkomen huishoudens", live=False, note="StatLine-export"),
        Family(name="Gezondheidsmonitor 2022", live=False, note="StatLine-export"),
        Family(name="VZinfo", live=False, note="RIVM VZinfo"),
        Family(name="85984NED wijken", live=False, note="wijken van de vier gemeenten"),
    )
}

# Dimension filters shared by several recipes.
TOTAL_PERSONS = (("Persoonskenmerken", ("T009002",)),)
ADULTS_18 = (("Leeftijd", ("20300",)), ("Marges", ("MW00000",)))
YOUNG_ADULTS = (("Persoonskenmerken", ("T009002",)), ("Marges", ("MW00000",)))
POPULATION_TOTALS = (
    ("Geslacht", ("T001038",)),
    ("Leeftijd", ("10000",)),
    ("BurgerlijkeStaat", ("T001019",)),
)


def crime_type(code: str, label: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """83648NED rows of one crime group: the v3 code or the StatLine label."""
    return (("SoortMisdrijf", (code, label)),)


def theft_type(code: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """83651NED rows of one theft type, all thefts with and without violence."""
    return (("SoortDiefstal", (code,)), ("GebruikVanGeweld", ("T001540",)))


OUTLOOK = (("PrognoseInterval", ("MW00000",)),)
OUTLOOK_LOW = (("PrognoseInterval", ("MOG0067",)),)
OUTLOOK_HIGH = (("PrognoseInterval", ("MBG0067",)),)
