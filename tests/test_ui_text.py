"""The UI texts: both languages for every key, with the same placeholders."""

from __future__ import annotations

import string

from indicators.ui_text import kaart as kaart_text
from indicators.ui_text import vergelijken as vergelijken_text


def test_ui_texts_have_both_languages_and_the_same_placeholders():
    for module in (kaart_text, vergelijken_text):
        for key, entry in module.TEXT.items():
            assert set(entry) == {"nl", "en"}, key
            fields = [
                {f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f}
                for lang in ("nl", "en")
            ]
            assert fields[0] == fields[1], key
