"""Every slide of the presentation fits a projector of 1280 x 720, 1440 x 900 and 1920 x 1080:
no scrolling, the title in view, no clipped text (HTML or chart), tick labels horizontal, the
next slide opening at its top after Volgende and after PageDown, the buttons on screen, and at
1920 x 1080 every chart text and the body text at least 24 px (issue 13).

One page per size walks all slides (the problems of every slide are collected, so one run says
everything that is wrong); a screenshot of each lands in test-artifacts/slides/<w>x<h>-<n>.png.
"""

from __future__ import annotations

import re

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser.conftest import ARTIFACTS, wait_for_app
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        "pages/presentatie.py" not in (ROOT / "app.py").read_text(encoding="utf-8"),
        reason="app.py does not register pages/presentatie.py yet",
    ),
]

SIZES = [(1280, 720), (1440, 900), (1920, 1080)]
MIN_ROOM_PX = 24  # chart text and body text at 1920 x 1080, read from the back of the room
SHOTS = ARTIFACTS / "slides"

# What is on screen, measured in the page. Returns the problems found (strings) and a few
# figures. ``minFont``: the smallest font size in px allowed for chart and body text (0: none).
INSPECT = r"""
({minFont}) => {
  const problems = [];
  const vw = window.innerWidth, vh = window.innerHeight;
  const main = document.querySelector('[data-testid="stMain"]');
  const name = (el) => {
    const id = el.getAttribute && el.getAttribute('data-testid');
    const cls = el.getAttribute && el.getAttribute('class');
    const text = (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    return `${el.tagName.toLowerCase()}${id ? '[' + id + ']' : ''}` +
      `${cls ? '.' + cls.split(/\s+/).slice(0, 2).join('.') : ''} "${text}"`;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  // Visually hidden on purpose (a screen-reader-only caption): 1 px, clipped away.
  const screenReaderOnly = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.clipPath && cs.clipPath.startsWith('inset(50%')) return true;
      if (cs.clip && cs.clip.startsWith('rect(0')) return true;
      const r = e.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1 && cs.overflow !== 'visible') return true;
    }
    return false;
  };
  const inside = (r, box, slack = 1) =>
    r.left >= box.left - slack && r.right <= box.right + slack &&
    r.top >= box.top - slack && r.bottom <= box.bottom + slack;
  const screen = {left: 0, top: 0, right: vw, bottom: vh};

  // 1. No scrolling: the document, the main area, and any other element that scrolls.
  const scrollers = new Set([document.scrollingElement, main]);
  for (const el of document.querySelectorAll('body *')) {
    const cs = getComputedStyle(el);
    if (/(auto|scroll)/.test(cs.overflowX + cs.overflowY) && shown(el)) scrollers.add(el);
  }
  const scrollTops = [];
  for (const el of scrollers) {
    if (!el) continue;
    if (el.scrollHeight > el.clientHeight + 1)
      problems.push(`scrolls vertically: ${name(el)} ${el.scrollHeight} > ${el.clientHeight}`);
    if (el.scrollWidth > el.clientWidth + 1)
      problems.push(`scrolls horizontally: ${name(el)} ${el.scrollWidth} > ${el.clientWidth}`);
    if (el.scrollTop > 0 || el.scrollLeft > 0)
      scrollTops.push(`${name(el)} scrolled to ${el.scrollLeft},${el.scrollTop}`);
  }

  // 2. The title (the first h1) and the Vorige/Volgende buttons lie within the viewport.
  const h1 = main && main.querySelector('h1');
  const title = h1 ? h1.textContent.trim() : '';
  if (!h1) problems.push('no h1');
  else if (!inside(h1.getBoundingClientRect(), screen, 0))
    problems.push(`title out of view: ${JSON.stringify(h1.getBoundingClientRect())}`);
  else {  // and not covered (by the header band, say): what is drawn there is the title
    const words = h1.querySelector('span') || h1;
    const r = words.getBoundingClientRect();
    const middle = r.top + r.height / 2;
    for (const [x, y] of [[r.left + 4, middle], [r.left + r.width / 2, middle],
                          [r.right - 4, middle]]) {
      const top = document.elementFromPoint(x, y);
      if (!top || !h1.contains(top)) {
        problems.push(`title covered at ${Math.round(x)},${Math.round(y)} by ` +
                      (top ? name(top) : 'nothing'));
        break;
      }
    }
  }
  const buttons = [...document.querySelectorAll('[data-testid="stMain"] button')];
  for (const label of ['Vorige', 'Volgende']) {
    const button = buttons.find((b) => b.textContent.includes(label));
    if (!button) problems.push(`no button ${label}`);
    else if (!inside(button.getBoundingClientRect(), screen, 0))
      problems.push(`button ${label} out of view: ` +
                    JSON.stringify(button.getBoundingClientRect()));
  }

  // 4a. No clipped HTML text: an element with text that hides its overflow (hidden, clip or
  // an ellipsis) must not have more content than room.
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg') || !shown(el)) continue;
    if (!(el.textContent || '').trim()) continue;
    const cs = getComputedStyle(el);
    const ellipsis = cs.textOverflow === 'ellipsis';
    const hidesX = ['hidden', 'clip'].includes(cs.overflowX) || ellipsis;
    const hidesY = ['hidden', 'clip'].includes(cs.overflowY) || ellipsis;
    if (!hidesX && !hidesY) continue;
    if (screenReaderOnly(el)) continue;
    const across = hidesX && el.scrollWidth > el.clientWidth + 1;
    const down = hidesY && el.scrollHeight > el.clientHeight + 1;
    if (!across && !down) continue;
    // More content than room: clipped text if the words themselves reach past the box (not
    // only an empty margin, as under the <p> of Streamlit's navigation links).
    const box = el.getBoundingClientRect();
    const words = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = words.nextNode(); node; node = words.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest('svg')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const out = (across && (r.left < box.left - 1 || r.right > box.right + 1)) ||
        (down && (r.top < box.top - 1 || r.bottom > box.bottom + 1));
      if (out) {
        problems.push(`text clipped (${across ? 'across' : 'down'}): ${name(el)} ` +
                      `${el.scrollWidth}x${el.scrollHeight} > ` +
                      `${el.clientWidth}x${el.clientHeight}`);
        break;
      }
    }
  }
  // Visible HTML text on screen (a text node's own box).
  const sizes = [];
  const walker = document.createTreeWalker(main || document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('svg') || !shown(el)) continue;
    if (screenReaderOnly(el)) continue;
    if (el.closest('[data-testid="stIconMaterial"]')) continue;  // an icon, not words
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (!inside(r, screen))
      problems.push(`text off screen: "${node.textContent.trim().slice(0, 40)}" ` +
                    `${JSON.stringify(r)}`);
    const px = parseFloat(getComputedStyle(el).fontSize);
    sizes.push(px);
    if (minFont && px < minFont - 0.05)
      problems.push(`small text ${px}px: "${node.textContent.trim().slice(0, 40)}"`);
  }

  // 4b. Charts: every SVG text within its figure and within what its clip paths leave
  // visible (a plot area, a table's scroll area), a table cell's text within its cell, every
  // row of a table shown, x tick labels horizontal; 5. large type.
  const clipBox = (el, svg) => {
    let box = null;
    for (let e = el; e && e !== svg; e = e.parentElement) {
      const ref = /url\(["']?#([^"')]+)/.exec(e.getAttribute('clip-path') || '');
      const shape = ref && document.getElementById(ref[1]);
      const rect = shape && shape.querySelector('rect');
      if (!rect) continue;
      const b = rect.getBBox(), m = e.getScreenCTM();
      const p = new DOMPoint(b.x, b.y).matrixTransform(m);
      const q = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(m);
      const r = {left: Math.min(p.x, q.x), top: Math.min(p.y, q.y),
                 right: Math.max(p.x, q.x), bottom: Math.max(p.y, q.y)};
      box = !box ? r : {
        left: Math.max(box.left, r.left), top: Math.max(box.top, r.top),
        right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom)};
    }
    return box;
  };
  const charts = [...document.querySelectorAll('.js-plotly-plot')];
  const chartFonts = [];
  for (const [index, chart] of charts.entries()) {
    const svgs = [...chart.querySelectorAll('svg.main-svg')];
    if (!svgs.length) { problems.push(`chart ${index + 1} not drawn`); continue; }
    const box = svgs[0].getBoundingClientRect();
    if (!inside(box, screen))
      problems.push(`chart ${index + 1} off screen: ${JSON.stringify(box)}`);
    const holder = chart.closest('[data-testid="stColumn"]') ||
      chart.closest('[data-testid="stMainBlockContainer"]');
    const room = holder && holder.getBoundingClientRect();
    if (room && (box.left < room.left - 1 || box.right > room.right + 1))
      problems.push(`chart ${index + 1} wider than its column: ${Math.round(box.width)} > ` +
                    `${Math.round(room.width)}`);
    const tables = (chart.data || []).filter((trace) => trace.type === 'table');
    for (const [n, table] of [...chart.querySelectorAll('g.table')].entries()) {
      const rows = tables[n] ? tables[n].cells.values[0].length : 0;
      const first = table.querySelector('.y-column');
      const shownRows = first ? [...first.querySelectorAll('.column-cell')].filter((c) => {
        const t = c.querySelector('.cell-text');
        const r = t && t.getBoundingClientRect();
        const clip = t && clipBox(t, t.closest('svg'));
        return r && r.height > 0 && (!clip || inside(r, clip));
      }).length : 0;
      if (shownRows < rows + 1)  // the header is a row too
        problems.push(`chart ${index + 1} table shows ${shownRows - 1} of ${rows} rows`);
    }
    for (const svg of svgs) {
      for (const text of svg.querySelectorAll('text')) {
        const words = text.textContent.trim();
        if (!words) continue;
        const r = text.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const where = `"${words.slice(0, 40)}" [${Math.round(r.left - box.left)}, ` +
          `${Math.round(r.top - box.top)}, ${Math.round(r.right - box.left)}, ` +
          `${Math.round(r.bottom - box.top)}] in ${Math.round(box.width)} x ` +
          `${Math.round(box.height)}`;
        if (!inside(r, box)) {
          problems.push(`chart ${index + 1} text outside its figure: ${where}`);
          continue;
        }
        const clip = clipBox(text, svg);
        if (clip && !inside(r, clip))
          problems.push(`chart ${index + 1} text clipped in its figure: ${where}`);
        const cell = text.closest('.column-cell');
        const cellRect = cell && cell.querySelector('.cell-rect');
        if (cellRect && !inside(r, cellRect.getBoundingClientRect()))
          problems.push(`chart ${index + 1} text runs out of its table cell: ${where}`);
        const turn = /rotate\(\s*(-?[\d.]+)/.exec(text.getAttribute('transform') || '');
        if (text.closest('.xtick, .x2tick, .x3tick, [class*="xtick"]') && turn && +turn[1] !== 0)
          problems.push(`chart ${index + 1} x tick label rotated ${turn[1]}: "${words}"`);
        // the font size as drawn: its computed size times the SVG's rendered scale
        for (const part of [text, ...text.querySelectorAll('tspan')]) {
          const own = [...part.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (!own) continue;
          const m = part.getScreenCTM();
          const scale = m ? Math.hypot(m.a, m.b) : 1;
          const px = parseFloat(getComputedStyle(part).fontSize) * scale;
          chartFonts.push(px);
          if (minFont && px < minFont - 0.05)
            problems.push(`chart ${index + 1} small text ${px.toFixed(1)}px: ` +
                          `"${part.textContent.trim().slice(0, 40)}"`);
        }
      }
    }
  }
  return {
    problems, title, scrollTops, charts: charts.length,
    h1: h1 ? parseFloat(getComputedStyle(h1).fontSize) : 0,
    smallestText: sizes.length ? Math.min(...sizes) : 0,
    smallestChartText: chartFonts.length ? Math.min(...chartFonts) : 0,
  };
}
"""

# What changes while a slide settles (the page is drawn once more when the viewport component
# has reported the screen's size, at the slide's scale).
SETTLED = """() => {
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  const svgs = [...document.querySelectorAll('.js-plotly-plot svg.main-svg')];
  const app = document.querySelector('[data-testid="stApp"]');
  return JSON.stringify([h1 && h1.textContent, h1 && getComputedStyle(h1).fontSize,
    svgs.map((s) => s.getAttribute('width') + 'x' + s.getAttribute('height')),
    app && app.getAttribute('data-test-script-state')]);
}"""


def settle(page) -> None:
    """Wait until the run has finished and the slide stays the same for a second."""
    wait_for_app(page)
    page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(timeout=45_000)
    last, same_since = None, 0
    for _ in range(60):
        now = page.evaluate(SETTLED)
        if now == last and "notRunning" in now:
            same_since += 1
            if same_since >= 3:
                return
        else:
            last, same_since = now, 0
        page.wait_for_timeout(350)
    raise AssertionError(f"the slide did not settle: {last}")


def counter(page) -> tuple[int, int]:
    """(n, total) from the 'Dia n / total' line."""
    text = page.get_by_text(re.compile(r"^Dia \d+ / \d+$")).first.inner_text()
    n, total = re.findall(r"\d+", text)
    return int(n), int(total)


def wait_for_slide(page, number: int) -> None:
    page.wait_for_url(re.compile(rf"[?&]dia={number}(&|$)"), timeout=45_000)
    page.get_by_text(re.compile(rf"^Dia {number} / \d+$")).wait_for(timeout=45_000)
    settle(page)


def inspect(page, min_font: float = 0) -> dict:
    return page.evaluate(INSPECT, {"minFont": min_font})


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_slide_fits_the_projector(app_url, browser, width, height):
    page = browser.new_page(locale="nl-NL", viewport={"width": width, "height": height})
    page.goto(f"{app_url}/presentatie?modus=presentatie&gemeente=GM0114&dia=1")
    settle(page)
    number, total = counter(page)
    assert number == 1 and total >= 6
    SHOTS.mkdir(parents=True, exist_ok=True)
    min_font = MIN_ROOM_PX if width >= 1920 else 0
    problems: list[str] = []
    titles = []
    for number in range(1, total + 1):
        if number > 1:
            # Volgende and PageDown in turn: either way the next slide opens at its top.
            how = "Volgende" if number % 2 == 0 else "PageDown"
            if how == "Volgende":
                page.get_by_role("button", name="Volgende").click()
            else:
                page.keyboard.press("PageDown")
            wait_for_slide(page, number)
        else:
            how = "link"
        found = inspect(page, min_font)
        page.screenshot(path=str(SHOTS / f"{width}x{height}-{number}.png"))
        titles.append(found["title"])
        assert found["charts"] >= 1, f"slide {number}: no chart"
        for scrolled in found["scrollTops"]:
            problems.append(f"slide {number} (after {how}) does not open at its top: {scrolled}")
        problems += [f"slide {number}: {p}" for p in found["problems"]]
        if min_font:
            assert found["smallestChartText"] >= min_font or found["problems"]
    assert len(set(titles)) == total, titles
    page.close()
    assert not problems, f"{width} x {height}:\n" + "\n".join(problems)


def test_a_slide_that_scrolls_still_opens_the_next_at_its_top(app_url, browser):
    """Should a slide ever not fit (a note above it, a browser zoomed in), Volgende and PageDown
    still open the next slide at its top, not scrolled as far as the one before."""
    page = browser.new_page(locale="nl-NL", viewport={"width": 1280, "height": 720})
    page.goto(f"{app_url}/presentatie?modus=presentatie&gemeente=GM0114&dia=2")
    settle(page)
    taller = '[data-testid="stMainBlockContainer"]{padding-bottom:400px !important}'
    page.add_style_tag(content=taller)
    for number, press in ((3, "Volgende"), (4, "PageDown")):
        page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTop = 300")
        assert page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTop") > 0
        if press == "Volgende":
            page.get_by_role("button", name="Volgende").click()
        else:
            page.keyboard.press("PageDown")
        wait_for_slide(page, number)
        found = inspect(page)
        assert not found["scrollTops"], (press, found["scrollTops"])
        title = page.locator("[data-testid='stMain'] h1").first.bounding_box()
        assert title and 0 <= title["y"] and title["y"] + title["height"] <= 720, press
    page.close()


def script_runs(page) -> list[int]:
    """A list that grows by one for every script run the page's websocket sees finish."""
    finished: list[int] = []

    def on_frame(payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            msg = ForwardMsg.FromString(payload)
            if msg.WhichOneof("type") == "script_finished":
                finished.append(msg.script_finished)

    page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
    return finished


def chart_sizes(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.js-plotly-plot svg.main-svg')]"
        ".map((s) => s.getAttribute('width') + 'x' + s.getAttribute('height'))"
    )


def test_a_reload_draws_the_slide_once_at_the_screens_size(app_url, browser):
    """A first visit draws the slide twice: the server learns the screen's size only from the
    viewport component, after the first run. The size is kept in a cookie, so a reload starts
    from it: one script run, with the charts at the size the first visit ended with."""
    page = browser.new_page(locale="nl-NL", viewport={"width": 1440, "height": 900})
    runs = script_runs(page)
    page.goto(f"{app_url}/presentatie?gemeente=GM0114")
    settle(page)
    first_visit, sizes = len(runs), chart_sizes(page)
    cookie = {c["name"]: c["value"] for c in page.context.cookies()}.get("bw_viewport", "")
    runs.clear()
    page.reload()
    settle(page)
    page.wait_for_timeout(1500)  # a second run would have begun by now
    assert first_visit == 2, first_visit
    assert re.fullmatch(r"\d+x\d+x[\d.]+", cookie), cookie
    assert 0 < int(cookie.split("x")[0]) <= 1440  # the main area, within the window
    assert len(runs) == 1, runs
    assert chart_sizes(page) == sizes
    page.close()


def test_the_page_outside_presentation_mode(app_url, browser):
    """The normal page (sidebar, header band) at 1440 x 900: the preview's title is in view
    after Volgende, and Presentatie is in the sidebar's navigation."""
    page = browser.new_page(locale="nl-NL", viewport={"width": 1440, "height": 900})
    page.goto(f"{app_url}/presentatie?gemeente=GM0114")
    settle(page)
    nav = page.get_by_test_id("stSidebarNav").get_by_text("Presentatie", exact=True)
    assert nav.is_visible()
    box = nav.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 900
    page.get_by_role("button", name="Volgende").click()
    wait_for_slide(page, 2)
    found = inspect(page)
    page.screenshot(path=str(ARTIFACTS / "slides" / "normal-1440x900-2.png"))
    title = page.locator("[data-testid='stMain'] h1").first.bounding_box()
    assert title and title["y"] >= 0 and title["y"] + title["height"] <= 900
    assert not found["scrollTops"], found["scrollTops"]
    assert not found["problems"], "\n".join(found["problems"])
    page.close()


TARGETS = (
    "indicator,region,target,year,basis,note\n"
    "net_labour_participation,GM0114,72,2030,waarde,\n"
    "obesity,GM0114,,2030,nederland,\n"
    "dist_cafe,GM0114,,2030,drenthe,\n"
    "noise_nuisance_neighbours,GM0114,,2030,beste_kwart,\n"
    "jobs_per_1000,GM0114,500,2030,waarde,\n"
)


def test_the_ambitions_slide_fits(app_url, browser):
    """Targets loaded on the page Ambities add the slide Ambities (this session only, so on the
    page with its sidebar): at 1440 x 900 its progress table shows four rows of five, wrapped
    in their cells, nothing clipped."""
    page = browser.new_page(locale="nl-NL", viewport={"width": 1440, "height": 900})
    page.goto(f"{app_url}/ambities?gemeente=GM0114")
    wait_for_app(page)
    page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(
        {"name": "doelen.csv", "mimeType": "text/csv", "buffer": TARGETS.encode()}
    )
    page.get_by_text("doelen.csv: 5 streefwaarde(n) toegevoegd").wait_for(timeout=30_000)
    wait_for_app(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Presentatie", exact=True).click()
    page.wait_for_url(re.compile("/presentatie"), timeout=30_000)
    settle(page)
    number, total = counter(page)
    assert (number, total) == (1, 7)
    for number in range(2, total):
        page.get_by_role("button", name="Volgende").click()
        wait_for_slide(page, number)
    found = inspect(page)
    page.screenshot(path=str(SHOTS / "normal-1440x900-ambities.png"))
    assert found["title"] == "Ambities"
    assert found["charts"] == 2
    assert not found["scrollTops"], found["scrollTops"]
    assert not found["problems"], "\n".join(found["problems"])
    page.close()
