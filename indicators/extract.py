"""Recipe-driven extraction: one table's frame -> observation rows for every indicator whose
recipe names that table (or table family).

Offline readers and the live OData clients deliver the same shape: ``RegioS`` (a region code),
``Perioden`` (the period as CBS writes it), other dimensions, and one column per topic, named by
its key (``AfstandTotSchool_98``), by the column name of an offline file (``AF_SUPERM``) or by a
StatLine title (``Geregistreerde misdrijven/... per 1000 inw. (per 1 000 inwoners)``). v4 tables
are first widened so that each measure becomes a column named by its title
(:func:`v4_wide`). :func:`extract` then applies each recipe (:mod:`indicators.recipes`): the
dimension filter, the terms, the unit transformation and the year shift.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from indicators import catalog
from indicators.errors import CBSError, RawDataError
from indicators.recipes import Recipe, Term
from indicators.snapshot import OBS_COLUMNS
from indicators.sources.values import TOPIC_KEY, period_year

log = logging.getLogger(__name__)

# CBS buckets that are not municipalities: GM0000 unknown, GM0998 abroad, GM0999 not assigned.
NOT_MUNICIPALITIES = ("GM0000", "GM0998", "GM0999")
YEARLY_PERIOD = re.compile(r"^\d{4}(JJ00)?\*{0,2}$")
_UNIT = re.compile(r"\s*\([^()]*\)\s*$")


def is_reported_region(code: pd.Series, wijken: bool = False) -> pd.Series:
    """Municipalities, provinces and Nederland (and wijken if asked); not landsdelen, COROP,
    buurten or CBS's buckets."""
    code = code.astype(str)
    pattern = r"^(GM\d{4}|PV\d{2}|NL01|WK\d{6})$" if wijken else r"^(GM\d{4}|PV\d{2}|NL01)$"
    return code.str.match(pattern) & ~code.isin(NOT_MUNICIPALITIES)


def column_labels(column: str, title: str | None = None) -> set[str]:
    """The names a column answers to (case-insensitive): the column itself, its key without the
    numeric suffix, the last part of a StatLine title path without its unit, and the topic title
    CBS gives it in ``DataProperties`` (live)."""
    labels = {column.casefold(), TOPIC_KEY.sub("", column).casefold()}
    last = re.split(r"[/|]", column)[-1]
    labels.add(_UNIT.sub("", last).strip().casefold())
    if title:
        labels.add(title.strip().casefold())
    return labels


def resolve_term(
    columns: Iterable[str], term: Term, titles: Mapping[str, str] | None = None
) -> str | None:
    """The column of ``term``: the first of its names that some column answers to (occurrence
    counted among those columns, in table order), or None."""
    columns = list(columns)
    labels = {c: column_labels(c, (titles or {}).get(c)) for c in columns}
    for name in term.names:
        wanted = name.casefold()
        hits = [c for c in columns if wanted in labels[c]]
        if len(hits) > term.occurrence:
            return hits[term.occurrence]
    return None


def recipes_for(family: str, edition: int | None = None) -> list[tuple[str, Recipe]]:
    """(indicator id, recipe) for every catalog recipe of a table family (and edition)."""
    out = []
    for ind in catalog.INDICATORS:
        for recipe in ind.recipe:
            if isinstance(recipe, Recipe) and recipe.source == family:
                if recipe.applies_to(edition):
                    out.append((ind.id, recipe))
    return out


def missing_key_error(
    family: str, table: str, edition: int | None, indicator: str, term: Term
) -> CBSError:
    where = f"{family} {edition} ({table})" if edition is not None else f"table {table}"
    also = f" (also tried {', '.join(term.names[1:])})" if len(term.names) > 1 else ""
    return CBSError(
        f"{where}: no key {term.names[0]!r}{also} for indicator {indicator}; CBS may have "
        "renamed or dropped it in this edition: add the new name to that indicator's recipe in "
        "indicators/catalog.py."
    )


def select_keys(
    family: str,
    table: str,
    keys: list[str],
    titles: Mapping[str, str] | None = None,
    edition: int | None = None,
) -> list[str]:
    """The topic keys of a live table that the recipes of ``family`` use (in table order);
    CBSError naming table, key and edition when a required key is absent."""
    chosen: set[str] = set()
    for indicator, recipe in recipes_for(family, edition):
        for term in recipe.all_terms:
            column = resolve_term(keys, term, titles)
            if column is None:
                if term.optional:
                    continue
                raise missing_key_error(family, table, edition, indicator, term)
            chosen.add(column)
    return [k for k in keys if k in chosen]


def _apply_where(frame: pd.DataFrame, where: tuple[tuple[str, tuple[str, ...]], ...]):
    for dim, accepted in where:
        if dim in frame.columns:
            frame = frame[frame[dim].astype(str).str.strip().isin(accepted)]
    return frame


def _status(
    periods: pd.Series, provisional: bool, period_status: Mapping[str, str] | None
) -> pd.Series:
    """CBS's own marks: a period with ``*`` or status 'Voorlopig', or a provisional edition."""
    status = periods.map(period_status or {}).astype("string").fillna("").str.casefold()
    marked = status.str.contains("voorlopig") | periods.astype(str).str.contains(r"\*", regex=True)
    if provisional:
        marked = pd.Series(True, index=periods.index)
    return pd.Series(np.where(marked, "provisional", "definitive"), index=periods.index)


def extract(
    frame: pd.DataFrame,
    family: str,
    *,
    source_id: str,
    table: str,
    edition: int | None = None,
    required: bool = False,
    provisional: bool = False,
    period_status: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    wijken: bool = False,
) -> pd.DataFrame:
    """Observation rows (snapshot schema) for every recipe of ``family`` that the frame can serve.

    ``required`` (live tables): a recipe key that the table lacks is an error naming table, key
    and edition. Offline files are selections of a table, so there a recipe without its keys is
    skipped. A ``_year`` column, if present, gives the year of each row (KWB editions);
    otherwise only yearly periods are kept and the year is read from ``Perioden``.
    """
    if "RegioS" not in frame.columns or "Perioden" not in frame.columns:
        raise RawDataError(f"{table}: a frame for extraction needs RegioS and Perioden columns")
    frame = frame.assign(RegioS=frame["RegioS"].astype(str).str.strip())
    frame = frame[is_reported_region(frame["RegioS"], wijken)]
    if "_year" in frame.columns:
        years = frame["_year"]
    else:
        frame = frame[frame["Perioden"].astype(str).str.strip().str.match(YEARLY_PERIOD)]
        years = frame["Perioden"].map(period_year)
    frame = frame.assign(_y=years)
    columns = [c for c in frame.columns if c not in ("RegioS", "Perioden", "_year", "_y")]
    parts = []
    for indicator, recipe in recipes_for(family, edition):
        resolved: dict[Term, str | None] = {}
        complete = True
        for term in recipe.all_terms:
            resolved[term] = resolve_term(columns, term, titles)
            if resolved[term] is None and not term.optional:
                if required:
                    raise missing_key_error(family, table, edition, indicator, term)
                complete = False
        if not complete:
            log.debug("%s: no columns for %s in %s", table, indicator, source_id)
            continue
        rows = _apply_where(frame, recipe.where)
        first, last = recipe.periods
        if first is not None:
            rows = rows[rows["_y"] >= first]
        if last is not None:
            rows = rows[rows["_y"] <= last]
        if rows.empty:
            continue

        value = recipe.factor * _total(rows, recipe.terms, resolved)
        if recipe.per:
            value = value / _total(rows, recipe.per, resolved).replace(0.0, np.nan)
        status = _status(rows["Perioden"], provisional, period_status)
        if recipe.computed:
            status = pd.Series("derived", index=rows.index)
        part = pd.DataFrame(
            {
                "indicator": indicator,
                "region": rows["RegioS"].astype(str).str.strip().to_numpy(),
                "year": (rows["_y"] + recipe.shift).to_numpy(),
                "value": value.astype("float64").to_numpy(),
                "period": rows["Perioden"].astype(str).str.strip().to_numpy(),
                "status": status.to_numpy(),
            }
        )
        parts.append(part.dropna(subset=["value", "year"]))
    return finish(parts, source_id, table)


def _total(
    rows: pd.DataFrame, terms: tuple[Term, ...], resolved: Mapping[Term, str | None]
) -> pd.Series:
    """Signed sum of the terms' columns (an absent optional term counts as 0)."""
    out = pd.Series(0.0, index=rows.index)
    for term in terms:
        column = resolved[term]
        if column is not None:
            out = out + term.sign * pd.to_numeric(rows[column], errors="coerce")
    return out


def finish(parts: list[pd.DataFrame], source_id: str, table: str) -> pd.DataFrame:
    """Rows in the snapshot schema with source and table filled in."""
    if not parts:
        return pd.DataFrame(columns=list(OBS_COLUMNS)).astype({"year": "int64", "value": float})
    frame = pd.concat(parts, ignore_index=True)
    frame["source"] = source_id
    frame["table"] = table
    frame["year"] = frame["year"].astype("int64")
    frame = frame[np.isfinite(frame["value"].to_numpy(dtype=float))]
    return frame[list(OBS_COLUMNS)].reset_index(drop=True)


def v4_wide(observations: pd.DataFrame, measures: pd.DataFrame) -> pd.DataFrame:
    """v4 ``Observations`` (one row per measure) -> one row per dimension combination with a
    column per measure, named by the measure's title (titles survive re-versions, ids do not).
    A title that occurs twice gets ``#2`` appended to its second column."""
    if observations.empty:
        return pd.DataFrame(columns=["RegioS", "Perioden"])
    titles: dict[str, str] = {}
    seen: dict[str, int] = {}
    for ident, title in zip(measures["Identifier"], measures["Title"], strict=True):
        title = " ".join(str(title).split())
        seen[title] = seen.get(title, 0) + 1
        titles[str(ident).strip()] = title if seen[title] == 1 else f"{title}#{seen[title]}"
    skip = {"Id", "Measure", "Value", "ValueAttribute", "StringValue"}
    dims = [c for c in observations.columns if c not in skip]
    obs = observations.assign(_m=observations["Measure"].astype(str).str.strip().map(titles))
    obs = obs.dropna(subset=["_m"])
    obs = obs.drop_duplicates([*dims, "_m"])
    wide = obs.set_index([*dims, "_m"])["Value"].unstack("_m")
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index()
