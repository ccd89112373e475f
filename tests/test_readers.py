"""Raw readers and cell parsing on small hand-written files in the real CBS download formats.

Every fixture under ``tests/fixtures/raw`` was typed by hand (a few rows, numbers chosen so the
expected results are obvious); none is a copy of a real download.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from indicators.errors import CBSError, RawDataError
from indicators.sources import raw as rawio
from indicators.sources.values import (
    parse_cbs_number,
    parse_cbs_series,
    period_year,
    resolve_key,
    strip_region_code,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "raw"
V3_QUOTED = FIXTURES / "v3" / "70072ned_quoted.csv"
V3_UNQUOTED = FIXTURES / "v3" / "83651ned_unquoted.csv"
V4_DIR = FIXTURES / "v4" / "03759ned"
STATLINE = FIXTURES / "statline"


def by_region(frame: pd.DataFrame, column: str) -> dict[str, float]:
    return dict(zip(frame["RegioS"], frame[column], strict=True))


# --- v3 CSV downloads -------------------------------------------------------------------------


def test_fixture_files_start_with_a_bom():
    # The real v3 downloads start with a UTF-8 BOM; the fixtures must too, or the test is moot.
    assert V3_QUOTED.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert V3_UNQUOTED.read_bytes()[:3] == b"\xef\xbb\xbf"


def test_read_v3_csv_quoted_padded_codes_and_right_aligned_values():
    frame = rawio.read_v3_csv(V3_QUOTED)
    # BOM gone: the first column is "ID", not "\ufeffID".
    assert list(frame.columns) == [
        "ID",
        "RegioS",
        "Perioden",
        "TotaleBevolking_1",
        "Mannen_2",
        "GemiddeldeWoningwaarde_99",
        "Werkloosheid_159",
    ]
    # '"GM0114    "' -> 'GM0114'
    assert frame["RegioS"].tolist() == ["NL01", "PV22", "GM0114", "GM1681"]
    assert frame["Perioden"].tolist() == ["2015JJ00"] * 4
    assert frame["ID"].tolist() == ["0", "1", "2", "3"]  # a dimension: stays text
    # '"  107775"' -> 107775.0
    assert by_region(frame, "TotaleBevolking_1") == {
        "NL01": 17_000_000.0,
        "PV22": 490_000.0,
        "GM0114": 107_775.0,
        "GM1681": 25_500.0,
    }
    assert frame["Werkloosheid_159"].tolist() == [425_000.0, 12_000.0, 3_620.0, 510.0]
    assert frame["TotaleBevolking_1"].dtype == "float64"
    # '"       ."' -> NaN, the other cells of the column are numbers
    woz = by_region(frame, "GemiddeldeWoningwaarde_99")
    assert math.isnan(woz["GM0114"])
    assert (woz["NL01"], woz["PV22"], woz["GM1681"]) == (230.0, 200.0, 185.0)
    assert math.isnan(by_region(frame, "Mannen_2")["GM1681"])
    assert by_region(frame, "Mannen_2")["NL01"] == 8_400_000.0


def test_v3_topic_keys_in_column_order():
    frame = rawio.read_v3_csv(V3_QUOTED)
    assert rawio.v3_topic_keys(frame) == [
        "TotaleBevolking_1",
        "Mannen_2",
        "GemiddeldeWoningwaarde_99",
        "Werkloosheid_159",
    ]


def test_v3_topic_keys_keeps_table_order_not_suffix_order():
    frame = pd.DataFrame(columns=["RegioS", "Perioden", "B_10", "A_2", "Naam", "C_1"])
    assert rawio.v3_topic_keys(frame) == ["B_10", "A_2", "C_1"]


def test_read_v3_csv_unquoted_thefts_file():
    frame = rawio.read_v3_csv(V3_UNQUOTED)
    assert frame["RegioS"].tolist() == ["GM0114", "GM0109", "GM1681", "GM0114", "GM0114"]
    assert frame["GebruikVanGeweld"].tolist()[:4] == ["T001540", "T001540", "T001540", "A048105"]
    assert frame["SoortDiefstal"].tolist()[-1] == "CRI1123"
    counts = frame["TotaalGeregistreerdeDiefstallen_1"].tolist()
    assert counts[:2] == [250.0, 60.0]
    assert math.isnan(counts[2])  # empty cell
    assert counts[3:] == [10.0, 40.0]
    rate = frame["GeregistreerdeDiefstallenPer1000Inw_3"].tolist()
    assert rate[0] == 2.5  # "     2.5"
    assert math.isnan(rate[1])  # "       ."
    assert math.isnan(rate[2])  # ""
    assert rate[3:] == [0.1, 0.4]
    assert rawio.v3_topic_keys(frame) == [
        "TotaalGeregistreerdeDiefstallen_1",
        "GeregistreerdeDiefstallenPer1000Inw_3",
    ]


def test_read_v3_csv_without_perioden_names_the_file():
    path = FIXTURES / "v3" / "no_perioden.csv"
    with pytest.raises(RawDataError, match="Perioden") as info:
        rawio.read_v3_csv(path)
    assert str(path) in str(info.value)


def test_read_v3_csv_missing_file(tmp_path):
    path = tmp_path / "absent.csv"
    with pytest.raises(RawDataError, match="not found") as info:
        rawio.read_v3_csv(path)
    assert str(path) in str(info.value)


def test_read_v3_csv_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(RawDataError) as info:
        rawio.read_v3_csv(path)
    assert str(path) in str(info.value)


def test_read_v3_csv_not_utf8(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes('"RegioS";"Perioden"\n"Zuidwest-Fryslân";"2015JJ00"\n'.encode("latin-1"))
    with pytest.raises(RawDataError, match="UTF-8") as info:
        rawio.read_v3_csv(path)
    assert str(path) in str(info.value)


# --- v4 JSON and Parquet ----------------------------------------------------------------------


def test_read_v4_json_dir_reads_every_listed_page():
    obs, measures = rawio.read_v4_json_dir(V4_DIR)
    # 3 rows on page 1 + 3 rows on page 2
    assert obs["Id"].tolist() == [1, 2, 3, 4, 5, 6]
    assert obs["Measure"].tolist() == ["Q_POP_JAN", "Q_POP_AVG"] + ["Q_POP_JAN"] * 4
    assert obs["RegioS"].tolist() == ["NL01", "NL01", "GM0114", "GM0114", "GM0109", "GM1681"]
    values = obs["Value"].tolist()
    assert values[:5] == [18_000_000.0, 18_050_000.0, 110_000.0, 55_000.0, 36_000.0]
    assert math.isnan(values[5])  # "Value": null
    assert obs["Value"].dtype == "float64"
    assert obs["Geslacht"].tolist()[3] == "3000"
    assert measures["Identifier"].tolist() == ["Q_POP_JAN", "Q_POP_AVG"]
    assert measures["Title"].tolist() == ["Bevolking op 1 januari", "Gemiddelde bevolking"]


def test_read_v4_json_dir_uses_the_page_list_of_the_index(tmp_path):
    # A page on disk that index.json does not list is not read.
    copy = tmp_path / "03759ned"
    shutil.copytree(V4_DIR, copy)
    index = json.loads((copy / "index.json").read_text(encoding="utf-8"))
    index["observationPages"] = ["observations-page-2.json"]
    (copy / "index.json").write_text(json.dumps(index), encoding="utf-8")
    obs, _ = rawio.read_v4_json_dir(copy)
    assert obs["Id"].tolist() == [4, 5, 6]


def test_read_v4_json_dir_malformed_page(tmp_path):
    copy = tmp_path / "03759ned"
    shutil.copytree(V4_DIR, copy)
    page = copy / "observations-page-2.json"
    page.write_text(page.read_text(encoding="utf-8")[:200], encoding="utf-8")  # truncated
    with pytest.raises(RawDataError, match="malformed v4 JSON") as info:
        rawio.read_v4_json_dir(copy)
    assert str(copy) in str(info.value)


def test_read_v4_json_dir_page_without_value_key(tmp_path):
    copy = tmp_path / "03759ned"
    shutil.copytree(V4_DIR, copy)
    (copy / "observations-page-1.json").write_text('{"error": "throttled"}', encoding="utf-8")
    with pytest.raises(RawDataError, match="malformed"):
        rawio.read_v4_json_dir(copy)


def test_read_v4_json_dir_missing_page(tmp_path):
    copy = tmp_path / "03759ned"
    shutil.copytree(V4_DIR, copy)
    (copy / "observations-page-2.json").unlink()
    with pytest.raises(RawDataError, match="observations-page-2.json"):
        rawio.read_v4_json_dir(copy)


def test_read_v4_parquet_all_varchar(tmp_path):
    names = ["Id", "Measure", "ValueAttribute", "Value", "StringValue", "RegioS", "Perioden"]
    rows = [
        ["548527", "M000352_3", "None", "25203.0", None, "GM1680", "2015JJ00"],
        ["548528", "M000352_3", "None", "107775.0", None, "GM0114", "2015JJ00"],
        ["548529", "M000352_3", "None", "", None, "GM0109", "2015JJ00"],
        ["548530", "A018943_1", "None", "  412.5", None, "GM0114  ", "2016JJ00"],
    ]
    table = pa.table(
        {name: [r[i] for r in rows] for i, name in enumerate(names)},
        schema=pa.schema([(name, pa.string()) for name in names]),
    )
    path = tmp_path / "obs.parquet"
    pq.write_table(table, path, compression="zstd")
    frame = rawio.read_v4_parquet(path)
    assert frame["Value"].dtype == "float64"
    values = frame["Value"].tolist()
    assert values[0] == 25203.0
    assert values[1] == 107775.0
    assert math.isnan(values[2])  # "" = missing
    assert values[3] == 412.5
    assert frame["RegioS"].tolist() == ["GM1680", "GM0114", "GM0109", "GM0114"]
    assert frame["Measure"].tolist()[-1] == "A018943_1"


def test_read_v4_parquet_without_value_column(tmp_path):
    path = tmp_path / "codes.parquet"
    pq.write_table(pa.table({"Identifier": ["M1"], "Title": ["x"]}), path)
    with pytest.raises(RawDataError, match="Measure and Value"):
        rawio.read_v4_parquet(path)


def test_read_v4_parquet_unreadable(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(RawDataError, match="Parquet") as info:
        rawio.read_v4_parquet(path)
    assert str(path) in str(info.value)


# --- StatLine CSV exports ---------------------------------------------------------------------


def test_read_statline_csv_plain_export():
    frame = rawio.read_statline_csv(STATLINE / "export_plain.csv")
    assert list(frame.columns) == [
        "Regio's",
        "Perioden",
        "Inkomen/Gemiddeld besteedbaar inkomen (1 000 euro)",
        "Bevolking/Aantal inwoners (aantal)",
    ]
    # The "Bron: CBS" line is not a data row: three regions.
    assert frame["Regio's"].tolist() == ["Nederland", "Emmen", "Borger-Odoorn"]
    assert frame["Perioden"].tolist() == ["2024*"] * 3
    income = parse_cbs_series(
        frame["Inkomen/Gemiddeld besteedbaar inkomen (1 000 euro)"], decimal_comma=True
    )
    assert income.tolist()[:2] == [60.5, 52.25]  # "60,5", "52,25"
    assert math.isnan(income.tolist()[2])  # "."
    population = parse_cbs_series(frame["Bevolking/Aantal inwoners (aantal)"], decimal_comma=True)
    assert population.tolist() == [18_000_000.0, 110_000.0, 26_000.0]


def test_read_statline_csv_mangled_quotes():
    frame = rawio.read_statline_csv(STATLINE / "export_mangled.csv", mangled_quotes=True)
    assert list(frame.columns) == [
        "Populatie",
        "Perioden",
        "Regio's",
        "Particuliere huishoudens (x 1 000)",
        "Inkomen/Gemiddeld besteedbaar inkomen (1 000 euro)",
    ]
    assert frame["Regio's"].tolist() == ["Nederland", "Emmen", "Coevorden"]
    assert frame["Perioden"].tolist() == ["2024*"] * 3
    assert frame["Populatie"].tolist() == ["Particuliere huishoudens"] * 3
    households = parse_cbs_series(frame["Particuliere huishoudens (x 1 000)"], decimal_comma=True)
    assert households.tolist() == [8258.9, 50.5, 15.25]
    income = parse_cbs_series(
        frame["Inkomen/Gemiddeld besteedbaar inkomen (1 000 euro)"], decimal_comma=True
    )
    assert income.tolist() == [41.9, 53.75, 57.0]


def test_read_statline_csv_mangled_file_read_plainly_keeps_the_quotes():
    # Without mangled_quotes the doubled quotes survive in the cells: the flag matters.
    frame = rawio.read_statline_csv(STATLINE / "export_mangled.csv")
    assert "Regio's" not in frame.columns


def test_read_statline_csv_drops_bron_line_padded_with_separators():
    # StatLine pads the trailing "Bron: CBS" line with one ';' per column
    # (e.g. "Bron: CBS;;;;"), so it has as many cells as the header.
    frame = rawio.read_statline_csv(STATLINE / "export_bron_padded.csv")
    assert frame["Regio"].tolist()[:2] == ["Nederland", "GGD Drenthe (GG)"]
    assert frame["Regio"].tolist() == ["Nederland", "GGD Drenthe (GG)"], (
        "BUG raw.read_statline_csv: a 'Bron: CBS;;' footer padded to the header width is kept "
        "as a data row, although the docstring says trailing source lines are dropped"
    )


def test_read_statline_csv_header_only(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text('"Regio\'s";"Perioden"\n', encoding="utf-8")
    with pytest.raises(RawDataError, match="without data rows") as info:
        rawio.read_statline_csv(path)
    assert str(path) in str(info.value)


def test_read_statline_csv_missing_file(tmp_path):
    with pytest.raises(RawDataError, match="not found"):
        rawio.read_statline_csv(tmp_path / "absent.csv", mangled_quotes=True)


# --- plain CSV and JSON -----------------------------------------------------------------------


def test_read_plain_csv_required_columns(tmp_path):
    path = tmp_path / "kwb.csv"
    path.write_text("\ufeffgwb_code,a_inw\nGM0114,110000\n", encoding="utf-8")
    frame = rawio.read_plain_csv(path, required=("gwb_code", "a_inw"))
    assert frame.to_dict("list") == {"gwb_code": ["GM0114"], "a_inw": ["110000"]}
    with pytest.raises(RawDataError, match=r"missing columns \['g_wozbag'\]") as info:
        rawio.read_plain_csv(path, required=("gwb_code", "g_wozbag"))
    assert str(path) in str(info.value)


def test_read_plain_csv_missing_file(tmp_path):
    with pytest.raises(RawDataError, match="not found"):
        rawio.read_plain_csv(tmp_path / "absent.csv")


def test_read_json(tmp_path):
    good = tmp_path / "good.json"
    good.write_text('{"WK011400": {"AantalInwoners_5": 1200}}', encoding="utf-8")
    assert rawio.read_json(good) == {"WK011400": {"AantalInwoners_5": 1200}}
    bad = tmp_path / "bad.json"
    bad.write_text('{"WK011400": ', encoding="utf-8")
    with pytest.raises(RawDataError, match="malformed JSON") as info:
        rawio.read_json(bad)
    assert str(bad) in str(info.value)


# --- cell values ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "decimal_comma", "expected"),
    [
        (None, False, math.nan),
        ("", False, math.nan),
        (".", False, math.nan),
        ("  .  ", False, math.nan),
        ("x", False, math.nan),
        ("-", False, math.nan),
        ("-99997", False, math.nan),  # sentinel as text
        (-99995.0, False, math.nan),  # sentinel as number
        (-99990, False, math.nan),  # the threshold itself is a sentinel
        (math.nan, False, math.nan),
        (True, False, math.nan),  # a bool is not a number here
        ("geheim", False, math.nan),
        ("  107775", False, 107775.0),
        ('"  107775"', False, 107775.0),  # stray quotes
        (3, False, 3.0),
        (-12.5, False, -12.5),  # ordinary negative numbers stay
        ("-99989", False, -99989.0),  # just above the threshold
        ("1,5", True, 1.5),
        ("1.234,5", True, 1234.5),
        ("8258,9", True, 8258.9),
        (".", True, math.nan),
        ("2.5", False, 2.5),
    ],
)
def test_parse_cbs_number(cell, decimal_comma, expected):
    result = parse_cbs_number(cell, decimal_comma=decimal_comma)
    assert isinstance(result, float)
    if math.isnan(expected):
        assert math.isnan(result)
    else:
        assert result == expected


def test_parse_cbs_series_keeps_index_and_parses_decimal_comma():
    series = pd.Series(["8258,9", "1.234,5", ".", "41,9"], index=[10, 11, 12, 13])
    parsed = parse_cbs_series(series, decimal_comma=True)
    assert parsed.index.tolist() == [10, 11, 12, 13]
    assert parsed.dtype == "float64"
    assert parsed[10] == 8258.9
    assert parsed[11] == 1234.5
    assert math.isnan(parsed[12])
    assert parsed[13] == 41.9


@pytest.mark.parametrize(
    ("period", "year"),
    [
        ("2024JJ00", 2024),
        ("2024*", 2024),
        (" 2015JJ00 ", 2015),
        (2024, 2024),
        ("2019-2022", 2019),
        ("abc", None),
        ("", None),
        ("JJ2024", None),
    ],
)
def test_period_year(period, year):
    assert period_year(period) == year


def test_strip_region_code():
    assert strip_region_code("GM0114    ") == "GM0114"
    assert strip_region_code("  NL01") == "NL01"
    assert strip_region_code(None) == ""


def test_resolve_key_finds_renamed_suffixes_by_name():
    old = ["TotaleBevolking_1", "GemiddeldeWOZWaardeVanWoningen_35"]
    new = ["TotaleBevolking_1", "GemiddeldeWOZWaardeVanWoningen_39"]
    name = "GemiddeldeWOZWaardeVanWoningen"
    assert resolve_key(old, name) == "GemiddeldeWOZWaardeVanWoningen_35"
    assert resolve_key(new, name) == "GemiddeldeWOZWaardeVanWoningen_39"


def test_resolve_key_occurrence_picks_the_nth_equal_name():
    keys = ["Koopwoningen_40", "Huurwoningen_41", "Koopwoningen_90", "Koopwoningen_7"]
    assert resolve_key(keys, "Koopwoningen") == "Koopwoningen_40"
    assert resolve_key(keys, "Koopwoningen", occurrence=1) == "Koopwoningen_90"  # table order
    assert resolve_key(keys, "Koopwoningen", occurrence=2) == "Koopwoningen_7"


def test_resolve_key_does_not_match_a_longer_name():
    keys = ["TotaalAantalParticuliereHuishoudens_70", "TotaalParticuliereHuishoudens_142"]
    assert resolve_key(keys, "TotaalParticuliereHuishoudens") == (
        "TotaalParticuliereHuishoudens_142"
    )


def test_resolve_key_missing_name_suggests_a_close_candidate():
    keys = ["TotaleBevolking_1", "GemiddeldeWOZWaardeVanWoningen_39", "Werkloosheid_159"]
    with pytest.raises(CBSError) as info:
        resolve_key(keys, "GemiddeldeWOZWaardeWoningen")
    message = str(info.value)
    assert "'GemiddeldeWOZWaardeWoningen'" in message
    assert "GemiddeldeWOZWaardeVanWoningen" in message  # the close candidate


def test_resolve_key_occurrence_beyond_the_matches():
    with pytest.raises(CBSError, match="Koopwoningen") as info:
        resolve_key(["Koopwoningen_40", "Huurwoningen_41"], "Koopwoningen", occurrence=1)
    assert "occurrence 1" in str(info.value)
