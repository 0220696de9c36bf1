"""How a what-if scenario shows where assessments are listed and charted: "◇ Scenario: <name>",
in italics, under its assessment, drawn dashed."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.scenario import SCENARIO_SEPARATOR, Scenario
from mlorg_desktop.report.sheet_html import scenario_mark, series_label
from mlorg_desktop.ui.widgets.assessment_model import ID_ROLE
from mlorg_desktop.ui.widgets.series_labels import HEAD_ROLE, TAIL_ROLE

__all__ = ["SCENARIO_SEPARATOR", "is_scenario", "scenario_item", "series_text"]


def is_scenario(assessment: Assessment) -> bool:
    """A scenario's view (``domain.scenario.scenario_view``), not a stored assessment."""
    return assessment.is_scenario


def series_text(assessment: Assessment) -> str:
    """The whole label of a compared row; a scenario's says so."""
    return series_label(assessment)


def scenario_item(assessment: Assessment, scenario: Scenario, row_id: str) -> QStandardItem:
    """A tickable child row of ``assessment``'s row in the Compare list."""
    text = scenario_mark(scenario.name)
    item = QStandardItem(text)
    item.setToolTip(f"{text} — what-if answers of {assessment.label}; the saved answers differ")
    item.setCheckable(True)
    item.setEditable(False)
    font = item.font()
    font.setItalic(True)
    item.setFont(font)
    item.setData(row_id, ID_ROLE)
    item.setData(text, HEAD_ROLE)
    item.setData("", TAIL_ROLE)
    return item
