"""Tests for the live CBS OData clients against the local stand-in server (tests/cbs_server.py).

Expected numbers come from the hand-written fixtures in tests/fixtures/odata, not from the
code under test.
"""

from __future__ import annotations

import math
import socket
import time
from collections.abc import Iterator

import pandas as pd
import pytest

from indicators.errors import CBSError
from indicators.sources.odata import (
    ODataV3Client,
    ODataV4Client,
    make_session,
    parse_cbs_number,
    resolve_key,
    strip_region_code,
)

try:
    from tests.cbs_server import CBSServer, start_server
except ImportError:  # tests/ not importable as a package: pytest put tests/ itself on sys.path
    from cbs_server import CBSServer, start_server  # type: ignore[no-redef]

DRENTHE_ZO = ["GM0109", "GM0114", "GM0118", "GM1681"]


@pytest.fixture
def server() -> Iterator[CBSServer]:
    with start_server(timeout_sleep=3.0) as srv:
        yield srv


def v3(server: CBSServer, *, retries: int = 2, timeout: float = 2.0) -> ODataV3Client:
    session = make_session(retries=retries, backoff_factor=0)
    return ODataV3Client(server.v3_url, server.v3_catalog_url, session=session, timeout=timeout)


def v4(server: CBSServer, *, retries: int = 2, timeout: float = 2.0) -> ODataV4Client:
    session = make_session(retries=retries, backoff_factor=0)
    return ODataV4Client(server.v4_url, session=session, timeout=timeout)


def value(frame: pd.DataFrame, column: str, **where: str) -> float:
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key] == wanted
    (result,) = frame.loc[mask, column].tolist()
    return result


# -- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, math.nan),
        ("", math.nan),
        (".", math.nan),
        ("  .  ", math.nan),
        ("-", math.nan),
        ("x", math.nan),
        ("?", math.nan),
        (-99997, math.nan),
        (-99995.0, math.nan),
        ("-99999", math.nan),
        (-99990, math.nan),
        (" 107775", 107775.0),
        ("12.5", 12.5),
        (42, 42.0),
        (3.25, 3.25),
        (-5, -5.0),
        (0, 0.0),
    ],
)
def test_parse_cbs_number(raw: object, expected: float) -> None:
    result = parse_cbs_number(raw)
    assert isinstance(result, float)
    if math.isnan(expected):
        assert math.isnan(result)
    else:
        assert result == expected


def test_strip_region_code() -> None:
    assert strip_region_code("GM0114    ") == "GM0114"
    assert strip_region_code("  PV22 ") == "PV22"
    assert strip_region_code("NL01") == "NL01"


# -- v3 paging and parsing -------------------------------------------------------------------


def test_v3_typed_dataset_pages_parses_and_strips(server: CBSServer) -> None:
    server.load_v3_fixture("70072NED", page_size=5)
    frame = v3(server).typed_dataset("70072NED", regions=DRENTHE_ZO)

    # 4 regions x 3 periods = 12 rows over pages of 5, 5, 2
    requests = server.requests_for("/v3/70072NED/TypedDataSet")
    assert [r.query.get("$skip") for r in requests] == [None, "5", "10"]
    assert len(frame) == 12
    assert frame["ID"].tolist() == [
        2101,
        2102,
        2103,
        2201,
        2202,
        2203,
        2301,
        2302,
        2303,
        2401,
        2402,
        2403,
    ]
    assert sorted(set(frame["RegioS"])) == DRENTHE_ZO  # padding stripped, PV22 not asked
    assert set(frame["Perioden"]) == {"2021JJ00", "2022JJ00", "2023JJ00"}
    assert value(frame, "TotaleBevolking_1", RegioS="GM0114", Perioden="2021JJ00") == 107775.0
    assert math.isnan(value(frame, "TotaleBevolking_1", RegioS="GM1681", Perioden="2023JJ00"))
    assert math.isnan(
        value(frame, "GemiddeldeHuishoudensgrootte_94", RegioS="GM1681", Perioden="2022JJ00")
    )  # sentinel -99997
    assert math.isnan(
        value(frame, "Eenpersoonshuishoudens_89", RegioS="GM0114", Perioden="2023JJ00")
    )  # JSON null
    assert frame["TotaleBevolking_1"].sum() == 651557.0
    assert value(frame, "Eenpersoonshuishoudens_93", RegioS="GM0118", Perioden="2023JJ00") == 34.7


def test_v3_typed_dataset_without_regions_follows_next_link_with_select(server: CBSServer) -> None:
    server.load_v3_fixture("70072NED", page_size=4)
    frame = v3(server).typed_dataset("70072NED", select=["RegioS", "Perioden", "TotaleBevolking_1"])
    assert server.count("/v3/70072NED/TypedDataSet") == 4  # 15 rows: 4 + 4 + 4 + 3
    assert list(frame.columns) == ["RegioS", "Perioden", "TotaleBevolking_1"]
    assert len(frame) == 15
    assert value(frame, "TotaleBevolking_1", RegioS="PV22", Perioden="2023JJ00") == 502051.0
    first = server.requests_for("/v3/70072NED/TypedDataSet")[0]
    assert first.query["$select"] == "RegioS,Perioden,TotaleBevolking_1"
    assert "$filter" not in first.query


def test_v3_region_filter_combined_with_filters(server: CBSServer) -> None:
    frame = v3(server).typed_dataset(
        "70072NED",
        regions=["GM0114    "],
        filters="Perioden eq '2022JJ00'",
        select=["Perioden", "TotaleBevolking_1"],
    )
    (request,) = server.requests_for("/v3/70072NED/TypedDataSet")
    assert request.query["$filter"] == (
        "(substringof('GM0114',RegioS)) and (Perioden eq '2022JJ00')"
    )
    assert request.query["$select"] == "RegioS,Perioden,TotaleBevolking_1"  # region added
    assert frame.to_dict("records") == [
        {"RegioS": "GM0114", "Perioden": "2022JJ00", "TotaleBevolking_1": 108352.0}
    ]
    # spaces are sent as %20, not '+'
    assert "%20" in request.raw_query and "+" not in request.raw_query


def test_v3_text_columns_stay_text(server: CBSServer) -> None:
    frame = v3(server).typed_dataset(
        "85984NED",
        region_dim="WijkenEnBuurten",
        regions=["GM0118"],
        select=["Gemeentenaam_1", "AantalInwoners_5"],
        text_columns=["Gemeentenaam_1"],
    )
    assert frame.to_dict("records") == [
        {"WijkenEnBuurten": "GM0118", "Gemeentenaam_1": "Hoogeveen", "AantalInwoners_5": 56591.0}
    ]


def _chunk_table(server: CBSServer, table: str, n_regions: int, **kwargs: object) -> None:
    props = [
        {
            "odata.type": "Cbs.OData.GeoDimension",
            "ID": 0,
            "Position": 0,
            "ParentID": None,
            "Type": "GeoDimension",
            "Key": "RegioS",
            "Title": "Regio's",
        },
        {
            "odata.type": "Cbs.OData.TimeDimension",
            "ID": 1,
            "Position": 1,
            "ParentID": None,
            "Type": "TimeDimension",
            "Key": "Perioden",
            "Title": "Perioden",
        },
        {
            "odata.type": "Cbs.OData.Topic",
            "ID": 2,
            "Position": 2,
            "ParentID": None,
            "Type": "Topic",
            "Key": "Aantal_1",
            "Title": "Aantal",
            "Datatype": "Long",
            "Unit": "aantal",
            "Decimals": 0,
        },
    ]
    rows = []
    for i in range(n_regions):
        for j, period in enumerate(["2022JJ00", "2023JJ00"]):
            rows.append(
                {
                    "ID": 2 * i + j,
                    "RegioS": f"GM{i + 1:04d}    ",
                    "Perioden": period,
                    "Aantal_1": 100 * (i + 1) + j,
                }
            )
    server.add_v3_table(table, props, rows, **kwargs)  # type: ignore[arg-type]


def test_v3_region_chunks_keep_each_request_small(server: CBSServer) -> None:
    _chunk_table(server, "80025NED", 25)
    codes = [f"GM{i:04d}" for i in range(1, 26)]
    frame = v3(server).typed_dataset("80025NED", regions=codes, chunk_size=10)

    requests = server.requests_for("/v3/80025NED/TypedDataSet")
    assert len(requests) == 3
    for request, chunk in zip(requests, [codes[0:10], codes[10:20], codes[20:25]], strict=True):
        sent = request.query["$filter"]
        assert sent.count("substringof(") == len(chunk)
        assert all(f"substringof('{code}',RegioS)" in sent for code in chunk)
        assert not any(f"'{code}'" in sent for code in codes if code not in chunk)
    assert len(frame) == 50
    assert frame["RegioS"].nunique() == 25
    # sum over i=1..25 of (100 i) + (100 i + 1) = 200 * 325 + 25
    assert frame["Aantal_1"].sum() == 65025.0
    assert value(frame, "Aantal_1", RegioS="GM0025", Perioden="2023JJ00") == 2501.0


def test_v3_default_chunk_size_follows_rows_per_region(server: CBSServer) -> None:
    _chunk_table(server, "80025NED", 25)
    codes = [f"GM{i:04d}" for i in range(1, 26)]
    frame = v3(server).typed_dataset("80025NED", regions=codes, rows_per_region=4000)
    # 10,000 // 4,000 = 2 regions per request -> 13 requests for 25 regions
    assert server.count("/v3/80025NED/TypedDataSet") == 13
    assert len(frame) == 50


def test_v3_silently_truncated_answer_is_split_and_reread(server: CBSServer) -> None:
    _chunk_table(server, "80005NED", 5, page_size=6, next_links=False)
    client = v3(server)
    client.max_rows = 6  # this server cuts answers at 6 rows without a nextLink
    codes = [f"GM{i:04d}" for i in range(1, 6)]
    frame = client.typed_dataset("80005NED", regions=codes, chunk_size=5)
    assert len(frame) == 10
    assert frame["ID"].tolist() == list(range(10))
    assert server.count("/v3/80005NED/TypedDataSet") > 1


def test_v3_empty_answer_gives_empty_frame_with_selected_columns(server: CBSServer) -> None:
    client = v3(server)
    server.faults["/v3/70072NED/TypedDataSet"] = ["empty"]
    frame = client.typed_dataset(
        "70072NED", regions=["GM0114"], select=["RegioS", "Perioden", "TotaleBevolking_1"]
    )
    assert frame.empty
    assert list(frame.columns) == ["RegioS", "Perioden", "TotaleBevolking_1"]

    nothing = client.typed_dataset(
        "70072NED", regions=["GM0114"], filters="Perioden eq '1990JJ00'", select=["Perioden"]
    )
    assert nothing.empty
    assert list(nothing.columns) == ["RegioS", "Perioden"]


# -- v3 metadata, keys, catalog --------------------------------------------------------------


def test_v3_metadata_and_keys_in_position_order(server: CBSServer) -> None:
    client = v3(server)
    infos = client.table_infos("85984NED")
    assert infos["Title"] == "Kerncijfers wijken en buurten 2024"
    assert infos["Period"] == "2024"
    assert len(client.data_properties("70072NED")) == 8
    # fixture lists _93 before _89 but Position puts _89 (3) before _93 (4)
    assert client.keys("70072NED") == [
        "TotaleBevolking_1",
        "Eenpersoonshuishoudens_89",
        "Eenpersoonshuishoudens_93",
        "GemiddeldeHuishoudensgrootte_94",
    ]
    keys = client.keys("70072NED")
    assert resolve_key(keys, "Eenpersoonshuishoudens") == "Eenpersoonshuishoudens_89"
    assert resolve_key(keys, "Eenpersoonshuishoudens", occurrence=1) == "Eenpersoonshuishoudens_93"
    with pytest.raises(CBSError, match="only 2 key"):
        resolve_key(keys, "Eenpersoonshuishoudens", occurrence=2)


def test_renamed_key_suffix_is_resolved_per_edition(server: CBSServer) -> None:
    client = v3(server)
    key_2024 = resolve_key(client.keys("85984NED"), "GemiddeldeWOZWaardeVanWoningen")
    key_2021 = resolve_key(client.keys("85039NED"), "GemiddeldeWOZWaardeVanWoningen")
    assert key_2024 == "GemiddeldeWOZWaardeVanWoningen_39"
    assert key_2021 == "GemiddeldeWOZWaardeVanWoningen_35"

    woz = {}
    for table, key in (("85984NED", key_2024), ("85039NED", key_2021)):
        frame = client.typed_dataset(
            table, region_dim="WijkenEnBuurten", regions=["GM0114"], select=[key]
        )
        woz[table] = value(frame, key, WijkenEnBuurten="GM0114")
    assert woz == {"85984NED": 221.0, "85039NED": 174.0}

    with pytest.raises(CBSError) as info:
        client.resolve_key("85984NED", "GemiddeldeWOZWaarde")
    message = str(info.value)
    assert "GemiddeldeWOZWaardeVanWoningen_39" in message
    assert "85984NED" in message


def test_resolve_key_without_server() -> None:
    keys = ["AantalInwoners_5", "GemiddeldeWOZWaardeVanWoningen_35", "Woningvoorraad_34"]
    assert resolve_key(keys, "AantalInwoners") == "AantalInwoners_5"
    assert resolve_key(keys, "Woningvoorraad_34") == "Woningvoorraad_34"  # full key accepted
    with pytest.raises(CBSError, match="AantalInwoners_5"):
        resolve_key(keys, "AantalInwonersTotaal")
    with pytest.raises(CBSError, match="No similar key"):
        resolve_key(keys, "Bijstandsuitkeringen")


def test_find_tables_returns_catalog_identifiers(server: CBSServer) -> None:
    server.load_catalog_fixture(page_size=2)
    frame = v3(server).find_tables("Kerncijfers wijken en buurten")
    assert frame["Identifier"].tolist() == ["85039NED", "85318NED", "85618NED", "85984NED"]
    assert frame["Period"].tolist() == ["2021", "2022", "2023", "2024"]
    assert {"Identifier", "Title", "Period", "Modified"} <= set(frame.columns)
    requests = server.requests_for("/v3catalog/Tables")
    assert len(requests) == 2  # 4 matches in pages of 2
    assert requests[0].query["$filter"] == "substringof('Kerncijfers wijken en buurten',Title)"
    assert requests[0].query["$select"].split(",")[:2] == ["Identifier", "Title"]


# -- v4 --------------------------------------------------------------------------------------


def test_v4_observations_follow_next_link_over_three_pages(server: CBSServer) -> None:
    server.load_v4_fixture("83625NED", page_size=5)
    frame = v4(server).observations("83625NED")
    requests = server.requests_for("/v4/83625NED/Observations")
    assert [r.query.get("$skip") for r in requests] == [None, "5", "10"]
    assert len(frame) == 12
    assert frame["Id"].is_unique
    assert list(frame.columns[:5]) == ["Id", "Measure", "ValueAttribute", "Value", "StringValue"]
    assert value(frame, "Value", RegioS="GM0114", Perioden="2024JJ00") == 312640.0
    assert value(frame, "Value", RegioS="NL01", Perioden="2023JJ00") == 415268.0
    assert math.isnan(value(frame, "Value", RegioS="GM1681", Perioden="2024JJ00"))
    assert frame["Value"].dtype == "float64"


def test_v4_filter_is_sent_and_applied(server: CBSServer) -> None:
    wanted = "Measure eq 'M000352' and RegioS eq 'GM0114'"
    frame = v4(server).observations("03759ned", filter=wanted)
    (request,) = server.requests_for("/v4/03759ned/Observations")
    assert request.query["$filter"] == wanted
    assert frame.set_index("Perioden")["Value"].to_dict() == {
        "2023JJ00": 108987.0,
        "2024JJ00": 109346.0,
    }


def test_v4_metadata_codes_and_measure_titles(server: CBSServer) -> None:
    client = v4(server)
    assert client.properties("83625NED")["Title"] == (
        "Bestaande koopwoningen; gemiddelde verkoopprijzen, regio"
    )
    measures = client.measure_codes("03759ned")
    assert measures["Identifier"].tolist() == ["M000352", "M000365"]
    assert {"Title", "Unit", "Decimals"} <= set(measures.columns)
    regions = client.dimension_codes("83625NED", "RegioS")
    assert regions["Identifier"].tolist() == [
        "NL01",
        "PV22",
        "GM0109",
        "GM0114",
        "GM0118",
        "GM1681",
    ]
    assert client.resolve_measure("03759ned", "  gemiddelde   BEVOLKING ") == "M000365"
    with pytest.raises(CBSError) as info:
        client.resolve_measure("03759ned", "Bevolking 1 januari")
    assert "M000352: Bevolking op 1 januari" in str(info.value)
    assert "03759ned" in str(info.value)


def test_v4_empty_answer(server: CBSServer) -> None:
    frame = v4(server).observations("83625NED", filter="Perioden eq '1990JJ00'")
    assert frame.empty
    assert list(frame.columns) == ["Measure", "Value"]


# -- failures --------------------------------------------------------------------------------


def test_500_then_success_is_retried(server: CBSServer) -> None:
    server.faults["/v3/70072NED/TypedDataSet"] = ["500", "ok"]
    frame = v3(server).typed_dataset("70072NED", regions=["GM0118"], select=["TotaleBevolking_1"])
    assert server.count("/v3/70072NED/TypedDataSet") == 2
    assert frame["TotaleBevolking_1"].tolist() == [55641.0, 56104.0, 56362.0]


def test_500_until_retries_run_out(server: CBSServer) -> None:
    server.faults["/v4/83625NED/Observations"] = ["500", "500", "500"]
    with pytest.raises(CBSError) as info:
        v4(server, retries=1).observations("83625NED")
    message = str(info.value)
    assert "HTTP 500" in message
    assert "83625NED" in message
    assert "/v4/83625NED/Observations" in message
    assert server.count("/v4/83625NED/Observations") == 2


@pytest.mark.parametrize("fault", ["429", "503"])
def test_retry_after_is_honoured(server: CBSServer, fault: str) -> None:
    server.faults["/v4/03759ned/MeasureCodes"] = [fault]  # both send Retry-After: 1
    started = time.monotonic()
    codes = v4(server).measure_codes("03759ned")
    elapsed = time.monotonic() - started
    assert codes["Identifier"].tolist() == ["M000352", "M000365"]
    assert server.count("/v4/03759ned/MeasureCodes") == 2
    assert elapsed >= 0.9  # backoff_factor is 0, so only Retry-After explains the wait


def test_timeout_raises_cbs_error(server: CBSServer) -> None:
    server.faults["/v3/70072NED/TypedDataSet"] = ["timeout", "timeout"]
    client = v3(server, retries=1, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(CBSError) as info:
        client.typed_dataset("70072NED", regions=["GM0114"])
    assert time.monotonic() - started < 2.5
    message = str(info.value)
    assert "70072NED" in message
    assert "timed out" in message and "not reachable" in message
    assert server.count("/v3/70072NED/TypedDataSet") == 2


def test_connection_refused_raises_cbs_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # the port is closed now
    client = ODataV3Client(
        f"http://127.0.0.1:{port}/v3",
        session=make_session(retries=1, backoff_factor=0),
        timeout=0.5,
    )
    with pytest.raises(CBSError) as info:
        client.table_infos("70072NED")
    message = str(info.value)
    assert "not reachable" in message
    assert "connection refused" in message
    assert f"127.0.0.1:{port}/v3/70072NED/TableInfos" in message
    assert "python -m indicators build" in message


@pytest.mark.parametrize("fault", ["malformed", "html"])
def test_broken_json_raises_cbs_error(server: CBSServer, fault: str) -> None:
    server.faults["/v4/83625NED/Observations"] = [fault]
    with pytest.raises(CBSError, match="invalid or truncated JSON") as info:
        v4(server).observations("83625NED")
    assert "83625NED" in str(info.value)
    assert server.count("/v4/83625NED/Observations") == 1  # a 200 is not retried


def test_dropped_connection_raises_cbs_error(server: CBSServer) -> None:
    server.faults["/v3/70072NED/DataProperties"] = ["reset", "reset"]
    with pytest.raises(CBSError, match="not reachable") as info:
        v3(server, retries=1).keys("70072NED")
    assert "70072NED" in str(info.value)


def test_body_without_value_raises_cbs_error(server: CBSServer) -> None:
    server.add_json("/v3/81234NED/DataProperties", {"odata.metadata": "x", "values": []})
    with pytest.raises(CBSError, match="no 'value' list") as info:
        v3(server).data_properties("81234NED")
    assert "81234NED" in str(info.value)


def test_unknown_table_is_not_found(server: CBSServer) -> None:
    with pytest.raises(CBSError, match="not found") as info:
        v3(server).table_infos("99999NED")
    assert "99999NED" in str(info.value)
    assert "newer edition" in str(info.value)
    with pytest.raises(CBSError, match="Table 99999ned not found"):
        v4(server).properties("99999ned")
    server.faults["/v3/85984NED/TypedDataSet"] = ["404"]
    with pytest.raises(CBSError, match="Table 85984NED not found"):
        v3(server).typed_dataset("85984NED", region_dim="WijkenEnBuurten")


def test_bad_select_is_reported_with_cbs_message(server: CBSServer) -> None:
    with pytest.raises(CBSError, match="HTTP 400") as info:
        v3(server).typed_dataset("70072NED", select=["RegioS", "TotaleBevolking_2"])
    assert "TotaleBevolking_2" in str(info.value)
    assert server.count("/v3/70072NED/TypedDataSet") == 1  # 400 is not retried
