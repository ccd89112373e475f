"""The Streamlit side of shared things: cached data, the view state, chart + download blocks.

Caching lives here (UI layer only). The snapshot and the scores are read-only and shared by all
sessions through ``st.cache_resource``: one copy in memory however many people are connected.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import gc
import html
import importlib
import logging
import threading
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import NamedTuple, TypeVar

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
import streamlit.components.v1 as components
from streamlit.dataframe_util import convert_anything_to_arrow_bytes
from streamlit.delta_generator import DeltaGenerator

from indicators import boundaries, scoring
from indicators.charts import Chart
from indicators.exports import images
from indicators.exports.csv import to_csv_bytes
from indicators.formatting import escape_markdown
from indicators.snapshot import Snapshot, load_snapshot
from indicators.state import (
    REGION_CHOICES,
    VIEWPORT_COOKIE,
    ViewState,
    parse_params,
    viewport_from_cookie,
)
from indicators.ui_text import t
from indicators.views.common import region_names as names_of_regions
from indicators.views.vergelijken import compare_options
from pages import allocator
from pages.activity import ACTIVITY, ServerActivity

T = TypeVar("T")
FRAME_WIDGETS = ("gemeente", "lang", "_url_gemeente")


VIEW_CACHE_SIZE = 512


class RescanSchedule:
    """When the frozen views are collected once more (``_frozen(rescan=True)``): after
    ``every`` view-cache misses, and not sooner than ``seconds`` after the last time.

    A rescan unfreezes and collects everything, some 400 000 objects, holding the GIL for
    0.3-1 s on this machine (measured with gc callbacks in a soak). With readers walking many
    selections the cache misses 300 times a minute; counted by misses alone that was nine such
    pauses a minute, and a run that met one was a slow run (the soak's p95). The time bound
    makes it at most two a minute; what waits longer for collection are evicted views that
    hold cycles (plotly figures), freed at the next rescan."""

    def __init__(
        self, every: int, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.every, self.seconds, self._clock = every, seconds, clock
        self._misses = 0
        self._last = clock()
        self._lock = threading.Lock()

    def due(self) -> bool:
        """Count one miss; True if this one should rescan."""
        with self._lock:
            self._misses += 1
            now = self._clock()
            if self._misses < self.every or now - self._last < self.seconds:
                return False
            self._misses, self._last = 0, now
            return True


_rescans = RescanSchedule(every=32, seconds=30.0)


def _frozen(value: T, *, rescan: bool = False) -> T:
    """``value``, with everything alive now moved out of the garbage collector's sight.

    Streamlit runs a full ``gc.collect(2)`` after every script run (``runner.postScriptGC``).
    With the snapshot, scores, cached views and the pandas/plotly/geopandas modules that is
    some 130 000 tracked objects and 35-45 ms per run, holding the GIL while the event loop
    should be sending the page. Cached resources live as long as the server and are only
    read, so they go to the permanent generation (``gc.freeze``): later collections scan
    only what a session creates. Refcounting still frees frozen objects as usual, but a
    reference cycle that was frozen (a plotly figure has parent links) is only freed after
    ``rescan``: everything is unfrozen and collected once (the 40 ms), then frozen again.
    """
    if rescan:
        gc.unfreeze()
    gc.collect()  # garbage made while building is freed first, not frozen with the rest
    gc.freeze()
    if rescan:
        allocator.release_free_memory()
    return value


@st.cache_resource(show_spinner=False)
def snapshot() -> Snapshot:
    """Read-only snapshot shared by all sessions (no per-session copies)."""
    return _frozen(load_snapshot())


@st.cache_resource(show_spinner=False)
def scores() -> scoring.Scores:
    """All goal scores, computed once per server process."""
    snap = snapshot()
    return _frozen(scoring.compute(snap.observations, snap.regions))


class Page(NamedTuple):
    """What every page starts from: the language, the shared snapshot and scores, the
    validated URL state, the chosen region and the region names (read-only)."""

    lang: str
    snap: Snapshot
    scores: scoring.Scores
    state: ViewState
    region: str
    names: dict[str, str]


def start_page() -> Page:
    """The first line of every page: make sure app.py ran (see :func:`ensure_entrypoint`),
    then hand the page what it reads."""
    ensure_entrypoint()
    state = view_state()
    return Page(lang(), snapshot(), scores(), state, state.gemeente, region_names(lang()))


def ensure_entrypoint() -> None:
    """Run app.py (navigation, sidebar, URL state) even when a page is reached directly.

    The product keeps its pages in ``pages/``, which Streamlit also knows as the legacy (v1)
    multipage folder: until some session has called ``st.navigation``, a deep link such as
    ``/kaart`` (and every AppTest rerun) executes the page file alone, without app.py. Every
    page calls this first; it switches Streamlit to ``st.navigation`` and reruns, so app.py
    draws the frame and then this page. (No public API covers this; the flag is Streamlit's
    own, set the same way by ``st.navigation``.)
    """
    # The flag is the server's, not the session's: when several sessions make their first
    # run at once, one of them clears it while another is already running a page alone. So
    # a run without app.py's state is such a run too, whatever the flag says.
    if legacy_pages_active() or "view_state" not in st.session_state:
        use_navigation()
        # The rerun may not carry the link's parameters along; app.py puts them back.
        st.session_state["_pending_query"] = {
            k: st.query_params.get_all(k) for k in st.query_params
        }
        st.rerun()


# The one place that names Streamlit's internal flag for the legacy pages/ folder
# (tests/test_app.py fails loudly if an upgrade renames or drops it).
def legacy_pages_active() -> bool:
    """True while Streamlit still treats ``pages/`` as the legacy multipage folder."""
    from streamlit.runtime.pages_manager import PagesManager

    return bool(PagesManager.uses_pages_directory)


def use_navigation() -> None:
    """Switch Streamlit from the legacy folder to ``st.navigation``, as its first call does."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


@st.cache_resource(max_entries=VIEW_CACHE_SIZE, show_spinner=False)
def _cached_view(module: str, name: str, args: tuple) -> object:
    fn = getattr(importlib.import_module(module), name)
    # Views can be evicted (the cache is bounded); a periodic rescan frees evicted ones that
    # hold cycles, so a long-running server does not keep them all.
    return _frozen(served_view(fn(snapshot(), scores(), *args)), rescan=_rescans.due())


def cached_view(fn: Callable[..., T], *args: Hashable) -> T:
    """``fn(snapshot, scores, *args)``, computed once per server for each argument set.

    Charts and tables depend only on the read-only snapshot and the selection, so every
    session (and every rerun) with the same selection reuses the same object; building plotly
    figures is the bulk of a page run. ``fn`` must live in an importable module (indicators/)
    and its arguments must be hashable; callers must not modify what they get back.

    A view of one of the sidebar's regions is also built for the other four, in the
    background (:class:`RegionPrefetch`): the next municipality a user picks is then ready.
    """
    key = (fn.__module__, fn.__qualname__, args)
    value = _cached_view(*key)
    PREFETCH.after_view(key)
    return value  # type: ignore[return-value]


class RegionPrefetch:
    """Builds, in one background thread, the views that a change of region will ask for.

    A change of municipality is the commonest rerun, and on a server that has not yet shown
    that municipality it builds every view of the page (0.3-1 s). The views depend on the
    region only through their arguments, so the same call with another of the sidebar's
    regions in the region's place is the view that region will show. The thread works only
    when the server has been idle for readers for ``quiet`` seconds (``activity``: no script
    run going, no page load due, no view asked for; the GIL is shared), one view at a time,
    the newest guess first; at most ``backlog`` guesses wait (on a busy server the oldest are
    dropped rather than built late, when they would only push views that are in use out of
    the bounded cache). A failure is only logged: the page run that needs the view computes
    it, or shows its error, as before.
    """

    def __init__(
        self,
        regions: tuple[str, ...],
        build: Callable[..., object],
        quiet: float = 0.25,
        backlog: int = 64,
        rest: float = 1.0,
        activity: ServerActivity | None = None,
    ) -> None:
        self.regions = frozenset(regions)
        self.build = build
        self.activity = activity or ServerActivity()
        self.quiet = quiet
        self.rest = rest
        self.backlog = backlog
        self.scheduled: set[tuple] = set()
        self.pending: collections.deque[tuple] = collections.deque()
        self.lock = threading.Lock()
        self.wake = threading.Condition(self.lock)
        self.thread: threading.Thread | None = None

    def siblings(self, key: tuple) -> list[tuple]:
        """The same view for the other regions, when one argument is a sidebar region."""
        module, name, args = key
        at = [i for i, arg in enumerate(args) if isinstance(arg, str) and arg in self.regions]
        if not at:
            return []
        return [
            (module, name, tuple(other if i in at else arg for i, arg in enumerate(args)))
            for other in sorted(self.regions - {args[at[0]]})
        ]

    def after_view(self, key: tuple) -> None:
        """Note a page's request (the thread waits for quiet) and schedule its siblings."""
        self.activity.busy()
        siblings = self.siblings(key)
        if not siblings:  # most views name no region: no lock, nothing remembered
            return
        with self.lock:
            self.scheduled.add(key)
            fresh = [s for s in siblings if s not in self.scheduled]
            if not fresh:
                return
            if len(self.scheduled) > 8 * VIEW_CACHE_SIZE:  # bounded: forget, at worst rebuild
                self.scheduled = set(self.pending)
            self.scheduled.update(fresh)
            self.pending.extend(fresh)
            while len(self.pending) > self.backlog:
                self.scheduled.discard(self.pending.popleft())  # may be guessed again later
            if self.thread is None:
                self.thread = threading.Thread(target=self.work, name="view-prefetch", daemon=True)
                self.thread.start()
            self.wake.notify()

    def work(self) -> None:
        while True:
            with self.lock:
                while not self.pending:
                    self.wake.wait()
            while (idle := self.activity.idle_for()) < self.quiet:
                time.sleep(self.quiet - idle)
            with self.lock:  # the newest guess once it is quiet, not the one that woke us
                if not self.pending:
                    continue
                key = self.pending.pop()
            began = time.monotonic()
            try:
                self.build(*key)
            except Exception:  # noqa: BLE001 - the page that needs it will say what failed
                logging.getLogger(__name__).warning("prefetch of %s failed", key, exc_info=True)
            # Rest as long as the build took: a new visitor's page load (7 MB of JavaScript
            # served by this process) keeps at least half the GIL, which the quiet rule
            # cannot see as it watches views only.
            time.sleep((time.monotonic() - began) * self.rest)


PREFETCH = RegionPrefetch(REGION_CHOICES, _cached_view, activity=ACTIVITY)


# Streamlit serves <folder of app.py>/static at app/static/ when server.enableStaticServing is
# on (.streamlit/config.toml). Written from the snapshot when the server starts; not committed.
STATIC_FOLDER = Path(__file__).resolve().parents[1] / "static"


@st.cache_resource(show_spinner=False)
def geometry_url(name: str) -> str | None:
    """The URL (relative to the page) at which the browser fetches one boundary file of the
    snapshot, once; None if the app does not serve static files or cannot write them, and
    then the maps carry their geometry as before."""
    if not st.get_option("server.enableStaticServing"):
        return None
    try:
        return f"app/static/{boundaries.published_geometry(snapshot(), name, STATIC_FOLDER)}"
    except OSError:
        return None


def geometry_urls() -> boundaries.GeometryUrls:
    """:func:`geometry_url` of every boundary file (what the maps take)."""
    return boundaries.GeometryUrls(*(geometry_url(name) for name in boundaries.NAMES))


_viewport = components.declare_component(
    "viewport", path=str(Path(__file__).resolve().parent / "viewport")
)


def viewport() -> dict[str, float] | None:
    """The size of the app's main area in the browser (width, height, header): a slide needs
    the screen's size, which Streamlit does not tell the server. A zero-height component
    reports it after a session's first run; until then the size measured on the browser's
    last visit (its cookie, see ``state.viewport_from_cookie``), else None."""
    size = _viewport(key="viewport", default=None)
    if isinstance(size, dict) and {"width", "height"} <= set(size):
        stored = {k: float(size.get(k) or 0.0) for k in ("width", "height", "header")}
        st.session_state["_viewport"] = stored
        return stored
    if "_viewport" not in st.session_state:
        remembered = viewport_from_cookie(st.context.cookies.get(VIEWPORT_COOKIE))
        if remembered is not None:
            st.session_state["_viewport"] = remembered
    return st.session_state.get("_viewport")


def view_state() -> ViewState:
    """The validated state of this run (set by app.py before the page runs)."""
    return st.session_state["view_state"]


def lang() -> str:
    """The chosen language; the toggle can be cleared, which means Dutch."""
    value = st.session_state.get("lang")
    return value if value in ("nl", "en") else "nl"


@st.cache_resource(show_spinner=False)
def region_names(lang: str = "nl") -> dict[str, str]:
    """Region names in a language, once per server (callers only read the dict)."""
    return _frozen(names_of_regions(snapshot(), lang))


# Choice widgets whose labels are translated (key, or key prefix ending in "_"). Streamlit's
# browser side keeps the label a choice had when it was made, so after a language switch a
# selectbox would still read "Zuid- en Oost-Drenthe"; setting the value again before the
# widget is drawn makes Streamlit send it anew, drawn with the new language's label.
TRANSLATED_CHOICES = (
    "gemeente",
    "kaart_indicator",
    "kaart_zoom",
    "kaart_wijk_indicator",
    "per_doel_indicator_",
    "presentatie_focus",
    "presentatie_indicatoren",
    "vergelijken_doel",
    "vergelijken_regions_",
    "verkennen_indicator",
)


def relabel_choices(lang: str) -> None:
    """After a language switch, give every translated choice its value again (see above)."""
    if st.session_state.get("_labels_lang", lang) != lang:
        for key in list(st.session_state):
            if isinstance(key, str) and any(
                key == name or (name.endswith("_") and key.startswith(name))
                for name in TRANSLATED_CHOICES
            ):
                st.session_state[key] = st.session_state[key]
    st.session_state["_labels_lang"] = lang


def region_name(code: str) -> str:
    """A region's name in the language of this session (the sidebar's format_func)."""
    return region_names(lang()).get(code, code)


def restore_pending_query() -> None:
    """Put back the link's parameters saved by :func:`ensure_entrypoint` before its rerun."""
    pending = st.session_state.pop("_pending_query", None)
    if pending:
        st.query_params.from_dict(pending)
    for key, value in st.session_state.pop("_pending_widgets", {}).items():
        st.session_state[key] = value


def sticky_choices() -> dict[str, object]:
    """The page selections (``state.STICKY``) that app.py keeps across pages in this session:
    Streamlit drops query parameters on navigation."""
    return st.session_state.setdefault("_sticky", {})


def forget_choice(key: str) -> None:
    """Take a page's selection out of the link and out of :func:`sticky_choices`, so that
    the next run starts from the page's default again."""
    st.query_params.pop(key, None)
    sticky_choices().pop(key, None)


def read_view_state() -> ViewState:
    """Parse the URL once per run; notes for unknown values are shown by app.py."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    years, comparable = url_choices()
    return parse_params(params, years=years, regions=REGION_CHOICES, comparable=comparable)


@st.cache_resource(show_spinner=False)
def url_choices() -> tuple[frozenset[int], tuple[str, ...]]:
    """What a link may name, once per server: the snapshot's years and the regions that can
    be compared (every current municipality, ZOD, Drenthe, Nederland)."""
    snap = snapshot()
    years = frozenset(int(y) for y in snap.observations["year"].unique())
    return _frozen((years, tuple(compare_options(snap))))


class _ServedFigure(go.Figure):
    """A plotly figure kept only as the dict it was turned into once.

    ``st.plotly_chart`` and kaleido (``to_image``) read a figure only through ``to_dict()``,
    which on a full figure is a deep copy and a walk that packs its arrays, 5-20 ms per chart
    on every run, though a cached figure never changes. And a full figure is a web of small
    objects with parent links (cycles): about 80 KB besides its 17 KB dict (measured with
    tracemalloc), freed only by a full collection after the view cache evicts it, which on a
    long-running server meant memory that waits for a rescan (see :class:`RescanSchedule`).
    The dict alone has no cycles: refcounting frees it on eviction. Nothing may modify it
    (plotly.io.to_json and kaleido only read it); anything else asked of the figure
    (``.layout``, ``.data``) fails loudly, since the figure's own state was never made."""

    def __init__(self, spec: dict) -> None:  # not go.Figure's: no validation, no objects
        object.__setattr__(self, "_bw_dict", spec)

    def to_dict(self) -> dict:
        return self._bw_dict

    def __repr__(self) -> str:
        return f"<served plotly figure: {len(self._bw_dict.get('data', []))} traces>"


def served_figure(figure: go.Figure) -> go.Figure:
    """``figure`` as a :class:`_ServedFigure` (the same content), unless it is one already."""
    if isinstance(figure, _ServedFigure):
        return figure
    return _ServedFigure(go.Figure.to_dict(figure))


# A chart with a table of at least this many rows sends all its tables as Arrow. Below it,
# JSON: a page whose charts are all small (Per doel) then never loads the browser's Arrow
# decoder, which cost its warm reload some 40 ms (A/B, benchmarks/bench_app.py).
ARROW_MIN_ROWS = 200
_SCALARS = (str, int, float, bool, type(None))


def _plain_rows(data: object) -> list[dict] | None:
    """The rows of ``{"values": [...]}`` when they are a plain table (no GeoJSON, no cells
    that are lists), else None."""
    if not (isinstance(data, dict) and set(data) == {"values"}):
        return None
    values = data["values"]
    if isinstance(values, list) and all(
        isinstance(row, dict) and all(isinstance(v, _SCALARS) for v in row.values())
        for row in values
    ):
        return values
    return None


def _tables(node: object) -> list[list[dict]]:
    """Every plain inline table in a spec."""
    if isinstance(node, list):
        return [t for item in node for t in _tables(item)]
    if not isinstance(node, dict):
        return []
    own = _plain_rows(node.get("data"))
    nested = [t for key, item in node.items() if key != "data" for t in _tables(item)]
    return nested + ([own] if own is not None else [])


def _arrow_table(values: list[dict]) -> bytes | None:
    """Rows as Arrow IPC bytes, as Streamlit itself sends a chart's data frame."""
    try:
        return convert_anything_to_arrow_bytes(pd.DataFrame.from_records(values))
    except (pa.ArrowException, ValueError, TypeError):  # mixed types in a column: keep JSON
        return None


def served_spec(spec: dict) -> dict:
    """A Vega-Lite spec with a large table (``ARROW_MIN_ROWS``) as one whose inline tables
    are all named datasets of Arrow bytes (a new dict; the spec given is not changed); a spec
    of small tables as it is.

    ``st.vega_lite_chart`` sends top-level ``datasets`` of bytes as they are, beside the
    spec's JSON. A table of 340 municipalities is some 35 KB of JSON, and as the view cache
    keeps it, 340 small dicts (about 60 KB); as Arrow it is a third of that on the wire and
    one bytes object in memory, converted once. Its small tables go along (a label, a
    reference line: about 1 KB each as Arrow): the browser keeps a chart whose spec did not
    change and only swaps its data (Streamlit's frontend embeds a chart again when the spec's
    JSON, a table's number of rows or the alt text changes), so a chart whose tables are all
    datasets redraws without a new embed when only the selection's figures change. The names
    follow the order of the tables in the spec, so a spec of the same form is the same JSON."""
    if not any(len(table) >= ARROW_MIN_ROWS for table in _tables(spec)):
        return dict(spec)
    datasets: dict[str, object] = dict(spec.get("datasets", {}))

    def walk(node: object) -> object:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: walk(item) for key, item in node.items() if key != "data"}
        if "data" in node:  # data holds no nested views: a table, a URL or a name
            data = node["data"]
            rows = _plain_rows(data)
            table = _arrow_table(rows) if rows is not None else None
            if table is not None:
                name = f"table_{len(datasets)}"
                datasets[name] = table
                data = {"name": name}
            out["data"] = data
        return out

    served = {key: walk(item) for key, item in spec.items() if key != "datasets"}
    if datasets:
        served["datasets"] = datasets
    return served


def served_view(value: T) -> T:
    """``value`` with every plotly figure of its charts (in lists, tuples, dicts and
    dataclasses, at any depth) replaced by a :class:`_ServedFigure`, and every Vega-Lite
    spec by :func:`served_spec`, in place: what the view cache keeps. Data frames are left
    as they are."""
    if isinstance(value, Chart):
        if isinstance(value.figure, go.Figure):
            value.figure = served_figure(value.figure)
        elif isinstance(value.figure, dict) and "datasets" not in value.figure:
            value.figure = served_spec(value.figure)
    elif isinstance(value, list | tuple):
        for item in value:
            served_view(item)
    elif isinstance(value, dict):
        for item in value.values():
            served_view(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            served_view(getattr(value, spec.name))
    return value


def show_chart(
    chart: Chart,
    key: str,
    image: Callable[[], Chart] | None = None,
    size: tuple[int | None, int | None] = (None, None),
) -> None:
    """The chart, its alt text for screen readers, and downloads of exactly its data; with
    ``image`` (a plotly version of the chart, built on demand) also a PNG of ``size`` pixels
    (None: the figure's own width or height)."""
    if isinstance(chart.figure, go.Figure):
        st.plotly_chart(
            served_figure(chart.figure),
            key=f"chart_{key}",
            config={
                "displaylogo": False,
                "toImageButtonOptions": {"format": "png", "filename": chart.file_stem, "scale": 2},
            },
        )
    else:  # a Vega-Lite spec, with the house style it carries (not Streamlit's theme)
        # The browser draws a chart anew when its alt text changes; a spec that is the same
        # for every region carries its own description (the same for every region, too),
        # and the region's full text is the caption below the chart (figure_caption).
        alt = None if "description" in chart.figure else chart.alt
        st.vega_lite_chart(spec=chart.figure, key=f"chart_{key}", theme=None, alt=alt)
    figure_caption(chart, key)
    row = csv_buttons(
        functools.partial(to_csv_bytes, chart.data),
        (t("download_chart_data", lang()), t("download_chart_data_nl", lang())),
        (f"{chart.file_stem}.csv", f"{chart.file_stem}_excel-nl.csv"),
        key,
    )
    if image is not None and _images_available():
        row.download_button(
            t("download_chart_png", lang()),
            data=functools.partial(_png, image, *size),
            file_name=f"{chart.file_stem}.png",
            mime="image/png",
            key=f"png_{key}",
            on_click="ignore",
            icon=":material/image:",
        )


@st.cache_resource(show_spinner=False)
def _images_available() -> bool:
    return images.images_available()[0]


def _png(make: Callable[[], Chart], width: int | None, height: int | None) -> bytes:
    """A chart's PNG at twice its size on screen (what plotly's camera button gave), drawn by
    kaleido when the reader asks for it: a few seconds then, nothing before."""
    return images.render(make(), "png", width, height, scale=2)


def finding(text: str) -> str:
    """A chart's finding as the bold line above it (Markdown), for a chart whose spec leaves
    it out so that the spec is the same for every region (Kaart's maps, and see
    charts.indicator.ranking_spec)."""
    return f"**{escape_markdown(text)}**"


def heading(text: str) -> str:
    """A section heading inside a ``text_block`` (what ``st.subheader`` draws, as Markdown)."""
    return f"### {text}"


def text_block(*parts: str) -> None:
    """Headings and paragraphs that follow each other, as one Markdown element.

    The browser mounts every element on its own: on a warm reload each costs about 5 ms,
    whatever its length (benchmarks). A page of text written as one element per paragraph is
    slower for nothing; empty parts are left out.
    """
    st.markdown("\n\n".join(part for part in parts if part))


def captions(*parts: str) -> None:
    """Notes that follow each other, as one caption element (one paragraph each): see
    ``text_block`` for why; empty parts are left out."""
    st.caption("\n\n".join(part for part in parts if part))


def lazy_expander(label: str, key: str) -> DeltaGenerator | None:
    """An expander (drawn closed) whose content is built and sent only while it is open.

    A closed expander's content still travels and is mounted in the browser on every run,
    though nobody sees it: Kaart's tables of 342 municipalities and of the wijken slowed
    every load of the page. Opening it reruns the page (Streamlit's ``on_change="rerun"``),
    which then returns the container to draw into; while closed this returns None.
    """
    box = st.expander(label, key=key, on_change="rerun")
    return box if box.open else None


def csv_buttons(
    make: Callable[..., bytes], labels: tuple[str, str], file_names: tuple[str, str], key: str
) -> DeltaGenerator:
    """Two download buttons side by side: the CSV and its Dutch-Excel variant. ``make`` is
    called with ``dutch_excel`` only when a button is clicked (no rerun, no bytes before).
    Returns their row, for a button more."""
    row = st.container(horizontal=True)
    for label, file_name, dutch, icon in zip(
        labels,
        file_names,
        (False, True),
        (":material/download:", ":material/table:"),
        strict=True,
    ):
        row.download_button(
            label,
            data=functools.partial(make, dutch_excel=dutch),
            file_name=file_name,
            mime="text/csv",
            key=f"{'dlnl' if dutch else 'dl'}_{key}",
            on_click="ignore",
            icon=icon,
        )
    return row


def figure_caption(chart: Chart, key: str) -> None:
    """The chart's description under it, marked so that ``DOCUMENT_SCRIPT`` names the chart
    above it (a figure with the chart's title) and points to this text as its description:
    Streamlit gives a plotly chart no accessible name of its own."""
    st.caption(
        f'<span id="bw-figure-{html.escape(key)}" data-bw-figure="{html.escape(chart.title)}">'
        f"{html.escape(chart.alt, quote=False)}</span>",
        unsafe_allow_html=True,
    )


# The document's language and Streamlit's skip link ("Skip to main content", English only) in
# the reader's language: screen readers pronounce by the lang attribute, and no Streamlit
# option sets either. A script in st.html runs once, when its block is first drawn, not when
# the block's text changes; so it watches the page and copies the language and the link text
# from a hidden marker that every run redraws. It changes no content of the app. The same
# script names each chart (see ``figure_caption``).
DOCUMENT_SCRIPT = """<script>(() => {
  if (window.bwDocumentLanguage) { window.bwDocumentLanguage(); return; }
  const apply = () => {
    const marker = document.querySelector("[data-bw-lang]");
    if (!marker) return;
    if (document.documentElement.lang !== marker.dataset.bwLang) {
      document.documentElement.lang = marker.dataset.bwLang;
    }
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    if (skip && skip.textContent !== marker.dataset.bwSkip) {
      skip.textContent = marker.dataset.bwSkip;
    }
    for (const caption of document.querySelectorAll("[data-bw-figure]")) {
      const box = caption.closest('[data-testid="stElementContainer"]');
      const chart = box && box.previousElementSibling;
      if (!chart || chart.getAttribute("aria-describedby") === caption.id
          && chart.getAttribute("aria-label") === caption.dataset.bwFigure) continue;
      chart.setAttribute("role", "figure");
      chart.setAttribute("aria-label", caption.dataset.bwFigure);
      chart.setAttribute("aria-describedby", caption.id);
    }
  };
  window.bwDocumentLanguage = apply;
  new MutationObserver(apply).observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["data-bw-lang"],
  });
  apply();
})();</script>"""


# A keyboard user must see where the focus is (WCAG 2.4.7): Streamlit's own focus in the
# navigation is a faint grey fill. Only :focus-visible, so a mouse click draws no ring.
FOCUS_CSS = """<style>
a:focus-visible, button:focus-visible, summary:focus-visible, [role="radio"]:focus-visible,
[role="tab"]:focus-visible, [role="option"]:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid #243A57 !important; outline-offset: 2px;
}
</style>"""


def document_language(lang: str) -> None:
    """Mark the page's language for the document script (see ``DOCUMENT_SCRIPT``), and draw
    the keyboard focus visibly (``FOCUS_CSS``)."""
    marker = (
        f'<span hidden data-bw-lang="{html.escape(lang)}" '
        f'data-bw-skip="{html.escape(t("skip_to_content", lang))}"></span>'
    )
    st.html(FOCUS_CSS + marker + DOCUMENT_SCRIPT, unsafe_allow_javascript=True)
