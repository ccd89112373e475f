"""When the server is busy for a reader, so that background work (the views built ahead by
``shared.RegionPrefetch``) waits for a quiet moment.

Background work shares the GIL, and on a small machine the cores too, with what a reader is
waiting for: a page load (Streamlit's 7 MB of JavaScript is served by the same process) and a
script run. Measured: the first visit of Presentatie scheduled eight slide builds of 0.3-0.7 s,
and the next visitor's cold load ran alongside them. Views requested alone cannot show this: a
page load requests none, and a run may spend longer than the quiet spell drawing without one.

Plain Python (no Streamlit): the server's routes (``serving``) note page loads before any
script has run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# From the page's HTML to its first script run: the scripts and styles, the websocket, the
# session. Measured on the benchmark machine: 0.75 s on a first visit (empty browser cache).
PAGE_LOAD_HOLD = 1.5


class ServerActivity:
    """The readers' share of the server: script runs going, and when it was last busy."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.lock = threading.Lock()
        self.runs = 0
        self.busy_until = clock()

    def busy(self, seconds: float = 0.0) -> None:
        """Busy now, and (a page load) for ``seconds`` to come."""
        with self.lock:
            self.busy_until = max(self.busy_until, self.clock() + seconds)

    def page_load(self) -> None:
        """A page's HTML was served: its scripts and its first run will follow."""
        self.busy(PAGE_LOAD_HOLD)

    @contextmanager
    def script_run(self) -> Iterator[None]:
        """Busy for as long as a script run lasts (also when it ends by a rerun or a stop)."""
        with self.lock:
            self.runs += 1
        try:
            yield
        finally:
            with self.lock:
                self.runs -= 1
                self.busy_until = max(self.busy_until, self.clock())

    def idle_for(self) -> float:
        """Seconds since the server was last busy; 0 while a run is going or a load is due."""
        with self.lock:
            if self.runs:
                return 0.0
            return max(0.0, self.clock() - self.busy_until)


# One per server process: the routes, app.py's runs and the prefetch share it.
ACTIVITY = ServerActivity()
