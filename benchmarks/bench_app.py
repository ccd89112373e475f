"""Benchmark every page of the dashboard in headless Chromium against a bare Streamlit app.

Run: ``.venv/bin/python benchmarks/bench_app.py [--pages kaart,per_doel] [--runs N]
[--repeats R] [--json FILE]``. One table: a row per page (the nine in the navigation and the
presentation mode's first slide), columns cold, warm reload, rerun, bytes on the first load and
bytes per rerun, each with its ratio to the bare app (``minimal_app.py``: one plotly chart and
a selectbox), and per row whether it meets the targets of issue 12.

Per run both apps get a fresh server, side by side; the pages are measured one block at a time,
each block next to a block of the bare app, alternating which goes first, so both see the same
drift in the load of a shared, noisy machine. Every figure is a median over all runs (cold:
one per page and run; warm and rerun: R per page and run; the bare app's over all its blocks).

Times are taken inside the page, not by polling from Playwright (whose polls wait for a main
thread busy parsing JavaScript and so add noise): ``harness.OBSERVER``, installed before the
page's own scripts, logs every DOM change with ``performance.now()``. A figure runs from the
start of the navigation (or the click, for a rerun) until the script run has finished and
every element of the page is in the DOM (the count it ends with). Separately, until every chart
has drawn its SVG or canvas (loads only: a rerun redraws a chart in place), in the JSON.

Measured per page, on a server that has served the page once already (``first``, in the
JSON; ``server_cold`` is the very first visit after the start, imports included):

* cold: a new browser profile (empty cache, a council member's first visit);
* warm: a reload (R times);
* rerun: another municipality in the sidebar selectbox ``gemeente`` (R times, starting from
  Emmen: Borger-Odoorn, Coevorden, Hoogeveen, Emmen, ...; see ``CHOICES`` for why in turn); the
  presentation mode has no sidebar, so its rerun is the "Volgende" button (slide 1 -> 2 -> .. 6,
  then "Vorige" back), a click as a presenter makes;
* bytes: websocket frames the browser received (Playwright ``framereceived``) from the
  navigation until the page settled, and from the click until the rerun settled. Static files
  (JavaScript, and files the app serves itself) travel over HTTP and are not in these columns;
  the HTTP bytes of the cold load are in the JSON.

After the pages, every page is visited once more and the server's memory (RSS) is taken, per
fresh server, for both apps.

Targets (issue 12): cold, warm and rerun <= 1.5x the bare app; Kaart <= 2x on all three and
its bytes per rerun <= 10x. Times on a 2-core machine shared with other work are indicative.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.harness import (  # noqa: E402
    CHROMIUM_ARGS,
    NAVIGATION,
    OBSERVER,
    RESET,
    ROOT,
    SLIDES,
    Server,
    chromium_executable,
    load_average,
    start,
    wait_for_run,
    write_json,
)

SLIDE_COUNT = 6
PAGES = [*NAVIGATION, SLIDES]
START_REGION = "GM0114"  # Emmen
# A rerun goes to each municipality in turn: none was shown in the three runs before, so
# Streamlit's client-side message cache (an element of >= 10 KB seen in the last two runs is sent
# as a reference to it) does not hide what a change of municipality sends.
CHOICES = [
    ("Borger-Odoorn", "GM1681"),
    ("Coevorden", "GM0109"),
    ("Hoogeveen", "GM0118"),
    ("Emmen", START_REGION),
]
METRICS = ("cold", "warm", "rerun", "bytes_load", "bytes_rerun")
DEFAULT_TARGETS = {"cold": 1.5, "warm": 1.5, "rerun": 1.5}
TARGETS = {"kaart": {"cold": 2.0, "warm": 2.0, "rerun": 2.0, "bytes_rerun": 10.0}}


def page_url(name: str) -> str:
    """The path and query a page is opened at (Emmen selected)."""
    if name == SLIDES:
        return f"presentatie?modus=presentatie&gemeente={START_REGION}"
    return f"{name}?gemeente={START_REGION}"


# --- figures (pure; tested in tests/test_benchmarks.py) -----------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratio(value: float, base: float) -> float:
    if not base or math.isnan(base) or math.isnan(value):
        return float("nan")
    return value / base


def timings(log: list[list[float]], since: float = 0.0) -> tuple[float, float]:
    """(content, chart) in seconds after ``since`` (ms, page clock); chart is NaN without.

    content: the first log entry at which the run had finished and the page had the number of
    elements it ends with; chart: the first at which every chart it ends with was drawn."""
    final_elements, final_charts = log[-1][1], log[-1][3]
    content = next(t for t, n, done, _c, _d in log if done and n == final_elements)
    chart = next(
        (t for t, _n, _done, _c, drawn in log if final_charts and drawn >= final_charts),
        float("nan"),
    )
    return (content - since) / 1000, (chart - since) / 1000


def targets_for(page: str) -> dict[str, float]:
    return TARGETS.get(page, DEFAULT_TARGETS)


def verdict(page: str, ratios: dict[str, float]) -> tuple[bool, list[str]]:
    """Whether a row meets its targets, and the misses as 'warm 2.10x > 1.5x'."""
    misses = []
    for metric, limit in targets_for(page).items():
        value = ratios.get(metric, float("nan"))
        if math.isnan(value) or value > limit:
            shown = f"{value:.2f}" if round(value, 2) > limit else f"{value:.3f}"
            misses.append(f"{metric} {shown}x > {limit:g}x")
    return not misses, misses


def summarise(bare: dict[str, list[float]], pages: dict[str, dict[str, list[float]]]) -> dict:
    """Medians and ratios: {'bare': {metric: median}, 'pages': {page: {metric: (median,
    ratio)}}}."""
    base = {m: median(bare.get(m, [])) for m in METRICS}
    rows = {}
    for page, figures in pages.items():
        rows[page] = {}
        for m in METRICS:
            value = median(figures.get(m, []))
            rows[page][m] = (value, ratio(value, base[m]))
    return {"bare": base, "pages": rows}


def _value(metric: str, value: float) -> str:
    if math.isnan(value):
        return "-"
    if metric.startswith("bytes"):
        return f"{value / 1024:.1f} KB"
    return f"{value * 1000:.0f} ms"


def _cell(metric: str, value: float, rel: float | None = None) -> str:
    """'1316 ms   2.67x'; without a ratio (the bare app's row) the value alone, aligned."""
    ratio_text = "" if rel is None else "-" if math.isnan(rel) else f"{rel:.2f}x"
    return f"{_value(metric, value):>9} {ratio_text:>7}"


def format_table(summary: dict) -> list[str]:
    """The table: one row per page, each cell the median and its ratio to the bare app; then a
    line per row saying whether it meets its targets."""
    heads = ["cold", "warm", "rerun", "first load", "per rerun"]
    lines = [f"{'page':<18}" + "".join(f"  {h:^17}" for h in heads)]
    lines.append(
        f"{'bare app':<18}" + "".join(f"  {_cell(m, summary['bare'][m])}" for m in METRICS)
    )
    for page, cells in summary["pages"].items():
        lines.append(f"{page:<18}" + "".join(f"  {_cell(m, *cells[m])}" for m in METRICS))
    for page, cells in summary["pages"].items():
        ok, misses = verdict(page, {m: cells[m][1] for m in METRICS})
        why = "" if ok else f" ({', '.join(misses)})"
        lines.append(f"{page}: meets targets: {'yes' if ok else 'no'}{why}")
    return lines


# --- measuring ----------------------------------------------------------------------------


@dataclass
class Tab:
    """A browser page with the observer installed and the websocket frames it received."""

    page: object
    frames: list[int] = field(default_factory=list)
    http: list[int] = field(default_factory=list)

    def settled_log(self, timeout: float = 60) -> list[list[float]]:
        """The observer's log once the run has finished, all charts are drawn and the DOM has
        been quiet for 0.5 s."""
        deadline = time.monotonic() + timeout
        last, quiet_since = -1, time.monotonic()
        while time.monotonic() < deadline:
            length, done = self.page.evaluate(
                "[window.__bench.log.length, window.__bench.log.length > 0 && "
                "window.__bench.log.at(-1)[2] && window.__bench.log.at(-1)[4] >= "
                "window.__bench.log.at(-1)[3]]"
            )
            if length != last:
                last, quiet_since = length, time.monotonic()
            elif done and time.monotonic() - quiet_since >= 0.5:
                return self.page.evaluate("window.__bench.log")
            time.sleep(0.05)
        raise TimeoutError(f"{self.page.url} did not settle in {timeout:.0f} s")

    def proofs(self) -> dict[str, bool]:
        return self.page.evaluate("window.__bench.proofs")

    def exceptions(self) -> int:
        return self.page.get_by_test_id("stException").count()


def open_tab(browser, track_http: bool = False) -> tuple[object, Tab]:
    """A new browser profile (empty cache, no cookies) with one observed page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(OBSERVER)
    page = context.new_page()
    tab = Tab(page)

    def on_socket(ws) -> None:
        if ws.url.endswith("/_stcore/stream"):
            ws.on("framereceived", lambda payload: tab.frames.append(len(payload)))

    page.on("websocket", on_socket)
    if track_http:

        def on_finished(request) -> None:
            try:
                tab.http.append(request.sizes()["responseBodySize"])
            except Exception:  # noqa: BLE001 - a request the page dropped: no size
                pass

        page.on("requestfinished", on_finished)
    return context, tab


@dataclass(frozen=True)
class Rerun:
    """One rerun: an untimed preparation (opening the dropdown), the timed click, the marker
    text the new output shows (a proof of the run, optional) and what the URL must then hold."""

    prepare: Callable[[object], None]
    click: Callable[[object], None]
    marker: str | None
    expect: str


def region_rerun(i: int, bare: bool) -> Rerun:
    """Another municipality in the sidebar selectbox (Borger-Odoorn, Coevorden, ...). The
    dashboard must then carry the new code in its URL; the bare app shows 'Gekozen: <name>'."""
    name, code = CHOICES[i % len(CHOICES)]
    return Rerun(
        prepare=lambda page: page.get_by_test_id("stSidebar").get_by_role("combobox").click(),
        click=lambda page: page.get_by_role("option", name=name).click(),
        marker=f"Gekozen: {name}" if bare else None,
        expect="" if bare else f"gemeente={code}",
    )


def slide_number(i: int) -> int:
    """The slide after the i-th rerun (0-based): 2, 3, .. 6, then back 5, .. 1, then on."""
    k = (i + 1) % (2 * (SLIDE_COUNT - 1))
    return 1 + (k if k < SLIDE_COUNT else 2 * (SLIDE_COUNT - 1) - k)


def slide_rerun(i: int) -> Rerun:
    """The next slide ('Volgende') up to the last, then back ('Vorige'): up to five reruns
    each show a slide not shown before (no client-side cache hit); the counter 'Dia n /' is
    the marker."""
    number = slide_number(i)
    previous = slide_number(i - 1) if i else 1
    button = "Volgende" if number > previous else "Vorige"
    return Rerun(
        prepare=lambda page: None,
        click=lambda page: page.get_by_role("button", name=button).click(),
        marker=f"Dia {number} /",
        expect=f"dia={number}",
    )


@dataclass
class Figures:
    """Samples per metric, and how often each proof of a finished run decided."""

    samples: dict[str, list[float]] = field(default_factory=dict)
    proofs: dict[str, int] = field(default_factory=dict)
    exceptions: int = 0

    def add(self, metric: str, value: float) -> None:
        self.samples.setdefault(metric, []).append(value)

    def proof(self, tab: Tab) -> None:
        """Count which proofs held when the run first counted as finished; 'message only'
        when the script_finished message was the only one (see harness.OBSERVER)."""
        held = [kind for kind, used in tab.proofs().items() if used]
        if held == ["message"]:
            held.append("message only")
        for kind in [*held, "measurements"]:
            self.proofs[kind] = self.proofs.get(kind, 0) + 1


def measure_block(
    browser, server: Server, name: str, repeats: int, out: Figures, first: bool
) -> None:
    """One page on one server: a first visit (``server_cold`` on a fresh server), a cold
    visit, ``repeats`` reloads and ``repeats`` reruns, with the websocket bytes of each."""
    bare = name == "bare"
    url = f"{server.url}/" if bare else f"{server.url}/{page_url(name)}"

    def load(tab: Tab, action: Callable[[], object]) -> tuple[float, float, int]:
        start_frame = len(tab.frames)
        action()
        content, chart = timings(tab.settled_log())
        out.proof(tab)
        return content, chart, sum(tab.frames[start_frame:])

    context, tab = open_tab(browser)
    content, chart, _ = load(tab, lambda: tab.page.goto(url))
    out.add("server_cold" if first else "first", content)
    context.close()

    context, tab = open_tab(browser, track_http=True)
    try:
        content, chart, sent = load(tab, lambda: tab.page.goto(url))
        out.add("cold", content)
        out.add("cold_chart", chart)
        out.add("bytes_load", sent)
        out.add("http_cold", sum(tab.http))
        for _ in range(repeats):
            content, chart, sent = load(tab, tab.page.reload)
            out.add("warm", content)
            out.add("warm_chart", chart)
            out.add("bytes_load", sent)
        for i in range(repeats):
            step = slide_rerun(i) if name == SLIDES else region_rerun(i, bare)
            step.prepare(tab.page)
            start_frame = len(tab.frames)
            since = tab.page.evaluate(RESET, step.marker)
            step.click(tab.page)
            log = tab.settled_log()
            if step.expect and step.expect not in tab.page.url:
                raise RuntimeError(
                    f"{name}: after the rerun the URL lacks {step.expect}: {tab.page.url}"
                )
            out.add("rerun", timings(log, since)[0])
            out.add("bytes_rerun", sum(tab.frames[start_frame:]))
            out.proof(tab)
        out.exceptions += tab.exceptions()
    finally:
        context.close()


def tour(browser, server: Server, paths: list[str]) -> float:
    """Visit every page (untimed) and return the server's memory afterwards, in MB."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        for path in paths:
            page.goto(f"{server.url}/{path}")
            wait_for_run(page)
        page.wait_for_timeout(1000)
        return server.rss_mb()
    finally:
        context.close()


def run(
    browser, pages: list[str], repeats: int, index: int, bare: Figures, dash: dict[str, Figures]
) -> None:
    """One run: a fresh server for each app, the pages in blocks next to blocks of the bare
    app (alternating which goes first), then memory after every page."""
    bare_server = start(ROOT / "benchmarks" / "minimal_app.py")
    try:
        dash_server = start(ROOT / "app.py")
        try:
            for k, name in enumerate(pages):
                blocks = [
                    (bare_server, "bare", bare, k == 0),
                    (dash_server, name, dash[name], k == 0),
                ]
                for server, page, out, first in blocks if (index + k) % 2 == 0 else blocks[::-1]:
                    measure_block(browser, server, page, repeats, out, first)
                print(f"  run {index + 1}: {name} done", file=sys.stderr, flush=True)
            bare.add("rss", tour(browser, bare_server, [""]))
            dash[pages[0]].add("rss", tour(browser, dash_server, [page_url(p) for p in PAGES]))
        finally:
            dash_server.stop()
    finally:
        bare_server.stop()


def parse_pages(text: str | None) -> list[str]:
    if not text:
        return list(PAGES)
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [part for part in chosen if part not in PAGES]
    if unknown:
        raise SystemExit(f"unknown page(s) {', '.join(unknown)}; choose from {', '.join(PAGES)}")
    return list(dict.fromkeys(chosen))


def footnotes(
    bare: Figures,
    dash: dict[str, Figures],
    pages: list[str],
    args,
    elapsed: float,
    load_before: tuple[float, ...],
) -> str:
    """What the table's figures are, and what it leaves out (charts, memory, HTTP, proofs)."""
    n_bare = len(bare.samples.get("warm", []))
    lines = [
        f"medians of {args.runs} fresh servers per app; per page cold x{args.runs}, warm and "
        f"rerun x{args.runs * args.repeats}; the bare app's warm and rerun pooled over all its "
        f"blocks (x{n_bare})",
        "time: from navigation (or click) until the run finished and every element is in the "
        "DOM; bytes: websocket frames received (KB = 1024 bytes)",
        "rerun: sidebar selectbox 'gemeente', each municipality in turn (Emmen -> "
        f"Borger-Odoorn -> Coevorden -> Hoogeveen -> Emmen ...); {SLIDES}: 'Volgende' "
        "(slide 1 -> 2 .. 6, then 'Vorige' back), it has no sidebar",
    ]

    def charts(samples: dict[str, list[float]]) -> str:
        cold, warm = median(samples.get("cold_chart", [])), median(samples.get("warm_chart", []))
        return f"{_value('cold', cold)} / {_value('warm', warm)}"

    lines.append(
        "charts drawn, cold / warm: bare app "
        + charts(bare.samples)
        + "; "
        + "; ".join(f"{p} {charts(dash[p].samples)}" for p in pages)
    )
    http = {p: median(dash[p].samples.get("http_cold", [])) for p in pages}
    lines.append(
        "HTTP on a cold load (JavaScript, styles, served files; not in the table): bare app "
        + _value("bytes", median(bare.samples.get("http_cold", [])))
        + "; "
        + "; ".join(f"{p} {_value('bytes', v)}" for p, v in http.items())
    )
    first = dash[pages[0]].samples.get("server_cold", [])
    lines.append(
        f"first visit after a fresh start ({pages[0]}): "
        f"{_value('t', median(first))}, bare app {_value('t', median(bare.samples['server_cold']))}"
    )
    rss_dash, rss_bare = median(dash[pages[0]].samples["rss"]), median(bare.samples["rss"])
    lines.append(
        f"memory after visiting every page: dashboard {rss_dash:.0f} MB, bare app "
        f"{rss_bare:.0f} MB ({rss_dash - rss_bare:+.0f} MB)"
    )
    proofs: dict[str, int] = dict(bare.proofs)
    for f in dash.values():
        for kind, count in f.proofs.items():
            proofs[kind] = proofs.get(kind, 0) + count
    lines.append(
        f"proof of a finished run, of {proofs.pop('measurements', 0)} measurements: "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(proofs.items()))
        + " (several may hold at once)"
    )
    broken = {p: f.exceptions for p, f in dash.items() if f.exceptions}
    if broken:
        lines.append(f"EXCEPTIONS shown on: {broken}")
    before, after = (", ".join(f"{x:.1f}" for x in load) for load in (load_before, load_average()))
    lines.append(
        f"{elapsed / 60:.1f} min on {platform.node()}, {os.cpu_count()} cores, load average "
        f"(1/5/15 min) {before} at the start, {after} at the end: indicative figures"
    )
    return "\n".join(lines)


def raw_figures(bare: Figures, dash: dict[str, Figures], args, summary: dict) -> dict:
    return {
        "runs": args.runs,
        "repeats": args.repeats,
        "targets": {p: targets_for(p) for p in dash},
        "bare": {"samples": bare.samples, "proofs": bare.proofs},
        "pages": {
            p: {"samples": f.samples, "proofs": f.proofs, "exceptions": f.exceptions}
            for p, f in dash.items()
        },
        "medians": {
            "bare": summary["bare"],
            "pages": {
                p: {m: {"median": v, "ratio": r} for m, (v, r) in cells.items()}
                for p, cells in summary["pages"].items()
            },
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help=f"comma-separated subset of {','.join(PAGES)}")
    parser.add_argument("--runs", type=int, default=5, help="fresh servers per app")
    parser.add_argument("--repeats", type=int, default=5, help="reloads and reruns per page")
    parser.add_argument("--json", type=Path, help="write the raw figures to this file")
    args = parser.parse_args(argv)
    pages = parse_pages(args.pages)
    from playwright.sync_api import sync_playwright

    started, load_before = time.monotonic(), load_average()
    bare = Figures()
    dash = {name: Figures() for name in pages}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        try:
            for i in range(args.runs):
                run(browser, pages, args.repeats, i, bare, dash)
        finally:
            browser.close()
    summary = summarise(bare.samples, {name: f.samples for name, f in dash.items()})
    for line in format_table(summary):
        print(line)
    print(footnotes(bare, dash, pages, args, time.monotonic() - started, load_before))
    if args.json:
        write_json(args.json, raw_figures(bare, dash, args, summary))
    ok = all(
        verdict(page, {m: cells[m][1] for m in METRICS})[0]
        for page, cells in summary["pages"].items()
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
