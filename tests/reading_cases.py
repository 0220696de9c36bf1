"""Answer sets with readings worked out by hand, shared by CLI, sheet and UI tests."""

from __future__ import annotations

# Twelve version 2 answers, six with an option that is Embedded's only (weight 3) and six with
# one that is Independent's strongest (3), on questions where both archetypes can reach 3:
# Embedded 18/36 = 50, Independent 18/36 = 50 → margin 0, a tie broken by catalog order.
TIE = {
    "q01": "q01c", "q04": "q04c", "q05": "q05c", "q06": "q06c", "q07": "q07c", "q08": "q08c",
    "q02": "q02d", "q12": "q12d", "q13": "q13d", "q15": "q15d", "q19": "q19c", "q20": "q20d",
}  # fmt: skip
