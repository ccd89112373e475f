"""The app headless (streamlit.testing.v1.AppTest): it renders the snapshot's numbers."""

from __future__ import annotations

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
