"""Choosing sheet sections by name (print options, ``sheet --sections``) and the colours that
tell archetypes and reference profiles apart on screen and on paper."""

from __future__ import annotations

import pytest

from mlorg_desktop.report.contrast import contrast_ratio
from mlorg_desktop.report.palette import (
    OKABE_ITO,
    archetype_color,
    reference_style,
)
from mlorg_desktop.report.sections import SectionError, parse_sections

KNOWN = "choose from summary,charts,table,organization,road,details,glossary"


def test_names_in_any_case_and_spacing():
    assert parse_sections(" Summary ,ROAD,, glossary ") == {"summary", "road", "glossary"}


def test_unknown_names_are_each_named_with_the_known_ones():
    with pytest.raises(SectionError) as caught:
        parse_sections("summary,Maps,tables")
    assert str(caught.value) == f"unknown section maps, tables; {KNOWN}"


@pytest.mark.parametrize("text", ["", " , ,"])
def test_no_name_at_all_says_none_was_given(text):
    with pytest.raises(SectionError) as caught:
        parse_sections(text)
    assert str(caught.value) == f"unknown section (none given); {KNOWN}"


def _grey(color: str) -> bool:
    return color[1:3] == color[3:5] == color[5:7]


def test_each_archetype_has_its_own_colour_and_a_new_one_a_dark_grey(knowledge):
    colours = [archetype_color(a.id) for a in knowledge.catalog.archetypes]
    fallback = archetype_color("an-archetype-added-later")
    assert len(set(colours + [fallback])) == len(colours) + 1
    # A valid #RRGGBB each (contrast_ratio reads it); the fallback a neutral grey that is
    # readable on white (#555555: 7.5:1).
    for colour in colours:
        assert contrast_ratio(colour, "#FFFFFF") > 1
    assert _grey(fallback) and contrast_ratio(fallback, "#FFFFFF") >= 4.5


def test_reference_profiles_are_five_greys_with_own_dashes_then_repeat():
    styles = [reference_style(i) for i in range(5)]
    assert len({c for c, _ in styles}) == len({d for _, d in styles}) == 5
    assert all(_grey(c) and c not in OKABE_ITO for c, _ in styles)
    assert [reference_style(i) for i in range(5, 10)] == styles
