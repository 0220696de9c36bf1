"""Shades that text in a series' or an archetype's colour gets, worked out by hand from the WCAG 2
formulas: L = 0.2126 R + 0.7152 G + 0.0722 B over linearised channels, ratio (L1 + 0.05) /
(L2 + 0.05). ``readable`` mixes a colour towards black (light background) or white (dark one)
in 1% steps and keeps the first step that reaches the minimum."""

from __future__ import annotations

import pytest

from mlorg_desktop.report.contrast import contrast_ratio, readable


def test_figures_by_hand():
    # #0072B2: G 114/255 -> ((0.4471 + 0.055) / 1.055) ** 2.4 = 0.1683, B 178/255 -> 0.4452;
    # L = 0.7152 * 0.1683 + 0.0722 * 0.4452 = 0.1525; on white 1.05 / 0.2025 = 5.19.
    assert contrast_ratio("#0072B2", "#FFFFFF") == pytest.approx(5.19, abs=0.01)
    # Grey 119 (#777777) linearises to 0.1845: 1.05 / 0.2345 = 4.48; grey 118 to 0.1812: 4.54.
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_the_smallest_step_that_reaches_aa_is_taken():
    # 1% towards black: 119 * 0.99 = 117.8 -> 118, the lightest grey that passes on white.
    assert readable("#777777", "#FFFFFF") == "#767676"
    # Pink #CC79A7 (204, 121, 167) on #EFEFEF first passes at 27%: 204 * 0.73 = 148.9 -> 0x95,
    # 121 * 0.73 = 88.3 -> 0x58, 167 * 0.73 = 121.9 -> 0x7A; at 26% (#975A7C) it falls short.
    assert readable("#CC79A7", "#EFEFEF") == "#95587A"
    assert contrast_ratio("#975A7C", "#EFEFEF") < 4.5 <= contrast_ratio("#95587A", "#EFEFEF")
    # Blue #0072B2 on #202020 (dark) goes towards white and first passes at 21%:
    # 255 * 0.21 = 53.6 -> 0x36, 114 + 141 * 0.21 = 143.6 -> 0x90, 178 + 77 * 0.21 = 194.2 -> 0xC2.
    assert readable("#0072B2", "#202020") == "#3690C2"
    assert contrast_ratio("#338EC1", "#202020") < 4.5 <= contrast_ratio("#3690C2", "#202020")


def test_reaching_the_minimum_exactly_is_enough():
    """WCAG asks for *at least* the ratio: a colour at it is kept, a shade at it is the one."""
    exactly = contrast_ratio("#767676", "#FFFFFF")
    assert readable("#767676", "#FFFFFF", exactly) == "#767676"
    assert readable("#777777", "#FFFFFF", exactly) == "#767676"


def test_only_black_or_white_reaches_the_most_there_is():
    # White has L = 1, black L = 0: (1 + 0.05) / (0 + 0.05) = 21, the largest ratio possible.
    assert contrast_ratio("#000000", "#FFFFFF") == 21.0
    assert readable("#777777", "#FFFFFF", 21.0) == "#000000"
    assert readable("#0072B2", "#000000", 21.0) == "#FFFFFF"


@pytest.mark.parametrize("minimum", [21.05, 22.0])
def test_asking_for_more_than_black_or_white_can_give_still_gives_them(minimum):
    assert readable("#777777", "#FFFFFF", minimum) == "#000000"
    assert readable("#CC79A7", "#EFEFEF", minimum) == "#000000"
    assert readable("#0072B2", "#000000", minimum) == "#FFFFFF"
    assert readable("#0072B2", "#202020", minimum) == "#FFFFFF"


def test_a_colour_that_is_not_rrggbb_is_refused_by_name():
    with pytest.raises(ValueError, match=r"^not a #RRGGBB colour: '#12345'$"):
        contrast_ratio("#12345", "#FFFFFF")
