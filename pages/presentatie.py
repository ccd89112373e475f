"""Presentatie: the council-session slides, one at a time, in large type, with downloads.

The slide number (``?dia=3``) and the indicator choice (``?indicatoren=a,b``) are in the URL, so
a presenter can prepare a link. The targets entered on the page Ambities (this session) add the
slide "Ambities" for the focus region and a section on its factsheet. Images, the deck and the
factsheet are made only when a download button is pressed (deferred), and cached per selection.
"""

from __future__ import annotations

import functools

import streamlit as st

from indicators import catalog, targets
from indicators.exports import deck, factsheet, images
from indicators.exports.csv import to_csv_bytes
from indicators.formatting import escape_markdown
from indicators.snapshot import snapshot_year
from indicators.state import REGION_CHOICES, as_int
from indicators.ui_text import t
from indicators.views.presentatie import (
    Slide,
    build_slides,
    drivers_for,
    slide_css,
    slide_scale,
)
from pages import shared

lang, snap, scores, state, focus, names = shared.start_page()

# The indicators per goal slide; None is the region's default (build_slides' own).
Choice = tuple[tuple[int, tuple[str, ...]], ...] | None
# The focus region's valid targets from the page Ambities (a hashable tuple: a cache key).
ambitions = tuple(
    x
    for x in targets.valid_targets(st.session_state.get("ambities_rows"), snapshot_year(snap))
    if x.region == focus
)
Ambitions = tuple[targets.Target, ...]


def slides_for(
    focus: str, chosen: Choice, lang: str, scale: float = 1.0, goals: Ambitions = ()
) -> list[Slide]:
    """The slides of one selection at one scale, built once per server, shared read-only."""
    return shared.cached_view(build_slides, focus, chosen, lang, scale, goals)


@st.cache_data(max_entries=60, show_spinner=False)
def chart_image(
    focus: str, chosen: Choice, lang: str, slide: int, chart: int, fmt: str, goals: Ambitions
) -> bytes:
    figure = slides_for(focus, chosen, lang, 1.0, goals)[slide].charts[chart]
    return images.chart_png(figure) if fmt == "png" else images.chart_svg(figure)


@st.cache_data(max_entries=10, show_spinner=False)
def deck_bytes(focus: str, chosen: Choice, lang: str, goals: Ambitions) -> bytes:
    return deck.slide_deck(slides_for(focus, chosen, lang, 1.0, goals))


@st.cache_data(max_entries=10, show_spinner=False)
def factsheet_bytes(focus: str, lang: str, goals: Ambitions) -> bytes:
    return factsheet.factsheet_pdf(snap, scores, focus, lang, goals)


def read_choice(options: dict[int, list[str]], defaults: dict[int, list[str]]) -> list[str]:
    """The indicator choice from ``?indicatoren=``; unknown ids are dropped with a note."""
    raw = st.query_params.get("indicatoren")
    if raw is None:
        return [i for goal in sorted(defaults) for i in defaults[goal]]
    allowed = {i for ids in options.values() for i in ids}
    given = [part.strip() for part in raw.split(",")[:60] if part.strip()]
    unknown = [part for part in given if part not in allowed]
    if unknown:
        shown = ", ".join(unknown[:5])[:120]
        st.info(
            t("pres_bad_indicators", lang, value=escape_markdown(shown)), icon=":material/info:"
        )
    return list(dict.fromkeys(part for part in given if part in allowed))


def store_choice() -> None:
    """Write the multiselect to the URL; the default choice needs no parameter."""
    chosen = st.session_state["presentatie_indicatoren"]
    if chosen == st.session_state.get("_presentatie_default"):
        st.query_params.pop("indicatoren", None)
    else:
        st.query_params["indicatoren"] = ",".join(chosen)


def reset_choice() -> None:
    st.query_params.pop("indicatoren", None)


def store_focus() -> None:
    st.query_params["gemeente"] = st.session_state["presentatie_focus"]


def toggle_mode() -> None:
    """Presentation mode on or off in this session (a new link would start a new session,
    without the targets entered on the page Ambities)."""
    if st.query_params.get("modus") == "presentatie":
        st.query_params.pop("modus", None)
    else:
        st.query_params["modus"] = "presentatie"


def go_to(number: int) -> None:
    st.query_params["dia"] = str(number)


options, defaults = shared.cached_view(drivers_for, focus)
goal_of = {i: goal for goal, ids in options.items() for i in ids}
selection = read_choice(options, defaults)
chosen: Choice = tuple(
    (goal, tuple(i for i in selection if goal_of[i] == goal)) for goal in sorted(options)
)
# The default choice travels as None, so the slides' cache key names the region and nothing
# derived from it, and the server can build them ahead for another region (RegionPrefetch).
if chosen == tuple((goal, tuple(defaults[goal])) for goal in sorted(options)):
    chosen = None
presenting = st.query_params.get("modus") == "presentatie"
screen = shared.viewport()
# Presentation mode hides the header band, so the slide may use the whole height.
header = 0.0 if presenting or not screen else screen["header"]
scale = slide_scale(screen["width"], screen["height"], header) if screen else 1.0
slides = slides_for(focus, chosen, lang, scale, ambitions)
total = len(slides)

raw_number = st.query_params.get("dia")
number = 1
if raw_number is not None:
    given = as_int(raw_number)
    if given is not None and 1 <= given <= total:
        number = given
    else:
        st.info(
            t("pres_bad_slide", lang, value=escape_markdown(raw_number[:64])),
            icon=":material/info:",
        )
slide = slides[number - 1]

st.html(f"<style>{slide_css(scale, presenting, header)}</style>")
st.title(slide.title)
st.markdown(f"### {escape_markdown(slide.finding)}")
charts_area = st.container(key="slide_charts")  # the CSS gives its columns the slide's gap
if len(slide.charts) == 1 and slide.layout[0] < 1:
    side = (1 - slide.layout[0]) / 2
    columns = [charts_area.columns([side, slide.layout[0], side])[1]]
else:
    columns = charts_area.columns(list(slide.layout[: len(slide.charts)]), gap="large")
for index, (column, chart) in enumerate(zip(columns, slide.charts, strict=False)):
    with column:
        st.plotly_chart(
            shared.served_figure(chart.figure),
            key=f"presentatie_chart_{number}_{index}",
            config={"displayModeBar": False},
            theme=None,  # the figure's own large, high-contrast type, not Streamlit's theme
            width="content",  # the slide's own size; the slide is scaled as a whole
        )
        shared.figure_caption(chart, f"presentatie_{number}_{index}")

previous, counter, following, more = st.columns([3, 2, 3, 2], vertical_alignment="center")
# (The downloads and settings sit in a popover in the same row: the slide stays one screen.)
previous.button(
    t("pres_previous", lang),
    key="presentatie_previous",
    icon=":material/arrow_back:",
    disabled=number <= 1,
    on_click=go_to,
    args=(number - 1,),
    shortcut="PageUp",
    width="stretch",
)
counter.markdown(f"#### {t('pres_counter', lang, n=number, total=total)}", text_alignment="center")
following.button(
    t("pres_next", lang),
    key="presentatie_next",
    icon=":material/arrow_forward:",
    icon_position="right",
    disabled=number >= total,
    on_click=go_to,
    args=(number + 1,),
    shortcut="PageDown",
    type="primary",
    width="stretch",
)

with more.popover(t("pres_more", lang), icon=":material/more_horiz:", width="stretch"):
    st.markdown(f"**{t('pres_downloads', lang)}**")
    ok, reason = images.images_available(lang)
    for index, chart in enumerate(slide.charts):
        st.markdown(
            f"**{escape_markdown(t('pres_chart_heading', lang, n=index + 1, title=chart.title))}**"
        )
        png, svg, csv = st.columns(3)
        if ok:
            png.download_button(
                t("pres_png", lang),
                data=lambda i=index: chart_image(
                    focus, chosen, lang, number - 1, i, "png", ambitions
                ),
                file_name=f"{chart.file_stem}.png",
                mime="image/png",
                key=f"presentatie_png_{index}",
                on_click="ignore",
                icon=":material/image:",
            )
            svg.download_button(
                t("pres_svg", lang),
                data=lambda i=index: chart_image(
                    focus, chosen, lang, number - 1, i, "svg", ambitions
                ),
                file_name=f"{chart.file_stem}.svg",
                mime="image/svg+xml",
                key=f"presentatie_svg_{index}",
                on_click="ignore",
                icon=":material/polyline:",
            )
        csv.download_button(
            t("pres_csv", lang),
            data=functools.partial(to_csv_bytes, chart.data),
            file_name=f"{chart.file_stem}.csv",
            mime="text/csv",
            key=f"presentatie_csv_{index}",
            on_click="ignore",
            icon=":material/table:",
        )
    st.divider()
    deck_column, factsheet_column = st.columns(2)
    if ok:
        deck_column.download_button(
            t("pres_deck", lang, region=shared.region_name(focus)),
            data=lambda: deck_bytes(focus, chosen, lang, ambitions),
            file_name=deck.deck_file_name(snap, focus, shared.region_names("nl")[focus]),
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            key="presentatie_deck",
            on_click="ignore",
            icon=":material/slideshow:",
        )
    else:
        deck_column.caption(t("pres_images_off", lang, reason=reason))
    factsheet_column.download_button(
        t("pres_factsheet", lang, region=shared.region_name(focus)),
        data=lambda: factsheet_bytes(focus, lang, ambitions),
        file_name=factsheet.factsheet_file_name(snap, focus, shared.region_names("nl")[focus]),
        mime="application/pdf",
        key="presentatie_factsheet",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )

    st.divider()
    st.markdown(f"**{t('pres_settings', lang)}**")
    st.session_state["presentatie_focus"] = focus
    st.selectbox(
        t("pres_focus", lang),
        options=list(REGION_CHOICES),
        format_func=shared.region_name,
        key="presentatie_focus",
        on_change=store_focus,
    )
    flat_defaults = [i for goal in sorted(defaults) for i in defaults[goal]]
    st.session_state["_presentatie_default"] = flat_defaults
    st.session_state["presentatie_indicatoren"] = selection
    st.multiselect(
        t("pres_indicators", lang),
        options=[i for goal in sorted(options) for i in options[goal]],
        format_func=lambda i: f"{t('goal', lang)} {goal_of[i]} · {catalog.BY_ID[i].name(lang)}",
        key="presentatie_indicatoren",
        on_change=store_choice,
    )
    st.button(
        t("pres_reset_indicators", lang),
        key="presentatie_reset",
        on_click=reset_choice,
        disabled=selection == flat_defaults,
        icon=":material/restart_alt:",
    )
    st.button(
        t("pres_mode_off" if presenting else "pres_mode_on", lang),
        key="presentatie_mode",
        on_click=toggle_mode,
        icon=":material/fullscreen_exit:" if presenting else ":material/fullscreen:",
    )
    st.caption(t("pres_mode_hint", lang))
