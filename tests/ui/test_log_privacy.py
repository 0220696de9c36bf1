"""The log files never hold what an assessment says (organization, people, answers, notes) at
the default level, through real flows; errors still name the file, the record and the field."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mlorg_desktop.__main__ import main
from mlorg_desktop.crash import install_excepthook, setup_logging
from mlorg_desktop.domain.exchange import exchange_json
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.dialogs import dialogs
from mlorg_desktop.ui.store_opening import open_store_interactive

SECRETS = {
    "organization": "Quillfeather Obsidian Holdings",
    "unit": "Vexmoor Skunkworks",
    "respondent": "Ottoline Brackwater",
    "notes": "Plans a quiet reorganisation of Zephyrine team",
}


def _bad_exchange(tmp_path: Path, examples: list) -> Path:
    """Two records; the second has the organization's name where a date belongs."""
    document = json.loads(exchange_json(examples[:2]))
    document["assessments"][0]["organization"] = SECRETS["organization"]
    document["assessments"][1]["organization"] = SECRETS["organization"]
    document["assessments"][1]["assessed_on"] = SECRETS["organization"]
    path = tmp_path / "from-the-consultant.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _log_text(*folders: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "".join(
        p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.glob("*.log*"))
    )


def test_real_flows_keep_assessment_contents_out_of_the_logs(
    window, store, qtbot, messenger, tmp_path, examples, knowledge, monkeypatch
):
    window_logs = tmp_path / "window-logs"
    setup_logging(window_logs)
    window.show()
    tab = window.assessment_tab
    window.show_tab(tab)

    # Save (twice: a new record, then an edit), typed as a user types.
    for name, text in SECRETS.items():
        qtbot.keyClicks(getattr(tab, name), text)
    for card in list(tab.cards.values())[:5]:
        card.buttons[card.question.options[0].id].click()
    with qtbot.waitSignal(tab.assessment_saved):
        window.save_action.trigger()  # File ▸ Save
    qtbot.keyClicks(tab.unit, " East")
    with qtbot.waitSignal(tab.assessment_saved):
        window.save_action.trigger()  # File ▸ Save
    assert store.flush() and len(store) == 1

    # Import a file with a bad record: refused, and the user is told the value at fault.
    bad = _bad_exchange(tmp_path, examples)
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda parent, start: [bad])
    window.import_action.trigger()
    assert messenger.shown[-1][1] == "Nothing imported"
    assert SECRETS["organization"] in messenger.shown[-1][2]  # on screen, where it helps

    # Export, and an export that fails.
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent, suggested: tmp_path / "out.json")
    window.export_action.trigger()
    assert SECRETS["notes"] in (tmp_path / "out.json").read_text(encoding="utf-8")
    monkeypatch.setattr(
        dialogs, "ask_export_path", lambda parent, suggested: tmp_path / "no" / "out.csv"
    )
    window.export_action.trigger()
    assert messenger.shown[-1][1] == "Export failed"

    # An uncaught exception whose message quotes what the user typed.
    shown_reports = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(shown_reports.append)
    try:
        raise ValueError(f"cannot handle {SECRETS['respondent']}")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert SECRETS["respondent"] in shown_reports[0]  # the user's own copy has everything

    # A damaged store whose bad field holds a name.
    damaged = tmp_path / "damaged" / "assessments.json"
    damaged.parent.mkdir()
    other = AssessmentStore(damaged, knowledge.bank)
    other.save(store.all()[0])
    other.close()
    raw = json.loads(damaged.read_text(encoding="utf-8"))
    raw["assessments"]["1"]["answers"]["q01"] = SECRETS["unit"]
    damaged.write_text(json.dumps(raw), encoding="utf-8")
    monkeypatch.setattr(
        dialogs, "ask_damaged_store", lambda *a: dialogs.DamagedStoreChoice.START_EMPTY
    )
    assert open_store_interactive(damaged, knowledge, messenger) is not None

    # The same import and export from the command line, into its own data folder.
    cli_folder = tmp_path / "cli"
    assert main(["import", str(bad), "--data-dir", str(cli_folder)]) == 2
    good = tmp_path / "good.json"
    good.write_text(exchange_json(store.all()), encoding="utf-8")
    assert main(["import", str(good), "--data-dir", str(cli_folder)]) == 0
    assert main(["export", "-o", str(tmp_path / "cli.json"), "--data-dir", str(cli_folder)]) == 0

    window_log = _log_text(window_logs)
    logged = window_log + _log_text(cli_folder / "logs")
    for name, secret in SECRETS.items():
        assert secret not in logged, f"the {name} reached a log file"
        assert secret.split()[0] not in logged, f"part of the {name} reached a log file"
    # What the log does say: which file, which record, which field, what kind of error.
    assert f"nothing imported from {bad}" in window_log
    assert "assessment #2" in window_log and "field 'assessed_on'" in window_log
    assert f"export failed: {tmp_path / 'no' / 'out.csv'}" in window_log
    assert "Uncaught exception" in window_log and window_log.count("ValueError") >= 1
    assert "record 1" in window_log and "field 'answers.q01'" in window_log
