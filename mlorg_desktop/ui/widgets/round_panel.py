"""One round read whole: the combined reading, the disagreements (who answered what, on request)
and the answers split by role group, with the list of roles that count as leadership."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.org_report import ReadRound
from mlorg_desktop.domain.plural import plural
from mlorg_desktop.domain.pooling import QuestionPool
from mlorg_desktop.domain.questionnaire import SPECIAL_LABELS
from mlorg_desktop.domain.roadmap_text import RoadmapText
from mlorg_desktop.domain.roles import GROUP_NAMES, LEADERSHIP, PRACTITIONERS, role_group, role_key
from mlorg_desktop.ui.widgets.layout import hbox, vbox
from mlorg_desktop.ui.widgets.round_roadmap import RoundRoadmap
from mlorg_desktop.ui.widgets.wrapped_label import WrappedLabel

ROLE_KEY = Qt.ItemDataRole.UserRole


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def person_text(assessment: object) -> str:
    name = getattr(assessment, "respondent", "") or "(no name)"
    role = getattr(assessment, "role", "")
    return f"{name} ({role})" if role else name


class RoundPanel(QWidget):
    """Shows a ReadRound.

    Signals:
        role_groups_changed(dict): the user ticked or unticked a role; role key -> group.
    """

    role_groups_changed = Signal(dict)

    def __init__(
        self, catalog: Catalog, text: RoadmapText | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._round: ReadRound | None = None
        self._overrides: dict[str, str] = {}
        self.summary = WrappedLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.show_who = QCheckBox("Show &who answered what")
        self.show_who.setToolTip("Name each respondent and their role beside their answer")
        self.show_who.toggled.connect(self._fill_disagreements)
        self.disagreements = QTreeWidget()
        self.disagreements.setAccessibleName("Disagreements")
        self.disagreements.setHeaderLabels(["Question and answers given", "Respondents"])
        # The columns share the width (no sideways scrolling at the window's minimum size);
        # a long text ends in an ellipsis and its tooltip holds it whole.
        header = self.disagreements.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.disagreements.setMinimumHeight(230)
        # One line of text per row, elided: every row is as high as the first, and Qt need not
        # measure each (the same holds for the by-role table).
        self.disagreements.setUniformRowHeights(True)
        self.disagreement_note = WrappedLabel()
        disagreements = QGroupBox("Disagreements")
        disagreements.setLayout(
            vbox(
                _buddy(
                    "&Questions where fewer than two thirds gave the same answer:",
                    self.disagreements,
                ),
                self.disagreements,
                self.disagreement_note,
                self.show_who,
            )
        )

        self.by_role_summary = WrappedLabel()
        self.by_role = QTreeWidget()
        self.by_role.setAccessibleName("Answers by role group")
        self.by_role.setHeaderLabels(["Question", "Leadership says", "Practitioners say"])
        self.by_role.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.by_role.setMinimumHeight(120)
        self.by_role.setRootIsDecorated(False)
        self.by_role.setUniformRowHeights(True)
        self.roles = QListWidget()
        self.roles.setAccessibleName("Roles that count as leadership")
        self.roles.setMaximumHeight(110)
        self.roles.itemChanged.connect(self._on_roles_item_changed)
        by_role = QGroupBox("By role: leadership and practitioners")
        by_role.setLayout(
            vbox(
                self.by_role_summary,
                _buddy("Where the groups' most common answers &differ:", self.by_role),
                self.by_role,
                _buddy("Roles counted as &leadership (Space ticks or unticks):", self.roles),
                self.roles,
            )
        )
        self.roadmap = RoundRoadmap(catalog, text)
        self.setLayout(vbox(self.summary, self.roadmap, hbox(disagreements, by_role)))

    # Showing ---------------------------------------------------------------------------------

    def show_round(self, item: ReadRound, overrides: dict[str, str]) -> None:
        self._round, self._overrides = item, dict(overrides)
        self.summary.setText(self._summary_html(item))
        self.roadmap.show_round(item)
        self._fill_disagreements()
        self._fill_by_role()
        self._fill_roles()

    def _summary_html(self, item: ReadRound) -> str:
        r, reading = item.round, item.reading
        score = reading.score
        names = {a.id: a.name for a in self.catalog.archetypes}
        span = r.first if r.first == r.last else f"{r.first} to {r.last}"
        named = names[score.primary] if score.primary else "no archetype named"
        agreement = "—" if reading.agreement is None else f"{reading.agreement:.0%}"
        fits = ", ".join(f"{names[a]} {score.fits[a]:.0f}" for a in score.ranking)
        positions = ", ".join(
            f"{d.name} {'—' if score.positions[d.id] is None else f'{score.positions[d.id]:.0f}'}"
            for d in self.catalog.dimensions
        )
        return (
            f"<h3>Round {escape(r.label)} · {span} · {plural(r.respondents, 'respondent')}</h3>"
            f"<p><b>Combined reading: {escape(named)}</b> ({escape(reading.reading)}), "
            f"coverage {score.coverage:.0%}, agreement {agreement}.<br>"
            f"Fit: {escape(fits)}<br>Positions: {escape(positions)}</p>"
        )

    def _answer_text(self, pool: QuestionPool, answer: str) -> str:
        if answer in SPECIAL_LABELS:
            return SPECIAL_LABELS[answer]
        return pool.question.option(answer).text

    def _fill_disagreements(self) -> None:
        self.disagreements.clear()
        if self._round is None:
            return
        reading = self._round.reading
        numbers = {q.id: n for n, q in enumerate(reading.questionnaire.questions(), start=1)}
        who = self.show_who.isChecked()
        rows, expanded = [], []
        for pool in reading.disagreements:
            top = QTreeWidgetItem(
                [
                    f"Q{numbers[pool.question_id]}. {pool.question.text}",
                    f"{pool.agreement or 0:.0%} agree",
                ]
            )
            top.setToolTip(0, pool.question.text)
            children = []
            for answer in list(pool.weights) + list(pool.special):
                count = pool.weights.get(answer, pool.special.get(answer, 0))
                text = self._answer_text(pool, answer)
                child = QTreeWidgetItem([text, f"{count:g}"])
                child.setToolTip(0, text)
                children.append(child)
                if who:
                    people = [
                        QTreeWidgetItem([person_text(p), ""]) for p in pool.who.get(answer, ())
                    ]
                    child.addChildren(people)
                    expanded += people
            top.addChildren(children)
            rows.append(top)
            expanded += [top, *children]
        self.disagreements.addTopLevelItems(rows)
        # Every row opens, one by one: expandAll() would lay out the whole tree at once, which
        # was most of this refill's time.
        for item in expanded:
            item.setExpanded(True)
        if reading.respondents < 2:
            note = (
                "One respondent so far: there is nothing to disagree about yet. Import the other "
                "respondents' files with File ▸ Import… (Ctrl+I)."
            )
        elif not reading.disagreements:
            note = "At least two thirds of those who answered agree on every question."
        else:
            note = f"{plural(len(reading.disagreements), 'question')} divide this round."
        self.disagreement_note.setText(note)

    def _fill_by_role(self) -> None:
        self.by_role.clear()
        split = self._round.by_role if self._round else None
        if split is None:
            self.by_role_summary.setText(
                "The split appears when both leaders and practitioners answered. Tick the roles "
                "that count as leadership below; a respondent without a role is in no group."
            )
            return
        names = {a.id: a.name for a in self.catalog.archetypes}
        parts = []
        for group in (LEADERSHIP, PRACTITIONERS):
            leader = split.groups[group].score.leader
            count = len(split.members[group])
            see = names[leader] if leader else "no archetype yet"
            parts.append(f"{GROUP_NAMES[group]} ({count}) see <b>{escape(see)}</b>")
        self.by_role_summary.setText("; ".join(parts) + ".")
        lead = split.groups[LEADERSHIP]
        practice = split.groups[PRACTITIONERS]
        numbers = {q.id: n for n, q in enumerate(lead.questionnaire.questions(), start=1)}
        rows = []
        for qid in split.differing_questions:
            pool = lead.pools[qid]
            row = QTreeWidgetItem(
                [
                    f"Q{numbers[qid]}. {pool.question.text}",
                    self._answer_text(pool, lead.combined_answers[qid]),
                    self._answer_text(practice.pools[qid], practice.combined_answers[qid]),
                ]
            )
            for column in range(3):
                row.setToolTip(column, row.text(column))
            rows.append(row)
        self.by_role.addTopLevelItems(rows)

    def _fill_roles(self) -> None:
        self.roles.blockSignals(True)
        self.roles.clear()
        seen: dict[str, str] = {}
        for a in self._round.round.assessments if self._round else ():
            if a.role.strip():
                seen.setdefault(role_key(a.role), " ".join(a.role.split()))
        for key, text in sorted(seen.items()):
            item = QListWidgetItem(text)
            item.setData(ROLE_KEY, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            leads = role_group(text, self._overrides) == LEADERSHIP
            item.setCheckState(Qt.CheckState.Checked if leads else Qt.CheckState.Unchecked)
            self.roles.addItem(item)
        self.roles.blockSignals(False)

    def _on_roles_item_changed(self, item: QListWidgetItem) -> None:
        group = LEADERSHIP if item.checkState() == Qt.CheckState.Checked else PRACTITIONERS
        self._overrides[item.data(ROLE_KEY)] = group
        self.role_groups_changed.emit(dict(self._overrides))
