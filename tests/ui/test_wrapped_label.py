"""WrappedLabel answers heightForWidth as a word-wrapped QLabel with the same text and font
does, after every change of text or font (it keeps the answers between changes)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from mlorg_desktop.ui.widgets.wrapped_label import WrappedLabel

TEXTS = (
    "<h3>Round Spring · 2026-03-10 to 2026-03-19 · 25 respondents</h3><p><b>Combined</b> "
    + "reading, fit and positions " * 12
    + "</p>",
    "Short.",
    "<b>Since 2025-03-10</b> (to 2026-03-10): " + "Data ownership -12, ML-First +8, " * 9,
    "",
)
WIDTHS = (120, 300, 541, 1094)


def _heights(label: QLabel) -> list[int]:
    return [label.heightForWidth(w) for w in WIDTHS]


def test_height_for_width_follows_each_new_text_and_font(qtbot):
    label, plain = WrappedLabel(), QLabel()
    plain.setWordWrap(True)
    for widget in (label, plain):
        qtbot.addWidget(widget)
    seen = []
    for text in (*TEXTS, TEXTS[0]):
        label.setText(text)
        plain.setText(text)
        assert _heights(label) == _heights(plain)
        assert _heights(label) == _heights(plain)  # asked again: the kept answers
        seen.append(tuple(_heights(plain)))
    assert len(set(seen[:3])) == 3  # each text its own heights: a stale one would show
    font = label.font()
    font.setPointSize(font.pointSize() * 2)
    label.setFont(font)
    plain.setFont(font)
    assert _heights(label) == _heights(plain) != list(seen[-1])
    label.clear()
    plain.clear()
    assert _heights(label) == _heights(plain)
