"""Text-quality rules (TEXT): for each rule a passing, a failing and an absent-input fixture (and the
rounding boundary where the rule compares figures), the published documents, and a property that
the rules never raise on any text."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import example as for_example
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.codes import FunctionCode
from cnbudget.examples import example
from cnbudget.model import Agency, BudgetDisclosure, Passage, PrintedName, Statement
from cnbudget.money import AmountUnit
from cnbudget.validation import Finding, Severity, validate
from cnbudget.validation.rules.text_quality import _RANGE, _YEAR, TEMPLATE_CONTRADICTIONS, _judged_by_narrative
from tests.test_rules_narrative import SPENDING, USE, document, edit

D = Decimal
ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def _prose(*texts: str, year: int = 2024, headings: tuple[int, ...] = ()) -> BudgetDisclosure:
    passages = [Passage(text=text, heading=index in headings, line_number=10 + index)
                for index, text in enumerate(texts)]
    return BudgetDisclosure(department="某局", fiscal_year=year, prose=passages)


def _found(rule: str, doc: BudgetDisclosure) -> list[Finding]:
    report = validate(doc, rules=[rule])
    assert rule in report.rules_run
    return list(report.findings)


def _skipped(rule: str, doc: BudgetDisclosure) -> bool:
    return rule in validate(doc, rules=[rule]).rules_skipped


NO_TEXT = BudgetDisclosure(department="某局", fiscal_year=2024)


@pytest.mark.parametrize("rule", ["TEXT-001", "TEXT-002", "TEXT-003", "TEXT-004", "TEXT-006"])
def test_without_the_text_the_text_rules_do_not_run(rule: str) -> None:
    assert _skipped(rule, NO_TEXT)


# --- TEXT-001: placeholders ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "XX局2024年收入预算100.00万元。", "本部门××年度预算", "某某单位负责实施。", "项目负责人：待填写",
    "{单位名称}2024年收入预算", "人员经费主要包括基本工资等。（按“部门预算公开06表”中实际发生经济分类支出事项填写）",
    "五、国有资产占有使用情况（增加内容）",
])
def test_a_placeholder_or_template_note_left_in_is_a_warning(text: str) -> None:
    (found,) = _found("TEXT-001", _prose(text))
    assert found.severity is WARNING and found.locations[0].table == "text" and found.locations[0].line_number == 10


@pytest.mark.parametrize("text", [
    "万里社区W060701单元X103、G1街坊控制性详细规划", "具体情况见下表（按项目分别填报）：",
    "本部门2024年收入预算100.00万元，比上年增加5.00万元。", "某项目主要用于信息化运维。",
])
def test_text_that_only_looks_like_a_placeholder_passes(text: str) -> None:
    assert _found("TEXT-001", _prose(text)) == []


def test_one_note_repeated_is_one_finding_naming_every_place() -> None:
    note = "（按“部门预算公开06表”中实际发生经济分类支出事项填写）"
    found = _found("TEXT-001", _prose(f"人员经费5.00万元。{note}", "其他说明。", f"公用经费1.00万元。{note}"))
    assert len(found) == 1 and "共 2 处" in found[0].message
    assert [place.line_number for place in found[0].locations] == [10, 12]


# --- TEXT-002: years -----------------------------------------------------------------------------------


def test_a_year_of_another_budget_is_a_warning() -> None:
    (found,) = _found("TEXT-002", _prose("一般公共预算拨款100.00万元，比2022年预算增加5.00万元。"))
    assert found.severity is WARNING and "2022" in found.message


def test_a_year_only_mentioned_is_not_a_figure_of_another_budget() -> None:
    assert _found("TEXT-002", _prose("根据省财政厅2021年印发的管理办法编制预算。本部门收入100.00万元。")) == []


@pytest.mark.parametrize("text", [
    "2024年收入预算100.00万元，比2023年预算增加5.00万元。",  # the budget year and the year before
    "根据《关于印发2015年阿克陶县新型农牧区合作医疗实施方案的通知》（陶政办发〔2015〕6号）",  # a title
    "从2018年起全面实施支出经济分类科目改革。", "截至2022年底，本部门共有车辆2辆。",  # looking back
    "“十四五”时期（2021—2025年）规划目标。",  # a plan period that includes the budget year
    "收支总预算2081.55万元。",  # a figure, not a year
])
def test_years_the_text_may_name_pass(text: str) -> None:
    assert _found("TEXT-002", _prose(text)) == []


def test_a_plan_period_that_does_not_include_the_budget_year_is_reported() -> None:
    (found,) = _found("TEXT-002", _prose("按照2016-2020年规划安排资金50.00万元。"))
    assert "2016—2020" in found.message


def test_years_under_a_heading_on_the_carryover_are_the_projects_own() -> None:
    doc = _prose("十一、关于某局2024年上年结转结余情况说明", "1. 2022年度奖金5.30万元，主要用于民族团结活动。",
                 "十二、其他需说明的事项", "2022年度经费3.00万元。", headings=(0, 2))
    (found,) = _found("TEXT-002", doc)
    assert found.locations[0].line_number == 13


# --- TEXT-003: template sentences that contradict themselves --------------------------------------------


@pytest.mark.parametrize("text", [
    "公务接待费0.50万元，比上年预算增加持平。", "公务接待费0.50万元，比上年增加万元，主要原因是……",
    "公务接待费0.50万元，比上年预算增加0.20万元，增长0%。", "政府性基金预算0万元，比上年预算增加3.00万元。",
])
def test_a_template_sentence_contradicting_itself_is_a_warning(text: str) -> None:
    (found,) = _found("TEXT-003", _prose(text))
    assert found.severity is WARNING


@pytest.mark.parametrize("text", [
    "因公出国（境）费增加0.00万元，增长0.00%，主要原因是未安排此项预算。",  # no change at all
    "国有资本经营预算0.00万元，比上年预算增加0.00万元，增长0.00%。",
    "主要原因是今年省财政安排的公用定额数比上年增加,支出数相应增加。",  # a reason, not a blank figure
    "公务用车运行费6.40万元，与2023年预算持平。",
])
def test_sentences_that_say_one_thing_pass(text: str) -> None:
    assert _found("TEXT-003", _prose(text)) == []


@pytest.mark.parametrize("pattern", [_YEAR, _RANGE])
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_every_year_named_ends_in_nian(pattern: re.Pattern[str], data: st.DataObject) -> None:
    # TEXT-002 looks for years only in texts holding 年: no year or range it reads may lack one
    assert "年" in data.draw(st.from_regex(pattern, fullmatch=True))


@pytest.mark.parametrize("pattern", [pattern for _, pattern in TEMPLATE_CONTRADICTIONS])
@given(data=st.data())
@settings(max_examples=40, deadline=None)
def test_every_template_contradiction_names_a_change_word(pattern: re.Pattern[str], data: st.DataObject) -> None:
    # TEXT-003 runs its patterns only over texts naming a change or 持平: no match may lack one
    matched = data.draw(st.from_regex(pattern, fullmatch=True))
    assert any(word in matched for word in ("增加", "减少", "增长", "下降", "持平"))


def test_figures_read_into_a_statement_are_left_to_the_narrative_rule() -> None:
    text = "政府性基金预算0万元，比上年预算增加3.00万元。"
    said = Statement(subject="政府性基金预算", amount="0", change_amount="3.00", line_number=10)
    doc = attrs.evolve(_prose(text), statements=[said])
    assert _found("TEXT-003", doc) == []
    assert "NARR-001" in {f.rule for f in validate(doc, rules=["NARR-001"]).findings}


# --- TEXT-004: doubled words ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "doubled"), [("主要用于单位的的日常运转。", "的的"),
                                                ("项目支出支出80.00万元。", "支出支出"),
                                                ("合计100.00万元万元。", "万元万元")])
def test_a_word_typed_twice_is_a_note(text: str, doubled: str) -> None:
    (found,) = _found("TEXT-004", _prose(text))
    assert found.severity is INFO and f"“{doubled}”" in found.message


@pytest.mark.parametrize("text", ["实现项目目的的同时加强管理。", "的的确确完成了任务。", "人人参保，层层落实。",
                                  "事业单位业务经费。", "一步一步推进。"])
def test_doubled_characters_that_are_words_pass(text: str) -> None:
    assert _found("TEXT-004", _prose(text)) == []


def test_the_department_name_over_the_title_that_begins_with_it_is_no_doubled_word() -> None:
    # the cover's "某局" line and the title line "某局2024年部门预算" joined into one passage
    assert _found("TEXT-004", _prose("编制部门：某局某局2024年部门预算")) == []
    (found,) = _found("TEXT-004", _prose("某局2024年部门预算预算"))  # another word doubled still is
    assert "“预算预算”" in found.message


# --- TEXT-005: 元 written as 万元 ------------------------------------------------------------------------

ITEM = "卫生健康支出（类）医疗保障管理事务（款）行政运行（项）"


def test_an_amount_in_yuan_written_as_wan_yuan_is_one_error() -> None:
    doc = edit(document(), USE, ITEM, amount="1800000")  # the table: 180.00 万元
    (found,) = _found("TEXT-005", doc)
    assert (found.severity, found.expected, found.actual) == (ERROR, D("180.00"), D("1800000"))
    assert "元写作万元" in found.message
    assert [f for f in validate(doc, rules=["NARR-003"]).findings if f.locations[0].code == "2101501"] == []


def test_an_amount_in_wan_yuan_written_as_yuan_is_reported_too() -> None:
    (found,) = _found("TEXT-005", edit(document(), SPENDING, "基本支出", amount="0.018"))
    assert "万元写作元" in found.message and found.expected == D("180.00")


def test_the_unit_slip_is_rounding_aware() -> None:
    # 1,800,049 ÷ 10,000 = 180.0049 rounds to 180.00: the same figure; 1,800,051 does not.
    assert len(_found("TEXT-005", edit(document(), USE, ITEM, amount="1800049"))) == 1
    assert _found("TEXT-005", edit(document(), USE, ITEM, amount="1800051")) == []


def test_amounts_in_their_unit_and_amounts_not_placed_pass() -> None:
    assert _found("TEXT-005", document()) == []
    assert _found("TEXT-005", edit(document(), USE, ITEM, code=None, amount="1800000")) == []  # not placed


def test_without_statements_the_unit_rule_does_not_run() -> None:
    assert _skipped("TEXT-005", attrs.evolve(document(), statements=()))


# --- TEXT-006: the department's name -------------------------------------------------------------------


def _named(*names: tuple[str, str | None], agencies: tuple[str, ...] = ()) -> BudgetDisclosure:
    return BudgetDisclosure(department=names[0][0], fiscal_year=2024,
                            department_names=[PrintedName(name=name, table=table, line_number=i + 1)
                                              for i, (name, table) in enumerate(names)],
                            agencies=[Agency(name=name) for name in agencies])


def test_the_same_name_on_cover_and_tables_passes() -> None:
    assert _found("TEXT-006", _named(("某县医疗保障局", None), ("某县医疗保障局", "summary"),
                                     ("某县医疗保障局", "revenue"))) == []


def test_another_name_over_the_tables_is_one_warning_naming_each_table() -> None:
    doc = _named(("某县医疗保障局", None), ("某县财政局", "summary"), ("某县财政局", "revenue"),
                 ("某县医疗保障局", "expenditure"))
    (found,) = _found("TEXT-006", doc)
    assert found.severity is WARNING and "某县财政局" in found.message
    assert [place.table for place in found.locations] == ["summary", "revenue"]


def test_a_short_form_is_a_note_and_an_own_agency_passes() -> None:
    (found,) = _found("TEXT-006", _named(("江苏省委办公厅", None), ("中共江苏省委办公厅", "summary")))
    assert found.severity is INFO
    assert _found("TEXT-006", _named(("某县医疗保障局", None), ("某县医疗保障事业发展中心", "summary"),
                                     agencies=("某县医疗保障事业发展中心",))) == []


def test_without_a_cover_the_headings_are_held_against_the_department() -> None:
    doc = attrs.evolve(_named(("某县医疗保障局", "summary"), ("某县财政局", "revenue")), department="某县医疗保障局")
    (found,) = _found("TEXT-006", doc)
    assert found.locations[0].table == "revenue"


def test_without_printed_names_the_name_rule_does_not_run() -> None:
    assert _skipped("TEXT-006", NO_TEXT)


# --- the published documents ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["urumqi-2024", "aketao-2023", "yanjin-2024", "luntai-2024", "putuo-commerce-2025",
                                  "jiangsu-procuratorate-2019"])
def test_the_bundled_examples_read_by_hand_have_no_text_problem(name: str) -> None:
    # Each example's prose was read for placeholders, stray years, contradicting template sentences,
    # doubled words and names: the years other than the budget's are under 结转结余 headings (urumqi:
    # a 2022 bonus carried over), in a title (aketao: 《关于印发2015年…》) or looked back from (yanjin:
    # 从2018年起); "（按项目分别填报）" says how the forms below are laid out.
    assert validate(example(name), rules=["TEXT"]).findings == ()


# --- any text ------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(alphabet=st.sampled_from("的支出万元年2024190XＸ×某（）(){}按填写增加减少持平0.%，。比上年"),
                              max_size=40), max_size=6),
       year=st.integers(2017, 2026))
def test_the_text_rules_never_raise_on_any_text(texts: list[str], year: int) -> None:
    doc = attrs.evolve(_prose(*texts, year=year),
                       statements=[Statement(subject="支出", amount=D("1E+4"), code=FunctionCode("2101501"))],
                       amount_unit=AmountUnit.WAN_YUAN)
    for finding in validate(doc, rules=["TEXT"]).findings:
        assert finding.rule.startswith("TEXT-") and finding.message


def test_every_rule_added_for_the_audits_has_a_chinese_and_an_english_title() -> None:
    from cnbudget.validation import RULES

    added = ["CAT-006", "CAT-007", "NARR-012", "PERF-015", "PERF-016", "PERF-017", "PERF-018",
             *(f"TEXT-{n:03d}" for n in range(1, 7))]
    for rule_id in added:
        found = RULES[rule_id]
        assert found.title and found.title_en and found.doc, rule_id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in found.title), rule_id
        assert found.title_en[0].isupper() and found.title_en[:2].isascii(), rule_id


# --- the patterns written to fail fast, held to their plain forms -----------------------------------

# The patterns as first written (each tried at every character); the rules' own must find the same.
_PLAIN_DOUBLED = re.compile(r"(?<!目)的的(?!确)|((?!一)[\u4e00-\u9fff]{2,4})\1")
_PLAIN_YEAR = re.compile(r"(?<![\d〔【\[（(])(?P<year>(?:19|20)\d\d)\s*年")
_PLAIN_ZERO_CHANGE = re.compile(r"(?<![\d.,])0(?:\.0+)?万?元[，,](?:比|较)(?:上年|20\d\d年)(?:预算|决算)?(?:数)?"
                                r"(?:增加|减少|增长|下降)(?P<change>\d[\d,]*(?:\.\d+)?)")


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


def _joined(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@settings(max_examples=300)
@given(st.text(alphabet="的目确一支出万元增加 1.", max_size=40))
def test_doubled_finds_what_its_plain_form_finds(text: str) -> None:
    from cnbudget.validation.rules.text_quality import DOUBLED

    assert _matches(DOUBLED, text) == _matches(_PLAIN_DOUBLED, text)


@settings(max_examples=300)
@given(_joined("2024", "1999", "2019", "2", "0", "9", " ", "年", "〔", "【", "[", "（", "(", "度", "起"))
@for_example("〔2019年【2019年[2019年（2019年(2019年12019年 2019 年")
def test_year_finds_what_its_plain_form_finds(text: str) -> None:
    assert _matches(_YEAR, text) == _matches(_PLAIN_YEAR, text)


@settings(max_examples=300)
@given(_joined("0", "0.00", "10", "1,0", ".0", "万元", "元", "，", "比上年", "较2023年", "预算", "增加", "减少",
               "3.00", "5"))
@for_example("为0万元，比上年增加3.00；1.0万元，比上年增加3；10元，较2023年预算增加5")
def test_zero_change_finds_what_its_plain_form_finds(text: str) -> None:
    pattern = dict(TEMPLATE_CONTRADICTIONS)["金额为0却有增减"]
    assert _matches(pattern, text) == _matches(_PLAIN_ZERO_CHANGE, text)


@settings(max_examples=50)
@given(st.data())
def test_every_placeholder_starts_with_a_listed_character(data: st.DataObject) -> None:
    from cnbudget.validation.rules.text_quality import PLACEHOLDER_STARTS, PLACEHOLDERS

    _, pattern = data.draw(st.sampled_from(PLACEHOLDERS))
    found = data.draw(st.from_regex(pattern, fullmatch=True))
    assert found[0] in PLACEHOLDER_STARTS


@settings(max_examples=300)
@given(_joined("XX", "x", "×", "某", "某某", "待填写", "待", "{单位}", "｛", "}", "（", "(", "）", ")", "按",
               "实际", "填写", "增加内容", "此处", "如有", "一", "部门"))
def test_holds_placeholder_is_a_search_of_every_placeholder(text: str) -> None:
    from cnbudget.validation.rules.text_quality import PLACEHOLDERS, holds_placeholder

    assert holds_placeholder(text) == any(pattern.search(text) for _, pattern in PLACEHOLDERS)


@settings(max_examples=200)
@given(st.text(alphabet="增加减少长下降持平结转余 年", max_size=20))
def test_a_scan_for_any_word_finds_what_looking_for_each_finds(text: str) -> None:
    from cnbudget.validation.rules.text_quality import (
        _ANY_CARRYOVER_WORD,
        _ANY_CHANGE_WORD,
        _CARRYOVER,
        _CHANGE_WORDS,
    )

    assert (_ANY_CHANGE_WORD.search(text) is not None) == any(word in text for word in _CHANGE_WORDS)
    assert (_ANY_CARRYOVER_WORD.search(text) is not None) == any(word in text for word in _CARRYOVER)


_FIGURE = st.one_of(st.none(), st.sampled_from([D(0), D("0.00"), D("3.00"), D("-1.50")]))


@settings(max_examples=300)
@given(st.lists(st.builds(Statement, subject=st.just("支出"), amount=_FIGURE, change_amount=_FIGURE,
                          change_rate=_FIGURE, line_number=st.one_of(st.none(), st.integers(1, 4))), max_size=6),
       st.one_of(st.none(), st.integers(1, 4)))
def test_the_lines_narr_001_judges_are_those_of_a_statement_it_judges(
        statements: list[Statement], line: int | None) -> None:
    # TEXT-003 leaves a passage's change to NARR-001 where a statement read from its line has a change
    # beside its rate, or a change of an amount of zero: gathered once, as looking through them finds.
    passage = Passage(text="比上年增加", line_number=line)
    through_each = any(s.line_number == passage.line_number and s.change_amount not in (None, 0)
                       and (s.change_rate is not None or s.amount == 0) for s in statements)
    assert (passage.line_number in _judged_by_narrative(statements)) == through_each
