"""Hostile URL parameters (hypothesis): never an exception, a friendly note, nothing rendered
as HTML. The parser takes thousands of cases; every page takes a share through AppTest."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from indicators.formatting import escape_markdown
from indicators.state import REGION_CHOICES, parse_params
from tests.conftest import ROOT, examples

NASTY = [
    "<script>alert(1)</script>",
    "'; DROP TABLE observations; --",
    '" OR 1=1 --',
    "[x](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<img src=x onerror=1>",
    "../../etc/passwd",
    "%00",
    "GM0114\n<b>",
    '=HYPERLINK("http://x")',
    "😀" * 50,
    "A" * 5000,
    "",
    " ",
    "GM0114 GM0118",
    "gm0118",
    "NL01",
    "PV22",
    "-1",
    "2015.0",
    "1e9",
]
KEYS = ["gemeente", "indicator", "jaar", "doel", "lang", "dia", "modus", "x"]
values = st.one_of(
    st.sampled_from(NASTY), st.text(max_size=200), st.sampled_from(list(REGION_CHOICES))
)
params = st.dictionaries(
    st.sampled_from(KEYS), st.lists(values, min_size=1, max_size=3), max_size=5
)

PAGES = [
    "pages/overzicht.py",
    "pages/per_doel.py",
    "pages/verkennen.py",
    "pages/kaart.py",
    "pages/vergelijken.py",
    "pages/downloads.py",
    "pages/methode.py",
    "pages/presentatie.py",
]
# 8 pages x 125 = 1,000 generated links through AppTest (plus 1,000 through the parser) in the
# full run; 8 x 6 in the quick lane.
PAGE_EXAMPLES = examples(125, 6)


@settings(max_examples=examples(1000, 200), deadline=None)
@given(params)
def test_parser_never_fails_and_only_returns_known_values(query):
    state = parse_params(query, years={2015, 2024})
    assert state.gemeente in REGION_CHOICES
    assert state.doel in (1, 2, 3) and state.lang in ("nl", "en")
    assert state.jaar in (None, 2015, 2024)
    for note in state.notes:
        assert len(note.value) <= 65
        escaped = escape_markdown(note.value)
        assert "<" not in escaped.replace("\\<", "")


def _no_raw_html(at: AppTest) -> None:
    for element in [*at.markdown, *at.info, *at.caption]:
        body = str(element.value)
        assert "<script" not in body.lower().replace("\\<script", "")
        assert "<img" not in body.lower().replace("\\<img", "")
    for element in at.markdown:
        assert not element.proto.allow_html if hasattr(element, "proto") else True


@pytest.mark.parametrize("page", PAGES)
@settings(
    max_examples=PAGE_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(query=params)
def test_pages_survive_hostile_links(page, query):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, vals in query.items():
        at.query_params[key] = vals
    at.run()
    if page != "pages/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    _no_raw_html(at)
    bad = {
        k
        for k, v in query.items()
        if k in ("gemeente", "doel", "lang")
        and v
        and v[-1].strip().upper() not in {c.upper() for c in REGION_CHOICES}
        and v[-1].strip() not in ("1", "2", "3", "nl", "en", "NL", "EN")
    }
    if bad and page == "pages/overzicht.py":
        assert at.info, "an unknown value must produce the friendly note"
