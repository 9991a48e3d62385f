"""JSON Schema (2020-12) of the JSON format (JSON 模式), generated from the model itself.

Every object of the model is a definition under ``$defs``, every property carries the field's
Chinese label as its ``title``, unknown keys are refused (``additionalProperties: false``) and
amounts and codes are strings with the patterns of :mod:`cnbudget.serialize.formats`. Because the
schema is derived from the classes, it cannot drift from what :func:`cnbudget.to_json` writes.

>>> schema = json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> schema["properties"]["fiscal_year"]
{'type': 'integer', 'title': '预算年度'}
>>> schema["$defs"]["FunctionLine"]["properties"]["code"]["anyOf"][0]["$ref"]
'#/$defs/FunctionCode'
"""

from __future__ import annotations

import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from cnbudget.codes import ClassificationCode
from cnbudget.model import FORMAT_VERSION, BudgetDisclosure
from cnbudget.model.fields import zh_label
from cnbudget.serialize.formats import AMOUNT_PATTERN, CODE_PATTERNS

__all__ = ["SCHEMA_DIALECT", "json_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]


class _Builder:
    """Collects one definition per class while walking the types of the model."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {}

    def ref(self, name: str) -> Schema:
        return {"$ref": f"#/$defs/{name}"}

    def of(self, kind: Any) -> Schema:
        origin = typing.get_origin(kind)
        if origin in (typing.Union, types.UnionType):
            options = [self.of(arg) for arg in typing.get_args(kind) if arg is not type(None)]
            nullable = type(None) in typing.get_args(kind)
            return {"anyOf": [*options, {"type": "null"}]} if nullable else {"anyOf": options}
        if origin is tuple:
            return {"type": "array", "items": self.of(typing.get_args(kind)[0])}
        if kind is str:
            return {"type": "string"}
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is Decimal:
            self.defs.setdefault("Amount", {
                "type": "string", "pattern": AMOUNT_PATTERN, "title": "金额",
                "description": "A finite decimal written as a string, exponent kept (\"1089.27\", \"12.50\").",
            })
            return self.ref("Amount")
        if isinstance(kind, type) and issubclass(kind, ClassificationCode):
            self.defs.setdefault(kind.__name__, {
                "type": "string", "pattern": CODE_PATTERNS[kind], "title": kind.FAMILY,
            })
            return self.ref(kind.__name__)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            self.defs.setdefault(kind.__name__, {
                "enum": [member.value for member in kind], "title": _title(kind),
            })
            return self.ref(kind.__name__)
        if attrs.has(kind):
            if kind.__name__ not in self.defs:
                self.defs[kind.__name__] = {}  # placeholder: breaks cycles while the class is built
                self.defs[kind.__name__] = self.object_of(kind)
            return self.ref(kind.__name__)
        raise TypeError(f"no JSON form for {kind!r}")

    def object_of(self, cls: type[Any]) -> Schema:
        hints = typing.get_type_hints(cls)
        properties: Schema = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[field.name] = {**self.of(hints[field.name]), "title": zh_label(field)}
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: Schema = {
            "type": "object",
            "title": _title(cls),
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        return schema


def _title(kind: type[Any]) -> str:
    doc = (kind.__doc__ or kind.__name__).strip().splitlines()[0]
    return f"{kind.__name__}: {doc}"


def json_schema() -> Schema:
    """The JSON Schema of a :class:`~cnbudget.model.BudgetDisclosure` document."""
    builder = _Builder()
    root = builder.object_of(BudgetDisclosure)
    root["properties"]["format_version"] = {
        "const": FORMAT_VERSION, "title": root["properties"]["format_version"]["title"],
    }
    root["required"] = ["format_version", *root.get("required", [])]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"https://cnbudget.readthedocs.io/schema/disclosure-v{FORMAT_VERSION}.json",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }
