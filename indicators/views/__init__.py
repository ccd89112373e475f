"""View models of the pages: one module per page (``views/<page>.py`` beside
``pages/<page>.py`` and ``ui_text/<page>.py``), plus ``common`` for what several pages share.

A view model is a pure function over the snapshot, the scores and the selection (no
Streamlit): the page lays out what it returns. Builders named ``*_for`` take
``(snapshot, scores, *selection)`` so the UI layer can cache their result per server.
"""
