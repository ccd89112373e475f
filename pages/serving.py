"""The pages' HTML, served with the app's base address written into it.

Streamlit's browser client does not know where the app lives: opened at ``/kaart`` it first
asks ``/kaart/_stcore/health``, gets a 404, waits 100 ms and then asks ``/_stcore/health``.
Every page but the first paid that on every load (measured: Methode's warm reload 580 ms at
``/methode`` against 418 ms for the same page at ``/``). Streamlit's client reads the address
from ``window.__streamlit.BACKEND_BASE_URL`` when the page sets it (as hosts that embed
Streamlit do), so these routes serve Streamlit's own ``index.html`` with that one line added.
``st.App`` lets routes take precedence over Streamlit's static files for this.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from streamlit import config, file_util
from streamlit.runtime.scriptrunner import get_script_run_ctx

from pages.activity import ACTIVITY

# Written before Streamlit's own scripts, which read it once when they load.
BASE_SCRIPT = (
    "<script>window.__streamlit = Object.assign(window.__streamlit || {}, "
    "{BACKEND_BASE_URL: window.location.origin + {base}});</script>"
)


def imported_by_server() -> bool:
    """True when app.py is imported to find its server, not run as a page script."""
    return get_script_run_ctx(suppress_warning=True) is None


def page_paths(url_paths: Iterable[str]) -> list[str]:
    """``/`` and one path per page of the navigation (app.py's ``PAGES``; the first page's
    own name, ``/overzicht``, sends a reader to ``/``)."""
    return ["/", *(f"/{path}" for path in url_paths)]


@cache
def index_html() -> str:
    """Streamlit's ``index.html`` with the base address script as the first thing in head."""
    base = config.get_option("server.baseUrlPath").strip("/")
    script = BASE_SCRIPT.replace("{base}", repr(f"/{base}/" if base else "/"))
    html = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    return html.replace("<head>", "<head>" + script, 1)


async def page(_request: Request) -> HTMLResponse:
    ACTIVITY.page_load()  # background work waits for this page's scripts and first run
    return HTMLResponse(index_html(), headers={"Cache-Control": "no-cache"})


def page_routes(url_paths: Iterable[str]) -> list[Route]:
    return [Route(path, page, methods=["GET", "HEAD"]) for path in page_paths(url_paths)]
