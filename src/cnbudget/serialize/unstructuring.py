"""Unstructuring generated once per class (按类生成的输出函数): model objects to plain data and to
JSON text, fast.

cattrs' general unstructuring looks up a hook for every value, and the indented JSON then walks the
plain data again, value by value, in Python (``json``'s C encoder does not indent). For each model
class this module writes two functions once: one that gives the same plain data as the converter
(:func:`plain`), and one that writes the same text as ``json.dumps`` of that data, indented or
compact, straight from the objects (:func:`written`). Each knows the type of every field, so a value
is turned into text by the code for its type alone. An object that is not exactly of its field's
class, or a value not of its field's type, raises :class:`~cnbudget.serialize.generated.NotFast`,
and :func:`cnbudget.serialize.to_json` writes that object through the converter as before.

>>> from cnbudget.model import Agency
>>> print(written(Agency(name="某某局"), 2))
{
  "name": "某某局",
  "code": null,
  "kind": null,
  "is_department_level": false
}
>>> written(Agency(name="某某局"), None)
'{"name": "某某局", "code": null, "kind": null, "is_department_level": false}'
>>> plain(Agency(name="某某局"))
{'name': '某某局', 'code': None, 'kind': None, 'is_department_level': False}
"""

from __future__ import annotations

import enum
import inspect
import typing
from collections.abc import Callable
from decimal import Decimal
from json.encoder import encode_basestring  # the C version where the interpreter has it
from typing import Any

import attrs

from cnbudget.codes import ClassificationCode
from cnbudget.serialize.generated import FunctionCache, Namespace, NotFast, Unsupported, not_fast, optional_of

__all__ = ["plain", "written"]


class _Generator(FunctionCache[Callable[..., Any]], Namespace):
    """Writes each class's functions once; ``text`` chooses JSON text, else plain data."""

    def __init__(self, text: bool) -> None:
        FunctionCache.__init__(self)
        Namespace.__init__(self, {"NotFast": NotFast, "raise_": not_fast, "enc": encode_basestring,
                                  "int_repr": int.__repr__, "Decimal": Decimal, "str_": str})
        self.text = text

    def write(self, key: Any) -> Callable[..., Any]:
        return self._sequence(key) if typing.get_origin(key) is tuple else self._class(key)

    def _compile(self, name: str, parameters: str, lines: list[str]) -> Callable[..., Any]:
        made: Callable[..., Any] = self.compiled({name: lines}, parameters, f"unstructuring {name}")[name]
        return made

    def expression(self, hint: Any, var: str, line: str = "inner") -> str:
        """The plain data (or the JSON text) of ``var``, a value of the type ``hint``; in text, the
        variable ``line`` holds the line break and indentation of the line that starts it."""
        inner = optional_of(hint)
        if inner is not None:
            given = self.expression(inner, var, line)
            if given == var:
                return var  # the value is its own plain data, and None stays None
            none = "'null'" if self.text else "None"
            return f"({none} if {var} is None else {given})"
        if hint is str:
            return f"enc({var})" if self.text else var
        if hint is int:
            return f"(int_repr({var}) if {var}.__class__ is int else raise_())" if self.text else var
        if hint is bool:
            return f"('true' if {var} is True else 'false' if {var} is False else raise_())" if self.text else var
        if hint is Decimal:
            # An amount's text has no character that JSON escapes.
            return f"('\"%s\"' % {var} if {var}.__class__ is Decimal else raise_())" if self.text else f"str_({var})"
        if isinstance(hint, type) and issubclass(hint, ClassificationCode):
            return f"('\"%s\"' % {var}.digits)" if self.text else f"{var}.digits"  # str(code): digits only
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            value = f"{var}.{_value_attribute(hint)}"
            return f"enc({value})" if self.text else value
        if typing.get_origin(hint) is tuple or (isinstance(hint, type) and attrs.has(hint)):
            if typing.get_origin(hint) is tuple and typing.get_args(hint)[1:] != (Ellipsis,):
                raise Unsupported
            call = self.name(self.function(hint), "write")
            return f"{call}({var}, {line}, step)" if self.text else f"{call}({var})"
        raise Unsupported

    def _class(self, cls: type[Any]) -> Callable[..., Any]:
        if not attrs.has(cls):
            raise Unsupported
        fields = attrs.fields(cls)
        hints = typing.get_type_hints(cls)
        check = f"if obj.__class__ is not {self.name(cls, 'cls')}: raise NotFast"
        reads = [f"v{index} = obj.{field.name}" for index, field in enumerate(fields)]
        parts = [(field.name, self.expression(hints[field.name], f"v{index}")) for index, field in enumerate(fields)]
        if not self.text:
            items = ", ".join(f"{name!r}: {value}" for name, value in parts)
            return self._compile(f"plain_{cls.__name__}", "obj", [check, *reads, f"return {{{items}}}"])
        if not parts:
            return self._compile(f"text_{cls.__name__}", "obj, newline, step", [check, "return '{}'"])
        texts = [f"t{index} = {value}" for index, (_, value) in enumerate(parts)]
        body = "{separator}".join(f'"{name}": {{t{index}}}' for index, (name, _) in enumerate(parts))
        result = "return f'{{{inner}" + body + "{end}}}'"
        return self._compile(f"text_{cls.__name__}", "obj, newline, step",
                             [check, *reads, *_LAYOUT.format(line="inner").splitlines(), *texts, result])

    def _sequence(self, hint: Any) -> Callable[..., Any]:
        item = self.expression(typing.get_args(hint)[0], "x", "line")
        if not self.text:
            return self._compile("plain_items", "items", [f"return [{item} for x in items]"])
        return self._compile("text_items", "items, newline, step", [
            "if not items: return '[]'",
            *_LAYOUT.format(line="line").splitlines(),
            f"return '[' + line + separator.join([{item} for x in items]) + end + ']'",
        ])


def _value_attribute(kind: type[enum.Enum]) -> str:
    """Where a member of ``kind`` keeps its value: ``.value`` is a property written in Python; the
    attribute behind it, ``_value_``, is read at once where ``kind`` keeps enum's own property."""
    own = inspect.getattr_static(kind, "value") is inspect.getattr_static(enum.Enum, "value")
    return "_value_" if own and all(member.__dict__.get("_value_") is member.value for member in kind) else "value"


# Where the members of an object or list go: each on a line of its own one step in (indented), or
# one after the other on one line (compact, step None), as json.dumps places them.
_LAYOUT = """if step is None:
    {line} = ''
    separator = ', '
    end = ''
else:
    {line} = newline + step
    separator = ',' + {line}
    end = newline"""


_PLAIN = _Generator(text=False)
_TEXT = _Generator(text=True)


def plain(obj: Any) -> Any:
    """The plain data of the model object ``obj``, as the converter gives it, or :class:`NotFast`."""
    return _PLAIN.function(type(obj))(obj)


def written(obj: Any, indent: int | None) -> str:
    """``json.dumps(plain(obj), ensure_ascii=False, indent=indent)``, written straight from the
    objects, or :class:`NotFast`."""
    text: str = _TEXT.function(type(obj))(obj, "\n", None if indent is None else " " * indent)
    return text
