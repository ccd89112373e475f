"""Load test: 50 concurrent sessions against the dashboard and against a bare Streamlit app.

Run: ``.venv/bin/python benchmarks/load_test.py [--sessions 50] [--browsers 5]``.

On a 2-core machine 50 real browsers would measure the browsers, so sessions speak Streamlit's
own WebSocket protocol (``protocol.py``, shared with ``soak.py``): each session opens
``/_stcore/stream``, asks for a script run of Overzicht (``?gemeente=GM0114``), waits for
``script_finished``, then changes the municipality (a widget state for the sidebar selectbox)
and waits again. Figures: p50/p95 of the time to a finished script run, errors (exceptions or
error alerts in the page, protocol errors, time-outs), and server memory (RSS) before and
after, for one session alone and for N at once, for the dashboard and the bare app in the
same run. A handful of real Chromium sessions then check that the protocol-driven figures agree
with what a browser sees.
Bounded: every session has a time-out, the whole run stops by itself; loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.harness import (  # noqa: E402
    CHROMIUM_ARGS,
    ROOT,
    Server,
    chromium_executable,
    start,
    wait_for_run,
)
from benchmarks.protocol import (  # noqa: E402
    SUBPROTOCOLS,
    pct,
    rerun_message,
    script_run,
    stream_url,
)

SESSION_TIMEOUT = 120.0
CHOICES = ["Borger-Odoorn", "Coevorden", "Hoogeveen"]


@dataclass
class SessionResult:
    load: float | None = None
    change: float | None = None
    errors: list[str] = field(default_factory=list)


async def session(url: str, query: str, index: int, delay: float = 0.0) -> SessionResult:
    result = SessionResult()
    await asyncio.sleep(delay)
    try:
        async with asyncio.timeout(SESSION_TIMEOUT):
            async with websockets.connect(
                stream_url(url), subprotocols=SUBPROTOCOLS, max_size=None
            ) as ws:
                first = await script_run(ws, rerun_message(query))
                result.load = first.seconds
                result.errors += first.errors
                # the dashboard's sidebar selectbox has the key 'gemeente'; the bare app's
                # only selectbox has none
                select_id = first.widgets.get("gemeente") or first.widgets.get("selectbox")
                if select_id is None:
                    result.errors.append("no selectbox in the page")
                    return result
                choice = CHOICES[index % len(CHOICES)]
                change = await script_run(ws, rerun_message(query, strings={select_id: choice}))
                result.change = change.seconds
                result.errors += change.errors
    except (TimeoutError, OSError, websockets.WebSocketException) as exc:
        result.errors.append(f"{type(exc).__name__}: {exc}")
    return result


async def many(url: str, query: str, n: int, ramp: float = 0.0) -> list[SessionResult]:
    """n sessions; with ``ramp`` their starts are spread evenly over that many seconds
    (people opening a shared link within a few seconds, not in the same millisecond)."""
    step = ramp / n if n else 0.0
    return await asyncio.gather(*(session(url, query, i, i * step) for i in range(n)))


def summarise(results: list[SessionResult]) -> dict[str, float]:
    runs = [r.load for r in results if r.load] + [r.change for r in results if r.change]
    return {
        "p50": pct(runs, 0.5),
        "p95": pct(runs, 0.95),
        "errors": sum(len(r.errors) for r in results),
    }


def measure_app(
    script: Path, query: str, sessions: int, singles: int, ramp: float
) -> dict[str, object]:
    server = start(script)
    url = server.url
    try:
        asyncio.run(many(url, query, 1))  # warm-up: caches filled, as in a running server
        rss_before = server.rss_mb()
        single: list[SessionResult] = []
        for _ in range(singles):
            single += asyncio.run(many(url, query, 1))
        wall = time.perf_counter()
        crowd = asyncio.run(many(url, query, sessions, ramp))
        wall = time.perf_counter() - wall
        burst = asyncio.run(many(url, query, sessions)) if ramp else crowd
        rss_after = server.rss_mb()
        errors = [e for r in crowd + single for e in r.errors]
        return {
            "single": summarise(single),
            "crowd": summarise(crowd),
            "burst": summarise(burst),
            "wall": wall,
            "rss_before": rss_before,
            "rss_after": rss_after,
            "error_samples": errors[:3],
            "url": url,
            "server": server,
        }
    except BaseException:
        server.stop()
        raise


def browser_check(url: str, n: int) -> list[float]:
    """n real Chromium sessions at once: seconds until Overzicht's first run finished."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        pages = [browser.new_context().new_page() for _ in range(n)]
        starts = []
        for page in pages:
            starts.append(time.perf_counter())
            page.goto(f"{url}/overzicht?gemeente=GM0114", wait_until="commit")
        for page, started in zip(pages, starts, strict=True):
            wait_for_run(page)
            times.append(time.perf_counter() - started)
        browser.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--singles", type=int, default=5)
    parser.add_argument("--browsers", type=int, default=5)
    parser.add_argument(
        "--ramp",
        type=float,
        default=10.0,
        help="seconds over which the sessions start (0 = all at once)",
    )
    args = parser.parse_args()
    bare = measure_app(
        ROOT / "benchmarks" / "minimal_app.py", "", args.sessions, args.singles, args.ramp
    )
    bare_server: Server = bare.pop("server")  # type: ignore[assignment]
    bare_server.stop()
    app = measure_app(ROOT / "app.py", "gemeente=GM0114", args.sessions, args.singles, args.ramp)
    server: Server = app.pop("server")  # type: ignore[assignment]
    try:
        browser_times = browser_check(str(app["url"]), args.browsers) if args.browsers else []
        # The same number of protocol sessions at once, for the comparison.
        ws_small = summarise(
            asyncio.run(many(str(app["url"]), "gemeente=GM0114", max(args.browsers, 1)))
        )
    finally:
        server.stop()
    print(f"{'':22}{'p50':>9}{'p95':>9}{'errors':>8}{'RSS MB':>14}")
    for name, res in (("bare app", bare), ("dashboard", app)):
        for label in ("single", "crowd", "burst"):
            s = res[label]
            rss = res["rss_before"] if label == "single" else res["rss_after"]
            n = {
                "single": "1",
                "crowd": f"{args.sessions} ramp",
                "burst": f"{args.sessions} burst",
            }[label]
            print(
                f"{name + f' x{n}':22}{s['p50'] * 1000:8.0f}ms{s['p95'] * 1000:8.0f}ms"
                f"{s['errors']:8d}{rss:12.0f}"
            )
    a_single, a_crowd = app["single"], app["crowd"]
    ratio = a_crowd["p95"] / a_single["p95"]
    bare_ratio = bare["crowd"]["p95"] / bare["single"]["p95"]
    growth = app["rss_after"] - app["rss_before"]
    print(
        f"dashboard p95 under {args.sessions} sessions starting within {args.ramp:.0f} s = "
        f"{ratio:.2f} x single (bare app: {bare_ratio:.2f} x); target <= 4"
    )
    print(
        f"all {args.sessions} in the same instant: dashboard "
        f"{app['burst']['p95'] / a_single['p95']:.1f} x single, bare app "
        f"{bare['burst']['p95'] / bare['single']['p95']:.1f} x (runs queue on the cores)"
    )
    print(
        f"dashboard memory growth for {args.sessions} sessions: {growth:+.0f} MB "
        f"({growth / args.sessions:.1f} MB per session; bare app "
        f"{bare['rss_after'] - bare['rss_before']:+.0f} MB)"
    )
    if browser_times:
        print(
            f"{args.browsers} Chromium sessions at once: median "
            f"{statistics.median(browser_times) * 1000:.0f} ms to a finished first run; "
            f"{args.browsers} protocol sessions at once: p50 {ws_small['p50'] * 1000:.0f} ms"
        )
    if app["error_samples"] or bare["error_samples"]:
        print("error samples:", app["error_samples"] or bare["error_samples"])
    ok = a_crowd["errors"] == 0 and app["burst"]["errors"] == 0 and ratio <= 4
    print("targets", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
