"""The command line as a user runs it: exit codes, messages, no tracebacks, old data kept."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "indicators", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def tree_digest(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def test_validate_committed_snapshot():
    result = run("validate", str(DATA))
    assert result.returncode == 0, result.stderr
    assert "Snapshot is valid." in result.stdout
    assert "rows" in result.stdout


def test_validate_reports_a_tampered_snapshot(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "regions.parquet").write_bytes(b"not parquet")
    result = run("validate", str(copy))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "regions" in result.stderr or "unreadable" in result.stderr


def test_build_with_missing_raw_dir_fails_cleanly_and_keeps_data(tmp_path):
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    before = tree_digest(out)
    result = run(
        "build", "--raw", str(tmp_path / "nope"), "--geo", str(tmp_path / "nope"), "--out", str(out)
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "does not exist" in result.stderr
    assert "previous snapshot is unchanged" in result.stderr
    assert tree_digest(out) == before


def test_build_with_a_corrupt_raw_file_keeps_data(tmp_path, shared_dirs):
    raw = tmp_path / "raw"
    shutil.copytree(shared_dirs[0], raw)
    target = raw / "checkdecijfers-odata4" / "03759ned" / "observations-page-1.json"
    target.write_text(target.read_text()[:5000])  # truncated mid-JSON
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    before = tree_digest(out)
    result = run("build", "--raw", str(raw), "--geo", str(shared_dirs[1]), "--out", str(out))
    assert result.returncode == 1
    assert "malformed" in result.stderr and "03759ned" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(out) == before
    assert not list(tmp_path.glob(".data.new-*"))


def test_build_writes_a_valid_snapshot(tmp_path, shared_dirs):
    out = tmp_path / "data"
    result = run(
        "build", "--raw", str(shared_dirs[0]), "--geo", str(shared_dirs[1]), "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert run("validate", str(out)).returncode == 0


def test_export_writes_both_csv_dialects(tmp_path):
    result = run("export", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    files = sorted(tmp_path.glob("*.csv"))
    assert len(files) == 2
    plain = next(f for f in files if "excel" not in f.name).read_bytes()
    dutch = next(f for f in files if "excel" in f.name).read_bytes()
    assert plain.startswith(b"\xef\xbb\xbf") and dutch.startswith(b"\xef\xbb\xbf")
    header = plain.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("indicator,indicator_name,unit,region")
    assert dutch.decode("utf-8-sig").splitlines()[0].startswith("indicator;indicator_name")
    # Emmen's 2024 population appears as a plain number in both dialects.
    assert ",GM0114,Emmen,gemeente,2024,109346.0," in plain.decode("utf-8-sig")
    assert ";GM0114;Emmen;gemeente;2024;109346,0;" in dutch.decode("utf-8-sig")


def test_catalog_csv_lists_every_indicator():
    result = run("catalog", "--format", "csv")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    from indicators.catalog import INDICATORS

    assert len(lines) == len(INDICATORS) + 1
    assert lines[0].startswith("id,")


@pytest.mark.parametrize("args", [["bogus"], ["build", "--nope"]])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_scores_csv_actueel_for_the_region():
    result = run("scores", "--format", "csv")
    assert result.returncode == 0, result.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"region", "goal", "year", "score", "rank", "percentile", "n_indicators"} <= set(rows[0])
    by = {(r["region"], r["goal"]): r for r in rows}
    for region in ("GM0114", "GM0109", "GM0118", "GM1681", "ZOD", "PV22", "NL01"):
        for goal in ("1", "2", "3"):
            score = float(by[(region, goal)]["score"])
            assert 0 <= score <= 10
    assert all(float(by[("NL01", g)]["score"]) == 5.0 for g in ("1", "2", "3"))
    assert len({r["region"] for r in rows}) > 300  # all current municipalities too


def test_scores_for_a_year_without_data_fails_cleanly():
    result = run("scores", "--year", "1990")
    assert result.returncode == 1
    assert "no goal scores for year 1990" in result.stderr
