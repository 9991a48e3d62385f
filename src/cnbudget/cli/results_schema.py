"""JSON Schema (2020-12) of the results of ``cnbudget check`` (检查结果的 JSON 模式).

``--format json`` writes one object valid against :func:`results_schema`; each line of
``--format jsonl`` is valid against its ``$defs/document``
(``{"$defs": schema["$defs"], "$ref": "#/$defs/document"}``). ``cnbudget schema --results`` prints it.
Titles are Chinese, as in the schema of the model.

>>> schema = results_schema()
>>> sorted(schema["properties"]), schema["$defs"]["document"]["properties"]["outcome"]["enum"][0]
(['documents', 'totals'], 'checked')
"""

from __future__ import annotations

from typing import Any

from cnbudget.cli.checking import OUTCOMES
from cnbudget.serialize.formats import AMOUNT_PATTERN
from cnbudget.serialize.schema import SCHEMA_DIALECT
from cnbudget.validation import Severity

__all__ = ["results_schema"]

Schema = dict[str, Any]

_SEVERITIES = [severity.value for severity in Severity]


def _text(title: str, *, null: bool = False) -> Schema:
    return {"type": ["string", "null"] if null else "string", "title": title}


def _integer(title: str, *, null: bool = False) -> Schema:
    return {"type": ["integer", "null"] if null else "integer", "title": title, "minimum": 0}


def _amount(title: str) -> Schema:
    return {"anyOf": [{"type": "string", "pattern": AMOUNT_PATTERN}, {"type": "null"}], "title": title}


def _texts(title: str) -> Schema:
    return {"type": "array", "title": title, "items": {"type": "string"}}


def _object(title: str, properties: Schema) -> Schema:
    return {"type": "object", "title": title, "properties": properties, "required": list(properties),
            "additionalProperties": False}


def _counts(title: str) -> Schema:
    return _object(title, {severity: _integer(severity) for severity in _SEVERITIES})


_LOCATION = _object("位置", {
    "table": _text("表", null=True), "agency": _text("预算单位", null=True), "code": _text("科目编码", null=True),
    "project": _text("项目", null=True), "column": _text("栏目", null=True),
    "line_number": _integer("行号", null=True), "page": _integer("页码", null=True),
})

_FINDING = _object("检查发现", {
    "rule": _text("规则"), "title": _text("规则名称"), "title_en": _text("规则名称（英文）"),
    "severity": {"enum": _SEVERITIES, "title": "严重程度"}, "message": _text("说明"),
    "locations": {"type": "array", "title": "位置", "items": {"$ref": "#/$defs/location"}},
    "expected": _amount("应为"), "actual": _amount("实为"), "related": _texts("相关发现"),
})

_COVERAGE = _object("读取覆盖范围", {
    "announced": _texts("目录所列的表"), "printed": _texts("印出的表"), "read": _texts("已读取的表"),
    "unread": {"type": "array", "title": "未能读取的表", "items": _object("未能读取的表", {
        "key": _text("表"), "title": _text("表名", null=True), "line": _integer("行号", null=True),
        "reason": _text("原因")})},
    "other": {"type": "array", "title": "未收录种类的表", "items": _object("未收录种类的表", {
        "title": _text("表名"), "line": _integer("行号", null=True)})},
    "tables_elsewhere": _text("表格另行公开", null=True),
})

_PROBLEM = _object("读取问题", {
    "line": _integer("行号", null=True), "page": _integer("页码", null=True), "table": _text("表", null=True),
    "source": _text("文件", null=True), "message": _text("说明"), "text": _text("原文"),
})

_DOCUMENT = _object("一份文件的检查结果", {
    "source": _text("文件"), "outcome": {"enum": list(OUTCOMES), "title": "结果"},
    "error": _text("未能检查的原因", null=True), "department": _text("部门名称", null=True),
    "fiscal_year": _integer("预算年度", null=True), "amount_unit": _text("金额单位", null=True),
    "coverage": {"anyOf": [{"$ref": "#/$defs/coverage"}, {"type": "null"}], "title": "读取覆盖范围"},
    "comparisons": _integer("核对次数"), "counts": _counts("各严重程度的发现数"),
    "accepted": _integer("已接受而未列出的发现（未用基线时为 null）", null=True),
    "findings": {"type": "array", "title": "检查发现", "items": {"$ref": "#/$defs/finding"}},
    "problems": {"type": "array", "title": "读取问题", "items": {"$ref": "#/$defs/problem"}},
})

_TOTALS = _object("合计", {
    "documents": _integer("文件数"),
    "outcomes": _object("各结果的文件数", {outcome: _integer(outcome) for outcome in OUTCOMES}),
    "tables": _object("表格", {"read": _integer("已读取"), "printed": _integer("印出")}),
    "counts": _counts("各严重程度的发现数"),
    "accepted": _integer("已接受而未列出的发现（未用基线时为 null）", null=True),
    "rules": {"type": "object", "title": "各规则的发现数（从多到少）", "additionalProperties": {"type": "integer"}},
})


def results_schema() -> Schema:
    """The schema of ``cnbudget check --format json`` (``$defs/document``: a line of ``jsonl``)."""
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "cnbudget check 检查结果",
        **_object("检查结果", {"documents": {"type": "array", "title": "各文件", "items": {"$ref": "#/$defs/document"}},
                               "totals": {"$ref": "#/$defs/totals"}}),
        "$defs": {"document": _DOCUMENT, "finding": _FINDING, "location": _LOCATION, "coverage": _COVERAGE,
                  "problem": _PROBLEM, "totals": _TOTALS},
    }
