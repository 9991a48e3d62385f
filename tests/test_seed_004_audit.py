"""Seed 004 (轮台县医疗保障局 2024 年部门预算, plain pdftotext text): the findings ``cnbudget check``
must report on it, derived by hand from the printed text.

Hand audit, table by table and of the narrative (万元):

* 表1 部门收支总体情况表 (printed before its title): 一般公共预算拨款 2,075.69 = 一般财力 1,984.69 + 上级一般公共
  预算安排转移支付 91.00; 本年收入 2,075.69; 上年结转结余 5.86 = 财政拨款结转 5.86 (其中一般公共预算拨款 5.86);
  收入总计 2,081.55 = 2,075.69 + 5.86. Expenditure: 205 0.92 + 208 38.80 + 210 2,021.21 + 221 20.62 = 2,081.55
  = 支出总计. Consistent.
* 表2 部门收入总体情况表: every row adds up (210: 2,021.21 = 2,015.35 + 5.86, 2,015.35 = 1,924.35 + 91.00;
  21015: 211.46 = 205.60 + 5.86, 205.60 = 200.60 + 5.00; 合计 2,081.55 = 2,075.69 + 5.86, 2,075.69 =
  1,984.69 + 91.00), every 类 = Σ款 = Σ项. But its rows print 3 to 5 figures under 12 columns: which of
  一般公共预算 / 上级一般公共预算安排的转移支付 / 政府性基金预算 … holds 1,924.35 and 91.00, and which of
  财政专户 / 单位资金 / 财政拨款结转 / 非财政拨款结转结余 holds 5.86, no identity of the table says (moving every
  row's figures to the same other columns satisfies them all). Not readable: READ-001.
* 表3 部门支出总体情况表: rows of two figures (0.92 0.92) are placed by the sums: 合计 基本支出 274.69 = 0.92 +
  38.80 + 214.35 + 20.62 puts 205, 208 and 221 under 基本支出; 210 基本支出 214.35 = 13.75 + 200.60 puts
  21012 (1,710.00) and 21013 (86.00) under 项目支出; 21015 基本支出 200.60 = 85.93 + 114.67 puts 2101599
  (10.86) under 项目支出. 项目支出 1,806.86 = 1,710.00 + 86.00 + 10.86. Consistent.
* 表4 财政拨款收支预算总体情况表 (lines printed right to left on the expenditure half): 财政拨款 2,075.69 =
  一般公共预算 2,075.69; 0.92 + 38.80 + 2,015.35 + 20.62 = 2,075.69, all 一般公共预算 (the other budgets print
  nothing on the left). Consistent with 表5.
* 表5 一般公共预算支出情况表 (right to left): 2,075.69 = 274.69 + 1,801.00; 210: 2,015.35 = 214.35 + 1,801.00;
  21015: 205.60 = 200.60 + 5.00. Its 基本支出 274.69 = 表6 合计; its 项目支出 1,801.00 = 表7 合计. Consistent.
* 表6 一般公共预算基本支出情况表 (right to left): 301 260.53 = Σ 301xx (61.28 + 66.46 + 50.26 + 25.29 + 12.64 +
  11.52 + 2.23 + 4.10 + 20.62 + 6.13); 302 13.29 = Σ 302xx; 303 0.87 = 30302 0.87; 合计 274.69 = 人员经费
  261.40 (301 + 303) + 公用经费 13.29 (302). 303 printed 对个人和家庭的补贴, a known variant of 补助.
  Consistent; 302 17 公务接待费 0.10 and 302 31 公务用车运行维护费 0.93 are the “三公” figures.
* 表7 一般公共预算项目支出情况表: 1,801.00 = 5.00 + 86.00 + 1,710.00, but its lines mix both directions
  (``86.005.001801.00卫生健康支出210 1710.00``) and its project names stand apart: READ-001.
* 表8, 表9 政府性基金 / 国有资本经营预算支出情况表: stated empty, printed empty. Read.
* 表10 财政拨款“三公”经费支出情况表: 合计 1.03 = 公务接待费 0.10 + 公务用车运行费 0.93; each row prints its figure
  twice (合计 and one budget), and nothing in the table says which budget: READ-001.
* 表11 上年结转结余情况明细表: 4.88 + 0.98 = 5.86 = 表1 上年结转结余, but its figures stand apart from its
  project names and no row says which of 财政拨款 / 非财政拨款 they are under: READ-001.
* Narrative: 收入 2,081.55 (一般公共预算 1,984.69 = 95.35 %, −35.35 = −1.75 %; 转移支付 91 = 4.37 %, +76.00 =
  +506.67 %; 结转 5.86 = 0.28 %); 支出 基本 274.69 = 13.20 % (+11.45 = +4.35 %), 项目 1,806.86 = 86.80 %
  (+35.06 = +1.98 %); 一般公共预算 2,075.69 (项目 1,801, +29.20 = +1.65 %) by 类 0.92 / 38.8 / 2,015.35 / 20.62
  (0.04 / 1.87 / 97.09 / 0.99 %); the 13 项 with their changes (e.g. 2101202 1,710, −46.8 = −2.66 %); 人员经费
  261.4, 公用经费 13.29; 三公 1.03 (−0.06 = −5.50 %); 结转 5.86 = 4.88 + 0.98; 机关运行经费 13.29 (−10.21 =
  −43.45 %); 政府采购 6.23 = 5.50 + 0 + 0.73: all agree with the tables and with arithmetic, but
  **预算绩效情况: 整体预算绩效目标 涉及金额 2,018.55, where the budget is 2,081.55** (two digits swapped): NARR-006.

Seen by hand but outside what the check can see, the performance forms' indicator rows being printed
one cell per line (reported as not read): the project target 城乡居民基本医疗保险参保人数 ``≥9.54 人``
where its goal says 9.54 万人, and the department target 申领激活医保电子凭证 ``≥88%`` where the goal text
says 激活率达 87%以上.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import cnbudget
from tests.present import present
from tests.seeds import seed_path


@pytest.fixture(scope="module")
def report() -> cnbudget.Report:
    return cnbudget.validate(cnbudget.read_file(seed_path("004")).disclosure)


def test_seed_004_findings_are_those_found_by_hand(report: cnbudget.Report) -> None:
    found = sorted((finding.rule, finding.severity.value) for finding in report.findings)
    # NARR-006: "81" written "18" (two digits swapped), an error; NARR-012: 车辆 0 辆 in 国有资产占用
    # but 公务用车运行费 0.93 万元 in the “三公” paragraph.
    assert found == [("NARR-006", "error"), ("NARR-012", "warning")] + [("READ-001", "error")] * 4


def test_seed_004_tables_not_read_are_the_four_no_reading_can_place(report: cnbudget.Report) -> None:
    unread = [finding for finding in report.findings if finding.rule == "READ-001"]
    assert [finding.locations[0].table for finding in unread] == [
        "revenue", "general_budget_projects", "three_public", "carryover"]
    assert "more than one placement" in unread[0].message


def test_seed_004_department_target_states_the_budget_with_two_digits_swapped(report: cnbudget.Report) -> None:
    (found,) = [finding for finding in report.findings if finding.rule == "NARR-006"]
    assert (found.expected, found.actual) == (Decimal("2081.55"), Decimal("2018.55"))
    assert "收支总体情况表" in found.message


def test_seed_004_tables_read_are_checked_and_agree(report: cnbudget.Report) -> None:
    assert present(report.coverage).read == ("summary", "expenditure", "fiscal_summary", "general_budget",
                                    "general_budget_basic", "gov_fund", "soe_capital")
    # The identities of every table read and between them were held, and none failed.
    assert report.comparisons > 200
    assert not [f for f in report.findings if f.rule.startswith(("HIER", "ROW", "XTAB", "CAT"))]
