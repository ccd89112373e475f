"""URL state: valid values pass, anything else gives the default and a note."""

from __future__ import annotations

import pytest

from indicators.formatting import escape_markdown
from indicators.state import DEFAULT_REGION, parse_params, viewport_from_cookie


def test_valid_values_pass():
    state = parse_params(
        {"gemeente": "GM0118", "indicator": "dist_gp", "jaar": "2015", "doel": "2", "lang": "en"},
        years={2015, 2024},
    )
    assert (state.gemeente, state.indicator, state.jaar, state.doel, state.lang) == (
        "GM0118",
        "dist_gp",
        2015,
        2,
        "en",
    )
    assert state.notes == []


def test_lowercase_code_and_repeated_key_take_the_last_value():
    state = parse_params({"gemeente": ["GM0114", "gm1681"]})
    assert state.gemeente == "GM1681"


def test_unknown_values_fall_back_with_a_note():
    state = parse_params(
        {
            "gemeente": "GM9999",
            "indicator": "<script>",
            "jaar": "1800",
            "doel": "7",
            "lang": "fr",
            "other": "x",
        },
        years={2015},
    )
    assert state.gemeente == DEFAULT_REGION
    assert state.jaar is None and state.doel == 1 and state.lang == "nl"
    assert [n.param for n in state.notes] == ["gemeente", "indicator", "jaar", "doel", "lang"]


def test_huge_values_are_shortened_in_the_note():
    state = parse_params({"gemeente": "A" * 10_000})
    assert len(state.notes[0].value) <= 65


def test_escape_markdown_makes_links_and_html_inert():
    text = escape_markdown("[klik](javascript:alert(1)) <b>x</b> *y*")
    assert "\\[" in text and "\\(" in text and "\\<" in text and "\\*" in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1440x836x60", {"width": 1440.0, "height": 836.0, "header": 60.0}),
        ("1905x1080x0", {"width": 1905.0, "height": 1080.0, "header": 0.0}),
        ("1280x640x59.5", {"width": 1280.0, "height": 640.0, "header": 59.5}),
        (None, None),
        ("", None),
        ("1440x836", None),  # two sizes
        ("1440x836x60x1", None),
        ("widex836x60", None),
        ("99x836x60", None),  # narrower than any screen
        ("1440x90000x60", None),
        ("1440x836x-1", None),
        ("nanx836x60", None),
        ("1440x836x60" + "0" * 80, None),  # cut at 64 characters: the header is then too large
    ],
)
def test_viewport_from_cookie_takes_three_sizes_within_bounds(text, expected):
    assert viewport_from_cookie(text) == expected
