"""Ambitions: targets per scored indicator and region, read and checked row by row, turned into
values, and measured against the trend (pure: no Streamlit).

A target (streefwaarde) is a value and a target year for one scored indicator and one of the
four municipalities or ZOD, or a target relative to a reference (``basis``): Nederland's or
Drenthe's current value, or the boundary of the best quarter of the municipalities (the 75th
percentile on the direction-adjusted value), each in its latest year. The CSV format is
documented in ``data/targets/README.md``::

    indicator,region,target,year,basis,note
    net_labour_participation,ZOD,70,2030,waarde,Uitvoeringsagenda
    dist_gp,ZOD,,2030,drenthe,Niet verder dan Drenthe

Every problem in a file is one message that names the row as a spreadsheet counts it (the
header is row 1); the valid rows are kept. The what-if on the goal scores is
:func:`scoring.what_if`; this module supplies the values.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators import catalog, scoring
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, ZOD
from indicators.scoring import Scores
from indicators.snapshot import DEFAULT_DIR, Snapshot, snapshot_year, value_range
from indicators.ui_text import t

COLUMNS = ("indicator", "region", "target", "year", "basis", "note")
REQUIRED = ("indicator", "region", "target", "year", "basis")
# Header names a Dutch spreadsheet user may write instead of the English ones.
HEADER_ALIASES = {
    "regio": "region",
    "gemeente": "region",
    "streefwaarde": "target",
    "jaar": "year",
    "doeljaar": "year",
    "toelichting": "note",
    "opmerking": "note",
    "notitie": "note",
}
BASES = ("waarde", "nederland", "drenthe", "beste_kwart")
RELATIVE = {"nederland": NEDERLAND, "drenthe": DRENTHE}
TARGET_REGIONS: tuple[str, ...] = (*FOCUS_MUNICIPALITIES, ZOD)
MAX_BYTES = 64 * 1024
MAX_ROWS = 200
LAST_YEAR = 2100
MAX_NOTE = 300
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # as exports.csv neutralises them
TARGETS_DIR = DEFAULT_DIR / "targets"
ON_TRACK, OFF_TRACK, INSUFFICIENT = "op koers", "niet op koers", "onvoldoende gegevens"
VERDICT_KEYS = {
    ON_TRACK: "amb_verdict_on_track",
    OFF_TRACK: "amb_verdict_off_track",
    INSUFFICIENT: "amb_verdict_insufficient",
}


@dataclass(frozen=True)
class Target:
    """One ambition. ``target`` is None for a relative target (``basis`` other than
    ``waarde``), whose value comes from the snapshot (:func:`resolve`)."""

    indicator: str
    region: str
    target: float | None
    year: int
    basis: str = "waarde"
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.indicator, self.region

    @property
    def relative(self) -> bool:
        return self.basis != "waarde"

    def row(self) -> dict[str, object]:
        """The target as a row of the CSV / the editable table."""
        return {
            "indicator": self.indicator,
            "region": self.region,
            "target": self.target,
            "year": self.year,
            "basis": self.basis,
            "note": self.note,
        }


@dataclass(frozen=True)
class Problem:
    """One problem with a file or a row: ``row`` as a spreadsheet counts it (None for the
    whole file), ``in_table`` for a row of the editable table, the text key and its values."""

    row: int | None
    key: str
    values: tuple[tuple[str, object], ...] = ()
    in_table: bool = False

    def text(self, lang: str = "nl") -> str:
        values = dict(self.values)
        if "name" in values:  # an indicator id, named in the reader's language
            values["name"] = catalog.BY_ID[str(values["name"])].name(lang)
        message = t(self.key, lang, **values)
        if self.row is None:
            return message
        where = "amb_where_table" if self.in_table else "amb_where_row"
        return f"{t(where, lang, row=self.row)}: {message}"


@dataclass(frozen=True)
class Reading:
    """What a file or the table held: the valid targets (in their order) and every problem."""

    targets: tuple[Target, ...] = ()
    problems: tuple[Problem, ...] = ()


def shown(value: object, limit: int = 40) -> str:
    """A user's cell as it may appear in a message: control characters made visible, cut."""
    text = re.sub(r"[\x00-\x1f\x7f]", "?", str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_number(text: str) -> float | None:
    """A finite number written the Dutch or the English way ('70,5', '70.5', '-3', '1.234,5',
    '1,234.5'), or None. No thousands separator without a decimal part ('1,234' is 1.234)."""
    value = re.sub(r"[\s\u00a0\u2009\u202f]", "", str(text)).replace("\u2212", "-")
    if "," in value and "." in value:
        decimal = "," if value.rfind(",") > value.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        grouped = re.fullmatch(rf"[+-]?\d{{1,3}}(?:\{thousands}\d{{3}})+\{decimal}\d+", value)
        if not grouped:
            return None
        value = value.replace(thousands, "").replace(decimal, ".")
    else:
        value = value.replace(",", ".")
    if not re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?", value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _lookup() -> tuple[dict[str, str], dict[str, str], set[str]]:
    scored = {i.id: i for i in catalog.scored_indicators()}
    indicators: dict[str, str] = {}
    for ind in catalog.INDICATORS:
        for name in (ind.id, ind.name_nl, ind.name_en):
            if name:
                indicators.setdefault(name.strip().lower(), ind.id)
    regions = {code.lower(): code for code in TARGET_REGIONS}
    regions.update({name.lower(): code for code, name in FOCUS_MUNICIPALITIES.items()})
    regions.update({"zuid- en oost-drenthe": ZOD, "south and east drenthe": ZOD})
    return indicators, regions, set(scored)


INDICATOR_NAMES, REGION_NAMES, SCORED = _lookup()


def _basis(text: str) -> str | None:
    return re.sub(r"[\s-]+", "_", text.strip().lower()) or None


def check_cells(
    cells: Mapping[str, str],
    row: int,
    reference_year: int,
    seen: dict[tuple[str, str], int],
    in_table: bool = False,
) -> tuple[Target | None, list[Problem]]:
    """One row of text cells (by column name) checked: the target, or None and its problems.

    ``seen`` maps each (indicator, region) already read to its row, for duplicates; a valid
    row is added to it.
    """
    problems: list[Problem] = []

    def problem(key: str, **values: object) -> None:
        problems.append(Problem(row, key, tuple(values.items()), in_table))

    text = {c: str(cells.get(c) if cells.get(c) is not None else "") for c in COLUMNS}
    numbers: dict[str, float | None] = {}
    for column in COLUMNS:
        raw = text[column]
        if column in ("target", "year"):
            number = parse_number(raw) if raw.strip() else None
            numbers[column] = number
            if raw.strip() and number is None:
                if raw.startswith(FORMULA_START) or raw.strip().startswith(("=", "@")):
                    problem("amb_err_formula", column=column, char=shown(raw[:1]))
                else:
                    problem("amb_err_number", column=column, value=shown(raw))
            elif raw.startswith(("=", "@", "\t", "\r")):
                problem("amb_err_formula", column=column, char=shown(raw[:1]))
        elif raw.startswith(FORMULA_START):
            problem("amb_err_formula", column=column, char=shown(raw[:1]))
    if problems:  # a formula or a word in a number column: the rest would only repeat it
        return None, problems

    indicator = INDICATOR_NAMES.get(text["indicator"].strip().lower())
    if not text["indicator"].strip():
        problem("amb_err_empty", column="indicator")
    elif indicator is None:
        problem("amb_err_indicator", value=shown(text["indicator"]))
    elif indicator not in SCORED:
        problem("amb_err_not_scored", value=shown(text["indicator"]))
        indicator = None
    region = REGION_NAMES.get(text["region"].strip().lower())
    if not text["region"].strip():
        problem("amb_err_empty", column="region")
    elif region is None:
        problem("amb_err_region", value=shown(text["region"]), choices=", ".join(TARGET_REGIONS))
    basis = _basis(text["basis"])
    target, year = numbers["target"], numbers["year"]
    if basis is not None and basis not in BASES:
        problem("amb_err_basis", value=shown(text["basis"]), choices=", ".join(BASES))
    elif basis is None and target is None:
        problem("amb_err_no_target")
    elif basis == "waarde" and target is None:
        problem("amb_err_no_value")
    elif basis in ("nederland", "drenthe", "beste_kwart") and target is not None:
        problem("amb_err_value_and_basis", basis=basis)
    basis = basis or "waarde"
    if year is None:
        problem("amb_err_empty", column="year")
    elif year != int(year):
        problem("amb_err_number", column="year", value=shown(text["year"]))
    elif year < reference_year:
        problem("amb_err_year_past", year=int(year), reference=reference_year)
    elif year > LAST_YEAR:
        problem("amb_err_year_far", year=int(year), last=LAST_YEAR)
    if indicator is not None and target is not None and basis == "waarde":
        ind = catalog.BY_ID[indicator]
        low, high = value_range(ind)
        if not low <= target <= high:
            problem(
                "amb_err_range",
                value=shown(text["target"]),
                name=ind.id,
                low=f"{low:g}",
                high="∞" if math.isinf(high) else f"{high:g}",
                unit=ind.unit,
            )
    note = text["note"].strip()
    if len(note) > MAX_NOTE:
        problem("amb_err_note", n=MAX_NOTE)
    if indicator is not None and region is not None:
        first = seen.get((indicator, region))
        if first is not None:
            problem("amb_err_duplicate", indicator=indicator, region=region, first=first)
    if problems or indicator is None or region is None or year is None:
        return None, problems
    seen[(indicator, region)] = row
    return Target(
        indicator, region, target if basis == "waarde" else None, int(year), basis, note
    ), []


def _header(record: list[str]) -> list[str]:
    return [HEADER_ALIASES.get(c.strip().lower(), c.strip().lower()) for c in record]


def _dialect(first_line: str) -> str:
    """The delimiter that splits the first line into the most known column names."""

    def known(delimiter: str) -> int:
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        return sum(1 for c in _header(cells) if c in COLUMNS)

    return max((",", ";", "\t"), key=known)


def read_csv(data: bytes, reference_year: int) -> Reading:
    """An uploaded file checked row by row (both dialects of :func:`exports.csv.to_csv_bytes`:
    ``,`` with a decimal point, and ``;`` with a decimal comma; a BOM is allowed)."""

    def whole(key: str, **values: object) -> Reading:
        return Reading((), (Problem(None, key, tuple(values.items())),))

    if len(data) > MAX_BYTES:
        return whole("amb_err_too_big", size=f"{len(data) / 1024:.0f}", limit=MAX_BYTES // 1024)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return whole("amb_err_not_utf8")
    if "\x00" in text:
        return whole("amb_err_not_utf8")
    if not text.strip():
        return whole("amb_err_file_empty")
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = _dialect(first_line)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        return whole("amb_err_csv", error=shown(exc, 80))
    numbered = [(n, r) for n, r in enumerate(records, start=1) if any(c.strip() for c in r)]
    if not numbered:
        return whole("amb_err_file_empty")
    header_row, header = numbered[0][0], _header(numbered[0][1])
    expected = ", ".join(COLUMNS)
    missing = [c for c in REQUIRED if c not in header]
    unknown = [c for c in header if c and c not in COLUMNS]
    doubled = [c for c in COLUMNS if header.count(c) > 1]
    if missing or unknown or doubled:
        looks_like_data = bool(header) and (
            header[0] in INDICATOR_NAMES or any(c.lower() in REGION_NAMES for c in header)
        )
        if looks_like_data and not any(c in COLUMNS for c in header):
            return whole("amb_err_no_header", expected=expected)
        found = ", ".join(shown(c, 20) for c in numbered[0][1][:8])
        return whole("amb_err_header", found=found, expected=expected)
    body = [(n, r) for n, r in numbered if n > header_row]
    if len(body) > MAX_ROWS:
        return whole("amb_err_too_many", n=len(body), limit=MAX_ROWS)
    targets: list[Target] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    position = {name: index for index, name in enumerate(header) if name}
    named = set(position.values())
    for number, record in body:
        extra = [c for i, c in enumerate(record) if i not in named and c.strip()]
        if extra:
            problems.append(Problem(number, "amb_err_cells", (("n", len(record)),)))
            continue
        cells = {c: record[i] if i < len(record) else "" for c, i in position.items()}
        target, found = check_cells(cells, number, reference_year, seen)
        problems.extend(found)
        if target is not None:
            targets.append(target)
    return Reading(tuple(targets), tuple(problems))


def _cell(value: object) -> str:
    """A table value as the text a CSV cell would hold (NaN and None are empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_blank(row: Mapping[str, object]) -> bool:
    """A row of the editable table with nothing in it yet (a new row: no indicator, target or
    year): ignored rather than reported."""
    return all(_cell(row.get(c)).strip() == "" for c in ("indicator", "target", "year"))


def check_rows(rows: Iterable[Mapping[str, object]], reference_year: int) -> Reading:
    """The rows of the editable table checked as an upload is (row 1 = the first row)."""
    targets: list[Target] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in enumerate(rows, start=1):
        if is_blank(row):
            continue
        cells = {c: _cell(row.get(c)) for c in COLUMNS}
        target, found = check_cells(cells, number, reference_year, seen, in_table=True)
        problems.extend(found)
        if target is not None:
            targets.append(target)
    return Reading(tuple(targets), tuple(problems))


def valid_targets(rows: Iterable[Mapping[str, object]] | None, reference_year: int) -> tuple:
    """The valid targets among the table's rows (what the other pages and the slides use), as
    a hashable tuple."""
    return check_rows(rows or [], reference_year).targets


def merge(
    rows: list[dict[str, object]], new: Iterable[Target]
) -> tuple[list[dict[str, object]], int, int]:
    """``rows`` with each new target added, or replacing the row with the same indicator and
    region: (rows, added, replaced). Nothing else in ``rows`` changes."""
    out = [dict(r) for r in rows]
    where = {
        (str(r.get("indicator")), str(r.get("region"))): i
        for i, r in enumerate(out)
        if not is_blank(r)
    }
    added = replaced = 0
    for target in new:
        if target.key in where:
            out[where[target.key]] = target.row()
            replaced += 1
        else:
            where[target.key] = len(out)
            out.append(target.row())
            added += 1
    return out, added, replaced


def table_frame(rows: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """The table's rows in the CSV's columns (target a number, year a whole number)."""
    frame = pd.DataFrame([{c: r.get(c) for c in COLUMNS} for r in rows], columns=list(COLUMNS))
    frame["target"] = pd.to_numeric(frame["target"], errors="coerce").astype(float)
    years = pd.to_numeric(frame["year"], errors="coerce")
    frame["year"] = years.where(years.abs() < 1e6).round().astype("Int64")
    for column in ("indicator", "region", "basis", "note"):
        frame[column] = frame[column].map(lambda v: "" if v is None or v is pd.NA else v)
        frame[column] = frame[column].map(lambda v: "" if isinstance(v, float) else str(v))
    return frame


def shipped_sets(directory: Path | None = None) -> list[Path]:
    """The target sets committed to ``data/targets/`` (``*.csv``), by name."""
    folder = TARGETS_DIR if directory is None else directory
    return sorted(folder.glob("*.csv")) if folder.is_dir() else []


# --- values, progress and what-if ---------------------------------------------------------


def resolve(
    target: Target, obs: pd.DataFrame, municipalities: set[str]
) -> tuple[float, int | None]:
    """The target's value and, for a relative target, the year of the reference it was taken
    from: Nederland's or Drenthe's latest value, or the boundary of the best quarter of the
    municipalities in the latest year they have (:func:`scoring.best_quarter_boundary`)."""
    if target.basis == "waarde":
        return float(target.target), None  # type: ignore[arg-type]
    if target.basis == "beste_kwart":
        return scoring.best_quarter_boundary(obs, target.indicator, municipalities)
    part = obs[(obs["indicator"] == target.indicator) & (obs["region"] == RELATIVE[target.basis])]
    part = part.dropna(subset=["value"])
    if part.empty:
        return math.nan, None
    row = part.loc[part["year"].idxmax()]
    return float(row["value"]), int(row["year"])


PROGRESS_COLUMNS = (
    "indicator",
    "region",
    "basis",
    "note",
    "target",
    "reference_year",
    "target_year",
    "value",
    "year",
    "status",
    "gap",
    "years_left",
    "needed_per_year",
    "slope",
    "se",
    "low",
    "high",
    "n_years",
    "first_year",
    "last_year",
    "projected",
    "reached_now",
    "verdict",
)


def progress(snap: Snapshot, scores: Scores, targets: Iterable[Target]) -> pd.DataFrame:
    """Per target: its value (and the reference year of a relative one), the region's current
    value and year, the gap, the change per year needed from the current year to the target
    year, the change per year the trend shows (:func:`scoring.trend_fit`: OLS over the
    region's series of at least 3 years spanning at most 8, with its standard error and 90 %
    interval), where that trend ends in the target year, and the verdict: ``op koers`` (the
    trend, continued from the current value, reaches the target by the target year, or, with
    too few years for a trend, the current value already meets it), ``niet op koers``, or
    ``onvoldoende gegevens`` (fewer than 3 years and not met, or no current value).

    Direction-aware: for a lower-is-better indicator reaching means going below the target.
    """
    obs = snap.observations
    rows = []
    for target in targets:
        value, reference = resolve(target, obs, scores.municipalities)
        d = -1.0 if catalog.BY_ID[target.indicator].direction == "lower_better" else 1.0
        series = obs[(obs["indicator"] == target.indicator) & (obs["region"] == target.region)]
        series = series.dropna(subset=["value"]).sort_values("year")
        row: dict[str, object] = {
            "indicator": target.indicator,
            "region": target.region,
            "basis": target.basis,
            "note": target.note,
            "target": value,
            "reference_year": reference,
            "target_year": target.year,
        }
        fit = scoring.trend_fit(series["year"], series["value"])
        row |= {k: fit[k] for k in ("slope", "se", "low", "high", "n_years")}
        row |= {"first_year": fit["first_year"], "last_year": fit["last_year"]}
        if series.empty or math.isnan(value):
            row |= {"value": math.nan, "year": None, "status": "", "verdict": INSUFFICIENT}
            row |= {"reached_now": False}
            rows.append(row)
            continue
        latest = series.iloc[-1]
        current, year = float(latest["value"]), int(latest["year"])
        years_left = target.year - year
        gap = value - current
        reached = d * (current - value) >= -1e-12
        row |= {
            "value": current,
            "year": year,
            "status": str(latest.get("status", "")),
            "gap": gap,
            "years_left": years_left,
            "needed_per_year": gap / years_left if years_left > 0 else math.nan,
            "reached_now": reached,
        }
        if fit["n_years"] < 3:
            # met today, so on course even without a trend; otherwise a trend is needed
            row["verdict"] = ON_TRACK if reached else INSUFFICIENT
        else:
            projected = current + fit["slope"] * years_left
            row["projected"] = projected
            row["verdict"] = ON_TRACK if d * (projected - value) >= -1e-12 else OFF_TRACK
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(PROGRESS_COLUMNS))
    frame["reached_now"] = frame["reached_now"].astype(bool)
    return frame


def target_values(
    snap: Snapshot, scores: Scores, targets: Iterable[Target]
) -> dict[str, dict[str, float]]:
    """Per region the value of each of its targets (relative targets resolved)."""
    out: dict[str, dict[str, float]] = {}
    for target in targets:
        value, _ = resolve(target, snap.observations, scores.municipalities)
        if not math.isnan(value):
            out.setdefault(target.region, {})[target.indicator] = value
    return out


def what_if(
    snap: Snapshot, scores: Scores, targets: Iterable[Target]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`scoring.what_if` for every region with targets, in the order of
    :data:`TARGET_REGIONS`: (goals, contributions), concatenated."""
    values = target_values(snap, scores, targets)
    goals, parts = [], []
    for region in TARGET_REGIONS:
        if region in values:
            g, c = scoring.what_if(scores, region, values[region])
            goals.append(g)
            parts.append(c)
    if not goals:
        return (
            pd.DataFrame(columns=list(scoring.WHATIF_COLUMNS)),
            pd.DataFrame(columns=list(scoring.WHATIF_CONTRIBUTION_COLUMNS)),
        )
    return pd.concat(goals, ignore_index=True), pd.concat(parts, ignore_index=True)


def scenario(
    snap: Snapshot, scores: Scores, name: str, region: str = ZOD
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One of the two scenarios that need no input (:func:`scoring.scenario_values`)."""
    values = scoring.scenario_values(scores, snap.observations, region, name)
    return scoring.what_if(scores, region, values)


def cli_table(goals: pd.DataFrame) -> list[dict[str, object]]:
    """The what-if table as the CLI prints it: scores rounded to 2 decimals."""
    out = goals.copy()
    for column in ("score_now", "score_with_targets"):
        out[column] = out[column].round(2)
    return out.to_dict("records")


def reference_year_of(snap: Snapshot) -> int:
    """The first target year allowed: the snapshot's year (a target lies ahead)."""
    return snapshot_year(snap)
