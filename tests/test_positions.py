"""Where things are (位置): tables, rows, statements and targets keep the line (and page) they are
printed at; findings carry them; the text report prints them before each finding, as linters do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import attrs

from cnbudget.readers import read_lines, read_text
from cnbudget.readers.text.source import SourceLine
from cnbudget.validation import validate
from cnbudget.validation.report import printed_where

# Line numbers below are counted by hand from this text (1-based).
TEXT = "\n".join([
    "某局2024年部门预算",                      # 1
    "编制部门：某局 单位：万元",                 # 2
    "一般公共预算支出情况表",                    # 3
    "单位：万元",                              # 4
    "科目编码\t科目名称\t合计\t基本支出\t项目支出",  # 5
    "210\t卫生健康支出\t9.00\t1.00\t1.00",       # 6  合计 ≠ 基本 + 项目: a finding on this row
    "2101501\t行政运行\t2.00\t1.00\t1.00",       # 7
    "合计\t\t9.00\t1.00\t1.00",                 # 8
    "",                                       # 9
    "第三部分 情况说明",                        # 10
    "一、支出预算情况说明",                      # 11
    "2024年一般公共预算支出 8.00 万元。",          # 12
])


def test_each_table_row_and_statement_keeps_its_line() -> None:
    doc = read_text(TEXT).disclosure
    table = doc.tables.general_budget
    assert table is not None and table.line_number == 3
    assert [(row.name, row.line_number) for row in table.lines] == [("卫生健康支出", 6), ("行政运行", 7), ("合计", 8)]
    assert [(s.subject, s.line_number) for s in doc.statements] == [("一般公共预算支出", 12)]


def test_positions_are_provenance_not_content() -> None:
    doc = read_text(TEXT).disclosure
    table = doc.tables.general_budget
    assert table is not None
    moved = attrs.evolve(table, line_number=99, lines=tuple(attrs.evolve(r, line_number=None) for r in table.lines))
    assert moved == table


def test_a_finding_carries_the_line_of_the_row_it_names() -> None:
    report = validate(read_text(TEXT).disclosure, rules=["ROW-001"])
    assert [[(loc.code, loc.line_number) for loc in f.locations] for f in report.findings] == [
        [("210", 6)], [(None, 8)]]  # the 合计 row, not the table's title


def test_a_finding_on_a_statement_carries_its_line() -> None:
    changed = "2024年一般公共预算支出 8.00 万元，比上年增加 1.00 万元，增长 50%。"  # 1 ÷ 7 is 14.29 %
    text = TEXT.replace("2024年一般公共预算支出 8.00 万元。", changed)
    report = validate(read_text(text).disclosure, rules=["NARR-001"])
    lines = [loc.line_number for f in report.findings for loc in f.locations if loc.table == "statements"]
    assert lines and set(lines) == {12}


def test_the_page_is_kept_where_the_source_has_pages() -> None:
    lines = [SourceLine.of(number, raw, page=1 if number < 10 else 2)
             for number, raw in enumerate(TEXT.splitlines(), start=1)]
    doc = read_lines(lines).disclosure
    assert doc.tables.general_budget is not None and doc.tables.general_budget.lines[0].page == 1
    assert doc.statements[0].page == 2
    report = validate(doc, rules=["ROW-001"])
    assert printed_where(report.findings[0], "部门预算.pdf") == "部门预算.pdf:p.1"


def test_the_text_report_prints_file_and_line_before_each_finding(tmp_path: Path) -> None:
    path = tmp_path / "部门预算.txt"
    path.write_text(TEXT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "cnbudget", "check", str(path), "--family", "ROW"],
                         capture_output=True, text=True, check=False)
    assert f"{path}:6: ROW-001 error [" in run.stdout  # as linters print: file:line: rule severity


def test_a_document_without_positions_reports_none() -> None:
    report = validate(read_text(TEXT).disclosure, rules=["ROW-001"])
    stripped = attrs.evolve(report.findings[0], locations=tuple(
        attrs.evolve(loc, line_number=None, page=None) for loc in report.findings[0].locations))
    assert printed_where(stripped, "x.txt") is None


def test_a_place_is_found_in_a_table_that_prints_one_position_only() -> None:
    # The title and the first row print no line: only the second row does, and it is found; a table
    # that prints none leaves its places as they are.
    from cnbudget.codes import FunctionCode
    from cnbudget.model import BudgetDisclosure, ExpenditureAmounts, ExpenditureTable, FunctionLine, Tables
    from cnbudget.validation.findings import Location
    from cnbudget.validation.positions import locator

    def row(code: str, line: int | None) -> FunctionLine:
        return FunctionLine(code=FunctionCode(code), name="行政运行", line_number=line,
                            amounts=ExpenditureAmounts(total="1.00", basic="1.00"))

    doc = BudgetDisclosure(department="某局", fiscal_year=2024, tables=Tables(
        general_budget=ExpenditureTable(lines=(row("2101501", None), row("2101502", 12)))))
    locate = locator(doc)
    assert locate(Location(table="general_budget", code="2101502")).line_number == 12
    assert locate(Location(table="general_budget", code="2101501")).line_number is None
    bare = attrs.evolve(doc, tables=Tables(general_budget=ExpenditureTable(lines=(row("2101501", None),))))
    place = Location(table="general_budget", code="2101501", column="total")
    assert locator(bare)(place) is place
