"""The pages' HTML carries the app's base address, so the browser skips Streamlit's probe of
``/<page>/_stcore/health`` (a 404 and a 100 ms wait on every load of every page but the
first). Checked on a real server on 127.0.0.1; the browser side in
tests/browser/test_pages_browser.py."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest

from benchmarks.harness import start
from pages import serving
from tests.conftest import ROOT


def test_the_paths_are_the_root_and_every_page_of_the_navigation():
    assert serving.page_paths(["overzicht", "kaart"]) == ["/", "/overzicht", "/kaart"]


@pytest.mark.parametrize(("base", "written"), [("", "'/'"), ("/dash/", "'/dash/'")])
def test_the_script_comes_before_streamlits_own(monkeypatch, base, written):
    monkeypatch.setattr(serving.config, "get_option", lambda name: base)
    serving.index_html.cache_clear()
    try:
        html = serving.index_html()
    finally:
        serving.index_html.cache_clear()
    first = html.index("<script")
    assert html[first:].startswith("<script>window.__streamlit = ")
    assert f"BACKEND_BASE_URL: window.location.origin + {written}" in html
    assert html.index("</script>", first) < html.index('<script type="module"')


@pytest.fixture(scope="module")
def server():
    running = start(ROOT / "app.py")
    yield running.url
    running.stop()


def fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as resp:
            body = resp.read().decode(errors="replace")
            return resp.status, resp.headers.get("Cache-Control", ""), body
    except urllib.error.HTTPError as exc:
        return exc.code, "", exc.read().decode(errors="replace")


def test_every_page_of_the_navigation_is_served_with_the_base_address(server):
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    files = re.findall(r'"pages/(\w+)\.py"', app)
    assert "kaart" in files and "overzicht" in files and len(files) == 9
    # each page at its file's name; /overzicht (the first page's name) too
    for name in files:
        status, _, body = fetch(f"{server}/{name}")
        assert status == 200 and body.count("window.__streamlit = ") == 1, name


def test_the_server_sends_pages_with_the_address_and_leaves_the_rest(server):
    for path in ("/", "/kaart?gemeente=GM0114", "/methode", "/overzicht"):
        status, cache, body = fetch(server + path)
        assert status == 200 and cache == "no-cache", path
        assert body.count("window.__streamlit = ") == 1, path
    assert fetch(server + "/_stcore/health")[::2] == (200, "ok")
    # Streamlit's own answers stay as they were: the probe's 404, its fallback page for an
    # unknown path (without the address: the browser then probes as before), its files
    assert fetch(server + "/kaart/_stcore/health")[0] == 404
    status, _, body = fetch(server + "/bestaat-niet")
    assert status == 200 and "window.__streamlit" not in body and '<div id="root">' in body
    assert fetch(server + "/favicon.png")[0] == 200
