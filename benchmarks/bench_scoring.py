"""Benchmark: scoring every municipality, indicator and year from the loaded snapshot.

Run: ``.venv/bin/python benchmarks/bench_scoring.py``. Prints the median of several runs, the
row counts, and the ratio to a baseline measured in the same run (one groupby-mean over the same
observations: the cheapest pass any scoring must make), so a noisy machine shows as noise in
both. Target (issue 3): median under 0.2 s.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indicators import scoring  # noqa: E402
from indicators.snapshot import load_snapshot  # noqa: E402

RUNS = 15
TARGET_SECONDS = 0.2


def timed(fn, runs: int = RUNS) -> list[float]:
    fn()  # warm-up (imports, caches)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    snap = load_snapshot()
    obs, regions = snap.observations, snap.regions
    result = scoring.compute(obs, regions)
    base = timed(lambda: obs.groupby(["indicator", "year"])["value"].mean())
    full = timed(lambda: scoring.compute(obs, regions))
    sens = timed(lambda: scoring.sensitivity(result), runs=5)
    med_base, med_full, med_sens = (statistics.median(t) for t in (base, full, sens))
    print(
        f"observations: {len(obs):,} rows; z rows: {len(result.z):,}; "
        f"goal scores: {len(result.actueel):,} actueel, {len(result.per_jaar):,} per jaar; "
        f"municipalities ranked: {len(result.municipalities)}"
    )
    print(f"baseline groupby-mean   median {med_base * 1000:8.1f} ms")
    print(
        f"scoring.compute          median {med_full * 1000:8.1f} ms  "
        f"(x{med_full / med_base:.0f} baseline; min {min(full) * 1000:.1f}, "
        f"max {max(full) * 1000:.1f})"
    )
    print(f"scoring.sensitivity      median {med_sens * 1000:8.1f} ms")
    ok = med_full < TARGET_SECONDS
    print(f"target < {TARGET_SECONDS * 1000:.0f} ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
