"""The mutation sample and its score (tests/mutation_sample.py, tests/mutation_report.py)."""

from __future__ import annotations

import pytest

from tests.mutation_report import equivalent_names, sample_scores, wilson
from tests.mutation_sample import draw, package_of


def test_wilson_interval_matches_the_hand_computed_one():
    # 95 of 100: centre (0.95 + 1.96²/200) / (1 + 1.96²/100) = 0.9333, half-width
    # 1.96 * sqrt(0.95*0.05/100 + 1.96²/40000) / 1.0384 = 0.0451.
    low, high = wilson(95, 100)
    assert low == pytest.approx(0.8882, abs=5e-4)
    assert high == pytest.approx(0.9784, abs=5e-4)
    # All killed: the interval still admits a lower score, 100 % is its top.
    low, high = wilson(50, 50)
    assert low == pytest.approx(50 / (50 + 1.96**2), abs=5e-4)
    assert high == 1.0


def test_packages_and_a_reproducible_stratified_draw():
    assert package_of("mlorg_desktop.cli_org.x_cmd__mutmut_1") == "CLI"
    assert package_of("mlorg_desktop.cli.x_main__mutmut_2") == "CLI"
    assert package_of("mlorg_desktop.report.flow.x_f__mutmut_3") == "report/"
    assert package_of("mlorg_desktop.store.lock.x_alive__mutmut_8") == "store/"
    names = [f"mlorg_desktop.domain.m.x_f__mutmut_{i}" for i in range(50)]
    names += [f"mlorg_desktop.store.s.x_g__mutmut_{i}" for i in range(7)]
    first = draw(names, 10, seed=7)
    assert first == draw(names, 10, seed=7)
    assert first != draw(names, 10, seed=8)
    # Ten of the domain's fifty, and all seven of the smaller package.
    assert sum(n.startswith("mlorg_desktop.domain.") for n in first) == 10
    assert sum(n.startswith("mlorg_desktop.store.") for n in first) == 7
    assert len(set(first)) == 17


def test_sample_scores_leave_out_equivalent_and_unrun_mutants(tmp_path):
    d = "mlorg_desktop.domain.m.x_f__mutmut_"
    status = {
        d + "1": "killed",
        d + "2": "timeout",
        d + "3": "survived",
        d + "4": "survived",
        d + "5": "no tests",
        d + "6": "not checked",
        d + "7": "segfault",
    }
    listed = tmp_path / "equivalent.txt"
    listed.write_text(f"# comment\n{d}4  returns the same value\n\n", encoding="utf-8")
    equivalent = equivalent_names(listed)
    assert equivalent == {d + "4"}
    table = sample_scores(status, sorted(status), equivalent).splitlines()
    # Seven drawn: 3 killed (a timeout and a crash count), 1 survived, 1 no test, 1 equivalent,
    # 1 not run; the score is 3 of the 5 with a verdict that are not equivalent.
    assert table[1].split()[:7] == ["domain/", "7", "3", "1", "1", "1", "1"]
    assert "60.0% (23.1%–88.2%)" in table[1]


def test_a_capped_package_keeps_part_of_its_own_draw():
    names = [f"mlorg_desktop.report.r.x_f__mutmut_{i}" for i in range(40)]
    names += [f"mlorg_desktop.cli.x_g__mutmut_{i}" for i in range(40)]
    full = draw(names, 20, seed=3)
    capped = draw(names, 20, seed=3, caps={"report/": 5})
    report = [n for n in capped if ".report." in n]
    assert len(report) == 5
    assert set(report) <= set(full)
    # The other package's draw is the same with or without the cap.
    assert [n for n in capped if ".cli." in n] == [n for n in full if ".cli." in n]
