"""The roadmap's closing note: does making the steps name the target, and if not, why."""

from __future__ import annotations

from mlorg_desktop.domain.catalog import Catalog
from mlorg_desktop.domain.naming import LEANING, TOO_FEW, TRANSITIONAL
from mlorg_desktop.domain.scoring import Score

_EPS = 1e-9  # fit points: a tie


def roadmap_note(
    final: Score,
    archetype: str,
    catalog: Catalog,
    count: int,
    settling: int,
    limit: int | None,
) -> str:
    """Whether the ``count`` steps (the last ``settling`` of them settling steps) make
    ``archetype`` the named reading of ``final``, and if not, why."""
    name = catalog.archetype(archetype).name
    if count == 0 and final.primary == archetype:
        return f"{name} is already the named reading, and no single change raises its fit further."
    if limit is not None and count == limit:
        done = "After the first step" if count == 1 else f"After the first {count} steps"
    else:
        done = "With the one step made" if count == 1 else f"With all {count} steps made"
    if settling:
        last = (
            "the last one answers an open question"
            if settling == 1
            else f"the last {settling} answer open questions"
        )
        done += f" ({last} in line with {name})"
    if final.primary == archetype:
        return f"{done}, {name} becomes the named reading (fit {final.fits[archetype]:.0f})."
    if final.reading == TOO_FEW:
        why = (
            f"too few questions have a real answer for any archetype to be named "
            f"({final.reading_detail.settle} more needed)"
        )
    elif final.leader != archetype and final.leader is not None:
        leader = catalog.archetype(final.leader).name
        theirs, ours = final.fits[final.leader], final.fits[archetype]
        if abs(theirs - ours) < _EPS:
            why = f"{leader} fits just as well ({ours:.0f} each) and is listed first"
        else:
            why = f"{leader} still fits better ({theirs:.0f} against {ours:.0f})"
    elif final.reading == TRANSITIONAL:
        runner = catalog.archetype(final.runner_up).name if final.runner_up else "another archetype"
        why = f"the lead over {runner} stays too narrow to name it (a transitional reading)"
    elif final.reading == LEANING:
        challenger = final.reading_detail.challenger
        other = catalog.archetype(challenger).name if challenger else "another archetype"
        why = f"open questions could still put {other} ahead; answering them settles it"
    else:
        why = "the reading does not name it"
    if count == 0:
        return f"No single answer change raises the fit of {name}, and it is not named: {why}."
    return f"{done}, {name} is still not the named reading: {why}."
