"""The corpus read from its layout text (``pdftotext -layout``) against its TSV form, table by table.

Every table must give the same facts (``disclosure.facts()``) from ``layout.txt`` as from
``tsv.txt``, and the same tables must be read, except the differences listed in ``KNOWN``, each with
what was seen in the two files. Those entries are checked to still differ, so that one that comes
right is taken off the list.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from cnbudget.errors import ReadError
from cnbudget.model import ProcurementLine
from cnbudget.readers import read_file
from cnbudget.readers.result import ReadResult
from tests.seeds import corpus_names, corpus_path

KNOWN: dict[str, dict[str, str]] = {
    "js-procuratorate-2018": {
        # tsv.txt leaves this table unread; layout.txt gives its figures (checked by hand below).
        "three_public": "read from layout.txt only (see test_three_public_2018_read_from_layout)",
    },
    "js-procuratorate-2019": {
        # 此表为空: neither form prints a figure; tsv.txt puts 合 计 in the code column (no row read),
        # layout.txt under 功能科目名称, read as the 合计 row with its blank amount (zero).
        "gov_fund": "an empty table whose blank 合计 line is read as 合计 0 from layout.txt only",
    },
}


def _read(name: str, form: str) -> ReadResult | None:
    try:
        return read_file(corpus_path(name, form))
    except ReadError:
        return None


def _by_table(result: ReadResult) -> dict[str, Counter[tuple[object, ...]]]:
    tables: dict[str, Counter[tuple[object, ...]]] = {}
    for fact in result.disclosure.facts():
        tables.setdefault(fact.table, Counter())[
            (fact.agency, fact.code, fact.name, fact.project, fact.column, fact.amount)] += 1
    return tables


@pytest.mark.parametrize("name", corpus_names())
def test_layout_text_reads_like_tsv(name: str) -> None:
    tsv, layout = _read(name, "tsv.txt"), _read(name, "layout.txt")
    if tsv is None:
        assert layout is None, "a document refused in one form is refused in the other"
        return
    assert layout is not None
    known = KNOWN.get(name, {})
    read_tsv = set(tsv.coverage.read) - set(known)
    read_layout = set(layout.coverage.read) - set(known)
    assert read_layout == read_tsv
    expected, found = _by_table(tsv), _by_table(layout)
    for table in sorted((set(expected) | set(found)) - set(known)):
        assert found.get(table) == expected.get(table), table
    for table, reason in known.items():
        assert found.get(table) != expected.get(table), f"{table} now reads alike: take it off KNOWN ({reason})"


def test_three_public_2018_read_from_layout() -> None:
    """The figures as printed (江苏省人民检察院 2018, 公开09表): 合计 1,384.74; “三公”经费 484.30 =
    因公出国（境）费 100.00 + 公务用车购置及运行维护费 267.80 (购置费 blank, 运行维护费 267.80) +
    公务接待费 116.50; 会议费 200.44; 培训费 700.00."""
    result = _read("js-procuratorate-2018", "layout.txt")
    assert result is not None
    facts = {fact.column: fact.amount for fact in result.disclosure.facts() if fact.table == "three_public"}
    assert facts == {
        "total_with_meetings_training.total": Decimal("1384.74"), "total.total": Decimal("484.30"),
        "overseas_travel.total": Decimal("100.00"), "vehicles.total": Decimal("267.80"),
        "vehicle_purchase.total": Decimal("0"), "vehicle_operation.total": Decimal("267.80"),
        "reception.total": Decimal("116.50"), "meetings.total": Decimal("200.44"),
        "training.total": Decimal("700.00"),
    }


# The “三公”经费、会议费、培训费 tables as printed in original.pdf (公开09表 / 十一): 合计, “三公”经费 小计,
# 因公出国（境）费, 公务用车购置及运行维护费 小计, 公务用车购置费 (None: printed blank), 公务用车运行维护费,
# 公务接待费, 会议费, 培训费.
_THREE_PUBLIC_PRINTED = {
    "js-cppcc-2019-tables": ("2224.43", "660.10", "106.00", "156.60", None, "156.60", "397.50", "1282.56", "281.77"),
    "js-party-office-2018-tables": ("1471.70", "508.20", "70.00", "411.20", None, "411.20", "27.00", "933.50",
                                    "30.00"),
    "js-procuratorate-2017": ("1452.35", "584.35", "110.00", "317.80", "50.00", "267.80", "156.55", "168.00",
                              "700.00"),
    "js-procuratorate-2019": ("1276.7", "418.26", "80", "237", None, "237", "101.26", "158.44", "700"),
}
_THREE_PUBLIC_COLUMNS = ("total_with_meetings_training", "total", "overseas_travel", "vehicles", "vehicle_purchase",
                         "vehicle_operation", "reception", "meetings", "training")


@pytest.mark.parametrize("name", sorted(_THREE_PUBLIC_PRINTED))
def test_three_public_placed_under_its_headings(name: str) -> None:
    """The figures of the 三公 table placed under the leaf headings of its three-level header (read
    from layout.txt; a blank cell read as 0), as original.pdf prints them."""
    result = _read(name, "layout.txt")
    assert result is not None
    facts = {fact.column: fact.amount for fact in result.disclosure.facts() if fact.table == "three_public"}
    assert facts == {f"{column}.total": Decimal(figure or "0")
                     for column, figure in zip(_THREE_PUBLIC_COLUMNS, _THREE_PUBLIC_PRINTED[name], strict=True)}


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_what_layout_text_cannot_place_is_reported(name: str) -> None:
    """A table that reads otherwise than from tsv.txt says why: it is unread, or rows of it are
    reported (nothing left out in silence)."""
    layout = _read(name, "layout.txt")
    assert layout is not None
    unread = {table.key for table in layout.disclosure.unread}
    reported = {problem.table for problem in layout.problems}
    for table, reason in KNOWN[name].items():
        if reason.startswith(("read from layout.txt only", "an empty table")):
            continue
        assert table in unread or table in reported, table


@pytest.mark.parametrize("name", corpus_names())
def test_layout_text_gives_no_row_its_tsv_form_does_not(name: str) -> None:
    """Where layout text reads otherwise than tsv.txt, it leaves rows out (reported), never reads
    one wrong: every procurement row read from layout.txt (category, project, subject, item, method
    and amount) is a row of tsv.txt, and so is every fact of the other tables listed in ``KNOWN``."""
    tsv, layout = _read(name, "tsv.txt"), _read(name, "layout.txt")
    if tsv is None or layout is None:
        return
    procurement = tsv.disclosure.tables.procurement, layout.disclosure.tables.procurement
    if procurement[1] is not None:
        assert procurement[0] is not None
        rows = [Counter(_procurement_row(line) for line in table.lines)
                for table in procurement if table is not None]
        assert not rows[1] - rows[0]
    expected, found = _by_table(tsv), _by_table(layout)
    for table, reason in KNOWN.get(name, {}).items():
        if reason.startswith(("read from layout.txt only", "an empty table")):
            continue
        assert not found.get(table, Counter()) - expected.get(table, Counter()), table


def _procurement_row(line: ProcurementLine) -> tuple[object, ...]:
    def squeezed(text: str | None) -> str | None:
        return None if text is None else "".join(text.split())

    return (line.level, line.category, squeezed(line.name), squeezed(line.project), squeezed(line.subject),
            squeezed(line.item), line.method, line.amount)


@pytest.mark.parametrize("name", ["js-procuratorate-2017", "js-procuratorate-2018"])
def test_summary_rows_without_a_figure_wrapped_onto_a_line_of_their_own(name: str) -> None:
    """收支预算总表 (both years) prints ``2.政府性基金`` / ``预算`` on two lines and no figure: one
    funding source, 政府性基金预算, blank (read as 0). In 2018 ``十七、国土海洋气象等支`` ends a page and
    ``出`` opens the next, whose columns match none of the first page's: that page is placed by the
    table's totals, and the two pieces make one name."""
    layout = _read(name, "layout.txt")
    assert layout is not None
    facts = _by_table(layout)["summary"]
    names = {key[2] for key in facts}
    assert facts[(None, None, "政府性基金预算", None, "revenue", Decimal("0"))] == 1
    assert not names & {"政府性基金", "预算", "国土海洋气象等支", "十七、国土海洋气象等支", "出"}
    assert facts[(None, None, "国土海洋气象等支出", None, "expenditure", Decimal("0"))] == 1
    assert not [problem for problem in layout.problems if problem.table == "summary"]


# The last page of 收支预算总表 (江苏省人民检察院 2018) and of 财政拨款收支预算总表 (2017), whose columns match
# none of the first page's, as original.pdf prints them: (table, name, side, amount).
_SHORT_LAST_PAGES = {
    "js-procuratorate-2018": [
        ("summary", "住房保障支出", "expenditure", "3660.38"), ("summary", "粮油物资储备支出", "expenditure", "0"),
        ("summary", "当年收入小计", "revenue", "21955.35"), ("summary", "当年支出小计", "expenditure", "21955.35"),
        ("summary", "上年结转资金", "revenue", "0"), ("summary", "结转下年资金", "expenditure", "0"),
        ("summary", "收入合计", "revenue", "21955.35"), ("summary", "支出合计", "expenditure", "21955.35"),
    ],
    "js-procuratorate-2017": [
        ("fiscal_summary", "政府性基金预算", "revenue", "0"),
        ("fiscal_summary", "项目支出", "expenditure.total", "5533.00"),
        ("fiscal_summary", "单位预留机动经费", "expenditure.total", "140.20"),
        ("fiscal_summary", "收入合计", "revenue", "17981.68"),
        ("fiscal_summary", "支出合计", "expenditure.total", "17981.68"),
    ],
}


@pytest.mark.parametrize("name", sorted(_SHORT_LAST_PAGES))
def test_summary_page_matching_no_columns_placed_by_its_totals(name: str) -> None:
    """A short last page (a row or two, totals' labels centred between columns) is placed row by row
    in the first page's columns where the summary's identities (收入合计 = 支出合计, each side's parts)
    leave one reading."""
    layout = _read(name, "layout.txt")
    assert layout is not None
    found = _by_table(layout)
    for table, name_, column, amount in _SHORT_LAST_PAGES[name]:
        assert found[table][(None, None, name_, None, column, Decimal(amount))] == 1, name_


# 收支预算总表 as original.pdf prints it: 1.一般公共预算 (its name wrapped around the row line in 2017 and
# 2018), 2.政府性基金预算 and 二、财政专户管理资金 (wrapped, printing no figure), 三、单位预留机动经费 (wrapped
# beside 三、国防支出, the figure on its row line).
_SUMMARY_WRAPPED = {
    "js-procuratorate-2017": ("17981.68", "140.20"),
    "js-procuratorate-2018": ("21940.96", "2388.04"),
    "js-procuratorate-2019": ("24169.74", "3990.40"),
}


@pytest.mark.parametrize("name", sorted(_SUMMARY_WRAPPED))
def test_summary_names_wrapped_around_their_row_line(name: str) -> None:
    """A name wrapped over the lines above and below its row's line is joined into that row, even
    where the next funding source (2.政府性基金, numbered) starts a line after its last piece."""
    layout = _read(name, "layout.txt")
    assert layout is not None
    facts = _by_table(layout)["summary"]
    general, reserve = _SUMMARY_WRAPPED[name]
    assert facts[(None, None, "一般公共预算", None, "revenue", Decimal(general))] == 1
    assert facts[(None, None, "政府性基金预算", None, "revenue", Decimal("0"))] == 1
    assert facts[(None, None, "财政专户管理资金", None, "revenue", Decimal("0"))] == 1
    assert facts[(None, None, "单位预留机动经费", None, "expenditure", Decimal(reserve))] == 1
    names = {key[2] for key in facts}
    assert not names & {"1.一般公共预", "算", "二、财政专户管理资", "金", "单位预留机动经"}


# 政府采购支出预算表 rows as original.pdf prints them (item, project, subject, method, amount): item names
# wrapped over two or three lines around their row's figure, purchase methods over two (江苏省人民检察院
# 2018, 公开12表), and item and method printed one space apart (中共江苏省委办公厅 2018).
_PROCUREMENT_ROWS = {
    "js-procuratorate-2018": [
        ("台式计算机（20万以上）", "办公、办案设备更新购置费", "办公设备购置", "部门集中采购", "27.00"),
        ("便携式计算机（20万以下）", "办公、办案设备更新购置费", "办公设备购置", "分散自行组织", "16.00"),
        ("打印设备（20万以下）", "办公、办案设备更新购置费", "办公设备购置", "分散自行组织", "15.00"),
        ("复印机", "办公、办案设备更新购置费", "办公设备购置", "分散自行组织", "8.00"),
        ("PC服务器", "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费", "信息网络及软件购置更新",
         "部门集中采购", "40.00"),
        # The page with 物业管理服务 merged over two rows (the same item bought two ways), printed beside
        # the wrapped methods of both: 购 (部门集中采 / 购) and 分散自行组 (/ 织).
        ("物业管理服务", "物业管理费", "物业管理费", "部门集中采购", "330.00"),
        ("物业管理服务", "物业管理费", "物业管理费", "分散自行组织", "20.00"),
        ("其他服务", "物业管理费", "物业管理费", "分散自行组织", "20.00"),
        ("空调、电梯维修和保养服务", "物业管理费", "维修（护）费", "分散自行组织", "50.00"),
        ("其他电信和信息传输服务", "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费", "租赁费",
         "分散自行组织", "90.00"),
        ("数据处理服务", "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费", "维修（护）费",
         "分散自行组织", "100.00"),
        ("车辆维修和保养服务", "交通运行费", "公务用车运行维护费", "分散自行组织", "267.80"),
        # The next page, read once the rows above it are.
        ("会议服务", "商品和服务支出", "会议费", "分散自行组织", "200.44"),
        ("教育服务", "检察教育培训经费", "培训费", "分散自行组织", "700.00"),
    ],
    # Pages that repeat no header and print their columns narrower, a category (三、服务 C) left of them.
    "js-procuratorate-2017": [
        ("租赁服务（不带操作员）", "网络运行维护费", "租赁费", "分散自行组织", "16.00"),
        ("其他专业技术服务", "网络运行维护费", "维修（护）费", "分散自行组织", "4.00"),
        ("台式计算机（20万以下）", "办公设备购置", "办公设备购置", "政府集中采购", "7.00"),
    ],
    "js-procuratorate-2019": [
        ("车辆维修和保养服务", "交通运行费", "公务用车运行维护费", "分散自行组织", "237.00"),
        ("会议服务", "商品和服务支出", "会议费", "分散自行组织", "158.44"),
        ("信息系统集成实施服务", "网络、电子检务、实验室、机要通道、档案数字化系统运行维护费", "维修（护）费",
         "分散自行组织", "150.00"),
    ],
    "js-party-office-2018-tables": [
        ("PC服务器", "机要及电子政务业务费", "办公设备购置", "分散自行组织", "12.00"),
        ("便携式计算机（20万以下）", "机要及电子政务业务费", "办公设备购置", "分散自行组织", "3.50"),
        ("其他办公消耗用品及类似物品", "办公设备购置费", "办公设备购置", "分散自行组织", "19.64"),
        ("空调机（总预算20万以下）", "办公设备购置费", "办公设备购置", "分散自行组织", "0.90"),
    ],
}


# 政府采购支出预算表 rows printed on a later page that repeats no header and prints one column of words
# fewer than the first (采购品目大类, blank there, left out; the others closer together), as original.pdf
# prints them: (item, project, subject, method, amount).
_NARROWER_PAGE_ROWS = {
    "js-party-office-2018-tables": [
        ("会议服务", "机要及电子政务业务费", "培训费", "分散自行组织", "5.00"),
        ("印刷服务", "文印、机要及办公自动化经费", "印刷费", "政府集中采购", "152.00"),
        ("物业管理服务", "行政运转保障经费", "物业管理费", "政府集中采购", "210.00"),
    ],
    "js-procuratorate-2017": [
        ("空调、电梯维修和保养服务", "物业管理费", "维修（护）费", "分散自行组织", "30.00"),
        ("物业管理服务", "物业管理费", "物业管理费", "分散自行组织", "370.00"),
        ("教育服务", "检察教育培训经费", "培训费", "分散自行组织", "700.00"),
    ],
    "js-procuratorate-2019": [
        ("物业管理服务", "物业管理费", "物业管理费", "部门集中采购", "320.00"),
        ("其他房地产服务", "物业管理费", "维修（护）费", "分散自行组织", "112.00"),
        ("专业技能培训服务", "检察教育培训经费", "培训费", "分散自行组织", "630.00"),
    ],
}


@pytest.mark.parametrize("name", sorted(_NARROWER_PAGE_ROWS))
def test_procurement_page_printing_a_column_fewer_read_by_its_totals(name: str) -> None:
    """A later page printing one column of words fewer than the first, nothing showing which: every
    way of matching its columns is read, and the one reading under which the table adds up is kept;
    the whole table then reads as from tsv.txt, no row reported."""
    layout = _read(name, "layout.txt")
    assert layout is not None and layout.disclosure.tables.procurement is not None
    rows = {("".join((line.item or "").split()), line.project, line.subject, line.method, line.amount)
            for line in layout.disclosure.tables.procurement.lines if line.level == "item"}
    for item, project, subject, method, amount in _NARROWER_PAGE_ROWS[name]:
        assert (item, project, subject, method, Decimal(amount)) in rows
    assert not [problem for problem in layout.problems if problem.table == "procurement"]


@pytest.mark.parametrize("name", sorted(_PROCUREMENT_ROWS))
def test_procurement_rows_wrapped_or_printed_close_read_whole(name: str) -> None:
    layout = _read(name, "layout.txt")
    assert layout is not None and layout.disclosure.tables.procurement is not None
    rows = {("".join((line.item or "").split()), line.project, line.subject, line.method, line.amount)
            for line in layout.disclosure.tables.procurement.lines if line.level == "item"}
    for item, project, subject, method, amount in _PROCUREMENT_ROWS[name]:
        assert (item, project, subject, method, Decimal(amount)) in rows


def test_procurement_2018_read_whole_from_layout() -> None:
    """江苏省人民检察院 2018 政府采购支出预算表: every row read from layout.txt, none reported, the page
    with a cell merged over two rows included (52 rows in tsv.txt: 合计, 2 categories, 15 subjects
    and 34 items as original.pdf prints them)."""
    layout = _read("js-procuratorate-2018", "layout.txt")
    assert layout is not None and layout.disclosure.tables.procurement is not None
    assert not [problem for problem in layout.problems if problem.table == "procurement"]
    levels = Counter(line.level for line in layout.disclosure.tables.procurement.lines)
    assert levels == {"total": 1, "category": 2, "subject": 15, "item": 34}
