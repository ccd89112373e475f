"""View models that several pages share (pure pandas, no Streamlit).

Region names, quartile words, the comparison of the four with ZOD, Drenthe and Nederland, one
indicator over time with its trend sentence, and the indicator card. Every value keeps its own
year and status: nothing is carried forward or filled, a missing value stays missing and the
pages say "geen gegevens".
"""

from __future__ import annotations

import math
from html import escape

import numpy as np
import pandas as pd

from indicators import catalog, scoring
from indicators.catalog import Indicator
from indicators.charts import Chart
from indicators.charts.indicator import series_chart, series_spec
from indicators.formatting import escape_markdown
from indicators.regions import DRENTHE, FOCUS_MUNICIPALITIES, NEDERLAND, PEERS, ZOD
from indicators.scoring import Scores
from indicators.snapshot import Snapshot, is_dated, snapshot_year
from indicators.ui_text import t

# Regions with a name of their own in English (ui_text keys region_NL01, region_ZOD).
TRANSLATED_REGIONS = (NEDERLAND, ZOD)
QUARTILE_KEYS = {
    "bovenste kwart": "quartile_top",
    "midden": "quartile_middle",
    "onderste kwart": "quartile_bottom",
}

QUARTILE_ICON = {"bovenste kwart": "▲", "midden": "●", "onderste kwart": "▼", "": "–"}


def quartile_label(quartile: str, lang: str = "nl") -> str:
    """'▼ onderste kwart': the symbol carries the quartile without colour."""
    words = t(QUARTILE_KEYS.get(quartile, "quartile_middle"), lang)
    return f"{QUARTILE_ICON.get(quartile, '')} {words}"


def score_words(score: float, quartile: str, lang: str = "nl") -> tuple[str, str]:
    """How a goal score reads in a sentence: its relation to Nederland ('boven Nederland',
    within 0,05 of 5 'gelijk aan Nederland') and its quarter among the municipalities."""
    relation = t("above_nl" if score > 5.05 else "below_nl" if score < 4.95 else "at_nl", lang)
    return relation, t(QUARTILE_KEYS.get(str(quartile), "quartile_middle"), lang)


def region_names(snap: Snapshot, lang: str = "nl") -> dict[str, str]:
    """Code -> name, with Nederland and the region named in the reader's language (the
    municipalities and provinces keep their own names)."""
    names = snap.regions.set_index("code")["name"].astype(str).to_dict()
    if lang != "nl":
        names.update({code: t(f"region_{code}", lang) for code in TRANSLATED_REGIONS})
    return names


COMPARISON = (*FOCUS_MUNICIPALITIES, ZOD, DRENTHE, NEDERLAND)


def comparison_scores(scores: Scores, names: dict[str, str]) -> pd.DataFrame:
    """Actueel goal scores of the four, ZOD, Drenthe and Nederland (the small multiple)."""
    frame = scores.actueel[scores.actueel["region"].isin(COMPARISON)]
    frame = frame.assign(
        region_name=frame["region"].map(names),
        goal_name=frame["goal"].map(lambda g: catalog.GOALS[int(g)]["nl"]),
        order=frame["region"].map(list(COMPARISON).index),
    ).sort_values(["goal", "order"])
    cols = ["goal", "goal_name", "region", "region_name", "score", "rank", "quartile", "years"]
    return frame[cols].reset_index(drop=True)


TREND_KEY = {
    "beter": "trend_better",
    "slechter": "trend_worse",
    "geen duidelijke trend": "trend_none",
}


def goal_trend(scores: Scores, region: str, goal: int) -> dict[str, object]:
    """How the region moves relative to Nederland on the goal's indicators: of the ``n``
    scored indicators with a trend (three or more years, :func:`scoring.relative_trends`),
    how many improve and how many worsen relative to Nederland, and a text key for the
    overall direction (more improving than worsening: better)."""
    rel = scores.relative
    ids = [i.id for i in catalog.scored_indicators(goal)]
    part = rel[(rel["region"] == region) & rel["indicator"].isin(ids)]
    n, better = len(part), int((part["direction"] == "beter").sum())
    worse = int((part["direction"] == "slechter").sum())
    if n == 0:
        key = "trend_insufficient"
    else:
        key = (
            "trend_better" if better > worse else "trend_worse" if worse > better else "trend_none"
        )
    return {"trend": key, "n_trend": n, "n_better": better, "n_worse": worse}


def trend_words(card: dict[str, object], lang: str = "nl") -> str:
    """'3 van 12 indicatoren met een reeks verbeteren t.o.v. Nederland, 1 verslechtert'."""
    if not card.get("n_trend"):
        return t("trend_insufficient", lang)
    return t(
        "trend_counts",
        lang,
        better=card["n_better"],
        n=card["n_trend"],
        worse=card["n_worse"],
    )


def trend_short(card: dict[str, object], lang: str = "nl") -> str:
    """'3 beter, 1 slechter (van 12)': the trend counts for a narrow table cell."""
    if not card.get("n_trend"):
        return t("trend_insufficient", lang)
    return t("trend_short", lang, better=card["n_better"], worse=card["n_worse"], n=card["n_trend"])


def oldest_words(card: dict[str, object], lang: str = "nl") -> str:
    """'oudste cijfer 2015, verouderd' (the age of the oldest figure a score stands on)."""
    if not card.get("year_min"):
        return ""
    key = "oldest_dated" if card.get("dated") else "oldest"
    return t(key, lang, year=card["year_min"])


def goal_cards(
    scores: Scores, region: str, reference_year: int | None = None
) -> list[dict[str, object]]:
    """One card per goal: score, status, rank, percentile, quartile, bottom-quarter count,
    years drawn on and the oldest of them (dated when more than five years older than the
    snapshot's ``reference_year``), and the trend relative to Nederland."""
    rows = scores.actueel[scores.actueel["region"] == region].set_index("goal")
    cards = []
    for goal in (1, 2, 3):
        row = rows.loc[goal] if goal in rows.index else None
        score = float(row["score"]) if row is not None else math.nan
        cards.append(
            {
                "goal": goal,
                "name": catalog.GOALS[goal],
                "score": score,
                "ok": row is not None and row["status"] == "ok",
                "rank": None if row is None or pd.isna(row["rank"]) else int(row["rank"]),
                "n_ranked": 0 if row is None else int(row["n_ranked"]),
                "percentile": math.nan if row is None else float(row["percentile"]),
                "quartile": "" if row is None else str(row["quartile"]),
                "n_bottom": 0
                if row is None or pd.isna(row["n_bottom_quarter"])
                else int(row["n_bottom_quarter"]),
                "n_indicators": 0 if row is None else int(row["n_indicators"]),
                "n_total": 0 if row is None else int(row["n_total"]),
                "years": "" if row is None else str(row["years"]),
                "year_min": None if row is None else int(row["year_min"]),
                "dated": row is not None
                and reference_year is not None
                and is_dated(int(row["year_min"]), reference_year),
            }
            | goal_trend(scores, region, goal)
        )
    return cards


def choose_year(years: list[int], wanted: int | None) -> tuple[int | None, bool]:
    """The year to show and whether the wanted year had to be replaced by the latest."""
    if not years:
        return None, wanted is not None
    if wanted in years:
        return wanted, False
    return years[-1], wanted is not None


# Tables of a page's own figures are plain HTML, not st.dataframe: the grid cuts long names and
# hides columns behind a sideways scroll at 1440 px, and as a canvas it gives a screen reader
# little to read. A table wraps its text at word boundaries, keeps every column in view and
# prints. Everything from data is escaped.
TABLE_CSS = """
.bw-table-wrap{overflow-x:auto}
.bw-table-wrap:focus-visible{outline:2px solid #243A57;outline-offset:2px}
.bw-table{border-collapse:collapse;width:100%;font-size:.85rem;line-height:1.35}
.bw-table caption{text-align:left;font-size:.85rem;padding:0 0 .4rem 0;color:#31333F}
.bw-table th,.bw-table td{border-bottom:1px solid rgba(49,51,63,.15);padding:.3rem .45rem;
vertical-align:top;text-align:right;overflow-wrap:normal;word-break:normal;hyphens:manual}
.bw-table th{font-weight:600;background:#F0F2F6}
.bw-table th:first-child,.bw-table td:first-child{text-align:left;min-width:14rem}
.bw-table tbody tr:hover{background:#F7F8FA}
"""


def html_table(frame: pd.DataFrame, caption: str, row_headers: bool = True) -> str:
    """``frame`` as an accessible HTML table: a caption (its name for a screen reader),
    column headers, and the first column as row headers."""
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for n, value in enumerate(record):
            text = (
                "" if value is None or (isinstance(value, float) and math.isnan(value)) else value
            )
            tag = "th" if n == 0 and row_headers else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f"<{tag}{scope}>{escape(str(text))}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        # A table wider than the screen scrolls; the keyboard reaches it as a named region.
        f"<style>{TABLE_CSS}</style><div class='bw-table-wrap' role='region' tabindex='0' "
        f"aria-label='{escape(caption, quote=True)}'><table class='bw-table'>"
        f"<caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def missing_regions(frame: pd.DataFrame, regions: list[str]) -> list[str]:
    """The regions of a time series that have no value in any year."""
    have = set(frame["region"])
    return [r for r in regions if r not in have]


def series_regions(region: str, ind: Indicator | None = None) -> list[str]:
    """The lines of a time series: the chosen region, ZOD, Drenthe, Nederland (no doubles).
    For a count the yardsticks are the other municipalities of the four instead."""
    if ind is not None and ind.is_count:
        return list(dict.fromkeys([region, *FOCUS_MUNICIPALITIES]))
    return list(dict.fromkeys([region, ZOD, DRENTHE, NEDERLAND]))


def reference_regions(region: str, ind: Indicator) -> list[str]:
    """The marked values beside the ranking: the chosen region and, unless a count, Nederland."""
    return [region] if ind.is_count else [region, NEDERLAND]


def latest_values(obs: pd.DataFrame, indicators: list[str], regions: list[str]) -> pd.DataFrame:
    """Each region's own latest year per indicator (the 'actueel' view): indicator, region,
    year, value, status, table."""
    sel = obs[obs["indicator"].isin(indicators) & obs["region"].isin(regions)]
    sel = sel.dropna(subset=["value"]).sort_values("year")
    latest = sel.groupby(["indicator", "region"]).tail(1)
    cols = ["indicator", "region", "year", "value", "status", "table"]
    return latest[cols].reset_index(drop=True)


def peer_latest(obs: pd.DataFrame, indicators: list[str], peers: list[str]) -> pd.DataFrame:
    """Median of the peer group in the latest year any peer has a value: indicator, year,
    value, n_peers."""
    sel = obs[obs["indicator"].isin(indicators)]
    medians = scoring.peer_values(sel, peers)
    if medians.empty:
        return pd.DataFrame(columns=["indicator", "year", "value", "n_peers"])
    return medians.sort_values("year").groupby("indicator").tail(1).reset_index(drop=True)


def series(
    obs: pd.DataFrame,
    indicator: str,
    regions: list[str],
    names: dict[str, str],
    peers: list[str] | None = None,
    peer_label: str = "",
) -> pd.DataFrame:
    """All years of one indicator for the regions (and the peer median as region 'peers'):
    region, region_name, year, value, status, table, n_peers."""
    sel = obs[(obs["indicator"] == indicator) & obs["region"].isin(regions)].dropna(
        subset=["value"]
    )
    frame = sel[["region", "year", "value", "status", "table"]].assign(
        region_name=sel["region"].map(names).fillna(sel["region"]), n_peers=np.nan
    )
    if peers:
        med = scoring.peer_values(obs[obs["indicator"] == indicator], peers)
        if not med.empty:
            frame = pd.concat(
                [
                    frame,
                    med.assign(region=PEERS, region_name=peer_label, status="derived", table="")[
                        frame.columns
                    ],
                ],
                ignore_index=True,
            )
    order = {r: i for i, r in enumerate([*regions, PEERS])}
    frame = frame.assign(_o=frame["region"].map(order)).sort_values(["_o", "year"])
    cols = ["region", "region_name", "year", "value", "status", "table", "n_peers"]
    return frame[cols].reset_index(drop=True)


def trend_text(
    obs: pd.DataFrame,
    ind: Indicator,
    region: str,
    region_name: str,
    spread: pd.Series | None = None,
    lang: str = "nl",
) -> str:
    """The trend over the last 8 years from :func:`scoring.trends` as a sentence. Scored
    indicators read better/worse; context indicators rising/falling."""
    sel = obs[(obs["indicator"] == ind.id) & (obs["region"] == region)]
    d = 1.0 if ind.direction != "lower_better" else -1.0
    table = pd.DataFrame(
        {"indicator": [ind.id], "goal": [ind.goal], "subtheme": [ind.subtheme], "d": [d]}
    )
    result = scoring.trends(sel, spread=spread, indicators=table)
    if result.empty:
        return t("vk_trend_insufficient", lang, region=region_name)
    row = result.iloc[0]
    key = TREND_KEY[str(row["direction"])]
    if not ind.scored:
        key = {"trend_better": "vk_trend_up", "trend_worse": "vk_trend_down"}.get(key, key)
    return t(
        "vk_trend",
        lang,
        region=region_name,
        first=int(row["first_year"]),
        last=int(row["last_year"]),
        n=int(row["n_years"]),
        direction=t(key, lang),
    )


def indicator_card(ind: Indicator, obs: pd.DataFrame, lang: str = "nl") -> list[tuple[str, str]]:
    """(label, markdown) pairs describing an indicator; all text comes from the catalog."""
    years = sorted(int(y) for y in obs.loc[obs["indicator"] == ind.id, "year"].unique())
    sources = ", ".join(
        f"[{escape_markdown(table)}]({url})"
        for table, url in zip(ind.tables, ind.urls, strict=True)
    )
    return [
        (t("vk_card_definition", lang), escape_markdown(ind.definition_text(lang))),
        (t("vk_card_unit", lang), escape_markdown(ind.unit_text(lang))),
        (t("vk_card_direction", lang), t(f"vk_direction_{ind.direction}", lang)),
        (
            t("vk_card_goal", lang),
            escape_markdown(
                f"{ind.goal}: {catalog.GOALS[ind.goal][lang]} ({ind.subtheme_text(lang)})"
            ),
        ),
        (t("vk_card_years", lang), ", ".join(map(str, years)) or t("vk_no_years", lang)),
        (t("vk_card_sources", lang), f"{sources} ({escape_markdown(ind.publisher)})"),
        (t("vk_card_keys", lang), escape_markdown(ind.source_keys)),
        (t("vk_card_caveats", lang), escape_markdown(ind.caveats_text(lang))),
    ]


# --- builders: (snapshot, scores, selection...) -> result, cacheable per server -----------


def goal_card_for(snap: Snapshot, scores: Scores, region: str, goal: int) -> dict[str, object]:
    """One goal's card of :func:`goal_cards` (cached per region and goal by the pages: the
    trend behind it fits a line per indicator)."""
    return goal_cards(scores, region, snapshot_year(snap))[goal - 1]


def indicator_card_for(snap: Snapshot, scores: Scores, indicator: str, lang: str = "nl") -> str:
    """:func:`indicator_card` of one indicator as one Markdown text, a paragraph per line (a
    builder for the pages' view cache; one block, as each Markdown element costs the browser)."""
    del scores
    lines = indicator_card(catalog.BY_ID[indicator], snap.observations, lang)
    return "\n\n".join(f"**{label}:** {text}" for label, text in lines)


def series_frame_for(
    snap: Snapshot, scores: scoring.Scores, indicator: str, region: str, with_peers: bool, lang: str
) -> pd.DataFrame:
    """The time-series frame of one indicator; the peer median only where it is a fair
    yardstick (not for the ZOD total of a count)."""
    ind = catalog.BY_ID[indicator]
    peers = (
        scores.peers.get(region, []) if with_peers and not (ind.is_count and region == ZOD) else []
    )
    return series(
        snap.observations,
        indicator,
        series_regions(region, ind),
        region_names(snap, lang=lang),
        peers,
        t("vk_peers_label", lang),
    )


def trend_for(
    snap: Snapshot, scores: scoring.Scores, indicator: str, region: str, lang: str
) -> str:
    """The trend sentence of one indicator for the region."""
    name = region_names(snap, lang=lang).get(region, region)
    return trend_text(
        snap.observations, catalog.BY_ID[indicator], region, name, scores.spread, lang
    )


def series_for(
    snap: Snapshot,
    scores: Scores,
    indicator: str,
    region: str,
    with_peers: bool,
    lang: str = "nl",
) -> Chart:
    """The time series of one indicator for a region (with the peer median if asked), as the
    screen shows it (a Vega-Lite spec)."""
    return series_spec(*_series_input(snap, scores, indicator, region, with_peers, lang))


def series_image_for(
    snap: Snapshot,
    scores: Scores,
    indicator: str,
    region: str,
    with_peers: bool,
    lang: str = "nl",
) -> Chart:
    """The same time series as a plotly figure, for its PNG (built when one is asked for)."""
    return series_chart(*_series_input(snap, scores, indicator, region, with_peers, lang))


def _series_input(
    snap: Snapshot, scores: Scores, indicator: str, region: str, with_peers: bool, lang: str
) -> tuple[pd.DataFrame, Indicator, str, str, str]:
    frame = series_frame_for(snap, scores, indicator, region, with_peers, lang)
    name = region_names(snap, lang=lang).get(region, region)
    return frame, catalog.BY_ID[indicator], region, lang, name
