"""Small checks for JSON-shaped data that name the file, the record and the field at fault."""

from __future__ import annotations

from typing import Any, TypeVar

from mlorg_desktop.domain.plural import plural

T = TypeVar("T")


class DataError(ValueError):
    """A data document is malformed; ``where`` names the file or record, ``field`` the path."""

    def __init__(self, where: str, field: str, problem: str) -> None:
        self.where = where
        self.field = field
        self.problem = problem
        super().__init__(f"{where}: field '{field}': {problem}")


_TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
}


class Reader:
    """Reads typed fields out of one JSON object, reporting errors with a dotted field path."""

    def __init__(self, data: Any, where: str, path: str = "") -> None:
        if not isinstance(data, dict):
            raise DataError(
                where, path or "(top level)", f"expected an object, got {kind_of(data)}"
            )
        self.data: dict[str, Any] = data
        self.where = where
        self.path = path

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def get(self, key: str, kind: type[T], *, optional: bool = False, default: Any = None) -> T:
        if key not in self.data or self.data[key] is None:
            if optional:
                return default  # type: ignore[no-any-return]
            raise DataError(self.where, self.field(key), "is missing")
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise DataError(
                self.where,
                self.field(key),
                f"expected {_TYPE_NAMES.get(kind, kind.__name__)}, got {kind_of(value)}",
            )
        return value

    def text(self, key: str, *, optional: bool = False, max_length: int = 20_000) -> str:
        value: str | None = self.get(key, str, optional=optional)
        if value is None:
            return ""
        if not optional and not value.strip():
            raise DataError(self.where, self.field(key), "must not be empty")
        if len(value) > max_length:
            raise DataError(
                self.where,
                self.field(key),
                f"is {len(value)} characters long; the limit is {max_length}",
            )
        return value

    def texts(self, key: str, *, min_items: int = 1) -> tuple[str, ...]:
        items = self.get(key, list)
        if len(items) < min_items:
            raise DataError(
                self.where, self.field(key), f"needs at least {plural(min_items, 'item')}"
            )
        out = []
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise DataError(
                    self.where, f"{self.field(key)}[{index}]", "expected non-empty text"
                )
            out.append(item)
        return tuple(out)

    def objects(self, key: str, *, min_items: int = 1) -> list[Reader]:
        items = self.get(key, list)
        if len(items) < min_items:
            raise DataError(
                self.where, self.field(key), f"needs at least {plural(min_items, 'item')}"
            )
        return [Reader(item, self.where, f"{self.field(key)}[{i}]") for i, item in enumerate(items)]

    def child(self, key: str) -> Reader:
        return Reader(self.get(key, dict), self.where, self.field(key))

    def score(self, key: str, *, optional: bool = False) -> float | None:
        """A number on the 0-100 scale used for positions."""
        value: float | None = self.get(key, float, optional=optional)
        if value is None:
            return None
        if not 0.0 <= value <= 100.0:
            raise DataError(self.where, self.field(key), f"must be between 0 and 100, got {value}")
        return value


def kind_of(value: Any) -> str:
    """A word for the JSON type of ``value``, for messages."""
    if value is None:
        return "null"
    return _TYPE_NAMES.get(type(value), type(value).__name__)
