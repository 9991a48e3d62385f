"""Coverage of a reading: tables found but not read, tables published in another file, final accounts,
several files read as one document, and the READ findings a check makes of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cnbudget.errors import FinalAccountsNotRead, ReadError
from cnbudget.model import BudgetDisclosure, UnreadTable, coverage
from cnbudget.model.kinds import TABLE_KINDS
from cnbudget.readers import TABLE_READERS, read_file, read_files, read_text
from cnbudget.validation import Severity, validate

from .seeds import corpus_path

HEAD = "某局2024年部门预算\n编制部门：某局 单位：万元\n"
SUMMARY = ("部门收支总体情况表\n收入\t\t支出\t\n项目\t预算数\t支出功能分类\t预算数\n"
           "一、本年收入\t5.00\t210 卫生健康支出\t5.00\n收入总计\t5.00\t支出总计\t5.00\n")
GARBLED = "部门支出总体情况表\n单位：万元\n合计\t5.00\t3.00\n"  # a table whose headings are lost


def test_every_table_kind_has_a_reader() -> None:
    assert {kind.key for kind in TABLE_KINDS if not kind.form} <= set(TABLE_READERS)


def test_a_table_found_but_not_read_is_recorded_with_its_reason() -> None:
    result = read_text(HEAD + SUMMARY + GARBLED)
    (unread,) = result.disclosure.unread
    assert (unread.key, unread.title, unread.line) == ("expenditure", "部门支出总体情况表", 8)
    assert "column headings" in unread.reason
    assert result.coverage.printed == ("summary", "expenditure") and result.coverage.read == ("summary",)
    assert not result.coverage.complete


def test_a_check_reports_every_unread_table_as_an_error() -> None:
    report = validate(read_text(HEAD + SUMMARY + GARBLED).disclosure, rules=["READ"])
    assert [(f.rule, f.severity, f.locations[0].table) for f in report.findings] == [
        ("READ-001", Severity.ERROR, "expenditure")]
    assert "部门支出总体情况表" in report.findings[0].message and "未作检查" in report.findings[0].message


def test_a_document_with_every_table_read_has_no_reading_finding() -> None:
    report = validate(read_text(HEAD + SUMMARY).disclosure, rules=["READ"])
    assert report.findings == ()
    assert report.coverage is not None and report.coverage.complete


def test_nothing_read_is_never_no_findings() -> None:
    report = validate(BudgetDisclosure(department="某局", fiscal_year=2024))
    assert [(f.rule, f.severity) for f in report.findings] == [("READ-004", Severity.ERROR)]
    assert report.has_errors


def test_tables_published_in_another_file_are_said_to_be_unchecked() -> None:
    text = HEAD + "第二部分 2024年度部门预算表\n2024 年度部门预算公开表附后。\n"
    doc = read_text(text).disclosure
    assert doc.tables_elsewhere == "2024年度部门预算公开表附后"
    findings = validate(doc).findings
    assert [(f.rule, f.severity) for f in findings if f.rule.startswith("READ")] == [("READ-002", Severity.WARNING)]
    assert "--together" in findings[0].message


def test_a_table_read_in_part_is_a_warning() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, incomplete=["summary"],
                           unread=[UnreadTable(key="revenue", reason="…")])
    assert {(f.rule, f.severity) for f in validate(doc, rules=["READ-003"]).findings} == {
        ("READ-003", Severity.WARNING)}


def test_coverage_lists_what_the_contents_announce() -> None:
    doc = BudgetDisclosure(department="某局", fiscal_year=2024,
                           contents=("一、部门收支总体情况表", "二、部门收入总体情况表", "三、部门整体绩效目标表"))
    assert coverage(doc).announced == ("summary", "revenue")  # forms are not tables


def test_final_accounts_are_answered_as_such() -> None:
    text = "上海市某局2024年度部门决算\n目录\n一、收入支出决算总表\n收入支出决算总表\n"
    with pytest.raises(FinalAccountsNotRead, match="final accounts"):
        read_text(text)


def test_several_files_are_read_as_one_document(tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    tables = tmp_path / "tables.txt"
    text.write_text(HEAD + "2024 年度部门预算公开表附后。\n", encoding="utf-8")
    tables.write_text(HEAD + SUMMARY + GARBLED, encoding="utf-8")
    result = read_files([text, tables])
    assert [key for key, _ in result.disclosure.tables.present()] == ["summary"]
    assert result.disclosure.tables_elsewhere is None  # the tables are here now
    assert [table.key for table in result.disclosure.unread] == ["expenditure"]
    (problem,) = [p for p in result.problems if p.table == "expenditure"]
    assert problem.source == str(tables) and problem.line == 8  # counted in its own file
    assert str(problem).startswith(f"{tables}:line 8")
    with pytest.raises(ReadError):
        read_files([])


def test_the_command_line_reads_files_together(tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    tables = tmp_path / "tables.txt"
    text.write_text(HEAD + "2024 年度部门预算公开表附后。\n", encoding="utf-8")
    tables.write_text(HEAD + SUMMARY, encoding="utf-8")

    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "cnbudget", "check", *args], capture_output=True, text=True,
                              check=False)

    alone = check(str(text))
    assert "READ-002" in alone.stdout and "表格另行公开" in alone.stdout
    together = check(str(text), str(tables), "--together")
    assert together.returncode == 0, together.stderr
    assert "READ-002" not in together.stdout and "表格 已读取 1 / 印出 1" in together.stdout
    assert check(str(text), "--together").returncode == 2  # one file is not "together"


def test_corpus_final_accounts_are_refused_with_their_kind() -> None:
    with pytest.raises(FinalAccountsNotRead):
        read_file(corpus_path("final-sh-putuo-finance-2024"))


# A table of a kind the model does not hold, printed after the summary, its rows like a summary's.
PURCHASES = ("政府购买服务预算财政拨款明细表\n单位：万元\n项目\t购买服务内容\t金额\n"
             "合计\t\t9.00\n物业管理\t保洁\t9.00\n")


def test_a_table_of_another_kind_is_recorded_and_its_rows_are_not_the_table_above() -> None:
    result = read_text(HEAD + SUMMARY + PURCHASES)
    doc = result.disclosure
    assert [(t.title, t.line) for t in doc.other_tables] == [("政府购买服务预算财政拨款明细表", 8)]
    summary = doc.tables.summary
    assert summary is not None
    assert [line.name for line in summary.expenditure] == ["卫生健康支出", "支出总计"]
    assert not [p for p in result.problems if p.table == "summary"]
    assert result.coverage.read == ("summary",) and not result.coverage.complete
    assert "政府购买服务预算财政拨款明细表" in result.coverage.summary()


def test_a_table_of_another_kind_is_a_warning_of_its_own() -> None:
    report = validate(read_text(HEAD + SUMMARY + PURCHASES).disclosure, rules=["READ"])
    assert [(f.rule, f.severity) for f in report.findings] == [("READ-005", Severity.WARNING)]
    assert "政府购买服务预算财政拨款明细表" in report.findings[0].message
    assert not report.has_errors


def test_a_table_of_another_kind_the_contents_list_needs_no_headings_below() -> None:
    contents = "目录\n一、部门收支总体情况表\n二、财政专户管理资金预算支出表\n\n"
    text = HEAD + contents + SUMMARY + "财政专户管理资金预算支出表\n无\n"
    assert [t.title for t in read_text(text).disclosure.other_tables] == ["财政专户管理资金预算支出表"]


@pytest.mark.parametrize("line", [
    "详见政府采购预算表。",  # a sentence
    "2024年部门预算公开表",  # the name of the whole set
    "省级部门预算公开报表",
    "附表",
])
def test_a_line_that_titles_no_table_is_not_another_kind(line: str) -> None:
    text = HEAD + SUMMARY + f"{line}\n单位：万元\n甲\t乙\t丙\n"
    assert read_text(text).disclosure.other_tables == ()


def test_a_table_of_another_kind_continued_over_pages_is_one_table() -> None:
    doc = read_text(HEAD + SUMMARY + PURCHASES + PURCHASES).disclosure
    assert len(doc.other_tables) == 1
