"""The HTML report, read back with html.parser: tables as printed, the cells findings name marked and
linked both ways, pages that stand alone; and the layout of tables (grid) it rests on."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

from cnbudget import example, example_names, validate
from cnbudget.cli import main
from cnbudget.codes import FunctionCode
from cnbudget.model import (
    BudgetDisclosure,
    ExpenditureAmounts,
    ExpenditureTable,
    FunctionLine,
    SourceSplit,
    SummaryLine,
    SummaryRole,
    SummaryTable,
    Tables,
    ThreePublicTable,
)
from cnbudget.render.grid import CellIndex, Grid, cell_of, grid
from cnbudget.serialize import to_json
from cnbudget.validation import Location
from tests.present import present
from tests.seeds import corpus_path


@attrs.define
class Element:
    tag: str
    attributes: dict[str, str]
    children: list[Element | str] = attrs.field(factory=list)
    parent: Element | None = attrs.field(default=None, repr=False)

    @property
    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text for child in self.children)

    @property
    def classes(self) -> set[str]:
        return set(self.attributes.get("class", "").split())

    def all(self, tag: str | None = None) -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if tag is None or child.tag == tag:
                    found.append(child)
                found.extend(child.all(tag))
        return found

    def by_id(self, name: str) -> Element:
        (found,) = [element for element in self.all() if element.attributes.get("id") == name]
        return found


_VOID = {"meta", "br", "link", "img", "input", "hr"}


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.root = Element("document", {})
        self.open = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, parent=self.open)
        self.open.children.append(element)
        if tag not in _VOID:
            self.open = element

    def handle_endtag(self, tag: str) -> None:
        element: Element | None = self.open
        while element is not None and element.tag != tag:
            element = element.parent
        assert element is not None and element.parent is not None, f"</{tag}> closes nothing"
        self.open = element.parent

    def handle_data(self, data: str) -> None:
        self.open.children.append(data)


def parse(text: str) -> Element:
    builder = _Builder()
    builder.feed(text)
    builder.close()
    assert builder.open is builder.root, "an element is left open"
    return builder.root


def _doc() -> BudgetDisclosure:
    lines = [FunctionLine(code=FunctionCode("210"), name="卫生健康支出",
                          amounts=ExpenditureAmounts(total="9.00", basic="8.00", project="1.00")),
             FunctionLine(code=FunctionCode("2101501"), name="行政运行",
                          amounts=ExpenditureAmounts(total="9.00", basic="1.00", project="1.00"))]
    return BudgetDisclosure(department="示例局", fiscal_year=2024,
                            tables=Tables(general_budget=ExpenditureTable(lines=lines, title="一般公共预算支出表")))


@pytest.fixture
def report(tmp_path: Path) -> Path:
    source = tmp_path / "示例局.json"
    source.write_text(to_json(_doc()), encoding="utf-8")
    (tmp_path / "坏.txt").write_bytes(b"\x00\x01")
    assert main(["check", str(source), str(tmp_path / "坏.txt"), "--format", "html", "-o", str(tmp_path / "报告"),
                 "--select", "ROW,HIER", "-q"]) == 2
    return tmp_path / "报告"


def _self_contained(page: Element) -> None:
    assert not page.all("script") and not page.all("link") and not page.all("img")
    for element in page.all():
        assert "src" not in element.attributes
        assert not element.attributes.get("href", "").startswith(("http:", "https:", "//"))


def test_the_index_lists_each_document_with_its_counts_and_page(report: Path) -> None:
    index = parse((report / "index.html").read_text(encoding="utf-8"))
    _self_contained(index)
    rows = index.all("tbody")[0].all("tr")
    cells = [cell.text for cell in rows[0].all("td")]
    assert cells[1].startswith("示例局") and cells[2:8] == ["2024", "1/1", "2", "0", "0", "已检查"]
    (link,) = rows[0].all("a")
    assert (report / link.attributes["href"]).is_file()
    second = [cell.text for cell in rows[1].all("td")]
    assert "坏.txt" in second[1] and "binary" in second[1] and second[-1] == "未能读取" and not rows[1].all("a")


def test_the_page_marks_the_cell_and_links_it_to_the_finding_and_back(report: Path) -> None:
    (name,) = [path.name for path in report.glob("0001-*.html")]
    page = parse((report / name).read_text(encoding="utf-8"))
    _self_contained(page)
    section = page.by_id("t-general_budget")
    table = section.all("table")[0]
    assert [th.text for th in table.all("th")] == ["功能分类科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    marked = [td for td in table.all("td") if "mark" in td.classes]
    # 2101501 prints 合计 9.00 over 1.00 + 1.00 (ROW-001, finding 1); 210's 基本支出 8.00 is not its 项's
    # 1.00 (HIER-001, finding 2, naming both cells).
    assert [(td.children[0], _refs(td), sorted(td.classes)) for td in marked] == [
        ("8.00", ["2"], ["error", "mark", "n", "r-category"]),
        ("9.00", ["1"], ["error", "mark", "n", "r-item"]),
        ("1.00", ["2"], ["error", "mark", "n", "r-item"])]
    for td in marked:
        (ref,) = td.all("a")
        card = page.by_id(ref.attributes["href"].removeprefix("#"))
        assert card in section.all("div")  # beside its table
        backs = [a.attributes["href"] for a in card.all("a")]
        assert f"#{td.attributes['id']}" in backs
    row_card = page.by_id(marked[1].all("a")[0].attributes["href"][1:])
    assert row_card.attributes["id"] == "f1-general_budget"
    assert "ROW-001" in row_card.text and "行政运行" in row_card.text and "印为 9.00 · 应为 2.00" in row_card.text


def _refs(td: Element) -> list[str]:
    return [a.text for a in td.all("a")]


def test_a_summary_row_is_found_by_its_line_on_its_own_side() -> None:
    revenue = SummaryLine(role=SummaryRole.SOURCE, name="一般公共预算拨款", amount="5.00", line_number=7)
    spent = SummaryLine(role=SummaryRole.FUNCTION, name="卫生健康支出", code=FunctionCode("210"), amount="5.00",
                        line_number=7)
    laid_out = grid("summary", SummaryTable(revenue=[revenue], expenditure=[spent]))
    assert laid_out.side_by_side and [part.key for part in laid_out.parts] == ["revenue", "expenditure"]
    assert cell_of(laid_out, Location(table="summary", column="amount", line_number=7)) == (0, 0, 1)
    assert cell_of(laid_out, Location(table="summary", code="210", column="amount", line_number=7)) == (1, 0, 2)
    assert cell_of(laid_out, Location(table="summary", code="210")) == (1, 0, None)  # without lines: by code
    assert cell_of(laid_out, Location(table="summary", column="amount")) == (None, None, None)  # both sides have it


def test_three_public_items_are_rows_and_their_budgets_columns() -> None:
    def split(total: str) -> SourceSplit:
        return SourceSplit(total=total, general_budget=total)

    table = ThreePublicTable(total=split("3"), overseas_travel=split("1"), vehicles=split("1"),
                             vehicle_purchase=split("0"), vehicle_operation=split("1"), reception=split("1"))
    laid_out = grid("three_public", table)
    (part,) = laid_out.parts
    assert [row.cells[0] for row in part.rows][:3] == ["合计", "因公出国（境）费", "公务用车购置及运行费"]
    assert [column.label for column in part.columns] == ["项目", "合计", "一般公共预算"]
    assert cell_of(laid_out, Location(table="three_public", column="vehicles.general_budget")) == (0, 2, 2)
    assert cell_of(laid_out, Location(table="three_public", column="vehicles")) == (0, 2, 1)
    assert cell_of(laid_out, Location(table="three_public")) == (None, None, None)


def test_a_real_document_marks_the_figure_its_text_contradicts(tmp_path: Path) -> None:
    path = corpus_path("sh-putuo-wanli-2023-dept-budget")
    assert main(["check", str(path), "--format", "html", "-o", str(tmp_path), "--lang", "en", "-q"]) == 1
    (page_path,) = tmp_path.glob("0001-*.html")
    page = parse(page_path.read_text(encoding="utf-8"))
    section = page.by_id("t-expenditure")
    # Its 部门支出预算总表 prints 2,206,272 for 2080506 机关事业单位职业年金缴费支出; the text says 441.25万元.
    row = next(tr for tr in section.all("tr") if tr.all("td") and tr.all("td")[0].text == "2080506")
    total = row.all("td")[2]
    assert "mark" in total.classes and total.text.startswith("2,206,272")
    card = page.by_id(total.all("a")[0].attributes["href"][1:])
    assert "NARR-003" in card.text and "Stated amount agrees with the tables" in card.text
    assert "4,412,500" in card.text


@pytest.mark.parametrize(("title", "number"), [
    ("公开 05 表：财政拨款支出预算表", "公开 05 表"),  # the title carries its number
    ("一般公共预算支出情况表", "表 5"),
])
def test_a_table_number_is_printed_once(title: str, number: str) -> None:
    from cnbudget.render import document_page
    from cnbudget.validation import validate

    doc = attrs.evolve(_doc(), tables=Tables(general_budget=attrs.evolve(
        present(_doc().tables.general_budget), title=title, number=number)))
    page = parse(document_page(source="示例局.json", disclosure=doc, report=validate(doc, rules=["ROW"]), problems=()))
    heading = page.by_id("t-general_budget").all("h2")[0].text
    contents = page.all("nav")[0].all("li")[0].text

    def squeezed(text: str) -> str:
        return "".join(text.split())

    for shown in (heading, contents):
        assert squeezed(shown).count(squeezed(number)) == 1 and squeezed(title) in squeezed(shown)


def _row_by_every_row(laid_out: Grid, location: Location) -> tuple[int, int] | None:
    """The row of a place as cell_of found it first: every row of the grid looked at for each place."""
    rows = [(p, r, row.item) for p, part in enumerate(laid_out.parts) for r, row in enumerate(part.rows)]
    for p, r, item in rows:
        if (location.line_number is not None and getattr(item, "line_number", None) == location.line_number
                and getattr(item, "page", None) == location.page and _answers(item, location)):
            return p, r
    if location.code is None and location.project is None and location.agency is None:
        return None
    return next(((p, r) for p, r, item in rows if _answers(item, location)), None)


def _answers(item: object, location: Location) -> bool:
    code = getattr(item, "code", None)
    return ((None if code is None else str(code)) == location.code
            and (location.project is None or getattr(item, "project", None) == location.project)
            and (location.agency is None or getattr(item, "agency", None) == location.agency))


@pytest.mark.parametrize("name", example_names())
def test_the_cells_of_many_places_are_those_a_look_through_every_row_finds(name: str) -> None:
    # Every place the example's findings name, and places made of its rows' own codes, agencies,
    # projects, lines and pages mixed (and of none), found through the index as through every row.
    doc = example(name)
    places = [location for finding in validate(doc).findings for location in finding.locations]
    for key, table in doc.tables.present():
        laid_out = grid(key, table)
        index = CellIndex(laid_out)
        items = [row.item for part in laid_out.parts for row in part.rows]
        fields = ("code", "agency", "project", "line_number", "page")
        values: dict[str, list[Any]] = {
            field: [*sorted({getattr(item, field, None) for item in items} - {None}, key=str)[:4], None]
            for field in fields}
        columns = [*sorted({column.key for part in laid_out.parts for column in part.columns})[:3], None]
        made = [Location(table=key, code=None if code is None else str(code), agency=agency, project=project,
                         line_number=line, page=page, column=column)
                for code, agency, project, line, page, column in itertools.product(
                    *(values[field] for field in fields), columns)]
        for location in [*[p for p in places if p.table == key], *made]:
            assert index._row(location) == _row_by_every_row(laid_out, location), location


def test_a_row_is_found_by_its_line_only_on_its_page() -> None:
    def line(agency: str, number: int) -> FunctionLine:
        return FunctionLine(agency=agency, code=FunctionCode("2101501"), name="行政运行",
                            amounts=ExpenditureAmounts(total="1.00"), line_number=number, page=2)

    laid_out = grid("expenditure", ExpenditureTable(lines=[line("甲", 7), line("乙", 9)]))
    index = CellIndex(laid_out)
    assert index.of(Location(code="2101501", line_number=9, page=2)) == (0, 1, None)
    assert index.of(Location(code="2101501", line_number=9, page=3)) == (0, 0, None)  # by its code: the first
    assert index.of(Location(code="2101501", line_number=9)) == (0, 0, None)
    assert index.of(Location(code="2101501", agency="乙")) == (0, 1, None)
    assert index.of(Location(code="2101501", agency="丙")) == (None, None, None)


class _CountedRows(tuple):  # type: ignore[type-arg]
    """A part's rows that count how often they are gone through."""

    walks = 0

    def __iter__(self) -> Iterator[Any]:
        _CountedRows.walks += 1
        return super().__iter__()


def test_the_cells_of_many_places_are_found_without_going_through_the_rows_again() -> None:
    # The HTML report asks for the cell of every place of every finding: through every row of the
    # table each time, a report of thousands of findings took minutes. The rows are gone through once.
    lines = [FunctionLine(agency=f"单位{n}", code=FunctionCode("2101501"), name="行政运行",
                          amounts=ExpenditureAmounts(total="1.00")) for n in range(400)]
    laid_out = grid("expenditure", ExpenditureTable(lines=lines))
    counted = attrs.evolve(laid_out, parts=tuple(attrs.evolve(part, rows=_CountedRows(part.rows))
                                                 for part in laid_out.parts))
    _CountedRows.walks = 0
    index = CellIndex(counted)
    cells = [index.of(Location(code="2101501", agency=f"单位{n}", column="total")) for n in range(400)]
    total = laid_out.parts[0].column_index("total")
    assert total is not None and cells == [(0, n, total) for n in range(400)]
    assert _CountedRows.walks == 1
