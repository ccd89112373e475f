"""Read what st.html blocks say: text per element class, as a reader (or a test) sees it."""

from __future__ import annotations

from html.parser import HTMLParser


class Texts(HTMLParser):
    """Text per element class, and the attributes of every section (what a reader gets)."""

    def __init__(self) -> None:
        super().__init__()
        self.by_class: dict[str, list[str]] = {}
        self.sections: list[dict[str, str | None]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.sections.append(dict(attrs))
        self.stack.append(dict(attrs).get("class") or tag)

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        data = data.strip()
        if data and self.stack and self.stack[0] != "style":
            self.text.append(data)
            for name in (self.stack[-1] or "").split():
                self.by_class.setdefault(name, []).append(data)


def parse(html: str) -> Texts:
    parser = Texts()
    parser.feed(html)
    return parser


def card_scores(at) -> list[str]:  # noqa: ANN001 - an AppTest after its run
    """The score shown on each Overzicht goal card, in order."""
    block = next(h.value for h in at.html if 'class="bw-cards"' in h.value)
    return parse(block).by_class["bw-value"]


def population_figures(at) -> dict[str, str]:  # noqa: ANN001 - an AppTest after its run
    """Name -> shown population of the Overzicht population block."""
    block = next(h.value for h in at.html if '<dl class="bw-population"' in h.value)
    texts = parse(block).text
    return dict(zip(texts[::2], texts[1::2], strict=True))


class Tables(HTMLParser):
    """The tables of an HTML block as rows of cell texts (header row first)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def html_tables(at) -> list:  # noqa: ANN001 - an AppTest after its run
    """Every HTML table on the page as a DataFrame (header row as columns), in page order."""
    import pandas as pd

    frames = []
    for block in at.html:
        parser = Tables()
        parser.feed(block.value)
        for rows in parser.tables:
            frames.append(pd.DataFrame(rows[1:], columns=rows[0]))
    return frames
