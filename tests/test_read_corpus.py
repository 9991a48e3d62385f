"""Reading the real Shanghai and Jiangsu budgets of ``../shared/corpus`` (their ``tsv.txt``).

Every table each document prints is read, with the department, year and units right, and the totals
a hand audit of each document found (the figures are copied from the documents). The one exception
is pinned too: js-procuratorate-2018's 三公 table, whose extraction cut a figure in two cells
(``267.8 | 0``); it is reported unread rather than misplaced. Skipped where the corpus is absent.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from cnbudget.model import BudgetDisclosure, ProcurementLine, SummaryLine, SummaryRole
from cnbudget.money import AmountUnit
from cnbudget.readers import read_file, read_files

from .present import present
from .seeds import corpus_path

D = Decimal
SHANGHAI = ("summary", "revenue", "expenditure", "fiscal_summary", "general_budget", "gov_fund", "soe_capital",
            "general_budget_basic", "three_public")
JIANGSU = ("summary", "revenue", "expenditure", "fiscal_summary", "general_budget", "general_budget_basic", "gov_fund",
           "three_public", "fiscal_expenditure", "fiscal_basic", "operating_costs", "procurement")


@attrs.frozen
class Expected:
    department: str
    year: int
    unit: AmountUnit
    tables: tuple[str, ...]  # every table the document prints (all read unless in ``unread``)
    totals: dict[str, str]  # the total row (合计/总计) of some tables, as printed
    unread: tuple[str, ...] = ()


YUAN, WAN = AmountUnit.YUAN, AmountUnit.WAN_YUAN
DOCUMENTS = {
    "sh-putuo-commerce-2025-dept-budget": Expected(
        "上海市普陀区商务委员会", 2025, YUAN, SHANGHAI,
        {"revenue": "371514655.00", "expenditure": "371514655.00", "general_budget_basic": "19830655.00"}),
    "sh-putuo-govoffice-2025-unit-budget": Expected(
        "上海市普陀区人民政府办公室", 2025, YUAN, SHANGHAI,
        {"expenditure": "91016775.35", "general_budget_basic": "24606775.35"}),
    "sh-putuo-wanli-2023-dept-budget": Expected(
        "上海市普陀区人民政府万里街道办事处", 2023, YUAN, SHANGHAI,
        {"revenue": "164978640", "expenditure": "164978640", "general_budget_basic": "99406297"}),
    "sh-putuo-wanli-2024-dept-budget": Expected(
        "上海市普陀区人民政府万里街道办事处", 2024, YUAN, SHANGHAI,
        {"revenue": "156211123", "general_budget": "156211123", "general_budget_basic": "99706020"}),
    "sh-putuo-welfarehome-2024-unit-budget": Expected(
        "上海市普陀区社会福利院", 2024, YUAN, SHANGHAI,
        {"expenditure": "12121164", "general_budget": "9501164", "general_budget_basic": "9501164"}),
    "js-procuratorate-2017": Expected(
        "江苏省人民检察院", 2017, WAN, JIANGSU,
        {"general_budget": "17981.68", "fiscal_basic": "12308.48", "operating_costs": "6032.55",
         "procurement": "2889.80"}),
    "js-procuratorate-2018": Expected(
        "江苏省人民检察院", 2018, WAN, JIANGSU,
        {"fiscal_expenditure": "21940.96", "general_budget_basic": "13979.92", "operating_costs": "2722.57",
         "procurement": "3096.24"}, unread=("three_public",)),
    "js-procuratorate-2019": Expected(
        "江苏省人民检察院", 2019, WAN, JIANGSU,
        {"fiscal_expenditure": "24169.74", "fiscal_basic": "15844.04", "operating_costs": "2391.92",
         "procurement": "2744.84"}),
    "js-party-office-2018-tables": Expected(
        "中共江苏省委办公厅", 2018, WAN, JIANGSU,
        {"general_budget": "24458.43", "fiscal_basic": "10403.11", "operating_costs": "2094.58",
         "procurement": "1449.50"}),
    "js-cppcc-2019-tables": Expected(
        "江苏省政协办公厅", 2019, WAN, JIANGSU,
        {"general_budget": "13297.11", "general_budget_basic": "6442.75", "operating_costs": "1130.74",
         "procurement": "1624.42"}),
}


def _total(doc: BudgetDisclosure, key: str) -> Decimal:
    table = getattr(doc.tables, key)
    for line in table.rows():
        if isinstance(line, ProcurementLine) and line.level == "total":
            return line.amount
        if not isinstance(line, SummaryLine) and line.kind.value == "total":
            return Decimal(line.amounts.total)
    raise AssertionError(f"{key} has no total row")


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_table_printed_is_read_with_its_totals(name: str) -> None:
    expected = DOCUMENTS[name]
    result = read_file(corpus_path(name))
    doc = result.disclosure
    assert (doc.department, doc.fiscal_year, doc.amount_unit) == (expected.department, expected.year, expected.unit)
    assert set(result.coverage.printed) == set(expected.tables)
    assert tuple(sorted(t.key for t in doc.unread)) == expected.unread
    for key, printed in expected.totals.items():
        assert _total(doc, key) == D(printed), key


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n.startswith("sh-")])
def test_shanghai_three_public_keeps_its_own_unit(name: str) -> None:
    doc = read_file(corpus_path(name)).disclosure
    table = doc.tables.three_public
    assert table is not None and table.unit is AmountUnit.WAN_YUAN  # 单位:万元 among tables in 元
    assert table.operating_costs is not None  # the 机关运行经费 column beside the items


def test_shanghai_three_public_figures() -> None:
    table = read_file(corpus_path("sh-putuo-wanli-2024-dept-budget")).disclosure.tables.three_public
    assert table is not None
    assert [(name, split.total) for name, split in table.items()] == [
        ("total", D("47.91")), ("overseas_travel", D("0")), ("vehicles", D("46.56")), ("vehicle_purchase", D("25")),
        ("vehicle_operation", D("21.56")), ("reception", D("1.35")), ("operating_costs", D("443.18"))]


def test_jiangsu_three_public_with_meetings_and_training() -> None:
    table = read_file(corpus_path("js-procuratorate-2019")).disclosure.tables.three_public
    assert table is not None
    # 1276.7 = 418.26 + 158.44 + 700; 418.26 = 80 + 237 + 101.26; the purchase cell is blank.
    assert (present(table.total_with_meetings_training).total, table.total.total, present(table.meetings).total,
            present(table.training).total, table.vehicle_purchase.total, table.vehicle_operation.total) == (
        D("1276.7"), D("418.26"), D("158.44"), D("700"), D("0"), D("237"))


def test_jiangsu_summary_by_function_and_by_use() -> None:
    summary = read_file(corpus_path("js-procuratorate-2019")).disclosure.tables.summary
    assert summary is not None
    uses = [(line.name, line.amount) for line in summary.expenditure if line.role is SummaryRole.USE]
    # Labels the extraction wrapped over three lines (三、单位预留机动经 / 3,990.40 / 费) are joined again.
    assert uses == [("基本支出", D("15844.04")), ("项目支出", D("4335.30")), ("单位预留机动经费", D("3990.40"))]
    functions = {line.name: line.amount for line in summary.expenditure if line.role is SummaryRole.FUNCTION}
    assert functions["公共安全支出"] == D("16593.12") and functions["住房保障支出"] == D("5686.35")
    revenue = {line.name: line.amount for line in summary.revenue}
    assert revenue["政府性基金预算"] == D("0") and revenue["当年收入小计"] == D("24169.74")


def test_jiangsu_revenue_listed_by_source() -> None:
    revenue = read_file(corpus_path("js-procuratorate-2018")).disclosure.tables.revenue
    assert revenue is not None and revenue.lines == ()
    listed = [(line.name, line.amount) for line in revenue.sources if line.amount]
    # The group name printed on the middle item's line (一般公共预算资金 / 公共财政拨款(补助)资金) is the group's.
    assert listed == [("收入总计", D("21955.35")), ("一般公共预算资金", D("21940.96")),
                      ("公共财政拨款(补助)资金", D("21940.96")), ("其他资金", D("14.39")), ("其他收入", D("14.39"))]


def test_jiangsu_expenditure_by_use_in_one_row() -> None:
    expenditure = read_file(corpus_path("js-procuratorate-2018")).disclosure.tables.expenditure
    assert expenditure is not None
    (row,) = expenditure.lines
    amounts = row.amounts
    # 单位预留机动经 / 费: the heading cut over two lines is joined again.
    assert (amounts.total, amounts.basic, amounts.project, amounts.reserve, amounts.next_year_carryover) == (
        D("21955.35"), D("13994.31"), D("5573.00"), D("2388.04"), D("0"))


def test_jiangsu_procurement_tree() -> None:
    table = read_file(corpus_path("js-procuratorate-2017")).disclosure.tables.procurement
    assert table is not None
    levels = [line.level for line in table.lines]
    assert levels[:4] == ["total", "category", "subject", "item"]
    categories = [(line.category, line.amount) for line in table.lines if line.level == "category"]
    assert categories == [("货物", D("334.00")), ("服务", D("2555.80"))]
    car = next(line for line in table.lines if line.item == "客车")
    assert (car.project, car.subject, car.method, car.amount) == (
        "执法执勤车辆购置", "公务用车购置", "政府集中采购", D("50.00"))


def test_the_2018_three_public_cut_figure_is_reported_not_misplaced() -> None:
    result = read_file(corpus_path("js-procuratorate-2018"))
    assert result.disclosure.tables.three_public is None
    (problem,) = [p for p in result.problems if p.table == "three_public" and "row not read" in p.message]
    assert "267.8\t0" in problem.text


def test_text_and_tables_published_apart_are_read_as_one_disclosure() -> None:
    text, tables = corpus_path("js-cppcc-2019"), corpus_path("js-cppcc-2019-tables")
    alone = read_file(text).disclosure
    assert alone.tables_elsewhere is not None and not alone.tables.present()
    together = read_files([text, tables]).disclosure
    assert together.tables_elsewhere is None
    assert {key for key, _ in together.tables.present()} == set(JIANGSU)
    assert together.statements  # the narrative of the text is there too


def test_each_file_read_together_keeps_its_own_contents() -> None:
    # The tables file prints a 目录 of its own; its entries are no table titles.
    result = read_files([corpus_path("js-party-office-2018"), corpus_path("js-party-office-2018-tables")])
    assert result.coverage.complete and set(result.coverage.printed) == set(JIANGSU)
    assert result.disclosure.unread == ()
