"""The assessment form: who and when, the questions by section, and live results beside them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mlorg_desktop.domain.answers import Answer, is_answered
from mlorg_desktop.domain.assessment import NAME_MAX, Assessment, new_id
from mlorg_desktop.domain.knowledge import Knowledge
from mlorg_desktop.domain.questionnaire import Questionnaire
from mlorg_desktop.store import AssessmentStore, StoreError
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.dialogs.date_warning import future_date_warning
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.tabs.what_if_mode import WhatIfMode
from mlorg_desktop.ui.widgets.field_error import FieldError
from mlorg_desktop.ui.widgets.focus import set_tab_order
from mlorg_desktop.ui.widgets.layout import (
    MARGIN,
    SECTION_GAP,
    container,
    hbox,
    settle_layout,
    vbox,
)
from mlorg_desktop.ui.widgets.live_results import LiveResults
from mlorg_desktop.ui.widgets.question_card import QuestionCard

LAYOUT_LEVELS = 3  # a text view, its panel's scroll area, the results column


class _DateEdit(QDateEdit):
    """Tab leaves the field like any other; Left/Right still move between its sections."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        return QWidget.focusNextPrevChild(self, next)


class AssessmentTab(QWidget):
    """Fill in, edit and save one assessment.

    Signals:
        assessment_saved(str): the id of the assessment just written to the store.
        dirty_changed(bool): whether the form holds changes that are not saved.
        save_refused(): saving stopped at a field the user must fill in (shown beside it).
        document_renamed(str): the open assessment's name (for the window title) changed.
    """

    assessment_saved = Signal(str)
    dirty_changed = Signal(bool)
    save_refused = Signal()
    document_renamed = Signal(str)

    def __init__(
        self,
        knowledge: Knowledge,
        store: AssessmentStore,
        messenger: Messenger,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self.store = store
        self.messenger = messenger
        self._stored: Assessment | None = None  # what the store holds for the form, if anything
        self._draft_id = new_id()
        self._dirty = False
        self._loading = False
        self._document_name = ""
        self.questionnaire: Questionnaire = knowledge.bank.latest
        self.cards: dict[str, QuestionCard] = {}

        self.organization = QLineEdit()
        self.organization.setPlaceholderText("Required, e.g. Meridian Bank")
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("Team or business unit (optional)")
        self.respondent = QLineEdit()
        self.respondent.setPlaceholderText("Optional")
        self.role = QLineEdit()
        self.role.setPlaceholderText("Optional, e.g. Head of Data")
        self.round = QLineEdit()
        self.round.setPlaceholderText("Optional; empty groups the round by date")
        self.round.setToolTip(
            "Name the survey round this answer belongs to (e.g. Autumn 2026 review). "
            "Assessments of one organization with the same round name are read together "
            "whatever their dates; without one, those within 60 days of each other are."
        )
        for edit, name in (
            (self.organization, "Organization"),
            (self.unit, "Team or unit"),
            (self.respondent, "Respondent name"),
            (self.role, "Respondent role"),
            (self.round, "Round"),
        ):
            edit.setMaxLength(NAME_MAX)
            edit.setAccessibleName(name)
            edit.textEdited.connect(self._on_field_edited)
        self.assessed_on = _DateEdit()
        self.assessed_on.setCalendarPopup(True)
        self.assessed_on.setDisplayFormat("yyyy-MM-dd")
        self.assessed_on.setAccessibleName("Assessment date")
        self.assessed_on.dateChanged.connect(self._on_field_edited)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Context, caveats, who else was asked…")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.notes.textChanged.connect(self._on_field_edited)

        form = QFormLayout()
        form.addRow("&Organization:", self.organization)
        self.organization_error = FieldError(self.organization)
        form.addRow("", self.organization_error)
        form.addRow("&Team / unit:", self.unit)
        form.addRow("&Respondent:", self.respondent)
        form.addRow("Ro&le:", self.role)
        form.addRow("&Date:", self.assessed_on)
        self.date_warning = future_date_warning(self.assessed_on)
        form.addRow("", self.date_warning)
        form.addRow("Ro&und:", self.round)
        form.addRow("&Notes:", self.notes)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Questions answered")
        self.progress.setFormat("%v of %m answered")
        # No Alt+S: it belongs to the Assessment tab, and the button's other letters to the
        # View and Edit menus and the tab bar; Ctrl+S is its key (tests/ui/test_mnemonics.py).
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save this assessment (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton("Ne&w")
        self.new_button.setToolTip("Start a new assessment (Ctrl+N)")
        self.new_button.clicked.connect(self.request_new)

        self.sections = QListWidget()
        self.sections.setAccessibleName("Questionnaire sections")
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.itemActivated.connect(self._on_sections_item_activated)
        self.sections.itemClicked.connect(self._on_sections_item_activated)

        self.questions_layout = QVBoxLayout()
        self.questions_layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.section_headers: dict[str, QLabel] = {}
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        # Not a Tab stop itself: it scrolls to whichever field or option has focus.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(
            container(vbox(form, SECTION_GAP, self.questions_layout, None, margin=MARGIN))
        )

        self.live = LiveResults(knowledge)
        self.results = self.live.results
        self.roadmap = self.live.roadmap
        self.target = self.roadmap.target  # saved with the assessment, shown above its roadmap
        self.roadmap.target_chosen.connect(self._on_roadmap_target_chosen)
        self.what_if = WhatIfMode(self)
        self.what_if_button = QToolButton()
        self.what_if_button.setDefaultAction(self.what_if.action)
        self.what_if_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.what_if_button.setAccessibleName("What if mode")
        left = container(
            vbox(
                self.title,
                self.progress,
                QLabel("<b>Sections</b>"),
                self.sections,
                hbox(self.new_button, self.save_button, self.what_if_button),
                self.what_if.scenarios,
            )
        )
        splitter = QSplitter()
        splitter.setObjectName("assessmentSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([250, 560, 390])
        splitter.setChildrenCollapsible(False)
        layout = vbox(self.what_if.bar, splitter, margin=MARGIN)
        layout.setStretch(1, 1)  # the bar takes what it needs, the form the rest
        self.setLayout(layout)
        self._show(None)

    # Public API ------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def current_assessment(self) -> Assessment:
        """What the form holds now, as an Assessment (not yet validated or stored)."""
        base = self._stored
        # In What-if mode the cards hold the copy; the assessment itself keeps its answers.
        answers = dict(base.answers) if self.what_if.active and base else self.card_answers()
        fields = dict(
            organization=self.organization.text().strip(),
            unit=self.unit.text().strip(),
            respondent=self.respondent.text().strip(),
            role=self.role.text().strip(),
            round=self.round.text().strip(),
            assessed_on=self.assessed_on.date().toString("yyyy-MM-dd"),
            notes=self.notes.toPlainText(),
            answers=answers,
            questionnaire_version=self.questionnaire.version,
            target=self.target.target(),
        )
        if base is not None:
            return replace(base, **fields)  # type: ignore[arg-type]
        return Assessment(id=self._draft_id, **fields)  # type: ignore[arg-type]

    def stored_id(self) -> str | None:
        return self._stored.id if self._stored else None

    def open_assessment(self, assessment: Assessment) -> None:
        """Show a stored assessment for editing (the caller has dealt with unsaved changes)."""
        self._show(assessment)

    def start_reassessment(self, original: Assessment) -> None:
        """A new, unsaved copy of ``original`` dated today, answered the same way; an older
        questionnaire version opens as the newest, with unchanged answers carried over and the
        others marked for review."""
        carried = self.knowledge.reassess(original)
        self._show(None, template=carried.assessment)
        for question_id, previous in carried.to_review.items():
            self.cards[question_id].set_review(previous)
        self._set_dirty(True)

    def start_new(self) -> None:
        self._show(None)

    def request_new(self) -> None:
        if self.maybe_keep_changes():
            self.start_new()
            self.organization.setFocus()

    def maybe_keep_changes(self) -> bool:
        """Ask about unsaved changes; True when it is fine to replace the form's content."""
        if self.what_if.active and not self.what_if.leave():
            return False
        if not self._dirty:
            return True
        what = self.organization.text().strip() or "a new organization"
        choice = dialogs.ask_unsaved_changes(self, what)
        if choice is dialogs.UnsavedChoice.SAVE:
            return self.save()
        return choice is dialogs.UnsavedChoice.DISCARD

    def save(self) -> bool:
        """Validate and store the form; on failure the form keeps every edit."""
        if self.what_if.active:
            self.messenger.info(
                self,
                "What-if mode",
                "The answers shown are a what-if copy. Save them with “Save as Scenario…”, "
                "or leave What-if mode to edit and save the assessment itself.",
            )
            return False
        assessment = self.current_assessment()
        if not assessment.organization:
            self.save_refused.emit()  # the window shows this tab, so the error is in view
            self.organization_error.show_error("Enter the organization's name to save.")
            return False
        try:
            stored = self.store.save(assessment)
        except (StoreError, ValueError) as exc:
            self.messenger.error(
                self, "Could not save", f"{exc}\n\nYour answers are still in the form."
            )
            return False
        self.stored_changed(stored)
        self._set_dirty(False)
        return True

    def stored_changed(self, stored: Assessment) -> None:
        """The store now holds ``stored`` for this form (a save, or a scenario written)."""
        self._stored = stored
        self._update_title()
        self.what_if.update_availability()
        self.assessment_saved.emit(stored.id)

    def forget_if_deleted(self, assessment_id: str) -> None:
        """The store no longer has this assessment: keep the form, but as an unsaved draft."""
        if self._stored and self._stored.id == assessment_id:
            self.what_if.abandon()
            self._draft_id = assessment_id
            self._stored = None
            self._set_dirty(True)
            self._update_title()

    def on_assessments_updated(self, ids: list[str]) -> None:
        """Another tab rewrote stored assessments (a round's target): follow the one shown."""
        if self._stored is None or self._stored.id not in ids:
            return
        self._stored = self.store.get(self._stored.id)
        if not self._dirty and not self.what_if.active:
            self.target.set_target(self._stored.target)
            self._refresh_results()

    def reattach_if_restored(self, assessment: Assessment) -> None:
        """Undo brought back the assessment this form was showing: it is stored again."""
        if self._stored is not None or self._draft_id != assessment.id:
            return
        self._stored = assessment
        self.what_if.update_availability()
        unchanged = replace(self.current_assessment(), updated_at=assessment.updated_at)
        self._set_dirty(unchanged != assessment)
        self._update_title()

    # Building the form -----------------------------------------------------------------------

    def _show(self, stored: Assessment | None, template: Assessment | None = None) -> None:
        self.what_if.abandon()
        source = stored or template
        version = source.questionnaire_version if source else self.knowledge.bank.latest.version
        self._loading = True
        try:
            if version != self.questionnaire.version or not self.cards:
                self._build_questions(self.knowledge.bank.get(version))
            self._stored = stored
            self._draft_id = template.id if template else new_id()
            self.organization.setText(source.organization if source else "")
            self.organization_error.clear_error()
            self.unit.setText(source.unit if source else "")
            self.respondent.setText(source.respondent if source else "")
            self.role.setText(source.role if source else "")
            self.round.setText(source.round if source else "")
            day = date.fromisoformat(source.assessed_on) if source else date.today()
            self.assessed_on.setDate(QDate(day.year, day.month, day.day))
            self.notes.setPlainText(source.notes if source else "")
            self.target.set_target(source.target if source else "")
            answers = source.answers if source else {}
            for qid, card in self.cards.items():
                card.set_answer(answers.get(qid, ""))
                card.set_review("")
        finally:
            self._loading = False
        self._set_dirty(False)
        self._update_title()
        self.what_if.update_availability()
        self._refresh_results()
        self.scroll.verticalScrollBar().setValue(0)

    def _build_questions(self, questionnaire: Questionnaire) -> None:
        while self.questions_layout.count():
            item = self.questions_layout.takeAt(0)
            if item.widget():
                # Hidden at once: until its deferred delete runs, an old card would still be
                # painted under the new questionnaire's (seen in a grab of the window).
                item.widget().hide()
                item.widget().deleteLater()
        self.cards.clear()
        self.section_headers.clear()
        self.sections.clear()
        self.questionnaire = questionnaire
        intro = QLabel(f"<p>{escape(questionnaire.instructions)}</p>")
        intro.setWordWrap(True)
        self.questions_layout.addWidget(intro)
        number = 0
        for section in questionnaire.sections:
            header = QLabel(f"<h3>{escape(section.title)}</h3><p>{escape(section.intro)}</p>")
            header.setWordWrap(True)
            self.section_headers[section.id] = header
            self.questions_layout.addWidget(header)
            for question in section.questions:
                number += 1
                card = QuestionCard(number, question)
                card.answer_changed.connect(self._on_card_answer_changed)
                card.option_focused.connect(self._on_card_option_focused)
                self.cards[question.id] = card
                self.questions_layout.addWidget(card)
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.sections.addItem(item)
        self.progress.setRange(0, questionnaire.question_count)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab follows the screen: the left column, the form, every question, the results, the
        target and its roadmap.

        Widgets join the focus chain in creation order and the cards are made last (and again
        for another questionnaire version), so the whole chain is set here in one place. Each
        card lets Tab stop on one of its options (``QuestionCard.tab_stop``).
        """
        chain: list[QWidget] = [
            self.sections,
            self.new_button,
            self.save_button,
            self.what_if_button,
            *self.what_if.scenarios.focus_widgets(),
            self.organization,
            self.unit,
            self.respondent,
            self.role,
            self.assessed_on,
            self.round,
            self.notes,
        ]
        for card in self.cards.values():
            chain.extend(card.focus_widgets())
        chain.extend(self.live.focus_chain())
        set_tab_order(chain)

    # Reacting --------------------------------------------------------------------------------

    def _on_field_edited(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(True)
            self._update_title()

    def _on_card_answer_changed(self, _question_id: str, _answer: object) -> None:
        if self._loading:
            return
        if not self.what_if.active:  # what-if answers are a copy: the form stays clean
            self._set_dirty(True)
        self._refresh_results()  # which also updates the what-if bar, once

    def _on_roadmap_target_chosen(self, _target: str) -> None:
        self._set_dirty(True)
        self._refresh_results()

    # What-if mode's hooks ----------------------------------------------------------------------

    def card_answers(self) -> dict[str, Answer]:
        return {qid: card.answer() for qid, card in self.cards.items() if card.answer()}

    def load_answers(self, answers: dict[str, Answer]) -> None:
        """Put ``answers`` into the cards without marking the form changed."""
        self._loading = True
        try:
            for qid, card in self.cards.items():
                card.set_answer(answers.get(qid, ""))
        finally:
            self._loading = False

    def set_form_editable(self, editable: bool) -> None:
        """What-if mode changes answers only: who, when, the target and saving wait."""
        for widget in (
            self.organization, self.unit, self.respondent, self.role, self.assessed_on,
            self.round, self.notes, self.target, self.save_button, self.new_button,
        ):  # fmt: skip
            widget.setEnabled(editable)
        self._update_title()

    def refresh_results(self) -> None:
        self._refresh_results()

    def _on_card_option_focused(self, option: QRadioButton) -> None:
        # The scroll area follows Tab by itself, but not arrow keys: show the whole question
        # when it fits, and always the focused option.
        card = option.parentWidget()
        if card is not None and card.height() <= self.scroll.viewport().height():
            self.scroll.ensureWidgetVisible(card, 0, 0)
        self.scroll.ensureWidgetVisible(option, 0, 24)

    def _on_sections_item_activated(self, item: QListWidgetItem) -> None:
        header = self.section_headers[item.data(Qt.ItemDataRole.UserRole)]
        self.scroll.verticalScrollBar().setValue(header.y())
        section_cards = [
            c
            for c in self.cards.values()
            if c.question.section_id == item.data(Qt.ItemDataRole.UserRole)
        ]
        if section_cards:
            section_cards[0].tab_stop().setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_results(self) -> None:
        answers = self.card_answers()
        result = self.live.show_answers(self.questionnaire, answers, self.target.target())
        self.what_if.show_state()
        # The same count as the result's: Don't know and Not applicable are not answers.
        self.progress.setValue(result.answered)
        for row in range(self.sections.count()):
            item = self.sections.item(row)
            section_id = item.data(Qt.ItemDataRole.UserRole)
            cards = [c for c in self.cards.values() if c.question.section_id == section_id]
            done = sum(1 for c in cards if is_answered(answers.get(c.question.id) or None))
            title = next(s.title for s in self.questionnaire.sections if s.id == section_id)
            item.setText(f"{'✓ ' if done == len(cards) else ''}{title} ({done}/{len(cards)})")
        # Lay out now what the new texts resized (each text's height, then its scroll area's,
        # then the column's), so the window paints once, not once per layout level.
        settle_layout(LAYOUT_LEVELS)

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self._update_title()
            self.dirty_changed.emit(dirty)

    def document_name(self) -> str:
        """What the window title calls the open assessment: "Acme · Platform (2026-11-02)"."""
        if not self.organization.text().strip():
            return "New assessment"
        return self.current_assessment().label

    def _update_title(self) -> None:
        document = self.document_name()
        if document != self._document_name:
            self._document_name = document
            self.document_renamed.emit(document)
        name = self.organization.text().strip() or "New assessment"
        state = (
            "saved"
            if self._stored and not self._dirty
            else ("unsaved changes" if self._dirty else "not saved yet")
        )
        if self.what_if.active:
            state = "What if… (a copy; saved answers untouched)"
        self.title.setText(
            f"<b>{name}</b><br>{state} · questionnaire v{self.questionnaire.version}"
        )
