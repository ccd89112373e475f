"""The command line as a user runs it: exit codes, messages, no tracebacks, old data kept.

Every expected failure is one line on stderr, ``error: <what is wrong>; <what to do>``, and
exit code 1; each subcommand is tried with a bad path and a bad value.
"""

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


def assert_error(result: subprocess.CompletedProcess[str], *phrases: str) -> str:
    """Exit code 1 and exactly one line on stderr, ``error: ...; ...``, holding ``phrases``."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("error: ") and "; " in line, line
    for phrase in phrases:
        assert phrase in line, (phrase, line)
    return line


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    """A plain file: a folder "under" it can never be created."""
    path = tmp_path / "a-file"
    path.write_text("not a folder\n")
    return path


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
    assert_error(result, "regions.parquet", "unreadable", "rebuild it")


# --- validate ------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["missing", "empty", "file"])
def test_validate_a_bad_path(tmp_path, a_file, where):
    path = {"missing": tmp_path / "nope", "empty": tmp_path, "file": a_file}[where]
    phrase = {
        "missing": "does not exist",
        "empty": "holds no complete snapshot (observations.parquet, regions.parquet, manifest",
        "file": "is a file, not a folder",
    }[where]
    line = assert_error(run("validate", str(path)), str(path), phrase, "python -m indicators build")
    assert "None" not in line  # it used to say "(None missing)"


def test_validate_an_invalid_snapshot(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "geo" / "wijken.geojson").write_text("{}")
    assert_error(run("validate", str(copy)), "is invalid: geo/wijken.geojson: checksum", "rebuild")


def test_build_with_missing_raw_dir_fails_cleanly_and_keeps_data(tmp_path):
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    before = tree_digest(out)
    result = run(
        "build", "--raw", str(tmp_path / "nope"), "--geo", str(tmp_path / "nope"), "--out", str(out)
    )
    assert_error(result, "--raw", "does not exist", "previous snapshot is unchanged")
    assert tree_digest(out) == before


@pytest.mark.parametrize("where", ["under a file", "a file", "proc", "other files"])
def test_build_to_an_output_that_cannot_be_written(tmp_path, a_file, where):
    other = tmp_path / "documents"
    other.mkdir()
    (other / "letter.txt").write_text("keep me")
    out = {
        "under a file": a_file / "data",
        "a file": a_file,
        "proc": Path("/proc/no-such-folder/data"),
        "other files": other,
    }[where]
    phrase = {
        "under a file": "is a file",
        "a file": "is a file, not a folder",
        "proc": "no folder can be made in /proc",
        "other files": "a folder with other files",
    }[where]
    # The output is checked before the raw files are read: no raw files needed.
    result = run("build", "--raw", str(tmp_path), "--geo", str(tmp_path), "--out", str(out))
    assert_error(result, f"--out {out}", phrase)
    assert a_file.read_text() == "not a folder\n"
    assert (other / "letter.txt").read_text() == "keep me"


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["--nope"], "unrecognized arguments: --nope"),
        (["--raw"], "argument --raw: expected one argument"),
    ],
)
def test_build_with_a_bad_value(args, phrase):
    assert_error(run("build", *args), phrase, "python -m indicators build --help")


def test_build_with_a_corrupt_raw_file_keeps_data(tmp_path, shared_dirs):
    raw = tmp_path / "raw"
    shutil.copytree(shared_dirs[0], raw)
    target = raw / "checkdecijfers-odata4" / "03759ned" / "observations-page-1.json"
    target.write_text(target.read_text()[:5000])  # truncated mid-JSON
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    before = tree_digest(out)
    result = run("build", "--raw", str(raw), "--geo", str(shared_dirs[1]), "--out", str(out))
    assert_error(result, "malformed", "03759ned", "previous snapshot is unchanged")
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
    assert header.startswith("indicator,indicator_name,goal,direction,unit,region")
    assert dutch.decode("utf-8-sig").splitlines()[0].startswith("indicator;indicator_name")
    # Emmen's 2024 population appears as a whole number in both dialects (not '109346,0').
    assert ",GM0114,Emmen,gemeente,2024,109346," in plain.decode("utf-8-sig")
    assert ";GM0114;Emmen;gemeente;2024;109346;" in dutch.decode("utf-8-sig")


def test_catalog_csv_lists_every_indicator():
    result = run("catalog", "--format", "csv")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    from indicators.catalog import INDICATORS

    assert len(lines) == len(INDICATORS) + 1
    assert lines[0].startswith("id,")


@pytest.mark.parametrize("args", [["bogus"], [], ["-v"]])
def test_usage_errors_are_one_line_with_exit_1(args):
    assert_error(run(*args), "argument", "run `python -m indicators --help`")


def test_help_says_how_errors_look():
    result = run("--help")
    assert result.returncode == 0
    assert "1 on any error" in " ".join(result.stdout.split())


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
    line = assert_error(run("scores", "--year", "1990"), "no goal scores for year 1990")
    assert "give a year from 20" in line and "leave out --year" in line


def test_scores_year_not_a_number():
    assert_error(run("scores", "--year", "soon"), "argument --year: invalid int value: 'soon'")


@pytest.mark.parametrize("command", ["scores", "catalog"])
def test_reading_commands_with_a_missing_snapshot_folder(tmp_path, command):
    missing = tmp_path / "nope"
    assert_error(run(command, "--data", str(missing)), f"--data {missing} does not exist", "build")


def test_scores_with_an_unreadable_snapshot(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "observations.parquet").write_bytes(b"PAR1 cut short")
    assert_error(run("scores", "--data", str(copy)), "unreadable", "rebuild it")


def test_catalog_unknown_format():
    line = assert_error(run("catalog", "--format", "xml"), "invalid choice: 'xml'")
    assert "python -m indicators catalog --help" in line


def test_catalog_data_is_a_file(a_file):
    assert_error(run("catalog", "--data", str(a_file)), "is a file, not a folder")


# --- export: CSV, factsheets, slides ----------------------------------------------------

KINDS = {"csv": [], "factsheet": ["--factsheet", "GM0114"], "slides": ["--slides"]}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("where", ["under a file", "a file", "proc"])
def test_export_to_an_output_that_cannot_be_created(tmp_path, a_file, kind, where):
    out = {"under a file": a_file / "x", "a file": a_file, "proc": Path("/proc/no-such/x")}[where]
    phrase = {"proc": "no folder can be made in /proc"}.get(where, f"{a_file} is a file")
    result = run("export", *KINDS[kind], "--out", str(out))
    assert_error(result, f"--out {out} cannot be created or written", phrase, "choose a folder")
    assert a_file.read_text() == "not a folder\n"


@pytest.mark.parametrize("kind", KINDS)
def test_export_from_a_missing_snapshot(tmp_path, kind):
    out, missing = tmp_path / "out", tmp_path / "nope"
    result = run("export", *KINDS[kind], "--out", str(out), "--data", str(missing))
    assert_error(result, f"--data {missing} does not exist", "python -m indicators build")
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["--lang", "de"], "argument --lang: invalid choice: 'de'"),
        (["--factsheet", "GM9999"], "--factsheet 'GM9999' is not a region of the dashboard"),
        (["--factsheet", ""], "--factsheet '' is not a region"),
        (["--slides", "--focus", "Assen"], "--focus 'Assen' is not a region of the dashboard"),
        (["--slides", "--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
    ],
)
def test_export_with_a_bad_value(tmp_path, args, phrase):
    out = tmp_path / "out"
    line = assert_error(run("export", *args, "--out", str(out)), phrase)
    assert "GM0114" in line or "--help" in line  # says what to give instead
    assert not out.exists()


def test_export_without_out():
    assert_error(run("export"), "the following arguments are required: --out")


# --- refresh -------------------------------------------------------------------------------

DEAD = "http://127.0.0.1:9/"  # the discard port: connection refused, no network needed


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["--timeout", "-1"], "argument --timeout: '-1' is not a number of seconds above 0"),
        (["--timeout", "0"], "argument --timeout: '0' is not a number of seconds above 0"),
        (["--timeout", "soon"], "argument --timeout: 'soon' is not a number"),
        (["--retries", "-1"], "argument --retries: '-1' is not a whole number from 0 up"),
        (["--retries", "2.5"], "argument --retries: '2.5' is not a whole number"),
    ],
)
def test_refresh_with_a_bad_value(tmp_path, args, phrase):
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    before = tree_digest(out)
    result = run("refresh", "--out", str(out), "--v3-url", DEAD, *args)
    assert_error(result, phrase, "python -m indicators refresh --help")
    assert tree_digest(out) == before


def test_refresh_from_unreachable_cbs_keeps_the_snapshot(tmp_path):
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    before = tree_digest(out)
    # v4 and the catalog too, so the test never reaches the real CBS.
    dead = ["--v3-url", DEAD, "--v4-url", DEAD, "--catalog-url", DEAD]
    result = run("refresh", "--out", str(out), *dead, "--retries", "0", "--timeout", "1")
    assert_error(
        result, "CBS not reachable", "connection refused", "previous snapshot is unchanged"
    )
    assert tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


@pytest.mark.parametrize("where", ["under a file", "proc"])
def test_refresh_to_an_output_that_cannot_be_written(a_file, where):
    out = {"under a file": a_file / "data", "proc": Path("/proc/no-such/data")}[where]
    result = run("refresh", "--out", str(out), "--v3-url", DEAD, "--retries", "0")
    assert_error(result, f"--out {out} cannot be created or written", "choose a folder")


def test_refresh_without_boundaries_anywhere(tmp_path):
    out, geo = tmp_path / "data", tmp_path / "no-geo"
    result = run("refresh", "--out", str(out), "--geo", str(geo), "--v3-url", DEAD)
    assert_error(result, f"--geo {geo} does not exist", "holds no snapshot", "give --geo")
    assert not out.exists()


def test_catalog_from_a_half_snapshot(tmp_path):
    shutil.copy(DATA / "observations.parquet", tmp_path)
    line = assert_error(run("catalog", "--data", str(tmp_path)), "holds no complete snapshot")
    assert "regions.parquet, manifest.json missing" in line and "None" not in line
