"""The background build of a view for the other regions (pages.shared.RegionPrefetch), and
when it may run (pages.activity)."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from pages import serving
from pages.activity import ServerActivity
from pages.shared import RegionPrefetch

REGIONS = ("GM0114", "GM0109", "ZOD")


class Recorder:
    """A stand-in for the view cache: records what is built; fails on request."""

    def __init__(self, fail: set[tuple] | None = None) -> None:
        self.built: list[tuple] = []
        self.fail = fail or set()

    def __call__(self, module: str, name: str, args: tuple) -> object:
        if (module, name, args) in self.fail:
            raise ValueError("broken view")
        self.built.append((module, name, args))
        return object()


def wait_for(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_the_siblings_are_the_same_call_with_each_other_region_in_its_place():
    prefetch = RegionPrefetch(REGIONS, Recorder())
    key = ("m", "goal_card_for", ("GM0114", 2, "nl"))
    assert sorted(prefetch.siblings(key)) == [
        ("m", "goal_card_for", ("GM0109", 2, "nl")),
        ("m", "goal_card_for", ("ZOD", 2, "nl")),
    ]
    # Nothing region-specific, nothing to build; a region inside a tuple is not the region
    assert prefetch.siblings(("m", "outlook_for", ("nl",))) == []
    assert prefetch.siblings(("m", "comparison_for", (("GM0114", "ZOD"), 1, "nl"))) == []


def test_each_sibling_is_built_once_in_the_background_after_a_quiet_spell():
    build = Recorder()
    prefetch = RegionPrefetch(REGIONS, build, quiet=0.5)
    prefetch.after_view(("m", "series_for", ("x", "GM0109", True, "nl")))
    time.sleep(0.2)
    assert build.built == []  # a page may still be running: the thread waits for quiet
    assert wait_for(lambda: len(build.built) == 2)
    assert sorted(k[2][1] for k in build.built) == ["GM0114", "ZOD"]
    # The regions' own requests (now hits) and repeats schedule nothing new
    prefetch.after_view(("m", "series_for", ("x", "ZOD", True, "nl")))
    prefetch.after_view(("m", "series_for", ("x", "GM0109", True, "nl")))
    time.sleep(1.0)
    assert len(build.built) == 2


def test_a_view_that_fails_to_build_does_not_stop_the_others(caplog):
    broken = ("m", "map_for", ("GM0109",))
    build = Recorder(fail={broken})
    prefetch = RegionPrefetch(REGIONS, build, quiet=0.0)
    prefetch.after_view(("m", "map_for", ("GM0114",)))
    assert wait_for(lambda: build.built == [("m", "map_for", ("ZOD",))])
    assert wait_for(lambda: "prefetch of" in caplog.text)


def test_on_a_busy_server_only_the_newest_guesses_wait_and_are_built_newest_first():
    build = Recorder()
    prefetch = RegionPrefetch(REGIONS, build, quiet=0.5, backlog=3)
    for view in ("a", "b", "c"):  # two guesses each: six, of which the newest three wait
        prefetch.after_view(("m", view, ("GM0114",)))
    assert wait_for(lambda: len(build.built) == 3)
    time.sleep(1.0)
    assert build.built == [
        ("m", "c", ("ZOD",)),
        ("m", "c", ("GM0109",)),
        ("m", "b", ("ZOD",)),
    ]
    # A dropped guess was forgotten: asked for again, it is guessed (and built) again
    prefetch.after_view(("m", "a", ("GM0114",)))
    assert wait_for(lambda: len(build.built) == 5)
    assert sorted(build.built[3:]) == [("m", "a", ("GM0109",)), ("m", "a", ("ZOD",))]


class Clock:
    """A hand-set clock (seconds)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_server_is_idle_only_after_runs_page_loads_and_views_are_over():
    clock = Clock(10.0)
    activity = ServerActivity(clock)
    clock.now = 12.0
    assert activity.idle_for() == 2.0
    activity.page_load()  # its scripts and first run are due until 12 + 1.5
    clock.now = 13.0
    assert activity.idle_for() == 0.0
    clock.now = 14.0
    assert activity.idle_for() == 0.5
    with activity.script_run():
        clock.now = 30.0  # however long the run takes
        assert activity.idle_for() == 0.0
    clock.now = 30.25
    assert activity.idle_for() == 0.25
    activity.busy()  # a view asked for
    assert activity.idle_for() == 0.0


def test_a_run_that_ends_by_an_exception_is_over_too():
    clock = Clock(0.0)
    activity = ServerActivity(clock)
    with pytest.raises(RuntimeError), activity.script_run():
        raise RuntimeError("a rerun or a stop ends a run by raising")
    clock.now = 1.0
    assert activity.runs == 0 and activity.idle_for() == 1.0


def test_nothing_is_built_ahead_while_a_readers_run_is_going():
    build = Recorder()
    activity = ServerActivity()
    prefetch = RegionPrefetch(REGIONS, build, quiet=0.1, activity=activity)
    with activity.script_run():
        prefetch.after_view(("m", "series_for", ("x", "GM0109", True, "nl")))
        time.sleep(0.6)  # six quiet spells, but the run is still going
        assert build.built == []
    assert wait_for(lambda: len(build.built) == 2)


def test_serving_a_pages_html_holds_the_background_work_for_its_load(monkeypatch):
    clock = Clock(100.0)
    activity = ServerActivity(clock)
    monkeypatch.setattr(serving, "ACTIVITY", activity)
    clock.now = 101.0
    # In a thread of its own: a browser test earlier in the session may leave this thread's
    # event loop running (Playwright's sync API), where asyncio.run() refuses to start.
    with ThreadPoolExecutor(1) as pool:
        response = pool.submit(asyncio.run, serving.page(None)).result()
    assert response.status_code == 200
    clock.now = 102.0
    assert activity.idle_for() == 0.0  # 1 s into the load: still due
    clock.now = 103.0
    assert activity.idle_for() == 0.5  # 101 + 1.5 s hold, then 0.5 s idle
