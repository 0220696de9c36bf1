"""main(): the one composition root. Parses the command line and wires everything explicitly."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from contextlib import ExitStack

from mlorg_desktop import cli
from mlorg_desktop.crash import enable_faulthandler, setup_logging
from mlorg_desktop.demo import make_demo_paths, seed_demo_store
from mlorg_desktop.domain.catalog import CatalogError
from mlorg_desktop.domain.knowledge import Knowledge, load_knowledge
from mlorg_desktop.domain.validation import DataError
from mlorg_desktop.paths import resolve_paths
from mlorg_desktop.resources import resources_dir
from mlorg_desktop.store import AssessmentStore, StoreDamagedError, StoreError

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse_args(list(sys.argv[1:] if argv is None else argv))
    try:
        resources = resources_dir()
        knowledge = load_knowledge(resources)
    except (CatalogError, DataError, FileNotFoundError) as exc:
        kind = "catalog" if isinstance(exc, CatalogError) else "resources"
        print(f"error: MLOrg Desktop cannot start: its {kind} is damaged: {exc}", file=sys.stderr)
        return cli.EXIT_FAILURE

    if args.smoke_test:
        from mlorg_desktop.ui.app import run_smoke_test

        try:
            return run_smoke_test(knowledge, resources)
        except Exception as exc:  # the smoke test reports any failure as a non-zero exit
            import traceback

            traceback.print_exc()
            print(f"error: smoke test failed: {exc}", file=sys.stderr)
            return cli.EXIT_FAILURE

    with ExitStack() as cleanup:
        if args.demo:
            paths, folder = make_demo_paths()
            cleanup.callback(folder.cleanup)
        else:
            paths = resolve_paths(args.data_dir)
        if args.command in ("questionnaire",):
            return cli.cmd_questionnaire(args, knowledge, sys.stdout)
        try:
            paths.ensure()
        except OSError as exc:
            print(
                f"error: cannot create the data folder {paths.data_dir}: {exc.strerror}",
                file=sys.stderr,
            )
            return cli.EXIT_FAILURE
        setup_logging(paths.log_dir)
        cleanup.callback(logging.shutdown)
        cleanup.enter_context(enable_faulthandler(paths.log_dir))
        log.info("starting %s with data in %s", args.command or "gui", paths.data_dir)
        store = _open_store(paths.store_file, knowledge)
        if store is None:
            return cli.EXIT_STORE_DAMAGED
        if args.demo:
            seed_demo_store(store, knowledge, resources)
        return _dispatch(args, knowledge, store, paths, resources)
    return cli.EXIT_OK  # pragma: no cover - the with-block always returns


def _open_store(path: object, knowledge: Knowledge) -> AssessmentStore | None:
    try:
        return AssessmentStore(path, knowledge.bank)  # type: ignore[arg-type]
    except StoreDamagedError as exc:
        print(f"error: the store is damaged and was not changed: {exc}", file=sys.stderr)
        return None
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _dispatch(
    args: object, knowledge: Knowledge, store: AssessmentStore, paths: object, resources: object
) -> int:
    command = getattr(args, "command", None)
    out = sys.stdout
    try:
        if command == "list":
            return cli.cmd_list(args, knowledge, store, out)  # type: ignore[arg-type]
        if command == "export":
            return cli.cmd_export(args, knowledge, store, out)  # type: ignore[arg-type]
        if command == "import":
            return cli.cmd_import(args, knowledge, store, out)  # type: ignore[arg-type]
        if command == "sheet":
            return cli.cmd_sheet(args, knowledge, store, out)  # type: ignore[arg-type]
        from mlorg_desktop.ui.app import run_gui

        return run_gui(
            knowledge,
            store,
            paths,
            resources,  # type: ignore[arg-type]
            demo=bool(getattr(args, "demo", False)),
        )
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return cli.EXIT_FAILURE
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
