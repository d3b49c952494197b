"""Start-up: coerce plain option values without importing Pydantic.

Typer 0.29 converts every option value through a Pydantic ``TypeAdapter``,
and importing Pydantic and building the adapters costs more than the rest of
``timeline list`` together. Our options are plain text, whole numbers, numbers
and lists of text; for those this module installs a small converter with the
same results. Anything else (paths, files, choices) still goes to Typer's own
machinery, and if Typer's internals ever move, nothing is patched at all.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

PLAIN = (str, int, float, bool)
TRUE = ("1", "true", "t", "yes", "y", "on")
FALSE = ("0", "false", "f", "no", "n", "off")


def _plain(annotation: Any) -> tuple[type, bool] | None:
    """(item type, is a list) for ``T``, ``T | None`` and ``list[T] | None`` of plain T."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            return None
        return _plain(args[0])
    if origin is list:
        items = get_args(annotation)
        if len(items) == 1 and items[0] in PLAIN:
            return items[0], True
        return None
    if annotation in PLAIN:
        return annotation, False
    return None


def install() -> None:
    try:
        from typer import _coercion, core
        from typer._click.exceptions import BadParameter
    except ImportError:  # a Typer without this machinery: nothing to speed up
        return
    base = getattr(_coercion, "RuntimeParam", None)
    param_class = getattr(core, "_TyperParameter", None)
    if base is None or param_class is None or getattr(param_class, "_timeline_lean", False):
        return

    @dataclass(frozen=True)
    class PlainRuntimeParam(base):  # type: ignore[misc, valid-type]
        item: type = str
        many: bool = False

        def _one(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.item is bool:
                if isinstance(value, bool):
                    return value
                text = str(value).strip().lower()
                if text in TRUE or text in FALSE:
                    return text in TRUE
                raise BadParameter(f"{value!r} is not a valid boolean.", ctx=ctx, param=param)
            if isinstance(value, self.item) and not isinstance(value, bool):
                return value
            if self.item is str:
                return str(value)
            try:
                return self.item(str(value).strip())
            except ValueError:
                kind = "integer" if self.item is int else "number"
                raise BadParameter(
                    f"{value!r} is not a valid {kind}.", ctx=ctx, param=param
                ) from None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.many:
                return [self._one(v, param, ctx) for v in value]
            return self._one(value, param, ctx)

    original = param_class.get_runtime_param

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            plain = _plain(descriptor.annotation) if descriptor.file_annotation is None else None
            if plain is not None:
                self._runtime_param = PlainRuntimeParam(
                    parameter_info=descriptor.parameter_info,
                    annotation=descriptor.annotation,
                    item=plain[0],
                    many=plain[1],
                )
        return original(self)

    param_class.get_runtime_param = get_runtime_param
    param_class._timeline_lean = True
