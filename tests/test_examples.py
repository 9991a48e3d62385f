"""The bundled examples (内置示例): real published disclosures, figure for figure.

Three kinds of evidence that an example is the published document:

* figures typed by hand from the published 乌鲁木齐市医疗保障局 2024 document, looked up in the
  example (these run everywhere);
* every row of every table of each example, compared with the rows printed in its source text,
  which a small independent matcher finds by code or name (where ``../shared/seeds`` exists);
* reading the source text gives exactly the bundled example (where ``../shared/seeds`` exists).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import cnbudget
from cnbudget.examples import example, example_names
from cnbudget.model import BudgetDisclosure, ProcurementLine, SummaryLine
from cnbudget.model.facts import Fact, facts
from tests.seeds import corpus_path, seed_path

#: Each bundled example and the published text it was read from: a seed (``../shared/seeds``) or a
#: document of the corpus (``../shared/corpus``), one of each template family.
SOURCES = {"urumqi-2024": "001", "aketao-2023": "002", "yanjin-2024": "003", "luntai-2024": "004",
           "putuo-commerce-2025": "sh-putuo-commerce-2025-dept-budget",
           "jiangsu-procuratorate-2019": "js-procuratorate-2019"}


def _seed(name: str) -> Path:
    source = SOURCES[name]
    return seed_path(source) if source.isdigit() else corpus_path(source)


def test_every_bundled_example_has_its_source() -> None:
    assert set(example_names()) == set(SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_each_example_is_canonical_json(name: str) -> None:
    doc = example(name)
    assert isinstance(doc, BudgetDisclosure)
    assert cnbudget.from_json(cnbudget.to_json(doc)) == doc


@pytest.mark.parametrize(
    ("name", "department", "year"),
    [
        ("urumqi-2024", "乌鲁木齐市医疗保障局", 2024),
        ("aketao-2023", "阿克陶县医疗保障局", 2023),
        ("yanjin-2024", "延津县医疗保障局", 2024),
        ("luntai-2024", "轮台县医疗保障局", 2024),
        ("putuo-commerce-2025", "上海市普陀区商务委员会", 2025),
        ("jiangsu-procuratorate-2019", "江苏省人民检察院", 2019),
    ],
)
def test_each_example_names_its_department_and_year(name: str, department: str, year: int) -> None:
    doc = example(name)
    assert (doc.department, doc.fiscal_year) == (department, year)


# Figures typed from the published 乌鲁木齐市医疗保障局 2024 年部门预算:
# (table, code or row name, project or agency, column, amount).
URUMQI_BY_HAND = [
    ("summary", "其中：一般财力", None, "revenue", "2022.69"),
    ("summary", "上级一般公共预算安排转移支付", None, "revenue", "237.97"),
    ("summary", "上年结转结余", None, "revenue", "905.62"),
    ("summary", "收入总计", None, "revenue", "3166.28"),
    ("summary", "210", None, "expenditure", "2951.13"),
    ("expenditure", "2101501", None, "total", "1089.27"),
    ("expenditure", "2101501", None, "basic", "1089.27"),
    ("expenditure", "2101504", None, "project", "759.14"),
    ("expenditure", "21017", None, "project", "50.00"),
    ("expenditure", "208", None, "basic", "192.52"),
    ("general_budget_basic", "30101", None, "personnel", "455.88"),
    ("general_budget_basic", "30113", None, "personnel", "152.89"),
    ("general_budget_basic", "30217", None, "public", "0.50"),
    ("general_budget_basic", "30302", None, "personnel", "3.53"),
    ("general_budget_basic", "302", None, "total", "163.69"),
    ("general_budget_projects", "2101502", "2024年综合业务费", "capital", "20.00"),
    ("general_budget_projects", "2101502", "2024年综合业务费", "goods_services", "66.78"),
    ("general_budget_projects", "2101599", "2024年稽核费", "goods_services", "24.27"),
    ("general_budget_projects", "2101599", "2024年综合业务费", "total", "90.01"),
    ("general_budget_projects", "2060499", "信息化运维项目", "total", "17.03"),
    ("three_public", "合计", None, "total.total", "0.50"),
    ("three_public", "公务接待费", None, "reception.general_budget", "0.50"),
    ("carryover", "2023年医疗服务与保障能力提升补助资金", None, "fiscal_project", "339.14"),
    ("carryover", "2023年全民参保补助资金", "乌鲁木齐市医疗保障局", "total", "10.00"),
    ("carryover", "2023年全民参保补助资金", "乌鲁木齐市医疗保障事业发展中心", "total", "30.51"),
    ("carryover", "乌鲁木齐市医疗保障事业发展中心", None, "fiscal", "55.16"),
]


def _facts_at(doc: BudgetDisclosure, table: str, row: str, within: str | None, column: str) -> list[Fact]:
    return [
        fact for fact in facts(doc)
        if fact.table == table and fact.column == column and row in (fact.code, fact.name)
        and (within is None or within in (fact.project, fact.agency))
    ]


@pytest.mark.parametrize(("table", "row", "within", "column", "printed"), URUMQI_BY_HAND)
def test_urumqi_figures_typed_from_the_published_document(
    table: str, row: str, within: str | None, column: str, printed: str
) -> None:
    found = _facts_at(example("urumqi-2024"), table, row, within, column)
    assert found, f"{table} {row} {within or ''} {column} is missing"
    assert {fact.amount for fact in found} == {Decimal(printed)}
    assert {str(fact.amount) for fact in found} == {printed}  # the printed decimals are kept


def test_urumqi_performance_targets_typed_from_the_published_document() -> None:
    performance = example("urumqi-2024").performance
    assert performance is not None and performance.department is not None
    assert (performance.department.contact, performance.department.phone) == ("张杰", "4802251")
    assert len(performance.projects) == 10
    first = performance.projects[0]
    assert (first.agency, first.project) == ("乌鲁木齐市医疗保障事业发展中心", "2023年全民参保补助资金（上年结转资金）")
    assert first.funds is not None
    assert (first.funds.total, first.funds.fiscal, first.funds.other) == (
        Decimal("30.51"), Decimal("0.00"), Decimal("30.51"))
    assert [(i.name, i.target.raw if i.target else None, i.weight) for i in first.indicators[:3]] == [
        ("广播电台宣传数量", ">=3个", Decimal("10")),
        ("宣传印刷品种类数", ">=5种", Decimal("10")),
        ("政策宣传区（县）覆盖率", "=100%", Decimal("10")),
    ]
    assert [i.level1 for i in first.indicators] == ["产出指标"] * 5 + ["效益指标", "满意度指标"]


# An independent matcher for the printed rows: a row of the model must be a printed line that
# names its code or its name and prints exactly its non-zero figures, in the same order.
_FIGURE = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_TWO_SIDED = {"summary", "fiscal_summary"}


def _plain(cell: str) -> str:
    return re.sub(r"</?b>|\s", "", cell)


def _printed_figures(cells: list[str]) -> list[Decimal]:
    # Codes are bare digit groups; printed amounts carry decimals or thousands separators.
    figures = []
    for cell in map(_plain, cells):
        if _FIGURE.fullmatch(cell) and ("." in cell or "," in cell):
            value = Decimal(cell.replace(",", ""))
            if value:
                figures.append(value)
    return figures


def _rows(doc: BudgetDisclosure) -> Iterator[tuple[str, object]]:
    for key, table in doc.tables.present():
        for field in attrs.fields(type(table)):
            if field.metadata.get("rows"):
                for line in getattr(table, field.name):
                    yield key, line


def _unmatched_rows(doc: BudgetDisclosure, text: str) -> list[str]:
    printed = [line.split("\t") for line in text.splitlines()]
    unmatched = []
    for key, line in _rows(doc):
        code = getattr(line, "classification", None)
        code_text = str(code) if code is not None else None
        # The label printed on the row's own line (a procurement row carries the project above it).
        own = line.name if isinstance(line, ProcurementLine) else None
        label = _plain(own or getattr(line, "project", None) or getattr(line, "name", "")
                       or getattr(line, "agency", None) or "")

        def names_the_row(cells: list[str], code_text: str | None = code_text, label: str = label) -> bool:
            if code_text and "".join(_plain(c) for c in cells[:4]).startswith(code_text):
                return True
            return not label or label[:8] in "".join(_plain(c) for c in cells)

        # A row's figures on its line, or on the next where an extraction moved them there.
        candidates = [_printed_figures(cells) or (_printed_figures(printed[i + 1]) if i + 1 < len(printed) else [])
                      for i, cells in enumerate(printed) if names_the_row(cells)]
        if isinstance(line, (SummaryLine, ProcurementLine)):
            wanted = [line.amount] if line.amount else []
        else:
            wanted = [value for _, value in getattr(line, "amounts").columns() if value]  # noqa: B009
        if key in _TWO_SIDED:  # both sides share a printed line: the row is one part of it
            found = any(_contains_run(figures, wanted) for figures in candidates)
        else:
            found = wanted in candidates
        if not found:
            unmatched.append(f"{key}: {code_text or ''} {label} {[str(v) for v in wanted]}")
    return unmatched


# Flat text (plain pdftotext): a row's cells run together on one line, or its code, name and figures
# on lines of their own, read left to right or right to left; amounts of two decimals run together.
_FLAT_FIGURE = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)\.[0-9]{2}")
_FLAT_ROW_LINES = 5  # a code, a name wrapped over up to three lines, the figures


def _flat_figures(line: str) -> list[Decimal]:
    return [value for value in (Decimal(found.replace(",", "")) for found in _FLAT_FIGURE.findall(line)) if value]


def _unmatched_flat_rows(doc: BudgetDisclosure, text: str) -> list[str]:
    printed = [re.sub(r"\s", "", line) for line in text.splitlines() if line.strip()]
    unmatched = []
    for key, line in _rows(doc):
        code = getattr(line, "classification", None)
        parts = list(code.parts) if code is not None else []
        forward, backward = "".join(parts), "".join(reversed(parts))
        label = _plain(getattr(line, "name", "") or "")

        def names_the_row(row: str, forward: str = forward, backward: str = backward, label: str = label) -> bool:
            # Its code first (205 08 03 …) or, read right to left, last after its figures (…0308205).
            first = bool(forward) and re.match(rf"{forward}(?![0-9])", row) is not None
            last = bool(backward) and re.search(rf"(?<![0-9]){backward}$", row) is not None
            return first or last or (bool(label) and label[:8] in row)

        candidates = []
        for index, row in enumerate(printed):
            if names_the_row(row):
                following = printed[index : index + _FLAT_ROW_LINES]
                figures = next((found for found in map(_flat_figures, following) if found), [])
                candidates += [figures, figures[::-1]]
        if isinstance(line, SummaryLine):
            wanted = [line.amount] if line.amount else []
        else:
            wanted = [value for _, value in getattr(line, "amounts").columns() if value]  # noqa: B009
        found = any(_contains_run(figures, wanted) for figures in candidates) if key in _TWO_SIDED \
            else wanted in candidates or (not wanted and bool(candidates))
        if not found:
            unmatched.append(f"{key}: {code or ''} {label} {[str(v) for v in wanted]}")
    return unmatched


def test_every_row_of_the_flat_example_is_printed_in_the_published_text() -> None:
    # The text keeps no columns: the matcher holds each row's figures in printed order (either
    # direction), not the columns they stand under; those are pinned in tests/test_read_flat_text.py.
    text = _seed("luntai-2024").read_text(encoding="utf-8")
    assert len(list(_rows(example("luntai-2024")))) > 100
    assert _unmatched_flat_rows(example("luntai-2024"), text) == []


def test_the_flat_row_matcher_notices_a_changed_figure() -> None:
    text = _seed("luntai-2024").read_text(encoding="utf-8")
    doc = example("luntai-2024")
    assert doc.tables.general_budget is not None
    lines = list(doc.tables.general_budget.lines)
    changed = attrs.evolve(lines[1], amounts=attrs.evolve(lines[1].amounts, total=Decimal("1.23")))
    altered = attrs.evolve(doc, tables=attrs.evolve(
        doc.tables, general_budget=attrs.evolve(doc.tables.general_budget, lines=(lines[0], changed, *lines[2:]))))
    assert len(_unmatched_flat_rows(altered, text)) == 1


def _contains_run(figures: list[Decimal], wanted: list[Decimal]) -> bool:
    return any(figures[i : i + len(wanted)] == wanted for i in range(len(figures) - len(wanted) + 1))


@pytest.mark.parametrize("name", ["urumqi-2024", "aketao-2023", "yanjin-2024", "putuo-commerce-2025",
                                  "jiangsu-procuratorate-2019"])
def test_every_row_of_the_example_is_printed_in_the_published_text(name: str) -> None:
    text = _seed(name).read_text(encoding="utf-8")
    assert _unmatched_rows(example(name), text) == []


def test_the_row_matcher_notices_a_changed_figure() -> None:
    text = _seed("urumqi-2024").read_text(encoding="utf-8")
    doc = example("urumqi-2024")
    assert doc.tables.expenditure is not None
    lines = list(doc.tables.expenditure.lines)
    changed = attrs.evolve(lines[1], amounts=attrs.evolve(lines[1].amounts, total=Decimal("1.23")))
    altered = attrs.evolve(doc, tables=attrs.evolve(
        doc.tables, expenditure=attrs.evolve(doc.tables.expenditure, lines=(lines[0], changed, *lines[2:]))))
    assert len(_unmatched_rows(altered, text)) == 1


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_reading_the_published_text_gives_the_bundled_example(name: str) -> None:
    assert cnbudget.read_file(_seed(name)).disclosure == example(name)


def _amount(name: str, table: str, code: str, column: str = "total") -> Decimal:
    rows = [line for line in getattr(example(name).tables, table).rows() if str(line.classification) == code]
    (row,) = rows
    return Decimal(getattr(row.amounts, column))


def test_shanghai_figures_typed_from_the_published_document() -> None:
    # 上海市普陀区商务委员会 2025 年部门预算 (tables in 元, the “三公” table in 万元).
    name = "putuo-commerce-2025"
    assert _amount(name, "revenue", "2011301") == Decimal("9389913.00")
    assert _amount(name, "expenditure", "2150899", "project") == Decimal("293810000.00")
    assert _amount(name, "general_budget_basic", "30101", "personnel") == Decimal("1952616.00")
    three = example(name).tables.three_public
    assert three is not None and three.unit is not None and three.unit.value == "万元"
    assert (three.reception.total, three.operating_costs.total if three.operating_costs else None) == (
        Decimal("1.00"), Decimal("171.01"))


def test_jiangsu_figures_typed_from_the_published_document() -> None:
    # 江苏省人民检察院 2019 年度部门预算 (万元).
    name = "jiangsu-procuratorate-2019"
    assert _amount(name, "fiscal_expenditure", "2040401") == Decimal("12268.62")
    assert _amount(name, "operating_costs", "30231") == Decimal("237.00")
    doc = example(name)
    assert doc.tables.procurement is not None and doc.tables.procurement.lines[0].amount == Decimal("2744.84")
    assert doc.tables.three_public is not None and doc.tables.three_public.meetings is not None
    assert doc.tables.three_public.meetings.total == Decimal("158.44")
    assert doc.tables.expenditure is not None and doc.tables.expenditure.lines[0].amounts.reserve == Decimal("3990.4")
