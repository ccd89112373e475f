"""Read a Vega-Lite chart as Streamlit sent it: the spec's JSON with its named Arrow datasets
put back inline, so a test reads ``data.values`` wherever the page drew a table."""

from __future__ import annotations

import json

import pyarrow as pa


def dataset_rows(data: bytes) -> list[dict]:
    """The rows of one Arrow dataset, NaN and missing values as None (as the browser gets them)."""
    table = pa.ipc.open_stream(data).read_all()
    frame = table.to_pandas()
    return [
        {k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()}
        for row in frame.astype(object).to_dict(orient="records")
    ]


def inline(spec: object, tables: dict[str, list[dict]]) -> object:
    """``spec`` with every ``{"data": {"name": n}}`` of a dataset replaced by its rows."""
    if isinstance(spec, list):
        return [inline(item, tables) for item in spec]
    if not isinstance(spec, dict):
        return spec
    out = {key: inline(item, tables) for key, item in spec.items()}
    data = spec.get("data")
    if isinstance(data, dict) and data.get("name") in tables:
        out["data"] = {"values": tables[data["name"]]}
    return out


def sent_spec(element) -> dict:
    """The spec of an AppTest ``vega_lite_chart`` element with its datasets inline."""
    tables = {d.name: dataset_rows(d.data.data) for d in element.proto.datasets if d.has_name}
    return inline(json.loads(element.proto.spec), tables)  # type: ignore[return-value]
