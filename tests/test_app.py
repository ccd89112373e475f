"""The app headless (streamlit.testing.v1.AppTest): it renders the snapshot's numbers."""

from __future__ import annotations

import contextlib

import pytest
from streamlit.testing.v1 import AppTest

from indicators.formatting import format_number
from indicators.snapshot import load_snapshot
from tests.conftest import DATA, ROOT
from tests.html_text import population_figures


def test_overview_shows_latest_population_of_the_four():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    metrics = population_figures(at)
    obs = load_snapshot(DATA).observations
    pop = obs[obs.indicator == "population"]
    latest = int(pop[pop.region == "GM0114"]["year"].max())
    for code, name in [
        ("GM0114", "Emmen"),
        ("GM0109", "Coevorden"),
        ("GM0118", "Hoogeveen"),
        ("GM1681", "Borger-Odoorn"),
    ]:
        expected = pop[(pop.region == code) & (pop.year == latest)]["value"].iloc[0]
        assert metrics[name] == format_number(expected)
    assert any(str(latest) in h.value for h in at.subheader)


def test_dutch_number_format():
    assert format_number(109346) == "109.346"
    assert format_number(1234.56, 1) == "1.234,6"
    assert format_number(float("nan")) == "–"


def in_fresh_interpreter(code: str) -> list[str]:
    """Run ``code`` in a new Python process at the project root and return its printed lines.

    The collector's state is the whole process's: in the suite, the background builds of
    earlier page tests (``shared.RegionPrefetch``) allocate, collect and freeze on their own
    thread while a test counts, so these tests run where no other thread is."""
    import subprocess
    import sys
    import textwrap

    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_cached_resources_leave_the_collectors_sight_after_their_garbage_is_freed():
    """Streamlit's full collection after every run must not rescan the snapshot and caches;
    a cycle dropped while building must still be freed, not frozen."""
    freed, same, more_frozen, left = in_fresh_interpreter(
        """
        import gc, weakref
        from pages.shared import _frozen

        class Node:
            pass

        gc.disable()  # only _frozen's own collection may free the cycle below
        dropped = Node()
        dropped.me = dropped
        gone = weakref.ref(dropped)
        del dropped
        kept = Node()
        kept.me = kept
        frozen_before = gc.get_freeze_count()
        same = _frozen(kept) is kept
        left = gc.get_count()[0]
        print(gone() is None, same, gc.get_freeze_count() > frozen_before, left)
        """
    )
    assert (freed, same, more_frozen) == ("True", "True", "True")
    assert left == "0"  # nothing left for the next collection to scan


def test_a_rescan_frees_a_frozen_cycle_once_it_is_dropped():
    """An evicted cached view that holds a reference cycle must not stay forever."""
    after_freeze, after_rescan = in_fresh_interpreter(
        """
        import gc, weakref
        from pages.shared import _frozen

        class Node:
            pass

        gc.disable()
        view = Node()
        view.me = view
        evicted = weakref.ref(view)
        _frozen(view)  # cached: frozen with everything else
        del view  # evicted from the cache; only the cycle keeps it
        _frozen(None)
        after_freeze = evicted() is not None  # a plain freeze never looks at it again
        _frozen(None, rescan=True)
        print(after_freeze, evicted() is None)
        """
    )
    assert (after_freeze, after_rescan) == ("True", "True")


def test_rescans_wait_for_enough_misses_and_enough_time():
    """A rescan holds the GIL for most of a second: after 3 misses and 30 s, not sooner."""
    from pages.shared import RescanSchedule

    now = [100.0]
    schedule = RescanSchedule(every=3, seconds=30.0, clock=lambda: now[0])
    seen = []
    for at in (101, 102, 103, 129.9, 130.0, 131, 132, 500):  # misses at these times
        now[0] = at
        seen.append(schedule.due())
    # 3 misses by t=103 but only 3 s gone; the 5th at 130 is 30 s after the start: rescan.
    # Counting restarts: 131, 132 are misses 1 and 2; at 500 the 3rd, long after: rescan.
    assert seen == [False, False, False, False, True, False, False, True]


def test_a_cached_view_keeps_its_plotly_figures_as_dicts_that_refcounting_frees():
    """The view cache keeps each chart's figure as the dict Streamlit and kaleido read; an
    evicted view must go without a collection (a full figure has parent cycles: it would
    wait for the next rescan)."""
    lines = in_fresh_interpreter(
        """
        import dataclasses, gc, weakref
        import pandas as pd
        import plotly.graph_objects as go
        from indicators.charts import Chart
        from pages.shared import served_view

        @dataclasses.dataclass
        class Slide:
            charts: list

        def chart(figure):
            return Chart(figure, pd.DataFrame({"x": [1]}), "t", "alt", "stem")

        gc.disable()
        bars = go.Figure(go.Bar(x=["a", "b"], y=[3, 4]))
        expected = go.Figure.to_dict(bars)
        spec = {"mark": "bar"}
        view = (Slide([chart(bars)]), {"k": [chart(spec)]})
        full = weakref.ref(bars)
        del bars
        served_view(view)
        served = view[0].charts[0].figure
        print(isinstance(served, go.Figure), served.to_dict() == expected)
        print(view[1]["k"][0].figure == spec, full() is not None)  # the full one: a cycle
        gone = weakref.ref(served)
        del served, view
        print(gone() is None)
        """
    )
    # a figure still (for st.plotly_chart), same content; the Vega spec the same; the
    # dropped full figure is only freed by a collection (a cycle), the served one at once
    assert lines == ["True", "True", "True", "True", "True"]


def test_the_server_gives_arrow_the_system_allocator():
    """Streamlit turns tables into Arrow on every run; pyarrow's own pool kept what it freed."""
    import pyarrow

    from pages import allocator

    before = pyarrow.default_memory_pool()
    try:
        allocator.use_system_allocator_for_arrow()
        assert pyarrow.default_memory_pool().backend_name == "system"
    finally:
        pyarrow.set_memory_pool(before)


@pytest.mark.legacy_pages
def test_a_deep_link_to_a_page_file_still_gets_the_frame_of_app_py():
    """The workaround for Streamlit's legacy ``pages/`` folder, without the test shim: a page
    file reached directly must still be drawn inside app.py (sidebar, URL state). If a
    Streamlit upgrade renames or drops the internal flag, this fails loudly."""
    from streamlit.runtime.pages_manager import PagesManager

    from pages.shared import legacy_pages_active

    assert hasattr(PagesManager, "uses_pages_directory"), "Streamlit dropped the legacy flag"
    assert isinstance(legacy_pages_active(), bool)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["gemeente"] = "GM0109"
    at.switch_page("pages/kaart.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Kaart"
    assert at.selectbox(key="gemeente").value == "GM0109"  # the sidebar of app.py is there


def test_a_cached_vega_spec_with_a_large_table_sends_its_tables_as_arrow_datasets():
    """A spec with a table of ARROW_MIN_ROWS plain rows or more sends every plain table as a
    named Arrow dataset (what ``st.vega_lite_chart`` sends beside the JSON), so two specs of
    the same form with other figures are the same JSON; GeoJSON and rows with list cells stay
    inline; a spec of small tables stays as it is; the spec given is not changed."""
    import json

    import pyarrow as pa

    from pages.shared import ARROW_MIN_ROWS, served_spec

    def spec_with(rows: list[dict], small: list[dict]) -> dict:
        return {
            "vconcat": [
                {
                    "data": {"values": rows},
                    "layer": [
                        {"mark": "bar"},
                        {"data": {"values": small}, "mark": "rule"},
                        {"data": {"values": dashes}, "mark": "rule"},
                        {"data": {"values": geo, "format": {"type": "json"}}, "mark": "geoshape"},
                    ],
                }
            ],
            "title": {"text": "bron"},
        }

    assert ARROW_MIN_ROWS == 200
    rows = [{"position": i, "name": f"G{i}", "value": i / 2, "colour": None} for i in range(250)]
    rows[3]["colour"] = "#0072B2"
    rows[4]["value"] = None
    dashes = [{"stroke": [8, 4], "value": float(i)} for i in range(3)]
    geo = [{"type": "Feature", "geometry": {"type": "Point"}, "properties": {}}] * 3
    spec = spec_with(rows, [{"label": "Nederland 2,0", "value": 2.0}])
    before = json.dumps(spec)
    served = served_spec(spec)
    assert json.dumps(spec) == before
    view = served["vconcat"][0]
    # named in the order the walk meets them: a view's layers before its own data
    assert [view["data"], view["layer"][1]["data"]] == [{"name": "table_1"}, {"name": "table_0"}]
    assert view["layer"][2]["data"] == {"values": dashes}
    assert view["layer"][3]["data"]["values"] is geo
    assert served["title"] == {"text": "bron"}
    table = pa.ipc.open_stream(served["datasets"]["table_1"]).read_all().to_pylist()
    assert [r["position"] for r in table] == list(range(250))
    assert table[3]["colour"] == "#0072B2" and table[2]["colour"] is None
    assert table[4]["value"] is None and table[5]["value"] == 2.5
    small = pa.ipc.open_stream(served["datasets"]["table_0"]).read_all().to_pylist()
    assert small == [{"label": "Nederland 2,0", "value": 2.0}]
    # other figures, same form: the same JSON (the browser keeps its chart, swaps the data)
    other = served_spec(spec_with(rows[:230], [{"label": "Emmen 3,0", "value": 3.0}]))
    assert json.dumps({k: v for k, v in other.items() if k != "datasets"}) == json.dumps(
        {k: v for k, v in served.items() if k != "datasets"}
    )
    assert other["datasets"]["table_0"] != served["datasets"]["table_0"]
    # 199 rows at most: all JSON, as given
    small_only = spec_with(rows[:199], [{"label": "Emmen 3,0", "value": 3.0}])
    assert served_spec(small_only) == small_only


def test_every_script_run_is_marked_busy_until_it_ends(monkeypatch):
    """app.py marks each run (pages/activity.py), so the views built ahead wait for it."""
    from pages import activity

    class Watched(activity.ServerActivity):
        entered = 0

        @contextlib.contextmanager
        def script_run(self):
            with super().script_run():
                Watched.entered += 1
                assert self.idle_for() == 0.0  # busy while the page runs
                yield

    watched = Watched()
    monkeypatch.setattr(activity, "ACTIVITY", watched)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception and at.title
    at.sidebar.selectbox[0].select("GM0109").run()
    assert Watched.entered == 2 and watched.runs == 0  # both runs ended
