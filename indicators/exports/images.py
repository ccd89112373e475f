"""Chart images (PNG, SVG), rendered server-side by kaleido 1.x (no Streamlit).

Kaleido drives a headless Chromium: Debian's ``/usr/bin/chromium`` via ``BROWSER_PATH``. Where
there is no Chromium (or no kaleido), :func:`images_available` says so and why, and the UI hides
the image buttons instead of failing. Starting the browser costs about two seconds, so a deck
renders all its images inside one :func:`image_session` (one browser for the whole batch).
"""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indicators.charts import Chart
from indicators.ui_text import t

BROWSERS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")

_LOCK = threading.RLock()  # one image batch at a time: kaleido's browser is a singleton

_depth = 0


class ImagesUnavailable(RuntimeError):
    """No images can be rendered here (no kaleido, no Chromium, or Chromium failed)."""


def _configure_browser() -> None:
    """Point kaleido at Debian's Chromium unless the environment already chose one."""
    for path in BROWSERS:
        if Path(path).is_file():
            os.environ.setdefault("BROWSER_PATH", path)
            return


def images_available(lang: str = "nl") -> tuple[bool, str]:
    """(True, "") when PNG/SVG can be rendered; else (False, the reason in words)."""
    _configure_browser()
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False, t("pres_no_kaleido", lang)
    path = os.environ.get("BROWSER_PATH", "")
    if path:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return True, ""
        return False, t("pres_browser_missing", lang)
    if any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        return True, ""
    return False, t("pres_no_browser", lang)


@contextmanager
def image_session() -> Iterator[None]:
    """Keep one Chromium running for a batch of images (kaleido otherwise starts a browser per
    image). Nested sessions share it; other threads wait until the batch is done."""
    global _depth
    with _LOCK:
        ok, reason = images_available()
        if not ok:
            raise ImagesUnavailable(reason)
        import kaleido

        if _depth == 0:
            kaleido.start_sync_server(silence_warnings=True)
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if _depth == 0:
                kaleido.stop_sync_server(silence_warnings=True)


def render(
    chart: Chart, fmt: str, width: int | None, height: int | None, scale: float = 1
) -> bytes:
    """The chart's figure drawn by kaleido; a size of None is the figure's own (its layout)."""
    with _LOCK:
        ok, reason = images_available()
        if not ok:
            raise ImagesUnavailable(reason)
        try:
            with warnings.catch_warnings():
                # plotly passes kaleido options that a running batch server ignores (and says so)
                warnings.filterwarnings("ignore", message="The kopts argument is ignored")
                return chart.figure.to_image(format=fmt, width=width, height=height, scale=scale)
        except Exception as exc:  # kaleido/choreographer raise many kinds; none may crash the UI
            raise ImagesUnavailable(t("pres_render_failed", error=exc)) from exc


def chart_png(chart: Chart, width: int = 1920, height: int = 1080) -> bytes:
    """The chart as a PNG of exactly ``width`` x ``height`` pixels."""
    return render(chart, "png", width, height)


def chart_svg(chart: Chart, width: int = 1920, height: int = 1080) -> bytes:
    """The chart as SVG (vector; the same layout as the PNG)."""
    return render(chart, "svg", width, height)
