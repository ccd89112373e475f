"""Command line: build / refresh / validate / export the snapshot, print the catalog.

Every expected failure (raw file missing, CBS unreachable, invalid snapshot) ends with a short
message on stderr that says what to do, and a non-zero exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import sys
import time
from pathlib import Path

from indicators.errors import CBSError, RawDataError, SnapshotError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RAW = ROOT.parent / "shared" / "cbs-raw"
DEFAULT_GEO = ROOT.parent / "shared" / "geo-raw"
DEFAULT_OUT = ROOT / "data"

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m indicators", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the snapshot offline from raw CBS files")
    b.add_argument("--raw", type=Path, default=DEFAULT_RAW, help=f"default {DEFAULT_RAW}")
    b.add_argument("--geo", type=Path, default=DEFAULT_GEO, help=f"default {DEFAULT_GEO}")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")

    r = sub.add_parser("refresh", help="rebuild the snapshot from live CBS OData")
    r.add_argument("--out", type=Path, default=DEFAULT_OUT)
    r.add_argument(
        "--geo", type=Path, default=DEFAULT_GEO, help="boundary files (CBS/PDOK GeoJSON) to include"
    )
    r.add_argument("--v3-url", default=None, help="CBS OData v3 base URL (for tests/mirrors)")
    r.add_argument("--v4-url", default=None, help="CBS OData v4 base URL")
    r.add_argument("--catalog-url", default=None, help="CBS v3 catalog URL")
    r.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    r.add_argument("--retries", type=int, default=4)

    v = sub.add_parser("validate", help="check a snapshot directory")
    v.add_argument("directory", nargs="?", type=Path, default=DEFAULT_OUT)

    e = sub.add_parser(
        "export",
        help="write the full tidy dataset as CSV, or factsheets (PDF) and the slide deck (PPTX)",
    )
    e.add_argument("--out", type=Path, required=True)
    e.add_argument("--data", type=Path, default=DEFAULT_OUT)
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

    c = sub.add_parser("catalog", help="print the indicator catalog")
    c.add_argument("--format", choices=["csv"], default="csv")
    c.add_argument("--data", type=Path, default=DEFAULT_OUT, help="snapshot for years available")

    s = sub.add_parser("scores", help="print goal scores (actueel view, or one year)")
    s.add_argument("--year", type=int, default=None, help="per-jaar view for this year")
    s.add_argument("--format", choices=["csv"], default="csv")
    s.add_argument("--data", type=Path, default=DEFAULT_OUT)

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
    w.add_argument("--data", type=Path, default=DEFAULT_OUT)
    return parser


def _print_summary(summary: dict[str, object]) -> None:
    for key, value in summary.items():
        if key == "warnings":
            continue
        print(f"{key:>12}: {value}")
    for warning in summary.get("warnings", []) or []:  # type: ignore[union-attr]
        print(f"  cross-check: {warning}")


def cmd_build(args: argparse.Namespace) -> int:
    from indicators.build import build_snapshot

    start = time.perf_counter()
    summary = build_snapshot(args.raw, args.geo, args.out)
    _print_summary(summary)
    print(f"Snapshot built and validated in {time.perf_counter() - start:.1f} s -> {args.out}")
    return EXIT_OK


def cmd_refresh(args: argparse.Namespace) -> int:
    from indicators.refresh import refresh_snapshot

    start = time.perf_counter()
    summary = refresh_snapshot(args)
    _print_summary(summary)
    print(f"Snapshot refreshed from CBS in {time.perf_counter() - start:.1f} s -> {args.out}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from indicators.snapshot import validate

    _print_summary(validate(args.directory))
    print("Snapshot is valid.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.factsheet is None and not args.slides:
        from indicators.exports.csv import write_tidy_csv
        from indicators.snapshot import load_snapshot

        paths = write_tidy_csv(load_snapshot(args.data), args.out)
        for path in paths:
            print(path)
        return EXIT_OK
    return _export_documents(args)


def _export_documents(args: argparse.Namespace) -> int:
    """Factsheets and/or the slide deck, with self-explaining file names and timings."""
    from indicators.exports import deck, factsheet, images
    from indicators.scoring import compute
    from indicators.snapshot import load_snapshot
    from indicators.views.presentatie import build_slides

    choices = factsheet.FACTSHEET_REGIONS
    regions: tuple[str, ...] = ()
    if args.factsheet is not None:
        wanted = args.factsheet.strip().upper()
        regions = choices if wanted == "ALL" else (wanted,)
        if wanted != "ALL" and wanted not in choices:
            print(
                f"error: --factsheet {args.factsheet!r} is not one of {', '.join(choices)} or all",
                file=sys.stderr,
            )
            return EXIT_USAGE
    focus = args.focus.strip().upper()
    if args.slides and focus not in choices:
        print(f"error: --focus {args.focus!r} is not one of {', '.join(choices)}", file=sys.stderr)
        return EXIT_USAGE
    if args.slides:
        ok, reason = images.images_available("en")
        if not ok:
            print(
                f"error: the slides need chart images, and {reason}. Install Debian's chromium "
                "(apt-get install chromium) or set BROWSER_PATH to a Chromium binary.",
                file=sys.stderr,
            )
            return EXIT_FAILED
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
            print(f"error: the slide images could not be made: {exc}", file=sys.stderr)
            return EXIT_FAILED
        path = args.out / deck.deck_file_name(snap, focus)
        path.write_bytes(pptx)
        print(f"{path}  ({time.perf_counter() - began:.1f} s)")
    print(f"Exported in {time.perf_counter() - start:.1f} s -> {args.out}")
    return EXIT_OK


def cmd_catalog(args: argparse.Namespace) -> int:
    from indicators.catalog import catalog_rows
    from indicators.snapshot import load_snapshot

    years = None
    if (args.data / "observations.parquet").exists():
        years = load_snapshot(args.data).observations
    _write_csv(catalog_rows(years))
    return EXIT_OK


def cmd_scores(args: argparse.Namespace) -> int:
    from indicators.scoring import compute, score_table
    from indicators.snapshot import load_snapshot

    snap = load_snapshot(args.data)
    table = score_table(compute(snap.observations, snap.regions), snap.regions, args.year)
    if table.empty:
        print(f"error: no goal scores for year {args.year}", file=sys.stderr)
        return EXIT_FAILED
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
        choices = ", ".join(targets.TARGET_REGIONS)
        print(
            f"error: --region {args.region!r} is not one of {choices}; give one of them "
            "(default ZOD)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    data = b""
    if args.targets is not None:
        try:
            with args.targets.open("rb") as handle:
                data = handle.read(targets.MAX_BYTES + 1)
        except OSError as exc:
            print(
                f"error: cannot read {args.targets}: {exc.strerror or exc}; check the path "
                "given to --targets",
                file=sys.stderr,
            )
            return EXIT_FAILED
    snap = load_snapshot(args.data)
    scores = compute(snap.observations, snap.regions)
    if args.targets is not None:
        reading = targets.read_csv(data, snapshot_year(snap))
        if reading.problems or not reading.targets:
            shown = [p.text("en") for p in reading.problems[:20]]
            if len(reading.problems) > 20:
                shown.append(f"and {len(reading.problems) - 20} more")
            text = "; ".join(shown) or "the file holds no targets"
            todo = "correct the file (its format: data/targets/README.md)"
            print(f"error: {args.targets}: {text}; {todo}", file=sys.stderr)
            return EXIT_FAILED
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
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return COMMANDS[args.command](args)
    except CBSError as exc:
        print(f"error: {exc}\nThe previous snapshot is unchanged.", file=sys.stderr)
    except RawDataError as exc:
        print(
            f"error: {exc}\nThe previous snapshot is unchanged. Check the raw files (--raw/--geo).",
            file=sys.stderr,
        )
    except SnapshotError as exc:
        print(f"error: {exc}", file=sys.stderr)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted; the previous snapshot is unchanged.", file=sys.stderr)
    return EXIT_FAILED
