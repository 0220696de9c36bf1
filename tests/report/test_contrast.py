"""WCAG 2 contrast, checked against the standard's own reference points."""

from __future__ import annotations

import pytest

from mlorg_desktop.report.contrast import contrast_ratio, readable, relative_luminance


def test_reference_points_of_the_standard():
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("#000000") == 0.0
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)  # order does not matter
    # #767676 is the lightest grey that passes AA on white; #777777 just fails.
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#FFFFFF") < 4.5
    # sRGB's linear segment: a channel of 10/255 is 10/255/12.92.
    assert relative_luminance("#0A0000") == pytest.approx(0.2126 * 10 / 255 / 12.92)


def test_readable_keeps_a_passing_colour_and_darkens_a_failing_one():
    assert readable("#0072B2", "#FFFFFF") == "#0072B2"  # 5.1:1 already
    pink = readable("#CC79A7", "#EFEFEF")  # 2.6:1 before
    assert contrast_ratio("#CC79A7", "#EFEFEF") < 3
    assert contrast_ratio(pink, "#EFEFEF") >= 4.5
    r, g, b = (int(pink[i : i + 2], 16) for i in (1, 3, 5))
    assert r > b > g  # still a pink: mixed towards black, not replaced by grey
    # Just far enough: darkened to the threshold, not to near black (1% steps).
    assert contrast_ratio(pink, "#EFEFEF") < 4.7
    on_dark = readable("#0072B2", "#202020")
    assert contrast_ratio(on_dark, "#202020") >= 4.5 and on_dark != "#0072B2"
