"""The front matter and narrative of the corpus budget documents (Shanghai and Jiangsu), pinned:
year, department, and statements checked by hand against the text (the line of each is given).
Skips cleanly where ``../shared/corpus`` is absent. The final accounts (``final-*``) are only
recognised as such."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from cnbudget.codes import FunctionCode
from cnbudget.model import OtherMatters, Statement
from cnbudget.model.narrative import ChangeBasis
from cnbudget.money import AmountUnit
from cnbudget.readers.prose.front import DocumentKind, document_kind, read_front
from cnbudget.readers.prose.matters import read_other_matters
from cnbudget.readers.prose.narrative import read_statements
from cnbudget.readers.text.source import SourceLine, split_lines
from tests.seeds import corpus_text

D = Decimal
EXECUTION = ChangeBasis.EXECUTION


def wan(value: str) -> Decimal:
    """An amount printed in 万元, in the 元 of a Shanghai document."""
    return D(value) * 10000


@attrs.frozen(kw_only=True)
class Pin:
    """What one statement must read: found by subject, or by code (and its position among the
    statements of that code)."""

    subject: str | None = None
    code: str | None = None
    nth: int = 0
    amount: Decimal | None = None
    change: Decimal | None = None
    rate: Decimal | None = None
    prior: Decimal | None = None
    basis: ChangeBasis | None = None
    line: int = 0  # where the text prints it, for the reader of this test

    def find(self, statements: tuple[Statement, ...]) -> Statement:
        if self.code is not None:
            return [s for s in statements if s.code == FunctionCode(self.code)][self.nth]
        return [s for s in statements if s.subject == self.subject][self.nth]


@attrs.frozen(kw_only=True)
class Document:
    name: str
    year: int
    department: str
    unit: AmountUnit
    pins: tuple[Pin, ...] = ()


DOCUMENTS = (
    Document(name="sh-putuo-commerce-2025-dept-budget", year=2025, department="上海市普陀区商务委员会",
             unit=AmountUnit.YUAN, pins=(
                 Pin(code="2011301", amount=wan("938.99"), line=122),
                 Pin(code="2150899", amount=wan("29381.00"), line=140),
                 Pin(code="2210203", amount=wan("148.80"), line=145),
                 Pin(subject="财政拨款收入", amount=wan("37151.47"), change=wan("24558.18"), basis=EXECUTION, line=115),
                 Pin(subject="财政拨款支出预算", amount=wan("37151.47"), change=wan("24491.71"), line=117),
                 Pin(subject="“三公”经费", amount=wan("1.00"), line=353),
                 Pin(subject="编报绩效目标的项目", amount=wan("11381.60"), line=364),
             )),
    Document(name="sh-putuo-govoffice-2025-unit-budget", year=2025, department="上海市普陀区人民政府办公室",
             unit=AmountUnit.YUAN, pins=(
                 Pin(code="2010301", amount=wan("1202.95"), line=90),
                 Pin(code="2010302", amount=wan("4614"), line=91),
                 Pin(code="2210203", amount=wan("186.77"), line=111),
                 Pin(subject="财政拨款收入", amount=wan("9101.68"), change=wan("-2389.52"), line=83),
                 Pin(subject="因公出国（境）费", amount=wan("839"), line=289),
             )),
    Document(name="sh-putuo-wanli-2023-dept-budget", year=2023, department="上海市普陀区人民政府万里街道办事处",
             unit=AmountUnit.YUAN, pins=(
                 Pin(code="2080206", amount=wan("21.50"), rate=D("53.57"), prior=wan("14.00"), basis=EXECUTION,
                     line=100),
                 Pin(code="2040607", amount=wan("15.00"), prior=wan("15.00"), basis=EXECUTION, line=92),
                 Pin(code="2080705", amount=wan("635.10"), rate=D("-4.83"), prior=wan("667.32"), basis=EXECUTION,
                     line=117),
                 # item 16 prints 220.63 and then 441.25, copied from item 15: both are kept
                 Pin(code="2080506", amount=wan("220.63"), rate=D("60.54"), prior=wan("132.59"), basis=EXECUTION,
                     line=110),
                 Pin(code="2080506", nth=1, amount=wan("441.25"), line=111),
                 # 政府性基金 0 万元 "比2022年预算增加1421.25万元" as printed
                 Pin(subject="政府性基金拨款支出预算", amount=D(0), change=wan("1421.25"), line=68),
             )),
    Document(name="sh-putuo-wanli-2024-dept-budget", year=2024, department="上海市普陀区人民政府万里街道办事处",
             unit=AmountUnit.YUAN, pins=(
                 Pin(code="2010507", amount=wan("25.77"), rate=D("-57.14"), prior=wan("60.13"), basis=EXECUTION,
                     line=75),
                 # item 31 prints 350.35 and then 352.67, last year's figure
                 Pin(code="2210201", amount=wan("350.35"), rate=D("0.53"), prior=wan("348.52"), basis=EXECUTION,
                     line=154),
                 Pin(code="2210201", nth=1, amount=wan("352.67"), line=155),
                 Pin(subject="“三公”经费", amount=wan("47.91"), change=wan("25"), line=500),
                 Pin(subject="财政拨款收入", amount=wan("15621.11"), change=wan("-876.75"), line=68),
             )),
    Document(name="sh-putuo-welfarehome-2024-unit-budget", year=2024, department="上海市普陀区社会福利院",
             unit=AmountUnit.YUAN, pins=(
                 Pin(code="2081005", amount=wan("738.66"), rate=D("3.84"), prior=wan("711.34"), basis=EXECUTION,
                     line=61),
                 Pin(code="2080502", amount=wan("53.84"), rate=D("-1.39"), prior=wan("54.60"), basis=EXECUTION,
                     line=52),
                 Pin(subject="事业收入", amount=wan("262.00"), line=45),
                 Pin(subject="公务用车运行费", amount=wan("6.40"), line=217),
             )),
    Document(name="js-procuratorate-2017", year=2017, department="江苏省人民检察院", unit=AmountUnit.WAN_YUAN, pins=(
        Pin(code="2040401", amount=D("7968.14"), change=D("300.38"), rate=D("3.92"), line=514),
        Pin(subject="公共安全（类）支出", amount=D("13656.34"), change=D("309.03"), rate=D("2.31"), line=473),
        Pin(subject="收入预算总计", amount=D("17996.68"), line=460),  # the figure printed on line 461
        Pin(subject="项目支出", amount=D("5533"), change=D("-20"), rate=D("-0.36"), line=482),
        Pin(subject="公务接待费预算支出", amount=D("156.55"), change=D("-29.65"), line=588),
        Pin(subject="培训费预算支出", amount=D("700"), change=D("-220"), line=593),
    )),
    Document(name="js-procuratorate-2018", year=2018, department="江苏省人民检察院", unit=AmountUnit.WAN_YUAN, pins=(
        Pin(code="20404", amount=D("16444.36"), line=661),
        Pin(code="2040401", amount=D("10883.36"), change=D("2915.22"), rate=D("36.58"), line=663),
        Pin(code="2210202", amount=D("2586.61"), line=693),
        Pin(subject="社会保障和就业支出", amount=D("1836.22"), change=D("-184.96"), rate=D("-9.1"), line=607),
        Pin(subject="会议费预算支出", amount=D("200.44"), change=D("32.44"), line=745),
        Pin(subject="项目实行绩效目标管理", amount=D("5086"), line=768),
    )),
    Document(name="js-procuratorate-2019", year=2019, department="江苏省人民检察院", unit=AmountUnit.WAN_YUAN, pins=(
        Pin(code="2040401", amount=D("12268.62"), change=D("1385.26"), rate=D("12.73"), line=635),
        Pin(code="2040410", amount=D("1185.6"), change=D("-709.4"), rate=D("-37.44"), line=647),
        Pin(code="2080504", amount=D("400.02"), change=D("28.1"), rate=D("7.57"), line=659),
        Pin(subject="项目支出", amount=D("4335.3"), change=D("-1237.7"), rate=D("-13.22"), line=606),
        Pin(subject="公务用车运行维护费预算支出", amount=D("237"), change=D("-30.8"), line=719),
    )),
    Document(name="js-cppcc-2019", year=2019, department="江苏省政协办公厅", unit=AmountUnit.WAN_YUAN, pins=(
        Pin(code="2010205", amount=D("426"), change=D("-3.3"), rate=D("-0.77"), line=273),
        Pin(code="2210202", amount=D("1754.17"), change=D("646.57"), rate=D("58.38"), line=293),
        Pin(subject="政府性基金收入预算", amount=D("0"), line=191),
        Pin(subject="培训费预算支出", amount=D("281.77"), change=D("184.17"), line=357),
        Pin(subject="公务用车运行维护费", amount=D("156.6"), line=351),
    )),
    Document(name="js-party-office-2018", year=2018, department="江苏省委办公厅", unit=AmountUnit.WAN_YUAN, pins=(
        Pin(code="2013101", amount=D("8072.29"), change=D("1965.30"), rate=D("32.18"), line=147),
        Pin(code="2080505", amount=D("743.39"), change=D("743.39"), line=161),
        Pin(subject="财政专户管理资金收入预算总计", amount=D("0"), change=D("-147.20"), rate=D("-100"), line=96),
        Pin(subject="单位预留机动经费", amount=D("1973.86"), change=D("1777.14"), rate=D("903.39"), line=122),
        Pin(subject="培训费预算支出", amount=D("30"), change=D("5"), line=221),
    )),
    # the tables of two of them, published apart: no narrative
    Document(name="js-party-office-2018-tables", year=2018, department="中共江苏省委办公厅", unit=AmountUnit.WAN_YUAN),
    Document(name="js-cppcc-2019-tables", year=2019, department="江苏省政协办公厅", unit=AmountUnit.WAN_YUAN),
)
BY_NAME = {document.name: document for document in DOCUMENTS}


def _lines(name: str) -> list[SourceLine]:
    return split_lines(corpus_text(name))


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_front_matter(name: str) -> None:
    document = BY_NAME[name]
    lines = _lines(name)
    front, problems = read_front(lines)
    assert (front.fiscal_year, front.department, front.amount_unit) == (
        document.year, document.department, document.unit)
    assert problems == []
    assert document_kind(lines) is DocumentKind.BUDGET


@pytest.mark.parametrize("name", ["final-sh-putuo-finance-2024", "final-sh-putuo-planning-2024"])
def test_final_accounts_are_recognised(name: str) -> None:
    lines = _lines(name)
    assert document_kind(lines) is DocumentKind.FINAL_ACCOUNTS
    assert read_front(lines)[0].fiscal_year == 2024


def _statements(name: str) -> tuple[Statement, ...]:
    statements, _ = read_statements(_lines(name))
    return statements


@pytest.mark.parametrize(("name", "index"), [(d.name, i) for d in DOCUMENTS for i in range(len(d.pins))])
def test_pinned_statement(name: str, index: int) -> None:
    pin = BY_NAME[name].pins[index]
    statement = pin.find(_statements(name))
    found = (statement.amount, statement.change_amount, statement.change_rate, statement.stated_prior,
             statement.compared_with)
    assert found == (pin.amount, pin.change, pin.rate, pin.prior, pin.basis), f"line {pin.line}: {statement.text}"


@pytest.mark.parametrize("name", ["js-party-office-2018-tables", "js-cppcc-2019-tables"])
def test_documents_of_tables_only_state_nothing(name: str) -> None:
    assert _statements(name) == ()


def test_every_coded_statement_of_a_shanghai_item_list_is_coded() -> None:
    # every “…（类）…（款）…（项）” of 财政拨款支出主要内容 of the Shanghai documents resolves
    for name in [d.name for d in DOCUMENTS if d.name.startswith("sh-")]:
        items = [s for s in _statements(name) if s.subject.startswith("“") and s.subject.endswith(("（项）”", "科目"))]
        assert items and all(s.code is not None for s in items if "医疗卫生与计划生育" not in s.subject), name


def _matters(name: str) -> OtherMatters:
    matters, _ = read_other_matters(_lines(name))
    assert matters is not None
    return matters


def test_other_matters_of_shanghai() -> None:
    commerce = _matters("sh-putuo-commerce-2025-dept-budget")  # lines 359-371
    assert commerce.operating_costs is not None and commerce.operating_costs.amount == wan("171.01")
    assert commerce.procurement is not None
    assert (commerce.procurement.total, commerce.procurement.goods, commerce.procurement.services) == (
        wan("38.20"), wan("7.80"), wan("30.40"))
    assert commerce.assets is not None and commerce.assets.as_of == "2024年8月31日"
    assert (commerce.assets.vehicle_count, commerce.assets.equipment_over_1m,
            commerce.assets.planned_equipment_over_1m) == (0, 0, 0)
    wanli = _matters("sh-putuo-wanli-2023-dept-budget")  # lines 498-508
    assert wanli.procurement is not None
    assert (wanli.procurement.sme_reserved, wanli.procurement.small_micro_reserved) == (wan("332.00"), wan("232.40"))
    assert wanli.assets is not None
    assert (wanli.assets.as_of, wanli.assets.vehicle_count, wanli.assets.building_area) == (
        "2022年12月31日", 7, D("14609.83"))
    assert [(v.kind, v.count) for v in wanli.assets.vehicles][:2] == [("一般公务用车", 3), ("执法执勤用车", 4)]
    welfare = _matters("sh-putuo-welfarehome-2024-unit-budget")  # line 220: 无机关运行经费
    assert welfare.operating_costs is not None and welfare.operating_costs.amount == D(0)


def test_other_matters_of_jiangsu() -> None:
    costs = _matters("js-procuratorate-2017").operating_costs  # lines 563-566, figures on line 565
    assert costs is not None
    assert (costs.amount, costs.change_amount, costs.change_rate) == (D("6032.55"), D("3401.59"), D("129.97"))
    procurement = _matters("js-procuratorate-2018").procurement  # lines 763-765
    assert procurement is not None
    assert (procurement.total, procurement.goods, procurement.services) == (D("3096.24"), D("268"), D("2828.24"))
    assets = _matters("js-procuratorate-2019").assets  # lines 749-751
    assert assets is not None and assets.vehicle_count == 55
    assert [(v.kind, v.count) for v in assets.vehicles] == [("一般公务用车", 13), ("执法执勤用车", 40), ("其他用车", 2)]
