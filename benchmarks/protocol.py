"""Streamlit's own websocket protocol, spoken directly (no browser): a session opens
``/_stcore/stream`` and asks for script runs with BackMsg protobufs, the server answers with
ForwardMsg protobufs (the ones the streamlit package ships).

Shared by ``load_test.py`` (many sessions at once) and ``soak.py`` (sessions walking the app for
a long time). A run is "finished" at a ``script_finished`` message that is not the early end of
a run that asked for a rerun (``st.rerun``: Streamlit starts the next run itself); an error is
an exception element, an error alert (``st.error``), a compile error, or a page not found.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

STREAM = "/_stcore/stream"
SUBPROTOCOLS = ["streamlit"]


def stream_url(base: str) -> str:
    """``http://host:port`` -> ``ws://host:port/_stcore/stream``."""
    return base.replace("http://", "ws://", 1).replace("https://", "wss://", 1) + STREAM


@dataclass
class Run:
    """One script run as the server sent it."""

    seconds: float
    widgets: dict[str, str] = field(default_factory=dict)  # user key (or type) -> widget id
    options: dict[str, list[str]] = field(default_factory=dict)  # selectbox/radio labels by id
    errors: list[str] = field(default_factory=list)
    received: int = 0  # bytes of ForwardMsg received
    query: str | None = None  # the URL's query string as the run last set it
    elements: int = 0


def widget_key(widget_id: str) -> str | None:
    """The user key at the end of a widget id ('$$ID-<hash>-gemeente' -> 'gemeente'), or
    None for a widget without one ('$$ID-<hash>-None')."""
    parts = widget_id.split("-", 2)
    if len(parts) == 3 and parts[2] != "None":
        return parts[2]
    return None


def rerun_message(
    query: str = "",
    page: str | None = None,
    strings: dict[str, str] | None = None,
    string_lists: dict[str, list[str]] | None = None,
) -> BackMsg:
    """A rerun request: the URL's query string, the page (its url path, e.g. 'kaart'), and the
    values of widgets by id (a selectbox takes its option's label, a segmented control the
    list of chosen labels)."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    if page is not None:
        msg.rerun_script.page_name = page
    for wid, value in (strings or {}).items():
        state = msg.rerun_script.widget_states.widgets.add()
        state.id = wid
        state.string_value = value
    for wid, values in (string_lists or {}).items():
        state = msg.rerun_script.widget_states.widgets.add()
        state.id = wid
        state.string_array_value.data.extend(values)
    return msg


def read_forward(data: bytes, run: Run) -> bool:
    """Fold one ForwardMsg into ``run``; True once the run has finished."""
    fm = ForwardMsg()
    fm.ParseFromString(data)
    run.received += len(data)
    kind = fm.WhichOneof("type")
    if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
        run.elements += 1
        element = fm.delta.new_element
        which = element.WhichOneof("type")
        if which == "exception":
            message = element.exception.message
            if message.startswith("This app has encountered an error"):
                message = "(redacted in the page: the server log has it)"
            run.errors.append(f"exception: {element.exception.type} {message[:200]}".strip())
        elif which == "alert" and element.alert.format == Alert.ERROR:
            run.errors.append(f"error: {element.alert.body[:200]}")
        elif which in ("selectbox", "radio"):
            widget = getattr(element, which)
            run.widgets.setdefault(widget_key(widget.id) or which, widget.id)
            run.options[widget.id] = list(widget.options)
        elif which is not None:
            wid = getattr(getattr(element, which), "id", "")
            if isinstance(wid, str) and wid.startswith("$$ID-"):
                run.widgets.setdefault(widget_key(wid) or which, wid)
    elif kind == "session_event" and fm.session_event.HasField("script_compilation_exception"):
        run.errors.append(
            f"compile error: {fm.session_event.script_compilation_exception.message[:200]}"
        )
    elif kind == "page_info_changed":
        run.query = fm.page_info_changed.query_string
    elif kind == "page_not_found":
        run.errors.append(f"page not found: {fm.page_not_found.page_name}")
    elif kind == "script_finished":
        status = fm.script_finished
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            run.errors.append("script finished with a compile error")
        return status != ForwardMsg.FINISHED_EARLY_FOR_RERUN
    return False


async def script_run(ws, message: BackMsg) -> Run:
    """Send one rerun request and read until its run has finished (no time-out here: wrap the
    call in ``asyncio.timeout``)."""
    started = time.perf_counter()
    await ws.send(message.SerializeToString())
    run = Run(seconds=0.0)
    while not read_forward(await ws.recv(), run):
        pass
    run.seconds = time.perf_counter() - started
    return run


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by linear interpolation; NaN for no values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)
