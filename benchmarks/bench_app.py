"""Benchmark the dashboard in headless Chromium against a bare Streamlit app, same run.

Run: ``.venv/bin/python benchmarks/bench_app.py [--runs N] [--repeats R]``. Both apps are
started on free loopback ports, N fresh servers each, interleaved so that both see the same
drift in the load of a shared, noisy machine. Every figure is a median (first visits over the N
servers, reloads and reruns over N x R samples), printed with the ratio to the bare app's.

Times are taken inside the page, not by polling from Playwright (whose polls wait for a main
thread busy parsing JavaScript and so add noise): a MutationObserver, installed before the
page's own scripts, logs every DOM change with ``performance.now()``. From that log:

* content: from the start of the navigation (or the click, for a rerun) until the script run
  has finished and every element of the page is in the DOM (the count it ends with);
* chart: until every chart on the page has drawn its SVG or canvas (the bare app has none).

Measured per fresh server: ``server_cold`` the very first visit after the start
(imports, data, scores); ``cold`` a new browser profile on the running server (empty cache, a
council member's first visit); ``warm`` a reload and ``rerun`` choosing another municipality
in the sidebar (R of each); and server memory (RSS) after visiting every page.

Targets (issue 4): cold <= 1.5x, warm <= 1.3x, rerun <= 1.5x, memory <= bare + 250 MB.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = ["overzicht", "per_doel", "verkennen", "kaart", "vergelijken", "downloads", "methode"]
READY = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(script: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read() == b"ok":
                    return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"{script} did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# Logs [time, elements in the page body, script run finished, charts, charts drawn] at every
# DOM change. The app is 'notRunning' before its first run too, and React may batch a fast run's
# 'running' and 'notRunning' into one commit, so the attribute alone cannot say a run happened.
# "Finished" is therefore 'notRunning' after proof of a run: the body filling (a page load
# starts empty), 'running' seen, or the marker text of the new output (a rerun; set with the
# reset before the click).
OBSERVER = """
window.__bench = {log: [], running: false, marker: null, seen: false};
new MutationObserver(() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app) return;
  const bench = window.__bench;
  const state = app.dataset.testScriptState;
  if (state === 'running') bench.running = true;
  const body = document.querySelector("[data-testid='stMainBlockContainer']");
  const elements = body ? body.querySelectorAll("[data-testid='stElementContainer']").length : 0;
  if (bench.marker && !bench.seen && body) bench.seen = body.textContent.includes(bench.marker);
  const proof = bench.running || bench.seen || (bench.marker === null && elements > 0);
  const charts = document.querySelectorAll(
    "[data-testid='stPlotlyChart'], [data-testid='stVegaLiteChart']").length;
  const drawn = document.querySelectorAll(
    "[data-testid='stPlotlyChart'] .main-svg, [data-testid='stVegaLiteChart'] canvas, " +
    "[data-testid='stVegaLiteChart'] svg.marks").length;
  bench.log.push([performance.now(), elements, proof && state === 'notRunning', charts, drawn]);
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def wait_ready(page: Page) -> None:
    """Until connected and the script run finished (untimed waits)."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=60_000
    )
    page.wait_for_selector(READY, timeout=60_000)


def settled_log(page: Page, timeout: float = 60) -> list[list[float]]:
    """The observer's log once the run has finished, all charts are drawn and the DOM has been
    quiet for 0.5 s."""
    deadline = time.monotonic() + timeout
    last, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        length, done = page.evaluate(
            "[window.__bench.log.length, window.__bench.log.length > 0 && "
            "window.__bench.log.at(-1)[2] && window.__bench.log.at(-1)[4] >= "
            "window.__bench.log.at(-1)[3]]"
        )
        if length != last:
            last, quiet_since = length, time.monotonic()
        elif done and time.monotonic() - quiet_since >= 0.5:
            return page.evaluate("window.__bench.log")
        time.sleep(0.05)
    raise TimeoutError("the page did not settle")


def timings(log: list[list[float]], since: float = 0.0) -> tuple[float, float]:
    """(content, chart) in seconds after ``since`` (ms, page clock); chart is NaN without."""
    final_elements, final_charts = log[-1][1], log[-1][3]
    content = next(t for t, n, done, _c, _d in log if done and n == final_elements)
    chart = next(
        (t for t, _n, _done, _c, drawn in log if final_charts and drawn >= final_charts),
        float("nan"),
    )
    return (content - since) / 1000, (chart - since) / 1000


def load(page: Page, url: str) -> tuple[float, float]:
    page.goto(url)
    return timings(settled_log(page))


def reload(page: Page) -> tuple[float, float]:
    page.reload()
    return timings(settled_log(page))


def change_region(page: Page, option: str, marker: str) -> tuple[float, float]:
    """Pick another municipality in the sidebar; timed from the click on the option."""
    page.get_by_test_id("stSidebar").get_by_role("combobox").click()
    text = marker.format(option=option)
    since = page.evaluate(
        "(marker) => { Object.assign(window.__bench, {log: [], running: false, marker, "
        "seen: false}); return performance.now(); }",
        text,
    )
    page.get_by_role("option", name=option).click()
    page.get_by_text(text).first.wait_for(timeout=60_000)
    return timings(settled_log(page), since)


@dataclass(frozen=True)
class App:
    """An app under test: its script, the page to open and the text a rerun must show."""

    script: Path
    path: str
    marker: str
    pages: tuple[str, ...]


BARE = App(ROOT / "benchmarks" / "minimal_app.py", "", "Gekozen: {option}", ("",))
DASHBOARD = App(ROOT / "app.py", "overzicht", "{option} scoort", tuple(PAGES))


def measure_server(browser, app: App, repeats: int, out: dict[str, list[float]]) -> None:
    """One fresh server: its first visit, a cold visit, ``repeats`` reloads and reruns, and
    the memory after every page (see the module docstring for each figure)."""

    def note(key: str, figures: tuple[float, float]) -> None:
        out.setdefault(key, []).append(figures[0])
        out.setdefault(f"{key}_chart", []).append(figures[1])

    def profile():  # noqa: ANN202 - a new browser profile: empty cache, no cookies
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(OBSERVER)
        return context

    proc, url = start(app.script)
    try:
        first = profile()
        note("server_cold", load(first.new_page(), f"{url}/{app.path}"))
        first.close()
        context = profile()
        page = context.new_page()
        note("cold", load(page, f"{url}/{app.path}"))
        for _ in range(repeats):
            note("warm", reload(page))
        for i in range(repeats):
            note("rerun", change_region(page, ["Borger-Odoorn", "Coevorden"][i % 2], app.marker))
        for other in app.pages:
            page.goto(f"{url}/{other}")
            wait_ready(page)  # not timed: only the memory afterwards counts
        page.wait_for_timeout(1000)
        out.setdefault("rss", []).append(rss_mb(proc.pid))
        context.close()
    finally:
        stop(proc)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="fresh servers per app")
    parser.add_argument("--repeats", type=int, default=5, help="reloads and reruns per server")
    args = parser.parse_args()
    bare: dict[str, list[float]] = {}
    dashboard: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        # Interleaved, alternating which goes first: a shared machine's load drifts over
        # minutes, and both apps should see the same drift.
        for i in range(args.runs):
            pair = [(BARE, bare), (DASHBOARD, dashboard)]
            for app, out in pair if i % 2 == 0 else pair[::-1]:
                measure_server(browser, app, args.repeats, out)
        browser.close()
    targets = {"cold": 1.5, "warm": 1.3, "rerun": 1.5}
    ok = True
    print(f"{'metric':<18} {'bare app':>9} {'dashboard':>10} {'ratio':>6}  target")
    for key in ("server_cold", "cold", "warm", "rerun"):
        b = statistics.median(bare[key])
        shown = [(key, statistics.median(dashboard[key]))]
        if key != "rerun":  # a rerun redraws no chart: Overzicht's charts are not per region
            shown.append((f"{key}, charts", statistics.median(dashboard[f"{key}_chart"])))
        for shown_key, a in shown:
            ratio = a / b
            target = targets.get(shown_key)
            if target is not None:
                ok &= ratio <= target
            goal = f"<= {target}" if target else "(reported)"
            print(f"{shown_key:<18} {b * 1000:7.0f}ms {a * 1000:8.0f}ms {ratio:6.2f}  {goal}")
    b, a = statistics.median(bare["rss"]), statistics.median(dashboard["rss"])
    ok &= a <= b + 250
    print(f"{'memory':<18} {b:7.0f}MB {a:8.0f}MB {a - b:+5.0f}MB  <= +250MB (after all pages)")
    print(
        "content: script finished and every element of the page in the DOM; charts: every "
        "chart drawn (compared with the bare app's content, which has no chart)"
    )
    print(
        f"medians of {args.runs} servers per app (interleaved); warm and rerun of "
        f"{args.runs * args.repeats} samples each; targets {'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
