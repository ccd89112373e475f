"""The measuring instruments' own arithmetic and parsing (benchmarks/): medians, ratios and
targets of bench_app, the websocket protocol reader, the soak run's minutes, windows, verdict
and server-log reading, and the in-page script_finished reader against real protobufs."""

from __future__ import annotations

import json
import math
import random
import re
import subprocess
import sys

import pytest
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks import bench_app, harness, protocol, soak
from tests.conftest import ROOT

NAN = float("nan")

# --- bench_app ----------------------------------------------------------------------------


def test_median_and_ratio_leave_missing_figures_missing():
    assert bench_app.median([3.0, 1.0, 2.0]) == 2.0
    assert bench_app.median([1.0, 2.0, 3.0, 10.0]) == 2.5
    assert math.isnan(bench_app.median([]))
    assert bench_app.ratio(3.0, 2.0) == 1.5
    assert math.isnan(bench_app.ratio(3.0, 0.0))
    assert math.isnan(bench_app.ratio(NAN, 2.0))
    assert math.isnan(bench_app.ratio(3.0, NAN))


def test_timings_take_the_first_finished_entry_with_the_final_element_count():
    # [ms, elements, finished, charts, charts drawn]
    log = [
        [100.0, 0, False, 0, 0],
        [150.0, 3, True, 1, 0],  # finished, but not every element yet
        [180.0, 5, False, 1, 0],
        [200.0, 5, True, 1, 0],  # content
        [260.0, 5, True, 1, 1],  # chart drawn
    ]
    content, chart = bench_app.timings(log, since=50.0)
    assert content == pytest.approx(0.150)
    assert chart == pytest.approx(0.210)
    no_chart = [[100.0, 2, True, 0, 0]]
    content, chart = bench_app.timings(no_chart)
    assert content == pytest.approx(0.1) and math.isnan(chart)


def test_targets_of_issue_12_kaart_has_its_own():
    assert bench_app.targets_for("per_doel") == {"cold": 1.5, "warm": 1.5, "rerun": 1.5}
    assert bench_app.targets_for("kaart") == {
        "cold": 2.0,
        "warm": 2.0,
        "rerun": 2.0,
        "bytes_rerun": 10.0,
    }
    ok = {"cold": 1.5, "warm": 1.0, "rerun": 1.49, "bytes_load": 50.0, "bytes_rerun": 50.0}
    assert bench_app.verdict("methode", ok) == (True, [])  # at the limit meets it
    met, misses = bench_app.verdict("kaart", ok)
    assert not met and misses == ["bytes_rerun 50.00x > 10x"]
    met, misses = bench_app.verdict("overzicht", {**ok, "warm": 1.51, "rerun": NAN})
    assert not met and misses == ["warm 1.51x > 1.5x", "rerun nanx > 1.5x"]
    met, misses = bench_app.verdict("overzicht", {**ok, "warm": 1.502})
    assert misses == ["warm 1.502x > 1.5x"]  # not '1.50x > 1.5x'


def test_summary_and_table():
    bare = {
        "cold": [1.0, 1.2, 1.1],
        "warm": [0.4, 0.4],
        "rerun": [0.2],
        "bytes_load": [4096.0],
        "bytes_rerun": [2048.0],
    }
    pages = {
        "overzicht": {
            "cold": [1.1],
            "warm": [0.5, 0.7],
            "rerun": [0.25],
            "bytes_load": [40960.0],
            "bytes_rerun": [4096.0],
        },
        "kaart": {
            "cold": [2.4],
            "warm": [0.8],
            "rerun": [0.3],
            "bytes_load": [409600.0],
            "bytes_rerun": [40960.0],
        },
    }
    summary = bench_app.summarise(bare, pages)
    assert summary["bare"]["cold"] == pytest.approx(1.1)
    assert summary["pages"]["overzicht"]["warm"] == pytest.approx((0.6, 1.5))
    assert summary["pages"]["kaart"]["bytes_rerun"] == pytest.approx((40960.0, 20.0))
    lines = bench_app.format_table(summary)
    assert lines[1].split()[:5] == ["bare", "app", "1100", "ms", "400"]
    row = lines[2].split()
    assert row[:4] == ["overzicht", "1100", "ms", "1.00x"]
    assert "40.0" in row and "10.00x" in row
    assert lines[-2] == "overzicht: meets targets: yes"
    assert lines[-1] == ("kaart: meets targets: no (cold 2.18x > 2x, bytes_rerun 20.00x > 10x)")
    widths = {len(line) for line in lines[:4]}
    assert len(widths) == 1  # the columns line up


def test_pages_option():
    assert bench_app.parse_pages(None) == bench_app.PAGES
    # every page of the app's navigation (the st.Page files in app.py, the hidden alias of
    # Overzicht counted once), and the presentation mode's first slide
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    in_app = list(dict.fromkeys(re.findall(r'"pages/(\w+)\.py"', app)))
    assert bench_app.PAGES == [*in_app, bench_app.SLIDES]
    assert len(bench_app.PAGES) == 10
    assert bench_app.parse_pages("kaart, per_doel,kaart") == ["kaart", "per_doel"]
    with pytest.raises(SystemExit, match="unknown page"):
        bench_app.parse_pages("kaart,nope")
    assert bench_app.page_url("kaart") == "kaart?gemeente=GM0114"
    assert bench_app.page_url(bench_app.SLIDES) == ("presentatie?modus=presentatie&gemeente=GM0114")


def test_reruns_go_where_the_last_runs_did_not():
    names = [bench_app.region_rerun(i, bare=False) for i in range(8)]
    assert [r.expect for r in names[:4]] == [
        "gemeente=GM1681",
        "gemeente=GM0109",
        "gemeente=GM0118",
        "gemeente=GM0114",
    ]
    assert names[4].expect == names[0].expect and names[0].marker is None
    assert bench_app.region_rerun(1, bare=True).marker == "Gekozen: Coevorden"
    slides = [bench_app.slide_number(i) for i in range(12)]
    assert slides == [2, 3, 4, 5, 6, 5, 4, 3, 2, 1, 2, 3]
    assert bench_app.slide_rerun(0).marker == "Dia 2 /"
    assert bench_app.slide_rerun(5).expect == "dia=5"


def test_json_has_no_nan():
    assert harness.json_safe({"a": [1.0, NAN, (2, math.inf)], "b": "x"}) == {
        "a": [1.0, None, [2, None]],
        "b": "x",
    }


# --- protocol -----------------------------------------------------------------------------


def forward(**fields) -> bytes:
    msg = ForwardMsg()
    for name, value in fields.items():
        setattr(msg, name, value)
    return msg.SerializeToString()


def element_msg(fill) -> bytes:
    msg = ForwardMsg()
    msg.hash = "abc"
    msg.metadata.delta_path.extend([0, 1])
    fill(msg.delta.new_element)
    return msg.SerializeToString()


def test_widget_key_and_rerun_message():
    assert protocol.widget_key("$$ID-0123abcd-gemeente") == "gemeente"
    assert protocol.widget_key("$$ID-0123abcd-kaart_jaar_x-y") == "kaart_jaar_x-y"
    assert protocol.widget_key("$$ID-0123abcd-None") is None
    msg = protocol.rerun_message(
        "gemeente=GM0114", "kaart", strings={"w1": "Emmen"}, string_lists={"w2": ["EN"]}
    )
    rerun = msg.rerun_script
    assert rerun.query_string == "gemeente=GM0114" and rerun.page_name == "kaart"
    states = {w.id: w for w in rerun.widget_states.widgets}
    assert states["w1"].string_value == "Emmen"
    assert list(states["w2"].string_array_value.data) == ["EN"]
    assert protocol.stream_url("http://127.0.0.1:8501") == "ws://127.0.0.1:8501/_stcore/stream"


def test_reading_a_run_counts_errors_and_notes_widgets():
    run = protocol.Run(seconds=0.0)

    def selectbox(element):
        element.selectbox.id = "$$ID-aa-gemeente"
        element.selectbox.options.extend(["Emmen", "Coevorden"])

    def keyless(element):
        element.radio.id = "$$ID-bb-None"
        element.radio.options.extend(["1", "2"])

    def exception(element):
        element.exception.type = "KeyError"
        element.exception.message = "This app has encountered an error. The original ..."

    def error(element):
        element.alert.format = Alert.ERROR
        element.alert.body = "kapot"

    def info(element):
        element.alert.format = Alert.INFO
        element.alert.body = "onbekende waarde"

    for fill in (selectbox, keyless, exception, error, info):
        assert protocol.read_forward(element_msg(fill), run) is False
    page_info = ForwardMsg()
    page_info.page_info_changed.query_string = "gemeente=GM1681"
    assert protocol.read_forward(page_info.SerializeToString(), run) is False
    early = forward(script_finished=ForwardMsg.FINISHED_EARLY_FOR_RERUN)
    assert protocol.read_forward(early, run) is False  # st.rerun: the next run follows
    assert protocol.read_forward(forward(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY), run)
    assert run.widgets == {"gemeente": "$$ID-aa-gemeente", "radio": "$$ID-bb-None"}
    assert run.options["$$ID-aa-gemeente"] == ["Emmen", "Coevorden"]
    assert run.errors == [
        "exception: KeyError (redacted in the page: the server log has it)",
        "error: kapot",
    ]
    assert run.query == "gemeente=GM1681" and run.elements == 5
    compile_error = protocol.Run(seconds=0.0)
    done = forward(script_finished=ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
    assert protocol.read_forward(done, compile_error)
    assert compile_error.errors == ["script finished with a compile error"]


def test_percentiles():
    assert protocol.pct([], 0.5) != protocol.pct([], 0.5)  # NaN
    assert protocol.pct([5.0], 0.95) == 5.0
    values = [float(v) for v in range(1, 101)]
    assert protocol.pct(values, 0.5) == pytest.approx(50.5)
    assert protocol.pct(values, 0.95) == pytest.approx(95.05)


# --- soak ---------------------------------------------------------------------------------


def test_windows_for_an_hour_and_for_short_runs():
    base, first, last = soak.windows(60)
    assert base == 10 and list(first) == list(range(2, 12)) and list(last) == list(range(51, 61))
    base, first, last = soak.windows(3)
    assert base == 10 and list(first) == [2] and list(last) == [3]
    base, first, last = soak.windows(1)
    assert base == 10 and list(first) == [1] and list(last) == [1]
    base, first, last = soak.windows(30)
    assert base == 10 and list(first) == list(range(2, 12)) and list(last) == list(range(21, 31))


def step(minute: int, seconds: float | None, errors: list[str] | None = None) -> soak.Step:
    return soak.Step(minute, minute * 60.0 + 1, "kaart", "open", seconds, errors or [])


def test_minute_figures():
    steps = [step(0, 0.1), step(0, 0.3), step(1, 0.2), step(1, None, ["time-out"])]
    first = soak.minute_figures(1, [300.0], steps)
    assert (first.runs, first.errors, first.p50) == (2, 0, pytest.approx(0.2))
    assert (first.rss_mb, first.rss_max_mb) == (300.0, 300.0)
    # a minute's memory is the median of its samples (a run in flight at one sample is not
    # growth), its peak the highest; a sample of a process that is gone (NaN) is left out
    second = soak.minute_figures(2, [300.0, 400.0, 310.0, float("nan"), 320.0], steps)
    assert (second.runs, second.errors) == (1, 1)
    assert (second.rss_mb, second.rss_max_mb) == (315.0, 400.0)
    line = soak.format_minute(second)
    assert line.startswith("minute   2: RSS    315 MB (max  400), runs    1, errors   1")
    loaded = soak.format_minute(soak.minute_figures(1, [300.0], steps, load=2.5))
    assert loaded.endswith("load  2.5")
    assert math.isnan(soak.minute_figures(3, [float("nan")], steps).rss_mb)


def test_judge_memory_growth_after_the_baseline_and_flat_p95():
    curve = [soak.Minute(m, 300.0 + m, 10, 0, 0.1, 0.2) for m in range(1, 61)]
    steps = [step(m, 0.2 if m < 50 else 0.24) for m in range(60) for _ in range(20)]
    verdict = soak.judge(60, curve, steps, log_errors=0)
    assert verdict["memory_base_mb"] == 310.0
    assert verdict["memory_growth_mb"] == pytest.approx(50.0)  # 360 at minute 60
    assert not verdict["memory_ok"]
    assert math.isnan(verdict["memory_peak_sample_mb"])  # these minutes carry no peak
    assert verdict["p95_ratio"] == pytest.approx(1.2) and verdict["p95_ok"]
    assert verdict["errors_ok"]
    lines = soak.format_summary(60, verdict, steps)
    assert lines[0] == "errors: 0 (target 0): met"
    assert lines[-1] == "soak of 60 min: targets NOT met"
    slower = [step(m, 0.2 if m < 50 else 0.3) for m in range(60) for _ in range(20)]
    # medians flat at 300 MB, single samples up to 345 (minute 30): judged on the medians
    flat_curve = [
        soak.Minute(m, 300.0, 10, 0, 0.1, 0.2, rss_max_mb=345.0 if m == 30 else 320.0)
        for m in range(1, 61)
    ]
    verdict = soak.judge(60, flat_curve, slower + [step(3, None, ["x"])], log_errors=1)
    assert verdict["memory_ok"] and not verdict["p95_ok"]
    assert verdict["memory_growth_mb"] == 0.0
    assert verdict["memory_peak_sample_mb"] == pytest.approx(45.0)
    memory_line = soak.format_summary(60, verdict, slower)[1]
    assert memory_line.startswith("memory: max RSS (per-minute median) after minute 10 is +0 MB")
    assert memory_line.endswith("highest single sample +45 MB")
    assert verdict["errors"] == 2 and not verdict["errors_ok"]


def test_a_short_soak_does_not_judge_memory():
    curve = [soak.Minute(m, 300.0 + 40 * m, 10, 0, 0.1, 0.2) for m in range(1, 4)]
    steps = [step(m, 0.2) for m in range(3) for _ in range(5)]
    verdict = soak.judge(3, curve, steps, log_errors=0)
    assert verdict["memory_ok"] is None and soak.passed(verdict)
    assert verdict["memory_growth_from_minute_1_mb"] == pytest.approx(80.0)
    lines = soak.format_summary(3, verdict, steps)
    assert lines[1].startswith("memory: not judged, the run ends before minute 11")
    assert lines[-1] == "soak of 3 min: targets met"


def test_server_log_records():
    root = str(ROOT)
    log = f"""2026-01-01 10:00:00.000 Uvicorn server started on 127.0.0.1:1
2026-01-01 10:00:01.000 Uncaught app execution
Traceback (most recent call last):
  File "{root}/.venv/lib/python3.11/site-packages/streamlit/x.py", line 1, in f
    g()
  File "{root}/pages/kaart.py", line 91, in <module>
    focus = shared.view_state().gemeente
  File "{root}/pages/shared.py", line 116, in view_state
    return st.session_state["view_state"]
KeyError

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "{root}/pages/kaart.py", line 91, in <module>
    focus = shared.view_state().gemeente
KeyError: 'no view_state'
2026-01-01 10:00:02.000 Task exception was never retrieved
Traceback (most recent call last):
  File "/usr/lib/python3.11/asyncio/x.py", line 3, in y
    raise OSError("gone")
OSError: gone
  Stopping...
"""
    records = soak.log_errors(log)
    assert len(records) == 2
    page, server = records
    assert page.page_exception and not server.page_exception
    assert page.error == "KeyError: 'no view_state'"
    assert page.where == "pages/kaart.py line 91 -> pages/kaart.py line 91"
    assert str(server) == "OSError: gone"


def test_links_and_page_names():
    rng = random.Random(1)
    ids = ["population", "urbanity"]
    for page in soak.PAGES:
        query = dict(part.split("=") for part in soak.link(page, rng, ids, "en").split("&"))
        assert query["gemeente"] in soak.REGIONS and query["lang"] == "en"
        if page in ("verkennen", "kaart"):
            assert query["indicator"] in ids
        if page in ("per_doel", "vergelijken"):
            assert query["doel"] in {"1", "2", "3"}
        if page == soak.SLIDES:
            assert query["modus"] == "presentatie" and 1 <= int(query["dia"]) <= 6
    assert soak.page_name("overzicht") == ""  # the default page
    assert soak.page_name(soak.SLIDES) == "presentatie"
    assert soak.page_name("kaart") == "kaart"
    assert len(soak.indicator_ids()) > 10


# --- the bare app and the in-page reader --------------------------------------------------


def test_bare_app_is_a_selectbox_and_a_chart_that_follows_it():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "benchmarks" / "minimal_app.py")).run()
    assert not at.exception
    select = at.sidebar.selectbox[0]
    assert select.options == ["Emmen", "Coevorden", "Hoogeveen", "Borger-Odoorn"]
    first = at.get("plotly_chart")[0].proto.spec
    select.select("Coevorden").run()
    assert "Gekozen: Coevorden" in at.markdown[0].value
    assert at.get("plotly_chart")[0].proto.spec != first


# Run in a child process: the browser tests hold a session-wide Playwright, and a second sync
# Playwright in the same process refuses to start.
READER = """
import json, sys
from playwright.sync_api import sync_playwright
from benchmarks import harness
cases = json.load(sys.stdin)
with sync_playwright() as p:
    browser = p.chromium.launch(
        executable_path=harness.chromium_executable(), args=harness.CHROMIUM_ARGS)
    page = browser.new_page()
    page.add_init_script(harness.OBSERVER)
    page.goto("about:blank")
    print(json.dumps([
        page.evaluate(
            "(bytes) => window.__bench.finishedStatus(new Uint8Array(bytes).buffer)", case)
        for case in cases
    ]))
    browser.close()
"""


@pytest.mark.browser
def test_in_page_reader_finds_script_finished_in_real_messages():
    """harness.OBSERVER reads ForwardMsg bytes in the page; it must agree with protobuf."""
    with_hash = ForwardMsg()
    with_hash.hash = "x" * 40
    with_hash.metadata.delta_path.extend([0, 3, 300])
    with_hash.script_finished = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    cases = [
        (forward(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY), 0),
        (forward(script_finished=ForwardMsg.FINISHED_EARLY_FOR_RERUN), 2),
        (with_hash.SerializeToString(), 3),
        (element_msg(lambda e: setattr(e.markdown, "body", "é" * 300)), None),
        (b"", None),
    ]
    done = subprocess.run(
        [sys.executable, "-c", READER],
        input=json.dumps([list(data) for data, _ in cases]),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    assert json.loads(done.stdout) == [expected for _, expected in cases]
