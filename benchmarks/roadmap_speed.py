"""The roadmap's speed: one assessment's roadmap, one what-if recompute, and `plan --json`.

* In-process, median over many runs: planning the whole roadmap of one assessment (every
  archetype as target, the demo assessments and 200 random questionnaire-2 answer sets), and
  one what-if recompute (one answer changed, then the score, the gap and the roadmap again, as
  the window does on each change). The goal for both is one frame (16 ms).
* As whole processes, on one store of 1,000 assessments: `plan ID --json` against
  `list --json` (the floor); the goal is at most 1.2x.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from harness import ROOT, append_results

from mlorg_desktop.domain.assessment import Assessment
from mlorg_desktop.domain.exchange import read_exchange_file
from mlorg_desktop.domain.gap import gap
from mlorg_desktop.domain.knowledge import load_knowledge
from mlorg_desktop.domain.roadmap import plan
from mlorg_desktop.domain.scoring import score
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore

STORE_SIZE = 1_000


def random_answers(knowledge, rng: random.Random) -> dict[str, str]:  # type: ignore[no-untyped-def]
    answers = {}
    for question in knowledge.bank.latest.questions():
        if rng.random() < 0.9:
            answers[question.id] = rng.choice([o.id for o in question.options])
    return answers


def in_process(knowledge) -> list[str]:  # type: ignore[no-untyped-def]
    rng = random.Random(20261202)
    demo = read_exchange_file(
        resources_dir() / "examples" / "demo-assessments.json", knowledge
    ).assessments
    cases = [(a.questionnaire_version, dict(a.answers)) for a in demo]
    cases += [(2, random_answers(knowledge, rng)) for _ in range(200)]
    catalog, text = knowledge.catalog, knowledge.roadmap_text
    whole, what_if = [], []
    for version, answers in cases:
        questionnaire = knowledge.bank.get(version)
        for target in catalog.archetype_ids:
            started = time.perf_counter()
            plan(questionnaire, catalog, answers, target, text=text)
            whole.append(time.perf_counter() - started)
        question = rng.choice(list(questionnaire.questions()))
        changed = {**answers, question.id: rng.choice(question.options).id}
        target = rng.choice(catalog.archetype_ids)
        started = time.perf_counter()
        result = score(questionnaire, catalog, changed)
        gap(result, target, catalog, questionnaire)
        plan(questionnaire, catalog, changed, target, text=text)
        what_if.append(time.perf_counter() - started)
    return [
        f"roadmap of one assessment: median {statistics.median(whole) * 1000:.2f} ms, max "
        f"{max(whole) * 1000:.2f} ms over {len(whole)} plans (goal: within 16 ms)",
        f"one what-if recompute (score, gap, roadmap): median "
        f"{statistics.median(what_if) * 1000:.2f} ms, max {max(what_if) * 1000:.2f} ms over "
        f"{len(what_if)} changes (goal: within 16 ms)",
    ]


def wall(argv: list[str], runs: int) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        out.append(time.perf_counter() - started)
    return out


def processes(knowledge) -> list[str]:  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        items = [
            Assessment(
                id=str(uuid.uuid4()),
                organization=f"Organization {n:04d}",
                questionnaire_version=knowledge.bank.latest.version,
                answers=random_answers(knowledge, rng),
                assessed_on="2026-06-15",
                target="independent",
            )
            for n in range(STORE_SIZE)
        ]
        store = AssessmentStore(folder / "assessments.json", knowledge.bank)
        store.import_many(items)
        store.close()
        app = [sys.executable, "-m", "mlorg_desktop", "--data-dir", str(folder)]
        wall([*app, "list", "--json"], 1)  # warm the file cache
        planned = wall([*app, "plan", items[0].id[:8], "--json"], 7)
        floor = wall([*app, "list", "--json"], 7)
    ratio = statistics.median(planned) / statistics.median(floor)
    return [
        f"`plan ID --json` {statistics.median(planned) * 1000:.0f} ms vs `list --json` "
        f"{statistics.median(floor) * 1000:.0f} ms on a {STORE_SIZE:,}-assessment store: "
        f"{ratio:.2f}x (goal at most 1.2x)"
    ]


def main() -> None:
    knowledge = load_knowledge(resources_dir())
    rows = in_process(knowledge) + processes(knowledge)
    for row in rows:
        print(row)
    append_results("Roadmap and plan command", rows)


if __name__ == "__main__":
    main()
