"""Readers for CBS data as it was downloaded: the offline path of the snapshot build.

Each reader returns the same shape the live OData clients return for that channel, so the
extraction step (``indicators.build``) is shared between ``build`` (offline) and ``refresh``
(live):

* v3 (CSV download or ``TypedDataSet`` JSON): one row per region x period (x other dimensions),
  columns ``RegioS``, ``Perioden``, the other dimensions, and one float column per topic key.
* v4 (``Observations``): long rows ``Measure``, ``Value``, dimensions.
* StatLine CSV exports: one row per region *name*; mapping names to codes is the caller's job.

Every reader raises :class:`RawDataError` naming the file when it cannot make sense of it.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from indicators.errors import RawDataError
from indicators.sources.values import TOPIC_KEY, parse_cbs_series

V3_DIMENSIONS = ("ID", "RegioS", "Perioden")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise RawDataError(f"Raw file not found: {path}. Check --raw/--geo.") from exc
    except UnicodeDecodeError as exc:
        raise RawDataError(f"{path} is not UTF-8 text: {exc}") from exc


def read_v3_csv(path: Path, *, require_period: bool = True) -> pd.DataFrame:
    """A CBS ODataApi v3 CSV download (``;``, quoted or not, padded codes, ``.`` = missing).

    Topic columns are recognised by their v3 key suffix (``TotaleBevolking_1``) and parsed as
    numbers; every other column is a dimension and is stripped of padding. A download of one
    period only may lack the ``Perioden`` column (``require_period=False``): the caller then
    knows the period from the table.
    """
    text = _read_text(path)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise RawDataError(f"{path}: not a CBS v3 CSV ({exc})") from exc
    if frame.empty or len(frame.columns) < 2:
        raise RawDataError(f"{path}: a v3 CSV needs a header and data rows; found none")
    if require_period and "Perioden" not in frame.columns:
        raise RawDataError(
            f"{path}: a v3 CSV needs a Perioden column; found {list(frame.columns)[:6]}"
        )
    return pd.DataFrame(
        {
            column: parse_cbs_series(frame[column])
            if TOPIC_KEY.search(column) and column not in V3_DIMENSIONS
            else frame[column].str.strip()
            for column in frame.columns
        }
    )


def v3_topic_keys(frame: pd.DataFrame) -> list[str]:
    """The topic keys of a v3 frame in column order (the order of ``DataProperties``)."""
    return [c for c in frame.columns if TOPIC_KEY.search(c) and c not in V3_DIMENSIONS]


def read_v4_json_dir(directory: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Raw v4 wire JSON saved per table: ``(observations, measure_codes)``.

    ``index.json`` lists the observation pages; each page is an ``Observations`` response.
    """
    index_path = directory / "index.json"
    try:
        index = json.loads(_read_text(index_path))
        pages = index.get("observationPages") or sorted(
            p.name for p in directory.glob("observations-page-*.json")
        )
        rows: list[dict] = []
        for page in pages:
            rows.extend(json.loads(_read_text(directory / page))["value"])
        measures = json.loads(_read_text(directory / "measure-codes.json"))["value"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise RawDataError(f"{directory}: malformed v4 JSON ({exc})") from exc
    observations = pd.DataFrame(rows)
    if observations.empty:
        raise RawDataError(f"{directory}: no observations in {pages}")
    return normalise_v4_observations(observations), pd.DataFrame(measures)


def read_v4_parquet(path: Path) -> pd.DataFrame:
    """v4 ``Observations`` rows stored as Parquet (all columns text, as captured)."""
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError) as exc:
        raise RawDataError(f"{path}: cannot read Parquet ({exc})") from exc
    return normalise_v4_observations(frame)


def read_region_codes(path: Path) -> pd.DataFrame:
    """A v4 code list (``RegioSCodes``) stored as Parquet: ``Identifier``, ``Title`` and the
    other columns as text, stripped."""
    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError) as exc:
        raise RawDataError(f"{path}: cannot read Parquet ({exc})") from exc
    missing = [c for c in ("Identifier", "Title") if c not in frame.columns]
    if missing:
        raise RawDataError(f"{path}: a code list needs {missing}; got {list(frame.columns)}")
    return frame.astype(str).apply(lambda c: c.str.strip())


def normalise_v4_observations(frame: pd.DataFrame) -> pd.DataFrame:
    """Strip code columns and turn ``Value`` into float with missing markers as NaN."""
    frame = frame.copy()
    if "Value" not in frame.columns or "Measure" not in frame.columns:
        raise RawDataError(f"v4 observations need Measure and Value; got {list(frame.columns)}")
    frame["Value"] = parse_cbs_series(frame["Value"])
    for column in frame.columns:
        if column not in ("Value", "Id", "StringValue") and frame[column].dtype == object:
            frame[column] = frame[column].astype(str).str.strip()
        elif column not in ("Value", "Id") and pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].astype(str).str.strip()
    return frame


def read_statline_csv(path: Path, *, mangled_quotes: bool = False) -> pd.DataFrame:
    """A StatLine "Download CSV" export: ``;``, decimal comma, titles as headers, names not codes.

    ``mangled_quotes`` handles an export re-saved by a spreadsheet with doubled quotes around
    every field (``""a"";""b""``): quoting is disabled and stray quotes are stripped. Trailing
    source lines (``Bron: CBS``) are dropped. Values stay text; parse with
    ``parse_cbs_series(..., decimal_comma=True)``.
    """
    text = _read_text(path)
    if mangled_quotes:
        rows = [
            [cell.strip().strip('"').strip() for cell in line.split(";")]
            for line in text.splitlines()
            if line.strip()
        ]
    else:
        rows = [
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=";", quotechar='"')
            if row
        ]
    if len(rows) < 2:
        raise RawDataError(f"{path}: StatLine CSV without data rows")
    header, body = rows[0], rows[1:]
    # Keep rows of the header's width, except a footer ("Bron: CBS" padded with ';'); a
    # region may well be called "Bronneger", so only an otherwise empty row is a footer.
    body = [
        r
        for r in body
        if len(r) == len(header) and not (r[0].startswith("Bron") and not any(r[1:]))
    ]
    if not body:
        raise RawDataError(f"{path}: no row has the header's {len(header)} columns")
    return pd.DataFrame(body, columns=header)


def read_statline_pivot_csv(path: Path) -> pd.DataFrame:
    """A StatLine "Download CSV" in pivot layout: one row per region *name*, the first column
    without a header, and each value column headed by its topic path joined with ``|``
    (``Periodieke bijstandsuitkeringen|Totaal bijstandsuitkeringen``).

    Returns ``Regio`` (the name as written) plus one text column per header; parse values with
    ``parse_cbs_series(..., decimal_comma=True)``. The trailing ``Bron: CBS`` line is dropped.
    """
    frame = read_statline_csv(path)
    first = frame.columns[0]
    if first.strip():
        raise RawDataError(
            f"{path}: a StatLine pivot export starts with an empty header cell (the region "
            f"column); found {first!r}"
        )
    if not any("|" in c for c in frame.columns[1:]):
        raise RawDataError(f"{path}: no '|'-joined topic headers; not a StatLine pivot export")
    return frame.rename(columns={first: "Regio"})


def read_v4_period_status(directory: Path) -> dict[str, str]:
    """Period code -> CBS status (``Definitief``/``Voorlopig``...) from ``codes-Perioden.json``;
    empty when the file is absent (status then counts as definitive)."""
    path = directory / "codes-Perioden.json"
    if not path.exists():
        return {}
    body = read_json(path)
    try:
        return {str(c["Identifier"]).strip(): str(c.get("Status") or "") for c in body["value"]}
    except (KeyError, TypeError) as exc:
        raise RawDataError(f"{path}: malformed PeriodenCodes ({exc})") from exc


def read_plain_csv(path: Path, *, sep: str = ",", required: tuple[str, ...] = ()) -> pd.DataFrame:
    """A plain CSV (header row); fail loudly if a required column is missing."""
    try:
        frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise RawDataError(f"Raw file not found: {path}. Check --raw.") from exc
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise RawDataError(f"{path}: cannot parse CSV ({exc})") from exc
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise RawDataError(f"{path}: missing columns {missing}; found {list(frame.columns)}")
    return frame


def read_json(path: Path) -> object:
    """A JSON file, with the file named in any error."""
    try:
        return json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise RawDataError(f"{path}: malformed JSON ({exc})") from exc
