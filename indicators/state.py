"""Shareable state in the URL: read and validate query parameters (no Streamlit here).

A link such as ``?gemeente=GM0114&indicator=dist_gp&jaar=2015&doel=2`` reproduces a view. Unknown
or malformed values never raise: the default is used and a note says what was ignored. Values
are matched against known codes only, so nothing from the URL reaches the page unvalidated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from indicators import catalog
from indicators.regions import FOCUS_MUNICIPALITIES, ZOD

REGION_CHOICES: tuple[str, ...] = (*FOCUS_MUNICIPALITIES, ZOD)
DEFAULT_REGION = "GM0114"
DEFAULT_INDICATOR = "income_household_mean_disposable"
GOAL_CHOICES = (1, 2, 3)
LANG_CHOICES = ("nl", "en")
MAX_PARAM_LENGTH = 64


@dataclass
class Note:
    """One ignored URL value: parameter, the (shortened) value given, and the default used."""

    param: str
    value: str
    default: str


ZOOM_CHOICES = ("nederland", "drenthe")
MAX_COMPARED = 12
# Selections that a page puts in the URL and that outlive a page switch (app.py writes them
# back when Streamlit's navigation clears the URL): one place for the list.
STICKY = ("indicator", "jaar", "doel", "zoom", "vergelijk", "wijk")


@dataclass
class ViewState:
    gemeente: str = DEFAULT_REGION
    indicator: str = DEFAULT_INDICATOR
    jaar: int | None = None
    doel: int = 1
    lang: str = "nl"
    zoom: str = ZOOM_CHOICES[0]  # Kaart: the whole country or Drenthe
    vergelijk: tuple[str, ...] | None = None  # Vergelijken: the regions compared, in order
    wijk: str | None = None  # Kaart: the wijk indicator
    notes: list[Note] = field(default_factory=list)

    def url_value(self, key: str) -> str | None:
        """A sticky selection as the URL writes it (None: not set)."""
        value = getattr(self, key)
        if value is None:
            return None
        return ",".join(value) if isinstance(value, tuple) else str(value)


def _first(value: object) -> str:
    """Streamlit gives a str (last value) or, via get_all, a list; keep one short string."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    text = str(value)
    return text if len(text) <= MAX_PARAM_LENGTH else text[:MAX_PARAM_LENGTH] + "…"


def as_int(text: str) -> int | None:
    """A whole number written in ASCII digits, else None: ``str.isdigit`` also accepts
    superscripts such as '²', which ``int`` then refuses."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def parse_params(
    params: Mapping[str, object],
    years: Iterable[int] = (),
    regions: Iterable[str] = REGION_CHOICES,
    comparable: Iterable[str] = (),
) -> ViewState:
    """Validated view state from query parameters; unknown keys are ignored silently, unknown
    values of known keys give a :class:`Note` and the default."""
    state = ViewState()
    allowed_regions = {r.upper(): r for r in regions}
    if "gemeente" in params:
        raw = _first(params["gemeente"])
        code = allowed_regions.get(raw.strip().upper())
        if code:
            state.gemeente = code
        else:
            state.notes.append(Note("gemeente", raw, state.gemeente))
    if "indicator" in params:
        raw = _first(params["indicator"])
        if raw.strip() in catalog.BY_ID:
            state.indicator = raw.strip()
        else:
            state.notes.append(Note("indicator", raw, state.indicator))
    if "jaar" in params:
        raw = _first(params["jaar"])
        number = as_int(raw)
        if number is not None and number in set(years):
            state.jaar = number
        else:
            state.notes.append(Note("jaar", raw, "het nieuwste jaar"))
    if "doel" in params:
        raw = _first(params["doel"])
        if raw.strip() in {str(g) for g in GOAL_CHOICES}:
            state.doel = int(raw)
        else:
            state.notes.append(Note("doel", raw, str(state.doel)))
    if "lang" in params:
        raw = _first(params["lang"])
        if raw.strip().lower() in LANG_CHOICES:
            state.lang = raw.strip().lower()
        else:
            state.notes.append(Note("lang", raw, state.lang))
    if "zoom" in params:
        raw = _first(params["zoom"])
        if raw.strip().lower() in ZOOM_CHOICES:
            state.zoom = raw.strip().lower()
        else:
            state.notes.append(Note("zoom", raw, state.zoom))
    if "wijk" in params:
        raw = _first(params["wijk"])
        ind = catalog.BY_ID.get(raw.strip())
        if ind is not None and ind.level == "wijk":
            state.wijk = ind.id
        else:
            state.notes.append(Note("wijk", raw, "de eerste wijkindicator"))
    if "vergelijk" in params:
        raw = _first_long(params["vergelijk"])
        known = {code.upper(): code for code in comparable}
        codes = [known.get(part.strip().upper()) for part in raw.split(",") if part.strip()]
        chosen = tuple(dict.fromkeys(code for code in codes if code))[:MAX_COMPARED]
        if chosen and len(chosen) == len(codes):
            state.vergelijk = chosen
        else:
            # Keep what is known; say that the rest was left out.
            state.vergelijk = chosen or None
            state.notes.append(Note("vergelijk", _first(raw), "de bekende regio's"))
    return state


def _first_long(value: object, limit: int = 12 * 8) -> str:
    """Like :func:`_first` for a list of codes: room for twelve of them, no more."""
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return str(value)[:limit]


VIEWPORT_COOKIE = "bw_viewport"  # written by pages/viewport/index.html: "width x height x header"
VIEWPORT_LIMITS = {"width": (100.0, 20000.0), "height": (100.0, 20000.0), "header": (0.0, 1000.0)}


def viewport_from_cookie(text: object) -> dict[str, float] | None:
    """The size of the main area the browser measured on its last visit, from its cookie
    (``'1440x836x60'``), or None when absent or not three sizes within bounds.

    Why: the viewport component reports the size only after a session's first run, so every
    load of a slide was drawn twice (at a guessed scale, then at the screen's). With the last
    visit's size the first run draws the slide right, and the component stays silent when the
    size is the same."""
    parts = str(text or "")[:MAX_PARAM_LENGTH].split("x")
    if len(parts) != len(VIEWPORT_LIMITS):
        return None
    size = {}
    for (name, (low, high)), part in zip(VIEWPORT_LIMITS.items(), parts, strict=True):
        try:
            value = float(part)
        except ValueError:
            return None
        if not low <= value <= high:  # also refuses nan
            return None
        size[name] = value
    return size
