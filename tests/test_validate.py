"""The validation framework: rules registry, engine, reports, and the rule reference."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from cnbudget.codes import FunctionCode
from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, ExpenditureTable, FunctionLine, Tables
from cnbudget.validation import ALL_RULES, RULES, Finding, Location, Report, Severity, rule, validate
from cnbudget.validation.context import Context
from cnbudget.validation.docs import rules_markdown
from cnbudget.validation.registry import by_id, select_rules
from tests.strategies import disclosures

DOCS = Path(__file__).resolve().parents[1] / "docs"


def general_budget(*rows: tuple[str, str, str, str, str]) -> BudgetDisclosure:
    lines = [
        FunctionLine(code=FunctionCode(code), name=name,
                     amounts=ExpenditureAmounts(total=total, basic=basic, project=project))
        for code, name, total, basic, project in rows
    ]
    return BudgetDisclosure(department="示例局", fiscal_year=2024,
                            tables=Tables(general_budget=ExpenditureTable(lines=lines)))


def test_a_correct_row_gives_no_finding() -> None:
    doc = general_budget(("2101501", "行政运行", "1089.27", "1000.00", "89.27"))
    assert validate(doc, rules=["ROW-001"]).findings == ()


def test_a_wrong_row_is_an_error_naming_the_figures() -> None:
    # Off by 0.02: more than three figures printed to the cent can explain (at most 0.015).
    doc = general_budget(("2101501", "行政运行", "1089.27", "1000.00", "89.25"))
    (finding,) = validate(doc, rules=["ROW-001"]).findings
    assert finding.rule == "ROW-001" and finding.severity is Severity.ERROR
    assert finding.expected == Decimal("1089.25") and finding.actual == Decimal("1089.27")
    assert "2101501 行政运行" in finding.message and "1,089.25" in finding.message
    assert finding.locations == (Location(table="general_budget", code="2101501", column="total"),)


def test_figures_that_agree_within_rounding_are_info() -> None:
    # 1.0 printed with one decimal may be 0.95..1.05; the parts sum to 1.04.
    doc = general_budget(("2101501", "行政运行", "1.0", "0.52", "0.52"))
    (finding,) = validate(doc, rules=["ROW-001"]).findings
    assert finding.severity is Severity.INFO
    assert "四舍五入" in finding.message


def test_the_rounding_boundary_is_inclusive_and_beyond_it_is_an_error() -> None:
    # 1.0 reaches up to 1.05; 0.53 + 0.53 reaches down to 1.05: the intervals just meet.
    at_boundary = general_budget(("2101501", "行政运行", "1.0", "0.53", "0.53"))
    assert validate(at_boundary, rules=["ROW-001"]).findings[0].severity is Severity.INFO
    beyond = general_budget(("2101501", "行政运行", "1.0", "0.54", "0.54"))
    assert validate(beyond, rules=["ROW-001"]).findings[0].severity is Severity.ERROR


def test_an_absent_column_is_not_checked() -> None:
    line = FunctionLine(code=FunctionCode("2101501"), name="行政运行", amounts=ExpenditureAmounts(total="5"))
    doc = BudgetDisclosure(department="示例局", fiscal_year=2024,
                           tables=Tables(general_budget=ExpenditureTable(lines=[line])))
    assert validate(doc, rules=["ROW"]).findings == ()


def test_a_rule_without_its_inputs_does_not_run() -> None:
    @rule("COMP-900", "测试规则", requires=("three_public",))
    def needs_three_public(ctx: object) -> list[Finding]:
        """Only for this test."""
        raise AssertionError("must not run")

    report = validate(BudgetDisclosure(department="示例局", fiscal_year=2024), rules=[needs_three_public])
    assert report.rules_skipped == ("COMP-900",) and report.rules_run == ()
    assert "COMP-900" not in RULES  # defining a rule registers nothing


def test_a_rule_of_ones_own_runs_beside_the_librarys_without_touching_them() -> None:
    @rule("COMP-901", "部门名称不为空")
    def named(ctx: Context) -> list[Finding]:
        """The department is named."""
        return [] if ctx.doc.department else [ctx.finding("部门名称为空")]

    unnamed = BudgetDisclosure(department="", fiscal_year=2024)
    report = validate(unnamed, rules=[*ALL_RULES, named])
    assert [f.message for f in report.findings if f.rule == "COMP-901"] == ["部门名称为空"]
    assert set(report.rules_run) | set(report.rules_skipped) == set(RULES) | {"COMP-901"}
    assert "COMP-901" not in RULES and named not in ALL_RULES


def test_rules_refuse_duplicates_missing_docstrings_and_unknown_families() -> None:
    twin = rule("ROW-001", "重复")(RULES["ROW-001"].check)
    with pytest.raises(ValueError, match="twice"):
        by_id([*ALL_RULES, twin])
    with pytest.raises(ValueError, match="docstring"):
        rule("ROW-901", "无说明")(lambda ctx: [])
    with pytest.raises(ValueError, match="unknown family"):
        rule("XYZ-001", "未知")(lambda ctx: [])
    with pytest.raises(KeyError, match="no rule or family"):
        list(select_rules(["NOPE"], RULES))


def test_the_rules_run_in_the_order_listed() -> None:
    families = list(dict.fromkeys(r.check.__module__.rsplit(".", 1)[1] for r in ALL_RULES))
    assert families[:3] == ["catalogue", "catalogue_basic", "catalogue_narrative"] and families[-1] == "text_quality"
    report = validate(BudgetDisclosure(department="示例局", fiscal_year=2024))
    ran = set(report.rules_run)
    assert list(report.rules_run) == [r.id for r in ALL_RULES if r.id in ran] and ran


def test_every_rule_has_a_family_title_and_identity() -> None:
    for found in RULES.values():
        assert found.id.startswith(found.family + "-")
        assert found.title and found.doc


def test_findings_are_sorted_most_serious_first() -> None:
    doc = general_budget(("2101501", "行政运行", "1.0", "0.52", "0.52"),
                         ("2101502", "一般行政管理事务", "9.00", "1.00", "1.00"))
    report = validate(doc, rules=["ROW"])
    assert [f.severity for f in report.findings] == [Severity.ERROR, Severity.INFO]
    assert report.has_errors and len(report.errors) == 1
    assert report.filter(severities=[Severity.INFO]).findings == report.of(Severity.INFO)
    assert report.filter(families=["HIER"]).findings == ()


def test_json_form_has_exactly_the_published_keys() -> None:
    doc = general_budget(("2101501", "行政运行", "9.00", "1.00", "1.00"))
    data = json.loads(validate(doc, rules=["ROW-001"]).to_json())
    (finding,) = data["findings"]
    assert set(data) == {"findings", "coverage", "comparisons"}
    assert data["coverage"] == {"announced": [], "printed": ["general_budget"], "read": ["general_budget"],
                                "unread": [], "other": [], "tables_elsewhere": None}
    assert data["comparisons"] == 1  # the one row's 合计 = 基本支出 + 项目支出
    assert set(finding) == {"rule", "severity", "message", "locations", "expected", "actual", "related"}
    assert finding["expected"] == "2.00" and finding["actual"] == "9.00" and finding["severity"] == "error"
    assert finding["locations"] == [{"table": "general_budget", "agency": None, "code": "2101501",
                                     "project": None, "column": "total", "line_number": None, "page": None}]


def test_text_report_summarises_and_lists() -> None:
    doc = general_budget(("2101501", "行政运行", "9.00", "1.00", "1.00"))
    text = validate(doc, rules=["ROW-001"]).to_text(title="示例局")
    assert text.startswith("示例局：错误 1 条，警告 0 条，提示 0 条")
    assert "ROW-001" in text and "支出合计 = 基本支出 + 项目支出" in text
    assert "未发现问题" in Report().to_text()
    assert "已读取 read 1 / 印出 printed 1" in text  # the coverage line: what the check speaks for


def test_text_report_names_the_tables_not_read() -> None:
    from cnbudget.model import UnreadTable

    doc = attrs.evolve(general_budget(("2101501", "行政运行", "2.00", "1.00", "1.00")),
                       unread=[UnreadTable(key="revenue", title="部门收入预算总表", line=40, reason="…")])
    report = validate(doc)
    assert report.has_errors and "READ-001" in {f.rule for f in report.findings}
    assert "未能读取 not read：部门收入预算总表" in report.to_text()
    assert report.to_dict()["coverage"]["unread"][0]["title"] == "部门收入预算总表"


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    # A fresh interpreter: tests of this session may register rules of their own.
    generated = subprocess.run([sys.executable, "-m", "cnbudget", "rules", "--markdown"], capture_output=True,
                               text=True, check=True, encoding="utf-8").stdout
    assert rules_markdown().startswith("# Rules")
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == generated, (
        "docs/rules.md is out of date: run `cnbudget rules --markdown > docs/rules.md`"
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=disclosures())
def test_checking_any_disclosure_never_raises_and_reports_well_formed_findings(doc: BudgetDisclosure) -> None:
    report = validate(doc)
    assert set(report.rules_run) | set(report.rules_skipped) == set(RULES)
    for finding in report.findings:
        assert finding.rule in RULES and finding.message
        json.dumps(report.to_dict(), ensure_ascii=False)
