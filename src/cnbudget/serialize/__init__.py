"""Serializers (序列化): the cattrs converter, lossless JSON, JSON Schema and tidy CSV facts.

See ``docs/json-format.md``, ``docs/schema.md`` and ``docs/facts.md``.
"""

from cnbudget.serialize.converter import converter, make_converter
from cnbudget.serialize.facts_csv import facts_csv, write_facts_csv
from cnbudget.serialize.jsontext import from_dict, from_json, to_dict, to_json
from cnbudget.serialize.schema import json_schema

__all__ = [
    "converter",
    "facts_csv",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "to_dict",
    "to_json",
    "write_facts_csv",
]
