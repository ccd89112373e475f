"""What the benchmarks and the browser tests share: a Streamlit server on a free loopback port,
Debian's Chromium, and the rule for "the script run has finished".

Used by ``benchmarks/bench_app.py``, ``benchmarks/load_test.py``, ``benchmarks/soak.py`` and
``tests/browser/conftest.py``; each rule is written here once.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]

# Headless, and nothing that would make Chromium talk to the outside world (the offline rule:
# the browser tests also block outside hosts).
# The pages in the app's navigation (app.py) and the presentation mode's first slide: what the
# benchmarks and the soak run visit.
NAVIGATION = [
    "overzicht",
    "per_doel",
    "verkennen",
    "kaart",
    "vergelijken",
    "downloads",
    "methode",
    "ambities",
    "presentatie",
]
SLIDES = "presentatie_modus"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def chromium_executable() -> str:
    """Debian's Chromium (``playwright install`` cannot download a browser here), before any
    other "chromium" on the PATH; $CHROMIUM overrides."""
    debian = "/usr/bin/chromium"
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return debian if os.path.exists(debian) else (shutil.which("chromium") or debian)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def streamlit_command(script: Path, port: int) -> list[str]:
    """``streamlit run`` as every harness starts it: loopback, headless, no usage statistics,
    no file watcher (the code does not change while measuring), production mode."""
    return [
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
        "--global.developmentMode",
        "false",
        "--server.fileWatcherType",
        "none",
    ]


@dataclass
class Server:
    """A running ``streamlit run`` process and its base URL."""

    proc: subprocess.Popen
    url: str

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_mb(self) -> float:
        return rss_mb(self.proc.pid)

    def stop(self) -> None:
        stop(self.proc)


def start(script: Path, log: IO | None = None, timeout: float = 60) -> Server:
    """Start ``script`` on a free loopback port and wait until ``/_stcore/health`` answers ok.

    Output goes to ``log`` (an open file) or nowhere. Raises RuntimeError, with the server
    stopped, if it exits or is not healthy within ``timeout`` seconds."""
    port = free_port()
    proc = subprocess.Popen(
        streamlit_command(script, port),
        cwd=ROOT,
        stdout=log if log is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log is not None else subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().decode().strip() == "ok":
                    return Server(proc, url)
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            stop(proc)
            raise RuntimeError(f"{script} did not start on {url}")
        time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc); NaN once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_average() -> tuple[float, ...]:
    """The machine's 1, 5 and 15 minute load averages (Linux); empty where unknown. On a
    shared machine it says how much the figures were disturbed."""
    try:
        return tuple(float(x) for x in Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return ()


def json_safe(value: object) -> object:
    """JSON has no NaN or infinity: a figure that does not exist (no chart to draw, no run in
    a minute) becomes null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def write_json(path: Path, data: object) -> None:
    """Raw figures for later analysis (``--json FILE`` of the benchmarks)."""
    path.write_text(json.dumps(json_safe(data), indent=1, allow_nan=False) + "\n")


CONNECTED = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
NOT_RUNNING = "[data-testid='stApp'][data-test-script-state='notRunning']"
HEADING = "[data-testid='stMain'] h1"


def wait_for_run(page, timeout_ms: float = 60_000) -> None:
    """Streamlit's own readiness signals for a page load: connected, script finished.

    'notRunning' is also the state before the first run, so the page's title (every page of
    the dashboard and the bare app has one) must be in the DOM first: then 'notRunning' can only
    mean the run has finished. Untimed: the benchmark's timed rule is OBSERVER below."""
    page.wait_for_selector(CONNECTED, timeout=timeout_ms)
    page.wait_for_selector(HEADING, timeout=timeout_ms)
    page.wait_for_selector(NOT_RUNNING, timeout=timeout_ms)


# A run that follows the first one (the presentation's screen size, a parameter written to the
# URL) fades the elements it will replace (Streamlit marks them data-stale) until it finishes.
SETTLED = f"""() => !!document.querySelector("{NOT_RUNNING}")
  && !document.querySelector('[data-testid="stElementContainer"][data-stale="true"]')"""


def wait_for_settled(page, timeout_ms: float = 60_000) -> None:
    """No run going and no faded element: what a reader (or an accessibility scan) sees once
    the page has come to rest."""
    page.wait_for_function(SETTLED, timeout=timeout_ms)


# The timed rule (bench_app): installed before the page's own scripts, it logs
# [time, elements in the page body, script run finished, charts, charts drawn] at every DOM
# change, on the page's clock. The app is 'notRunning' before its first run too, and React may
# batch a fast run's 'running' and 'notRunning' into one commit, so the attribute alone cannot
# say a run happened. "Finished" is therefore 'notRunning' after proof of a run since the last
# reset (a navigation, or ``RESET`` before a click), whichever comes first:
#   * the body filling, on a page load (it starts empty);
#   * 'running' seen;
#   * the marker text of the new output appearing in the body (optional, set with the reset);
#   * a ``script_finished`` message (finished successfully, or a fragment run) received on the
#     app's websocket. This covers a rerun whose output looks like the one before (a page that
#     does not show the municipality) when React also batched away 'running'. The message is
#     handled before React commits what it brought, so this proof is noted one macrotask later;
#     ``window.__bench.proofs`` says which proofs a measurement had.
# The websocket hook only reads the message; the app's handlers see it unchanged.
OBSERVER = """
(() => {
  const bench = window.__bench = {
    log: [], load: true, running: false, marker: null, seen: false, finished: false,
    proofs: {}, finishedStatus: null};
  // ForwardMsg field 6 is script_finished (a varint status): 0 finished successfully,
  // 3 a fragment run finished; 2 (stopped early for a rerun) is no proof.
  const finishedStatus = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let i = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; }
      while (byte & 0x80 && i < bytes.length);
      return value;
    };
    while (i < bytes.length) {
      const key = varint(), field = Math.floor(key / 8), wire = key & 7;
      if (wire === 0) { const value = varint(); if (field === 6) return value; }
      else if (wire === 2) { const length = varint(); i += length; }
      else if (wire === 1) { i += 8; }
      else if (wire === 5) { i += 4; }
      else return null;
    }
    return null;
  };
  bench.finishedStatus = finishedStatus;  // for tests/test_benchmarks.py
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const status = finishedStatus(event.data);
        if (status === 0 || status === 3) setTimeout(() => { bench.finished = true; note(); }, 0);
      });
    }
  };
  const note = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) return;
    const state = app.dataset.testScriptState;
    if (state === 'running') bench.running = true;
    const body = document.querySelector("[data-testid='stMainBlockContainer']");
    const elements = body ? body.querySelectorAll("[data-testid='stElementContainer']").length : 0;
    if (bench.marker && !bench.seen && body) bench.seen = body.textContent.includes(bench.marker);
    const filled = bench.load && elements > 0;
    const proof = bench.running || bench.seen || filled || bench.finished;
    const charts = document.querySelectorAll(
      "[data-testid='stPlotlyChart'], [data-testid='stVegaLiteChart']").length;
    const drawn = document.querySelectorAll(
      "[data-testid='stPlotlyChart'] .main-svg, [data-testid='stVegaLiteChart'] canvas, " +
      "[data-testid='stVegaLiteChart'] svg.marks").length;
    const done = proof && state === 'notRunning';
    if (done && Object.keys(bench.proofs).length === 0) {
      bench.proofs = {running: bench.running, marker: bench.seen, filled, message: bench.finished};
    }
    bench.log.push([performance.now(), elements, done, charts, drawn]);
  };
  new MutationObserver(note).observe(
    document, {subtree: true, childList: true, attributes: true, characterData: true});
})();
"""

# Before a click that starts a rerun: a fresh log and proofs, an optional marker; returns the
# page's clock, from which the rerun is timed.
RESET = """(marker) => {
  Object.assign(window.__bench, {log: [], load: false, running: false, marker, seen: false,
                                 finished: false, proofs: {}});
  return performance.now();
}"""
