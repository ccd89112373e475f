"""Soak run: several protocol sessions walk the dashboard at random for M minutes, one server.

Run: ``.venv/bin/python benchmarks/soak.py --minutes 60 [--sessions 5] [--think 1.0]
[--seed N] [--json FILE]``.

Each session speaks Streamlit's websocket protocol (``protocol.py``, as ``load_test.py``) and
takes random steps, with a random pause of 0 to 2 x ``--think`` seconds between them:

* open a page (the nine in the navigation, or the presentation mode at a random slide) by
  its link: municipality or region (GM0114, GM0109, GM0118, GM1681, ZOD), an indicator (ids
  from ``indicators.catalog.INDICATORS``) on Verkennen and Kaart and sometimes elsewhere, a goal
  (1-3), sometimes a year;
* choose another municipality in the sidebar selectbox (a widget state, as a browser sends);
* choose another option in one of the page's own selectboxes or radios (indicator, year, goal);
* switch the language in the sidebar (NL/EN); a session's first link also carries ``lang``.

After 5 to 30 steps a session closes its websocket and opens a new one (a new Streamlit
session), so sessions come and go as readers do. Every minute it prints the server's memory
(RSS: the median of the samples taken every 5 s in that minute, and the highest), the runs
finished in that minute, their errors and p50/p95 run time (request sent to
``script_finished``). Errors: an exception or error element in the delta stream, a compile
error, a page not found, a run taking longer than 60 s, a broken connection, and tracebacks in
the server's log.

At the end, a summary against the targets of issue 12:

* 0 errors;
* memory: RSS at every minute after the first ten stays within +30 MB of the RSS at minute 10
  (not judged in a run of 10 minutes or less: the caches are still filling; the growth from
  minute 1 is printed instead). A minute's RSS is the median of its samples (one every 5 s,
  and one at its end): one sample lands on whatever runs are in flight, and with five sessions
  the server's memory swings by 20-40 MB within a minute (measured), so single samples judged
  a minute by its luck. The highest single sample after minute 10 is printed as well;
* p95 flat: the p95 of the last 10 minutes over the p95 of the first 10 minutes after a
  one-minute warm-up is <= 1.25 (shorter runs: windows of (M - 1) // 2 minutes, at least 1).

Bounded: no new step starts after M minutes, a step in flight gets 30 s more, then the sessions
are cancelled and the server stopped (also on Ctrl-C or SIGTERM). Loopback only. On a 2-core
machine shared with other work the timings are indicative.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import websockets

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.harness import (  # noqa: E402
    NAVIGATION,
    ROOT,
    SLIDES,
    Server,
    load_average,
    start,
    write_json,
)
from benchmarks.protocol import (  # noqa: E402
    SUBPROTOCOLS,
    Run,
    pct,
    rerun_message,
    script_run,
    stream_url,
)

REGIONS = ["GM0114", "GM0109", "GM0118", "GM1681", "ZOD"]
LANGS = ["nl", "en"]
PAGES = [*NAVIGATION, SLIDES]
YEARS = list(range(2012, 2026))
RUN_TIMEOUT = 60.0
GRACE = 30.0
MEMORY_BASE_MINUTE = 10
MEMORY_MARGIN_MB = 30.0
RSS_SAMPLE_SECONDS = 5.0
FLAT_LIMIT = 1.25
STEPS_PER_SESSION = (5, 30)


def indicator_ids() -> list[str]:
    from indicators.catalog import INDICATORS

    return [ind.id for ind in INDICATORS]


# --- the walk -----------------------------------------------------------------------------


@dataclass
class Step:
    """One script run of the walk."""

    minute: int  # minutes since the start in which the run finished
    at: float  # seconds since the start at which it finished
    page: str
    action: str
    seconds: float | None  # None: no run finished (time-out, broken connection)
    errors: list[str] = field(default_factory=list)


def page_name(page: str) -> str:
    """The url path Streamlit's protocol takes: Overzicht is the default page ('')."""
    if page == "overzicht":
        return ""
    if page == SLIDES:
        return "presentatie"
    return page


def link(page: str, rng: random.Random, indicators: list[str], lang: str | None) -> str:
    """A random link's query string for ``page``."""
    params = {"gemeente": rng.choice(REGIONS)}
    if page in ("verkennen", "kaart") or rng.random() < 0.2:
        params["indicator"] = rng.choice(indicators)
    if page in ("verkennen", "kaart") and rng.random() < 0.3:
        params["jaar"] = str(rng.choice(YEARS))
    if page in ("per_doel", "vergelijken") or rng.random() < 0.2:
        params["doel"] = str(rng.randint(1, 3))
    if page == SLIDES:
        params["modus"] = "presentatie"
        params["dia"] = str(rng.randint(1, 6))
    if lang:
        params["lang"] = lang
    return "&".join(f"{k}={v}" for k, v in params.items())


def note(
    steps: list[Step], t0: float, page: str, action: str, seconds: float | None, errors: list[str]
) -> None:
    """Record a step that has just ended (``t0``: the start, monotonic clock)."""
    at = time.monotonic() - t0
    steps.append(Step(int(at // 60), round(at, 3), page, action, seconds, errors))


class Walker:
    """One reader: opens sessions one after another and takes random steps until ``stop``."""

    def __init__(
        self,
        url: str,
        rng: random.Random,
        indicators: list[str],
        think: float,
        stop_at: float,
        t0: float,
        steps: list[Step],
    ) -> None:
        self.url, self.rng, self.indicators, self.think = url, rng, indicators, think
        self.stop_at, self.t0, self.steps = stop_at, t0, steps

    def note(self, page: str, action: str, seconds: float | None, errors: list[str]) -> None:
        note(self.steps, self.t0, page, action, seconds, errors)

    async def walk(self) -> None:
        while time.monotonic() < self.stop_at:
            try:
                await self.session()
            except (OSError, websockets.WebSocketException) as exc:
                self.note("-", "connect", None, [f"{type(exc).__name__}: {exc}"])
                await asyncio.sleep(1)

    async def session(self) -> None:
        rng = self.rng
        async with websockets.connect(
            stream_url(self.url), subprotocols=SUBPROTOCOLS, max_size=None
        ) as ws:
            page = rng.choice(PAGES)
            last = await self.step(
                ws, page, "open", link(page, rng, self.indicators, rng.choice(LANGS))
            )
            for _ in range(rng.randint(*STEPS_PER_SESSION)):
                if last is None or time.monotonic() >= self.stop_at:
                    return
                await asyncio.sleep(rng.uniform(0, 2 * self.think))
                if time.monotonic() >= self.stop_at:
                    return
                page, action, query, strings, lists = self.choose(page, last)
                last = await self.step(ws, page, action, query, strings, lists)

    def choose(self, page: str, last: Run):
        """The next step from the page the session is on and what its last run drew."""
        rng = self.rng
        query = last.query or ""
        sidebar = page != SLIDES
        own = [
            wid
            for key, wid in last.widgets.items()
            if wid in last.options and key != "gemeente" and len(last.options[wid]) > 1
        ]
        roll = rng.random()
        if roll < 0.2 and sidebar and "gemeente" in last.widgets:
            wid = last.widgets["gemeente"]
            return page, "region", query, {wid: rng.choice(last.options[wid])}, None
        if roll < 0.4 and own:
            wid = rng.choice(own)
            return page, "widget", query, {wid: rng.choice(last.options[wid])}, None
        if roll < 0.5 and sidebar and "lang" in last.widgets:
            wid = last.widgets["lang"]
            return page, "language", query, None, {wid: [rng.choice(LANGS).upper()]}
        new_page = rng.choice(PAGES)
        return new_page, "open", link(new_page, rng, self.indicators, None), None, None

    async def step(
        self,
        ws,
        page: str,
        action: str,
        query: str,
        strings: dict[str, str] | None = None,
        lists: dict[str, list[str]] | None = None,
    ) -> Run | None:
        message = rerun_message(query, page_name(page), strings, lists)
        try:
            async with asyncio.timeout(RUN_TIMEOUT):
                run = await script_run(ws, message)
        except TimeoutError:
            self.note(page, action, None, [f"time-out: no script_finished in {RUN_TIMEOUT:.0f} s"])
            return None
        except (OSError, websockets.WebSocketException) as exc:
            self.note(page, action, None, [f"{type(exc).__name__}: {exc}"])
            return None
        self.note(page, action, run.seconds, run.errors)
        return run


# --- figures (pure; tested in tests/test_benchmarks.py) -----------------------------------


@dataclass
class Minute:
    minute: int  # 1-based: the figures of the minute that has just ended
    rss_mb: float  # median of the minute's samples
    runs: int
    errors: int
    p50: float
    p95: float
    load: float = float("nan")  # the machine's 1-minute load average at the minute's end
    rss_max_mb: float = float("nan")  # the highest of the minute's samples


def minute_figures(
    minute: int, rss_samples: list[float], steps: list[Step], load: float = float("nan")
) -> Minute:
    """The figures of minute ``minute`` (1-based) from its RSS samples and all steps so far."""
    own = [s for s in steps if s.minute == minute - 1]
    times = [s.seconds for s in own if s.seconds is not None]
    errors = sum(len(s.errors) for s in own)
    rss = [r for r in rss_samples if not math.isnan(r)]
    return Minute(
        minute,
        pct(rss, 0.5),  # the median
        len(times),
        errors,
        pct(times, 0.5),
        pct(times, 0.95),
        load,
        max(rss) if rss else float("nan"),
    )


def format_minute(m: Minute) -> str:
    return (
        f"minute {m.minute:3d}: RSS {m.rss_mb:6.0f} MB (max {m.rss_max_mb:4.0f}), runs "
        f"{m.runs:4d}, errors "
        f"{m.errors:3d}, p50 {m.p50 * 1000:6.0f} ms, p95 {m.p95 * 1000:6.0f} ms, "
        f"load {m.load:4.1f}"
    )


def windows(minutes: int) -> tuple[int, range, range]:
    """(memory baseline minute, first p95 window, last p95 window), minutes 1-based.

    The memory baseline is minute 10; the p95 windows are the first W minutes after a
    one-minute warm-up and the last W minutes, with W = 10 for an hour and (M - 1) // 2 (at
    least 1) for shorter runs."""
    base = MEMORY_BASE_MINUTE
    width = max(1, min(10, (minutes - 1) // 2))
    first = range(2, 2 + width) if minutes >= 2 else range(1, 2)
    last = range(minutes - width + 1, minutes + 1)
    return base, first, last


def judge(minutes: int, curve: list[Minute], steps: list[Step], log_errors: int) -> dict:
    """The summary against the targets: errors, memory growth after the baseline, p95 ratio."""
    base, first, last = windows(minutes)
    errors = sum(len(s.errors) for s in steps) + log_errors
    rss = {m.minute: m.rss_mb for m in curve}
    base_rss = rss.get(base, float("nan"))
    later = [v for k, v in rss.items() if k > base]
    growth = max(later) - base_rss if later else float("nan")
    peaks = [m.rss_max_mb for m in curve if m.minute > base and not math.isnan(m.rss_max_mb)]
    peak = max(peaks) - base_rss if peaks else float("nan")
    from_first = max(rss.values()) - rss[1] if 1 in rss else float("nan")

    def window_p95(window: range) -> float:
        return pct(
            [s.seconds for s in steps if s.seconds is not None and s.minute + 1 in window], 0.95
        )

    p95_first, p95_last = window_p95(first), window_p95(last)

    def window_load(window: range) -> float:
        loads = [m.load for m in curve if m.minute in window and not math.isnan(m.load)]
        return sum(loads) / len(loads) if loads else float("nan")

    flat = p95_last / p95_first if p95_first else float("nan")
    return {
        "errors": errors,
        "errors_ok": errors == 0,
        "memory_base_minute": base,
        "memory_base_mb": base_rss,
        "memory_growth_mb": growth,
        "memory_peak_sample_mb": peak,  # the highest single sample after the baseline
        "memory_growth_from_minute_1_mb": from_first,
        # None: not judged, the run has no minute after the baseline
        "memory_ok": growth <= MEMORY_MARGIN_MB if later else None,
        "p95_first_window": [first.start, first.stop - 1],
        "p95_last_window": [last.start, last.stop - 1],
        "p95_first": p95_first,
        "p95_last": p95_last,
        "p95_ratio": flat,
        "load_first": window_load(first),
        "load_last": window_load(last),
        "p95_ok": flat <= FLAT_LIMIT,
    }


def passed(verdict: dict) -> bool:
    """Every target met; memory not judged (a short run) does not fail."""
    return verdict["errors_ok"] and verdict["memory_ok"] is not False and verdict["p95_ok"]


def format_summary(minutes: int, verdict: dict, steps: list[Step]) -> list[str]:
    """The summary lines: each target met or not, runs per page, the errors by kind."""
    v = verdict
    early = sum(len(s.errors) for s in steps if s.minute == 0)
    lines = [
        f"errors: {v['errors']} (target 0): {'met' if v['errors_ok'] else 'NOT met'}"
        + (f"; {early} of them in the first minute" if early else "")
    ]
    kinds: dict[str, int] = {}
    for s in steps:
        for error in s.errors:
            kind = f"{s.page} ({s.action}): {error[:90]}"
            kinds[kind] = kinds.get(kind, 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1])[:8]:
        lines.append(f"  {count} x {kind}")
    lines += [
        (
            f"memory: max RSS (per-minute median) after minute {v['memory_base_minute']} is "
            f"{v['memory_growth_mb']:+.0f} MB from {v['memory_base_mb']:.0f} MB at minute "
            f"{v['memory_base_minute']} (target <= +{MEMORY_MARGIN_MB:.0f} MB): "
            f"{'met' if v['memory_ok'] else 'NOT met'}; highest single sample "
            f"{v['memory_peak_sample_mb']:+.0f} MB"
            if v["memory_ok"] is not None
            else f"memory: not judged, the run ends before minute {v['memory_base_minute'] + 1} "
            f"(caches still filling); max RSS {v['memory_growth_from_minute_1_mb']:+.0f} MB "
            "from minute 1"
        ),
        f"p95 flat: minutes {v['p95_last_window'][0]}-{v['p95_last_window'][1]} "
        f"{v['p95_last'] * 1000:.0f} ms / minutes {v['p95_first_window'][0]}-"
        f"{v['p95_first_window'][1]} {v['p95_first'] * 1000:.0f} ms = {v['p95_ratio']:.2f} "
        f"(target <= {FLAT_LIMIT}): {'met' if v['p95_ok'] else 'NOT met'}; machine load "
        f"average {v['load_last']:.1f} / {v['load_first']:.1f} in those windows",
    ]
    per_page: dict[str, list[float]] = {}
    for s in steps:
        if s.seconds is not None:
            per_page.setdefault(s.page, []).append(s.seconds)
    lines.append(
        "runs per page (n, p50/p95 ms): "
        + "; ".join(
            f"{p} {len(t)}, {pct(t, 0.5) * 1000:.0f}/{pct(t, 0.95) * 1000:.0f}"
            for p, t in sorted(per_page.items())
        )
    )
    ok = passed(v)
    lines.append(f"soak of {minutes} min: targets {'met' if ok else 'NOT met'}")
    return lines


# --- running ------------------------------------------------------------------------------


CHAINED = (
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
)


@dataclass
class LogError:
    """One traceback the server logged: the line before it, the last frame in the project's
    own code, and the exception line."""

    header: str
    where: str
    error: str

    @property
    def page_exception(self) -> bool:
        """An exception in a page (Streamlit shows it in the page and logs it): already
        counted from the delta stream."""
        return self.header.endswith("Uncaught app execution")

    def __str__(self) -> str:
        return f"{self.where}: {self.error}" if self.where else self.error


def log_errors(text: str) -> list[LogError]:
    """The tracebacks in a server log, one per logged record (a chained traceback, 'During
    handling of the above exception', belongs to the record it follows; its last exception
    line is the record's)."""
    records: list[LogError] = []
    previous, inside = "", False
    for line in text.splitlines():
        stripped = line.strip()
        if line.startswith("Traceback (most recent call last):"):
            if previous not in CHAINED or not records:
                records.append(LogError(previous, "", ""))
            inside = True
        elif inside and line.startswith('  File "'):
            path = line.split('"')[1]
            if path.startswith(str(ROOT)) and "/.venv/" not in path:
                frame = f"{path[len(str(ROOT)) + 1 :]} {line.split(', ')[1]}"
                first = records[-1].where.split(" -> ")[0]
                records[-1].where = f"{first} -> {frame}" if first else frame
        elif inside and line and not line[0].isspace():
            records[-1].error = stripped[:200]
            inside = False
        if stripped:
            previous = stripped
    return records


async def soak(
    server: Server,
    minutes: int,
    sessions: int,
    think: float,
    seed: int | None,
    curve: list[Minute],
    steps: list[Step],
) -> None:
    """Walk for ``minutes``, appending to ``curve`` (a line printed per minute) and ``steps``."""
    t0 = time.monotonic()
    stop_at = t0 + minutes * 60
    master = random.Random(seed)
    indicators = indicator_ids()
    walkers = [
        Walker(server.url, random.Random(master.random()), indicators, think, stop_at, t0, steps)
        for _ in range(sessions)
    ]
    tasks = [asyncio.create_task(w.walk()) for w in walkers]
    samples: list[float] = []  # RSS since the last minute's end

    async def sample_rss() -> None:
        while True:
            samples.append(server.rss_mb())
            await asyncio.sleep(RSS_SAMPLE_SECONDS)

    sampler = asyncio.create_task(sample_rss())
    try:
        for minute in range(1, minutes + 1):
            await asyncio.sleep(max(0.0, t0 + minute * 60 - time.monotonic()))
            if server.proc.poll() is not None:
                note(steps, t0, "-", "server", None, [f"exited with {server.proc.returncode}"])
                break
            load = (load_average() or (float("nan"),))[0]
            own, samples[:] = [*samples, server.rss_mb()], []
            figures = minute_figures(minute, own, steps, load)
            curve.append(figures)
            print(format_minute(figures), flush=True)
        # no new step starts now; a run in flight gets GRACE seconds
        done, pending = await asyncio.wait(tasks, timeout=GRACE)
        for task in done:
            if task.exception() is not None:
                exc = task.exception()
                note(steps, t0, "-", "session", None, [f"{type(exc).__name__}: {exc}"])
    finally:
        for task in [*tasks, sampler]:
            task.cancel()
        await asyncio.gather(*tasks, sampler, return_exceptions=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=int, required=True, help="length of the walk")
    parser.add_argument("--sessions", type=int, default=5, help="readers at once")
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean pause between a reader's steps, in seconds"
    )
    parser.add_argument("--seed", type=int, help="for a repeatable walk")
    parser.add_argument("--json", type=Path, help="write the curve and every run to this file")
    args = parser.parse_args(argv)
    if args.minutes < 1 or args.sessions < 1:
        parser.error("--minutes and --sessions must be at least 1")

    def terminate(signum, frame) -> None:  # noqa: ANN001 - SIGTERM cleans up like Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        log = Path(tmp) / "server.log"
        with log.open("w") as handle:
            server = start(ROOT / "app.py", log=handle)
            print(
                f"soak: {args.sessions} sessions for {args.minutes} min against {server.url} "
                f"(server pid {server.pid}, RSS {server.rss_mb():.0f} MB at the start)",
                flush=True,
            )
            curve: list[Minute] = []
            steps: list[Step] = []
            minutes = args.minutes
            try:
                walk = soak(server, minutes, args.sessions, args.think, args.seed, curve, steps)
                asyncio.run(asyncio.wait_for(walk, timeout=minutes * 60 + GRACE + 30))
            except KeyboardInterrupt:
                minutes = len(curve)
                print(f"interrupted: the summary covers the {minutes} whole minute(s) done")
            finally:
                server.stop()
        logged = log_errors(log.read_text(errors="replace"))
    if not curve:
        return 130
    server_errors = [e for e in logged if not e.page_exception]
    verdict = judge(minutes, curve, steps, len(server_errors))
    for line in format_summary(minutes, verdict, steps):
        print(line)
    if logged:
        # the page shows only a redacted message; the log has the exception
        kinds: dict[str, int] = {}
        for error in logged:
            kind = ("page: " if error.page_exception else "server: ") + str(error)
            kinds[kind] = kinds.get(kind, 0) + 1
        print("exceptions in the server log:")
        for kind, count in kinds.items():
            print(f"  {count} x {kind}")
    print("memory curve (MB, median per minute): " + " ".join(f"{m.rss_mb:.0f}" for m in curve))
    print("highest sample (MB per minute): " + " ".join(f"{m.rss_max_mb:.0f}" for m in curve))
    if args.json:
        write_json(
            args.json,
            {
                "minutes": minutes,
                "sessions": args.sessions,
                "think": args.think,
                "seed": args.seed,
                "curve": [asdict(m) for m in curve],
                "verdict": verdict,
                "log_errors": [asdict(e) for e in logged],
                "steps": [asdict(s) for s in steps],
            },
        )
    return 0 if passed(verdict) else 1


if __name__ == "__main__":
    sys.exit(main())
