"""Read, validate and write the snapshot in ``data/`` atomically, with a manifest.

A new snapshot is written to a temporary sibling directory, validated there, and only then
swapped in with two renames; on any failure the previous snapshot stays byte-for-byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from indicators import catalog
from indicators.errors import SnapshotError
from indicators.regions import FOCUS_MUNICIPALITIES, REQUIRED_REGIONS, ZOD

OBSERVATIONS = "observations.parquet"
REGIONS = "regions.parquet"
MANIFEST = "manifest.json"
GEO_FILES = ("geo/gemeenten.geojson", "geo/provincies.geojson", "geo/wijken.geojson")
# The observation schema (DESIGN.md 3.2): every writer and reader uses these two.
OBS_COLUMNS = ("indicator", "region", "year", "value", "source", "table", "period", "status")
STATUSES = ("definitive", "provisional", "derived", "transcribed")
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "data"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Snapshot:
    """The loaded snapshot: what the app and the scoring read."""

    observations: pd.DataFrame
    regions: pd.DataFrame
    manifest: dict[str, Any]
    directory: Path
    # Boundary files, read on first use by indicators.boundaries (name -> GeoJSON dict).
    geo: dict[str, dict] = field(default_factory=dict, repr=False, compare=False)


def snapshot_date(snap: Snapshot) -> str:
    """The build date (YYYY-MM-DD) that file names and title slides carry ('' if unknown)."""
    return str(snap.manifest.get("built_at", ""))[:10]


# A figure more than this many years older than the snapshot is marked as dated wherever it
# is shown (DESIGN.md 3.1: "a figure's age is part of the figure").
DATED_AFTER_YEARS = 5


def snapshot_year(snap: Snapshot) -> int:
    """The year of the snapshot's build date, against which a figure's age is read."""
    built = snapshot_date(snap)
    return int(built[:4]) if built[:4].isdigit() else int(snap.observations["year"].max())


def is_dated(year: int | float, reference_year: int) -> bool:
    """More than :data:`DATED_AFTER_YEARS` years older than the snapshot (2020 in 2026)."""
    return int(year) < reference_year - DATED_AFTER_YEARS


def recover_interrupted_swap(directory: Path) -> bool:
    """Put the previous snapshot back if a process died between the two renames of a swap.

    ``swap_in`` first moves ``data`` aside to ``.data.old-<pid>`` and then moves the new one in;
    a kill in between leaves no ``data``. The set-aside copy is complete and validated, so it is
    restored (the newest one if several). Returns True if something was restored.
    """
    directory = Path(directory)
    if directory.exists():
        return False
    aside = sorted(
        directory.parent.glob(f".{directory.name}.old-*"), key=lambda p: p.stat().st_mtime
    )
    if not aside:
        return False
    os.replace(aside[-1], directory)
    return True


def remove_stale_temporaries(directory: Path) -> list[Path]:
    """Delete ``.data.new-<pid>`` left by a build that was killed (its process is gone)."""
    removed = []
    for path in Path(directory).parent.glob(f".{Path(directory).name}.new-*"):
        pid = path.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def load_snapshot(directory: Path = DEFAULT_DIR) -> Snapshot:
    """Read observations, regions and manifest (no validation: use :func:`validate`)."""
    recover_interrupted_swap(directory)
    absent = [
        name for name in (OBSERVATIONS, REGIONS, MANIFEST) if not (directory / name).is_file()
    ]
    if absent:
        raise SnapshotError(
            f"No complete snapshot in {directory} ({', '.join(absent)} missing). Run "
            "`python -m indicators build` to create it."
        )
    try:
        obs = pd.read_parquet(directory / OBSERVATIONS)
        regions = pd.read_parquet(directory / REGIONS)
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SnapshotError(
            f"No complete snapshot in {directory} ({exc.filename} missing). Run "
            "`python -m indicators build` to create it."
        ) from exc
    except (OSError, ValueError) as exc:
        raise SnapshotError(f"Snapshot in {directory} is unreadable: {exc}") from exc
    return Snapshot(obs, regions, manifest, directory)


def value_range(indicator: catalog.Indicator) -> tuple[float, float]:
    """Plausible bounds from the unit; a value outside is a parsing error, not a finding."""
    if indicator.unit == "%":
        return 0.0, 100.0
    if indicator.unit.startswith("klasse"):
        return 1.0, 5.0
    if indicator.unit == "jaar":
        return 50.0, 100.0
    if indicator.unit == "km":
        return 0.0, 100.0
    if indicator.unit == "m³":  # gas per dwelling a year: a few thousand at most
        return 0.0, 10_000.0
    if indicator.unit == "kWh":  # electricity per dwelling a year
        return 0.0, 20_000.0
    return 0.0, float("inf")


def check_observations(obs: pd.DataFrame) -> list[str]:
    """Every problem found in an observations frame (empty list = valid)."""
    problems: list[str] = []
    missing_cols = [c for c in OBS_COLUMNS if c not in obs.columns]
    if missing_cols:
        return [f"observations lack columns {missing_cols}"]
    dup = obs.duplicated(["indicator", "region", "year"])
    if dup.any():
        first = obs[dup].iloc[0]
        problems.append(
            f"{int(dup.sum())} duplicate (indicator, region, year) keys, e.g. "
            f"{first['indicator']} {first['region']} {first['year']}"
        )
    if obs["value"].isna().any():
        problems.append(f"{int(obs['value'].isna().sum())} missing values stored as rows")
    bad_status = set(obs["status"]) - set(STATUSES)
    if bad_status:
        problems.append(f"unknown status values {sorted(map(str, bad_status))}")
    unknown = sorted(set(obs["indicator"]) - set(catalog.BY_ID))
    if unknown:
        problems.append(f"indicators not in the catalog: {unknown}")
    # Indicators that only the live refresh can fill may be empty in an offline build.
    expected = {i.id for i in catalog.INDICATORS if not i.live_only}
    empty = sorted(expected - set(obs["indicator"]))
    if empty:
        problems.append(f"catalog indicators without data: {empty}")
    for ind_id, values in obs.groupby("indicator")["value"]:
        if ind_id not in catalog.BY_ID:
            continue
        low, high = value_range(catalog.BY_ID[str(ind_id)])
        out = values[(values < low) | (values > high)]
        if not out.empty:
            problems.append(
                f"{ind_id}: {len(out)} values outside [{low}, {high}], e.g. {out.iloc[0]}"
            )
    population = obs[obs["indicator"] == "population"]
    absent = [r for r in (*REQUIRED_REGIONS, ZOD) if r not in set(population["region"])]
    if absent:
        problems.append(f"required regions without population: {absent}")
    return problems


def validate(directory: Path = DEFAULT_DIR) -> dict[str, Any]:
    """Check a snapshot on disk; raise SnapshotError listing every problem, else a summary."""
    snap = load_snapshot(directory)
    obs, regions, manifest = snap.observations, snap.regions, snap.manifest
    problems = check_observations(obs)
    files = manifest.get("files", {})
    for name in (OBSERVATIONS, REGIONS, *GEO_FILES):
        path = directory / name
        if name not in files:
            problems.append(f"{name} is not listed in the manifest")
        elif not path.exists():
            problems.append(f"{name} is listed in the manifest but missing")
        elif sha256(path) != files[name]["sha256"]:
            problems.append(f"{name}: checksum differs from the manifest (file changed?)")
    sources = {s["id"] for s in manifest.get("sources", [])}
    unlisted = sorted(set(obs["source"]) - sources - {"derived"})
    if unlisted:
        problems.append(f"sources in observations but not in the manifest: {unlisted}")
    no_name = sorted(set(obs["region"]) - set(regions["code"]))
    if no_name:
        problems.append(f"region codes not in regions: {no_name[:10]}")
    geo = directory / "geo" / "gemeenten.geojson"
    if geo.exists():
        text = geo.read_text(encoding="utf-8")
        absent = [code for code in FOCUS_MUNICIPALITIES if f'"{code}"' not in text]
        if absent:
            problems.append(f"gemeenten.geojson lacks {absent}")
    if problems:
        raise SnapshotError(
            "Snapshot in {} is invalid:\n- {}".format(directory, "\n- ".join(problems))
        )
    return summarise(snap)


def summarise(snap: Snapshot) -> dict[str, Any]:
    obs = snap.observations
    return {
        "directory": str(snap.directory),
        "built_at": snap.manifest.get("built_at"),
        "rows": len(obs),
        "indicators": int(obs["indicator"].nunique()),
        "regions": int(obs["region"].nunique()),
        "years": f"{int(obs['year'].min())}-{int(obs['year'].max())}",
        "sources": len(snap.manifest.get("sources", [])),
        "by_status": obs["status"].value_counts().to_dict(),
    }


# Folders of the data folder that no build makes: the saved target sets (data/targets/) are
# written by people, so a rebuild carries them over instead of deleting them.
KEPT_FOLDERS = ("targets",)


def write_snapshot(
    out: Path,
    observations: pd.DataFrame,
    regions: pd.DataFrame,
    geo_writers: dict[str, Any],
    sources: list[dict[str, Any]],
    built_from: dict[str, Any],
) -> dict[str, Any]:
    """Write, validate, then atomically swap in a new snapshot. Returns the summary.

    ``geo_writers`` maps each name in :data:`GEO_FILES` to a callable ``write(path)``.
    """
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted_swap(out)
    remove_stale_temporaries(out)
    tmp = out.parent / f".{out.name}.new-{os.getpid()}"
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        (tmp / "geo").mkdir(parents=True)
        observations.to_parquet(tmp / OBSERVATIONS, index=False, compression="zstd")
        regions.to_parquet(tmp / REGIONS, index=False, compression="zstd")
        for name in GEO_FILES:
            geo_writers[name](tmp / name)
        files = {}
        for name in (OBSERVATIONS, REGIONS, *GEO_FILES):
            path = tmp / name
            files[name] = {"sha256": sha256(path), "bytes": path.stat().st_size}
        manifest = {
            "built_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "built_from": built_from,
            "licence": f"CBS data: {catalog.CBS_LICENCE} (Bron: CBS)",
            "files": files,
            "sources": sources,
        }
        (tmp / MANIFEST).write_text(
            json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        summary = validate(tmp)
        for name in KEPT_FOLDERS:  # kept as they are, inside the same atomic swap
            if (out / name).is_dir():
                shutil.copytree(out / name, tmp / name)
        swap_in(tmp, out, old)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise SnapshotError(f"Could not write the snapshot to {out}: {exc}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    summary["directory"] = str(out)
    return summary


def swap_in(new: Path, out: Path, old: Path) -> None:
    """Replace ``out`` by ``new`` with two renames; restore ``out`` if the second fails."""
    had_old = out.exists()
    if had_old:
        os.replace(out, old)
    try:
        os.replace(new, out)
    except OSError:
        if had_old:
            os.replace(old, out)
        raise
    if had_old:
        shutil.rmtree(old, ignore_errors=True)
