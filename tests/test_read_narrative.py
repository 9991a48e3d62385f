"""Reading the narrative (情况说明) and the table of contents (目录)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cnbudget import read_file
from cnbudget.codes import FunctionCode
from cnbudget.model import Statement
from cnbudget.readers.prose.contents import find_contents
from cnbudget.readers.prose.narrative import read_statements
from cnbudget.readers.text.source import split_lines
from tests.seeds import seed_path

NARRATIVE = """第三部分 2024 年部门预算情况说明
二、关于某局 2024 年收入预算情况说明
某局收入预算 3,166.28 万元，其中：一般公共预算 2,022.69 万元，占 63.88%，比上年预算减少
208.54 万元，下降 11.50%，主要原因是人员减少。
政府性基金预算未安排。
三、关于某局 2024 年一般公共预算当年拨款情况说明
1、卫生健康支出（类）医疗保障管理事务（款）行政运行（项）：2024年预算数为１，０８９．２７万元，比上年预算增加113.03万元，增长11.58%。
十、关于某局 2024 年财政拨款“三公”经费预算情况说明
某局 2024 年财政拨款“三公”经费预算数为 83616.92 元。
"""


def _statements(text: str) -> tuple[Statement, ...]:
    statements, problems = read_statements(split_lines(text), department="某局", fiscal_year=2024)
    assert problems == []
    return statements


def _by_subject(statements: tuple[Statement, ...], subject: str) -> Statement:
    return next(s for s in statements if s.subject == subject)


def test_amount_share_change_and_rate_across_a_line_break() -> None:
    s = _by_subject(_statements(NARRATIVE), "一般公共预算")
    assert (s.amount, s.share, s.change_amount, s.change_rate) == (
        Decimal("2022.69"), Decimal("63.88"), Decimal("-208.54"), Decimal("-11.50"))
    assert s.reason is not None and s.reason.startswith("人员减少")


def test_nothing_budgeted_is_an_exact_zero() -> None:
    s = _by_subject(_statements(NARRATIVE), "政府性基金预算")
    assert s.amount == Decimal("0")


def test_class_section_item_names_resolve_to_a_code_and_full_width_digits_read() -> None:
    s = next(s for s in _statements(NARRATIVE) if s.code is not None)
    assert s.code == FunctionCode("2101501")
    assert (s.amount, s.change_amount, s.change_rate) == (Decimal("1089.27"), Decimal("113.03"), Decimal("11.58"))


def test_amounts_in_yuan_are_converted_to_the_document_unit() -> None:
    statements = _statements(NARRATIVE)
    three_public = next(s for s in statements if "三公" in s.subject)
    assert three_public.amount == Decimal("8.361692")


def test_contents_entries_without_leaders_and_page_numbers() -> None:
    text = "目 录\n第一部分 部门概况\n- 一、 主要职能 ........ 3\n第二部分 预算公开表\n第一部分 部门概况\n"
    assert find_contents(split_lines(text)).entries == ("第一部分部门概况", "一、主要职能", "第二部分预算公开表")


def _seed(name: str) -> Path:
    return seed_path(name)


def test_seed_001_statements_and_contents() -> None:
    doc = read_file(_seed("001_ecac1c9bef546caa.txt")).disclosure
    general = _by_subject(doc.statements, "一般公共预算")  # line 450 of the seed
    assert (general.amount, general.share, general.change_amount, general.change_rate) == (
        Decimal("2022.69"), Decimal("63.88"), Decimal("208.54"), Decimal("11.50"))
    admin = next(s for s in doc.statements if s.code == FunctionCode("2101501"))  # line 508
    assert (admin.amount, admin.change_amount, admin.change_rate) == (
        Decimal("1089.27"), Decimal("113.03"), Decimal("11.58"))
    projects = _by_subject(doc.statements, "当年财政拨款项目")  # line 678, as printed
    assert (projects.count, projects.amount) == (8, Decimal("56794.94"))
    assert "十一、上年结转结余情况明细表" in doc.contents
    assert doc.contents[0].startswith("第一部分")


def test_seed_002_nothing_budgeted() -> None:
    doc = read_file(_seed("002_9c02a3d6cb0f0eba.txt")).disclosure
    assert _by_subject(doc.statements, "政府性基金预算").amount == Decimal("0")  # line 401: 未安排
