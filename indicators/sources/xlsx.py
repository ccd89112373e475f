"""An OData download opened and saved as ``.xlsx`` (the RIVM 50090NED workbooks).

The cells keep the OData text: codes padded (``"GM0114    "``) and values right-aligned text
(``"    76.7"``); an empty cell is a missing value. The result has the shape of
:func:`indicators.sources.raw.read_v3_csv`: dimensions stripped, topic keys (``Naam_12``) as
floats.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.errors import RawDataError
from indicators.sources.values import TOPIC_KEY, parse_cbs_series

V3_DIMENSIONS = ("ID",)


def read_odata_xlsx(path: Path, *, keep: dict[str, tuple[str, ...]] | None = None) -> pd.DataFrame:
    """The first sheet as a v3-shaped frame.

    ``keep`` maps a dimension column to the values (after stripping) whose rows are kept, e.g.
    ``{"SoortRegio_2": ("Land", "Gemeente")}``: these workbooks hold every wijk and buurt too,
    and filtering while reading keeps memory small.
    """
    import openpyxl

    if not path.is_file():
        raise RawDataError(f"Raw file not found: {path}. Check --raw.")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile/openpyxl raise several types for a broken workbook
        raise RawDataError(f"{path}: cannot read the workbook ({exc})") from exc
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header or any(h is None for h in header):
            raise RawDataError(f"{path}: the first sheet has no complete header row")
        header = [str(h).strip() for h in header]
        positions = {c: header.index(c) for c in (keep or {}) if c in header}
        missing = sorted(set(keep or {}) - set(positions))
        if missing:
            raise RawDataError(f"{path}: missing columns {missing}; found {header[:8]}")
        wanted = {positions[c]: set(v) for c, v in (keep or {}).items()}
        body = []
        for row in rows:
            if all(str(row[i] or "").strip() in values for i, values in wanted.items()):
                body.append(row)
    finally:
        book.close()
    frame = pd.DataFrame(body, columns=header, dtype=object)
    if frame.empty:
        raise RawDataError(f"{path}: no data rows (after selecting {keep})")
    return pd.DataFrame(
        {
            column: parse_cbs_series(frame[column])
            if TOPIC_KEY.search(column) and column not in V3_DIMENSIONS
            else frame[column].map(lambda v: "" if v is None else str(v).strip())
            for column in frame.columns
        }
    )
