"""Scoring performance targets (绩效评分): the worked example of docs/performance-targets.md, each
scoring method and comparator, units, CSV actuals and the ``score`` command."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.cli import score as score_command
from cnbudget.errors import DataError, ReadError
from cnbudget.model import BudgetDisclosure, DepartmentTarget, Indicator, ProjectTarget
from cnbudget.scoring import (
    ScoringMethod,
    grade_for_ratio,
    grade_of,
    load_actuals,
    on_time,
    read_actuals,
    read_method,
    score,
    score_indicator,
)
from cnbudget.serialize import to_json
from cnbudget.target_units import measure_of
from cnbudget.targets import parse_target
from tests.present import present


def _ind(target: str, rule: str | None = "按照正常比例赋分", *, weight: str | None = "10", name: str = "指标",
         level1: str = "产出指标") -> Indicator:
    return Indicator(level1=level1, level2=None, name=name, target=target, weight=weight, scoring_rule=rule)


def _scored(target: str, actual: str | None, rule: str | None = "按照正常比例赋分", weight: str | None = "10") -> Any:
    return score_indicator(_ind(target, rule, weight=weight), actual)


# --- the worked example (hand-computed in docs/performance-targets.md) --------------------------------


def _worked_target() -> ProjectTarget:
    rows = [
        ("产出指标", "宣传次数", ">=8 次", "10", "按照正常比例赋分"),
        ("成本指标", "救助金额", "<=2500 万元", "10", "按照正常比例赋分"),
        ("产出指标", "资金使用时效", "=12 个月", "10", "按照正常比例赋分"),
        ("产出指标", "资助参保人数", ">=1.20 万人", "8", "按照正常比例赋分"),
        ("满意度指标", "救助对象满意度", ">=90%", "10", "满意度赋分"),
        ("效益指标", "政策知晓率", "有所提升", "30", "按评判等级赋分"),
        ("产出指标", "住院费用报销比例", ">=68%", "4", "按评判等级赋分"),
        ("产出指标", "重复参保人数", "=0 人", "4", "直接赋分"),
        ("产出指标", "救助完成时间", "2024年5月前", "4", "直接赋分"),
    ]
    return ProjectTarget(project="医疗救助补助资金", indicators=[
        Indicator(level1=l1, name=name, target=t, weight=w, scoring_rule=r) for l1, name, t, w, r in rows])


WORKED_ACTUALS = {
    "宣传次数": "6 次", "救助金额": "2800 万元", "资金使用时效": "11 个月", "资助参保人数": "11000 人",
    "救助对象满意度": "85.5%", "政策知晓率": "基本达到预期", "住院费用报销比例": "60%", "重复参保人数": "0 人",
    "救助完成时间": "2024年5月20日",
}


def test_worked_example_step_by_step() -> None:
    card = score(_worked_target(), WORKED_ACTUALS)
    # 6/8; 2500/2800 = .892857 → 8.93; 11/12 → 9.17; 1.1/1.2 × 8 → 7.33; 85.5/90; grade 80% × 30;
    # 60/68 = .88 → grade 80% × 4; met; met.
    assert [s.score for s in card.steps] == [Decimal(x) for x in (
        "7.50", "8.93", "9.17", "7.33", "9.50", "24.00", "3.20", "4.00", "4.00")]
    assert [s.share for s in card.steps] == [Decimal(x) for x in (
        "0.75", "0.8929", "0.9167", "0.9167", "0.95", "0.8", "0.8", "1", "1")]
    assert card.total == Decimal("77.63")
    assert card.weight_total == Decimal(90)
    assert card.complete and card.unmatched == ()
    assert [s.method for s in card.steps][-4:] == [ScoringMethod.GRADE, ScoringMethod.GRADE, ScoringMethod.DIRECT,
                                                   ScoringMethod.DIRECT]


def test_worked_example_text() -> None:
    text = score(_worked_target(), WORKED_ACTUALS).to_text()
    lines = text.splitlines()
    assert lines[0] == "宣传次数  指标值 >=8 次  实际 6 次  按比例赋分  10 × 75% = 7.50  实际值 6 ÷ 指标值 8 = 75%"
    assert lines[-1] == "得分合计 77.63 / 分值合计 90"


# --- proportional scoring, comparator by comparator ----------------------------------------------------


@pytest.mark.parametrize("target, actual, share, points", [
    (">=8 次", "6 次", "0.75", "7.50"),  # floor, short of it
    (">=8 次", "9 次", "1", "10.00"),  # floor, exceeded: capped
    (">8 次", "8 次", "1", "10.00"),  # at a strict bound the proportion is 1
    ("<=2500 万元", "2000 万元", "1", "10.00"),  # ceiling kept
    ("<=2500 万元", "5000 万元", "0.5", "5.00"),  # ceiling doubled
    ("=12 个月", "9 个月", "0.75", "7.50"),  # exact, under
    ("=12 个月", "16 个月", "0.75", "7.50"),  # exact, over: 12/16
    ("12 个月", "9 个月", "0.75", "7.50"),  # a bare number is read as exact
    (">=0 次", "0 次", "1", "10.00"),
    ("=0 人", "2 人", "0", "0.00"),  # no proportion of zero
    ("<=0 次", "1 次", "0", "0.00"),
    (">=8 次", "0 次", "0", "0.00"),
])
def test_proportional(target: str, actual: str, share: str, points: str) -> None:
    step = _scored(target, actual)
    assert (step.share, step.score) == (Decimal(share), Decimal(points))


def test_bare_number_is_explained() -> None:
    assert "指标值未写比较符，按“=”计" in _scored("12 个月", "9 个月").explanation


def test_scores_round_half_up() -> None:
    # 1 × 1/8 = 0.125 → 0.13; 3 × 2/3 = 2 exactly from the exact ratio, not 3 × 0.6667.
    assert _scored(">=8 次", "1 次", weight="1").score == Decimal("0.13")
    assert _scored(">=3 次", "2 次", weight="3").score == Decimal("2.00")


def test_satisfaction_is_proportional() -> None:
    step = _scored(">=90%", "85.5%", "满意度赋分")
    assert (step.method, step.share, step.score) == (ScoringMethod.SATISFACTION, Decimal("0.95"), Decimal("9.50"))


# --- grades, direct scoring, deadlines -----------------------------------------------------------------


@pytest.mark.parametrize("actual, share", [
    ("完全达到预期", "1"), ("有效提升", "1"), ("基本达到预期", "0.8"), ("良", "0.8"), ("部分达成", "0.6"),
    ("一般", "0.6"), ("未达到预期", "0"), ("差", "0"), ("完全达到 预期", "1"),
])
def test_grades_of_words(actual: str, share: str) -> None:
    assert grade_of(actual, "有效提升") == Decimal(share)
    assert _scored("有效提升", actual, "按评判等级赋分").share == Decimal(share)


def test_unknown_words_are_not_scored() -> None:
    assert grade_of("差异较大的描述文字") is None
    step = _scored("有效提升", "大幅提升", "按评判等级赋分")
    assert step.score is None and "无法判断“大幅提升”" in step.explanation


@pytest.mark.parametrize("ratio, grade", [("1", "1"), ("0.99", "0.8"), ("0.8", "0.8"), ("0.79", "0.6"),
                                          ("0.6", "0.6"), ("0.59", "0")])
def test_grade_of_a_completion_ratio(ratio: str, grade: str) -> None:
    assert grade_for_ratio(Decimal(ratio)) == Decimal(grade)


def test_quantity_scored_by_grade() -> None:
    step = _scored(">=68%", "60%", "按评判等级赋分", weight="4")
    assert (step.share, step.score) == (Decimal("0.8"), Decimal("3.20"))
    assert _scored(">=100 个", "50 个", "按评判等级赋分").score == Decimal("0.00")


@pytest.mark.parametrize("target, actual, points", [
    ("=1 项", "1 项", "10.00"), ("=1 项", "0 项", "0.00"), ("<=1 次", "0 次", "10.00"), ("<=1 次", "2 次", "0.00"),
    ("有效保障", "有效保障", "10.00"), ("有效保障", "基本达到预期", "0.00"),
    ("2024年12月31日前", "2024年12月31日", "10.00"), ("2024年12月31日前", "2025年1月3日", "0.00"),
    ("2024年5月前", "按时完成", "10.00"),
])
def test_direct(target: str, actual: str, points: str) -> None:
    assert _scored(target, actual, "直接赋分").score == Decimal(points)


def test_deadlines() -> None:
    limit = parse_target("2024年5月前").deadline
    assert limit is not None
    for done, met in (("2024年5月31日", True), ("2024年6月", False), ("2024年4月", True), ("5月20日", True)):
        deadline = parse_target(done).deadline
        assert deadline is not None
        assert on_time(deadline, limit) is met, done


def test_wording_and_dates_cannot_be_scored_in_proportion() -> None:
    words = _scored("有效提升", "基本达到预期", "按照正常比例赋分")
    assert words.share == Decimal("0.8") and "定性指标无法采用按比例赋分，改用按评判等级赋分" in words.explanation
    date = _scored("2024年5月前", "2024年6月1日", "按照完成比例赋分")
    assert date.score == Decimal("0.00") and "时限指标无法采用按比例赋分，改用直接赋分" in date.explanation
    assert (words.method, date.method) == (ScoringMethod.GRADE, ScoringMethod.DIRECT)


# --- methods, units, missing figures -------------------------------------------------------------------


def test_reading_the_scoring_rule() -> None:
    assert read_method("按照完成比例赋分") is ScoringMethod.PROPORTIONAL
    assert read_method("直接 赋分") is ScoringMethod.DIRECT
    assert read_method(None) is None
    blank = _scored(">=8 次", "6 次", None)
    assert blank.method is ScoringMethod.PROPORTIONAL and blank.explanation.startswith("赋分规则未写，采用按比例赋分")
    odd = _scored("有效提升", "完成", "自定义")
    assert odd.method is ScoringMethod.GRADE and "“自定义”无法识别" in odd.explanation


def test_units_are_converted_or_refused() -> None:
    converted = _scored(">=1.20 万人", "11000 人", weight="8")
    assert converted.score == Decimal("7.33") and "折合 1.1万人" in converted.explanation
    refused = _scored(">=8 次", "6 人")
    assert refused.score is None and "单位不同" in refused.explanation
    bare = _scored(">=90%", "81")
    assert bare.share == Decimal("0.9") and "实际值未写单位" in bare.explanation


def test_missing_actual_weight_or_unreadable_target() -> None:
    assert _scored(">=8 次", None).explanation == "未提供实际完成值"
    assert _scored(">=8 次", "  ").score is None
    no_weight = _scored(">=8 次", "6 次", weight=None)
    assert (no_weight.share, no_weight.score) == (Decimal("0.75"), None)
    assert "未印分值权重" in no_weight.explanation
    assert _scored("≥11.8 万人/10 元", "12 万人").score is None
    assert _scored(">=8 次", "基本完成").score is None


def test_actuals_are_matched_by_name_and_leftovers_listed() -> None:
    target = ProjectTarget(project="p", indicators=[_ind(">=8 次", name="宣传 次数"), _ind("=1 项", name="项目")])
    card = score(target, {"宣传次数": "8 次", "其他": "1"})
    assert [s.score for s in card.steps] == [Decimal("10.00"), None]
    assert card.total == Decimal("10.00") and card.weight_total == Decimal(20)
    assert not card.complete and card.unmatched == ("其他",)
    assert "1 项未评分" in card.to_text() and "其他" in card.to_text()


def test_department_targets_score_too() -> None:
    target = DepartmentTarget(department="某局", indicators=[_ind(">=100 个", "按照正常比例赋分", name="点位")])
    assert score(target, {"点位": "80 个"}).total == Decimal("8.00")


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["≥", "≤", "=", ">", "<", ""]),
    st.decimals(min_value=0, max_value=10000, places=2),
    st.decimals(min_value=0, max_value=10000, places=2),
    st.integers(min_value=1, max_value=40),
    st.sampled_from(["按照正常比例赋分", "按评判等级赋分", "直接赋分", "满意度赋分"]),
)
def test_a_score_is_never_more_than_the_weight(comparator: str, target: Decimal, actual: Decimal, weight: int,
                                               rule: str) -> None:
    step = _scored(f"{comparator}{target}次", f"{actual}次", rule, weight=str(weight))
    assert step.share is not None and step.score is not None
    assert Decimal(0) <= step.share <= 1
    assert Decimal(0) <= step.score <= weight
    value = parse_target(f"{comparator}{target}次")
    met = present(value.comparator or parse_target("=1").comparator).holds(actual, target)
    if met:
        assert step.score == weight


# --- units of measure ----------------------------------------------------------------------------------


@pytest.mark.parametrize("unit, factor, base", [
    ("万人", "10000", "人"), ("亿元", "100000000", "元"), ("千元", "1000", "元"), ("千克", "1", "千克"),
    ("万元/人", "10000", "元/人"), ("个 月", "1", "月"), ("人次", "1", "人次"),
])
def test_measures(unit: str, factor: str, base: str) -> None:
    measure = measure_of(unit)
    assert measure is not None and (measure.factor, measure.base) == (Decimal(factor), base)


# --- actuals from CSV ----------------------------------------------------------------------------------


def test_reading_actuals() -> None:
    text = "三级指标,实际完成值,备注\n宣传次数,6 次,多余的列\n\n\"满意度, 群众\",85.5%\n"
    assert read_actuals(text) == {"宣传次数": "6 次", "满意度, 群众": "85.5%"}
    assert read_actuals("indicator,actual\n覆盖率,100%\n") == {"覆盖率": "100%"}
    assert read_actuals("覆盖率,100%\n") == {"覆盖率": "100%"}


def test_bad_actuals_are_reported_with_lines() -> None:
    with pytest.raises(DataError) as caught:
        read_actuals("覆盖率,100%\n只有一列\n,95%\n覆盖率,99%\n")
    assert [path for path, _ in caught.value.problems] == ["line 2", "line 3", "line 4"]


def test_loading_actuals(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_bytes("\ufeff三级指标,实际完成值\n覆盖率,100%\n".encode())
    assert load_actuals(path) == {"覆盖率": "100%"}
    with pytest.raises(ReadError):
        load_actuals(tmp_path / "missing.csv")
    (tmp_path / "gbk.csv").write_bytes("覆盖率,100%".encode("gbk"))
    with pytest.raises(ReadError, match="UTF-8"):
        load_actuals(tmp_path / "gbk.csv")


# --- the score command ---------------------------------------------------------------------------------


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="cnbudget")
    score_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["score", *argv])
    status: int = args.handler(args)
    return status


def _files(tmp_path: Path, target: Any, actuals: str) -> tuple[str, str]:
    target_path, actual_path = tmp_path / "target.json", tmp_path / "actuals.csv"
    target_path.write_text(target if isinstance(target, str) else to_json(target), encoding="utf-8")
    actual_path.write_text(actuals, encoding="utf-8")
    return str(target_path), str(actual_path)


def test_command_prints_the_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "\n".join(f"{name},{value}" for name, value in WORKED_ACTUALS.items())
    assert _run(*_files(tmp_path, _worked_target(), rows)) == 0
    out = capsys.readouterr().out
    assert out.startswith("医疗救助补助资金 绩效评分\n")
    assert out.rstrip().endswith("得分合计 77.63 / 分值合计 90")


def test_command_json_and_incomplete_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(*_files(tmp_path, _worked_target(), "宣传次数,6 次\n"), "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "7.50" and data["steps"][0]["score"] == "7.50"
    assert data["steps"][1]["score"] is None and data["steps"][0]["method"] == "proportional"


def test_command_reads_department_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = DepartmentTarget(department="某局", indicators=[_ind("=1 项", "直接赋分", name="推行保险")])
    assert _run(*_files(tmp_path, target, "推行保险,1 项\n")) == 0
    assert "某局 绩效评分" in capsys.readouterr().out


@pytest.mark.parametrize("content, message", [
    ("[1, 2]", "JSON object"),
    ("{not json", "not valid JSON"),
    (None, "whole disclosure"),
    ('{"project": 5}', "project"),
])
def test_command_refuses_unusable_targets(tmp_path: Path, content: str | None, message: str) -> None:
    text = content if content is not None else to_json(BudgetDisclosure(department="某局", fiscal_year=2024))
    with pytest.raises(DataError, match=message):
        _run(*_files(tmp_path, text, "a,1\n"))


def test_command_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        _run(str(tmp_path / "none.json"), str(tmp_path / "none.csv"))
