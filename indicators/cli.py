"""Command line: build / refresh / validate / export the snapshot, print the catalog.

Every expected failure (raw file missing, CBS unreachable, invalid snapshot, a folder that
cannot be written, a wrong argument) ends with one line on stderr, ``error: <what is wrong>;
<what to do>``, and exit code 1; never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import logging
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import NoReturn

from indicators.errors import CBSError, RawDataError, SnapshotError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = ROOT.parent / "shared" / "cbs-raw"
DEFAULT_GEO = ROOT.parent / "shared" / "geo-raw"
DEFAULT_OUT = ROOT / "data"

EXIT_OK, EXIT_FAILED = 0, 1

EPILOG = (
    "Exit code 0 on success and 1 on any error, a wrong or missing argument included; the "
    "error is one line on stderr: 'error: <what is wrong>; <what to do>'."
)
UNCHANGED = "the previous snapshot is unchanged"
SNAPSHOT_FILES = ("observations.parquet", "regions.parquet", "manifest.json")


class CommandLineError(Exception):
    """An expected failure the command line finds itself: what is wrong and what to do."""

    def __init__(self, what: str, todo: str) -> None:
        super().__init__(f"{what}; {todo}")
        self.what, self.todo = what, todo


def one_line(text: str) -> str:
    """``text`` on one line: a list under a line ending in ':' joined with '; '."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    if not lines:
        return ""
    out = lines[0]
    for line in lines[1:]:
        line = line.removeprefix("- ")
        out += (" " if out.endswith(":") else "; ") + line
    return out


def error_line(what: str, todo: str) -> str:
    """``error: <what is wrong>; <what to do>`` on one line."""
    return f"error: {one_line(what).rstrip(' .;')}; {one_line(todo)}"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 1, like every other error."""

    commands: dict[str, argparse.ArgumentParser]

    def error(self, message: str) -> NoReturn:
        todo = f"run `{self.prog} --help` for the options"
        self.exit(EXIT_FAILED, error_line(message, todo) + "\n")


def _seconds(text: str) -> float:
    """--timeout: a finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0, e.g. 30")
    return value


def _count(text: str) -> int:
    """--retries: a whole number from 0 up."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 0 up, e.g. 4")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m indicators", description=__doc__, epilog=EPILOG)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)
    parser.commands = sub.choices

    b = sub.add_parser("build", help="build the snapshot offline from raw CBS files", epilog=EPILOG)
    b.add_argument("--raw", type=Path, default=DEFAULT_RAW, help=f"default {DEFAULT_RAW}")
    b.add_argument("--geo", type=Path, default=DEFAULT_GEO, help=f"default {DEFAULT_GEO}")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")

    r = sub.add_parser("refresh", help="rebuild the snapshot from live CBS OData", epilog=EPILOG)
    r.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")
    r.add_argument(
        "--geo",
        type=Path,
        default=DEFAULT_GEO,
        help="boundary files (CBS/PDOK GeoJSON) to include; where this folder does not exist, "
        "the boundaries of the snapshot in --out are kept",
    )
    r.add_argument("--v3-url", default=None, help="CBS OData v3 base URL (for tests/mirrors)")
    r.add_argument("--v4-url", default=None, help="CBS OData v4 base URL")
    r.add_argument("--catalog-url", default=None, help="CBS v3 catalog URL")
    r.add_argument(
        "--timeout", type=_seconds, default=30.0, help="seconds per request, above 0 (default 30)"
    )
    r.add_argument(
        "--retries", type=_count, default=4, help="retries per request, 0 or more (default 4)"
    )

    v = sub.add_parser("validate", help="check a snapshot directory", epilog=EPILOG)
    v.add_argument(
        "directory", nargs="?", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}"
    )

    e = sub.add_parser(
        "export",
        help="write the full tidy dataset as CSV, or factsheets (PDF) and the slide deck (PPTX)",
        epilog=EPILOG,
    )
    e.add_argument("--out", type=Path, required=True, help="folder, created if missing")
    e.add_argument("--data", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")
    e.add_argument(
        "--factsheet",
        metavar="CODE|all",
        default=None,
        help="factsheet PDF for GM0114, GM0109, GM0118, GM1681 or ZOD; 'all' for the five",
    )
    e.add_argument("--slides", action="store_true", help="the presentation as .pptx")
    e.add_argument(
        "--focus", default="ZOD", metavar="CODE", help="focus of the slides (default ZOD)"
    )
    e.add_argument("--lang", choices=["nl", "en"], default="nl", help="language (default nl)")

    c = sub.add_parser("catalog", help="print the indicator catalog", epilog=EPILOG)
    c.add_argument("--format", choices=["csv"], default="csv")
    c.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_OUT,
        help="snapshot for the years available (a folder without one: no years)",
    )

    s = sub.add_parser(
        "scores", help="print goal scores (actueel view, or one year)", epilog=EPILOG
    )
    s.add_argument("--year", type=int, default=None, help="per-jaar view for this year")
    s.add_argument("--format", choices=["csv"], default="csv")
    s.add_argument("--data", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")

    w = sub.add_parser(
        "whatif", help="goal scores, ranks and quartiles if targets were met, or in a scenario"
    )
    which = w.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--targets", type=Path, metavar="FILE", help="targets CSV (see data/targets/README.md)"
    )
    which.add_argument(
        "--scenario",
        choices=["nederland", "beste_kwart"],
        help="without input: ZOD at Nederland's level where it lags, or at the best quarter",
    )
    w.add_argument("--region", default="ZOD", help="region of --scenario (default ZOD)")
    w.add_argument("--format", choices=["csv"], default="csv")
    w.add_argument("--data", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")
    return parser


# --- checks before any work: input folders, output folders -------------------------------

SNAPSHOT_TODO = (
    f"give the folder of a snapshot (default {DEFAULT_OUT}) or make one with "
    "`python -m indicators build`"
)

BROKEN_SNAPSHOT_TODO = (
    "rebuild it with `python -m indicators build` (or `refresh`), or give the folder of "
    "another snapshot"
)


def require_folder(path: Path, label: str, todo: str) -> None:
    """``path`` exists and is a folder; else a CommandLineError naming ``label``."""
    named = f"{label} {path}".strip()
    if not path.exists():
        raise CommandLineError(f"{named} does not exist", todo)
    if not path.is_dir():
        raise CommandLineError(f"{named} is a file, not a folder", todo)


def require_snapshot(path: Path, label: str) -> None:
    """``path`` is a folder holding the three snapshot files (an interrupted swap is put
    back first, as :func:`indicators.snapshot.load_snapshot` does)."""
    from indicators.snapshot import recover_interrupted_swap

    recover_interrupted_swap(path)
    require_folder(path, label, SNAPSHOT_TODO)
    missing = [name for name in SNAPSHOT_FILES if not (path / name).is_file()]
    if missing:
        raise CommandLineError(
            f"{label} {path} holds no complete snapshot ({', '.join(missing)} missing)".strip(),
            SNAPSHOT_TODO,
        )


def write_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot be created or written (None if it can), found by making and
    removing a temporary folder in it, or in its nearest existing parent."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is a file"
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".write-test-", dir=existing))
    except OSError as exc:
        return f"no folder can be made in {existing} ({exc.strerror or exc})"
    return None


def require_output_folder(path: Path, label: str = "--out") -> None:
    """An export folder that exists and is writable, or can be made (with its parents)."""
    problem = write_problem(path)
    if problem is not None:
        raise CommandLineError(
            f"{label} {path} cannot be created or written: {problem}",
            "choose a folder you can write to (it is created if missing)",
        )


def require_snapshot_target(path: Path) -> None:
    """``build``/``refresh --out``: a new folder, an empty one or a snapshot, in a writable
    parent (the new snapshot is written beside it and swapped in, replacing the folder)."""
    if path.exists() and not path.is_dir():
        raise CommandLineError(
            f"--out {path} is a file, not a folder",
            f"give the snapshot folder (default {DEFAULT_OUT}); {UNCHANGED}",
        )
    if (
        path.is_dir()
        and any(path.iterdir())
        and not any((path / name).exists() for name in SNAPSHOT_FILES)
    ):
        raise CommandLineError(
            f"--out {path} is a folder with other files, which the new snapshot would replace",
            "give a new or empty folder, or the folder of a snapshot",
        )
    problem = write_problem(path.parent)
    if problem is not None:
        raise CommandLineError(
            f"--out {path} cannot be created or written: {problem}",
            f"choose a folder you can write to; {UNCHANGED}",
        )


# --- the commands ------------------------------------------------------------------------


def _print_summary(summary: dict[str, object]) -> None:
    for key, value in summary.items():
        if key == "warnings":
            continue
        print(f"{key:>12}: {value}")
    for warning in summary.get("warnings", []) or []:  # type: ignore[union-attr]
        print(f"  cross-check: {warning}")


def cmd_build(args: argparse.Namespace) -> int:
    from indicators.build import build_snapshot

    for label, path, default in (
        ("--raw", args.raw, DEFAULT_RAW),
        ("--geo", args.geo, DEFAULT_GEO),
    ):
        todo = f"give the folder of the raw files (default {default}); {UNCHANGED}"
        require_folder(path, label, todo)
    require_snapshot_target(args.out)
    start = time.perf_counter()
    summary = build_snapshot(args.raw, args.geo, args.out)
    _print_summary(summary)
    print(f"Snapshot built and validated in {time.perf_counter() - start:.1f} s -> {args.out}")
    return EXIT_OK


def cmd_refresh(args: argparse.Namespace) -> int:
    from indicators.refresh import refresh_snapshot

    require_snapshot_target(args.out)
    if args.geo.exists() and not args.geo.is_dir():
        raise CommandLineError(
            f"--geo {args.geo} is not a folder",
            f"give the folder of the boundary files (default {DEFAULT_GEO}); {UNCHANGED}",
        )
    if not args.geo.is_dir() and not all((args.out / n).is_file() for n in SNAPSHOT_FILES):
        raise CommandLineError(
            f"--geo {args.geo} does not exist and --out {args.out} holds no snapshot to keep "
            "the boundaries of",
            f"give --geo the folder of the boundary files (default {DEFAULT_GEO})",
        )
    start = time.perf_counter()
    summary = refresh_snapshot(args)
    _print_summary(summary)
    print(f"Snapshot refreshed from CBS in {time.perf_counter() - start:.1f} s -> {args.out}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from indicators.snapshot import validate

    require_snapshot(args.directory, "")
    _print_summary(validate(args.directory))
    print("Snapshot is valid.")
    return EXIT_OK


def _region_choice(value: str, option: str, allow_all: bool) -> str:
    """An upper-cased region code of the factsheets/slides, or a CommandLineError."""
    from indicators.regions import FOCUS_MUNICIPALITIES, ZOD

    choices = (*FOCUS_MUNICIPALITIES, ZOD)
    wanted = value.strip().upper()
    if wanted in choices or (allow_all and wanted == "ALL"):
        return wanted
    names = ", ".join(choices) + (" or all" if allow_all else "")
    raise CommandLineError(
        f"{option} {value!r} is not a region of the dashboard", f"give one of {names}"
    )


def cmd_export(args: argparse.Namespace) -> int:
    wanted = None if args.factsheet is None else _region_choice(args.factsheet, "--factsheet", True)
    focus = _region_choice(args.focus, "--focus", False)
    require_snapshot(args.data, "--data")
    require_output_folder(args.out)
    if wanted is None and not args.slides:
        from indicators.exports.csv import write_tidy_csv
        from indicators.snapshot import load_snapshot

        paths = write_tidy_csv(load_snapshot(args.data), args.out, args.lang)
        for path in paths:
            print(path)
        return EXIT_OK
    return _export_documents(args, wanted, focus)


def _export_documents(args: argparse.Namespace, wanted: str | None, focus: str) -> int:
    """Factsheets and/or the slide deck, with self-explaining file names and timings."""
    from indicators.exports import deck, factsheet, images
    from indicators.scoring import compute
    from indicators.snapshot import load_snapshot
    from indicators.views.presentatie import build_slides

    regions: tuple[str, ...] = ()
    if wanted is not None:
        regions = factsheet.FACTSHEET_REGIONS if wanted == "ALL" else (wanted,)
    if args.slides:
        ok, reason = images.images_available("en")
        if not ok:
            raise CommandLineError(
                f"the slides need chart images, and {reason.rstrip('.')}",
                "install Debian's chromium (apt-get install chromium) or set BROWSER_PATH to a "
                "Chromium binary",
            )
    start = time.perf_counter()
    snap = load_snapshot(args.data)
    scores = compute(snap.observations, snap.regions)
    args.out.mkdir(parents=True, exist_ok=True)
    for region in regions:
        began = time.perf_counter()
        path = args.out / factsheet.factsheet_file_name(snap, region)
        path.write_bytes(factsheet.factsheet_pdf(snap, scores, region, args.lang))
        print(f"{path}  ({time.perf_counter() - began:.1f} s)")
    if args.slides:
        began = time.perf_counter()
        try:
            pptx = deck.slide_deck(build_slides(snap, scores, focus, None, args.lang))
        except images.ImagesUnavailable as exc:
            raise CommandLineError(
                f"the slide images could not be made: {exc}",
                "check that Chromium starts (BROWSER_PATH), or export the factsheets only",
            ) from exc
        path = args.out / deck.deck_file_name(snap, focus)
        path.write_bytes(pptx)
        print(f"{path}  ({time.perf_counter() - began:.1f} s)")
    print(f"Exported in {time.perf_counter() - start:.1f} s -> {args.out}")
    return EXIT_OK


def cmd_catalog(args: argparse.Namespace) -> int:
    from indicators.catalog import catalog_rows
    from indicators.snapshot import load_snapshot

    require_folder(args.data, "--data", SNAPSHOT_TODO)
    years = None
    if (args.data / "observations.parquet").exists():  # else the catalog without years
        require_snapshot(args.data, "--data")
        years = load_snapshot(args.data).observations
    _write_csv(catalog_rows(years))
    return EXIT_OK


def cmd_scores(args: argparse.Namespace) -> int:
    from indicators.scoring import compute, score_table
    from indicators.snapshot import load_snapshot

    require_snapshot(args.data, "--data")
    snap = load_snapshot(args.data)
    scores = compute(snap.observations, snap.regions)
    table = score_table(scores, snap.regions, args.year)
    if table.empty:
        years = sorted(int(y) for y in scores.per_jaar["year"].unique())
        todo = (
            f"give a year from {years[0]} to {years[-1]}, or leave out --year for the actueel view"
            if years
            else "leave out --year for the actueel view"
        )
        raise CommandLineError(f"no goal scores for year {args.year}", todo)
    _write_csv(table.to_dict("records"))
    return EXIT_OK


def cmd_whatif(args: argparse.Namespace) -> int:
    """The what-if table as CSV (goal, region, score now and with the targets, rank and
    quartile now and with the targets); a file with any problem is refused in one line."""
    from indicators import targets
    from indicators.scoring import compute
    from indicators.snapshot import load_snapshot, snapshot_year

    region = str(args.region).strip().upper()
    if args.scenario and region not in targets.TARGET_REGIONS:
        raise CommandLineError(
            f"--region {args.region!r} is not one of {', '.join(targets.TARGET_REGIONS)}",
            "give one of them (default ZOD)",
        )
    data = b""
    if args.targets is not None:
        try:
            with args.targets.open("rb") as handle:
                data = handle.read(targets.MAX_BYTES + 1)
        except OSError as exc:
            raise CommandLineError(
                f"cannot read {args.targets}: {exc.strerror or exc}",
                "check the path given to --targets",
            ) from exc
    require_snapshot(args.data, "--data")
    snap = load_snapshot(args.data)
    scores = compute(snap.observations, snap.regions)
    if args.targets is not None:
        reading = targets.read_csv(data, snapshot_year(snap))
        if reading.problems or not reading.targets:
            shown = [p.text("en") for p in reading.problems[:20]]
            if len(reading.problems) > 20:
                shown.append(f"and {len(reading.problems) - 20} more")
            raise CommandLineError(
                f"{args.targets}: {'; '.join(shown) or 'the file holds no targets'}",
                "correct the file (its format: data/targets/README.md)",
            )
        goals, _ = targets.what_if(snap, scores, reading.targets)
    else:
        goals, _ = targets.scenario(snap, scores, args.scenario, region)
    _write_csv(targets.cli_table(goals))
    return EXIT_OK


def _write_csv(rows: list[dict[str, object]]) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


COMMANDS = {
    "build": cmd_build,
    "refresh": cmd_refresh,
    "validate": cmd_validate,
    "export": cmd_export,
    "catalog": cmd_catalog,
    "scores": cmd_scores,
    "whatif": cmd_whatif,
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; every expected failure becomes one line on stderr and exit code 1."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # said by the subcommand, so the hint names its --help
        parser.commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    writes = args.command in ("build", "refresh")  # the commands that replace the snapshot
    try:
        return COMMANDS[args.command](args)
    except CommandLineError as exc:
        what, todo = exc.what, exc.todo
    except CBSError as exc:
        what, todo = str(exc), UNCHANGED
    except RawDataError as exc:
        where = "--raw and --geo" if args.command == "build" else "--geo"
        what, todo = str(exc), f"check the files in {where}; {UNCHANGED}"
    except SnapshotError as exc:
        what, todo = str(exc), UNCHANGED if writes else BROKEN_SNAPSHOT_TODO
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted; the previous snapshot is unchanged.", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a file or folder that cannot be read or written
        what = f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc)
        todo = "check the path and its permissions" + (f"; {UNCHANGED}" if writes else "")
    except ValueError as exc:  # a value the command could not use
        what = str(exc) or type(exc).__name__
        todo = f"check the arguments (`python -m indicators {args.command} --help`)"
        todo += f"; {UNCHANGED}" if writes else ""
    print(error_line(what, todo), file=sys.stderr)
    return EXIT_FAILED
