"""Before printing: the sheet's title, summary paragraphs and sections are set in the window,
remembered, and printed; one assessment prints from the Assessment and Saved tabs."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.dialogs.sheet_options import SheetOptionsDialog
from tests.pdf_tools import pdf_text
from tests.window_tools import show_exposed


def _menu(qtbot, window, action) -> None:
    """Click File in the menu bar, then the item (offscreen windows never become active, so
    their shortcuts do not fire; the menu is what a user would click anyway)."""
    bar = window.menuBar()
    menu = window.file_menu
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
    )
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def _flat(path) -> str:
    return " ".join(pdf_text(path).split())


def _with_dialog(qtbot, act) -> None:
    """Run ``act(dialog)`` once the modal options dialog is up (it blocks in exec)."""

    def step():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SheetOptionsDialog):
            QTimer.singleShot(20, step)
            return
        act(dialog)

    QTimer.singleShot(0, step)


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(6, widget.height() // 2))


def _replace_text(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_title_summary_and_sections_set_in_the_window(
    make_window, demo_store, qtbot, monkeypatch, tmp_path
):
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    tab = window.compare_tab
    tab.select_all()
    tab.set_selected(tab.selected_ids()[:3])
    rows = tab.selected_assessments()

    def edit(dialog):
        _replace_text(qtbot, dialog.title, "Board pack, March")
        _replace_text(qtbot, dialog.paragraphs[1], "Our own words about the second one.")
        _click(qtbot, dialog.section_boxes["glossary"])
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "&Use on the Sheet"  # names its action, not "OK"
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    _with_dialog(qtbot, edit)
    _menu(qtbot, window, window.sheet_options_action)
    options = window.printing.options
    assert options.title == "Board pack, March"
    assert "glossary" not in options.sections

    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(dialogs, "ask_pdf_path", lambda parent, suggested: out)
    _menu(qtbot, window, window.pdf_action)
    text = _flat(out)
    assert text.startswith("Board pack, March")
    assert "Our own words about the second one." in text
    assert "Glossary" not in text and "Summary table" in text
    generated = window.printing.sheet(rows).summary  # what the others still say
    assert " ".join(generated[0].split()) in text and " ".join(generated[2].split()) in text

    # A second time: the dialog shows what was chosen; Cancel changes nothing.
    seen = {}

    def look_and_cancel(dialog):
        seen["title"] = dialog.title.text()
        seen["second"] = dialog.paragraphs[1].toPlainText()
        seen["glossary"] = dialog.section_boxes["glossary"].isChecked()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    _with_dialog(qtbot, look_and_cancel)
    _menu(qtbot, window, window.sheet_options_action)
    assert seen == {
        "title": "Board pack, March",
        "second": "Our own words about the second one.",
        "glossary": False,
    }
    assert window.printing.options == options


def test_an_edit_gives_way_when_the_assessment_reads_differently(knowledge, examples):
    from dataclasses import replace

    from mlorg_desktop.report.sheet import build_sheet_data
    from mlorg_desktop.ui.dialogs.sheet_options import SheetOptions

    a = examples[0]
    data = build_sheet_data(knowledge, [a], "s")
    options = SheetOptions(edited={a.id: (data.summary[0], "Edited.")})
    assert options.summary_for(data) == ("Edited.",)
    # The assessment was re-answered: its generated paragraph changed, the old edit is stale.
    rescored = replace(a, answers={})
    changed = build_sheet_data(knowledge, [rescored], "s")
    assert changed.summary[0] != data.summary[0]
    assert options.summary_for(changed) == changed.summary


def _print_to(monkeypatch, path):
    def choose(parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    monkeypatch.setattr(dialogs, "ask_print", choose)


def test_print_one_assessment_from_saved_and_assessment_tabs(
    make_window, demo_store, qtbot, monkeypatch, tmp_path
):
    window = make_window(demo_store)
    show_exposed(window, qtbot)
    saved = window.saved_tab
    window.show_tab(saved)
    everyone = {a.organization for a in demo_store.all()}
    for round_number in (1, 2):  # twice: two different assessments
        view = saved.table
        rect = view.visualRect(view.model().index(round_number - 1, 1))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        chosen = demo_store.get(saved.selected_id())
        out = tmp_path / f"saved-{round_number}.pdf"
        _print_to(monkeypatch, out)
        _menu(qtbot, window, window.print_one_action)
        text = _flat(out)
        assert text.startswith("ML organization assessment")
        assert f"One assessment of {chosen.organization}; answered by" in text
        assert chosen.organization in text
        for other in everyone - {chosen.organization}:
            assert other not in text

    # The Assessment tab prints the form as it reads now.
    qtbot.keyClick(saved.table, Qt.Key.Key_Return)  # opens the selected one
    qtbot.waitUntil(lambda: window.current_tab() is window.assessment_tab)
    form = window.assessment_tab
    _replace_text(qtbot, form.unit, "Renamed unit")
    out = tmp_path / "form.pdf"
    _print_to(monkeypatch, out)
    _menu(qtbot, window, window.print_one_action)
    text = _flat(out)
    assert f"{chosen.organization} · Renamed unit" in text


def test_print_one_without_an_assessment_explains(window, messenger, qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_print", lambda *a: (_ for _ in ()).throw(AssertionError))
    show_exposed(window, qtbot)
    _menu(qtbot, window, window.print_one_action)  # on the Archetypes tab
    assert messenger.shown[-1][1] == "No assessment to print"
