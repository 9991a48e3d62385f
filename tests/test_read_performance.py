"""Reading the performance-target forms (绩效目标表): project and department targets, the Henan summary."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import DepartmentTarget, Indicator, PerformanceTargets, ProjectTarget
from cnbudget.readers.performance.indicator_tree import IndicatorColumns, read_indicators
from cnbudget.readers.performance.read import read_department_target, read_performance, read_project_target
from cnbudget.readers.result import Problem
from cnbudget.readers.text.blocks import PERFORMANCE_KEYS, Block, find_blocks
from cnbudget.readers.text.source import split_lines
from cnbudget.targets import Comparator, TargetKind
from tests.seeds import seed_text

HEADER = "一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t指标赋分规则\t佐证资料"


def _blocks(text: str) -> list[Block]:
    return [b for b in find_blocks(split_lines(text)) if b.key in PERFORMANCE_KEYS]


def _project(text: str) -> tuple[ProjectTarget, list[Problem]]:
    project, problems = read_project_target(_blocks(text)[0])
    assert project is not None, problems
    return project, problems


def _department(text: str) -> tuple[DepartmentTarget, list[Problem]]:
    target, problems = read_department_target(_blocks(text)[0])
    assert target is not None, problems
    return target, problems


def _project_form(rows: str, header: str = HEADER) -> str:
    return (
        "项目支出绩效目标表\n(2024 年)\n"
        "预算单位\t\t某某局\t\t\t\t\t\t\n"
        "项目名称\t\t2024 年宣传 经费\t\t\t\t项目负责人\t\t张三\n"
        "项目资金(万元)\t\t年度预算总额\t1,030.51\t其中：财政拨款\t1,000.00\t其他资金\t30.51\t\n"
        "项目总体目标\t\t做好 宣传工作。\t\t\t\t\t\t\n" + header + "\n" + rows
    )


ONE_ROW = "产出指标\t数量指标\t宣传次数\t>=3 次\t自定义\t\t10\t按比例赋分\t工作资料\n"


def _seen(indicator: Indicator) -> tuple[str, str | None, str, str]:
    return indicator.level1, indicator.level2, indicator.name, indicator.target.raw


# --- project targets: the key-value top ------------------------------------------------------------


def test_project_top_fields_and_funds() -> None:
    project, problems = _project(_project_form(ONE_ROW))
    assert problems == []
    assert project.agency == "某某局"
    assert project.project == "2024年宣传经费"
    assert project.owner == "张三"
    assert project.goal == "做好宣传工作。"
    assert (project.funds.total, project.funds.fiscal, project.funds.other) == (
        Decimal("1030.51"), Decimal("1000.00"), Decimal("30.51"))
    assert project.funds.gov_budget is None  # a column this form does not print
    assert project.title == "项目支出绩效目标表"


def test_project_top_label_variants_blank_values_and_phone() -> None:
    text = (
        "项目支出绩效目标表\n"
        "预算单位\t某局\t\t\t\n"
        "项目名称\t志愿者 补助\t\t\t项目负责人\t\t易某 15000000000\t\n"
        "项目资金 （万元）\t年度资金 总额：\t6.5\t其中: 财 政拨款\t\t0\t其他资 金\t\t\t\n"
        "项目总体 目标\t保障生活。\t\t\n"
        "一级指标\t二级指标\t三级指标\t指标值\t指标值设 定依据\t上年完成 情况\t指标分 值权重\t指标赋分 规则\t佐证材料\n"
        "产出指标\t数量指标\t人数\t=1 人\t计划标准\t1 人\t10\t按评判 等级赋 分\t原始凭证\n"
    )
    project, problems = _project(text)
    assert problems == []
    assert project.owner == "易某 15000000000"
    assert project.project == "志愿者补助"
    assert project.funds.total == Decimal("6.5")
    assert project.funds.fiscal == Decimal("0")  # printed after an empty cell
    assert project.funds.other == Decimal("0")  # blank cell under a printed label
    only = project.indicators[0]
    assert (only.basis, only.prior_actual and only.prior_actual.raw, only.weight) == ("计划标准", "1 人", Decimal(10))
    assert only.scoring_rule == "按评判等级赋分"
    assert only.evidence == "原始凭证"


def test_project_amount_that_is_not_a_figure_is_reported() -> None:
    text = _project_form(ONE_ROW).replace("1,030.51", "待定")
    project, problems = _project(text)
    assert project.funds.total is None
    assert [p.line for p in problems] == [5]
    assert "待定" in problems[0].message


# --- indicator rows -------------------------------------------------------------------------------


def test_merged_level_cells_are_carried_down() -> None:
    rows = (
        "产出 指标\t数量 指标\t广播宣传数量\t>=3个\t自定义\t\t10\t按比例赋分\t工作资料\n"
        "\t\t印刷品种类数\t>=5种\t自定义\t\t10\t按比例赋分\t工作资料\n"
        "\t质量指标\t覆盖率\t=100%\t自定义\t\t10\t按比例赋分\t工作资料\n"
        "效益指标\t社会效益指标\t知晓率\t有所提升\t历史标准\t\t30\t按等级赋分\t工作资料\n"
        "\t\t群众参与度\t有效提升\t历史标准\t\t20\t按等级赋分\t工作资料\n"
    )
    project, problems = _project(_project_form(rows))
    assert problems == []
    assert [_seen(i)[:3] for i in project.indicators] == [
        ("产出指标", "数量指标", "广播宣传数量"),
        ("产出指标", "数量指标", "印刷品种类数"),
        ("产出指标", "质量指标", "覆盖率"),
        ("效益指标", "社会效益指标", "知晓率"),
        ("效益指标", "社会效益指标", "群众参与度"),
    ]
    assert project.indicators[0].target.comparator is Comparator.GE
    assert sum(i.weight or 0 for i in project.indicators) == 80


def test_blank_prior_actual_is_none_and_printed_one_is_parsed() -> None:
    rows = (
        "产出指标\t数量指标\t检查频次\t>=7 次\t自定义\t4 次\t5\t按比例赋分\t工作资料\n"
        "\t\t检查人次\t>=14 人次\t自定义\t\t5\t按比例赋分\t工作资料\n"
    )
    project, _ = _project(_project_form(rows))
    first, second = project.indicators
    assert first.prior_actual is not None
    assert (first.prior_actual.number, first.prior_actual.unit) == (Decimal(4), "次")
    assert second.prior_actual is None


def test_non_numeric_weight_goes_to_weight_text() -> None:
    text = (
        "部门整体绩效目标表\n"
        "部门名称 (盖章)\t\t示例局\t\t\t\n"
        "一级指标\t二级指标\t三级指标\t指标值\t指标设定依据\t分值权重\n"
        "履职效能\t数量指标\t推行商业保险\t=1 项\t重点工作\t履职效能\n"
        "\t数量指标\t建设服务点位\t>=100 个\t重点工作\t履职效能\n"
    )
    target, problems = _department(text)
    assert problems == []
    assert [(i.level1, i.weight, i.weight_text) for i in target.indicators] == [
        ("履职效能", None, "履职效能"), ("履职效能", None, "履职效能")]
    assert target.indicators[1].basis == "重点工作"


def test_wrapped_row_is_joined_to_the_row_above() -> None:
    rows = (
        "成本指标\t经济成本指标\t个人缴费标准\t>=380 元/人\t计划标准\t=380 元/人\t10\t直接赋分\t说明材料\n"
        "效益\t社会\t减轻参保人就医经济负\t成效\t计划标准\t完全\t20\t按评判等级赋分\t说明材料\n"
        "\n"
        "指标\t效益 指标\t担, 缓解社会矛盾\t明显\t\t达到 预期\t\t\t\n"
        "满意度 指标\t满意度 指标\t满意度\t> =90%\t计划标准\t=95%\t10\t满意度赋分\t工作资料\n"
    )
    project, problems = _project(_project_form(rows))
    assert problems == []
    assert [_seen(i)[:3] for i in project.indicators] == [
        ("成本指标", "经济成本指标", "个人缴费标准"),
        ("效益指标", "社会效益指标", "减轻参保人就医经济负担,缓解社会矛盾"),
        ("满意度指标", "满意度指标", "满意度"),
    ]
    joined = project.indicators[1]
    assert joined.target.text == "成效明显"
    assert joined.prior_actual is not None and joined.prior_actual.text == "完全达到预期"
    assert joined.weight == Decimal(20)


def test_wrapped_name_alone_is_joined() -> None:
    rows = (
        "产出指标\t数量指标\t保障乡镇社区社保网络正常\t=13 个\t计划标准\t13 个\t8\t按比例赋分\t说明材料\n"
        "\t\t运营个数\t\t\t\t\t\t\n"
    )
    project, problems = _project(_project_form(rows))
    assert problems == []
    assert [i.name for i in project.indicators] == ["保障乡镇社区社保网络正常运营个数"]


def test_fragment_repeating_the_end_of_the_row_above_is_reported_not_joined() -> None:
    rows = (
        "效益指标\t经济效益指标\t保障网络畅通\t保障\t计划标准\t保障\t7\t按评判等级赋分\t说明材料\n"
        "\t\t\t\t\t\t\t分\t\n"
        "\t\t推进可持续发展\t提升\t计划标准\t提升\t6\t按评判等级赋分\t说明材料\n"
    )
    project, problems = _project(_project_form(rows))
    assert [i.scoring_rule for i in project.indicators] == ["按评判等级赋分", "按评判等级赋分"]
    assert [p.line for p in problems] == [9]
    assert "not joined" in problems[0].message


def test_row_missing_a_cell_is_placed_when_only_one_placement_fits() -> None:
    rows = (
        "产出指标\t数量指标\t参保人数\t>=100 万人\t计划标准\t=100.9 万人\t4\t按比例赋分\t工作资料\n"
        "\t质量指标\t重复参保人数\t=0 人\t计划标准\t=0 人\t4\t直接赋分\t工作资料\n"
        "\t实施按病种付费为主的支付方式\t逐步推广\t计划标准\t完全达到预期\t4\t按评判等级赋分\t说明材料\t\n"
        "成本指标\t经济成本指标\t人均缴费标准\t>=380 元/人\t计划标准\t=380 元/人\t10\t直接赋分\t说明材料\n"
    )
    project, problems = _project(_project_form(rows))
    shifted = project.indicators[2]
    assert _seen(shifted) == ("产出指标", "质量指标", "实施按病种付费为主的支付方式", "逐步推广")
    assert (shifted.basis, shifted.weight, shifted.scoring_rule, shifted.evidence) == (
        "计划标准", Decimal(4), "按评判等级赋分", "说明材料")
    assert shifted.prior_actual is not None and shifted.prior_actual.text == "完全达到预期"
    assert [p.line for p in problems] == [10]  # placed, and said so
    assert "missing" in problems[0].message


def test_row_missing_a_cell_is_reported_when_placements_disagree() -> None:
    # Level words that do not end in 指标: the misplaced text could be a 二级指标 or a 三级指标.
    rows = (
        "履职\t目标管理\t任务科学性\t科学\t计划标准\t\t10\t直接赋分\t工作资料\n"
        "\t预算管理\t预算执行率\t>=95%\t计划标准\t\t10\t直接赋分\t工作资料\n"
        "\t资金使用合规性\t合规\t计划标准\t\t10\t直接赋分\t工作资料\n"
    )
    project, problems = _project(_project_form(rows))
    assert [i.name for i in project.indicators] == ["任务科学性", "预算执行率"]
    assert [p.line for p in problems] == [10]
    assert "not read" in problems[0].message


def test_heading_repeated_on_a_new_page_and_narrative_after_the_form() -> None:
    rows = (
        "产出指标\t数量指标\t宣传次数\t>=3 次\t自定义\t\t10\t按比例赋分\t工作资料\n"
        + HEADER + "\n"
        "\t质量指标\t覆盖率\t=100%\t自定义\t\t20\t按比例赋分\t工作资料\n"
        "（五）其他需说明的事项\n"
        "注\t本部门无其他需说明事项\n"
    )
    project, problems = _project(_project_form(rows))
    assert problems == []
    assert [i.name for i in project.indicators] == ["宣传次数", "覆盖率"]


def test_full_width_heading_and_unknown_column_reported() -> None:
    header = "一级指标\t二级指标\t三级指标\t指标值\t指标值说明\t备注"
    text = _project_form("产出指标\t数量指标\t宣传次数\t＞＝３次\t按次数计\t无\n", header=header)
    project, problems = _project(text)
    only = project.indicators[0]
    assert (only.explanation, only.basis, only.weight) == ("按次数计", None, None)
    assert (only.target.comparator, only.target.number) == (Comparator.GE, Decimal(3))
    assert [p.line for p in problems] == [7]
    assert "备注" in problems[0].message


def test_form_without_indicator_heading_is_reported() -> None:
    text = "项目支出绩效目标表\n项目名称\t\t某项目\n项目资金(万元)\t\t年度预算总额\t5.00\n"
    project, problems = _project(text)
    assert project.project == "某项目"
    assert project.indicators == ()
    assert len(problems) == 1 and "indicators not read" in problems[0].message


_LEVEL1 = ("产出指标", "成本指标", "效益指标", "满意度指标")
_LEVEL2 = ("数量指标", "质量指标", "时效指标", "经济成本指标", "社会效益指标", "服务对象满意度指标")
_NAMES = st.text(alphabet="参保人数覆盖率宣传资金及时满意度", min_size=2, max_size=12)
_GROUP = st.tuples(
    st.sampled_from(_LEVEL1),
    st.lists(st.tuples(st.sampled_from(_LEVEL2),
                       st.lists(st.tuples(_NAMES, st.integers(0, 100), st.integers(1, 30)), min_size=1, max_size=3)),
             min_size=1, max_size=3),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_GROUP, min_size=1, max_size=3))
def test_merged_cells_round_trip(groups: list[tuple[str, list[tuple[str, list[tuple[str, int, int]]]]]]) -> None:
    """Rows printed with merged (blank) level cells read back as the tree they were printed from."""
    rows, expected = [], []
    for level1, subgroups in groups:
        for position2, (level2, items) in enumerate(subgroups):
            for position3, (name, target, weight) in enumerate(items):
                first1 = position2 == 0 and position3 == 0
                cells = [level1 if first1 else "", level2 if position3 == 0 else "", name, f">={target}%",
                         "计划标准", "", str(weight), "按比例赋分", "工作资料"]
                rows.append("\t".join(cells))
                expected.append((level1, level2, name, Decimal(target), Decimal(weight)))
    lines = split_lines(HEADER + "\n" + "\n".join(rows))
    columns = IndicatorColumns.of(lines[0])
    assert columns is not None
    indicators, problems = read_indicators(lines[1:], columns)
    assert problems == []
    assert [(i.level1, i.level2, i.name, i.target.number, i.weight) for i in indicators] == expected


# --- department targets ---------------------------------------------------------------------------


DEPARTMENT = """部门（单位）整体绩效目标表
（2024 年度）
部门（单位）名称\t部门名称：示例局\t
年度履职目标\t1、贯彻执行医疗保障制度。\t
年度主要任务\t任务名称\t主要内容
\t基金的申报审核\t负责基金的申报审核工作
\t\t并负责结算。
预算情况\t部门预算总额（万元）\t指标值
\t1、资金来源：\t9,018.9

\t2、资金结构:\t\t476.3\t
\t\t\t8,542.6\t
一级指标\t二级指标\t三级指标\t指标值\t指标值说明
投入管理指标\t工作目标管理\t工作任务科学性\t科学\t1. 是否有明确的绩效目标
\t\t预算调整率\t≤10%\t预算调整数: 部门在本年度内

\t\t\t\t涉及预算的追加。
绩效管理\t绩效目标编制完成率\t100%\t已完成项目数/项目总数*100%\t
产出指标\t重点工作任务完成\t完成情况\t完成良好\t
"""


def test_department_form_with_tasks_funds_and_explanations() -> None:
    target, problems = _department(DEPARTMENT)
    assert target.department == "示例局"
    assert target.goal == "1、贯彻执行医疗保障制度。"
    assert [(t.name, t.content) for t in target.tasks] == [("基金的申报审核", "负责基金的申报审核工作并负责结算。")]
    assert target.funds.total == Decimal("9018.9")
    assert (target.funds.basic, target.funds.project, target.funds.superior) == (None, None, None)
    assert [_seen(i)[:3] for i in target.indicators] == [
        ("投入管理指标", "工作目标管理", "工作任务科学性"),
        ("投入管理指标", "工作目标管理", "预算调整率"),
        ("投入管理指标", "绩效管理", "绩效目标编制完成率"),
        ("产出指标", "重点工作任务完成", "完成情况"),
    ]
    assert target.indicators[1].explanation == "预算调整数:部门在本年度内涉及预算的追加。"
    assert target.indicators[2].target.unit == "%"
    # 资金结构 figures carry no 基本支出/项目支出 label; the shifted 绩效管理 row is placed and said so.
    assert [p.line for p in problems] == [11, 12, 18]
    assert "476.3" in problems[0].message and "8,542.6" in problems[1].message


def test_department_funds_by_source() -> None:
    text = (
        "部门整体绩效目标表\n"
        "部门联系人\t\t张某\t联系电话\t4800000\t\n"
        "年度预算(万元)\t\t资金来源\t\t资金总额 (万元)\t\n"
        "\t\t财政资金 (万元)\t上级安排\t237.97\t\n"
        "\t\t\t本级安排\t2,022.69\t\n"
        "\t\t其他资金 (万元)\t其他\t905.62\t\n"
        "一级指标\t二级指标\t三级指标\t指标值\t指标设定依据\t分值权重\n"
        "履职效能\t数量指标\t推行商业保险\t=1 项\t重点工作\t20\n"
    )
    target, problems = _department(text)
    assert problems == []
    assert (target.contact, target.phone) == ("张某", "4800000")
    funds = target.funds
    assert (funds.total, funds.superior, funds.own, funds.other) == (
        None, Decimal("237.97"), Decimal("2022.69"), Decimal("905.62"))
    assert target.indicators[0].weight == Decimal(20)


# --- the Henan summary form ----------------------------------------------------------------------


SUMMARY = """2024 年部门预算项目绩效目标汇总表
部门名称：示例局
单位编码 (项目编 码)\t项目单位 (项目名 称)\t项目金额 (万元)\t\t\t\t绩效目标\t\t\t\t\t\t\t
\t\t\t\t\t\t成本指标\t\t产出指标\t\t效益指标\t\t满意度指标\t
\t\t资金总额\t政府预算 资金\t财政专 户管理 资金\t单位 资金\t{PAIRS}
304\t\t8,542.6\t8,542.6\t\t\t\t\t\t\t\t\t\t
304001\t示例 局\t8,542.6\t8,542.6\t\t\t\t\t\t\t\t\t\t
410726240 000000026 081\t银行手 续费票 据工本 费\t6.0\t6.0\t\t\t手续费等\t6 万元\t手续费\t≥200 笔\t{BANK}
\t\t\t\t\t\t\t\t票据印刷\t≥200 本\t\t\t\t
41072624000000020004\t2024年中央财政医疗救助补\t845.0\t845.0\t\t\t救助资金\t845万元\t参保率\t100%\t\t\t\t

\t助资金 (城乡医疗救助补助) T\t\t\t\t\t\t\t补偿及时率\t≥98%\t\t\t\t
410726240 000000026 062\t窗口服务费\t64.8\t64.8\t\t\t窗口服务费\t64.78万元\t\t\t\t\t\t
\t费\t\t\t\t\t\t\t\t\t\t\t\t
""".format(PAIRS="\t".join(["三级指标\t指标值"] * 4), BANK="提升效率\t明显\t满意度\t$\\geq 98\\%$")


def test_summary_projects_codes_groups_and_subtotals() -> None:
    targets, problems = read_performance(_blocks(SUMMARY))
    assert targets is not None
    assert [(s.agency_code, s.agency, s.funds.total) for s in targets.subtotals] == [
        ("304", None, Decimal("8542.6")), ("304001", "示例局", Decimal("8542.6"))]
    assert [(p.project_code, p.project) for p in targets.projects] == [
        ("410726240000000026081", "银行手续费票据工本费"),
        ("41072624000000020004", "2024年中央财政医疗救助补助资金(城乡医疗救助补助) T"),
        ("410726240000000026062", "窗口服务费"),
    ]
    first = targets.projects[0]
    assert first.agency == "示例局"
    funds = first.funds
    assert (funds.total, funds.gov_budget, funds.special_account, funds.agency_funds, funds.fiscal) == (
        Decimal("6.0"), Decimal("6.0"), Decimal(0), Decimal(0), None)
    assert [_seen(i) for i in first.indicators] == [
        ("成本指标", None, "手续费等", "6 万元"),
        ("产出指标", None, "手续费", "≥200 笔"),
        ("产出指标", None, "票据印刷", "≥200 本"),
        ("效益指标", None, "提升效率", "明显"),
        ("满意度指标", None, "满意度", "$\\geq 98\\%$"),
    ]
    satisfaction = first.indicators[-1].target
    assert (satisfaction.comparator, satisfaction.number, satisfaction.unit) == (Comparator.GE, Decimal(98), "%")
    assert [i.name for i in targets.projects[1].indicators] == ["救助资金", "参保率", "补偿及时率"]
    # "费" under a name that already ends with 费 may be a repeat: reported, not joined.
    assert [p.line for p in problems] == [14]


def test_summary_without_recognisable_headings_is_reported() -> None:
    text = "2024 年部门预算项目绩效目标汇总表\n编码\t名称\t金额\n304\t某局\t5.0\n"
    targets, problems = read_performance(_blocks(text))
    assert targets is None
    assert len(problems) == 1 and "table not read" in problems[0].message


# --- forms extracted one cell per line ------------------------------------------------------------


FLAT = """项目支出绩效目标表
（2024 年）
预算单位 示例局
项目名称
特定目标类项目-保基本民生项目-城乡居
民基本医疗保险
项目负责人 某某·某某
项目资金（万元）
年度预算总
额：
1710 其中：财政拨款 1710
其他资
金：
0
项目总体目标
提高群众看病就医结算方
便程度。
一级指
标
二级指标 三级指标 指标值
产出指
标
数量指标
≥9.54
人
（五）其他需说明的事项
"""


def test_flat_form_top_is_read_and_indicators_reported() -> None:
    project, problems = _project(FLAT)
    assert project.agency == "示例局"
    assert project.project == "特定目标类项目-保基本民生项目-城乡居民基本医疗保险"
    assert project.owner == "某某·某某"
    assert (project.funds.total, project.funds.fiscal, project.funds.other) == (
        Decimal(1710), Decimal(1710), Decimal(0))
    assert project.goal == "提高群众看病就医结算方便程度。"
    assert project.indicators == ()
    assert len(problems) == 1
    assert problems[0].line == 18 and "lines 18-25" in problems[0].message


def test_flat_form_amount_label_without_figure_is_reported() -> None:
    project, problems = _project(FLAT.replace("其他资\n金：\n0\n", "其他资\n金：\n"))
    assert project.funds.other is None
    assert len(problems) == 2 and "no figure" in problems[0].message


def test_flat_department_funds() -> None:
    text = (
        "部门整体绩效目标表\n部门名称（盖章） 示例局\n部门联系人 某某 联系电话： 4692118\n"
        "年度绩效目标\n巩固参保率。\n年度预算（万元）\n资金来源 资金总额（万元）\n财政资金（万元）\n"
        "上级安\n排\n96.86\n本级安\n排\n1984.69\n其他资金（万元） 其他 0\n一级指\n标\n履职效\n能\n"
    )
    target, problems = _department(text)
    assert (target.department, target.contact, target.phone) == ("示例局", "某某", "4692118")
    assert target.goal == "巩固参保率。"
    funds = target.funds
    assert (funds.total, funds.superior, funds.own, funds.other) == (
        None, Decimal("96.86"), Decimal("1984.69"), Decimal(0))
    assert len(problems) == 1 and "one cell per line" in problems[0].message


# --- read_performance ----------------------------------------------------------------------------


def test_read_performance_keeps_document_order_and_the_first_department() -> None:
    department = (
        "部门整体绩效目标表\n部门名称\t\t示例局\n一级指标\t二级指标\t三级指标\t指标值\n"
        "产出指标\t数量指标\t次数\t=1 次\n"
    )
    project = _project_form(ONE_ROW)
    text = department + project + department.replace("示例局", "另一局")
    targets, problems = read_performance(_blocks(text))
    assert targets is not None and targets.department is not None
    assert targets.department.department == "示例局"
    assert [p.project for p in targets.projects] == ["2024年宣传经费"]
    assert len(problems) == 1 and "second" in problems[0].message


def test_read_performance_of_nothing() -> None:
    assert read_performance([]) == (None, [])


# --- the seeds --------------------------------------------------------------------------------------


def _seed(prefix: str) -> tuple[str, PerformanceTargets, list[Problem]]:
    text = seed_text(prefix)
    targets, problems = read_performance(_blocks(text))
    assert targets is not None, problems
    return text, targets, problems


def _by_name(targets: PerformanceTargets, name: str) -> ProjectTarget:
    return next(p for p in targets.projects if p.project == name)


def test_seed_001() -> None:
    _, targets, problems = _seed("001")
    department = targets.department
    assert department is not None
    assert department.department == "乌鲁木齐市医疗保障局(预留)"
    assert (department.contact, department.phone) == ("张杰", "4802251")
    assert department.goal is not None and department.goal.startswith("我单位工作职能：贯彻执行国家")
    assert (department.funds.superior, department.funds.own, department.funds.other, department.funds.total) == (
        Decimal("237.97"), Decimal("2022.69"), Decimal("905.62"), None)
    assert [(i.level1, i.level2, i.name, i.weight, i.weight_text) for i in department.indicators] == [
        ("履职效能", "数量指标", "推行惠民型商业医疗保险", None, "履职效能"),
        ("履职效能", "数量指标", "建设医保经办基层云服务点位", None, "履职效能"),
        ("履职效能", "数量指标", "建立医保掌上支付结算平台", None, "履职效能"),
    ]
    assert len(targets.projects) == 10
    assert targets.subtotals == ()

    audit = _by_name(targets, "2024年稽核费")
    assert audit.agency == "乌鲁木齐市医疗保障事业发展中心"
    assert (audit.funds.total, audit.funds.fiscal, audit.funds.other) == (
        Decimal("24.27"), Decimal("24.27"), Decimal("0.00"))
    assert len(audit.indicators) == 8
    assert sum(i.weight or 0 for i in audit.indicators) == 90
    first = audit.indicators[0]
    assert (first.name, first.target.raw, first.basis, first.scoring_rule, first.evidence) == (
        "异地费用检查频次", ">=7 次", "自定义", "按照正常比例赋分", "工作资料,原始凭证")
    assert first.prior_actual is not None and first.prior_actual.raw == "4 次"
    assert audit.indicators[7].target.comparator is Comparator.LE

    insurance = next(p for p in targets.projects if p.funds.total == Decimal("53301.00"))
    assert insurance.project == "关于提前下达2024年财政城乡居民基本医疗保险补助资金预算的通知"
    assert len(insurance.indicators) == 14
    assert sum(i.weight or 0 for i in insurance.indicators) == 90
    shifted = insurance.indicators[9]
    assert _seen(shifted) == ("产出指标", "质量指标", "实施按病种付费为主的医保支付方式", "逐步推广")
    assert (shifted.weight, shifted.scoring_rule, shifted.evidence) == (Decimal(4), "按评判等级赋分", "说明材料")
    wrapped = insurance.indicators[12]
    assert _seen(wrapped)[:3] == ("效益指标", "社会效益指标", "减轻参保人就医经济负担,缓解社会矛盾")
    assert (wrapped.target.text, wrapped.weight) == ("成效明显", Decimal(20))
    assert insurance.indicators[13].name == "参保人员满意度(%)"

    first_project = targets.projects[0]
    assert first_project.project == "2023年全民参保补助资金（上年结转资金）"
    assert first_project.owner is None
    assert (first_project.funds.fiscal, first_project.funds.other) == (Decimal("0.00"), Decimal("30.51"))
    assert [i.prior_actual for i in first_project.indicators] == [None] * 7
    # The one row that dropped a cell is placed and reported.
    assert [p.line for p in problems] == [854]


def test_seed_002() -> None:
    _, targets, problems = _seed("002")
    assert targets.department is None
    assert len(targets.projects) == 10
    first = targets.projects[0]
    assert (first.agency, first.project, first.owner) == (
        "阿克陶县医疗保障局", "全民参保及医疗服务经费项目(社保股)项目结转", "易艳")
    assert (first.funds.total, first.funds.fiscal, first.funds.other) == (
        Decimal("6.5"), Decimal("6.5"), Decimal("0"))
    assert _seen(first.indicators[0]) == ("产出指标", "数量指标", "参保人数(人)", "≥13500人")
    agency_funds = _by_name(targets, "2023年单位资金")
    assert agency_funds.owner == "易艳 15022842971"
    assert (agency_funds.funds.total, agency_funds.funds.fiscal, agency_funds.funds.other) == (
        Decimal("8.95"), Decimal("0.00"), Decimal("8.95"))
    assert _seen(agency_funds.indicators[6]) == ("满意度指标", "服务对象满意度指标", "受益人群满意度（%）", ">=95%")
    network = _by_name(targets, "医保局接入电子内网费")
    assert network.funds.other == Decimal("0")  # printed label, blank cell
    it = _by_name(targets, "2023年医疗信息化建设配套资金")
    assert len(it.indicators) == 10
    assert [i.weight for i in it.indicators][-3:] == [Decimal(7), Decimal(6), Decimal(10)]
    wrapped = _by_name(targets, "城乡医保工作经费").indicators[9]
    assert (wrapped.level1, wrapped.level2, wrapped.name, wrapped.scoring_rule) == (
        "效益指标", "社会效益指标", "提升公共服务能力", "按评判等级赋分")
    last = targets.projects[-1]
    assert last.title == "2023 年度自治区财政项目支出绩效目标表"
    assert (last.project, last.funds.total, last.funds.other) == (
        "2023年中央财政医疗服务与保障能力提升补助资金", Decimal(15), Decimal(0))
    assert last.indicators[3].target.unit == "个月"
    # The stray "分" under 指标赋分规则 is reported, not joined to 按评判等级赋分.
    assert [p.line for p in problems] == [747]


def test_seed_003() -> None:
    _, targets, problems = _seed("003")
    department = targets.department
    assert department is not None
    assert department.department == "延津县医疗保障局"
    assert department.goal is not None and department.goal.startswith("1、贯彻执行国家、省、市医疗保险")
    assert len(department.tasks) == 1
    assert department.tasks[0].content is not None and department.tasks[0].content.startswith("基本职能：")
    assert department.funds.total == Decimal("9018.9")
    assert (department.funds.basic, department.funds.project) == (None, None)
    inputs = [i for i in department.indicators if i.level1 == "投入管理指标"]
    assert len(inputs) == 19
    assert [i.level2 for i in inputs].count("预算和财务管理") == 12
    assert [i.name for i in inputs if i.level2 == "绩效管理"] == [
        "绩效目标编制完成率", "绩效监控完成率", "绩效自评完成率", "部门绩效评价完成率", "评价结果应用率"]
    adjustment = next(i for i in inputs if i.name == "预算调整率")
    assert str(adjustment.target) == "≤10%"
    assert adjustment.explanation is not None and adjustment.explanation.endswith("临时交办而产生的调整除外）。")
    assert [_seen(i) for i in department.indicators[19:]] == [
        ("产出指标", "重点工作任务完成", "重点工作任务完成情况", "完成良好"),
        ("产出指标", "履职目标实现", "履职目标实现情况", "基本实现"),
        ("效益指标", "履职效益", "社会效益", "明显"),
        ("效益指标", "满意度", "参保群众满意度", "≥95%"),
    ]

    assert len(targets.projects) == 13
    assert [p.project_code for p in targets.projects] == [
        "410726240000000026081", "410726240000000026084", "410726240000000026087", "41072624000000026090",
        "41072624000000026093", "41072624000000060415", "41072624000000020004", "410726240000000020802",
        "410726240000000026050", "410726240000000026057", "410726240000000026062", "410726240000000026076",
        "410726240000000026078",
    ]
    assert {p.agency for p in targets.projects} == {"延津县医疗保障局"}
    bank = targets.projects[0]
    assert (bank.project, bank.funds.total, bank.funds.gov_budget) == ("银行手续费票据工本费", Decimal("6.0"),
                                                                       Decimal("6.0"))
    assert [_seen(i)[2:] for i in bank.indicators] == [
        ("银行手续费票据工本费等", "6 万元"), ("手续费", "≥200 笔"), ("票据印刷", "≥200 本"),
        ("银行手续合格率", "≥99%"), ("办理手续及时率", "≥99%"), ("提升工作效率", "明显"), ("工作人员满意度", "≥98%")]
    relief = targets.projects[6]
    assert relief.project == "2024年中央财政医疗救助补助资金(城乡医疗救助补助) T"
    assert relief.indicators[3].name == "补偿及时率"
    veterans = _by_name(targets, "离残人员医药费")
    assert veterans.funds.total == Decimal("429.0")
    satisfaction = veterans.indicators[-1]
    assert (satisfaction.level1, satisfaction.name) == ("满意度指标", "离休干部和残疾军人满意度")
    assert (satisfaction.target.comparator, satisfaction.target.number) == (Comparator.GE, Decimal(98))
    county = _by_name(targets, "城乡居民基本医疗保险县级配套资金2024")
    assert county.funds.total == Decimal("6592.8")
    assert [(s.agency_code, s.agency, s.funds.total) for s in targets.subtotals] == [
        ("304", None, Decimal("8542.6")), ("304001", "延津县医疗保障局", Decimal("8542.6"))]
    assert [p.line for p in problems] == [431, 432, 451, 514]


def _figures(targets: PerformanceTargets) -> list[Decimal]:
    """Every amount and weight the reading produced."""
    found: list[Decimal] = []
    holders: list[Any] = []
    if targets.department is not None:
        holders += [targets.department.funds, *targets.department.indicators]
    for project in targets.projects:
        holders += [project.funds, *project.indicators]
    for holder in holders:
        for field in attrs.fields(type(holder)):
            value = getattr(holder, field.name)
            if isinstance(value, Decimal):
                found.append(value)
    return found


def test_seed_004_is_read_where_certain_and_reported_elsewhere() -> None:
    text, targets, problems = _seed("004")
    department = targets.department
    assert department is not None
    assert (department.department, department.contact, department.phone) == (
        "轮台县医疗保障局", "凯德日耶·伊力哈木", "4692118")
    assert (department.funds.superior, department.funds.own, department.funds.other) == (
        Decimal("96.86"), Decimal("1984.69"), Decimal(0))
    assert department.indicators == ()
    assert len(targets.projects) == 1
    project = targets.projects[0]
    assert (project.agency, project.owner) == ("轮台县医疗保障局", "热汗古丽·艾海提")
    assert project.project == "特定目标类项目-保基本民生项目-城乡居民基本医疗保险"
    assert (project.funds.total, project.funds.fiscal, project.funds.other) == (
        Decimal(1710), Decimal(1710), Decimal(0))
    assert project.indicators == ()
    # Nothing invented: every figure is printed in the source, and the unread rows are reported.
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    assert all(str(figure) in numbers for figure in _figures(targets))
    assert [p.line for p in problems] == [1363, 1470]
    assert all("one cell per line" in p.message for p in problems)


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_seed_targets_parse_or_keep_their_text(prefix: str) -> None:
    _, targets, _ = _seed(prefix)
    indicators = [i for p in targets.projects for i in p.indicators]
    assert indicators
    # Every target keeps its printed text; most of them are read as quantities, wording or dates.
    assert all(i.target.raw for i in indicators)
    unread = [i for i in indicators if i.target.kind is TargetKind.UNPARSED]
    assert len(unread) * 10 < len(indicators)
