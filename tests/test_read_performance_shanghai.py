"""The Shanghai 财政项目支出绩效目标填报表: its shapes (no corpus needed), and the Shanghai documents of
the corpus that print it (skipped without ``../shared/corpus``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget import read_file
from cnbudget.model import ProjectTarget
from cnbudget.money import AmountUnit
from cnbudget.readers.performance.read import read_performance, read_project_target
from cnbudget.readers.result import Problem
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS, Block, find_blocks
from cnbudget.readers.text.source import split_lines
from cnbudget.targets import Comparator, TargetKind
from cnbudget.validation import Severity, validate
from tests.seeds import corpus_names, corpus_path, corpus_text

# The form as the corpus's table-aware extraction prints it: eight columns, funds in two columns
# under 项目资金总额 and 年度资金申请总额, the goals below their labels, 绩效指标 at the left edge.
TOP = (
    "财政项目支出绩效目标填报表\t\t\t\t\t\t\t\n"
    "（2023年度）\t\t\t\t\t\t\t\n"
    "项目名称\t\t社区服务中心运行\t\t项目性质\t经常性项目\t项目类别\t其他运转类\n"
    "主管部门\t\t某区某街道办事处\t\t实施单位\t某区某街道办事处\t\t\n"
    "计划开始日期\t\t2023-01-01\t\t计划完成日期\t2023-12-31\t\t\n"
    "项目资金（元）\t\t项目资金总额\t\t1,200,000.00\t年度资金申请总额\t\t1,000,000.00\n"
    "\t\t其中：财政资金\t\t1,100,000.00\t其中：当年财政拨款\t\t900,000.00\n"
    "\t\t\t\t\t上年结转资金\t\t60,000.00\n"
    "\t\t其他资金\t\t100,000.00\t其他资金\t\t40,000.00\n"
    "项目绩效目标\t项目总目标\t\t\t\t年度总体目标\t\t\n"
    "\t三年内建成服务中心。\t\t\t\t本年完成主体工程。\t\t\n"
)
HEADING = "\t一级指标\t二级指标\t三级指标\t\t\t年度(/项目)指标值\t\n"
ROWS = (
    "绩效指标\t产出指标\t数量指标\t规划建筑面积\t\t\t≥13459.00(平方米)\t\n"
    "\t\t\t开展活动\t\t\t不低于50%\t\n"
    "\t\t质量指标\t完工及时率\t\t\t及时率\t\n"
    "\t效益指标\t社会效益指标\t完善社区设施\t\t\t完善率\t\n"
    "\t满意度指标\t服务对象满意度指标\t居民满意度\t\t\t≥90%\t\n"
)
FORM = TOP + HEADING + ROWS


def _blocks(text: str) -> list[Block]:
    return [b for b in find_blocks(split_lines(text)) if b.key in PERFORMANCE_KEYS]


def _read(text: str = FORM, **unit: AmountUnit) -> tuple[ProjectTarget, list[Problem]]:
    blocks = _blocks(text)
    assert len(blocks) == 1
    project, problems = read_project_target(blocks[0], **unit)
    assert project is not None, problems
    return project, problems


# --- the form's shapes -------------------------------------------------------------------------------


def test_the_form_is_recognised_and_read_without_problems() -> None:
    project, problems = _read()
    assert problems == []
    assert project.title == "财政项目支出绩效目标填报表"
    assert (project.project, project.nature, project.category) == ("社区服务中心运行", "经常性项目", "其他运转类")
    assert (project.department, project.agency) == ("某区某街道办事处", "某区某街道办事处")
    assert (project.planned_start, project.planned_end) == ("2023-01-01", "2023-12-31")
    assert project.owner is None and project.project_code is None


def test_funds_in_two_columns_are_read_under_their_heads() -> None:
    funds = _read()[0].funds
    # 项目资金总额 (the project's whole life) and what 其中：财政资金 / 其他资金 below it say …
    assert (funds.project_total, funds.project_fiscal, funds.project_other) == (
        Decimal("1200000.00"), Decimal("1100000.00"), Decimal("100000.00"))
    # … and the year's funds: 其他资金 is printed twice, once under each head.
    assert (funds.total, funds.fiscal, funds.carryover, funds.other) == (
        Decimal("1000000.00"), Decimal("900000.00"), Decimal("60000.00"), Decimal("40000.00"))
    assert funds.gov_budget is None


def test_goals_printed_below_their_labels() -> None:
    project, _ = _read()
    assert (project.goal, project.annual_goal) == ("三年内建成服务中心。", "本年完成主体工程。")
    wrapped = FORM.replace("\t三年内建成服务中心。\t\t\t\t本年完成主体工程。\t\t\n",
                           "\t三年内建成\t\t\t\t本年完成\t\t\n\t服务中心。\t\t\t\t主体工程。\t\t\n")
    project, problems = _read(wrapped)
    assert problems == []
    assert (project.goal, project.annual_goal) == ("三年内建成服务中心。", "本年完成主体工程。")


def test_indicators_carry_their_groups_down_and_parse_as_the_target_parser_does() -> None:
    project, _ = _read()
    assert [(i.level1, i.level2, i.name) for i in project.indicators] == [
        ("产出指标", "数量指标", "规划建筑面积"),
        ("产出指标", "数量指标", "开展活动"),  # 一级 and 二级 blank: the group above
        ("产出指标", "质量指标", "完工及时率"),
        ("效益指标", "社会效益指标", "完善社区设施"),
        ("满意度指标", "服务对象满意度指标", "居民满意度"),
    ]
    targets = [i.target for i in project.indicators]
    assert [t.raw for t in targets] == ["≥13459.00(平方米)", "不低于50%", "及时率", "完善率", "≥90%"]
    # cnbudget.targets reads the wording and the plain quantities; a unit in brackets it leaves unparsed.
    assert [t.kind for t in targets] == [TargetKind.UNPARSED, TargetKind.QUANTITATIVE, TargetKind.QUALITATIVE,
                                         TargetKind.QUALITATIVE, TargetKind.QUANTITATIVE]
    assert (targets[1].comparator, targets[1].number, targets[1].unit) == (Comparator.GE, Decimal(50), "%")
    assert all(i.weight is None and i.prior_actual is None for i in project.indicators)


def test_text_under_a_column_without_heading_is_reported() -> None:
    project, problems = _read(FORM.replace("\t\t质量指标\t完工及时率", "备注\t\t质量指标\t完工及时率"))
    assert [i.name for i in project.indicators][2] == "完工及时率"
    assert len(problems) == 1 and "without heading not read: ['备注']" in problems[0].message


def test_the_forms_unit_is_kept_where_it_differs_from_the_documents() -> None:
    assert _read(unit=AmountUnit.WAN_YUAN)[0].unit is AmountUnit.YUAN
    assert _read(unit=AmountUnit.YUAN)[0].unit is None
    assert _read()[0].unit is None  # the document's unit not given: the funds are taken to be in it
    project, problems = _read(FORM.replace("其中：当年财政拨款", "其中：当年财政拨款（万元）"))
    assert len(problems) == 1 and "funds in 万元 beside funds in 元: the funds were not read" in problems[0].message
    assert project.funds.total is None and project.funds.project_total is None


def test_several_forms_in_document_order() -> None:
    second = FORM.replace("社区服务中心运行", "就业援助补贴")
    targets, problems = read_performance(_blocks(FORM + "\n" + second))
    assert problems == []
    assert targets is not None
    assert [p.project for p in targets.projects] == ["社区服务中心运行", "就业援助补贴"]


def test_the_form_printed_one_cell_per_line_leaves_its_two_columns_unread() -> None:
    # What a plain extraction makes of the form: the right column's words land among the left's.
    flat = (
        "财政项目支出绩效目标填报表\n（2023年度）\n项目名称\n\n社区服务中心运行\n\n项目性质\n\n主管部门\n\n"
        "某区某街道办事处\n\n计划开始日期\n\n2023-01-01\n\n项目资金\n（元）\n\n项目资金总额\n\n"
        "1,200,000.00 年度资金申请总额\n\n其中：财政资金\n\n1,100,000.00\n\n其他运转类\n\n1,000,000.00\n\n"
        "其他资金\n\n0.00\n\n项目总目标\n\n经常性项目 项目类别\n\n0.00\n\n年度总体目标\n\n本年完成主体工程。\n\n"
        "一级指标\n\n二级指标\n\n三级指标\n"
    )
    project, problems = _read(flat)
    assert (project.project, project.department, project.planned_start) == (
        "社区服务中心运行", "某区某街道办事处", "2023-01-01")
    assert project.funds.total is None and project.funds.project_total is None
    assert project.goal is None and project.annual_goal is None and project.category is None
    messages = " | ".join(p.message for p in problems)
    assert "项目类别 is followed by figures" in messages
    assert "two columns side by side" in messages and "not read" in messages


def test_seed_style_label_variants_still_mean_the_year() -> None:
    # A form with one column of funds: 资金总额 / 财政拨款 / 其他资金 are the year's, as before.
    text = ("项目支出绩效目标表\n项目名称\t\t宣传费\n"
            "项目资金(万元)\t\t年度资金总额\t6.5\t其中：财政资金\t6.5\t其他资金\t0\n"
            "项目年度目标\t\t做好宣传。\n一级指标\t二级指标\t三级指标\t年度指标值\n产出指标\t数量指标\t次数\t=1 次\n")
    project, problems = _read(text)
    assert problems == []
    assert (project.funds.total, project.funds.fiscal, project.funds.other) == (Decimal("6.5"), Decimal("6.5"),
                                                                                 Decimal(0))
    assert project.funds.project_total is None
    assert (project.goal, project.annual_goal) == (None, "做好宣传。")
    assert project.indicators[0].target.raw == "=1 次"


# --- the Shanghai documents of the corpus ---------------------------------------------------------------

_SHANGHAI = [name for name in corpus_names() if name.startswith("sh-")]

#: Each form of sh-putuo-wanli-2023-dept-budget as printed (lines 539-667): project, 项目类别, and the
#: funds in 元: 项目资金总额, 财政资金, 其他资金 | 年度资金申请总额, 当年财政拨款, 上年结转资金, 其他资金.
WANLI_2023 = [
    ("新建万里街道社区公共服务中心", "特定目标类",
     ("4100000.00", "4100000.00", "0.00"), ("4100000.00", "4100000.00", "0.00", "0.00")),
    ("就业援助基地补贴", "特定目标类",
     ("6351000.00", "6351000.00", "0.00"), ("6351000.00", "6351000.00", "0.00", "0.00")),
    ("社区环境整治和建设经费", "特定目标类",
     ("4563800.00", "4563800.00", "0.00"), ("4563800.00", "4563800.00", "0.00", "0.00")),
    ("各类工作经费", "特定目标类",
     ("7595500.00", "7595500.00", "0.00"), ("7595500.00", "7595500.00", "0.00", "0.00")),
    ("公共服务设施运行经费", "其他运转类",
     ("10903043.00", "10903043.00", "0.00"), ("10903043.00", "11419043.00", "0.00", "0.00")),
]

#: How many 财政项目支出绩效目标填报表 each Shanghai document prints (the others say 详见单位的项目绩效目标表
#: or print none).
FORMS = {"sh-putuo-wanli-2023-dept-budget": len(WANLI_2023)}


@pytest.mark.parametrize("name", _SHANGHAI or ["sh-putuo-wanli-2023-dept-budget"])
def test_every_form_of_the_shanghai_documents_is_read_completely(name: str) -> None:
    result = read_file(corpus_path(name))
    performance = result.disclosure.performance
    printed = corpus_text(name).count("财政项目支出绩效目标填报表")
    assert printed == FORMS.get(name, 0)
    assert (len(performance.projects) if performance else 0) == printed
    assert "performance" not in result.disclosure.incomplete
    assert [p for p in result.problems if p.table in PERFORMANCE_KEYS] == []


def _wanli() -> tuple[ProjectTarget, ...]:
    performance = read_file(corpus_path("sh-putuo-wanli-2023-dept-budget")).disclosure.performance
    assert performance is not None
    return performance.projects


def test_wanli_2023_forms_projects_and_funds() -> None:
    projects = _wanli()
    seen = [(p.project, p.category,
             tuple(str(getattr(p.funds, f)) for f in ("project_total", "project_fiscal", "project_other")),
             tuple(str(getattr(p.funds, f)) for f in ("total", "fiscal", "carryover", "other")))
            for p in projects]
    assert seen == WANLI_2023
    assert {(p.department, p.agency, p.planned_start, p.planned_end, p.unit) for p in projects} == {
        ("上海市普陀区人民政府万里街道办事处", "上海市普陀区人民政府万里街道办事处", "2023-01-01", "2023-12-31", None)}
    assert [p.nature for p in projects] == ["阶段性项目"] + ["经常性项目"] * 4
    assert projects[1].goal == projects[1].annual_goal == "管理各类下拨费用，实报实销"
    # 3351.33 万元 in all, where the text says 涉及项目预算资金3328.13万元.
    assert sum(p.funds.total or 0 for p in projects) == Decimal("33513343.00")


def test_wanli_2023_indicators_checked_against_the_text() -> None:
    by_name = {p.project: p for p in _wanli()}
    assert [len(p.indicators) for p in _wanli()] == [5, 4, 4, 43, 9]
    building = by_name["新建万里街道社区公共服务中心"].indicators
    # line 551: 绩效指标 | 产出指标 | 数量指标 | 规划建筑面积 | | | ≥13459.00(平方米)
    assert (building[0].level1, building[0].level2, building[0].name, building[0].target.raw) == (
        "产出指标", "数量指标", "规划建筑面积", "≥13459.00(平方米)")
    # line 553: | | 成本指标 | 预算内经费 | | | 合规 — 一级 carried down from line 551
    assert (building[2].level1, building[2].level2, building[2].name, building[2].target.text) == (
        "产出指标", "成本指标", "预算内经费", "合规")
    subsidy = by_name["就业援助基地补贴"].indicators
    # line 569 and line 570 (二级 printed, 一级 blank)
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in subsidy[:2]] == [
        ("产出指标", "数量指标", "补贴对象申请审核完成率", "=100.00(%)"),
        ("产出指标", "质量指标", "补贴对象审核达标率", "=100.00(%)"),
    ]
    cleanup = by_name["社区环境整治和建设经费"].indicators
    # line 589: 不低于50% read as ≥50%
    assert (cleanup[3].level1, cleanup[3].name, cleanup[3].target.comparator, cleanup[3].target.number) == (
        "满意度指标", "市容环境满意度", Comparator.GE, Decimal(50))
    work = by_name["各类工作经费"].indicators
    # lines 615-616 and 644, which were once taken for the wrapped tail of the row above
    assert [i.name for i in work[12:14]] == ["节能减排宣传周活动", "统计法制宣传活动"]
    assert (work[-2].level1, work[-2].level2, work[-2].name, work[-2].target.raw) == (
        "满意度指标", "服务对象满意度指标", "提升经济服务满意度", "提升")
    running = by_name["公共服务设施运行经费"].indicators
    # line 666: | 满意度指标 | 服务对象满意度指标 | 居民满意度 | | | 90%
    assert (running[7].level2, running[7].name, running[7].target.number, running[7].target.unit) == (
        "服务对象满意度指标", "居民满意度", Decimal(90), "%")


def test_wanli_2023_performance_findings() -> None:
    doc = read_file(corpus_path("sh-putuo-wanli-2023-dept-budget")).disclosure
    found = validate(doc, rules=["PERF"]).findings
    # The one error a hand audit found: 当年财政拨款 11,419,043.00 over 10,903,043.00 of every whole.
    assert [(f.rule, f.severity, f.locations[0].project, f.locations[0].column) for f in found] == [
        ("PERF-009", Severity.ERROR, "公共服务设施运行经费", "fiscal")]
    assert (found[0].actual, found[0].expected) == (Decimal("11419043.00"), Decimal("10903043.00"))
    assert "部分不能大于整体" in found[0].message and "也因此不成立" in found[0].message


@pytest.mark.parametrize("form", ["layout.txt", "flat.txt"])
def test_wanli_2023_other_extractions_read_no_misplaced_funds(form: str) -> None:
    result = read_file(corpus_path("sh-putuo-wanli-2023-dept-budget", form))
    performance = result.disclosure.performance
    assert performance is not None and len(performance.projects) == len(WANLI_2023)
    assert [p.project for p in performance.projects] == [row[0] for row in WANLI_2023]
    assert all(p.funds.total is None and p.funds.project_total is None for p in performance.projects)
    assert all(p.category in (None, row[1]) for p, row in zip(performance.projects, WANLI_2023, strict=True))
    assert "performance" in result.disclosure.incomplete  # the indicator rows cannot be read
