"""What goes into the log about an error: files, record numbers, field names, OS reasons.

Never the values themselves. Validation messages quote the offending value (an answer, a date,
an id someone typed) so the user can find it; those messages go to the screen and stderr, and
the log, which may be sent to whoever supports the app, gets only where the problem is.
"""

from __future__ import annotations

import re

from mlorg_desktop.domain.validation import DataError

_RECORD = re.compile(r"\brecord \d+\b|assessment #\d+")
_FIELD = re.compile(r"field '[^']*'")


def describe_error(exc: BaseException) -> str:
    """File, record and field of a data error; file and OS reason of an OS error; else the
    kind of error. ``StoreError``s are described by their path and the record/field named."""
    if isinstance(exc, DataError):
        return f"{exc.where}: field '{exc.field}'"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or type(exc).__name__}"
    path = getattr(exc, "path", None)
    if path is not None:
        return describe_text(f"{path}", str(exc), type(exc).__name__)
    return type(exc).__name__


def describe_text(where: str, message: str, kind: str) -> str:
    """``where`` plus the record numbers and field names found in ``message``, nothing else."""
    found = _RECORD.findall(message) + _FIELD.findall(message)
    return f"{where}: {kind}" + (f" ({', '.join(found)})" if found else "")


def traceback_without_message(exc_type: type[BaseException], tb: object) -> str:
    """The stack of an uncaught exception and its type, without its message (which may quote
    anything the user typed; the crash dialog shows the whole report to the user)."""
    import traceback

    frames = "".join(traceback.format_tb(tb))  # type: ignore[arg-type]
    return f"Traceback (most recent call last):\n{frames}{exc_type.__qualname__}"
