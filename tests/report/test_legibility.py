"""Legible on paper: full legend labels, ring values clear of the markers, "margin 90" said as
a margin, names that never break at their hyphen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPointF, QRectF

from mlorg_desktop.domain.comparison import radar_point
from mlorg_desktop.report.first_page import CHART_HEIGHT
from mlorg_desktop.report.output import page_layout, write_pdf
from mlorg_desktop.report.paper_charts import RINGS, radar_geometry, ring_label_box
from mlorg_desktop.report.sheet import build_sheet_data
from mlorg_desktop.report.sheet_html import series_label
from tests.pdf_tools import pdf_text

MARKER_REACH = 3.2 * 1.3  # draw_marker: size 3.2, the diamond reaches 1.3 sizes


@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_ring_values_never_touch_a_marker(qapp, size):
    from PySide6.QtGui import QPageLayout

    width = page_layout(size).paintRect(QPageLayout.Unit.Point).width()
    centre, radius = radar_geometry(QRectF(0, 0, width * 0.48, CHART_HEIGHT))
    for ring in RINGS:
        box = ring_label_box(centre, radius, ring, 3)
        for spoke in range(3):
            for value in range(0, 101):  # a marker can sit anywhere on a spoke
                x, y = radar_point(value, spoke, 3)
                marker = QPointF(centre.x() + x * radius, centre.y() - y * radius)
                reach = QRectF(
                    marker.x() - MARKER_REACH,
                    marker.y() - MARKER_REACH,
                    2 * MARKER_REACH,
                    2 * MARKER_REACH,
                )
                assert not box.intersects(reach), (ring, spoke, value)


def test_table_says_margin_and_names_do_not_break(qapp, knowledge, examples, tmp_path):
    path = tmp_path / "sheet.pdf"
    write_pdf(path, build_sheet_data(knowledge, examples, "s"), "A4", ())
    layout = pdf_text(path, layout=False)
    flat = " ".join(layout.split())
    # Cobalt Payments: Embedded, runner-up R&D by 90 fit points.
    assert "Research & Development, margin 90" in flat
    assert "Development (90)" not in flat
    # Northline's runner-up "Nascent / ad-hoc" sits in a narrow column: it may wrap at the
    # space, never at the hyphen.
    assert "ad-hoc, margin" in flat
    assert not re.search(r"ad-\s*\n", layout), "a name broke at its hyphen"
    assert not re.search(r"\d{4}-\s*\n", layout), "a date broke at its hyphen"


def test_legend_shows_every_label_whole(qapp, knowledge, many, tmp_path):
    chosen = many(8)
    path = tmp_path / "sheet.pdf"
    write_pdf(path, build_sheet_data(knowledge, chosen, "s", sections=["charts"]), "A4", ())
    first = " ".join(pdf_text(path, 1).split())
    assert "…" not in first  # nothing elided
    for i, a in enumerate(chosen, start=1):
        # Wrapped lines of the two columns interleave; each label's words are all there.
        for word in f"{i}. {series_label(a)}".split():
            assert word in first, (i, word)
