"""`make soak`: many SIGKILL-mid-write trials (see kill_harness), reported for RELIABILITY.md."""

from __future__ import annotations

import argparse

from tests.store.kill_harness import run_trials


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--naive", action="store_true", help="control run with an in-place (non-atomic) storage"
    )
    args = parser.parse_args()
    results = run_trials(args.trials, seed=args.seed, naive=args.naive, max_seconds=3600)
    print(("naive in-place storage: " if args.naive else "atomic storage: ") + results.line())
    if not results.writing_when_killed():
        raise SystemExit(
            "invalid run: the writers had not started writing when most kills "
            "landed (is the machine overloaded?)"
        )
    if not args.naive and (results.corrupt or results.mismatched):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
