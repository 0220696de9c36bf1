"""The paper charts drawn onto an image, measured in pixels against their geometry worked out by
hand: marker shapes, ring and legend pen widths, where grid lines and bars fall, the ring
values' white labels.

Charts are painted at 4 pixels per point (16 for a label's corner) on white, without
antialiasing unless said, so a pen of 0.5 pt is 2 pixels and a colour is exact."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from mlorg_desktop.domain.comparison import compare
from mlorg_desktop.report.palette import series_style
from mlorg_desktop.report.paper_charts import (
    draw_fit_bars,
    draw_legend,
    draw_marker,
    draw_radar,
    ring_label_box,
)

SCALE = 4
WHITE = 0xFFFFFF
GRID = 0x9A9A9A
BLUE = 0x0072B2  # series 0
# Both charts in a 250 x 210 pt rect at the origin. Radar (radar_geometry): radius
# min(250/2 - 38, (210 - 24 - 26)/1.5) = 87, centre (125, 24 + 87) = (125, 111).
# Fit bars: plot from x 22 to 246 and from y 6 (100) to 180 (0); five groups of 44.8 pt.
CHART = QRectF(0, 0, 250, 210)


def _paint(
    width: float,
    height: float,
    draw: Callable[[QPainter], object],
    *,
    scale: int = SCALE,
    origin: tuple[float, float] = (0.0, 0.0),
    antialias: bool = False,
) -> QImage:
    """``draw`` on a white image ``width`` x ``height`` points from ``origin``."""
    image = QImage(int(width * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
    painter.scale(scale, scale)
    painter.translate(-origin[0], -origin[1])
    draw(painter)
    painter.end()
    return image


def _rgb(image: QImage, x: int, y: int) -> int:
    return image.pixel(x, y) & 0xFFFFFF


def _runs(image: QImage, colour: int, *, x: int | None = None, y: int | None = None):
    """(first pixel, length) of each run of ``colour`` down column ``x`` or along row ``y``."""
    length = image.height() if x is not None else image.width()
    runs, start = [], None
    for i in range(length + 1):
        hit = i < length and _rgb(image, x if x is not None else i, i if x is not None else y) == (
            colour
        )
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            runs.append((start, i - start))
            start = None
    return runs


def _ink_box(image: QImage) -> tuple[int, int, int, int]:
    """Left, top, right, bottom (exclusive) of every pixel that is not white."""
    xs, ys = [], []
    for y in range(image.height()):
        for x in range(image.width()):
            if _rgb(image, x, y) != WHITE:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def _rows(knowledge, examples, count, *, fits=None, positions=None):
    """``count`` compared assessments whose fits and positions are set by the test."""
    first = compare(knowledge, examples[:1]).rows[0]
    score = first.score
    score = replace(
        score,
        fits=fits if fits is not None else score.fits,
        positions=positions if positions is not None else score.positions,
    )
    return [replace(first, score=score)] * count


def test_a_square_marker_is_as_tall_as_it_is_wide(qapp):
    style = series_style(1)
    assert style.marker == "s"
    image = _paint(20, 20, lambda p: draw_marker(p, QPointF(10, 10), style))
    left, top, right, bottom = _ink_box(image)
    # Side 2 x 3.2 pt plus the 0.6 pt outline: 7 pt, 28 pixels, centred on (40, 40).
    assert (left, right) == (26, 54)
    assert (top, bottom) == (26, 54)


def test_a_diamond_reaches_as_far_below_its_centre_as_above(qapp):
    style = series_style(3)
    assert style.marker == "d"
    image = _paint(20, 20, lambda p: draw_marker(p, QPointF(10, 10), style))
    _, top, _, bottom = _ink_box(image)
    up, down = 40 - top, bottom - 40
    assert abs(up - down) <= 1, (up, down)
    # 1.3 x 3.2 = 4.16 pt to each tip (16.6 pixels), plus at most the 0.6 pt outline.
    assert 16 <= up <= 19, up


def test_inner_rings_are_thin_and_the_outer_ring_stronger(qapp, knowledge):
    image = _paint(250, 210, lambda p: draw_radar(p, CHART, [], knowledge.catalog))
    # Straight down from the centre the column crosses each ring's horizontal lower edge,
    # half a ring radius below the centre: y = 111 + 87 * ring / 200.
    below = [(s, n) for s, n in _runs(image, GRID, x=125 * SCALE) if s > (111 + 3) * SCALE]
    centres = [(s + n / 2) / SCALE for s, n in below]
    expected = [121.875, 132.75, 143.625, 154.5]
    assert len(centres) == 4
    assert all(abs(c - e) <= 1 / SCALE for c, e in zip(centres, expected, strict=True)), centres
    widths = [n for _, n in below]
    assert widths[:3] == [2, 2, 2]  # 0.5 pt
    assert 3 <= widths[3] <= 4  # 0.8 pt: the 100 ring frames the chart


def test_a_ring_value_sits_left_of_the_upright_spoke_level_with_its_ring():
    # Ring 50 of a radius-87 radar centred at (125, 111): its corner on the upright spoke is at
    # (125, 111 - 43.5); the 14 x 9 box ends 5.5 pt left of the spoke, centred on that height.
    assert ring_label_box(QPointF(125, 111), 87, 50, 3) == QRectF(105.5, 63.0, 14, 9)
    assert ring_label_box(QPointF(125, 111), 87, 100, 3) == QRectF(105.5, 19.5, 14, 9)


def test_a_ring_value_label_has_corners_rounded_with_radius_two(qapp, knowledge, examples):
    """A series line runs under the top-left corner of ring 50's label (box at (105.5, 63),
    see above): from the upright spoke's tip to 74.3 on the lower-left spoke. The white label
    hides it everywhere inside the box but the corner cut by a circle of radius 2 pt."""
    positions = {"se_vs_research": 100.0, "data_ownership": 0.0, "model_ownership": 74.3}
    rows = _rows(knowledge, examples, 1, positions=positions)
    scale, origin = 16, (101.5, 59.0)
    image = _paint(
        10,
        10,
        lambda p: draw_radar(p, CHART, rows, knowledge.catalog),
        scale=scale,
        origin=origin,
    )
    margin = 0.05  # points: pixels this close to the label's outline may go either way
    seen_line = hidden = 0
    exposed = []
    for j in range(image.height()):
        for i in range(image.width()):
            x, y = origin[0] + (i + 0.5) / scale, origin[1] + (j + 0.5) / scale
            in_label = 105.5 + margin <= x <= 109.5 and 63 + margin <= y <= 69
            in_corner = x < 107.5 and y < 65 and math.hypot(x - 107.5, y - 65) > 2 - margin
            colour = _rgb(image, i, j)
            if not in_label:
                seen_line += colour == BLUE
            elif not in_corner:
                hidden += 1
                if colour != WHITE:
                    exposed.append((round(x, 2), round(y, 2), hex(colour)))
    assert seen_line > 500  # the case: the line does run there
    assert hidden > 3000
    assert exposed == []


def test_the_fit_grid_has_a_line_at_each_quarter(qapp, knowledge):
    image = _paint(250, 210, lambda p: draw_fit_bars(p, CHART, [], knowledge.catalog))
    runs = _runs(image, GRID, x=200 * SCALE)
    centres = [(s + n / 2) / SCALE for s, n in runs]
    # y = 180 - 174 * tick / 100 for ticks 100, 75, 50, 25, 0.
    assert centres == [6.0, 49.5, 93.0, 136.5, 180.0]


def test_three_bars_take_four_fifths_of_their_group_centred_in_it(qapp, knowledge, examples):
    fits = {a.id: 50.0 for a in knowledge.catalog.archetypes}
    rows = _rows(knowledge, examples, 3, fits=fits)
    image = _paint(250, 210, lambda p: draw_fit_bars(p, CHART, rows, knowledge.catalog))
    # Bar step 44.8 * 0.8 / 3 = 11.947 pt (under the 14 pt cap); the three steps (35.84 pt)
    # centred in the group start 4.48 pt in; the last bar is 0.92 of a step wide.
    # Ink adds half the 0.4 pt outline on each side.
    y = 160 * SCALE  # inside every bar (tops at 93), clear of the grid lines
    for g in range(5):
        left, right = 22 + 44.8 * g, 22 + 44.8 * (g + 1)
        inked = [
            x for x in range(int(left * SCALE), int(right * SCALE)) if _rgb(image, x, y) != WHITE
        ]
        start = 22 + 44.8 * g + 4.48 - 0.2
        end = 22 + 44.8 * g + 4.48 + 2 * 11.947 + 0.92 * 11.947 + 0.2
        assert abs(inked[0] - start * SCALE) <= 1, (g, inked[0] / SCALE, start)
        assert abs(inked[-1] + 1 - end * SCALE) <= 1, (g, (inked[-1] + 1) / SCALE, end)


def test_a_zero_bar_looks_the_same_with_or_without_a_hatch(qapp, knowledge, examples):
    """A fit of 0 draws a bar of no height: its outline only, once (drawn twice, the
    antialiased edge of a hatched series' outline would print darker). The chart sits 0.1 pt
    down, so the 0 line falls between pixel rows and its edge pixels are only partly inked."""
    fits = {a.id: 0.0 for a in knowledge.catalog.archetypes}
    rows = _rows(knowledge, examples, 3, fits=fits)
    rect = CHART.translated(0, 0.1)
    image = _paint(
        250, 210, lambda p: draw_fit_bars(p, rect, rows, knowledge.catalog), antialias=True
    )
    # Group 0, bars of 11.947 pt from x 26.48: the middle of each of the three bars.
    middles = [26.48 + 11.947 * (i + 0.46) for i in range(3)]
    profiles = [
        [_rgb(image, int(m * SCALE), y) for y in range(176 * SCALE, 184 * SCALE)] for m in middles
    ]
    assert profiles[0] != [WHITE] * len(profiles[0])  # the outline and the 0 line are there
    assert profiles[1] == profiles[0]  # series 1: hatched
    assert profiles[2] == profiles[0]  # series 2: hatched the other way


def test_a_legend_swatch_is_a_22_pt_line_of_1_6_pt(qapp):
    image = _paint(100, 20, lambda p: draw_legend(p, QRectF(10, 2, 180, 0), ["a", "b"]))
    mid = (2 + 6) * SCALE  # the swatch's line is half of the 12 pt legend line down
    blue = _runs(image, BLUE, y=mid)
    # From x 10 to 32, with square caps of half the pen width: 9.2 to 32.8 pt. The marker
    # (outlined in black) interrupts it in the middle.
    first, last = blue[0][0], blue[-1][0] + blue[-1][1]
    assert abs(first - 9.2 * SCALE) <= 1, first / SCALE
    assert abs(last - 32.8 * SCALE) <= 1, last / SCALE
    # Across the line, left of the marker: 1.6 pt, 6.4 pixels.
    assert [n for _, n in _runs(image, BLUE, x=13 * SCALE)] in ([6], [7])
