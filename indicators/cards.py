"""The Overzicht goal cards and population figures as one block of HTML each.

Why HTML and not ``st.metric`` in columns: every Streamlit element is a React component with
its own markdown renderer and styled wrappers. The three cards and four population figures
were 30 elements and about a sixth of the page's warm reload in the browser (measured with
``benchmarks/bench_app.py``: warm 1.34x -> 1.17x the bare app). One element per block draws
the same content. No library renders a metric card, so the markup is written here, kept
small and semantic (sections, headings, a description list), with every value as text: the
quartile colour and the arrows repeat what the words say, for colour-blind readers too.
Everything that comes from data is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from html import escape

from indicators.formatting import format_number, format_signed
from indicators.ui_text import t
from indicators.views import goal_sentence, quartile_label

QUARTILE_CLASS = {"bovenste kwart": "top", "midden": "middle", "onderste kwart": "bottom"}
TREND_ARROW = {"trend_better": "↗", "trend_worse": "↘", "trend_none": "→"}

# Borders in the Okabe-Ito colours of the charts; delta text in darker shades of the same
# two, which reach 4.5:1 on white (WCAG AA).
CARD_CSS = """
.bw-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}
.bw-card{border:1px solid rgba(49,51,63,.2);border-left:.45rem solid #999;
border-radius:.5rem;padding:.75rem 1rem}
.bw-card.bw-q-top{border-left-color:#0072B2}
.bw-card.bw-q-bottom{border-left-color:#D55E00}
.bw-card h3{font-size:.9rem;font-weight:600;margin:0 0 .25rem;padding:0;line-height:1.3}
.bw-card p{margin:0 0 .4rem}
.bw-value{font-size:2.1rem;line-height:1.15}
.bw-delta{font-size:1rem;margin-left:.5rem;white-space:nowrap}
.bw-better{color:#005A8C}
.bw-worse{color:#A1400A}
.bw-meta{font-size:.85rem;opacity:.75}
"""
# Streamlit pads a ``dl`` inside st.html with a more specific rule, hence the one !important.
POPULATION_CSS = """
.bw-population{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));
gap:.5rem 1rem;margin:0;padding:0!important}
.bw-population dt{font-size:.9rem;font-weight:400;margin:0;padding:0}
.bw-population dd{font-size:1.75rem;margin:0;padding:0}
"""


def goal_card_html(card: Mapping[str, object], region_name: str, lang: str = "nl") -> str:
    """One goal card: label, score with its distance to NL, rank line and sentence."""
    label = f"{t('goal', lang)} {card['goal']}: {card['name'][lang]}"  # type: ignore[index]
    score = float(card["score"])  # type: ignore[arg-type]
    ok = bool(card["ok"]) and not math.isnan(score)
    quartile = str(card["quartile"])
    parts = [
        f'<section class="bw-card bw-q-{QUARTILE_CLASS.get(quartile, "none")}" '
        f'aria-label="{escape(label)}">',
        f"<h3>{escape(label)}</h3>",
    ]
    if ok:
        delta = round(score - 5, 1)
        arrow, kind = ("▲ ", "better") if delta > 0 else ("▼ ", "worse") if delta < 0 else ("", "")
        parts.append(
            f'<p class="bw-value">{format_number(score, 1)} '  # a space for text readers
            f'<span class="bw-delta bw-{kind}">{arrow}{format_signed(delta, 1)} '
            f"{escape(t('vs_nl', lang))}</span></p>"
        )
        trend = str(card["trend"])
        meta = t(
            "card_caption",
            lang,
            rank=t("rank_of", lang, rank=card["rank"], n=card["n_ranked"]),
            quartile=quartile_label(quartile, lang),
            bottom=t("bottom_count", lang, n=card["n_bottom"]),
            trend=f"{TREND_ARROW.get(trend, '')} {t(trend, lang)}".strip(),
            years=card["years"],
        )
        parts.append(f'<p class="bw-meta">{escape(meta)}</p>')
    else:
        parts.append(f'<p class="bw-value">{escape(t("insufficient", lang))}</p>')
    parts.append(f"<p>{escape(goal_sentence(card, region_name, lang))}</p></section>")  # type: ignore[arg-type]
    return "".join(parts)


def goal_cards_html(
    cards: Iterable[Mapping[str, object]], region_name: str, lang: str = "nl"
) -> str:
    """The three goal cards side by side (stacked on a narrow screen)."""
    body = "".join(goal_card_html(card, region_name, lang) for card in cards)
    return f'<style>{CARD_CSS}</style><div class="bw-cards">{body}</div>'


def population_html(names_and_values: Iterable[tuple[str, float]]) -> str:
    """Latest population per municipality as a description list (name, then number)."""
    items = "".join(
        f"<div><dt>{escape(name)}</dt><dd>{format_number(value)}</dd></div>"
        for name, value in names_and_values
    )
    return f'<style>{POPULATION_CSS}</style><dl class="bw-population">{items}</dl>'
