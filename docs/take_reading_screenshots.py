"""Regenerate docs/result-named.png, result-leaning.png and result-transitional.png: the result
panel for three blind-answered personas of the validity suite (run under xvfb-run)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mlorg_desktop.domain.answers import Answer, answer_from_json
from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.paths import AppPaths
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore
from mlorg_desktop.ui.app import create_application
from mlorg_desktop.ui.dialogs.msgbox import Messenger
from mlorg_desktop.ui.main_window import MainWindow

BLIND = Path(__file__).resolve().parents[1] / "tests" / "domain" / "blind"
SHOTS = {
    "result-named.png": "05-basil-grocery.json",
    "result-leaning.png": "09-vantor-robotics.json",
    "result-transitional.png": "11-meadowlark-media.json",
}
IDS = (
    "0d3c8c1e-5b1a-4c55-9f61-2f8a7d0a0b01",
    "0d3c8c1e-5b1a-4c55-9f61-2f8a7d0a0b02",
    "0d3c8c1e-5b1a-4c55-9f61-2f8a7d0a0b03",
)


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


def _assessment(case_file: str, uid: str) -> Assessment:
    case = json.loads((BLIND / case_file).read_text(encoding="utf-8"))
    answers: dict[str, Answer] = {}
    for question_id, value in case["answers"].items():
        answer = answer_from_json(value)
        assert answer is not None
        answers[question_id] = answer
    title = case["persona_text"].splitlines()[0].lstrip("# ").split(" — ")[0]
    return Assessment(
        id=uid,
        organization=title,
        questionnaire_version=2,
        answers=answers,
        assessed_on="2026-12-01",
    )


def main(out_dir: Path) -> None:
    resources = resources_dir()
    knowledge = load_knowledge(resources)
    app = create_application(resources)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = AppPaths(root, root / "logs")
        store = AssessmentStore(paths.store_file, knowledge.bank)
        settings = QSettings(str(root / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(knowledge, store, paths, settings, Messenger(quiet=True))
        window.resize(1400, 1000)
        window.show()
        settle(app)
        for (name, case_file), uid in zip(SHOTS.items(), IDS, strict=True):
            assessment = store.save(_assessment(case_file, uid))
            window.show_tab(window.assessment_tab)
            window.assessment_tab.open_assessment(assessment)
            settle(app)
            panel = window.assessment_tab.results
            panel.verticalScrollBar().setValue(0)
            settle(app)
            if not panel.grab().save(str(out_dir / name)):
                raise SystemExit(f"could not write {out_dir / name}")
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
