"""Snapshot checks, atomic writes and the swap, on tiny hand-built snapshots in tmp_path."""

from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path

import pandas as pd
import pytest

from indicators import catalog, snapshot
from indicators.errors import SnapshotError
from indicators.regions import FOCUS_MUNICIPALITIES, REQUIRED_REGIONS, ZOD
from indicators.snapshot import (
    GEO_FILES,
    check_observations,
    swap_in,
    validate,
    value_range,
    write_snapshot,
)

SOURCE = "cbs-test"
POPULATION = {  # every required region plus ZOD has a population row
    "GM0114": 110_000.0,
    "GM0109": 36_000.0,
    "GM0118": 57_000.0,
    "GM1681": 26_000.0,
    "PV22": 500_000.0,
    "NL01": 18_000_000.0,
    ZOD: 229_000.0,  # 110,000 + 36,000 + 57,000 + 26,000
}


def inside(indicator: catalog.Indicator) -> float:
    """A plausible value for the indicator's unit."""
    low, high = value_range(indicator)
    return (low + high) / 2 if math.isfinite(high) else low + 10.0


def valid_observations() -> pd.DataFrame:
    assert set(POPULATION) == {*REQUIRED_REGIONS, ZOD}
    rows = [("population", region, 2024, value) for region, value in POPULATION.items()]
    rows += [
        (ind.id, "GM0114", 2024, inside(ind))
        for ind in catalog.INDICATORS
        if ind.id != "population" and not ind.live_only
    ]
    frame = pd.DataFrame(rows, columns=["indicator", "region", "year", "value"])
    frame["source"] = SOURCE
    frame["table"] = "TEST"
    frame["period"] = "2024"
    frame["status"] = "definitive"
    return frame[list(snapshot.OBS_COLUMNS)]


def with_row(frame: pd.DataFrame, **changes) -> pd.DataFrame:
    row = frame.iloc[[-1]].copy()
    for column, value in changes.items():
        row[column] = value
    return pd.concat([frame, row], ignore_index=True)


def test_value_range_by_unit():
    assert value_range(catalog.get("vacancy_rate")) == (0.0, 100.0)  # %
    assert value_range(catalog.get("urbanity")) == (1.0, 5.0)  # klasse 1-5
    assert value_range(catalog.get("life_expectancy")) == (50.0, 100.0)  # jaar
    assert value_range(catalog.get("dist_gp")) == (0.0, 100.0)  # km
    assert value_range(catalog.get("population")) == (0.0, math.inf)
    assert value_range(catalog.get("gas_use_per_dwelling")) == (0.0, 10_000.0)  # m³
    assert value_range(catalog.get("electricity_use_per_dwelling")) == (0.0, 20_000.0)  # kWh


def test_check_observations_allows_live_only_indicators_to_be_empty():
    obs = valid_observations()
    assert not obs["indicator"].isin(["population_outlook_low", "population_outlook_high"]).any()
    assert check_observations(obs) == []


def test_check_observations_valid_frame():
    obs = valid_observations()
    # one row per catalog indicator (not the live-only ones), plus 6 extra population rows
    live_only = sum(ind.live_only for ind in catalog.INDICATORS)
    assert len(obs) == len(catalog.INDICATORS) - live_only + len(POPULATION) - 1
    assert check_observations(obs) == []


def test_check_observations_duplicate_key():
    obs = valid_observations()
    dup = pd.concat([obs, obs[obs["indicator"] == "vacancy_rate"]], ignore_index=True)
    problems = check_observations(dup)
    assert len(problems) == 1
    assert "1 duplicate (indicator, region, year) keys" in problems[0]
    assert "vacancy_rate GM0114 2024" in problems[0]


def test_check_observations_missing_value():
    obs = valid_observations()
    obs.loc[obs["indicator"] == "dist_gp", "value"] = math.nan
    problems = check_observations(obs)
    assert problems == ["1 missing values stored as rows"]


def test_check_observations_unknown_status():
    obs = valid_observations()
    obs.loc[obs["indicator"] == "smokers", "status"] = "final"
    problems = check_observations(obs)
    assert problems == ["unknown status values ['final']"]


def test_check_observations_missing_and_unknown_status_together():
    obs = valid_observations()
    obs.loc[obs["indicator"] == "smokers", "status"] = "final"
    obs.loc[obs["indicator"] == "dist_gp", "status"] = None
    try:
        problems = check_observations(obs)
    except TypeError as exc:
        pytest.fail(
            "BUG snapshot.check_observations: sorted() over a status set holding both a missing "
            f"status (NaN) and a string raises instead of reporting the problem: {exc}"
        )
    assert len(problems) == 1 and "final" in problems[0]


def test_check_observations_percentage_above_100():
    obs = valid_observations()
    obs.loc[obs["indicator"] == "vacancy_rate", "value"] = 120.0
    problems = check_observations(obs)
    assert len(problems) == 1
    assert problems[0].startswith("vacancy_rate: 1 values outside [0.0, 100.0]")
    assert "120" in problems[0]


def test_check_observations_urbanity_class_out_of_range():
    obs = valid_observations()
    obs.loc[obs["indicator"] == "urbanity", "value"] = 0.0  # classes are 1-5
    problems = check_observations(obs)
    assert len(problems) == 1 and problems[0].startswith("urbanity: 1 values outside [1.0, 5.0]")


def test_check_observations_unknown_indicator():
    obs = with_row(valid_observations(), indicator="happiness_index")
    problems = check_observations(obs)
    assert problems == ["indicators not in the catalog: ['happiness_index']"]


def test_check_observations_catalog_indicator_without_data():
    obs = valid_observations()
    problems = check_observations(obs[obs["indicator"] != "smokers"])
    assert problems == ["catalog indicators without data: ['smokers']"]


def test_check_observations_required_region_without_population():
    obs = valid_observations()
    obs = obs[~((obs["indicator"] == "population") & (obs["region"].isin(["PV22", ZOD])))]
    problems = check_observations(obs)
    assert problems == ["required regions without population: ['PV22', 'ZOD']"]


def test_check_observations_missing_column():
    problems = check_observations(valid_observations().drop(columns="status"))
    assert problems == ["observations lack columns ['status']"]


def test_check_observations_reports_every_problem_at_once():
    obs = valid_observations()
    obs.loc[obs["indicator"] == "smokers", "status"] = "final"
    obs.loc[obs["indicator"] == "vacancy_rate", "value"] = 120.0
    obs = with_row(obs, indicator="happiness_index")
    assert len(check_observations(obs)) == 3


# --- writing a snapshot -----------------------------------------------------------------------


def geojson_text(codes: list[str]) -> str:
    features = [
        {
            "type": "Feature",
            "properties": {"code": code, "name": code},
            "geometry": {"type": "Point", "coordinates": [6.9 + i / 10, 52.8]},
        }
        for i, code in enumerate(codes)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features})


def geo_writers(gemeenten: list[str] | None = None) -> dict[str, object]:
    codes = {
        "geo/gemeenten.geojson": list(FOCUS_MUNICIPALITIES) if gemeenten is None else gemeenten,
        "geo/provincies.geojson": ["PV22"],
        "geo/wijken.geojson": ["WK011401", "WK010902"],
    }

    def writer(name: str):
        return lambda path: Path(path).write_text(geojson_text(codes[name]), encoding="utf-8")

    return {name: writer(name) for name in GEO_FILES}


def regions_frame(obs: pd.DataFrame) -> pd.DataFrame:
    codes = sorted(set(obs["region"]))
    return pd.DataFrame({"code": codes, "name": [f"Regio {c}" for c in codes], "level": "test"})


def write(out: Path, obs: pd.DataFrame, **kwargs) -> dict:
    return write_snapshot(
        out,
        obs,
        kwargs.get("regions", regions_frame(obs)),
        kwargs.get("geo", geo_writers()),
        [{"id": SOURCE, "table": "TEST", "title": "test", "url": "https://example.org"}],
        {"mode": "test"},
    )


def tree_digest(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".new-" in p.name or ".old-" in p.name)


def test_geo_writers_fixture_is_valid_geojson(tmp_path):
    path = tmp_path / "g.geojson"
    geo_writers()["geo/gemeenten.geojson"](path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [f["properties"]["code"] for f in data["features"]] == list(FOCUS_MUNICIPALITIES)


def test_write_snapshot_then_validate(tmp_path):
    out = tmp_path / "data"
    obs = valid_observations()
    summary = write(out, obs)
    assert summary["directory"] == str(out.resolve())
    assert summary["rows"] == len(obs)
    assert summary["indicators"] == sum(not i.live_only for i in catalog.INDICATORS)
    assert summary["regions"] == 7  # 4 gemeenten + PV22 + NL01 + ZOD
    assert summary["years"] == "2024-2024"
    assert summary["by_status"] == {"definitive": len(obs)}

    again = validate(out)
    assert again["rows"] == len(obs)

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = manifest["files"]
    assert set(listed) == {"observations.parquet", "regions.parquet", *GEO_FILES}
    for name, entry in listed.items():
        data = (out / name).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), name
        assert entry["bytes"] == len(data), name
    assert [s["id"] for s in manifest["sources"]] == [SOURCE]
    assert manifest["built_from"] == {"mode": "test"}
    assert leftovers(tmp_path) == []

    stored = pd.read_parquet(out / "observations.parquet")
    pop = stored[stored["indicator"] == "population"].set_index("region")["value"]
    assert pop["ZOD"] == 229_000.0
    assert pop["GM0114"] == 110_000.0


def test_validate_detects_a_changed_file(tmp_path):
    out = tmp_path / "data"
    write(out, valid_observations())
    geo = out / "geo" / "provincies.geojson"
    geo.write_text(geo.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(SnapshotError, match="checksum") as info:
        validate(out)
    assert "geo/provincies.geojson" in str(info.value)


def test_validate_detects_a_missing_file(tmp_path):
    out = tmp_path / "data"
    write(out, valid_observations())
    (out / "geo" / "wijken.geojson").unlink()
    with pytest.raises(SnapshotError, match="geo/wijken.geojson is listed in the manifest but"):
        validate(out)


def test_validate_without_a_snapshot(tmp_path):
    with pytest.raises(SnapshotError, match="No complete snapshot"):
        validate(tmp_path / "nothing-here")


def test_write_snapshot_refuses_a_geojson_without_the_focus_municipalities(tmp_path):
    out = tmp_path / "data"
    geo = geo_writers(gemeenten=["GM0114", "GM0109", "GM0118"])
    with pytest.raises(SnapshotError, match=r"gemeenten.geojson lacks \['GM1681'\]"):
        write(out, valid_observations(), geo=geo)
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_write_snapshot_refuses_regions_without_a_name(tmp_path):
    obs = valid_observations()
    regions = regions_frame(obs)
    regions = regions[regions["code"] != "PV22"]
    with pytest.raises(SnapshotError, match=r"region codes not in regions: \['PV22'\]"):
        write(tmp_path / "data", obs, regions=regions)


def test_write_snapshot_refuses_an_unlisted_source(tmp_path):
    obs = valid_observations()
    obs.loc[obs["indicator"] == "smokers", "source"] = "cbs-unknown"
    with pytest.raises(SnapshotError, match=r"not in the manifest: \['cbs-unknown'\]"):
        write(tmp_path / "data", obs)


def test_failed_write_keeps_the_old_snapshot_byte_for_byte(tmp_path):
    out = tmp_path / "data"
    write(out, valid_observations())
    before = tree_digest(out)
    assert len(before) == 6  # 2 parquet + manifest + 3 geojson

    bad = valid_observations()
    bad = pd.concat([bad, bad[bad["indicator"] == "vacancy_rate"]], ignore_index=True)
    with pytest.raises(SnapshotError, match="duplicate") as info:
        write(out, bad)
    assert "vacancy_rate GM0114 2024" in str(info.value)
    assert tree_digest(out) == before
    assert leftovers(tmp_path) == []
    validate(out)  # still a valid snapshot


def test_failed_geo_writer_keeps_the_old_snapshot(tmp_path):
    out = tmp_path / "data"
    write(out, valid_observations())
    before = tree_digest(out)

    def broken(path):
        raise OSError("disk full")

    geo = {**geo_writers(), "geo/wijken.geojson": broken}
    with pytest.raises(SnapshotError, match="disk full"):
        write(out, valid_observations(), geo=geo)
    assert tree_digest(out) == before
    assert leftovers(tmp_path) == []


def test_write_snapshot_replaces_an_old_snapshot(tmp_path):
    out = tmp_path / "data"
    write(out, valid_observations())
    (out / "stray.txt").write_text("from the old snapshot", encoding="utf-8")
    obs = valid_observations()
    obs.loc[(obs["indicator"] == "population") & (obs["region"] == "GM0114"), "value"] = 111_111.0
    write(out, obs)
    assert not (out / "stray.txt").exists()  # the whole directory was swapped
    stored = pd.read_parquet(out / "observations.parquet")
    pop = stored[stored["indicator"] == "population"].set_index("region")["value"]
    assert pop["GM0114"] == 111_111.0
    assert leftovers(tmp_path) == []


def test_a_rebuild_keeps_the_saved_target_sets(tmp_path):
    out = tmp_path / "data"
    write(out, valid_observations())
    (out / "targets").mkdir()
    saved = "indicator,region,target_year,target\nnet_labour_participation,ZOD,2030,70\n"
    (out / "targets" / "zod.csv").write_text(saved, encoding="utf-8")
    write(out, valid_observations())
    assert (out / "targets" / "zod.csv").read_text(encoding="utf-8") == saved
    assert leftovers(tmp_path) == []


def test_write_snapshot_failed_swap_keeps_old_and_cleans_up(tmp_path, monkeypatch):
    out = tmp_path / "data"
    write(out, valid_observations())
    before = tree_digest(out)
    real_replace = os.replace
    calls = []

    def flaky_replace(src, dst):
        calls.append(Path(src).name)
        if len(calls) == 2:  # the rename of the new snapshot onto data/
            raise OSError("rename failed")
        real_replace(src, dst)

    monkeypatch.setattr(snapshot.os, "replace", flaky_replace)
    with pytest.raises(SnapshotError, match="rename failed"):
        write(out, valid_observations())
    assert tree_digest(out) == before  # the old snapshot is restored
    assert [p for p in leftovers(tmp_path) if ".old-" in p] == []
    assert leftovers(tmp_path) == [], (
        "BUG snapshot.write_snapshot: when swap_in fails, the validated temporary directory "
        "(.data.new-<pid>) is left behind: swap_in(...) is called outside the try/except "
        "that removes tmp"
    )


# --- swap_in ----------------------------------------------------------------------------------


def make_dir(path: Path, content: str) -> Path:
    path.mkdir()
    (path / "file.txt").write_text(content, encoding="utf-8")
    return path


def test_swap_in_replaces_and_removes_the_old(tmp_path):
    out = make_dir(tmp_path / "data", "old")
    new = make_dir(tmp_path / ".data.new-1", "new")
    old = tmp_path / ".data.old-1"
    swap_in(new, out, old)
    assert (out / "file.txt").read_text(encoding="utf-8") == "new"
    assert not new.exists()
    assert not old.exists()


def test_swap_in_without_an_existing_snapshot(tmp_path):
    new = make_dir(tmp_path / ".data.new-1", "new")
    out = tmp_path / "data"
    swap_in(new, out, tmp_path / ".data.old-1")
    assert (out / "file.txt").read_text(encoding="utf-8") == "new"


def test_swap_in_restores_the_old_directory_when_the_second_rename_fails(tmp_path, monkeypatch):
    out = make_dir(tmp_path / "data", "old")
    new = make_dir(tmp_path / ".data.new-1", "new")
    old = tmp_path / ".data.old-1"
    real_replace = os.replace
    calls = []

    def flaky_replace(src, dst):
        calls.append((Path(src).name, Path(dst).name))
        if len(calls) == 2:
            raise OSError("rename failed")
        real_replace(src, dst)

    monkeypatch.setattr(snapshot.os, "replace", flaky_replace)
    with pytest.raises(OSError, match="rename failed"):
        swap_in(new, out, old)
    # 1: data -> .old (done), 2: .new -> data (fails), 3: .old -> data (restore)
    assert calls == [
        ("data", ".data.old-1"),
        (".data.new-1", "data"),
        (".data.old-1", "data"),
    ]
    assert (out / "file.txt").read_text(encoding="utf-8") == "old"
    assert not old.exists()
    assert (new / "file.txt").read_text(encoding="utf-8") == "new"  # untouched, not lost
