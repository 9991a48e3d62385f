"""Reading the narrative of the Shanghai and Jiangsu families from short texts of their shapes
(no published document needed): 类款项 with their codes, amounts in 元 and 万元, changes against
上年预算执行数 and stated prior figures, figures said again, 类 headings, reasons, page numbers and
figures an extraction printed on a line of their own."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.model import BudgetDisclosure, Statement
from cnbudget.model.narrative import ChangeBasis
from cnbudget.money import AmountUnit, round_half_up
from cnbudget.readers.prose.figures import change_of, prior_of, rate_of, restates
from cnbudget.readers.prose.function_names import function_code_of, level_names
from cnbudget.readers.prose.narrative import read_statements
from cnbudget.readers.prose.paragraphs import narrative_paragraphs, restored_figures
from cnbudget.readers.result import Problem
from cnbudget.readers.text.source import split_lines
from cnbudget.validation import validate

D = Decimal
SH = "上海市普陀区某委员会"
JS = "江苏省人民检察院"


def _read(text: str, department: str, year: int, unit: AmountUnit = AmountUnit.WAN_YUAN,
          ) -> tuple[tuple[Statement, ...], list[Problem]]:
    return read_statements(split_lines(text), department=department, fiscal_year=year, unit=unit)


def _coded(statements: tuple[Statement, ...], code: str) -> list[Statement]:
    return [s for s in statements if s.code == FunctionCode(code)]


def _subject(statements: tuple[Statement, ...], subject: str) -> Statement:
    return next(s for s in statements if s.subject == subject)


# --- Shanghai ------------------------------------------------------------------------------------

SHANGHAI = f"""2025年部门预算编制说明
2025年，{SH}收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加
24,558.18万元；事业收入0万元。
政府性基金拨款支出预算0万元，比2024年预算执行数持平。
财政拨款支出主要内容如下：
1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行。
2. “卫生健康支出（类）行政事业单位医疗（款)行政单位医疗（项）”63.19万元，主要用于医疗金缴纳。
3. “住房保障支出（类)住房改革支出（款)住房公积金（项）”136.10万元，主要用于公积金缴纳。

其他相关情况说明
一、2025年“三公”经费预算情况说明
2025年“三公”经费预算数为1.00万元，与2024年预算持平。
"""


def test_shanghai_items_in_quotes_with_mixed_brackets_get_their_codes_in_the_documents_unit() -> None:
    statements, problems = _read(SHANGHAI, SH, 2025, AmountUnit.YUAN)
    assert problems == []
    (running,) = _coded(statements, "2011301")
    assert running.subject == "“一般公共服务支出（类）商贸事务（款）行政运行（项）”"
    assert running.amount == D("9389900") and running.section == "2025年部门预算编制说明"
    assert [s.amount for s in _coded(statements, "2101101") + _coded(statements, "2210201")] == [
        D("631900"), D("1361000")]


def test_shanghai_changes_against_last_years_execution_are_marked() -> None:
    statements, _ = _read(SHANGHAI, SH, 2025, AmountUnit.YUAN)
    fiscal = _subject(statements, "财政拨款收入")
    assert (fiscal.amount, fiscal.change_amount, fiscal.compared_with) == (
        D("371514700"), D("245581800"), ChangeBasis.EXECUTION)
    flat = _subject(statements, "政府性基金拨款支出预算")
    assert (flat.amount, flat.change_amount, flat.compared_with) == (D("0"), None, ChangeBasis.EXECUTION)
    # against last year's budget: the convention, not recorded
    assert _subject(statements, "“三公”经费").compared_with is None


WANLI = """部门预算编制说明
财政拨款支出主要内容如下：
12. “社会保障和就业支出（类）民政管理事务（款）社会组织管理（项）”21.50万元，主要用于社会组织管理。2022年当年预算
执行数为14.00万元，2023年预算安排21.50万元，比2022年预算执行数增加53.57%。主要原因是：社会组织管理经费增加。
15. “社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）”441.25万元，主要用于
机关事业单位基本养老保险缴费支出。2022年当年预算执行数为274.85万元，2023年预算安排441.25万元，比2022年预算执行数增加
60.54%。主要原因是：机关事业单位基本养老保险缴费支出经费增加。
16. “社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）”220.63万元，主要用于机关
事业单位职业年金缴费支出。2022年当年预算执行数为132.59万元，2023年预算安排441.25万元，比2022年预算执行数增加60.54%。主要
原因是：事业单位离退休经费增加。
"""


def test_shanghai_prior_figure_and_rate_without_a_change_amount() -> None:
    statements, _ = _read(WANLI, "某街道办事处", 2023)
    (item,) = _coded(statements, "2080206")
    assert (item.amount, item.stated_prior, item.change_amount, item.change_rate, item.compared_with) == (
        D("21.50"), D("14.00"), None, D("53.57"), ChangeBasis.EXECUTION)
    assert item.prior_amount == D("14.00") and item.reason == "社会组织管理经费增加"


def test_a_figure_said_again_differently_is_kept_as_printed_for_the_checker() -> None:
    statements, _ = _read(WANLI, "某街道办事处", 2023)
    first, again = _coded(statements, "2080506")
    assert (first.amount, first.stated_prior, first.change_rate) == (D("220.63"), D("132.59"), D("60.54"))
    assert (again.amount, again.subject) == (D("441.25"), first.subject)
    (same,) = _coded(statements, "2080505")  # said again with the same figure: one statement
    assert same.amount == D("441.25") and "2023年预算安排441.25万元" in (same.text or "")
    doc = BudgetDisclosure(department="某街道办事处", fiscal_year=2023, statements=statements)
    messages = [f.message for f in validate(doc, rules=["NARR-001"]).findings]
    assert len(messages) == 1 and "66.40%" in messages[0] and "60.54%" in messages[0]


def test_names_joined_by_dashes_and_the_word_kemu() -> None:
    text = ("2025年单位预算编制说明\n1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，"
            "主要用于行政单位的基本支出。\n")
    statements, _ = _read(text, "某办公室", 2025)
    assert [(s.code, s.amount) for s in statements] == [(FunctionCode("2010301"), D("1202.95"))]


def test_a_project_part_names_the_project_of_its_total_budget() -> None:
    text = ("科技创新专项经费情况说明\n一、项目概述\n加快推动本区企业创新驱动发展。\n六、年度预算安排\n"
            "2025年度项目总预算1720.00万，其中各级企业技术中心认定1720.00万。\n")
    statements, _ = _read(text, SH, 2025)
    assert [(s.subject, s.amount) for s in statements] == [("科技创新专项", D("1720.00")),
                                                          ("各级企业技术中心认定", D("1720.00"))]


# --- Jiangsu -------------------------------------------------------------------------------------

JIANGSU = f"""第三部分 2019年度部门预算情况说明
一、收支预算总体情况说明
{JS} 2019 年度收入、支出预算总计
24,169.74 万元，与上年相比收、支预算总计各增加 2214.39
万元，增长 10.06 %。其中：
3、住房保障支出 5686.35万元。主要用于在职人员住房公积金。与上年相比增
加 2025.97 万元，增长 55.35 %。
项目支出预算数为4335.3万元。与上年相比减少了1237.7
万元，减少 13.22 %。主要原因一是贯彻厉行节约规定；二是纳入2018年
预算管理的700万元培训费收入不再安排。
25

五、财政拨款支出预算情况说明
省检察院2019年财政拨款预算支出 24,169.74 万元，占本
年支出合计的 100 %。与上年相比，财政拨款支出增加 2228.78
万元，增长 10.15 %。其中：
（一）公共安全（类）
1．检察（款）行政运行（项）支出12,268.62 万元，与上
年相比增加 1385.26 万元，增长 12.73 %。
（三）住房保障支出（类）
住房改革支出(款): 2019 年预算支出合计 5686.35 万
元。其中:
1.住房公积金(项):支出 1442.74 万元。
九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明
3．公务接待费预算支出 156.55 万元，本年数小于上
年预算数 29.65 万元，主要是厉行节约。
省检察院2019年度一般公共预算拨款安排的会议费预算支
出158.44万元，比上年预算减少42万元。
十四、预算绩效目标设置情况说明
2019 年本部门共 5 个项目实行绩效目标管理，涉及财
政性资金合计 5,086 万元。
第四部分 名词解释
"""


def test_jiangsu_items_under_a_category_heading_keep_the_category() -> None:
    statements, _ = _read(JIANGSU, JS, 2019)
    (running,) = _coded(statements, "2040401")
    assert running.subject == "公共安全（类）检察（款）行政运行（项）支出"
    assert running.section == "五、财政拨款支出预算情况说明"
    assert (running.amount, running.change_amount, running.change_rate) == (
        D("12268.62"), D("1385.26"), D("12.73"))
    assert [s.subject for s in _coded(statements, "22102")] == ["住房保障支出（类）住房改革支出(款)"]
    (fund,) = _coded(statements, "2210201")  # 项 under the 款 stated before it
    assert fund.subject == "住房保障支出（类）住房改革支出（款）住房公积金(项)" and fund.amount == D("1442.74")


def test_jiangsu_changes_of_totals_stated_shortly_and_by_comparison() -> None:
    statements, problems = _read(JIANGSU, JS, 2019)
    total = _subject(statements, "收入、支出预算总计")
    assert (total.amount, total.change_amount, total.change_rate) == (D("24169.74"), D("2214.39"), D("10.06"))
    fiscal = _subject(statements, "财政拨款预算支出")  # 省检察院 is the department's short name
    assert (fiscal.share, fiscal.change_amount) == (D("100"), D("2228.78"))
    reception = _subject(statements, "公务接待费预算支出")
    assert reception.change_amount == D("-29.65")  # 本年数小于上年预算数
    meetings = _subject(statements, "会议费预算支出")
    assert (meetings.amount, meetings.change_amount) == (D("158.44"), D("-42"))
    housing = _subject(statements, "住房保障支出")
    assert (housing.change_amount, housing.change_rate) == (D("2025.97"), D("55.35"))
    assert problems == []


def test_an_enumerated_reason_is_one_reason_and_page_numbers_do_not_break_sentences() -> None:
    statements, _ = _read(JIANGSU, JS, 2019)
    projects = _subject(statements, "项目支出")
    assert (projects.change_amount, projects.change_rate) == (D("-1237.7"), D("-13.22"))
    assert projects.reason == "一是贯彻厉行节约规定二是纳入2018年预算管理的700万元培训费收入不再安排"
    assert not any(s.amount == D("700") for s in statements)
    assert all("25" not in (s.subject or "") for s in statements)


def test_counted_projects_with_their_money() -> None:
    statements, _ = _read(JIANGSU, JS, 2019)
    counted = _subject(statements, "项目实行绩效目标管理")
    assert (counted.count, counted.amount) == (5, D("5086"))


DISPLACED = """第三部分 省检察院 2017 年度部门预算情况说明
一、收支预算总表情况说明
（一）收入预算总计 万元。包括：
17996.68
1．财政拨款收入预算总计 17981.68 万元。
项目支出预算数为 万元。与上年相比减少
5533 20
万元，减少 0.36 %。
十、一般公共预算机关运行经费支出预算表情况说明
2017 年本部门一般公共预算机关运行经费预算支出
万元，比 年增加 万元，增长
6032.55 2016 3401.59
129.97 %。
第四部分 名词解释
"""


def test_figures_printed_on_a_line_of_their_own_are_put_back_and_reported() -> None:
    statements, problems = _read(DISPLACED, JS, 2017)
    assert _subject(statements, "收入预算总计").amount == D("17996.68")
    projects = _subject(statements, "项目支出")
    assert (projects.amount, projects.change_amount, projects.change_rate) == (D("5533"), D("-20"), D("-0.36"))
    assert [p.line for p in problems] == [3, 6, 10]
    assert all("put back" in p.message for p in problems)
    found = narrative_paragraphs(split_lines(DISPLACED))
    costs = next(p for p in found if p.text.startswith("2017年本部门"))
    assert costs.text == ("2017年本部门一般公共预算机关运行经费预算支出6032.55万元，比2016年增加3401.59万元，"
                          "增长129.97 %。")
    assert costs.restored == (11,)


def test_figures_are_left_alone_where_the_gaps_do_not_match() -> None:
    assert restored_figures(split_lines("收入预算总计 万元，支出 万元。\n17996.68\n")) == {}
    assert restored_figures(split_lines("收入预算总计 100 万元。\n3\n")) == {}


# --- the pieces ----------------------------------------------------------------------------------


def test_clause_shapes() -> None:
    assert rate_of("比2022年预算执行数增加77.70 %") == D("77.70")
    assert rate_of("降幅  9.1  %") == D("-9.1")
    found = change_of("与上年相比收、支预算总计各增加")
    assert found is not None and (found.subject, found.sign, found.basis) == ("收、支预算总计", 1, None)
    found = change_of("比2022年（上一年度，下同）预算增加")
    assert found is not None and (found.subject, found.basis) == ("", ChangeBasis.BUDGET)
    assert prior_of("上年决算数为", 2024) is ChangeBasis.FINAL_ACCOUNTS
    assert restates("2023年预算安排", 2023) and restates("本年预算数为", None)
    assert not restates("2022年预算安排", 2023) and prior_of("2023年预算数为", 2023) is None


def test_level_names_of_every_shape() -> None:
    assert level_names("住房公积金(项):支出") == (("项", "住房公积金"),)
    assert level_names("“住房保障支出（类)住房改革支出（款)购房补贴（项）”") == (
        ("类", "住房保障支出"), ("款", "住房改革支出"), ("项", "购房补贴"))
    assert level_names("特定目标类项目-保基本民生项目-城乡居民") == ()  # a project's name, not 类-款-项
    assert level_names("行政运行（项）检察（款）") == ()
    assert function_code_of((("款", "检察"),), 2019) is None  # not from 类: no code


def test_a_code_looked_up_again_is_the_same_and_so_is_no_code() -> None:
    # The codes are kept per catalogue: the second look-up answers from there, a miss included.
    names = (("类", "卫生健康支出"), ("款", "医疗保障管理事务"), ("项", "事业单位运行"))
    for _ in range(2):
        assert str(function_code_of(names, 2024)) == "2101550"
        assert function_code_of((("类", "卫生健康支出"), ("款", "没有这个款")), 2024) is None
        assert str(function_code_of("其他支出（类）其他支出（款）其他支出（项）", 2024)) == "2299999"


# --- properties ----------------------------------------------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
_WAN = st.decimals(min_value=D("0.01"), max_value=D("99999999.99"), places=2)


def _printed(value: Decimal, separators: bool, full_width: bool) -> str:
    text = f"{value:,.2f}" if separators else f"{value:.2f}"
    return text.translate(_FULL_WIDTH) if full_width else text


@settings(max_examples=80, deadline=None)
@given(amount=_WAN, separators=st.booleans(), full_width=st.booleans())
def test_an_items_amount_in_wan_reads_exactly_in_yuan(amount: Decimal, separators: bool, full_width: bool) -> None:
    text = (f"部门预算编制说明\n1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”"
            f"{_printed(amount, separators, full_width)}万元，主要用于公积金。\n")
    statements, _ = _read(text, "某局", 2024, AmountUnit.YUAN)
    (item,) = statements
    assert item.code == FunctionCode("2210201") and item.amount == amount * 10000


@settings(max_examples=80, deadline=None)
@given(prior=st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2),
       current=st.decimals(min_value=0, max_value=D("99999.99"), places=2))
def test_a_stated_prior_and_its_rate_read_back_and_pass_the_check(prior: Decimal, current: Decimal) -> None:
    rate = round_half_up(D(100) * (current - prior) / prior, 2)
    word = "增加" if rate >= 0 else "减少"
    text = (f"部门预算编制说明\n1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”{current}万元，主要用于"
            f"公积金。2023年当年预算执行数为{prior}万元，2024年预算安排{current}万元，比2023年预算执行数{word}{abs(rate)}%。\n")
    statements, _ = _read(text, "某局", 2024)
    (item,) = statements
    assert (item.amount, item.stated_prior, item.change_rate) == (current, prior, rate)
    doc = BudgetDisclosure(department="某局", fiscal_year=2024, statements=statements)
    assert validate(doc, rules=["NARR-001"]).findings == ()


@settings(max_examples=60, deadline=None)
@given(figures=st.lists(st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2), min_size=1, max_size=3))
def test_figures_moved_to_the_next_line_are_put_back_in_order(figures: list[Decimal]) -> None:
    words = ["收入预算总计", "比上年增加", "其中基本支出"][: len(figures)]
    whole = "，".join(f"{word} {figure} 万元" for word, figure in zip(words, figures, strict=True)) + "。"
    gapped = "，".join(f"{word} 万元" for word in words) + "。"
    lines = split_lines(gapped + "\n" + " ".join(str(figure) for figure in figures) + "\n")
    assert restored_figures(lines) == {1: whole, 2: ""}
